import { describe, expect, it } from "vitest";
import { normaliseCounter } from "../../src/core/counter.js";

describe("the mergeable counter", () => {
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
});
