/**
 * A value or an error, as plain data. Every fallible function in leadrules returns one; nothing
 * is thrown for bad input.
 *
 * @example
 * const r: Result<number, string> = ok(1);
 * if (r.ok) r.value; // => 1
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/**
 * Wraps a value as a successful {@link Result}.
 *
 * @param value - the value
 * @returns `{ ok: true, value }`
 * @example
 * ok(3); // => { ok: true, value: 3 }
 */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/**
 * Wraps an error value as a failed {@link Result}.
 *
 * @param error - the error value
 * @returns `{ ok: false, error }`
 * @example
 * err({ code: "x", message: "x" }); // => { ok: false, error: { code: "x", message: "x" } }
 */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/**
 * One problem found in an input: where (a dotted path, `""` for the input itself) and what. Input
 * past the parsers' limits (see `PARSE_LIMITS`) carries a `code` saying which; input that threw
 * when it was read (a Proxy, a getter that throws) carries `code: "unreadable"`.
 */
export interface Issue {
  readonly path: string;
  readonly message: string;
  readonly code?: "tooDeep" | "tooLong" | "unreadable";
}

/**
 * The error value every boundary parser returns: a summary `message` and every `issue` found,
 * each naming its field.
 */
export interface InvalidInput {
  readonly code: "invalidInput";
  readonly message: string;
  readonly issues: readonly Issue[];
}

/**
 * Builds an {@link InvalidInput} whose message names every field at fault.
 *
 * @param what - what was being read, e.g. `"consultation event"`
 * @param issues - the problems found (at least one)
 * @returns the error value
 * @example
 * invalidInput("event", [{ path: "at", message: "expected an instant" }]).message;
 * // => "Invalid event: at: expected an instant"
 */
export function invalidInput(what: string, issues: readonly Issue[]): InvalidInput {
  const detail = issues.map((i) => (i.path === "" ? i.message : `${i.path}: ${i.message}`));
  return { code: "invalidInput", message: `Invalid ${what}: ${detail.join("; ")}`, issues };
}
