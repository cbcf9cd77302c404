// The stored-tally check names what is wrong, field by field (the agreement with the parsers is in
// check.test.ts; these pin each message).
import { describe, expect, it } from "vitest";
import { figuresProblem, periodProblem, sheetProblem } from "../../src/tally/check.js";
import { FIGURE_FIELDS, tallyShifts } from "../../src/tally/figures.js";
import { OUTCOMES, PAGE_FIELDS, PROGRAM_FIELDS, SOURCES, tallySheet } from "../../src/tally/sheet.js";

const fields = { program: PROGRAM_FIELDS.length, page: PAGE_FIELDS.length };
const widths = Object.fromEntries(Object.entries(FIGURE_FIELDS).map(([k, f]) => [k, f.length]));
const sheet = (t: unknown) => sheetProblem(t, fields, Object.keys(SOURCES), Object.keys(OUTCOMES));
const T = Date.parse("2026-11-23T10:00:00Z");
const good = () =>
  tallySheet(
    [
      { type: "firstContact", at: T, program: "Ridge", source: "web", outcome: "keptOpen", leadId: "L1" },
      { type: "note", at: T, program: "Ridge", text: "n" },
      { type: "junkCall", at: T },
    ],
    { unit: "day", timeZone: "UTC" },
  ).tally;

describe("the stored-tally check's messages", () => {
  it("periods", () => {
    expect(periodProblem(null)).toBeUndefined();
    expect(periodProblem({ unit: "day", timeZone: "UTC" })).toBeUndefined();
    expect(periodProblem([])).toBe("period must be null or { unit, timeZone }, not an array of 0");
    expect(periodProblem("day")).toBe('period must be null or { unit, timeZone }, not "day"');
    expect(periodProblem({ unit: "day", timeZone: "UTC", x: 1 })).toBe(
      "period has a field other than unit and timeZone",
    );
    expect(periodProblem({ unit: "year", timeZone: "UTC" })).toBe(
      'period.unit must be day, isoWeek or month, not "year"',
    );
    expect(periodProblem({ unit: "day", timeZone: "Mars/Olympus" })).toBe(
      'period.timeZone must be an IANA time-zone name, not "Mars/Olympus"',
    );
  });

  it("sheet tallies, field by field", () => {
    expect(sheet(good())).toBeUndefined();
    const cases: [unknown, string][] = [
      [[], "not a sheet tally: an array of 0"],
      [{ ...good(), kind: "x" }, 'kind must be "firstContactSheet", not "x"'],
      [{ ...good(), version: 2 }, "version must be 1"],
      [{ ...good(), extra: 1 }, '"extra" is not a field of a sheet tally'],
      [{ ...good(), programs: null }, "programs must be an array"],
      [{ ...good(), programs: [[["b", "p"], [1]]] }, "programs.0 must be [key of 2 strings, 9 counts]"],
      [
        {
          ...good(),
          programs: [
            [
              ["b", "p"],
              [-1, 0, 0, 0, 0, 0, 0, 0, 0],
            ],
          ],
        },
        "programs.0 must be [key of 2 strings, 9 counts]",
      ],
      [
        { ...good(), programs: [[["b", "p"], [0, 0, 0, 0, 0, 0, 0, 0, 0], 1]] },
        "programs.0 must be [key of 2 strings, 9 counts]",
      ],
      [
        {
          ...good(),
          page: [
            [
              ["b", "c"],
              [1, 1],
            ],
          ],
        },
        "page.0 must be [key of 1 strings, 2 counts]",
      ],
      [{ ...good(), kinds: 1 }, "kinds must be an array"],
      [{ ...good(), kinds: [["b", "p", "web"]] }, "kinds.0 must be [bucket, program, source, outcome]"],
      [{ ...good(), kinds: [["b", "", "web", "keptOpen"]] }, "kinds.0 must be [bucket, program, source, outcome]"],
      [{ ...good(), kinds: [["b", "p", "tv", "keptOpen"]] }, "kinds.0 must be [bucket, program, source, outcome]"],
      [{ ...good(), kinds: [["b", "p", "web", "won"]] }, "kinds.0 must be [bucket, program, source, outcome]"],
      [{ ...good(), kinds: [[1, "p", "web", "keptOpen"]] }, "kinds.0 must be [bucket, program, source, outcome]"],
      [{ ...good(), leads: [] }, "leads must be { ids, at, kind }"],
      [{ ...good(), leads: { ...good().leads, more: [] } }, "leads must be { ids, at, kind }, three arrays"],
      [{ ...good(), leads: { ...good().leads, at: null } }, "leads must be { ids, at, kind }, three arrays"],
      [{ ...good(), leads: { ...good().leads, at: [] } }, "leads: ids, at and kind must have the same length"],
      [{ ...good(), leads: { ...good().leads, kind: [] } }, "leads: ids, at and kind must have the same length"],
      [{ ...good(), leads: { ...good().leads, ids: [""] } }, "leads.ids.0 must be a non-empty string"],
      [
        { ...good(), leads: { ...good().leads, at: [1e300] } },
        "leads.at.0 must be epoch milliseconds within years 0000–9999",
      ],
      [
        { ...good(), leads: { ...good().leads, at: ["0"] } },
        "leads.at.0 must be epoch milliseconds within years 0000–9999",
      ],
      [{ ...good(), leads: { ...good().leads, kind: [1] } }, "leads.kind.0 must be an index into kinds"],
      [{ ...good(), leads: { ...good().leads, kind: [-1] } }, "leads.kind.0 must be an index into kinds"],
      [{ ...good(), notes: {} }, "notes must be an array"],
      [{ ...good(), notes: [["b", "p", T]] }, "notes.0 must be [bucket, program, at, text]"],
      [{ ...good(), notes: [["b", "", T, "t"]] }, "notes.0 must be [bucket, program, at, text]"],
      [{ ...good(), notes: [["b", "p", "x", "t"]] }, "notes.0 must be [bucket, program, at, text]"],
      [{ ...good(), notes: [["b", "p", T, 1]] }, "notes.0 must be [bucket, program, at, text]"],
      [{ ...good(), notes: [[1, "p", T, "t"]] }, "notes.0 must be [bucket, program, at, text]"],
      [{ ...good(), period: { unit: "day" } }, "period.timeZone must be an IANA time-zone name, not undefined"],
    ];
    for (const [tally, message] of cases) expect(sheet(tally), message).toBe(message);
    expect(sheet({ ...good(), leads: { ids: ["a"], at: [-62_167_219_200_000], kind: [0] } })).toBeUndefined();
  });

  it("look-alikes: primitives, array-likes and one item too many", () => {
    const arrayLike = (items: unknown[]) => Object.fromEntries([...items.entries(), ["length", items.length]]);
    const cases: [unknown, string][] = [
      [5, "not a sheet tally: 5"],
      ["sheet", 'not a sheet tally: "sheet"'],
      [
        { ...good(), kinds: [arrayLike(["b", "p", "web", "keptOpen"])] },
        "kinds.0 must be [bucket, program, source, outcome]",
      ],
      [
        { ...good(), kinds: [["b", "p", "web", "keptOpen", "x"]] },
        "kinds.0 must be [bucket, program, source, outcome]",
      ],
      [{ ...good(), leads: 5 }, "leads must be { ids, at, kind }"],
      [{ ...good(), leads: null }, "leads must be { ids, at, kind }"],
      [{ ...good(), notes: [arrayLike(["b", "p", T, "t"])] }, "notes.0 must be [bucket, program, at, text]"],
      [{ ...good(), notes: [["b", "p", T, "t", "x"]] }, "notes.0 must be [bucket, program, at, text]"],
    ];
    for (const [tally, message] of cases) expect(sheet(tally), message).toBe(message);
    // The instant domain's last millisecond is inside it; the next is not.
    const at = (ms: number) => sheet({ ...good(), leads: { ...good().leads, at: [ms] } });
    expect(at(253_402_300_799_999)).toBeUndefined();
    expect(at(253_402_300_800_000)).toBe("leads.at.0 must be epoch milliseconds within years 0000–9999");
    expect(at(-62_167_219_200_001)).toBe("leads.at.0 must be epoch milliseconds within years 0000–9999");
    expect(figuresProblem(5, widths)).toBe("not a figures tally: 5");
  });

  it("figures tallies", () => {
    const shifts = tallyShifts([
      { agent: "ann", shift: "am", dmReached: true, pitched: true, lead: false, appointment: true },
    ]).tally;
    expect(figuresProblem(shifts, widths)).toBeUndefined();
    const cases: [unknown, string][] = [
      [null, "not a figures tally: null"],
      [[], "not a figures tally: an array of 0"],
      [{ ...shifts, kind: "x" }, 'kind "x" is not a kind of figures'],
      [{ ...shifts, kind: "toString" }, 'kind "toString" is not a kind of figures'],
      [{ ...shifts, version: 0 }, "version must be 1"],
      [{ ...shifts, extra: 1 }, "a figures tally has only kind, version, period and rows"],
      [{ ...shifts, rows: [[["a", "b"], [1]]] }, "rows.0 must be [key of 2 strings, 5 counts]"],
      [{ ...shifts, period: 5 }, "period must be null or { unit, timeZone }, not 5"],
    ];
    for (const [tally, message] of cases) expect(figuresProblem(tally, widths), message).toBe(message);
  });
});
