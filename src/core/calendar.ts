// date-fns and @date-fns/tz by their own paths, one function each: their root entries load every
// function (date-fns' index is over 300 modules), which costs a host without a bundler tens of
// milliseconds of cold start. TZDateMini is @date-fns/tz's date without its formatting methods.
import type { TZDate } from "@date-fns/tz/date";
import { TZDateMini } from "@date-fns/tz/date/mini";
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { startOfDay } from "date-fns/startOfDay";
import { startOfMonth } from "date-fns/startOfMonth";
import { startOfYear } from "date-fns/startOfYear";

// This module imports nothing of leadrules' own (the build keeps it, and the date-fns imports, in a
// chunk of their own: see tsup.config.ts), so it formats instants itself, as core/time's toIso does.
const toIso = (ms: number): string => new Date(ms).toISOString();

/** A calendar unit for periods. Weeks are ISO weeks (Monday to Sunday). */
export type PeriodUnit = "day" | "isoWeek" | "month" | "year";

/** A half-open span of time `[from, to)`, as ISO-8601 UTC strings. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/**
 * The calendar period (day, ISO week, month or year) containing an instant, in an IANA time zone,
 * shifted by `offset` periods (`-1` is the previous one). Correct across DST changes.
 *
 * @param unit - `"day"`, `"isoWeek"`, `"month"` or `"year"`
 * @param atMs - the instant, epoch ms
 * @param timeZone - an IANA time-zone name (checked by the caller)
 * @param offset - how many periods to move, default 0
 * @returns the half-open period
 * @example
 * periodOf("day", Date.UTC(2026, 0, 1, 12), "UTC").from; // => "2026-01-01T00:00:00.000Z"
 */
export function periodOf(unit: PeriodUnit, atMs: number, timeZone: string, offset = 0): Period {
  const zone = { in: tz(timeZone) };
  const start = START[unit](atMs, zone);
  const from = offset === 0 ? start : ADD[unit](start, offset, zone);
  const to = ADD[unit](from, 1, zone);
  return { from: toIso(from.getTime()), to: toIso(to.getTime()) };
}

// date-fns' `in` context: every date it makes is a TZDateMini in the zone (what @date-fns/tz's
// `tz()` does, without importing the formatting TZDate).
const tz =
  (timeZone: string) =>
  (value: Date | number | string): TZDate =>
    new TZDateMini(+new Date(value), timeZone);
type ZoneOption = { in: ReturnType<typeof tz> };
// ISO weeks and years from days and months (a week is 7 calendar days, a year 12 months, and an
// ISO week starts on the Monday on or before the day): each further date-fns function is a few
// more files for a host without a bundler to load.
const START: Record<PeriodUnit, (ms: number, z: ZoneOption) => Date> = {
  day: (ms, z) => startOfDay(ms, z),
  isoWeek: (ms, z) => {
    const day = startOfDay(ms, z);
    return addDays(day, -((day.getDay() + 6) % 7), z);
  },
  month: (ms, z) => startOfMonth(ms, z),
  year: (ms, z) => startOfYear(ms, z),
};
const ADD: Record<PeriodUnit, (d: Date, n: number, z: ZoneOption) => Date> = {
  day: (d, n, z) => addDays(d, n, z),
  isoWeek: (d, n, z) => addDays(d, n * 7, z),
  month: (d, n, z) => addMonths(d, n, z),
  year: (d, n, z) => addMonths(d, n * 12, z),
};

/**
 * Calendar months added in a time zone: 31 January + 1 month is the last day of February, at the
 * same wall-clock time.
 *
 * @param atMs - the instant, epoch ms
 * @param months - months to add (may be negative)
 * @param timeZone - an IANA time-zone name
 * @returns epoch ms
 * @example
 * toIso(addMonthsIn(Date.UTC(2026, 0, 31), 1, "UTC")); // => "2026-02-28T00:00:00.000Z"
 */
export function addMonthsIn(atMs: number, months: number, timeZone: string): number {
  return addMonths(atMs, months, { in: tz(timeZone) }).getTime();
}

/**
 * Whether an instant (epoch ms) falls in a period.
 *
 * @param atMs - the instant
 * @param period - the half-open period
 * @returns `true` when `from <= at < to`
 * @example
 * inPeriod(5, { from: "1970-01-01T00:00:00.000Z", to: "1970-01-02T00:00:00.000Z" }); // => true
 */
export function inPeriod(atMs: number, period: Period): boolean {
  return atMs >= Date.parse(period.from) && atMs < Date.parse(period.to);
}

/** A calendar date as `YYYY-MM-DD` (a day on the wall calendar, in no particular time zone). */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

/**
 * Whether a value is a real calendar date written `YYYY-MM-DD` (30 February is not).
 *
 * @param value - the candidate
 * @returns `true` for a valid date
 * @example
 * isCalendarDate("2028-02-29"); // => true
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== "string") return false;
  const m = DATE.exec(value);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * The calendar date an instant falls on in an IANA time zone.
 *
 * @param atMs - the instant, epoch ms
 * @param timeZone - an IANA time-zone name
 * @returns the date as `YYYY-MM-DD`
 * @example
 * dateIn(Date.UTC(2026, 0, 1, 3), "America/New_York"); // => "2025-12-31"
 */
export function dateIn(atMs: number, timeZone: string): CalendarDate {
  const d = new TZDateMini(atMs, timeZone);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}

/**
 * The instant a calendar day starts in an IANA time zone, `days` days after `date` (negative for
 * before). Correct across DST changes; `NaN` for an unknown zone.
 *
 * @param date - `YYYY-MM-DD`
 * @param timeZone - an IANA time-zone name
 * @param days - days to add first, default 0
 * @returns epoch ms
 * @example
 * toIso(startOfDateIn("2026-03-10", "America/New_York")); // => "2026-03-10T04:00:00.000Z"
 */
export function startOfDateIn(date: CalendarDate, timeZone: string, days = 0): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return new TZDateMini(y, m - 1, d + days, timeZone).getTime();
}

/** A calendar unit for durations such as a contact ratio. */
export type DurationUnit = "day" | "week" | "month";

/**
 * Adds whole days, weeks or calendar months to an instant in an IANA time zone, keeping the
 * wall-clock time (31 January + 1 month = the last day of February; a day is a calendar day, 23 or
 * 25 hours across a DST change).
 *
 * @param atMs - the instant, epoch ms
 * @param count - how many units (may be negative)
 * @param unit - `"day"`, `"week"` or `"month"`
 * @param timeZone - an IANA time-zone name
 * @returns epoch ms (`NaN` for an unknown zone)
 * @example
 * toIso(addIn(Date.UTC(2028, 0, 31, 9), 1, "month", "UTC")); // => "2028-02-29T09:00:00.000Z"
 */
export function addIn(atMs: number, count: number, unit: DurationUnit, timeZone: string): number {
  const zone = { in: tz(timeZone) };
  const moved =
    unit === "month" ? addMonths(atMs, count, zone) : addDays(atMs, unit === "week" ? count * 7 : count, zone);
  return moved.getTime();
}
