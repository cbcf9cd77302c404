// stateDiagram judged by what it draws for definitions built here as plain data (a definition read
// from JSON, as diagram.ts says it may be), and by what it answers for spoiled ones: "" by its own
// shape check, never by the last-resort guard catching a TypeError (docs/contract.md, point 4:
// "Every JSON value gets a documented answer, not the guard's").
import { describe, expect, it } from "vitest";
import { stateDiagram } from "../../src/core/diagram.js";
import { guardCatches } from "../../src/core/guard.js";

type Def = Record<string, unknown>;
const base = (): Def => ({
  name: "toy",
  initialStatus: "new",
  statuses: {
    new: { label: "New", closes: false },
    shut: { label: "Shut", closes: true },
  },
  events: {
    close: { from: "open", to: "shut" },
    note: { from: ["new"], to: "same" },
    split: {
      from: ["new"],
      to: [
        { to: "shut", when: "big" },
        { from: ["new"], to: "new", when: "small" },
      ],
    },
  },
  timers: [{ from: "new", to: "shut", label: "after 1 day" }],
  closedAccepts: { shut: ["note", "split"] },
});
const draw = (def: unknown): string => stateDiagram(def as never);
const lines = (...l: string[]): string => `${l.join("\n")}\n`;

describe("stateDiagram draws the tables", () => {
  it("draws every table, closed statuses' accepted events as 'allowed by options', a same-status event as a loop", () => {
    // diagram.ts: "Events accepted from every open status are drawn from one 'any open status' node;
    // time-based moves are labelled with their delay."
    expect(draw(base())).toBe(
      lines(
        "stateDiagram-v2",
        "  direction LR",
        '  state "New" as new',
        '  state "Shut" as shut',
        '  state "any open status" as anyOpen',
        "  [*] --> new",
        "  anyOpen --> shut : close",
        "  new --> new : note, split (small)",
        "  new --> shut : split (big), after 1 day",
        "  shut --> shut : note (allowed by options), split (allowed by options)",
        "  shut --> new : split (allowed by options)",
        "  shut --> [*]",
      ),
    );
  });

  it("draws an open-status event a closed status accepts, whatever the closed status is called", () => {
    // A closed status named like a part of "open" still accepts what its options list.
    for (const name of ["open", "pen", "o"]) {
      const def = {
        initialStatus: "new",
        statuses: { new: { label: "New", closes: false }, [name]: { label: "Gone", closes: true } },
        events: { drop: { from: "open", to: name }, revive: { from: "open", to: "new" } },
        timers: [],
        closedAccepts: { [name]: ["revive"] },
      };
      expect(draw(def), name).toBe(
        lines(
          "stateDiagram-v2",
          "  direction LR",
          '  state "New" as new',
          `  state "Gone" as ${name}`,
          '  state "any open status" as anyOpen',
          "  [*] --> new",
          `  anyOpen --> ${name} : drop`,
          "  anyOpen --> new : revive",
          `  ${name} --> new : revive (allowed by options)`,
          `  ${name} --> [*]`,
        ),
      );
    }
  });

  it("a closedAccepts of null is none", () => {
    expect(draw({ ...base(), closedAccepts: null })).toBe(draw({ ...base(), closedAccepts: {} }));
    expect(draw({ ...base(), closedAccepts: {} })).not.toContain("allowed by options");
  });

  it("a definition that throws while it is read is answered by the guard with the empty diagram", () => {
    const before = guardCatches();
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("revoked");
        },
      },
    );
    expect(draw(hostile)).toBe("");
    expect(guardCatches()).toBe(before + 1);
  });
});

describe("stateDiagram answers a spoiled definition with the empty diagram, by its check", () => {
  const spoil = (edit: (def: Def) => void): Def => {
    const def = base();
    edit(def);
    return def;
  };
  const events = (extra: unknown) => spoil((d) => Object.assign(d.events as Def, { bad: extra }));
  const statuses = (extra: unknown) => spoil((d) => Object.assign(d.statuses as Def, { bad: extra }));
  const timers = (extra: unknown) => spoil((d) => (d.timers as unknown[]).push(extra));
  const cases: [string, unknown][] = [
    ["null", null],
    ["a string", "toy"],
    ["an array", []],
    ["no statuses", spoil((d) => delete d.statuses)],
    ["statuses an array", spoil((d) => (d.statuses = []))],
    ["no events", spoil((d) => delete d.events)],
    ["events an array", spoil((d) => (d.events = []))],
    ["no timers", spoil((d) => delete d.timers)],
    ["timers an object", spoil((d) => (d.timers = {}))],
    ["no initialStatus", spoil((d) => delete d.initialStatus)],
    ["initialStatus a number", spoil((d) => (d.initialStatus = 5))],
    ["a status null", statuses(null)],
    ["a status without label", statuses({ closes: false })],
    ["a status label a number", statuses({ label: 5, closes: false })],
    ["an event rule null", events(null)],
    ["an event from a number", events({ from: 5, to: "shut" })],
    ["an event from a status name", events({ from: "new", to: "shut" })],
    ["an event from a list with a number", events({ from: [1], to: "shut" })],
    ["an event to a number", events({ from: ["new"], to: 5 })],
    ["an event to an object", events({ from: ["new"], to: {} })],
    ["an event branch null", events({ from: ["new"], to: [null] })],
    ["an event branch to a number", events({ from: ["new"], to: [{ to: 5, when: "w" }] })],
    ["an event branch without to", events({ from: ["new"], to: [{ when: "w" }] })],
    ["an event branch when a number", events({ from: ["new"], to: [{ to: "shut", when: 5 }] })],
    ["an event branch without when", events({ from: ["new"], to: [{ to: "shut" }] })],
    ["an event branch from a number", events({ from: ["new"], to: [{ to: "shut", when: "w", from: 5 }] })],
    ["an event branch from a name", events({ from: ["new"], to: [{ to: "shut", when: "w", from: "new" }] })],
    [
      "an event branch from a list with a number",
      events({ from: ["new"], to: [{ to: "shut", when: "w", from: [1] }] }),
    ],
    [
      "one good and one bad branch",
      events({
        from: ["new"],
        to: [
          { to: "shut", when: "w" },
          { to: 5, when: "w" },
        ],
      }),
    ],
    ["a timer null", timers(null)],
    ["a timer from a number", timers({ from: 5, to: "shut", label: "l" })],
    ["a timer without from", timers({ to: "shut", label: "l" })],
    ["a timer to a number", timers({ from: "new", to: 5, label: "l" })],
    ["a timer without to", timers({ from: "new", label: "l" })],
    ["a timer label a number", timers({ from: "new", to: "shut", label: 5 })],
    ["a timer without label", timers({ from: "new", to: "shut" })],
    ["closedAccepts a number", spoil((d) => (d.closedAccepts = 5))],
    ["closedAccepts an array", spoil((d) => (d.closedAccepts = []))],
    ["closedAccepts a string", spoil((d) => (d.closedAccepts = "shut"))],
    ["closedAccepts of a status a number", spoil((d) => (d.closedAccepts = { shut: 5 }))],
    ["closedAccepts of a status a string", spoil((d) => (d.closedAccepts = { shut: "note" }))],
    ["closedAccepts of a status null", spoil((d) => (d.closedAccepts = { shut: null }))],
    ["closedAccepts an unknown event", spoil((d) => (d.closedAccepts = { shut: ["nope"] }))],
    ["closedAccepts an inherited name", spoil((d) => (d.closedAccepts = { shut: ["toString"] }))],
    ["closedAccepts a known and an unknown event", spoil((d) => (d.closedAccepts = { shut: ["note", "nope"] }))],
    ["closedAccepts a number among events", spoil((d) => (d.closedAccepts = { shut: [5] }))],
  ];

  it.each(cases)("%s", (_, def) => {
    // diagram.ts: "anything else has no diagram" — answered "" by the shape check, not by the guard.
    const before = guardCatches();
    expect(draw(def)).toBe("");
    expect(guardCatches()).toBe(before);
  });
});
