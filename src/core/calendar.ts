// The calendar of the whole library: days, ISO weeks, months and years in a time zone, and the
// playbook's day and month arithmetic. One definition of "the start of a day", read from Intl's
// offsets (core/zone), holds where midnight is skipped or repeated:
//
//   the start of day D in a zone is the first instant whose wall-clock time is at or after
//   D 00:00 (where midnight exists, the first 00:00; where DST starts at midnight — America/
//   Santiago, America/Havana, Africa/Cairo, Asia/Beirut — the instant the clocks jump, 01:00).
//
// A day is the half-open span [start of D, start of D+1); weeks, months and years are spans of
// whole days, so the periods of one unit tile time with no gap and no overlap. date-fns cannot say
// "the first instant at or after a wall-clock time" (its TZDate moves a skipped time by the gap),
// so this module reads offsets itself.
import { civilFromDays, dayOf, daysFromCivil, monthOf, yearOf } from "./civil.js";
import { toIso } from "./time.js";
import { canonicalZone, changeAfter, offsetMs, wallMs } from "./zone.js";

const DAY_MS = 86_400_000;

/** A calendar unit for periods. Weeks are ISO weeks (Monday to Sunday). */
export type PeriodUnit = "day" | "isoWeek" | "month" | "year";

/** A half-open span of time `[from, to)`, as ISO-8601 UTC strings. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/** A calendar date as `YYYY-MM-DD` (a day on the wall calendar, in no particular time zone). */
export type CalendarDate = string;

/** A calendar unit for durations such as a contact ratio. */
export type DurationUnit = "day" | "week" | "month";

// Calendar days as numbers: days since 1970-01-01 on the proleptic Gregorian calendar (core/civil:
// plain arithmetic, no Date). Months overflow into years, days into months, as Date's setters do.
const dayOfCivil = (year: number, month: number, day: number): number => {
  const years = Math.floor((month - 1) / 12);
  return daysFromCivil(year + years, month - years * 12, day);
};
const civilOfDay = (dayNumber: number): [year: number, month: number, day: number] => {
  const date = civilFromDays(dayNumber);
  return [yearOf(date), monthOf(date), dayOf(date)];
};
/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
const weekday = (dayNumber: number): number => (((dayNumber + 3) % 7) + 7) % 7;
/** The day number `months` calendar months after a day: 31 January + 1 month = end of February. */
const addMonthsToDay = (dayNumber: number, months: number): number => {
  const [y, m, d] = civilOfDay(dayNumber);
  const last = dayOfCivil(y, m + months + 1, 1) - 1;
  return Math.min(dayOfCivil(y, m + months, 1) + d - 1, last);
};

// Offsets are whole seconds; no offset has ever been 18 hours from UTC, so the instant a wall time
// is first reached lies within a day of it read as UTC. Offsets come from core/zone's bounded cache
// of offsets by chunks of time (a hash lookup each), so nothing here is memoised: a day start costs
// two lookups in any zone, however many zones and years a process meets.
const REACH = DAY_MS;
const offsetAt = offsetMs;

/**
 * The first instant whose wall-clock time in a zone is at or after `wall` (a wall time read as UTC
 * epoch ms): the instant itself where the wall time exists once, the first of the two where it is
 * repeated, the end of the gap where it is skipped.
 */
function firstReach(wall: number, zone: string): number {
  let lo = wall - REACH;
  let loOffset = offsetAt(lo, zone);
  const hi = wall + REACH;
  // Each round looks past one offset change; real zones change at most a few times in 36 hours.
  for (let round = 0; round < 8; round++) {
    const candidate = wall - loOffset;
    const hiOffset = offsetAt(hi, zone);
    if (hiOffset === loOffset) return candidate;
    const change = changeAfter(lo, hi, zone, loOffset, offsetAt);
    if (candidate < change) return candidate;
    const changeOffset = offsetAt(change, zone);
    if (change + changeOffset >= wall) return change;
    lo = change;
    loOffset = changeOffset;
  }
  return wall - loOffset;
}

/** The start of a day (by day number) in a canonical zone, epoch ms. */
export function startOfDayNumber(dayNumber: number, zone: string): number {
  return firstReach(dayNumber * DAY_MS, zone);
}

/** The day (by day number) whose span `[start, next start)` holds an instant, in a canonical zone. */
export function dayNumberOf(atMs: number, zone: string): number {
  let day = Math.floor(wallMs(atMs, zone) / DAY_MS);
  // Where the clocks go back across midnight (America/Goose_Bay, 00:01 until 2010), an instant can
  // show the previous date after the next day has started: it belongs to the day that started.
  while (startOfDayNumber(day + 1, zone) <= atMs) day++;
  return day;
}

// The first day of the unit's period holding a day, and the first day `n` periods later.
const FIRST: Record<PeriodUnit, (day: number) => number> = {
  day: (day) => day,
  isoWeek: (day) => day - weekday(day),
  month: (day) => day - civilOfDay(day)[2] + 1,
  year: (day) => dayOfCivil(civilOfDay(day)[0], 1, 1),
};
const NEXT: Record<PeriodUnit, (day: number, n: number) => number> = {
  day: (day, n) => day + n,
  isoWeek: (day, n) => day + 7 * n,
  month: (day, n) => addMonthsToDay(day, n),
  year: (day, n) => addMonthsToDay(day, 12 * n),
};

/**
 * The calendar period (day, ISO week, month or year) containing an instant, in a time zone, as
 * epoch ms `[from, to)` and the period's first day (a day number). `NaN`s for an unknown zone.
 *
 * @param unit - `"day"`, `"isoWeek"`, `"month"` or `"year"`
 * @param atMs - the instant, epoch ms
 * @param timeZone - a time-zone name
 * @param offset - how many periods to move, default 0
 * @returns `[fromMs, toMs, firstDay]`
 * @example
 * periodMs("day", Date.UTC(2026, 0, 1, 12), "UTC")[0]; // => 1767225600000
 */
export function periodMs(unit: PeriodUnit, atMs: number, timeZone: string, offset = 0): [number, number, number] {
  const zone = canonicalZone(timeZone);
  if (zone === undefined) return [Number.NaN, Number.NaN, Number.NaN];
  const first = NEXT[unit](FIRST[unit](dayNumberOf(atMs, zone)), offset);
  return [startOfDayNumber(first, zone), startOfDayNumber(NEXT[unit](first, 1), zone), first];
}

/**
 * The period after one, as {@link periodMs} gives it for the instant the first one ends (periods of
 * one unit tile time): one day start to find (its end) rather than three and a day number, when the
 * next period's first day is not empty (a day DST skips, such as Pacific/Apia's 30 December 2011).
 *
 * @param unit - `"day"`, `"isoWeek"`, `"month"` or `"year"`
 * @param firstDay - the first day of a period, as periodMs gave it
 * @param toMs - the end of that period, as periodMs gave it
 * @param zone - a canonical zone name
 * @returns `[fromMs, toMs, firstDay]` of the next period
 * @example
 * periodAfter("day", 0, 86_400_000, "UTC"); // => [86400000, 172800000, 1]
 */
export function periodAfter(unit: PeriodUnit, firstDay: number, toMs: number, zone: string): [number, number, number] {
  const first = NEXT[unit](firstDay, 1);
  const to = startOfDayNumber(NEXT[unit](first, 1), zone);
  return to > toMs ? [toMs, to, first] : periodMs(unit, toMs, zone);
}

/**
 * The calendar period (day, ISO week, month or year) containing an instant, in an IANA time zone,
 * shifted by `offset` periods (`-1` is the previous one). A day starts at the first instant at or
 * after its midnight (01:00 where DST skips midnight); periods of one unit never overlap.
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
  const [from, to] = periodMs(unit, atMs, timeZone, offset);
  return { from: toIso(from), to: toIso(to) };
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

const pad = (n: number, width: number): string => String(n).padStart(width, "0");
// The digit at a position of a string, or -1.
const digit = (text: string, at: number): number => {
  const c = text.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** A day number read from `YYYY-MM-DD`, or `NaN` when it is not a real date. */
export function dayNumberOfDate(value: unknown): number {
  // Read character by character (a regular expression and a Date cost ten times more, and Client
  // Hub's timers read a record's contact date on every move).
  if (typeof value !== "string" || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return Number.NaN;
  const y3 = digit(value, 0);
  const y2 = digit(value, 1);
  const y1 = digit(value, 2);
  const y0 = digit(value, 3);
  const m1 = digit(value, 5);
  const m0 = digit(value, 6);
  const d1 = digit(value, 8);
  const d0 = digit(value, 9);
  if ((y3 | y2 | y1 | y0 | m1 | m0 | d1 | d0) < 0) return Number.NaN;
  const year = y3 * 1000 + y2 * 100 + y1 * 10 + y0;
  const month = m1 * 10 + m0;
  const day = d1 * 10 + d0;
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  const last = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  return day <= last ? daysFromCivil(year, month, day) : Number.NaN;
}

/** A day number written `YYYY-MM-DD`, or `undefined` outside years 0000–9999. */
export function dateOfDayNumber(dayNumber: number): CalendarDate | undefined {
  const date = civilFromDays(dayNumber);
  const y = yearOf(date);
  return y >= 0 && y <= 9999 ? `${pad(y, 4)}-${pad(monthOf(date), 2)}-${pad(dayOf(date), 2)}` : undefined;
}

/**
 * Whether a value is a real calendar date written `YYYY-MM-DD` (30 February is not), years
 * 0000–9999.
 *
 * @param value - the candidate
 * @returns `true` for a valid date
 * @example
 * isCalendarDate("2028-02-29"); // => true
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return !Number.isNaN(dayNumberOfDate(value));
}

/**
 * The calendar date of the day an instant falls in, in a time zone (the day whose span holds it).
 *
 * @param atMs - the instant, epoch ms
 * @param timeZone - an IANA time-zone name
 * @returns the date as `YYYY-MM-DD` (`""` for an unknown zone or a year outside 0000–9999)
 * @example
 * dateIn(Date.UTC(2026, 0, 1, 3), "America/New_York"); // => "2025-12-31"
 */
export function dateIn(atMs: number, timeZone: string): CalendarDate {
  const zone = canonicalZone(timeZone);
  return zone === undefined ? "" : (dateOfDayNumber(dayNumberOf(atMs, zone)) ?? "");
}

/**
 * The instant a calendar day starts in a time zone, `days` days after `date` (negative for
 * before): the first instant at or after its midnight. `NaN` for an unknown zone or a bad date.
 *
 * @param date - `YYYY-MM-DD`
 * @param timeZone - an IANA time-zone name
 * @param days - days to add first, default 0
 * @returns epoch ms
 * @example
 * toIso(startOfDateIn("2026-03-10", "America/New_York")); // => "2026-03-10T04:00:00.000Z"
 */
export function startOfDateIn(date: CalendarDate, timeZone: string, days = 0): number {
  const zone = canonicalZone(timeZone);
  const day = dayNumberOfDate(date);
  return zone === undefined || Number.isNaN(day) ? Number.NaN : startOfDayNumber(day + days, zone);
}

// An instant moved by whole calendar days (as a function of the day number), keeping its wall-clock
// time. The start of a day moves to the start of the later day (where DST skips midnight, the start
// shows 01:00 but stands for 00:00); a wall time the later day skips moves to the end of the gap;
// one it repeats, to its first occurrence.
function shiftDays(atMs: number, zone: string, move: (day: number) => number): number {
  const day = dayNumberOf(atMs, zone);
  if (startOfDayNumber(day, zone) === atMs) return startOfDayNumber(move(day), zone);
  const wall = wallMs(atMs, zone);
  const wallDay = Math.floor(wall / DAY_MS);
  return firstReach(move(wallDay) * DAY_MS + (wall - wallDay * DAY_MS), zone);
}

/**
 * Adds whole days, weeks or calendar months to an instant in a time zone, keeping the wall-clock
 * time (31 January + 1 month = the last day of February; a day is a calendar day, 23 or 25 hours
 * across a DST change). The start of a day moves to the start of the later day; a wall-clock time
 * the later day skips moves to the end of the gap, one it repeats to its first occurrence.
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
  const zone = canonicalZone(timeZone);
  if (zone === undefined) return Number.NaN;
  return shiftDays(atMs, zone, (day) =>
    unit === "month" ? addMonthsToDay(day, count) : day + (unit === "week" ? 7 * count : count),
  );
}

/**
 * Calendar months added in a time zone: 31 January + 1 month is the last day of February, at the
 * same wall-clock time (as {@link addIn}).
 *
 * @param atMs - the instant, epoch ms
 * @param months - months to add (may be negative)
 * @param timeZone - an IANA time-zone name
 * @returns epoch ms
 * @example
 * toIso(addMonthsIn(Date.UTC(2026, 0, 31), 1, "UTC")); // => "2026-02-28T00:00:00.000Z"
 */
export function addMonthsIn(atMs: number, months: number, timeZone: string): number {
  return addIn(atMs, months, "month", timeZone);
}

/**
 * The calendar date a count of days, weeks or months after the day an instant falls in, in a time
 * zone: the next contact date of a Contact Ratio.
 *
 * @param atMs - the instant, epoch ms
 * @param count - how many units
 * @param unit - `"day"`, `"week"` or `"month"`
 * @param timeZone - an IANA time-zone name
 * @returns `YYYY-MM-DD`, or `undefined` for an unknown zone or a date outside years 0000–9999
 * @example
 * dateAfter(Date.UTC(2026, 0, 31, 10), 1, "month", "Europe/London"); // => "2026-02-28"
 */
export function dateAfter(atMs: number, count: number, unit: DurationUnit, timeZone: string): CalendarDate | undefined {
  const zone = canonicalZone(timeZone);
  if (zone === undefined) return undefined;
  const day = dayNumberOf(atMs, zone);
  return dateOfDayNumber(unit === "month" ? addMonthsToDay(day, count) : day + (unit === "week" ? 7 * count : count));
}
