// A tally's period index against `periodOf` itself, in zones with skipped and repeated days.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodAfter, periodMs, periodOf } from "../../src/core/calendar.js";
import { Buckets, bucketer } from "../../src/tally/period.js";
import { runs } from "../setup.js";

describe("a tally's period index", () => {
  it("gives every instant the period periodOf gives, in any order, in zones with odd days", () => {
    const zones = ["Europe/London", "America/Santiago", "Pacific/Apia", "Asia/Kolkata", "America/St_Johns", "UTC"];
    const from = Date.UTC(2009, 0, 1);
    const to = Date.UTC(2016, 0, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom("day" as const, "isoWeek" as const, "month" as const),
        fc.array(fc.integer({ min: from, max: to }), { minLength: 1, maxLength: 300 }),
        (zone, unit, instants) => {
          const spec = { unit, timeZone: zone };
          const bucketOf = bucketer(spec);
          const buckets = new Buckets(spec);
          for (const t of instants) {
            const start = periodOf(unit, t, zone).from;
            expect(bucketOf(t)).toBe(start);
            expect(buckets.name(buckets.indexOf(t))).toBe(start);
          }
          // the rank of a period is its place in time
          const ranks = buckets.ranks();
          const names = Array.from({ length: buckets.size }, (_, index) => buckets.name(index));
          const byRank = [...names].sort();
          names.forEach((name, index) => {
            expect(byRank[ranks[index] as number]).toBe(name);
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe("a tally's period index, days met by blocks", () => {
  // Many days met in random order: once a few are met, each new one registers its block of days,
  // each period found from the one before (periodAfter), through skipped and repeated days.
  it("gives every sixth hour of two years the period periodOf gives, met in random order", () => {
    const zones = ["Pacific/Apia", "America/Santiago", "America/Havana", "Europe/London", "Australia/Lord_Howe"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom("day" as const, "isoWeek" as const, "month" as const),
        fc.integer({ min: Date.UTC(2010, 6, 1), max: Date.UTC(2012, 6, 1) }),
        fc.nat(),
        (zone, unit, from, seed) => {
          const steps = (24 * 730) / 6;
          const order = Array.from({ length: steps }, (_, i) => (i * 7919 + seed) % steps);
          const buckets = new Buckets({ unit, timeZone: zone });
          for (const k of order) {
            const t = from + k * 6 * 3_600_000 + (seed % 21_600_000);
            expect(buckets.name(buckets.indexOf(t))).toBe(periodOf(unit, t, zone).from);
          }
        },
      ),
      { numRuns: runs(12) },
    );
  });

  it("periodAfter: the period periodMs gives at a period's end, across skipped days", () => {
    for (const zone of ["Pacific/Apia", "America/Santiago", "America/Goose_Bay", "Pacific/Kwajalein"]) {
      for (const unit of ["day", "isoWeek", "month", "year"] as const) {
        let [, to, first] = periodMs(unit, Date.UTC(1987, 0, 1), zone);
        while (to < Date.UTC(2013, 0, 1)) {
          const next = periodAfter(unit, first, to, zone);
          expect(next).toEqual(periodMs(unit, to, zone));
          [, to, first] = next;
        }
      }
    }
  });
});
