// The last-resort guard: every verb and every exported function is a boundary, called from plain
// JavaScript with whatever a host holds. The checks in front (parsers, the verbs' field tables, the
// stored-state checks) answer every JSON value with a documented error value; a value that throws
// while it is read — a Proxy, a getter that throws — is answered here, once, by the wrapper every
// exported function is defined with: the documented "unreadable" error value instead of the
// exception. One kind of exception passes through: one thrown by a callback the host supplied (a
// HubSpot change mapper), called through `hostCall`: a bug in the host's code reaches the host.
import { err, type InvalidInput, invalidInput } from "./result.js";

/** The message of an `unreadable` error value. */
export const UNREADABLE_MESSAGE = "the input could not be read: reading it threw (a Proxy or a getter that throws?)";

/**
 * Wraps `fn` so that an exception thrown while it runs becomes `fallback`'s answer. The wrapper
 * adds one call and a try/catch (measured in bench/guard.bench.ts).
 *
 * @param fn - the function
 * @param fallback - the documented answer when `fn` throws; given the same arguments, it must not
 *   read them (they are what threw)
 * @returns the guarded function
 * @example
 * guard((o: { a: number }) => o.a, () => -1)(new Proxy({ a: 1 }, { get: () => { throw 1; } })); // => -1
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R, fallback: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      caught(error);
      return fallback(...args);
    }
  };
}

// Exceptions thrown by the host's own callbacks (see hostCall): passed on, never answered.
const fromHost = new WeakSet<object>();
let catches = 0;

/** Passes on an exception of the host's callback; counts any other as one the guard answers. */
function caught(error: unknown): void {
  if (typeof error === "object" && error !== null && fromHost.has(error)) throw error;
  catches++;
}

/**
 * How many exceptions the last-resort guard has answered in this process. For tests: the fuzz
 * suite checks that no JSON value is answered by the guard rather than by a check. @internal
 *
 * @returns the count
 * @example
 * typeof guardCatches(); // => "number"
 */
export function guardCatches(): number {
  return catches;
}

/**
 * Calls a callback the host supplied (a HubSpot change mapper). An exception it throws is the
 * host's bug, not bad input: it passes through every guard to the host, unchanged (a thrown value
 * that is not an object — `throw "x"` — is passed on as an Error whose `cause` is that value).
 *
 * @param fn - the host's callback
 * @param args - its arguments
 * @returns what it returns
 * @example
 * hostCall((n: number) => n + 1, 1); // => 2
 */
export function hostCall<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
  try {
    return fn(...args);
  } catch (error) {
    const passed = typeof error === "object" && error !== null ? error : new Error(String(error), { cause: error });
    fromHost.add(passed);
    throw passed;
  }
}

/**
 * The error value of the last-resort guard, in every `Result` a guarded function returns: the
 * input threw when it was read.
 */
export interface Unreadable {
  readonly code: "unreadable";
  readonly message: string;
  /** No one field is at fault: `""` (the input as a whole). */
  readonly field: "";
}

/** The one {@link Unreadable} value (frozen, shared). */
export const UNREADABLE: Unreadable = /* @__PURE__ */ Object.freeze({
  code: "unreadable",
  message: UNREADABLE_MESSAGE,
  field: "",
});

/**
 * Runs `body`; an exception thrown while it runs becomes `fallback`. The form `guard` takes inside
 * an exported function's own body (so the function keeps its signature, generics and docs).
 *
 * @param body - the function's body
 * @param fallback - the documented answer when it throws
 * @returns what `body` returns, or `fallback`
 * @example
 * guarded(() => JSON.parse("{"), () => null); // => null
 */
export function guarded<R>(body: () => R, fallback: () => R): R {
  try {
    return body();
  } catch (error) {
    caught(error);
    return fallback();
  }
}

/**
 * {@link guarded} for an async body: a rejection becomes `fallback` too.
 *
 * @param body - the function's async body
 * @param fallback - the documented answer when it throws or rejects
 * @returns what `body` resolves to, or `fallback`
 * @example
 * await guardedAsync(async () => JSON.parse("{"), () => null); // => null
 */
export function guardedAsync<R>(body: () => Promise<R>, fallback: () => R): Promise<R> {
  return body().catch((error: unknown) => {
    caught(error);
    return fallback();
  });
}

/**
 * The failed `Result` of the last-resort guard: `{ ok: false, error: UNREADABLE }`.
 *
 * @returns the result
 * @example
 * unreadable().error.code; // => "unreadable"
 */
export function unreadable(): { readonly ok: false; readonly error: Unreadable } {
  return err(UNREADABLE);
}

/**
 * Guards the methods of a preset at once: each listed method, wrapped with {@link guard} and its
 * fallback. The presets' own verbs (`initial`, `label`, `logCall`…) are guarded this way, next to
 * the engine's (which `createLifecycle` guards).
 *
 * @param object - the preset
 * @param fallbacks - each method's documented answer when it throws
 * @returns a copy of the preset with those methods guarded
 * @example
 * guardMethods({ f: (o: { a: number }) => o.a }, { f: () => -1 }).f(null as never); // => -1
 */
export function guardMethods<T extends object>(object: T, fallbacks: NoInfer<{ readonly [K in keyof T]?: T[K] }>): T {
  const out = { ...object } as Record<string, unknown>;
  for (const [name, fallback] of Object.entries(fallbacks)) {
    out[name] = guard(out[name] as (...args: unknown[]) => unknown, fallback as (...args: unknown[]) => unknown);
  }
  return out as T;
}

/**
 * Runs a definition-time builder's body: a TypeError of the builder's own (its message starts with
 * the builder's name and names the option) passes through; any other exception — options that throw when read — becomes a TypeError naming the
 * builder, as its `@throws` documents.
 *
 * @param fn - the builder's name, for the message
 * @param body - the builder's body
 * @returns what `body` returns
 * @throws TypeError naming the builder
 * @example
 * defining("build", () => 1); // => 1
 */
export function defining<R>(fn: string, body: () => R): R {
  try {
    return body();
  } catch (error) {
    // The builder's own TypeError names it; any other (a revoked Proxy's "Cannot perform
    // 'IsArray'", an exception a getter threw) is the options failing to be read.
    if (error instanceof TypeError && error.message.startsWith(`${fn}: `)) throw error;
    throw new TypeError(`${fn}: its options could not be read (a Proxy or a getter that throws?)`);
  }
}

/**
 * The failed `Result` of the last-resort guard for a function whose errors are `InvalidInput`:
 * one issue at the input itself, `code: "unreadable"`.
 *
 * @param what - what was being read
 * @returns the result
 * @example
 * unreadableInput("new lead").error.issues[0]?.code; // => "unreadable"
 */
export function unreadableInput(what: string): { readonly ok: false; readonly error: InvalidInput } {
  return err(invalidInput(what, [{ path: "", code: "unreadable", message: UNREADABLE_MESSAGE }]));
}
