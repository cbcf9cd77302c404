// A tally's period index against `periodOf` itself, in zones with skipped and repeated days.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodOf } from "../../src/core/calendar.js";
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
            expect(buckets.names[buckets.indexOf(t)]).toBe(start);
          }
          // the rank of a period is its place in time
          const ranks = buckets.ranks();
          const byRank = [...buckets.names].sort();
          buckets.names.forEach((name, index) => {
            expect(byRank[ranks[index] as number]).toBe(name);
          });
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
