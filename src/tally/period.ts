import { dateIn, type Period, periodOf } from "../core/calendar.js";

/** How a tally buckets its events: calendar days, ISO weeks or months in an IANA time zone. */
export interface PeriodSpec {
  readonly unit: "day" | "isoWeek" | "month";
  readonly timeZone: string;
}

/**
 * Returns a function giving the bucket of an instant: the start of its period as ISO UTC, or `""`
 * when the tally is not bucketed. Periods are memoised per 15-minute slot and every hit is checked
 * against the period's bounds, so the answer is always `periodOf`'s.
 *
 * @param spec - the period, or `null` for one bucket
 * @param slotMs - the memo's slot width; 15 minutes, as every modern UTC offset is a whole number
 *   of them (older offsets are still right: a hit outside its period is recomputed)
 * @returns the bucketing function
 * @example
 * bucketer({ unit: "day", timeZone: "UTC" })(Date.UTC(2026, 0, 1, 12)); // => "2026-01-01T00:00:00.000Z"
 */
export function bucketer(spec: PeriodSpec | null, slotMs = 900_000): (atMs: number) => string {
  if (spec === null) return () => "";
  const slots = new Map<number, { from: string; fromMs: number; toMs: number }>();
  return (atMs) => {
    const slot = Math.floor(atMs / slotMs);
    const hit = slots.get(slot);
    if (hit !== undefined && atMs >= hit.fromMs && atMs < hit.toMs) return hit.from;
    const period = periodOf(spec.unit, atMs, spec.timeZone);
    if (slots.size >= 65_536) slots.clear();
    slots.set(slot, { from: period.from, fromMs: Date.parse(period.from), toMs: Date.parse(period.to) });
    return period.from;
  };
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

/** Whether two tallies bucket alike (both unbucketed, or the same unit and zone). */
export function samePeriod(a: PeriodSpec | null, b: PeriodSpec | null): boolean {
  return a === null || b === null ? a === b : a.unit === b.unit && a.timeZone === b.timeZone;
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
  const date = dateIn(Date.parse(bucket), spec.timeZone);
  return spec.unit === "day" ? date : spec.unit === "isoWeek" ? `week of ${date}` : date.slice(0, 7);
}
