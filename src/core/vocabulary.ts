// The verbs are a boundary for their own vocabulary: an event value the lifecycle's parser would
// refuse is refused by the verb too, naming the field. One mechanism for every lifecycle: a short
// table of fields, each with a cheap test (a typeof or a lookup in a small list: the verbs run in
// tight loops) and the words for what it accepts.
import { describeValue } from "./describe.js";
import type { Refusal } from "./lifecycle.js";

/** One field of an event's vocabulary: its name, a test of its value, and what the test accepts. */
export type FieldRule = readonly [field: string, test: (value: unknown) => boolean, accepts: string];

/**
 * A test that accepts the listed values only.
 *
 * @param values - the allowed values
 * @returns the test
 * @example
 * oneOf(["inbound", "outbound"])("Inbound"); // => false
 */
export const oneOf =
  (values: readonly unknown[]): ((value: unknown) => boolean) =>
  (value) =>
    values.includes(value);

/**
 * A test that also accepts `undefined` (a field that may be left out).
 *
 * @param test - the test of a given value
 * @returns the test
 * @example
 * optional(isBoolean)(undefined); // => true
 */
export const optional =
  (test: (value: unknown) => boolean): ((value: unknown) => boolean) =>
  (value) =>
    value === undefined || test(value);

/**
 * Whether a value is `true` or `false`.
 *
 * @param value - anything
 * @returns `true` for a boolean
 * @example
 * isBoolean("false"); // => false
 */
export const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";

/**
 * The first field of `event` whose value its rule refuses, as a refusal with `code` that names the
 * field and says what it accepts; `undefined` when every field passes.
 *
 * @param code - the lifecycle's refusal code for a bad event value
 * @param event - the event (read, never trusted)
 * @param rules - the fields to check, in order
 * @returns the refusal, or `undefined`
 * @example
 * fieldRefusal("invalidCall", { direction: "sideways" }, [["direction", oneOf(["inbound", "outbound"]), "one of inbound, outbound"]])?.message;
 * // => "direction \"sideways\" is not one of inbound, outbound"
 */
export function fieldRefusal<C extends string>(
  code: C,
  event: object,
  rules: readonly FieldRule[],
): Refusal<C> | undefined {
  for (const [field, test, accepts] of rules) {
    const value = (event as Record<string, unknown>)[field];
    if (!test(value)) return { code, message: `${field} ${describeValue(value)} is not ${accepts}`, field };
  }
  return undefined;
}
