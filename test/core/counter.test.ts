// The mergeable counter every tally is built on (src/core/counter.ts), against plain models: each
// exported part on its own, so a change to any of them fails here and not only deep inside a tally.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CounterBuilder,
  type CounterRow,
  compareKeys,
  inc,
  normaliseCounter,
  unsafeCount,
} from "../../src/core/counter.js";

// The order the counter promises: element by element by UTF-16 code units, a key before every
// longer key it begins.
const modelCompare = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
  }
  return 0;
};

// Keys from a small alphabet, so equal keys and shared prefixes are common.
const key = fc.array(fc.constantFrom("", "a", "b", "ab", "é", "\u{1F600}", "__proto__"), { maxLength: 3 });

// The model of a counter: one entry per key (as JSON), counts summed, sorted by the promised order.
const modelRows = (adds: readonly (readonly [readonly string[], number, number])[], width: number): CounterRow[] => {
  const byKey = new Map<string, [string[], number[]]>();
  for (const [k, field, by] of adds) {
    const id = JSON.stringify(k);
    const row = byKey.get(id) ?? [[...k], new Array<number>(width).fill(0)];
    (row[1] as number[])[field] = (row[1][field] as number) + by;
    byKey.set(id, row);
  }
  return [...byKey.values()].sort((x, y) => modelCompare(x[0], y[0]));
};

describe("compareKeys", () => {
  it("orders element by element, -1 or 1 at the first difference, a prefix first", () => {
    expect(compareKeys(["a"], ["b"])).toBe(-1);
    expect(compareKeys(["b"], ["a"])).toBe(1);
    expect(compareKeys(["a", "b"], ["a", "c"])).toBe(-1);
    expect(compareKeys(["a", "c"], ["a", "b"])).toBe(1);
    expect(compareKeys(["b"], ["a", "z"])).toBe(1);
    expect(compareKeys(["a", "b"], ["a", "b"])).toBe(0);
    expect(compareKeys([], [])).toBe(0);
    expect(compareKeys(["a"], ["a", "b"])).toBeLessThan(0);
    expect(compareKeys(["a", "b"], ["a"])).toBeGreaterThan(0);
    expect(compareKeys([], ["a"])).toBeLessThan(0);
    // UTF-16 code units, not code points: U+FFFF sorts after the surrogate pair of U+1F600.
    expect(compareKeys(["\uffff"], ["\u{1F600}"])).toBe(1);
  });

  it("agrees in sign with the model, and is antisymmetric", () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(Math.sign(compareKeys(a, b))).toBe(modelCompare(a, b));
        expect(Math.sign(compareKeys(b, a))).toBe(modelCompare(b, a));
        expect(modelCompare(b, a)).toBe(-modelCompare(a, b) || 0);
      }),
    );
  });
});

describe("normaliseCounter", () => {
  it("normalises rows from outside: sorted by key, repeated keys summed, in one pass", () => {
    expect(
      normaliseCounter([
        [["b"], [1, 0]],
        [
          ["a", "z"],
          [2, 1],
        ],
        [["b"], [3, 5]],
        [["a"], [1, 1]],
      ]),
    ).toEqual([
      [["a"], [1, 1]],
      [
        ["a", "z"],
        [2, 1],
      ],
      [["b"], [4, 5]],
    ]);
    expect(normaliseCounter([])).toEqual([]);
    const many = Array.from({ length: 50_000 }, (_, i) => [[String(i % 1000)], [1]] as const);
    const result = normaliseCounter(many);
    expect(result).toHaveLength(1000);
    expect(result.every(([, counts]) => counts[0] === 50)).toBe(true);
    expect(normaliseCounter([...result, ...result])).toEqual(result.map(([k, c]) => [k, c.map((n) => n * 2)]));
  });

  it("reads a missing count of a repeated row as zero, and leaves its input as it was", () => {
    const rows: CounterRow[] = [
      [["a"], [1, 2]],
      [["a"], [3]],
    ];
    expect(normaliseCounter(rows)).toEqual([[["a"], [4, 2]]]);
    expect(rows).toEqual([
      [["a"], [1, 2]],
      [["a"], [3]],
    ]);
  });

  it("equals the model for any rows, and is idempotent", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat(1), fc.nat(9)), { maxLength: 40 }), (adds) => {
        const rows: CounterRow[] = adds.map(([k, field, by]) => [k, field === 0 ? [by, 0] : [0, by]]);
        const out = normaliseCounter(rows);
        expect(out).toEqual(modelRows(adds, 2));
        expect(normaliseCounter(out)).toEqual(out);
      }),
    );
  });
});

describe("unsafeCount", () => {
  it("names the first row and field whose count is not a safe integer", () => {
    expect(unsafeCount([])).toBeUndefined();
    expect(
      unsafeCount([
        [["a"], [0, 2 ** 53 - 1]],
        [["b"], [-(2 ** 53 - 1), 7]],
      ]),
    ).toBeUndefined();
    expect(
      unsafeCount([
        [["a"], [1, 2]],
        [["b"], [3, 2 ** 53, Number.NaN]],
        [["c"], [Number.NaN]],
      ]),
    ).toEqual({ key: ["b"], field: 1 });
    for (const bad of [2 ** 53, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -(2 ** 53)]) {
      expect(
        unsafeCount([
          [
            ["x", "y"],
            [0, 0, bad],
          ],
        ]),
      ).toEqual({ key: ["x", "y"], field: 2 });
    }
  });
});

describe("CounterBuilder", () => {
  it("counts what the model counts, any keys and parts, rows sorted by key", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.tuple(key, fc.nat(3), fc.nat(5))), (width, adds) => {
        const within = adds.map(([k, field, by]) => [k, field % width, by] as const);
        const counter = new CounterBuilder(width);
        for (const [k, field, by] of within) {
          const counts = k.length === 2 ? counter.at2(k[0] as string, k[1] as string) : counter.at(k);
          expect(counts).toHaveLength(width);
          inc(counts, field, by);
        }
        expect(counter.rows()).toEqual(modelRows(within, width));
      }),
    );
  });

  it("hands out one counts array per key, the same from at and at2, zero when new", () => {
    const counter = new CounterBuilder(2);
    expect(counter.rows()).toEqual([]);
    const ab = counter.at2("a", "b");
    expect(Array.from(ab)).toEqual([0, 0]);
    expect(counter.at(["a", "b"])).toBe(ab);
    expect(counter.at2("a", "b")).toBe(ab);
    // A key that only prefixes a counted one has no row until it is counted itself.
    expect(counter.rows()).toEqual([
      [
        ["a", "b"],
        [0, 0],
      ],
    ]);
    const a = counter.at(["a"]);
    a[1] = 3;
    expect(counter.at2("a", "c")).not.toBe(ab);
    counter.at([])[0] = 1;
    expect(counter.rows()).toEqual([
      [[], [1, 0]],
      [["a"], [0, 3]],
      [
        ["a", "b"],
        [0, 0],
      ],
      [
        ["a", "c"],
        [0, 0],
      ],
    ]);
    // at2 on a node made by at (a three-part key's prefix) gives it counts of its own.
    const deep = new CounterBuilder(1);
    deep.at(["x", "y", "z"])[0] = 1;
    deep.at2("x", "y")[0] = 2;
    expect(deep.rows()).toEqual([
      [["x", "y"], [2]],
      [["x", "y", "z"], [1]],
    ]);
  });
});

describe("inc", () => {
  it("adds one by default, or the amount given, in place, to typed and plain arrays", () => {
    const typed = new Float64Array(2);
    inc(typed, 1);
    expect(Array.from(typed)).toEqual([0, 1]);
    inc(typed, 1, 5);
    inc(typed, 0, -2);
    expect(Array.from(typed)).toEqual([-2, 6]);
    const plain = [1, 1];
    inc(plain, 0);
    expect(plain).toEqual([2, 1]);
  });
});
