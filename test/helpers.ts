import type { Result } from "../src/core/result.js";

/** Unwraps a Result in a test, failing loudly with the error value when it is not ok. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Unwraps the error of a Result in a test. */
export function unwrapErr<T, E>(result: Result<T, E>): E {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The issues of an invalid-input Result as `[path, message]` pairs (none when it is ok). */
export function issuesOf(result: {
  readonly ok: boolean;
  readonly error?: { readonly issues?: readonly { readonly path: string; readonly message: string }[] };
}): [string, string][] {
  return result.ok ? [] : (result.error?.issues ?? []).map((i) => [i.path, i.message]);
}

/** Deep-freezes plain data so a test fails if anything mutates it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const HOUR = 3_600_000;
export const iso = (ms: number): string => new Date(ms).toISOString();
