import * as z from "zod/mini";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "./result.js";
import { type Instant, toEpochMs, toIso } from "./time.js";

/** The message of an instant that is not one; internal, read by scripts/schemas.ts. */
export const INSTANT_MESSAGE =
  "expected an instant: a Date, an ISO-8601 date-time with Z or an offset, or epoch milliseconds";

/**
 * A zod/mini schema for an {@link Instant} that outputs the ISO-8601 UTC string state stores.
 *
 * @returns the schema
 * @example
 * z.parse(instantSchema(), 0); // => "1970-01-01T00:00:00.000Z"
 */
export function instantSchema(): z.ZodMiniPipe<z.ZodMiniCustom<Instant, Instant>, z.ZodMiniTransform<string, Instant>> {
  return z.pipe(
    z.custom<Instant>((v) => !Number.isNaN(toEpochMs(v)), { message: INSTANT_MESSAGE }),
    z.transform((v: Instant) => toIso(toEpochMs(v))),
  );
}

const GENERIC = "Invalid input";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const join = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);
const kind = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

// zod/mini ships no messages (its default is "Invalid input" for everything) and setting its
// locale is global configuration, which a library must not touch. The plain-English messages are
// written here from the issue's data instead; a schema's own message wins when it has one.
function describe(issue: z.core.$ZodIssue, input: unknown): Issue[] {
  const path = issue.path.map(String).join(".");
  const value = valueAt(input, issue.path);
  const own = issue.message !== GENERIC ? issue.message : undefined;
  if (value === undefined && issue.path.length > 0 && issue.code !== "unrecognized_keys") {
    return [{ path, message: "is required" }];
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: join(path, key), message: "is not a known field" }));
    case "invalid_union":
      if (issue.discriminator === undefined || !("options" in issue)) {
        return [{ path, message: "does not match any allowed shape" }];
      }
      return [{ path, message: `${JSON.stringify(value)} is not one of ${(issue.options ?? []).join(", ")}` }];
    case "invalid_type":
      return [{ path, message: own ?? `expected ${issue.expected}, got ${kind(value)}` }];
    case "invalid_value":
      return [
        {
          path,
          message:
            own ??
            `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}, got ${JSON.stringify(value) ?? kind(value)}`,
        },
      ];
    case "too_small":
      return [
        {
          path,
          message: own ?? (issue.origin === "string" ? "must not be empty" : `must be at least ${issue.minimum}`),
        },
      ];
    case "too_big":
      return [{ path, message: own ?? `must be at most ${issue.maximum}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * Parses `unknown` input with a schema and returns every issue as a plain-English
 * {@link InvalidInput} naming each field. Never throws.
 *
 * @param schema - a zod/mini schema
 * @param what - what is being read, for the message
 * @param input - the untrusted input
 * @returns the parsed value, or the error value
 * @example
 * parseWith(instantSchema(), "instant", "tomorrow").ok; // => false
 */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  what: string,
  input: unknown,
): Result<z.output<S>, InvalidInput> {
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return ok(parsed.data);
  return err(
    invalidInput(
      what,
      parsed.error.issues.flatMap((issue) => describe(issue, input)),
    ),
  );
}

/**
 * Memoises a schema factory, so schemas are built on first use and never at import time (an
 * import that only needs a transition never pays for zod).
 *
 * @param build - builds the schema
 * @returns a function returning the same schema every time
 * @example
 * const events = lazy(() => z.string()); events() === events(); // => true
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}

/**
 * Completes parsed options: fields left out (or `undefined`) take the defaults.
 *
 * @param defaults - the complete default options
 * @param given - the parsed, partial options
 * @returns the complete options
 * @example
 * withDefaults({ a: 1, b: 2 }, { b: 3 }); // => { a: 1, b: 3 }
 */
export function withDefaults<T extends object>(defaults: T, given: { readonly [K in keyof T]?: T[K] | undefined }): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as T;
}
