import { err, ok, type Result } from "./result.js";
import { canonicalZone } from "./zone.js";

/**
 * An instant as callers may give it: a `Date`, an ISO-8601 date-time string with `Z` or an offset
 * (`2026-11-23T09:00:00Z`, `2026-11-23T10:00:00+01:00`), or epoch milliseconds. State always
 * stores the normalised form: an ISO-8601 UTC string.
 */
export type Instant = Date | string | number;

/** The error value for an instant that is not one. */
export interface InvalidInstant {
  readonly code: "invalidInstant";
  readonly message: string;
  readonly field: string;
  readonly value: unknown;
}

/** The error value for a time-zone name the runtime does not know. */
export interface InvalidTimeZone {
  readonly code: "invalidTimeZone";
  readonly message: string;
  readonly field: string;
  readonly value: unknown;
}

// An ISO-8601 date-time with a time and Z or an offset; ranges checked here, the calendar day below.
const ISO =
  /^(\d{4})-(0[1-9]|1[0-2])-(\d\d)T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
// The instant domain of the whole library: years 0000 to 9999 UTC. Every instant that enters
// (parsers, initial, transition, advance, tallies, reports) is checked against it, so everything
// the library stores is a 24-character ISO string its own parsers read back.
/** The first instant leadrules accepts: 0000-01-01T00:00:00.000Z, in epoch ms. */
export const MIN_INSTANT_MS = -62_167_219_200_000;
/** The last instant leadrules accepts: 9999-12-31T23:59:59.999Z, in epoch ms. */
export const MAX_INSTANT_MS = 253_402_300_799_999;
const inDomain = (ms: number): number => (ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS ? ms : Number.NaN);

function isoToMs(text: string): number {
  const m = ISO.exec(text);
  if (m === null) return Number.NaN;
  // A real calendar day (not 30 February): the date survives a round trip through the calendar.
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const day = Number(m[3]);
  const check = new Date(0);
  check.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, day);
  return check.getUTCDate() === day ? inDomain(Date.parse(text)) : Number.NaN;
}

/**
 * Reads an {@link Instant} as epoch milliseconds, or `NaN` when it is not a valid instant
 * (an invalid `Date`, a non-ISO or impossible date string such as 30 February, a non-finite
 * number, anything outside years 0000–9999 UTC, anything else). Never throws.
 *
 * @param input - the candidate instant
 * @returns epoch milliseconds, or `NaN`
 * @example
 * toEpochMs("1970-01-01T00:00:01Z"); // => 1000
 */
export function toEpochMs(input: unknown): number {
  if (typeof input === "number") return inDomain(input);
  if (typeof input === "string") return input.length > 40 ? Number.NaN : isoToMs(input);
  if (input instanceof Date) return inDomain(input.getTime());
  return Number.NaN;
}

/**
 * Formats epoch milliseconds as the ISO-8601 UTC string state stores.
 *
 * @param ms - a valid epoch millisecond value
 * @returns e.g. `"2026-11-23T09:00:00.000Z"`
 * @example
 * toIso(0); // => "1970-01-01T00:00:00.000Z"
 */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Normalises an {@link Instant} to an ISO-8601 UTC string, or returns an error value naming the
 * field.
 *
 * @param input - the candidate instant
 * @param field - the field name to report, e.g. `"at"`
 * @returns the ISO string, or an {@link InvalidInstant}
 * @example
 * parseInstant(0, "at"); // => { ok: true, value: "1970-01-01T00:00:00.000Z" }
 */
export function parseInstant(input: unknown, field: string): Result<string, InvalidInstant> {
  const ms = toEpochMs(input);
  if (Number.isNaN(ms)) {
    return err({
      code: "invalidInstant",
      message: `${field} must be a valid Date, an ISO-8601 date-time with Z or an offset, or epoch milliseconds`,
      field,
      value: input,
    });
  }
  return ok(toIso(ms));
}

/**
 * Whether the runtime knows this IANA time-zone name (e.g. `"Europe/London"`, in any letter case,
 * or a link such as `"US/Eastern"`). Offset-only names (`"+05:30"`, `"GMT-03"`) are not zones.
 * One answer for the whole library: see {@link canonicalZone}.
 *
 * @param zone - the candidate name
 * @returns `true` for a usable zone
 * @example
 * isTimeZone("Australia/Sydney"); // => true
 */
export function isTimeZone(zone: unknown): zone is string {
  return canonicalZone(zone) !== undefined;
}

/**
 * Checks an IANA time-zone name, returning its canonical spelling, or an error value naming the
 * field when it is unknown.
 *
 * @param zone - the candidate name
 * @param field - the field name to report
 * @returns the zone, or an {@link InvalidTimeZone}
 * @example
 * parseTimeZone("Mars/Olympus", "timeZone").ok; // => false
 */
export function parseTimeZone(zone: unknown, field: string): Result<string, InvalidTimeZone> {
  const canonical = canonicalZone(zone);
  if (canonical !== undefined) return ok(canonical);
  return err({
    code: "invalidTimeZone",
    message: `${field} must be an IANA time-zone name such as "Europe/London"`,
    field,
    value: zone,
  });
}

/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

// The canonical instant the library writes, "YYYY-MM-DDTHH:mm:ss.sssZ" (ranges checked below).
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const num = (text: string, at: number): number => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/**
 * Whether a value is an instant as the library stores it: an ISO-8601 string `toEpochMs` reads.
 * The canonical 24-character form the library writes ("2026-11-23T09:00:00.000Z") is checked by
 * its characters (a real calendar day, years 0000–9999), several times quicker than parsing it;
 * any other string is parsed. The stored-state checks run it on every move.
 *
 * @param value - anything
 * @returns `true` for a stored instant
 * @example
 * isStoredInstant("2026-02-30T10:00:00.000Z"); // => false
 */
export function isStoredInstant(value: unknown): boolean {
  if (typeof value !== "string") return false;
  if (value.length !== 24 || !CANONICAL.test(value)) return !Number.isNaN(toEpochMs(value));
  return isDay(value) && num(value, 11) < 24 && num(value, 14) < 60 && num(value, 17) < 60;
}

// Whether the first 10 characters (digits where digits belong, already checked) are a real day.
function isDay(value: string): boolean {
  const year = num(value, 0) * 100 + num(value, 2);
  const month = num(value, 5);
  const day = num(value, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

const DAY_TEXT = /^\d{4}-\d\d-\d\d$/;

/**
 * Whether a value is a calendar date as the library stores it: `YYYY-MM-DD`, a real day, years
 * 0000–9999 (what `isCalendarDate` accepts, checked by its characters: the stored-state checks
 * run it on every move).
 *
 * @param value - anything
 * @returns `true` for a stored date
 * @example
 * isStoredDate("2026-02-29"); // => false
 */
export function isStoredDate(value: unknown): boolean {
  return typeof value === "string" && value.length === 10 && DAY_TEXT.test(value) && isDay(value);
}
