import { describeValue } from "./describe.js";

/** One option a builder needs: its name, a test, and what it must be (for the message). */
export type OptionRule = readonly [field: string, test: (value: unknown) => boolean, must: string];

/**
 * Checks a builder's options (the `build…` functions take options already valid; this catches
 * the programmer error of passing something else, at definition time, before any verb runs). The
 * checks are the shape each verb relies on, not every rule of the `create…` parsers.
 *
 * @param fn - the builder's name, for the message
 * @param what - what the argument is called (`options`, `settings`, `campaign`)
 * @param value - the argument
 * @param rules - the options it needs
 * @throws TypeError naming the builder and the option: `buildConsultation: options.followUpLimit
 *   must be a whole number from 1 to 1000, not undefined`
 * @example
 * requireOptions("build", "options", { n: 1 }, [["n", Number.isInteger, "a whole number"]]); // => undefined
 */
export function requireOptions(fn: string, what: string, value: unknown, rules: readonly OptionRule[]): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${fn}: ${what} must be an object, not ${describeValue(value)}`);
  }
  for (const [field, test, must] of rules) {
    let v: unknown;
    let passes: boolean;
    try {
      v = (value as Record<string, unknown>)[field];
      passes = test(v);
    } catch {
      throw new TypeError(`${fn}: ${what}.${field} could not be read (a Proxy or a getter that throws?)`);
    }
    if (!passes) throw new TypeError(`${fn}: ${what}.${field} must be ${must}, not ${describeValue(v)}`);
  }
}

/** A whole number from `min` to `max`. */
export const wholeIn =
  (min: number, max: number) =>
  (v: unknown): boolean =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
/** A number from `min` to `max`. */
export const numberIn =
  (min: number, max: number) =>
  (v: unknown): boolean =>
    typeof v === "number" && v >= min && v <= max;
/** `true` or `false`. */
export const isBoolean = (v: unknown): boolean => typeof v === "boolean";
/** A plain object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
