// The pair counter (src/core/counter.ts) past its first table, pinned where mutation testing found
// it unjudged. The property test in pair-counter.prop.test.ts draws arrays at fast-check's default
// size (a dozen items or so, whatever maxLength says), so no run ever met more than 32 pairs: the
// counter never grew its rows nor rehashed its table, and ids rarely collided in the 64 slots. Here
// thousands of distinct pairs, met in a fixed pseudo-random order and met again after every growth,
// are counted against a plain Map, and the rows must come out equal, with or without an order.
import { describe, expect, it } from "vitest";
import { type CounterRow, PairCounter } from "../../src/core/counter.js";

// A fixed pseudo-random sequence (xorshift), so the verdict is the same on every run.
const sequence = (seed: number, n: number, below: number): number[] => {
  let x = seed;
  return Array.from({ length: n }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % below;
  });
};

const names = (a: number, b: number): string[] => [`p${String(a).padStart(5, "0")}`, `q${String(b).padStart(3, "0")}`];

// The model: one entry per pair, counts summed, rows sorted by key (the names sort as the ids do).
const model = (items: readonly (readonly [number, number, number])[], width: number): CounterRow[] => {
  const rows = new Map<string, [number, number, number[]]>();
  for (const [a, b, field] of items) {
    const id = `${a},${b}`;
    const row = rows.get(id) ?? [a, b, new Array<number>(width).fill(0)];
    (row[2][field] as number)++;
    rows.set(id, row);
  }
  return [...rows.values()]
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .map(([a, b, counts]): CounterRow => [names(a, b), counts]);
};

const count = (items: readonly (readonly [number, number, number])[], width: number): PairCounter => {
  const pairs = new PairCounter(width);
  for (const [a, b, field] of items) pairs.add(pairs.row(a, b), field);
  return pairs;
};

describe("PairCounter past its first table", () => {
  it("counts thousands of pairs met in any order as a plain Map does, with or without an order", () => {
    // "counting one per item of an array": each item adds one to its pair's field.
    const as = sequence(7, 6000, 900);
    const bs = sequence(11, 6000, 7);
    const fields = sequence(13, 6000, 3);
    const items = as.map((a, i) => [a, bs[i] as number, fields[i] as number] as const);
    const want = model(items, 3);
    expect(want.length).toBeGreaterThan(1000);
    const pairs = count(items, 3);
    expect(pairs.rows(names)).toEqual(want);
    expect(pairs.rows(names, (a, b) => a * 7 + b)).toEqual(want);
  });

  it("finds every pair again after each growth: one row per pair, its ids as first met", () => {
    // Pairs sharing a first id, then pairs sharing a second id: the table must tell them apart by
    // both ids, wherever they land.
    const items: [number, number, number][] = [];
    for (let n = 1; n <= 600; n++) {
      items.push([0, n, 0], [n, 0, 1]);
      // Every pair met so far, met again: its row must be the same one.
      if ((n & (n - 1)) === 0) for (const [a, b] of items.slice(0, 2 * n)) items.push([a, b, 1]);
    }
    const pairs = new PairCounter(2);
    const first = new Map<string, number>();
    for (const [a, b, field] of items) {
      const row = pairs.row(a, b);
      const id = `${a},${b}`;
      if (!first.has(id)) first.set(id, row);
      // "The row of a pair of ids, created at zero when new": the same row every time it is met.
      expect(row).toBe(first.get(id));
      pairs.add(row, field);
    }
    // Rows are numbered 0, 1, 2… in the order pairs were first met.
    expect([...first.values()]).toEqual(Array.from({ length: first.size }, (_, i) => i));
    expect(pairs.rows(names)).toEqual(model(items, 2));
  });

  it("asks `order` once for each pair it met, and for no other", () => {
    // "`order`, when given, numbers each pair in the order of their keys."
    for (const distinct of [1, 32, 33, 200]) {
      const items = Array.from({ length: distinct }, (_, i) => [3 * i + 1, i % 5, 0] as const);
      const pairs = count(items, 1);
      const asked: string[] = [];
      const rows = pairs.rows(names, (a, b) => {
        asked.push(`${a},${b}`);
        return a;
      });
      expect(asked.sort()).toEqual(items.map(([a, b]) => `${a},${b}`).sort());
      expect(rows).toEqual(model(items, 1));
    }
  });

  it("tells a pair of ids 0 and 0 met after a growth from every other pair", () => {
    // Ids are "indices 0, 1, 2… that the caller interns in the order met": 0 and 0 is a pair like
    // any other, even when first met after the table grew.
    const items: [number, number, number][] = Array.from({ length: 40 }, (_, i) => [i + 1, 1, 0]);
    items.push([0, 0, 1], [41, 1, 0], [0, 0, 1]);
    expect(count(items, 2).rows(names)).toEqual(model(items, 2));
  });

  it("counts a pair met once, and nothing else, in a counter just created", () => {
    const pairs = new PairCounter(2);
    expect(pairs.rows(names)).toEqual([]);
    expect(pairs.rows(names, () => 0)).toEqual([]);
    pairs.add(pairs.row(5000, 3), 1);
    expect(pairs.rows(names)).toEqual([
      [
        ["p05000", "q003"],
        [0, 1],
      ],
    ]);
  });
});
