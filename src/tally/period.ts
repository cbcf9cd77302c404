import { dateOfDayNumber, type Period, periodMs, periodOf } from "../core/calendar.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../core/time.js";
import { canonicalZone } from "../core/zone.js";

/** How a tally buckets its events: calendar days, ISO weeks or months in an IANA time zone. */
export interface PeriodSpec {
  readonly unit: "day" | "isoWeek" | "month";
  readonly timeZone: string;
}

/**
 * Returns a function giving the bucket of an instant: the start of its period as ISO UTC, or `""`
 * when the tally is not bucketed. Periods met are remembered by the UTC day they touch (a UTC day
 * meets at most a few periods), so the cost per event stays flat however many years a tally spans.
 *
 * @param spec - the period, or `null` for one bucket
 * @returns the bucketing function
 * @example
 * bucketer({ unit: "day", timeZone: "UTC" })(Date.UTC(2026, 0, 1, 12)); // => "2026-01-01T00:00:00.000Z"
 */
export function bucketer(spec: PeriodSpec | null): (atMs: number) => string {
  if (spec === null) return () => "";
  const byUtcDay = new Map<number, { from: string; fromMs: number; toMs: number }[]>();
  return (atMs) => {
    const utcDay = Math.floor(atMs / 86_400_000);
    let seen = byUtcDay.get(utcDay);
    if (seen === undefined) {
      seen = [];
      byUtcDay.set(utcDay, seen);
    }
    for (const hit of seen) if (atMs >= hit.fromMs && atMs < hit.toMs) return hit.from;
    const [fromMs, toMs] = periodMs(spec.unit, atMs, spec.timeZone);
    const from = new Date(fromMs).toISOString();
    seen.push({ from, fromMs, toMs });
    return from;
  };
}

// Within a year of the instant domain's ends (years 0000–9999 UTC), a period may reach past them.
const EDGE_MS = 400 * 86_400_000;

/**
 * Whether the period holding an instant lies within years 0000–9999 UTC, so the bucket and period
 * a tally writes for it are instants its own parsers read back (a day in Asia/Tokyo holding
 * 0000-01-01T01:00Z starts in year −1; December 9999 in New York ends in year 10000).
 *
 * @param spec - the period, or `null` for one bucket
 * @param atMs - an instant within the domain
 * @returns `true` when the period fits
 * @example
 * bucketFits({ unit: "month", timeZone: "America/New_York" }, Date.UTC(9999, 11, 31, 20)); // => false
 */
export function bucketFits(spec: PeriodSpec | null, atMs: number): boolean {
  if (spec === null || (atMs > MIN_INSTANT_MS + EDGE_MS && atMs < MAX_INSTANT_MS - EDGE_MS)) return true;
  const [from, to] = periodMs(spec.unit, atMs, spec.timeZone);
  return from >= MIN_INSTANT_MS && to <= MAX_INSTANT_MS + 1;
}

/** The rejection of an event whose period would leave years 0000–9999 UTC. */
export const outsideDomain = (index: number, field: string) =>
  ({
    index,
    code: "invalidInstant",
    field,
    message: `${field} falls in a period that reaches outside years 0000–9999 UTC`,
  }) as const;

/**
 * A period spec with its zone in canonical spelling (as tallies store it), or `null`.
 *
 * @param spec - a checked period, or `null`
 * @returns the same period, its zone spelt canonically
 * @example
 * canonicalPeriod({ unit: "day", timeZone: "europe/london" }); // => { unit: "day", timeZone: "Europe/London" }
 */
export function canonicalPeriod(spec: PeriodSpec | null): PeriodSpec | null {
  return spec === null ? null : { unit: spec.unit, timeZone: canonicalZone(spec.timeZone) ?? spec.timeZone };
}

/**
 * The period a bucket stands for, or `null` for the single bucket of an unbucketed tally.
 *
 * @param spec - the tally's period
 * @param bucket - a bucket from the tally
 * @returns the half-open period
 * @example
 * periodOfBucket({ unit: "month", timeZone: "UTC" }, "2026-02-01T00:00:00.000Z")?.to; // => "2026-03-01T00:00:00.000Z"
 */
export function periodOfBucket(spec: PeriodSpec | null, bucket: string): Period | null {
  if (spec === null || bucket === "") return null;
  return periodOf(spec.unit, Date.parse(bucket), spec.timeZone);
}

/** Whether two tallies bucket alike (both unbucketed, or the same unit and zone, however spelt). */
export function samePeriod(a: PeriodSpec | null, b: PeriodSpec | null): boolean {
  return a === null || b === null
    ? a === b
    : a.unit === b.unit && canonicalZone(a.timeZone) === canonicalZone(b.timeZone);
}

/**
 * A bucket's name for people, in the tally's zone: `2026-11-23` for a day, `week of 2026-11-23`
 * for an ISO week, `2026-11` for a month; `""` for the single bucket of an unbucketed tally.
 *
 * @param spec - the tally's period
 * @param bucket - a bucket from the tally
 * @returns the name
 * @example
 * periodLabel({ unit: "month", timeZone: "UTC" }, "2026-02-01T00:00:00.000Z"); // => "2026-02"
 */
export function periodLabel(spec: PeriodSpec | null, bucket: string): string {
  if (spec === null || bucket === "") return "";
  // The period's first day (a day DST leaves empty, such as Pacific/Apia's 30 December 2011, still
  // names its week or month).
  const date = dateOfDayNumber(periodMs(spec.unit, Date.parse(bucket), spec.timeZone)[2]) ?? "";
  return spec.unit === "day" ? date : spec.unit === "isoWeek" ? `week of ${date}` : date.slice(0, 7);
}
