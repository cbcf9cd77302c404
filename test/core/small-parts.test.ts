// Small shared parts, value by value: the diagram's guards and edges, invalidInput's message, the
// text limit's edge and the counter's key order.
import { describe, expect, it } from "vitest";
import { compareKeys } from "../../src/core/counter.js";
import { stateDiagram } from "../../src/core/diagram.js";
import { createLifecycle, type LifecycleDefinition } from "../../src/core/lifecycle.js";
import { isText, PARSE_LIMITS } from "../../src/core/limits.js";
import { invalidInput } from "../../src/core/result.js";

type S = "a" | "b" | "z";
type E = { type: "go"; at: number; actor: "x" } | { type: "poke"; at: number; actor: "x" };
const def: LifecycleDefinition<S, "x", { status: S; updatedAt: string }, E, never> = {
  name: "tiny",
  initialStatus: "a",
  statuses: {
    a: { label: 'A "first"', setBy: ["x"], closes: false },
    b: { label: "B", setBy: ["x"], closes: false },
    z: { label: "Z", setBy: ["x"], closes: true },
  },
  events: {
    go: { from: ["a", "b"], to: "b", apply: (s) => ({ state: s, effects: [] }) },
    poke: {
      from: "open",
      to: [
        { to: "b", when: "twice" },
        { to: "b", when: "twice" },
        { from: ["b"], to: "z", when: "done" },
      ],
      by: ["x"],
      apply: (s) => ({ state: s, effects: [] }),
    },
  },
  timers: [{ from: "b", to: "z", label: "go", dueAt: () => Number.NaN, apply: (s) => ({ state: s, effects: [] }) }],
  closedAccepts: { z: ["go", "poke"] },
};

describe("stateDiagram", () => {
  it("draws the tables: labels, any open status, one line per edge with every label once", () => {
    expect(stateDiagram(createLifecycle(def).definition)).toBe(
      [
        "stateDiagram-v2",
        "  direction LR",
        `  state "A 'first'" as a`,
        '  state "B" as b',
        '  state "Z" as z',
        '  state "any open status" as anyOpen',
        "  [*] --> a",
        "  a --> b : go",
        "  b --> b : go",
        "  anyOpen --> b : poke (twice)",
        "  b --> z : poke (done), go",
        "  z --> b : go (allowed by options), poke (allowed by options)",
        "  z --> z : poke (allowed by options)",
        "  z --> [*]",
        "",
      ].join("\n"),
    );
  });

  it("has nothing to draw for anything but a definition", () => {
    for (const bad of [
      null,
      undefined,
      {},
      { statuses: null, events: {}, timers: [] },
      { statuses: 5, events: {}, timers: [] },
      { statuses: {}, events: null, timers: [] },
      { statuses: {}, events: "x", timers: [] },
      { statuses: {}, events: {}, timers: null },
    ]) {
      expect(stateDiagram(bad as never)).toBe("");
    }
    expect(stateDiagram({ ...def, closedAccepts: undefined } as never)).not.toContain("allowed by options");
  });
});

describe("small parts", () => {
  it("invalidInput lists every issue, a whole-input one without a path", () => {
    expect(
      invalidInput("event", [
        { path: "", message: "expected an object" },
        { path: "at", message: "expected an instant" },
      ]).message,
    ).toBe("Invalid event: expected an object; at: expected an instant");
  });

  it("text may be as long as the limit, not longer", () => {
    expect(isText("x".repeat(PARSE_LIMITS.maxStringLength))).toBe(true);
    expect(isText("x".repeat(PARSE_LIMITS.maxStringLength + 1))).toBe(false);
    expect(isText("")).toBe(true);
  });

  it("counter keys order by their parts, then by length", () => {
    expect(compareKeys(["a", "b"], ["a", "c"])).toBe(-1);
    expect(compareKeys(["a", "c"], ["a", "b"])).toBe(1);
    expect(compareKeys(["a"], ["a", "b"])).toBeLessThan(0);
    expect(compareKeys(["a", "b"], ["a", "b"])).toBe(0);
  });
});
