// The tally parsers (`leadrules/parse`), pinned where mutation testing found them unjudged: every
// sheet event type and period unit they read, the dial facts, each refusal's message and path, and
// the parser's name in refusals found after the schema (a bucket that is not an instant, a sum
// past Number.MAX_SAFE_INTEGER).
//
// The parsers build their zod schemas once, on first use (`lazy` in core/schema.ts). Each test here
// reads a fresh copy of the parsers' module (a query in the specifier makes Vite evaluate it anew,
// and nothing else: the sheet, figures and core stay shared), so its schemas are built inside the
// test that judges them — rather than inside whichever test of the suite happened to parse first,
// the only one Stryker's per-test coverage would otherwise run against them. The static import
// below is for the same runs: Stryker runs a mutant's tests only in the test files that import its
// source file (vitest's related files), and the fresh copies are dynamic imports.
import "../../src/tally/schema.js";
import { describe, expect, it } from "vitest";
import { emptySheet } from "../../src/tally/sheet.js";
import { issuesOf, unwrap } from "../helpers.js";

type Parsers = typeof import("../../src/tally/schema.js");
let copies = 0;
const fresh = async (): Promise<Parsers> => {
  const specifier = `../../src/tally/schema.ts?fresh=${++copies}`;
  return (await import(/* @vite-ignore */ specifier)) as Parsers;
};

const AT = "2026-11-23T10:00:00.000Z";
const MAX = Number.MAX_SAFE_INTEGER;
const VERSION_MESSAGE = "unsupported version: this version of leadrules reads version 1";
const BUCKET_MESSAGE = 'must be "" or an ISO UTC instant (a period\'s start) in a bucketed tally';
const sheet = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...JSON.parse(JSON.stringify(emptySheet())),
  ...extra,
});
const statuses = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: "statusCounts",
  version: 1,
  period: null,
  rows: [],
  ...extra,
});

describe("parseSheetEvent reads every event of the sheet", () => {
  // docs/tally.md "Events": "Every kind, once" — each parses, keeping its fields.
  it("each event type parses, its instant normalised to ISO UTC", async () => {
    const { parseSheetEvent } = await fresh();
    const events = [
      {
        type: "firstContact",
        at: AT,
        program: "Blue Ridge",
        source: "educationConsultant",
        outcome: "passedToAdmissions",
        leadId: "L-102",
      },
      { type: "firstContact", at: AT, program: "Blue Ridge", source: "web", outcome: "keptOpen" },
      { type: "transferCall", at: AT, program: "Aspen Lodge" },
      { type: "nonAdmissionsLead", at: AT, program: "Blue Ridge" },
      { type: "note", at: AT, program: "Blue Ridge", text: "EC Dana Lee asked for a tour" },
      { type: "junkCall", at: AT },
      { type: "missedCall", at: AT },
    ];
    for (const event of events) expect(unwrap(parseSheetEvent(event)), event.type).toEqual(event);
  });

  it("an event of no known type is refused, named for the sheet event", async () => {
    const { parseSheetEvent } = await fresh();
    const result = parseSheetEvent({ type: "voicemail", at: AT });
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error.message).toMatch(/^Invalid sheet event: type: /);
  });
});

describe("parseDialFacts reads one dial's facts", () => {
  // docs/tally.md: `tallyShifts(callFacts)` counts dials by agent and shift.
  it("a dial with every fact parses as it stands", async () => {
    const { parseDialFacts } = await fresh();
    const dial = {
      agent: "ann",
      shift: "2026-11-23 am",
      dmReached: true,
      pitched: false,
      lead: true,
      appointment: false,
    };
    expect(unwrap(parseDialFacts(dial))).toEqual(dial);
  });
});

describe("parseSheetTally: what a stored sheet holds", () => {
  // docs/tally.md: "a tally may bucket by day, ISO week (Monday to Sunday) or month in an IANA time zone"
  it("reads a tally bucketed by day, by ISO week and by month", async () => {
    const { parseSheetTally } = await fresh();
    for (const unit of ["day", "isoWeek", "month"]) {
      const stored = sheet({ period: { unit, timeZone: "America/Santiago" } });
      expect(unwrap(parseSheetTally(stored)), unit).toEqual(stored);
    }
  });

  it("refuses a period in an unknown zone, with the message naming an IANA name", async () => {
    const { parseSheetTally } = await fresh();
    expect(parseSheetTally(sheet({ period: { unit: "day", timeZone: "Mars/Olympus" } }))).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: 'Invalid sheet tally: period.timeZone: must be an IANA time-zone name such as "Europe/London"',
        issues: [{ path: "period.timeZone", message: 'must be an IANA time-zone name such as "Europe/London"' }],
      },
    });
  });

  it("refuses another version, with the version message", async () => {
    const { parseSheetTally } = await fresh();
    expect(parseSheetTally(sheet({ version: 2 }))).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: `Invalid sheet tally: version: ${VERSION_MESSAGE}`,
        issues: [{ path: "version", message: VERSION_MESSAGE }],
      },
    });
  });

  // docs/tally.md "Periods stay inside years 0000–9999 UTC": a lead's instant outside them is refused.
  it("refuses a lead's instant outside years 0000–9999, naming it", async () => {
    const { parseSheetTally } = await fresh();
    const kinds = [["", "R", "web", "keptOpen"]];
    expect(issuesOf(parseSheetTally(sheet({ leads: { ids: ["L"], at: [-1e17], kind: [0] }, kinds })))).toEqual([
      ["leads.at.0", "must be epoch milliseconds within years 0000–9999"],
    ]);
    expect(issuesOf(parseSheetTally(sheet({ notes: [["", "R", 1e17, "n"]] })))).toEqual([
      ["notes.0.2", "must be epoch milliseconds within years 0000–9999"],
    ]);
  });

  // docs/tally.md "The JSON form is sorted and columnar": identified leads are columns `ids`, `at`, `kind`.
  it("refuses lead columns of different lengths, naming leads", async () => {
    const { parseSheetTally } = await fresh();
    const kinds = [["", "R", "web", "keptOpen"]];
    expect(parseSheetTally(sheet({ leads: { ids: ["a"], at: [], kind: [0] }, kinds }))).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid sheet tally: leads: ids, at and kind must have the same length",
        issues: [{ path: "leads", message: "ids, at and kind must have the same length" }],
      },
    });
  });

  it("refuses a lead's kind that is not an index into kinds, naming leads.kind", async () => {
    const { parseSheetTally } = await fresh();
    expect(parseSheetTally(sheet({ leads: { ids: ["a"], at: [1], kind: [0] } }))).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid sheet tally: leads.kind: every lead's kind must be an index into kinds",
        issues: [{ path: "leads.kind", message: "every lead's kind must be an index into kinds" }],
      },
    });
  });

  // docs/tally.md "A bucket is an instant": the parsers refuse anything else, naming the path.
  it("refuses a bucket that is not an instant, named for the sheet tally", async () => {
    const { parseSheetTally } = await fresh();
    const spoiled = sheet({ period: { unit: "day", timeZone: "UTC" }, page: [[["\u0000"], [1, 0]]] });
    expect(parseSheetTally(spoiled)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: `Invalid sheet tally: page.0.0.0: ${BUCKET_MESSAGE}`,
        issues: [{ path: "page.0.0.0", message: BUCKET_MESSAGE }],
      },
    });
  });

  // docs/tally.md "Counts refuse to leave the safe integers": the parsers refuse repeated rows summing past it.
  it("refuses repeated rows whose sum passes Number.MAX_SAFE_INTEGER, named for the sheet tally", async () => {
    const { parseSheetTally } = await fresh();
    const message = 'junkCalls of [""] sums past Number.MAX_SAFE_INTEGER (countOverflow)';
    expect(
      parseSheetTally(
        sheet({
          page: [
            [[""], [MAX, 0]],
            [[""], [1, 0]],
          ],
        }),
      ),
    ).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: `Invalid sheet tally: page: ${message}`,
        issues: [{ path: "page", message }],
      },
    });
  });
});

describe("parseFigureTally: refusals found after the schema", () => {
  it("refuses a bucket that is not an instant, named for the figures tally", async () => {
    const { parseFigureTally } = await fresh();
    const spoiled = statuses({ period: { unit: "month", timeZone: "UTC" }, rows: [[["\u0000", "x"], [1]]] });
    expect(parseFigureTally(spoiled)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: `Invalid figures tally: rows.0.0.0: ${BUCKET_MESSAGE}`,
        issues: [{ path: "rows.0.0.0", message: BUCKET_MESSAGE }],
      },
    });
  });

  it("refuses repeated rows whose sum passes Number.MAX_SAFE_INTEGER, named for the figures tally", async () => {
    const { parseFigureTally } = await fresh();
    const message = 'leads of ["","sold"] sums past Number.MAX_SAFE_INTEGER (countOverflow)';
    const twice = statuses({
      rows: [
        [["", "sold"], [MAX]],
        [["", "sold"], [1]],
      ],
    });
    expect(parseFigureTally(twice)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: `Invalid figures tally: rows: ${message}`,
        issues: [{ path: "rows", message }],
      },
    });
  });

  it("refuses another version, with the version message", async () => {
    const { parseFigureTally } = await fresh();
    expect(issuesOf(parseFigureTally(statuses({ version: 0 })))).toEqual([["version", VERSION_MESSAGE]]);
  });
});
