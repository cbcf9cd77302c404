import { deepFreeze } from "./freeze.js";
/**
 * The limits on untrusted input, the same at every entry: the parsers refuse anything past them
 * (with a `tooDeep` or `tooLong` issue), and the lifecycles and tallies refuse a text past
 * `maxStringLength` — so whatever the library stores, its parsers read back. No leadrules type
 * nests deeper than a few levels or needs a text longer than a long note.
 */
export const PARSE_LIMITS = /* @__PURE__ */ deepFreeze({ maxDepth: 32, maxStringLength: 10_000 } as const);

/**
 * Whether a value is a string within {@link PARSE_LIMITS} (empty allowed).
 *
 * @param value - anything
 * @returns `true` for a string of at most `maxStringLength` characters
 * @example
 * isText("call after school"); // => true
 */
export const isText = (value: unknown): value is string =>
  typeof value === "string" && value.length <= PARSE_LIMITS.maxStringLength;

/**
 * Whether a value is a non-empty string within {@link PARSE_LIMITS}.
 *
 * @param value - anything
 * @returns `true` for a string of 1 to `maxStringLength` characters
 * @example
 * isName(""); // => false
 */
export const isName = (value: unknown): value is string => isText(value) && value !== "";
