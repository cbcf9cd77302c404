// The tally module's edges, value by value: every rejection message, the readers' answers to
// values that are not tallies or pages, the orders that make output deterministic.
import { describe, expect, it } from "vitest";
import {
  emptyFigures,
  mergeFigures,
  periodFigures,
  shiftFigures,
  tallyLeadFigures,
  tallyShifts,
  tallyStatuses,
} from "../../src/tally/figures.js";
import { periodLabel, periodOfBucket, samePeriod } from "../../src/tally/period.js";
import { renderSheetCsv, renderSheetMarkdown } from "../../src/tally/render.js";
import { parseFigureTally, parseSheetTally } from "../../src/tally/schema.js";
import { compareNotes, type NoteRow, type SheetPage, sheetPages, tallySheet } from "../../src/tally/sheet.js";
import { unwrap } from "../helpers.js";

const T = Date.parse("2026-11-23T10:00:00Z");
const day = { unit: "day", timeZone: "UTC" } as const;

describe("rejection messages name the field", () => {
  it("lead facts and status facts", () => {
    const leads = tallyLeadFigures(
      [
        { division: 5, createdAt: T, booked: true },
        { division: "", createdAt: "soon", booked: true },
        { division: "", createdAt: T, booked: "yes" },
        7,
      ] as never,
      day,
    );
    expect(leads.rejected.map((r) => [r.index, r.field, r.message])).toEqual([
      [0, "division", 'division must be a string ("" for the top level)'],
      [1, "createdAt", "createdAt must be a valid instant"],
      [2, "booked", "booked must be true or false"],
      [3, "", "event must be an object"],
    ]);
    const statuses = tallyStatuses(
      [
        { status: "", at: T },
        { status: "sold", at: null },
      ] as never,
      null,
    );
    expect(statuses.rejected.map((r) => r.message)).toEqual([
      "status must be a non-empty string",
      "at must be a valid instant",
    ]);
  });

  it("sheet events", () => {
    const { rejected } = tallySheet(
      [
        { type: "firstContact", at: T, program: "R", source: "web", outcome: "won" },
        { type: "firstContact", at: T, program: "R", source: "web", outcome: "keptOpen", leadId: "" },
        { type: "note", at: T, program: "R", text: 5 },
        { type: "firstContact", at: "x", program: "R", source: "web", outcome: "keptOpen" },
      ] as never,
      day,
    );
    expect(rejected.map((r) => [r.field, r.message])).toEqual([
      ["outcome", "outcome must be one of closedOut, keptOpen, passedToAdmissions"],
      ["leadId", "leadId must be a non-empty string (10,000 characters at most), when given"],
      ["text", "text must be a string (10,000 characters at most)"],
      ["at", "at must be a valid instant (Date, ISO-8601 with Z or an offset, or epoch ms)"],
    ]);
    expect(tallySheet("events" as never).rejected).toEqual([
      { index: 0, code: "invalidEvent", field: "", message: 'events must be an array, not "events"' },
    ]);
  });

  it("a bad batch leaves the kind's empty tally", () => {
    const bad = tallyStatuses("x" as never);
    expect(bad.tally).toEqual(emptyFigures("statusCounts"));
    expect(bad.rejected).toHaveLength(1);
    expect(tallyShifts([]).tally).toEqual(emptyFigures("shiftFigures"));
  });
});

describe("mergeFigures' refusals", () => {
  const shifts = () =>
    tallyShifts([{ agent: "ann", shift: "am", dmReached: true, pitched: true, lead: true, appointment: false }]).tally;
  it("say which tally, and why", () => {
    expect(mergeFigures(shifts(), { kind: "nope" } as never)).toEqual({
      ok: false,
      error: { code: "invalidTally", message: 'tally 1: kind "nope" is not a kind of figures', index: 1 },
    });
    expect(mergeFigures()).toEqual({
      ok: false,
      error: {
        code: "invalidTally",
        message: "nothing to merge: give at least one tally (emptyFigures(kind) for none)",
      },
    });
    expect(mergeFigures(shifts(), emptyFigures("statusCounts") as never)).toEqual({
      ok: false,
      error: { code: "tallyMismatch", message: "cannot merge shiftFigures with statusCounts" },
    });
    const daily = tallyStatuses([{ status: "sold", at: T }], day).tally;
    const monthly = tallyStatuses([{ status: "sold", at: T }], { unit: "month", timeZone: "UTC" }).tally;
    expect(mergeFigures(daily, monthly)).toEqual({
      ok: false,
      error: { code: "tallyMismatch", message: "the tallies are bucketed by different periods or time zones" },
    });
  });
});

describe("readers answer what is not theirs with nothing", () => {
  it("shiftFigures and periodFigures read only their kinds", () => {
    const statuses = tallyStatuses([{ status: "sold", at: T }]).tally;
    const shifts = tallyShifts([
      { agent: "ann", shift: "am", dmReached: true, pitched: true, lead: true, appointment: false },
    ]).tally;
    expect(shiftFigures(statuses as never)).toEqual([]);
    expect(shiftFigures({ kind: "shiftFigures" } as never)).toEqual([]);
    expect(shiftFigures(shifts)).toHaveLength(1);
    expect(periodFigures(shifts as never)).toEqual([]);
    expect(periodFigures({ ...statuses, rows: 5 } as never)).toEqual([]);
    expect(periodFigures(statuses)).toHaveLength(1);
  });

  it("the renderers render only pages", () => {
    const page = sheetPages(
      tallySheet([{ type: "firstContact", at: T, program: "R", source: "web", outcome: "keptOpen" }], day).tally,
    )[0] as SheetPage;
    expect(renderSheetMarkdown(page)).not.toBe("");
    const program = page.programs[0] as SheetPage["programs"][number];
    // (The page-level fields are in test/guards.test.ts; these are a program's.)
    const spoiled: unknown[] = [
      5,
      { ...page, programs: [{ ...program, program: 1 }] },
      { ...page, programs: [{ ...program, sources: null }] },
      { ...page, programs: [{ ...program, sources: 5 }] },
      { ...page, programs: [{ ...program, sources: { ...program.sources, web: -1 } }] },
      { ...page, programs: [{ ...program, sources: { ...program.sources, otherReferral: "1" } }] },
      { ...page, programs: [{ ...program, outcomes: null }] },
      { ...page, programs: [{ ...program, outcomes: 5 }] },
      { ...page, programs: [{ ...program, outcomes: { ...program.outcomes, keptOpen: 0.5 } }] },
      { ...page, programs: [{ ...program, outcomes: { ...program.outcomes, passedToAdmissions: null } }] },
      { ...page, programs: [{ ...program, totalIncoming: -1 }] },
      { ...page, programs: [{ ...program, transferCalls: "0" }] },
      { ...page, programs: [{ ...program, nonAdmissionsLeads: null }] },
      { ...page, programs: [{ ...program, notes: "n" }] },
      { ...page, programs: [{ ...program, notes: [1] }] },
    ];
    for (const bad of spoiled) {
      expect(renderSheetMarkdown(bad as SheetPage)).toBe("");
      expect(renderSheetCsv(bad as SheetPage)).toBe("");
    }
  });
});

describe("renderers' escaping", () => {
  const page = (program: string, note: string): SheetPage =>
    sheetPages(
      tallySheet(
        [
          { type: "firstContact", at: T, program, source: "web", outcome: "keptOpen" },
          { type: "note", at: T, program, text: note },
          { type: "note", at: T + 1, program, text: "second" },
        ],
        day,
      ).tally,
    )[0] as SheetPage;

  it("Markdown: a line break in a note becomes a space; notes are joined with a semicolon", () => {
    const md = renderSheetMarkdown(page("Ridge", "one\r\ntwo"));
    expect(md).toContain("| Notes | one two; second |");
  });

  it("CSV: only a leading =, +, -, @, tab or CR is a formula; inside a cell it is text", () => {
    const csv = renderSheetCsv(page("a=b-c", "x+y"));
    expect(csv).toContain("2026-11-23,a=b-c,");
    expect(csv).not.toContain("'a=b-c");
    expect(renderSheetCsv(page("-1", "n"))).toContain("2026-11-23,'-1,");
  });
});

describe("orders", () => {
  it("notes order by bucket and program, then time, then text", () => {
    const notes: NoteRow[] = [
      ["b", "p", 2, "a"],
      ["b", "p", 1, "z"],
      ["a", "q", 9, "z"],
      ["b", "p", 2, "b"],
      ["a", "p", 9, "z"],
      ["b", "p", 2, "a"],
    ];
    expect([...notes].sort(compareNotes)).toEqual([
      ["a", "p", 9, "z"],
      ["a", "q", 9, "z"],
      ["b", "p", 1, "z"],
      ["b", "p", 2, "a"],
      ["b", "p", 2, "a"],
      ["b", "p", 2, "b"],
    ]);
    expect(compareNotes(["b", "p", 2, "b"], ["b", "p", 2, "a"])).toBe(1);
    expect(compareNotes(["b", "p", 2, "a"], ["b", "p", 2, "b"])).toBe(-1);
    expect(compareNotes(["b", "p", 2, "a"], ["b", "p", 2, "a"])).toBe(0);
  });

  it("pages in period order, programs by name, whatever put them in the tally", () => {
    // "Zed" has counts on day 2; "Alp" only a note on day 1 and a lead on day 2.
    const tally = tallySheet(
      [
        { type: "firstContact", at: T + 86_400_000, program: "Zed", source: "web", outcome: "keptOpen" },
        { type: "note", at: T, program: "Alp", text: "n" },
        { type: "firstContact", at: T + 86_400_000, program: "Alp", source: "web", outcome: "closedOut", leadId: "L" },
        { type: "note", at: T + 86_400_000, program: "Mid", text: "m" },
      ],
      day,
    ).tally;
    const pages = sheetPages(tally);
    expect(pages.map((p) => [p.label, p.programs.map((q) => q.program)])).toEqual([
      ["2026-11-23", ["Alp"]],
      ["2026-11-24", ["Alp", "Mid", "Zed"]],
    ]);
  });
});

describe("periods", () => {
  it("the single bucket of an unbucketed tally has no period and no name", () => {
    expect(periodOfBucket(null, "")).toBeNull();
    expect(periodOfBucket(day, "")).toBeNull();
    expect(periodOfBucket(null, "2026-11-23T00:00:00.000Z")).toBeNull();
    expect(periodOfBucket(day, "2026-11-23T00:00:00.000Z")).toEqual({
      from: "2026-11-23T00:00:00.000Z",
      to: "2026-11-24T00:00:00.000Z",
    });
    expect(periodLabel(day, "")).toBe("");
    expect(periodLabel(null, "2026-11-23T00:00:00.000Z")).toBe("");
    expect(periodLabel({ unit: "isoWeek", timeZone: "UTC" }, "2026-11-23T00:00:00.000Z")).toBe("week of 2026-11-23");
  });

  it("two tallies bucket alike only with the same unit and zone, or both unbucketed", () => {
    expect(samePeriod(null, null)).toBe(true);
    expect(samePeriod(null, day)).toBe(false);
    expect(samePeriod(day, null)).toBe(false);
    expect(samePeriod(day, { unit: "day", timeZone: "UTC" })).toBe(true);
    expect(samePeriod(day, { unit: "month", timeZone: "UTC" })).toBe(false);
    expect(samePeriod(day, { unit: "day", timeZone: "Europe/London" })).toBe(false);
  });
});

describe("stored tallies' parser messages", () => {
  const sheet = () =>
    tallySheet([{ type: "firstContact", at: T, program: "R", source: "web", outcome: "keptOpen", leadId: "L" }], day)
      .tally;
  const issues = (r: ReturnType<typeof parseSheetTally>) =>
    r.ok ? [] : r.error.issues.map((i) => [i.path, i.message]);
  it("name the field and say what it must be", () => {
    expect(issues(parseSheetTally({ ...sheet(), version: 2 }))).toEqual([
      ["version", "unsupported version: this version of leadrules reads version 1"],
    ]);
    expect(issues(parseSheetTally({ ...sheet(), leads: { ...sheet().leads, at: [] } }))).toEqual([
      ["leads", "ids, at and kind must have the same length"],
    ]);
    expect(issues(parseSheetTally({ ...sheet(), leads: { ...sheet().leads, kind: [3] } }))).toEqual([
      ["leads.kind", "every lead's kind must be an index into kinds"],
    ]);
    expect(issues(parseSheetTally({ ...sheet(), leads: { ...sheet().leads, at: [8.64e15] } }))).toEqual([
      ["leads.at.0", "must be epoch milliseconds within years 0000–9999"],
    ]);
    expect(parseSheetTally({ ...sheet(), leads: { ...sheet().leads, at: [253_402_300_799_999] } }).ok).toBe(true);
    expect(parseSheetTally({ ...sheet(), leads: { ...sheet().leads, at: [-62_167_219_200_000] } }).ok).toBe(true);
    expect(issues(parseSheetTally({ ...sheet(), leads: { ...sheet().leads, at: [-62_167_219_200_001] } }))).toEqual([
      ["leads.at.0", "must be epoch milliseconds within years 0000–9999"],
    ]);
    expect(issues(parseSheetTally({ ...sheet(), period: { unit: "day", timeZone: "Mars/Olympus" } }))).toEqual([
      ["period.timeZone", 'must be an IANA time-zone name such as "Europe/London"'],
    ]);
    expect(unwrap(parseSheetTally(JSON.parse(JSON.stringify(sheet()))))).toEqual(sheet());
    const bad = parseSheetTally(null);
    expect(bad.ok ? "" : bad.error.message).toMatch(/^Invalid sheet tally: /);
    const figures = parseFigureTally(null);
    expect(figures.ok ? "" : figures.error.message).toMatch(/^Invalid figures tally: /);
  });
});
