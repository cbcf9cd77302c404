// The pair counter against the tree of maps it replaces in sheet tallies, and the ranks it sorts by.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CounterBuilder, PairCounter, ranksOf } from "../../src/core/counter.js";
import { runs } from "../setup.js";

describe("PairCounter", () => {
  it("counts what the tree of maps counts, rows sorted alike, with or without an order", () => {
    // First ids up to 5,000 too: the counter's table of last rows grows past its first size.
    const pair = fc.tuple(fc.oneof(fc.nat(60), fc.nat(5000)), fc.nat(5), fc.nat(2));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 2000 }), (items) => {
        const names = (a: number, b: number): string[] => [`p${String(a).padStart(4, "0")}`, `q${b}`];
        const pairs = new PairCounter(3);
        const tree = new CounterBuilder(3);
        for (const [a, b, field] of items) {
          pairs.add(pairs.row(a, b), field);
          const counts = tree.at2(...(names(a, b) as [string, string]));
          counts[field] = (counts[field] as number) + 1;
        }
        expect(pairs.rows(names)).toEqual(tree.rows());
        expect(pairs.rows(names, (a, b) => a * 6 + b)).toEqual(tree.rows());
      }),
      { numRuns: runs(200) },
    );
  });
});

describe("ranksOf", () => {
  it("places distinct numbers in ascending order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 300 }), (xs) => {
        const values = Float64Array.from(xs.map((x) => (Object.is(x, -0) ? 0 : x)));
        const unique = [...new Set(values)];
        if (unique.length !== values.length) return;
        const sorted = [...values].sort((a, b) => a - b);
        expect(Array.from(ranksOf(values))).toEqual(Array.from(values, (v) => sorted.indexOf(v)));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("ranksOf by counting", () => {
  it("places distinct whole numbers close together (typed arrays of either kind) as sorting does", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -3000, max: 3000 }), { maxLength: 500 }),
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        (xs, shift) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const want = xs.map((v) => sorted.indexOf(v));
          expect(Array.from(ranksOf(Int32Array.from(xs)))).toEqual(want);
          expect(Array.from(ranksOf(Float64Array.from(xs, (x) => x + shift)))).toEqual(want);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("sorts whole numbers spread wider than a few times their count, and none at all", () => {
    expect(Array.from(ranksOf(Float64Array.of(5e12, -7, 86_400_000, 3)))).toEqual([3, 0, 2, 1]);
    expect(Array.from(ranksOf(Int32Array.of(2 ** 30, -(2 ** 30), 0)))).toEqual([2, 0, 1]);
    expect(Array.from(ranksOf(new Float64Array(0)))).toEqual([]);
  });
});
