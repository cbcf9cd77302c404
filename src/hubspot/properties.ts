// HubSpot's property values as its APIs and webhooks carry them — nearly always strings: checkboxes
// "true"/"false", numbers "42.5", date-times as epoch milliseconds ("1772445600000") or ISO-8601,
// dates as the epoch milliseconds of midnight UTC (or "YYYY-MM-DD" from the v3 objects API) — read
// into the library's values and written back. Every refusal names the HubSpot property.

import { type CalendarDate, dateIn, dateOfDayNumber, dayNumberOfDate } from "../core/calendar.js";
import { describeValue } from "../core/describe.js";
import { guarded, UNREADABLE_MESSAGE } from "../core/guard.js";
import { err, ok, type Result } from "../core/result.js";
import { type Instant, toEpochMs, toIso } from "../core/time.js";
import { canonicalZone } from "../core/zone.js";

/** Why a HubSpot value was refused. */
export type HubSpotErrorCode =
  | "missingProperty"
  | "unreadable"
  | "invalidCheckbox"
  | "invalidNumber"
  | "invalidDateTime"
  | "invalidDate"
  | "invalidTimeZone"
  | "unknownValue"
  | "notApplicable"
  | "invalidPayload";

/** One HubSpot value refused: the property (or payload field) it came in, and why. */
export interface HubSpotError {
  readonly code: HubSpotErrorCode;
  readonly message: string;
  /** The HubSpot property or payload field at fault, e.g. `"hs_call_disposition"`. */
  readonly property: string;
  readonly value: unknown;
}

/** A HubSpot object refused: every value at fault, each naming its property. */
export interface HubSpotInvalid {
  readonly code: "invalidHubSpotObject";
  readonly message: string;
  readonly issues: readonly HubSpotError[];
}

/** Builds a {@link HubSpotError}. @internal */
export function hubSpotError(code: HubSpotErrorCode, property: string, value: unknown, message: string): HubSpotError {
  // A property name that is not text (a host passed `42` as the name) is itself the fault: the
  // error names the argument, so `error.property` is always text.
  if (typeof property !== "string") {
    return {
      code: "invalidPayload",
      message: `property must be a property name (text), got ${describeValue(property)}`,
      property: "property",
      value: property,
    };
  }
  return { code, message: `${property} ${message}`, property, value };
}

/** The last-resort guard's answer (core/guard.ts) for a property reader: `unreadable`. @internal */
export function unreadableHubSpot(): Result<never, HubSpotError> {
  return err({ code: "unreadable", message: UNREADABLE_MESSAGE, property: "", value: undefined });
}

/** The last-resort guard's answer for an adapter function: one `unreadable` issue. @internal */
export function unreadableHubSpotObject(): Result<never, HubSpotInvalid> {
  const issue: HubSpotError = { code: "unreadable", message: UNREADABLE_MESSAGE, property: "", value: undefined };
  return err({
    code: "invalidHubSpotObject",
    message: `Invalid HubSpot object: ${UNREADABLE_MESSAGE}`,
    issues: [issue],
  });
}

/** Gathers issues into a {@link HubSpotInvalid} whose message names every property. @internal */
export function hubSpotInvalid(what: string, issues: readonly HubSpotError[]): HubSpotInvalid {
  return {
    code: "invalidHubSpotObject",
    message: `Invalid ${what}: ${issues.map((i) => i.message).join("; ")}`,
    issues,
  };
}

const DAY_MS = 86_400_000;
const DIGITS = /^-?\d{1,16}$/;
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether a HubSpot property holds a value: HubSpot sends an unset property as `null` (the objects
 * API) or `""` (webhooks, cleared values).
 *
 * @param value - the property's value
 * @returns `false` for `undefined`, `null` and `""`
 * @example
 * hasHubSpotValue(""); // => false
 */
export function hasHubSpotValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/**
 * Reads a HubSpot checkbox (booleancheckbox) property: `"true"` or `"false"` (or a boolean).
 *
 * @param value - the property's value
 * @param property - the property's name, for the error
 * @returns the boolean, or an error naming the property
 * @example
 * readHubSpotCheckbox("false", "pitched"); // => { ok: true, value: false }
 */
export function readHubSpotCheckbox(value: unknown, property: string): Result<boolean, HubSpotError> {
  return guarded((): Result<boolean, HubSpotError> => {
    if (value === true || value === "true") return ok(true);
    if (value === false || value === "false") return ok(false);
    return err(
      hubSpotError("invalidCheckbox", property, value, `must be "true" or "false", got ${describeValue(value)}`),
    );
  }, unreadableHubSpot);
}

/**
 * Writes a boolean as HubSpot's checkbox value.
 *
 * @param value - the boolean
 * @returns `"true"` or `"false"`
 * @example
 * writeHubSpotCheckbox(true); // => "true"
 */
export function writeHubSpotCheckbox(value: boolean): string {
  return value ? "true" : "false";
}

/**
 * Reads a HubSpot number property: a finite number, or its decimal text (`"42"`, `"-0.5"`,
 * `"1e3"`).
 *
 * @param value - the property's value
 * @param property - the property's name, for the error
 * @returns the number, or an error naming the property
 * @example
 * readHubSpotNumber("150", "employees"); // => { ok: true, value: 150 }
 */
export function readHubSpotNumber(value: unknown, property: string): Result<number, HubSpotError> {
  return guarded((): Result<number, HubSpotError> => {
    const n =
      typeof value === "number" ? value : typeof value === "string" && DECIMAL.test(value) ? Number(value) : NaN;
    return Number.isFinite(n)
      ? ok(n)
      : err(hubSpotError("invalidNumber", property, value, `must be a number, got ${describeValue(value)}`));
  }, unreadableHubSpot);
}

/**
 * Writes a number as HubSpot's number property text.
 *
 * @param value - a finite number
 * @returns its decimal text
 * @example
 * writeHubSpotNumber(8); // => "8"
 */
export function writeHubSpotNumber(value: number): string {
  return guarded(
    (): string => {
      return String(value);
    },
    () => "",
  );
}

// Epoch ms from a number or from digits; ISO-8601 text as the library reads instants.
const epochOf = (value: unknown): number =>
  typeof value === "string" && DIGITS.test(value) ? toEpochMs(Number(value)) : toEpochMs(value);

/**
 * Reads a HubSpot date-time property (e.g. `hs_timestamp`): epoch milliseconds as a number or as
 * text, or ISO-8601 with `Z` or an offset. Normalised to the ISO-8601 UTC text the library stores.
 *
 * @param value - the property's value
 * @param property - the property's name, for the error
 * @returns the instant as ISO-8601 UTC, or an error naming the property
 * @example
 * readHubSpotDateTime("1772445600000", "hs_timestamp"); // => { ok: true, value: "2026-03-02T10:00:00.000Z" }
 */
export function readHubSpotDateTime(value: unknown, property: string): Result<string, HubSpotError> {
  return guarded((): Result<string, HubSpotError> => {
    const ms = value instanceof Date ? Number.NaN : epochOf(value);
    return Number.isNaN(ms)
      ? err(
          hubSpotError(
            "invalidDateTime",
            property,
            value,
            `must be epoch milliseconds or an ISO-8601 date-time, got ${describeValue(value)}`,
          ),
        )
      : ok(toIso(ms));
  }, unreadableHubSpot);
}

/**
 * Writes an instant as HubSpot date-time text: epoch milliseconds, as HubSpot itself sends them.
 *
 * @param at - a valid instant (Date, ISO-8601 or epoch ms)
 * @returns the epoch milliseconds as text (`""` for an invalid instant)
 * @example
 * writeHubSpotDateTime("2026-03-02T10:00:00Z"); // => "1772445600000"
 */
export function writeHubSpotDateTime(at: Instant): string {
  return guarded(
    (): string => {
      const ms = toEpochMs(at);
      return Number.isNaN(ms) ? "" : String(ms);
    },
    () => "",
  );
}

/**
 * Reads a HubSpot date property (a day, no time): the epoch milliseconds of that day's midnight
 * UTC, as a number or as text, or `YYYY-MM-DD` (the v3 objects API). Any other instant is refused:
 * it is a date-time, not a date (read it with {@link readHubSpotDateTime} and take its day in the
 * owner's zone with {@link hubSpotDateOfInstant}).
 *
 * @param value - the property's value
 * @param property - the property's name, for the error
 * @returns the date `YYYY-MM-DD`, or an error naming the property
 * @example
 * readHubSpotDate("1772409600000", "next_contact_date"); // => { ok: true, value: "2026-03-02" }
 */
export function readHubSpotDate(value: unknown, property: string): Result<CalendarDate, HubSpotError> {
  return guarded((): Result<CalendarDate, HubSpotError> => {
    if (typeof value === "string" && !Number.isNaN(dayNumberOfDate(value))) return ok(value);
    const ms = epochOf(value);
    const date =
      !Number.isNaN(ms) && ms % DAY_MS === 0 && !(value instanceof Date) ? dateOfDayNumber(ms / DAY_MS) : undefined;
    return date === undefined
      ? err(
          hubSpotError(
            "invalidDate",
            property,
            value,
            `must be a date: midnight UTC in epoch milliseconds, or YYYY-MM-DD; got ${describeValue(value)}`,
          ),
        )
      : ok(date);
  }, unreadableHubSpot);
}

/**
 * Writes a date as HubSpot date text: the epoch milliseconds of its midnight UTC.
 *
 * @param date - `YYYY-MM-DD`
 * @returns the epoch milliseconds as text, or an error for a date that is not one
 * @example
 * writeHubSpotDate("2026-03-02"); // => { ok: true, value: "1772409600000" }
 */
export function writeHubSpotDate(date: CalendarDate): Result<string, HubSpotError> {
  return guarded((): Result<string, HubSpotError> => {
    const day = dayNumberOfDate(date);
    return Number.isNaN(day)
      ? err(hubSpotError("invalidDate", "date", date, `must be a date written YYYY-MM-DD, got ${describeValue(date)}`))
      : ok(String(day * DAY_MS));
  }, unreadableHubSpot);
}

/**
 * The day an instant falls on in the owner's time zone, as `YYYY-MM-DD`: what the owner sees on
 * their calendar (10:00 in Sydney on 3 March is 23:00 UTC on 2 March, and the date is 3 March).
 * It is the library's date and a HubSpot date property's value at once: HubSpot's CRM API takes
 * `YYYY-MM-DD` for a date property (its epoch-ms form is {@link writeHubSpotDate}).
 *
 * @param at - the instant
 * @param timeZone - the owner's IANA time zone
 * @returns the date `YYYY-MM-DD`, or an error naming the bad argument
 * @example
 * hubSpotDateOfInstant("2026-03-02T23:00:00Z", "Australia/Sydney"); // => { ok: true, value: "2026-03-03" }
 */
export function hubSpotDateOfInstant(at: Instant, timeZone: string): Result<CalendarDate, HubSpotError> {
  return guarded((): Result<CalendarDate, HubSpotError> => {
    const ms = toEpochMs(at);
    if (Number.isNaN(ms)) {
      return err(hubSpotError("invalidDateTime", "at", at, `must be a valid instant, got ${describeValue(at)}`));
    }
    if (canonicalZone(timeZone) === undefined) {
      return err(
        hubSpotError(
          "invalidTimeZone",
          "timeZone",
          timeZone,
          `must be an IANA time-zone name, got ${describeValue(timeZone)}`,
        ),
      );
    }
    const date = dateIn(ms, timeZone);
    // The one way the date can fail here: the instant falls outside years 0000–9999 in that zone.
    return Number.isNaN(dayNumberOfDate(date))
      ? err(hubSpotError("invalidDateTime", "at", at, `falls outside years 0000–9999 in ${timeZone}`))
      : ok(date);
  }, unreadableHubSpot);
}
