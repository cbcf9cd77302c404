// The stored-state checks' vocabulary, called directly: a Check answers undefined when the value
// passes, else the path of the first fault ("" for the value itself). The lifecycles build their
// check tables once, at import, so only calls made here judge these combinators.
import { describe, expect, it } from "vitest";
import { both, exactly, is, isBoolean, listOf, nullable, storedCount, strict } from "../../src/core/vocabulary.js";

const flag = is(isBoolean);

describe("the check combinators", () => {
  it("nullable accepts null and otherwise asks its check", () => {
    // vocabulary.ts: "A check that also accepts `null`."
    expect(nullable(flag)(null)).toBeUndefined();
    expect(nullable(flag)(true)).toBeUndefined();
    expect(nullable(flag)(1)).toBe("");
    expect(nullable(strict({ n: flag }))({ n: 1 })).toBe("n");
  });

  it("strict names an unknown field, then the first field whose check fails", () => {
    // "an unknown field is a fault, as the parsers' strict objects have it"
    expect(strict({ n: flag })({ n: true, extra: true })).toBe("extra");
    expect(strict({ n: flag })({ n: true })).toBeUndefined();
    expect(strict({ n: flag })({ n: 1 })).toBe("n");
  });

  it("listOf names the index of the first bad item, and refuses a non-list or one past its size", () => {
    // "A check of a list (holes included: a hole is a fault) whose items pass `item`."
    expect(listOf(flag)([true, 1])).toBe("1");
    expect(listOf(flag)([1, true])).toBe("0");
    expect(listOf(flag)([true, false, 2, "x"])).toBe("2");
    expect(listOf(flag)(new Array(3).fill(true, 0, 1).fill(false, 2))).toBe("1"); // a hole
    expect(listOf(strict({ n: flag }))([{ n: true }, { n: 0 }])).toBe("1.n");
    expect(listOf(flag)([true, false])).toBeUndefined();
    expect(listOf(flag)([])).toBeUndefined();
    expect(listOf(flag)(5)).toBe("");
    expect(listOf(flag)({ length: 0 })).toBe("");
    // "@param max - the most items allowed"
    expect(listOf(flag, 2)([true, false])).toBeUndefined();
    expect(listOf(flag, 2)([true, false, true])).toBe("");
    expect(listOf(flag, 0)([])).toBeUndefined();
    expect(listOf(flag, 0)([true])).toBe("");
  });

  it("both passes when both do, the first's fault first", () => {
    const nonEmpty = (v: unknown) => ((v as unknown[]).length > 0 ? undefined : "");
    expect(both(is(Array.isArray), nonEmpty)([])).toBe("");
    expect(both(is(Array.isArray), nonEmpty)([1])).toBeUndefined();
    expect(both(strict({ n: flag }), () => "later")({ n: 1 })).toBe("n");
    expect(both(strict({ n: flag }), () => "later")({ n: true })).toBe("later");
  });

  it("exactly accepts its one value", () => {
    // "A check of a literal value (`lifecycle`, `schemaVersion`)."
    expect(exactly(1)(1)).toBeUndefined();
    expect(exactly(1)(2)).toBe("");
    expect(exactly(1)("1")).toBe("");
    expect(exactly("consultation")("consultation")).toBeUndefined();
  });

  it("storedCount accepts a whole number from 0", () => {
    // "A stored count: a whole number from 0."
    for (const n of [0, 1, 7, Number.MAX_SAFE_INTEGER]) expect(storedCount(n), String(n)).toBeUndefined();
    for (const v of [-1, 1.5, -0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, "1", null, undefined]) {
      expect(storedCount(v), String(v)).toBe("");
    }
  });
});
