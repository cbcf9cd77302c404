import { describe, expect, it } from "vitest";
import { stateDiagram } from "../../src/core/diagram.js";
import { createLifecycle, type LifecycleDefinition } from "../../src/core/lifecycle.js";

// A toy lifecycle, domain-free, to pin the engine's own rules.
type S = "open" | "shut" | "gone";
type E =
  | { type: "shutIt"; at: number | string; actor: "a" | "b" }
  | { type: "note"; at: number | string; actor: "a" | "b" }
  | { type: "reopen"; at: number | string; actor: "a" | "b" };
interface St {
  status: S;
  updatedAt: string;
  notes: number;
}
const def: LifecycleDefinition<S, "a" | "b", St, E, string> = {
  name: "toy",
  initialStatus: "open",
  statuses: {
    open: { label: "Open", setBy: ["a", "b"], closes: false },
    shut: { label: 'Shut "tight"', setBy: ["a"], closes: true },
    gone: { label: "Gone", setBy: [], closes: false },
  },
  events: {
    shutIt: {
      from: "open",
      to: "shut",
      apply: (s, _, at) => ({ state: { ...s, status: "shut", updatedAt: at }, effects: ["shut"] }),
    },
    note: {
      from: "open",
      to: "same",
      by: ["b"],
      apply: (s, _, at) => ({ state: { ...s, updatedAt: at, notes: s.notes + 1 }, effects: [] }),
    },
    reopen: {
      from: [],
      to: "open",
      apply: (s, _, at) => ({ state: { ...s, status: "open", updatedAt: at }, effects: [] }),
    },
  },
  timers: [
    {
      from: "open",
      to: "gone",
      label: "after 10 ms",
      dueAt: (s) => Date.parse(s.updatedAt) + 10,
      apply: (s, at) => ({ state: { ...s, status: "gone", updatedAt: at }, effects: ["gone"] }),
    },
    { from: "gone", to: "open", label: "never", dueAt: () => Number.NaN, apply: (s) => ({ state: s, effects: [] }) },
  ],
  closedAccepts: { shut: ["reopen"] },
};
const toy = () => createLifecycle(def);
const s0: St = { status: "open", updatedAt: new Date(0).toISOString(), notes: 0 };

describe("the lifecycle engine", () => {
  it("refuses unknown events, bad instants and events older than the state, naming the field", () => {
    expect(toy().transition(s0, { type: "fly", at: 1, actor: "a" } as unknown as E)).toMatchObject({
      ok: false,
      error: { code: "unknownEvent", field: "type" },
    });
    expect(toy().transition(s0, { type: "toString", at: 1, actor: "a" } as unknown as E)).toMatchObject({
      ok: false,
      error: { code: "unknownEvent" },
    });
    expect(toy().transition(s0, { type: "note", at: "later", actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "invalidInstant", field: "at" },
    });
    const later = { ...s0, updatedAt: new Date(5).toISOString() };
    const old = toy().transition(later, { type: "note", at: 4, actor: "b" });
    expect(old).toMatchObject({ ok: false, error: { code: "outOfOrder", field: "at" } });
    expect(toy().transition(later, { type: "note", at: 5, actor: "b" }).ok).toBe(true);
  });

  it("refuses a state whose status the lifecycle does not know, instead of crashing", () => {
    const corrupt = { ...s0, status: "__proto__" as S };
    expect(toy().transition(corrupt, { type: "note", at: 1, actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "unknownStatus", field: "status" },
    });
    expect(toy().allowedEvents(corrupt, "a")).toEqual([]);
  });

  it("applies due timers before the event and returns their effects first", () => {
    const result = toy().transition(s0, { type: "reopen", at: 20, actor: "a" });
    expect(result).toMatchObject({ ok: false, error: { code: "notAllowedFrom", status: "gone" } });
    const shut = toy().transition(s0, { type: "shutIt", at: 5, actor: "a" });
    expect(shut).toMatchObject({ ok: true, value: { effects: ["shut"] } });
    expect(toy().advance(s0, 10)).toEqual({
      state: { ...s0, status: "gone", updatedAt: new Date(10).toISOString() },
      effects: ["gone"],
      ignored: null,
    });
    expect(toy().advance(s0, "nonsense")).toMatchObject({
      state: s0,
      effects: [],
      ignored: { code: "invalidInstant" },
    });
  });

  it("returns timer effects together with the event's", () => {
    const withNote: LifecycleDefinition<S, "a" | "b", St, E, string> = {
      ...def,
      events: {
        ...def.events,
        reopen: {
          from: ["gone"],
          to: "open",
          apply: (s, _, at) => ({ state: { ...s, status: "open", updatedAt: at }, effects: ["reopened"] }),
        },
      },
    };
    const result = createLifecycle(withNote).transition(s0, { type: "reopen", at: 20, actor: "a" });
    expect(result).toMatchObject({ ok: true, value: { effects: ["gone", "reopened"] } });
  });

  it("checks the actor against the event's own list, or the target status's setBy", () => {
    expect(toy().transition(s0, { type: "note", at: 1, actor: "a" })).toMatchObject({
      ok: false,
      error: { code: "actorNotPermitted", actor: "a" },
    });
    expect(toy().transition(s0, { type: "shutIt", at: 1, actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "actorNotPermitted" },
    });
    expect(toy().allowedEvents(s0, "b")).toEqual(["note"]);
    expect(toy().allowedEvents(s0, "a", 10)).toEqual(["shutIt"]);
  });

  it("lets a closed status accept only what the definition allows", () => {
    const shut = { ...s0, status: "shut" as S };
    expect(toy().transition(shut, { type: "reopen", at: 1, actor: "a" }).ok).toBe(true);
    expect(toy().transition(shut, { type: "note", at: 1, actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "closed" },
    });
    expect(toy().allowedEvents(shut, "a")).toEqual(["reopen"]);
  });

  it("stops a runaway chain of timers", () => {
    const loop = createLifecycle<S, "a" | "b", St, { type: "x"; at: number; actor: "a" }, string>({
      name: "loop",
      initialStatus: "open",
      statuses: def.statuses,
      events: { x: { from: "open", to: "same", by: ["a"], apply: (s) => ({ state: s, effects: [] }) } },
      timers: [
        {
          from: "open",
          to: "gone",
          label: "now",
          dueAt: () => 0,
          apply: (s, at) => ({ state: { ...s, status: "gone", updatedAt: at }, effects: ["g"] }),
        },
        {
          from: "gone",
          to: "open",
          label: "now",
          dueAt: () => 0,
          apply: (s, at) => ({ state: { ...s, status: "open", updatedAt: at }, effects: ["o"] }),
        },
      ],
    });
    expect(loop.advance(s0, 1).effects).toHaveLength(64);
  });

  it("draws a Mermaid diagram from the tables", () => {
    expect(stateDiagram(def)).toBe(
      [
        "stateDiagram-v2",
        "  direction LR",
        '  state "Open" as open',
        "  state \"Shut 'tight'\" as shut",
        '  state "Gone" as gone',
        '  state "any open status" as anyOpen',
        "  [*] --> open",
        "  anyOpen --> shut : shutIt",
        "  anyOpen --> anyOpen : note",
        "  open --> gone : after 10 ms",
        "  gone --> open : never",
        "  shut --> open : reopen (allowed by options)",
        "  shut --> [*]",
        "",
      ].join("\n"),
    );
  });

  it("draws an event that branches on its data as one edge per branch, also when a closed status accepts it", () => {
    const branching: LifecycleDefinition<S, "a" | "b", St, E, string> = {
      ...def,
      events: {
        ...def.events,
        note: {
          from: ["open", "gone"],
          to: [
            { to: "shut", when: "a long note" },
            { from: ["gone"], to: "open", when: "a short note" },
          ],
          by: ["a"],
          apply: (s) => ({ state: s, effects: [] }),
        },
      },
      closedAccepts: { shut: ["note"] },
    };
    const lines = stateDiagram(branching).split("\n");
    expect(lines).toContain("  open --> shut : note (a long note)");
    expect(lines).toContain("  gone --> shut : note (a long note)");
    expect(lines).toContain("  gone --> open : note (a short note), never");
    expect(lines).toContain("  shut --> shut : note (allowed by options)");
    expect(lines).toContain("  shut --> open : note (allowed by options)");
    const lifecycle = createLifecycle(branching);
    expect(lifecycle.allowedEvents({ status: "open", updatedAt: "1970-01-01T00:00:00.000Z", notes: 0 }, "a")).toContain(
      "note",
    );
  });
});
