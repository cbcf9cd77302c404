// deepFreeze (src/core/freeze.ts), called from a test. The library calls it at module scope, on
// its tables, when a module loads: before any test runs, so no test judged it on values of its
// own. Here it is given each kind of value its doc names: objects, arrays, functions (with their
// prototype in a non-enumerable key), nothing to freeze (null, text, numbers), already-frozen parts
// and cycles.
import { describe, expect, it } from "vitest";
import { deepFreeze } from "../../src/core/freeze.js";

describe("deepFreeze", () => {
  it("returns null, text and numbers as they are", () => {
    // "@param value - a table, preset or any value"
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze(undefined)).toBe(undefined);
    expect(deepFreeze("text")).toBe("text");
    expect(deepFreeze(42)).toBe(42);
    const table = { none: null, name: "two words", n: 1, list: ["ab", null, 3] };
    expect(deepFreeze(table)).toBe(table);
    expect(table).toEqual({ none: null, name: "two words", n: 1, list: ["ab", null, 3] });
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.list)).toBe(true);
  });

  it("freezes a function, what its own properties hold, and its prototype", () => {
    // "Freezes a value and everything reachable from it through own properties (objects, arrays,
    // functions)"; "A preset's verb: its prototype (if any) sits in a non-enumerable key."
    function verb(): number {
      return 1;
    }
    const table = { limits: [1, 2] };
    const withTable = Object.assign(verb, { table });
    expect(deepFreeze(withTable)).toBe(withTable);
    expect(Object.isFrozen(verb)).toBe(true);
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.limits)).toBe(true);
    expect(Object.isFrozen(verb.prototype)).toBe(true);
    expect(() => {
      (verb.prototype as { extra?: number }).extra = 1;
    }).toThrow(TypeError);
  });

  it("freezes a function met inside a table, and an arrow's own properties", () => {
    const arrow = Object.assign((n: number): number => n, { meta: { kind: "arrow" } });
    const table = { run: arrow };
    deepFreeze(table);
    expect(Object.isFrozen(arrow)).toBe(true);
    expect(Object.isFrozen(arrow.meta)).toBe(true);
  });

  it("freezes what an object's own property reads as, a getter's value too", () => {
    // "everything reachable from it through own properties"
    const inner = { a: [1] };
    const table = {
      get inner(): { a: number[] } {
        return inner;
      },
    };
    deepFreeze(table);
    expect(Object.isFrozen(inner)).toBe(true);
    expect(Object.isFrozen(inner.a)).toBe(true);
  });

  it("does not walk an already-frozen part again", () => {
    // "Already-frozen parts are not walked again (shared sub-tables cost once)"
    const below = { b: 1 };
    const shared = Object.freeze({ below });
    const table = { shared, own: { c: 2 } };
    deepFreeze(table);
    expect(Object.isFrozen(table.own)).toBe(true);
    expect(Object.isFrozen(below)).toBe(false);
  });

  it("is fine with a cycle", () => {
    // "a cycle is fine"
    const a: { name: string; next?: unknown } = { name: "a" };
    const b = { name: "b", next: a, list: [a] };
    a.next = b;
    expect(deepFreeze(a)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(b)).toBe(true);
    expect(Object.isFrozen(b.list)).toBe(true);
    function f(): void {}
    const g = Object.assign(f, { self: f });
    expect(deepFreeze(g)).toBe(g);
    expect(Object.isFrozen(f.prototype)).toBe(true);
  });
});
