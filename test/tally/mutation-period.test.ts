// A tally's periods, pinned where mutation testing found them unjudged: instants before 1970 (UTC
// day numbers below zero), a UTC day that meets two periods asked in turn, days met in an order
// that reuses what was met before, days met after a tally has met a few (docs/tally.md: "a day it
// has not met registers its whole block of 16 UTC days"), and the labels of the single bucket.
// Every answer is held to `periodOf` from the calendar, the oracle the other period tests use.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodOf } from "../../src/core/calendar.js";
import { Buckets, bucketer, periodLabel, periodOfBucket } from "../../src/tally/period.js";
import { HOUR, iso } from "../helpers.js";
import { runs } from "../setup.js";

const DAY = 86_400_000;
type Unit = "day" | "isoWeek" | "month";

/** The buckets a fresh tally gives instants met in this order, and the ones `periodOf` gives. */
const bucketsOf = (unit: Unit, timeZone: string, instants: readonly number[]) => {
  const bucketOf = bucketer({ unit, timeZone });
  return {
    actual: instants.map((t) => [iso(t), bucketOf(t)]),
    expected: instants.map((t) => [iso(t), periodOf(unit, t, timeZone).from]),
  };
};

describe("instants before 1970", () => {
  // docs/tally.md: a tally "finds an event's period from the UTC day it falls on (a UTC day meets
  // at most a few periods)" — the early and the late part of one UTC day, asked in turn.
  it("a UTC day's two New York days, asked early then late, each get their own page", () => {
    const instants: number[] = [];
    for (let i = 0; i < 40; i++) {
      const day = Date.UTC(1960, 0, 4) + 3 * i * DAY;
      instants.push(day + 2 * HOUR, day + 15 * HOUR);
    }
    const { actual, expected } = bucketsOf("day", "America/New_York", instants);
    expect(actual).toEqual(expected);
    expect(actual.slice(0, 2)).toEqual([
      ["1960-01-04T02:00:00.000Z", "1960-01-03T05:00:00.000Z"],
      ["1960-01-04T15:00:00.000Z", "1960-01-04T05:00:00.000Z"],
    ]);
  });

  it("any instants of 1900–1969, in any order and any unit, get the period periodOf gives", () => {
    const zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "America/Havana", "Asia/Beirut"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom<Unit>("day", "isoWeek", "month"),
        fc.array(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(1969, 11, 31) }), {
          minLength: 20,
          maxLength: 200,
        }),
        (zone, unit, instants) => {
          const { actual, expected } = bucketsOf(unit, zone, instants);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: runs(100) },
    );
  });
});

describe("days met in an order that reuses what was met before", () => {
  // The first days of 1970 met out of order (day 0 is numbered 3), a day of 2026 met, then
  // 1970-01-04 asked in its first seconds: every one its own day.
  it("1970-01-11, 12, 13, then 1970-01-01, 2026-01-28 and 1970-01-04 at 00:00:10: each its own day", () => {
    const instants = [10, 11, 12, 0, 20481].map((day) => day * DAY + 12 * HOUR).concat(3 * DAY + 10_000);
    const { actual, expected } = bucketsOf("day", "UTC", instants);
    expect(actual).toEqual(expected);
    expect(actual.map(([, bucket]) => bucket)).toEqual([
      "1970-01-11T00:00:00.000Z",
      "1970-01-12T00:00:00.000Z",
      "1970-01-13T00:00:00.000Z",
      "1970-01-01T00:00:00.000Z",
      "2026-01-28T00:00:00.000Z",
      "1970-01-04T00:00:00.000Z",
    ]);
  });

  // docs/tally.md: "Once a tally has met a few days, a day it has not met registers its whole block
  // of 16 UTC days, each period found from the one before" — here the block's first day was met
  // early, on its own, and sixteen days later the tally meets another day of that block.
  it("a day met after sixteen others, in a block whose first day was met early", () => {
    const first = 16 * Math.floor(Date.UTC(2026, 0, 1) / DAY / 16);
    const days = [first, ...Array.from({ length: 15 }, (_, j) => first + 16 * (j + 1)), first + 5, first + 15];
    for (const [unit, zone] of [
      ["day", "UTC"],
      ["day", "America/Santiago"],
      ["isoWeek", "Pacific/Apia"],
    ] as const) {
      const { actual, expected } = bucketsOf(
        unit,
        zone,
        days.map((day) => day * DAY + 12 * HOUR),
      );
      expect(actual, `${unit} in ${zone}`).toEqual(expected);
    }
  });
});

describe("the periods a tally numbers", () => {
  // docs/tally.md: "Once a tally has met a few days, a day it has not met registers its whole block
  // of 16 UTC days, each period found from the one before"; before that, a day met is numbered alone.
  it("five days met, three instants each, are five periods, named and ranked in time", () => {
    const buckets = new Buckets({ unit: "day", timeZone: "Asia/Beirut" });
    const start = Date.UTC(2026, 2, 20, 12);
    for (const day of [4, 0, 2, 1, 3]) for (const h of [0, 5, 9]) buckets.indexOf(start + day * DAY + h * HOUR);
    expect(buckets.size).toBe(5);
    const names = Array.from({ length: buckets.size }, (_, index) => buckets.name(index));
    expect(names).toEqual([4, 0, 2, 1, 3].map((day) => periodOf("day", start + day * DAY, "Asia/Beirut").from));
    expect(Array.from(buckets.ranks())).toEqual([4, 0, 2, 1, 3]);
  });

  it("after many days met, a day of a block not met numbers the block's 16 days, each its own period", () => {
    const buckets = new Buckets({ unit: "day", timeZone: "UTC" });
    const first = 16 * Math.floor(Date.UTC(2020, 0, 1) / DAY / 16);
    // 60 days met, each in a block of its own, then two days of blocks further on
    for (let j = 0; j < 60; j++) buckets.indexOf((first + 16 * j) * DAY + 12 * HOUR);
    for (const block of [100, 102]) {
      const before = buckets.size;
      const day = first + 16 * block + 7;
      expect(buckets.name(buckets.indexOf(day * DAY + 12 * HOUR))).toBe(iso(day * DAY));
      expect(buckets.size - before, `block ${block}`).toBe(16);
      const names = new Set(Array.from({ length: buckets.size }, (_, index) => buckets.name(index)));
      for (let k = 0; k < 16; k++) expect(names.has(iso((first + 16 * block + k) * DAY))).toBe(true);
    }
  });
});

describe("the single bucket's label and period", () => {
  // period.ts periodLabel: `""` for the single bucket of an unbucketed tally.
  it('an unbucketed tally\'s bucket is labelled "" and has no period', () => {
    expect(periodLabel(null, "")).toBe("");
    expect(periodLabel(null, "2026-11-23T00:00:00.000Z")).toBe("");
    expect(periodOfBucket(null, "2026-11-23T00:00:00.000Z")).toBeNull();
  });

  // docs/tally.md "A bucket is an instant": in a bucketed tally every bucket is "" or an ISO UTC instant.
  it('a bucketed tally\'s bucket "" is labelled "" in every unit, and has no period', () => {
    for (const unit of ["day", "isoWeek", "month"] as const) {
      expect(periodLabel({ unit, timeZone: "America/Havana" }, ""), unit).toBe("");
      expect(periodOfBucket({ unit, timeZone: "America/Havana" }, ""), unit).toBeNull();
    }
  });

  // docs/tally.md: "A day a zone skips entirely (Pacific/Apia, 30 December 2011) holds no instant"
  // and weeks and months are whole days: the week and month holding it keep their labels.
  it("the week and month holding Apia's skipped day are labelled by their first days", () => {
    const week = bucketer({ unit: "isoWeek", timeZone: "Pacific/Apia" })(Date.parse("2011-12-31T12:00:00Z"));
    expect(periodLabel({ unit: "isoWeek", timeZone: "Pacific/Apia" }, week)).toBe("week of 2011-12-26");
    const month = bucketer({ unit: "month", timeZone: "Pacific/Apia" })(Date.parse("2011-12-29T12:00:00Z"));
    expect(periodLabel({ unit: "month", timeZone: "Pacific/Apia" }, month)).toBe("2011-12");
  });
});
