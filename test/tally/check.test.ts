// The zod-free tally check (tally/check.ts, used by the merges and readers, which never load zod)
// must accept exactly what the parsers accept: otherwise a merge could write a tally the parser
// refuses, or refuse one it reads. Random valid tallies, and the same with one field spoiled.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { figuresProblem, sheetProblem } from "../../src/tally/check.js";
import { FIGURE_FIELDS, tallyShifts, tallyStatuses } from "../../src/tally/figures.js";
import { parseFigureTally, parseSheetTally } from "../../src/tally/schema.js";
import { OUTCOMES, PAGE_FIELDS, PROGRAM_FIELDS, SOURCES, tallySheet } from "../../src/tally/sheet.js";
import { dialFacts, instant, sheetEvent } from "../../src/testing/arbitraries.js";
import { corrupt, hostileJson, runs } from "../hostile.js";

const fields = { program: PROGRAM_FIELDS.length, page: PAGE_FIELDS.length };
const widths = Object.fromEntries(Object.entries(FIGURE_FIELDS).map(([k, f]) => [k, f.length]));
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
const period = fc.constantFrom(null, { unit: "day", timeZone: "Europe/London" }, { unit: "month", timeZone: "UTC" });

describe("the tally check agrees with the parsers", () => {
  it("sheet tallies: accepted by sheetProblem exactly when parseSheetTally accepts them", () => {
    const tally = fc
      .tuple(fc.array(sheetEvent(), { maxLength: 10 }), period)
      .map(([events, p]) => json(tallySheet(events, p as never).tally));
    fc.assert(
      fc.property(fc.oneof(tally, corrupt(tally, hostileJson)), (t) => {
        const ours = sheetProblem(t, fields, Object.keys(SOURCES), Object.keys(OUTCOMES));
        expect(ours === undefined, ours).toBe(parseSheetTally(t).ok);
      }),
      { numRuns: runs(1500) },
    );
  });

  it("figures tallies: accepted by figuresProblem exactly when parseFigureTally accepts them", () => {
    const tally = fc.oneof(
      fc.array(dialFacts(), { maxLength: 6 }).map((d) => json(tallyShifts(d).tally)),
      fc
        .tuple(fc.array(fc.record({ status: fc.string({ minLength: 1 }), at: instant() }), { maxLength: 6 }), period)
        .map(([s, p]) => json(tallyStatuses(s, p as never).tally)),
    );
    fc.assert(
      fc.property(fc.oneof(tally, corrupt(tally, hostileJson)), (t) => {
        const ours = figuresProblem(t, widths);
        expect(ours === undefined, ours).toBe(parseFigureTally(t).ok);
      }),
      { numRuns: runs(1500) },
    );
  });
});
