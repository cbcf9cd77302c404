// Issue 20, point 4 (nothing dropped silently) and point 6 (addToSheet in amortised O(1)):
// holes in sparse batches are rejected with their index, counts refuse to leave the safe
// integers (countOverflow), emptyFigures refuses a kind that is not one, a bucket that is not an
// instant is refused by the check and the parsers (so the readers answer as for nothing instead of
// throwing), and addToSheet's lazily built tallies behave as plain data.
import { describe, expect, it } from "vitest";
import {
  emptyFigures,
  type FigureTally,
  mergeFigures,
  periodFigures,
  tallyLeadFigures,
  tallyShifts,
  tallyStatuses,
} from "../../src/tally/figures.js";
import { renderSheetCsv, renderSheetMarkdown } from "../../src/tally/render.js";
import { parseFigureTally, parseSheetTally } from "../../src/tally/schema.js";
import {
  addToSheet,
  emptySheet,
  mergeSheets,
  type SheetEvent,
  type SheetTally,
  sheetPages,
  tallySheet,
} from "../../src/tally/sheet.js";
import { unwrap, unwrapErr } from "../helpers.js";

const MAX = Number.MAX_SAFE_INTEGER;
const AT = "2026-11-23T09:00:00.000Z";
const DAY = { unit: "day", timeZone: "UTC" } as const;
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const hole = "the hole at 0 is an item: must be an object";
const holeRejection = { index: 0, code: "invalidEvent", field: "", message: "event must be an object" };

describe("sparse batches: a hole is an item, rejected with its index", () => {
  it("tallyStatuses", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const { tally, rejected } = tallyStatuses([, { status: "cold", at: 0 }] as never);
    expect(rejected, hole).toEqual([holeRejection]);
    expect(tally.rows).toEqual([[["", "cold"], [1]]]);
  });

  it("tallyShifts", () => {
    const calls = new Array(3);
    calls[1] = { agent: "ann", shift: "am", dmReached: true, pitched: false, lead: false, appointment: false };
    const { tally, rejected } = tallyShifts(calls);
    expect(rejected).toEqual([holeRejection, { ...holeRejection, index: 2 }]);
    expect(tally.rows).toEqual([
      [
        ["ann", "am"],
        [1, 1, 0, 0, 0],
      ],
    ]);
  });

  it("tallyLeadFigures", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const { rejected } = tallyLeadFigures([{ division: "", createdAt: 0, booked: false }, ,] as never, {
      unit: "month",
      timeZone: "UTC",
    });
    expect(rejected).toEqual([{ ...holeRejection, index: 1 }]);
  });

  it("tallySheet", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const { rejected } = tallySheet([, { type: "junkCall", at: 0 }] as never);
    expect(rejected).toEqual([holeRejection]);
  });
});

describe("counts refuse to leave the safe integers (countOverflow)", () => {
  const near = (n: number): FigureTally<"statusCounts"> => ({
    kind: "statusCounts",
    version: 1,
    period: null,
    rows: [[["", "sold"], [n]]],
  });

  it("mergeFigures refuses a sum past Number.MAX_SAFE_INTEGER, naming the field and the key", () => {
    expect(unwrapErr(mergeFigures(near(MAX), near(1)))).toEqual({
      code: "countOverflow",
      message: 'leads of ["","sold"] would pass Number.MAX_SAFE_INTEGER: refused rather than rounded',
      field: "leads",
    });
  });

  it("mergeFigures still merges up to Number.MAX_SAFE_INTEGER itself", () => {
    expect(unwrap(mergeFigures(near(MAX - 1), near(1))).rows).toEqual([[["", "sold"], [MAX]]]);
  });

  it("mergeFigures names the field of wider rows", () => {
    const shift = (n: number): FigureTally<"shiftFigures"> => ({
      kind: "shiftFigures",
      version: 1,
      period: null,
      rows: [
        [
          ["ann", "am"],
          [1, 1, n, 0, 0],
        ],
      ],
    });
    expect(unwrapErr(mergeFigures(shift(MAX), shift(1)))).toMatchObject({ code: "countOverflow", field: "pitched" });
  });

  it("mergeSheets refuses a sum past Number.MAX_SAFE_INTEGER, program rows and page rows alike", () => {
    const programs = (n: number): SheetTally => ({
      ...emptySheet(),
      programs: [
        [
          ["", "Ridge"],
          [0, 0, 0, 0, 0, 0, 0, n, 0],
        ],
      ],
    });
    expect(unwrapErr(mergeSheets(programs(MAX), programs(2)))).toEqual({
      code: "countOverflow",
      message: 'transferCalls of ["","Ridge"] would pass Number.MAX_SAFE_INTEGER: refused rather than rounded',
      field: "transferCalls",
    });
    const page = (n: number): SheetTally => ({ ...emptySheet(), page: [[[""], [0, n]]] });
    expect(unwrapErr(mergeSheets(page(1), page(MAX)))).toMatchObject({ code: "countOverflow", field: "missedCalls" });
    expect(unwrap(mergeSheets(page(1), page(MAX - 1))).page).toEqual([[[""], [0, MAX]]]);
  });

  it("addToSheet refuses the one event that would pass it", () => {
    const full: SheetTally = { ...emptySheet(), page: [[[""], [MAX, 0]]] };
    expect(unwrapErr(addToSheet(full, { type: "junkCall", at: 0 }))).toMatchObject({
      code: "countOverflow",
      field: "junkCalls",
    });
    expect(unwrap(addToSheet(full, { type: "missedCall", at: 0 })).page).toEqual([[[""], [MAX, 1]]]);
  });

  it("the parsers refuse stored rows listed twice whose sum passes it", () => {
    const twice = { kind: "statusCounts", version: 1, period: null, rows: [...near(MAX).rows, ...near(1).rows] };
    expect(parseFigureTally(twice)).toMatchObject({
      ok: false,
      error: {
        issues: [
          {
            path: "rows",
            message: 'leads of ["","sold"] sums past Number.MAX_SAFE_INTEGER (countOverflow)',
          },
        ],
      },
    });
    const sheet = {
      ...emptySheet(),
      page: [
        [[""], [MAX, 0]],
        [[""], [1, 0]],
      ],
    };
    expect(parseSheetTally(sheet)).toMatchObject({
      ok: false,
      error: {
        issues: [{ path: "page", message: 'junkCalls of [""] sums past Number.MAX_SAFE_INTEGER (countOverflow)' }],
      },
    });
    const programs = {
      ...emptySheet(),
      programs: [
        [
          ["", "R"],
          [MAX, 0, 0, 0, 0, 0, 0, 0, 0],
        ],
        [
          ["", "R"],
          [1, 0, 0, 0, 0, 0, 0, 0, 0],
        ],
      ],
    };
    expect(parseSheetTally(programs)).toMatchObject({
      ok: false,
      error: {
        issues: [{ path: "programs", message: 'web of ["","R"] sums past Number.MAX_SAFE_INTEGER (countOverflow)' }],
      },
    });
  });
});

describe("emptyFigures with a kind that is not one", () => {
  it("is the error value unknownKind, naming the field", () => {
    expect(emptyFigures("nope" as unknown)).toEqual({
      code: "unknownKind",
      message: 'kind must be shiftFigures, leadFigures or statusCounts, not "nope"',
      field: "kind",
    });
    expect(emptyFigures(undefined as unknown)).toMatchObject({
      code: "unknownKind",
      message: "kind must be shiftFigures, leadFigures or statusCounts, not undefined",
    });
    expect(emptyFigures("toString" as unknown)).toMatchObject({ code: "unknownKind" });
  });

  it("is a tally the parser reads back for every kind", () => {
    for (const kind of ["shiftFigures", "leadFigures", "statusCounts"] as const) {
      expect(parseFigureTally(emptyFigures(kind))).toEqual({ ok: true, value: emptyFigures(kind) });
    }
  });
});

describe("a bucket that is not an instant, in a bucketed tally", () => {
  const statuses = (bucket: string) => ({
    kind: "statusCounts",
    version: 1,
    period: DAY,
    rows: [[[bucket, "x"], [1]]],
  });

  it("periodFigures answers as for nothing instead of throwing", () => {
    expect(periodFigures(statuses("\u0000") as never)).toEqual([]);
    expect(periodFigures(statuses("2026-13-45T00:00:00.000Z") as never)).toEqual([]);
    expect(periodFigures(statuses(AT) as never)).toHaveLength(1);
    expect(periodFigures(statuses("") as never)).toHaveLength(1);
  });

  it("parseFigureTally and mergeFigures refuse it, naming the path", () => {
    expect(parseFigureTally(statuses("\u0000"))).toMatchObject({
      ok: false,
      error: {
        issues: [
          { path: "rows.0.0.0", message: 'must be "" or an ISO UTC instant (a period\'s start) in a bucketed tally' },
        ],
      },
    });
    expect(unwrapErr(mergeFigures(statuses("\u0000") as never))).toEqual({
      code: "invalidTally",
      message: 'tally 0: rows.0.0.0 must be "" or an ISO UTC instant (a period\'s start) in a bucketed tally',
      index: 0,
    });
  });

  it("shift figures are keyed by agent, not bucket: any agent is fine", () => {
    const shifts = {
      kind: "shiftFigures",
      version: 1,
      period: DAY,
      rows: [
        [
          ["\u0000", "am"],
          [1, 0, 0, 0, 0],
        ],
      ],
    };
    expect(parseFigureTally(shifts).ok).toBe(true);
  });

  it("sheetPages answers as for nothing; the sheet parser refuses each place a bucket sits", () => {
    const base = { ...emptySheet(), period: DAY };
    const spoiled = [
      [{ ...base, page: [[["\u0000"], [1, 0]]] }, "page.0.0.0"],
      [
        {
          ...base,
          programs: [
            [
              ["\u0000", "R"],
              [1, 0, 0, 0, 1, 0, 0, 0, 0],
            ],
          ],
        },
        "programs.0.0.0",
      ],
      [{ ...base, notes: [["\u0000", "R", 0, "n"]] }, "notes.0.0"],
      [
        { ...base, kinds: [["\u0000", "R", "web", "closedOut"]], leads: { ids: ["l"], at: [0], kind: [0] } },
        "kinds.0.0",
      ],
    ] as const;
    for (const [tally, path] of spoiled) {
      expect(sheetPages(tally as never)).toEqual([]);
      expect(parseSheetTally(tally)).toMatchObject({ ok: false, error: { issues: [{ path }] } });
    }
    expect(sheetPages({ ...base, page: [[[AT], [1, 0]]] })).toHaveLength(1);
  });

  it("an unbucketed tally takes any bucket string", () => {
    expect(sheetPages({ ...emptySheet(), page: [[["\u0000"], [1, 0]]] })).toMatchObject([{ junkCalls: 1 }]);
  });
});

describe("renderSheetCsv / renderSheetMarkdown given a page missing a field", () => {
  it('answer as for nothing ("") instead of throwing', () => {
    const page = { period: null, label: "", programs: [], junkCalls: 0, missedCalls: 0 };
    for (const field of Object.keys(page)) {
      const broken = { ...page } as Record<string, unknown>;
      delete broken[field];
      if (field === "period") continue; // period is not read by the renderers
      expect(renderSheetCsv(broken as never), field).toBe("");
      expect(renderSheetMarkdown(broken as never), field).toBe("");
    }
    const program = sheetPages(tallySheet([{ type: "transferCall", at: 0, program: "R" }]).tally)[0]?.programs[0];
    const { notes: _, ...noNotes } = program as NonNullable<typeof program>;
    expect(renderSheetCsv({ ...page, programs: [noNotes] } as never)).toBe("");
    expect(renderSheetMarkdown({ ...page, programs: [noNotes] } as never)).toBe("");
  });
});

describe("addToSheet: lazily built tallies are plain data", () => {
  const events = (): SheetEvent[] => [
    { type: "firstContact", at: AT, program: "Ridge", source: "web", outcome: "keptOpen", leadId: "l1" },
    { type: "firstContact", at: AT, program: "Ridge", source: "web", outcome: "closedOut" },
    { type: "note", at: AT, program: "Ridge", text: "called back" },
    { type: "junkCall", at: AT },
  ];
  const fold = (start: SheetTally, es: readonly SheetEvent[]): SheetTally =>
    es.reduce((t, e) => unwrap(addToSheet(t, e)), start);

  it("serialises, spreads, lists its keys and clones like tallySheet's tally", () => {
    const t = fold({ ...emptySheet(), period: DAY }, events());
    const expected = tallySheet(events(), DAY).tally;
    expect(Object.keys(t)).toEqual(["kind", "version", "period", "programs", "page", "leads", "kinds", "notes"]);
    expect(JSON.stringify(t)).toBe(JSON.stringify(expected));
    expect({ ...t }).toEqual(expected);
    expect(structuredClone(t)).toEqual(expected);
    expect(Object.getOwnPropertySymbols(t)).toEqual([]);
    // Once read, every field is a plain, writable data property.
    expect(Object.getOwnPropertyDescriptor(t, "notes")).toEqual({
      value: expected.notes,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  });

  it("an event object changed after it was added changes nothing", () => {
    const e: Record<string, unknown> = {
      type: "firstContact",
      at: AT,
      program: "Ridge",
      source: "web",
      outcome: "keptOpen",
    };
    const t = unwrap(addToSheet(emptySheet(), e as unknown as SheetEvent));
    e.program = "Changed";
    e.at = 0;
    expect(t.programs).toEqual([
      [
        ["", "Ridge"],
        [1, 0, 0, 0, 0, 1, 0, 0, 0],
      ],
    ]);
  });

  it("a starting tally changed after the first add changes nothing", () => {
    const start = tallySheet([{ type: "transferCall", at: AT, program: "Ridge" }]).tally;
    const t = unwrap(addToSheet(start, { type: "junkCall", at: AT }));
    (start.programs[0]?.[1] as number[])[7] = 99;
    (start as { programs: unknown }).programs = [];
    expect(t.programs).toEqual([
      [
        ["", "Ridge"],
        [0, 0, 0, 0, 0, 0, 0, 1, 0],
      ],
    ]);
  });

  it("a read tally changed by its holder is checked again when added to", () => {
    const t = fold(emptySheet(), events());
    (t as { notes: unknown }).notes = "spoiled";
    expect(unwrapErr(addToSheet(t, { type: "junkCall", at: AT }))).toEqual({
      code: "invalidTally",
      message: "notes must be an array",
      index: 0,
    });
  });

  it("assigning a field before reading it keeps the assignment", () => {
    const t = fold(emptySheet(), events());
    (t as { notes: unknown }).notes = [];
    expect(t.notes).toEqual([]);
    expect(t.page).toEqual([[[""], [1, 0]]]);
  });

  it("a tally frozen before it was read still reads, and can be added to", () => {
    const t = Object.freeze(fold(emptySheet(), events()));
    const next = unwrap(addToSheet(t, { type: "missedCall", at: AT }));
    expect(t.page).toEqual([[[""], [1, 0]]]);
    expect(next.page).toEqual([[[""], [1, 1]]]);
    expect(json(t)).toEqual(json(tallySheet(events()).tally));
  });

  it("adding to an older version forks: the newer one keeps its events", () => {
    const one = unwrap(addToSheet(emptySheet(), { type: "junkCall", at: AT }));
    const two = unwrap(addToSheet(one, { type: "junkCall", at: AT }));
    const fork = unwrap(addToSheet(one, { type: "missedCall", at: AT }));
    expect(two.page).toEqual([[[""], [2, 0]]]);
    expect(fork.page).toEqual([[[""], [1, 1]]]);
    expect(one.page).toEqual([[[""], [1, 0]]]);
  });

  it("a long chain is rebuilt on the way (past 1,024 adds) and stays exact", () => {
    const many: SheetEvent[] = Array.from({ length: 3000 }, (_, i) =>
      i % 3 === 0
        ? {
            type: "firstContact",
            at: i,
            program: `P${i % 7}`,
            source: "web",
            outcome: "keptOpen",
            leadId: `L${i % 1100}`,
          }
        : { type: i % 2 === 0 ? "junkCall" : "missedCall", at: i },
    );
    const middle = fold(emptySheet(), many.slice(0, 1500));
    const end = fold(middle, many.slice(1500));
    expect(json(end)).toEqual(json(tallySheet(many).tally));
    expect(json(middle)).toEqual(json(tallySheet(many.slice(0, 1500)).tally));
  });

  it("refuses a bad event with index 0 and the field, and a tally that is not one", () => {
    expect(unwrapErr(addToSheet(emptySheet(), { type: "junkCall", at: "never" } as never))).toEqual({
      index: 0,
      code: "invalidEvent",
      field: "at",
      message: "at must be a valid instant (Date, ISO-8601 with Z or an offset, or epoch ms)",
    });
    expect(unwrapErr(addToSheet(null as never, { type: "junkCall", at: 0 }))).toEqual({
      code: "invalidTally",
      message: "not a sheet tally: null",
      index: 0,
    });
    const edge = { ...emptySheet(), period: { unit: "month", timeZone: "America/New_York" } } as const;
    expect(unwrapErr(addToSheet(edge, { type: "junkCall", at: Date.UTC(9999, 11, 31, 20) }))).toMatchObject({
      code: "invalidInstant",
      field: "at",
      index: 0,
    });
  });
});

describe("addToSheet: versions share nothing a caller can change", () => {
  // Found in review: editing one version's rows or notes changed every unread version of its chain.
  it("editing a read version leaves the next version equal to tallySheet of its events", () => {
    const events: SheetEvent[] = [
      { type: "firstContact", at: 0, program: "A", source: "web", outcome: "keptOpen", leadId: "L1" },
      { type: "note", at: 0, program: "A", text: "hello" },
    ];
    const t0 = tallySheet(events).tally;
    const v1 = unwrap(addToSheet(t0, { type: "junkCall", at: 1 }));
    const v2 = unwrap(addToSheet(v1, { type: "junkCall", at: 2 }));
    const edited = v1 as unknown as {
      page: [string[], number[]][];
      notes: unknown[][];
      leads: { ids: string[] };
      kinds: unknown[][];
    };
    (edited.page[0] as [string[], number[]])[1][0] = 999;
    (edited.notes[0] as unknown[])[3] = "edited";
    edited.leads.ids[0] = "X";
    (edited.kinds[0] as unknown[])[1] = "Z";
    const want = tallySheet([...events, { type: "junkCall", at: 1 }, { type: "junkCall", at: 2 }]).tally;
    expect(JSON.parse(JSON.stringify(v2))).toEqual(JSON.parse(JSON.stringify(want)));
  });
});
