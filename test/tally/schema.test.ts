import { describe, expect, it } from "vitest";
import { tallyStatuses } from "../../src/tally/figures.js";
import { parseDialFacts, parseFigureTally, parseSheetEvent, parseSheetTally } from "../../src/tally/schema.js";
import { leadContacts, tallySheet } from "../../src/tally/sheet.js";
import { unwrap, unwrapErr } from "../helpers.js";

describe("tally boundaries", () => {
  it("reads sheet events and names every bad field", () => {
    expect(unwrap(parseSheetEvent({ type: "junkCall", at: "2026-11-23T10:00:00+01:00" }))).toEqual({
      type: "junkCall",
      at: "2026-11-23T09:00:00.000Z",
    });
    const error = unwrapErr(
      parseSheetEvent({ type: "firstContact", at: "x", source: "tv", outcome: "keptOpen", leadId: "" }),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(["at", "leadId", "program", "source"]);
  });

  it("reads one dial's facts and names every bad field", () => {
    const dial = {
      agent: "ann",
      shift: "2026-11-23 am",
      dmReached: true,
      pitched: true,
      lead: false,
      appointment: true,
    };
    expect(unwrap(parseDialFacts(dial))).toEqual(dial);
    const error = unwrapErr(
      parseDialFacts({ agent: "", shift: "am", dmReached: "yes", pitched: true, lead: false, extra: 1 }),
    );
    expect(error.message).toMatch(/^Invalid dial facts: /);
    expect(error.issues.map((i) => i.path).sort()).toEqual(["agent", "appointment", "dmReached", "extra"]);
  });

  it("round-trips a tally through JSON, and puts hand-edited rows back in order", () => {
    const { tally } = tallySheet(
      [
        { type: "firstContact", at: 5, program: "B", source: "web", outcome: "keptOpen", leadId: "z" },
        { type: "firstContact", at: 1, program: "A", source: "web", outcome: "keptOpen", leadId: "a" },
        { type: "transferCall", at: 0, program: "B" },
        { type: "transferCall", at: 0, program: "A" },
        { type: "note", at: 2, program: "A", text: "n" },
        { type: "note", at: 1, program: "A", text: "m" },
        { type: "missedCall", at: 0 },
      ],
      { unit: "day", timeZone: "UTC" },
    );
    expect(unwrap(parseSheetTally(JSON.parse(JSON.stringify(tally))))).toEqual(tally);
    const shuffled = {
      ...tally,
      programs: [...tally.programs].reverse().concat([tally.programs[0] as never]),
      // reversed columns, a second (earlier) contact for lead "a", and a kind no lead uses
      leads: { ids: ["z", "a", "a"], at: [5, 1, 0], kind: [1, 0, 3] },
      kinds: [
        ...tally.kinds,
        ["1970-01-01T00:00:00.000Z", "Unused", "web", "keptOpen"],
        ["1970-01-01T00:00:00.000Z", "C", "web", "closedOut"],
      ],
      notes: [...tally.notes].reverse(),
    };
    const fixed = unwrap(parseSheetTally(JSON.parse(JSON.stringify(shuffled))));
    expect(fixed.programs[0]?.[1][7]).toBe(2);
    expect(leadContacts(fixed).map((l) => [l.leadId, l.at, l.program])).toEqual([
      ["a", "1970-01-01T00:00:00.000Z", "C"],
      ["z", "1970-01-01T00:00:00.005Z", "B"],
    ]);
    expect(fixed.kinds.map((k) => k[1])).toEqual(["B", "C"]);
    expect(fixed.notes).toEqual(tally.notes);
  });

  it("refuses a corrupt tally, naming the field", () => {
    const error = unwrapErr(
      parseSheetTally({
        kind: "firstContactSheet",
        version: 2,
        period: { unit: "fortnight", timeZone: "Mars/Olympus" },
        programs: [
          [
            ["", "A"],
            [1, 2],
          ],
        ],
        page: [],
        leads: { ids: ["L"], at: [Number.POSITIVE_INFINITY], kind: [0] },
        kinds: [["", "A", "web", "maybe"]],
        notes: [],
      }),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      "kinds.0.3",
      "leads.at.0",
      "period.timeZone",
      "period.unit",
      "programs.0.1",
      "version",
    ]);
  });

  it("reads figures tallies of every kind", () => {
    const { tally } = tallyStatuses([{ status: "cold", at: 0 }]);
    expect(unwrap(parseFigureTally(JSON.parse(JSON.stringify(tally))))).toEqual(tally);
    expect(
      unwrap(
        parseFigureTally({
          kind: "statusCounts",
          version: 1,
          period: null,
          rows: [
            [["", "b"], [1]],
            [["", "a"], [2]],
            [["", "b"], [3]],
          ],
        }),
      ).rows,
    ).toEqual([
      [["", "a"], [2]],
      [["", "b"], [4]],
    ]);
    expect(
      parseFigureTally({
        kind: "shiftFigures",
        version: 1,
        period: null,
        rows: [
          [
            ["a", "s"],
            [1, 1, 1, 1],
          ],
        ],
      }).ok,
    ).toBe(false);
    expect(parseFigureTally({ kind: "mystery", version: 1, period: null, rows: [] }).ok).toBe(false);
  });
});

describe("lead columns", () => {
  it("refuses columns of different lengths and kinds out of range", () => {
    const base = { kind: "firstContactSheet", version: 1, period: null, programs: [], page: [], kinds: [], notes: [] };
    expect(unwrapErr(parseSheetTally({ ...base, leads: { ids: ["a"], at: [], kind: [0] } })).message).toContain(
      "ids, at and kind must have the same length",
    );
    expect(unwrapErr(parseSheetTally({ ...base, leads: { ids: ["a"], at: [1], kind: [0] } })).issues).toEqual([
      { path: "leads.kind", message: "every lead's kind must be an index into kinds" },
    ]);
  });
});
