// The verbs are a boundary for their own vocabulary: an event value the lifecycle's parser would
// refuse is refused by the verb too, naming the field. One mechanism for every lifecycle: a short
// table of fields, each with a cheap test (a typeof or a lookup in a small list: the verbs run in
// tight loops) and the words for what it accepts.
import { describeValue } from "./describe.js";
import type { Check, Refusal } from "./lifecycle.js";
import { isName, isText } from "./limits.js";
import { isStoredInstant } from "./time.js";

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

// Stored states: the same kind of table, one level up. A state read from a database without its
// parser is checked before a verb moves it, so whatever a verb writes back its parser reads. A
// check answers `undefined` when the value passes, or the path under it of the first field at fault
// (`""`: the value itself); it allocates nothing on the passing path.
export type { Check };

/**
 * A check from a test of one value.
 *
 * @param test - the test
 * @returns the check
 * @example
 * is(isBoolean)("yes"); // => ""
 */
export const is =
  (test: (value: unknown) => boolean): Check =>
  (value) =>
    test(value) ? undefined : "";

/**
 * A check that also accepts `null`.
 *
 * @param check - the check of a value that is not null
 * @returns the check
 * @example
 * nullable(is(isBoolean))(null); // => undefined
 */
export const nullable =
  (check: Check): Check =>
  (value) =>
    value === null ? undefined : check(value);

const under = (key: string, fault: string): string => (fault === "" ? key : `${key}.${fault}`);

/**
 * A check of a plain object with exactly these fields (an unknown field is a fault, as the
 * parsers' strict objects have it; a field whose check accepts `undefined` may be left out).
 *
 * @param fields - each field's check
 * @returns the check
 * @example
 * strict({ n: is(Number.isInteger) })({ n: 1.5 }); // => "n"
 */
export function strict(fields: { readonly [field: string]: Check }): Check {
  // Index loops over arrays made once: measured ~1.5× quicker than iterating the entries.
  const keys = Object.keys(fields);
  const checks = Object.values(fields);
  return (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return "";
    for (const key in value) if (!Object.hasOwn(fields, key)) return key;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const fault = (checks[i] as Check)((value as Record<string, unknown>)[key]);
      if (fault !== undefined) return under(key, fault);
    }
    return undefined;
  };
}

/**
 * A check of a list (holes included: a hole is a fault) whose items pass `item`.
 *
 * @param item - the check of each item
 * @param max - the most items allowed
 * @returns the check
 * @example
 * listOf(is(isBoolean))([true, 1]); // => "1"
 */
export const listOf =
  (item: Check, max = Number.POSITIVE_INFINITY): Check =>
  (value) => {
    if (!Array.isArray(value) || value.length > max) return "";
    for (let i = 0; i < value.length; i++) {
      const fault = item(value[i]);
      if (fault !== undefined) return under(String(i), fault);
    }
    return undefined;
  };

/**
 * A check that passes when both do: `first`, then `then` (a rule across fields, e.g. "`followUp`
 * is present exactly when the status is `followUp`").
 *
 * @param first - the first check
 * @param then - the second check, run only when the first passes
 * @returns the check
 * @example
 * both(is(Array.isArray), (v) => ((v as unknown[]).length > 0 ? undefined : ""))([]); // => ""
 */
export const both =
  (first: Check, then: Check): Check =>
  (value) =>
    first(value) ?? then(value);

/** A check that passes anything: a field the engine checks itself (`status`, `appliedIds`). */
export const engineField: Check = () => undefined;

/** A stored instant: an ISO-8601 date-time string the parsers read (what they write is one). */
export const storedInstant: Check = (value) => (isStoredInstant(value) ? undefined : "");

/** A stored text: a string within `PARSE_LIMITS`. */
export const storedText: Check = /* @__PURE__ */ is(isText);

/** A stored non-empty text. */
export const storedName: Check = /* @__PURE__ */ is(isName);

/**
 * A check of a literal value (`lifecycle`, `schemaVersion`).
 *
 * @param literal - the one value accepted
 * @returns the check
 * @example
 * exactly(1)(2); // => ""
 */
export const exactly =
  (literal: unknown): Check =>
  (value) =>
    value === literal ? undefined : "";

/** A stored count: a whole number from 0. */
export const storedCount: Check = /* @__PURE__ */ is((v) => Number.isSafeInteger(v) && (v as number) >= 0);
