import { tz } from "@date-fns/tz";
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  startOfDay,
  startOfISOWeek,
  startOfMonth,
  startOfYear,
} from "date-fns";
import { toIso } from "./time.js";

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

type ZoneOption = { in: ReturnType<typeof tz> };
const START: Record<PeriodUnit, (ms: number, z: ZoneOption) => Date> = {
  day: (ms, z) => startOfDay(ms, z),
  isoWeek: (ms, z) => startOfISOWeek(ms, z),
  month: (ms, z) => startOfMonth(ms, z),
  year: (ms, z) => startOfYear(ms, z),
};
const ADD: Record<PeriodUnit, (d: Date, n: number, z: ZoneOption) => Date> = {
  day: (d, n, z) => addDays(d, n, z),
  isoWeek: (d, n, z) => addWeeks(d, n, z),
  month: (d, n, z) => addMonths(d, n, z),
  year: (d, n, z) => addYears(d, n, z),
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
