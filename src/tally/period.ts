import { dateOfDayNumber, type Period, periodAfter, periodMs, periodOf } from "../core/calendar.js";
import { isoText } from "../core/civil.js";
import { ranksOf } from "../core/counter.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../core/time.js";
import { canonicalZone } from "../core/zone.js";

/** How a tally buckets its events: calendar days, ISO weeks or months in an IANA time zone. */
export interface PeriodSpec {
  readonly unit: "day" | "isoWeek" | "month";
  readonly timeZone: string;
}

const DAY_MS = 86_400_000;
// No UTC day of the instant domain (years 0000–9999: days −719,528 to 2,932,896).
const NO_DAY = -(2 ** 31);

// UTC days are registered by aligned blocks of this many once a tally has met FILL_AFTER of them.
const LOG_BLOCK = 4;
const BLOCK = 1 << LOG_BLOCK;
const FILL_AFTER = 16;

/**
 * The periods a tally meets, numbered 0, 1, 2… in the order met, with each one's bucket (its start,
 * ISO UTC). An instant's period is found from the UTC day it falls in: the period holding that
 * day's first instant, then the next while the instant is past its end (a UTC day meets at most a
 * few periods). Maps of numbers to numbers and typed arrays, a few dozen bytes a period, so
 * the cost per event stays flat however many years a tally spans (periods as objects and strings
 * in a map, several hundred bytes each, outgrew the CPU's cache at a few years of days).
 *
 * Once a tally has met a few days, a day not met yet registers its whole block of BLOCK UTC days:
 * one period found from an instant (a day number and three day starts), each next one from the
 * one before (one day start: its end), the offsets read from the same chunk of the zone. Met one
 * day at a time in random order, each day paid for a period found from scratch, a few
 * microseconds: at ten years of days, several times the cost of the events themselves.
 */
export class Buckets {
  readonly #unit: PeriodSpec["unit"];
  readonly #zone: string;
  // By block of BLOCK UTC days (a day's number >> LOG_BLOCK): for each of its days, the period
  // holding the day's first instant + 1 (0: not met yet).
  readonly #byBlock = new Map<number, Int32Array>();
  #daysMet = 0;
  // By the low bits of a UTC day: the day (NO_DAY: empty), the period holding its first instant,
  // and the ms into the day that period ends (at most a day).
  #days = new Int32Array(3 * 64).fill(NO_DAY);
  readonly #byFirstDay = new Map<number, number>();
  // Per period: its start and end, epoch ms; its first day (for the order of the rows); the index
  // of the period after it (-1: not met yet).
  #starts = new Float64Array(64);
  #ends = new Float64Array(64);
  #firstDays = new Int32Array(64);
  #next = new Int32Array(64);
  #count = 0;
  // Each period's bucket, written when first asked (a block's days may hold periods no event has).
  readonly #names: (string | undefined)[] = [];

  /** How many periods are numbered. */
  get size(): number {
    return this.#count;
  }

  /** A period's bucket: its start as ISO UTC, by index. */
  name(index: number): string {
    let name = this.#names[index];
    if (name === undefined) {
      name = isoText(this.#starts[index] as number);
      this.#names[index] = name;
    }
    return name;
  }

  /** Each period's rank in time (0: the earliest), by index. */
  ranks(): Int32Array {
    // Periods of one unit tile time: their first days are in the order of their starts (and whole
    // numbers close together, which rank by counting).
    return ranksOf(this.#firstDays.subarray(0, this.#count));
  }

  /** @param spec - a checked period (its zone an IANA name) */
  constructor(spec: PeriodSpec) {
    this.#unit = spec.unit;
    this.#zone = canonicalZone(spec.timeZone) ?? spec.timeZone;
  }

  /** The index of the period holding an instant (within the instant domain). */
  indexOf(atMs: number): number {
    const utcDay = Math.floor(atMs / DAY_MS);
    const intoDay = atMs - utcDay * DAY_MS;
    // A direct-mapped cache in front of the map: consecutive days never collide in it, and a hit is
    // one read of one array (a map lookup and a period's end are three, further apart).
    const days = this.#days;
    const slot = 3 * (utcDay & (days.length / 3 - 1));
    if (days[slot] === utcDay && intoDay < (days[slot + 2] as number)) return days[slot + 1] as number;
    const met = (this.#byBlock.get(utcDay >> LOG_BLOCK)?.[utcDay & (BLOCK - 1)] ?? 0) - 1;
    let index = met < 0 ? this.#newDay(utcDay) : met;
    this.#cache(utcDay, index);
    while (atMs >= (this.#ends[index] as number)) index = this.#after(index);
    return index;
  }

  // Caches a UTC day: the period holding its first instant, and how far into the day it lasts.
  #cache(utcDay: number, index: number): void {
    const slot = 3 * (utcDay & (this.#days.length / 3 - 1));
    this.#days[slot] = utcDay;
    this.#days[slot + 1] = index;
    this.#days[slot + 2] = Math.min((this.#ends[index] as number) - utcDay * DAY_MS, DAY_MS);
  }

  // The period after one (periods of one unit tile time: the next starts where this one ends).
  #after(index: number): number {
    let next = this.#next[index] as number;
    if (next < 0) {
      const [from, to, first] = periodAfter(
        this.#unit,
        this.#firstDays[index] as number,
        this.#ends[index] as number,
        this.#zone,
      );
      next = this.#add(from, to, first);
      this.#next[index] = next;
    }
    return next;
  }

  #newDay(utcDay: number): number {
    const number = utcDay >> LOG_BLOCK;
    let block = this.#byBlock.get(number);
    if (block === undefined) {
      block = new Int32Array(BLOCK);
      this.#byBlock.set(number, block);
    }
    const first = number << LOG_BLOCK;
    if (
      this.#daysMet >= FILL_AFTER &&
      first * DAY_MS > MIN_INSTANT_MS + EDGE_MS &&
      (first + BLOCK) * DAY_MS < MAX_INSTANT_MS - EDGE_MS
    ) {
      // The block's days in turn, each with the period holding its first instant.
      let at = block[0] === 0 ? this.#periodAt(first * DAY_MS) : (block[0] as number) - 1;
      for (let k = 0; k < BLOCK; k++) {
        while ((first + k) * DAY_MS >= (this.#ends[at] as number)) at = this.#after(at);
        if (block[k] === 0) this.#daysMet++;
        block[k] = at + 1;
      }
    } else {
      block[utcDay - first] = this.#periodAt(utcDay * DAY_MS) + 1;
      this.#daysMet++;
    }
    // The cache has two to four slots per day met, so that days met lately rarely collide.
    if (this.#daysMet > this.#days.length / 6) {
      let length = 2 * this.#days.length;
      while (this.#daysMet > length / 6) length *= 2;
      this.#days = new Int32Array(length).fill(NO_DAY);
      for (const [n, days] of this.#byBlock) {
        days.forEach((at, k) => {
          if (at > 0) this.#cache((n << LOG_BLOCK) + k, at - 1);
        });
      }
    }
    return (block[utcDay - first] as number) - 1;
  }

  #periodAt(ms: number): number {
    const [from, to, firstDay] = periodMs(this.#unit, ms, this.#zone);
    return this.#add(from, to, firstDay);
  }

  // The index of a period, numbered when first met.
  #add(from: number, to: number, firstDay: number): number {
    // Keyed by its first day's number (a small whole number: cheaper to hash than an instant).
    let index = this.#byFirstDay.get(firstDay);
    if (index === undefined) {
      index = this.#count++;
      if (index === this.#next.length) {
        const grown = 2 * this.#next.length;
        this.#starts = grownTo(this.#starts, new Float64Array(grown));
        this.#ends = grownTo(this.#ends, new Float64Array(grown));
        this.#firstDays = grownTo(this.#firstDays, new Int32Array(grown));
        this.#next = grownTo(this.#next, new Int32Array(grown));
      }
      this.#starts[index] = from;
      this.#ends[index] = to;
      this.#firstDays[index] = firstDay;
      this.#next[index] = -1;
      // Kept dense (an array written past its end turns into a dictionary).
      this.#names.push(undefined);
      this.#byFirstDay.set(firstDay, index);
    }
    return index;
  }
}

const grownTo = <T extends Float64Array | Int32Array>(from: T, to: T): T => {
  to.set(from);
  return to;
};

/**
 * Returns a function giving the bucket of an instant: the start of its period as ISO UTC, or `""`
 * when the tally is not bucketed. Periods met are remembered (see {@link Buckets}), so the cost per
 * event stays flat however many years a tally spans.
 *
 * @param spec - the period, or `null` for one bucket
 * @returns the bucketing function
 * @example
 * bucketer({ unit: "day", timeZone: "UTC" })(Date.UTC(2026, 0, 1, 12)); // => "2026-01-01T00:00:00.000Z"
 */
export function bucketer(spec: PeriodSpec | null): (atMs: number) => string {
  if (spec === null) return () => "";
  const buckets = new Buckets(spec);
  return (atMs) => buckets.name(buckets.indexOf(atMs));
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
