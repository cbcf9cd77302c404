// Event identity (core/identity.ts), pinned where mutation testing found it unjudged: how
// effectDiff tells effects apart when a host's stored effects hold odd values, the order of what no
// longer holds, and the long-key hash written as two 8-digit hex lanes.
import { describe, expect, it } from "vitest";
import { boundedEventId, effectDiff } from "../../src/core/identity.js";

describe("effectDiff tells apart what a host may have stored", () => {
  // "Total, whatever a host's stored effects hold: a BigInt, a symbol or a function is written by
  // kind and value, a value met again inside itself (a cycle) as "<cycle>"."
  it("a symbol, a function and undefined are three different values", () => {
    type Stored = { type: string; value: unknown };
    const symbol: Stored = { type: "x", value: Symbol("s") };
    const fn: Stored = { type: "x", value: () => 1 };
    const missing: Stored = { type: "x", value: undefined };
    expect(effectDiff([symbol], [missing])).toStrictEqual({ toCarryOut: [symbol], noLongerHold: [missing] });
    expect(effectDiff([fn], [missing])).toStrictEqual({ toCarryOut: [fn], noLongerHold: [missing] });
    expect(effectDiff([symbol], [fn])).toStrictEqual({ toCarryOut: [symbol], noLongerHold: [fn] });
    // two symbols (or two functions) are the same kind: equal
    const other: Stored = { type: "x", value: Symbol("t") };
    expect(effectDiff([symbol], [other])).toStrictEqual({ toCarryOut: [], noLongerHold: [] });
  });

  it("an array holding undefined is not the empty array", () => {
    const holding = [undefined];
    const empty: unknown[] = [];
    expect(effectDiff([holding], [empty])).toStrictEqual({ toCarryOut: [holding], noLongerHold: [empty] });
    expect(effectDiff([holding], [[undefined]])).toStrictEqual({ toCarryOut: [], noLongerHold: [] });
  });

  it("a cycle is not the empty array", () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    const empty: unknown[] = [];
    expect(effectDiff([cyclic], [empty])).toStrictEqual({ toCarryOut: [cyclic], noLongerHold: [empty] });
    expect(effectDiff([cyclic], [cyclic])).toStrictEqual({ toCarryOut: [], noLongerHold: [] });
  });

  it("array items stay apart: [1, 2] is not [12]", () => {
    expect(effectDiff([[1, 2]], [[12]])).toStrictEqual({ toCarryOut: [[1, 2]], noLongerHold: [[12]] });
  });

  it("what no longer holds keeps the order the host carried it out in, undefined included", () => {
    const a = { type: "a" };
    expect(effectDiff([], [undefined, a])).toStrictEqual({ toCarryOut: [], noLongerHold: [undefined, a] });
    expect(effectDiff([undefined], [undefined, a, undefined])).toStrictEqual({
      toCarryOut: [],
      noLongerHold: [a, undefined], // the last occurrences are the ones in excess
    });
  });
});

describe("boundedEventId hashes a long key to 17 characters", () => {
  // "otherwise "#" and a 64-bit FNV-1a hash of it in hex (two 32-bit lanes …)";
  // boundedEventId("x".repeat(201)).length // => 17
  it("pads each lane to 8 hex digits", () => {
    const small = (lane: "first" | "second"): string => `${"x".repeat(201)}${lane === "first" ? 518 : 1358}`;
    expect(boundedEventId(small("first"))).toBe("#035a22a7cf8de421");
    expect(boundedEventId(small("second"))).toBe("#ce84478e0f8adee0");
    for (const lane of ["first", "second"] as const) expect(boundedEventId(small(lane))).toMatch(/^#[0-9a-f]{16}$/);
  });
});
