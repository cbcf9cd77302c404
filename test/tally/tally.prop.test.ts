import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DialFacts } from "../../src/core/dial.js";
import {
  emptyFigures,
  mergeFigures,
  periodFigures,
  shiftFigures,
  tallyShifts,
  tallyStatuses,
} from "../../src/tally/figures.js";
import type { PeriodSpec } from "../../src/tally/period.js";
import { parseFigureTally, parseSheetTally } from "../../src/tally/schema.js";
import {
  addToSheet,
  emptySheet,
  mergeSheets,
  OUTCOMES,
  type SheetEvent,
  type SheetTally,
  SOURCES,
  sheetPages,
  tallySheet,
} from "../../src/tally/sheet.js";
import { deepFreeze, unwrap } from "../helpers.js";
import { runs } from "../hostile.js";

const T0 = Date.parse("2026-03-20T00:00:00Z");
const key = fc.constantFrom("Blue Ridge", "Aspen", "__proto__", "constructor", "🏔️", "a|b", 'x,"y"');
const at = fc.integer({ min: T0, max: T0 + 20 * 86_400_000 });
const event: fc.Arbitrary<SheetEvent> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        type: fc.constant("firstContact" as const),
        at,
        program: key,
        source: fc.constantFrom(...(Object.keys(SOURCES) as (keyof typeof SOURCES)[])),
        outcome: fc.constantFrom(...(Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[])),
        leadId: fc.constantFrom("L1", "L2", "L3", "__proto__", "constructor", "toString"),
      },
      { requiredKeys: ["type", "at", "program", "source", "outcome"] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("transferCall" as const), at, program: key }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("nonAdmissionsLead" as const), at, program: key }) },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant("note" as const), at, program: key, text: fc.string({ maxLength: 5 }) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom("junkCall" as const, "missedCall" as const), at }) },
);
const events = fc.array(event, { maxLength: 40 });
const period: fc.Arbitrary<PeriodSpec | null> = fc.constantFrom(
  null,
  { unit: "day", timeZone: "Europe/London" },
  { unit: "isoWeek", timeZone: "America/New_York" },
  { unit: "month", timeZone: "Australia/Sydney" },
);
const tally = (es: readonly SheetEvent[], p: PeriodSpec | null): SheetTally => tallySheet(es, p).tally;
const merge = (a: SheetTally, b: SheetTally): SheetTally => unwrap(mergeSheets(a, b));
const viaJson = (t: SheetTally): SheetTally => unwrap(parseSheetTally(JSON.parse(JSON.stringify(t))));

describe("tally properties", () => {
  it("lead figures and sheet pages name the same periods alike", () => {
    fc.assert(
      fc.property(fc.array(at, { minLength: 1, maxLength: 12 }), period, (instants, p) => {
        const pages = sheetPages(
          tally(
            instants.map((ms) => ({ type: "junkCall", at: ms })),
            p,
          ),
        );
        const figures = periodFigures(
          tallyStatuses(
            instants.map((ms) => ({ status: "x", at: ms })),
            p ?? undefined,
          ).tally,
        );
        expect(figures.map((f) => [f.period, f.label])).toEqual(pages.map((page) => [page.period, page.label]));
      }),
    );
  });

  it("monoid laws: identity, associativity, commutativity", () => {
    fc.assert(
      fc.property(period, events, events, events, (p, x, y, z) => {
        const [a, b, c] = [tally(x, p), tally(y, p), tally(z, p)];
        // emptySheet() is the identity whatever the period (a tally with nothing in it has none).
        expect(merge(a, emptySheet())).toEqual(a);
        expect(merge(emptySheet(), a)).toEqual(a);
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
    );
  });

  it("tally(x ++ y) = merge(tally(x), tally(y)) for any split, even through JSON, with leads split across shards", () => {
    fc.assert(
      fc.property(period, events, fc.nat(), fc.nat(), (p, all, i, j) => {
        const [s, t] = [i % (all.length + 1), j % (all.length + 1)].sort((m, n) => m - n) as [number, number];
        const shards = [all.slice(0, s), all.slice(s, t), all.slice(t)].map((part) => viaJson(tally(part, p)));
        expect(shards.reduce(merge, emptySheet())).toEqual(tally(all, p));
        // and in one call, any number of tallies at once
        expect(unwrap(mergeSheets(...shards))).toEqual(tally(all, p));
      }),
    );
  });

  it("order does not matter", () => {
    fc.assert(
      fc.property(
        period,
        events.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length }))),
        (p, [es, shuffled]) => {
          expect(tally(shuffled, p)).toEqual(tally(es, p));
        },
      ),
    );
  });

  it("total incoming = sum of sources = sum of outcomes; each lead counted once", () => {
    fc.assert(
      fc.property(period, events, (p, es) => {
        const t = tally(es, p);
        let total = 0;
        for (const page of sheetPages(t)) {
          for (const program of page.programs) {
            const sources = Object.values(program.sources).reduce((m, n) => m + n, 0);
            const outcomes = Object.values(program.outcomes).reduce((m, n) => m + n, 0);
            expect(program.totalIncoming).toBe(sources);
            expect(program.totalIncoming).toBe(outcomes);
            total += program.totalIncoming;
          }
        }
        const contacts = es.filter((e) => e.type === "firstContact");
        const leads = new Set(contacts.flatMap((e) => (e.leadId === undefined ? [] : [e.leadId])));
        expect(total).toBe(leads.size + contacts.filter((e) => e.leadId === undefined).length);
      }),
    );
  });

  it("never throws and never changes its input, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(event, fc.anything(), fc.record({ type: fc.string(), at: fc.anything(), program: fc.anything() })),
        ),
        (junk) => {
          const frozen = deepFreeze(junk);
          const before = JSON.stringify(frozen);
          const result = tallySheet(frozen as SheetEvent[]);
          expect(result.rejected.length).toBeLessThanOrEqual(junk.length);
          expect(JSON.stringify(frozen)).toBe(before);
          sheetPages(result.tally);
          parseSheetTally(junk[0]);
        },
      ),
    );
  });

  it("shift figures are a monoid too, and survive JSON", () => {
    const facts: fc.Arbitrary<DialFacts[]> = fc.array(
      fc.record({
        agent: fc.constantFrom("ann", "__proto__", ""),
        shift: fc.constantFrom("am", "pm"),
        dmReached: fc.boolean(),
        pitched: fc.boolean(),
        lead: fc.boolean(),
        appointment: fc.boolean(),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(facts, facts, (x, y) => {
        const a = tallyShifts(x).tally;
        const b = tallyShifts(y).tally;
        const both = tallyShifts([...x, ...y]).tally;
        expect(unwrap(mergeFigures(a, b))).toEqual(both);
        expect(unwrap(mergeFigures(b, a))).toEqual(both);
        expect(unwrap(mergeFigures(a, emptyFigures("shiftFigures")))).toEqual(a);
        expect(unwrap(parseFigureTally(JSON.parse(JSON.stringify(both))))).toEqual(both);
        for (const f of shiftFigures(both)) {
          expect(f.closingRatio.value === null ? f.pitched === 0 : Number.isFinite(f.closingRatio.value)).toBe(true);
        }
      }),
    );
  });
});

describe("addToSheet: one event at a time, whatever is read, forked or frozen on the way", () => {
  // Each step adds an event to one of the versions so far (usually the newest, sometimes an older
  // one: a fork), and sometimes reads a version first (which turns it into plain data). Every
  // version must equal tallySheet of the events that led to it.
  it("every version it returns equals tallySheet of the events that led to it", () => {
    const step = fc.record({
      event,
      from: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat() }),
      read: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), period, (steps, p) => {
        const start: SheetTally = { ...emptySheet(), period: p };
        const versions: { tally: SheetTally; events: SheetEvent[] }[] = [{ tally: start, events: [] }];
        for (const { event: e, from, read } of steps) {
          const base = (from === -1 ? versions.at(-1) : versions[from % versions.length]) as (typeof versions)[0];
          if (read) void base.tally.programs;
          const next = unwrap(addToSheet(base.tally, e));
          versions.push({ tally: next, events: [...base.events, e] });
        }
        for (const v of versions.slice(1)) {
          const expected = tallySheet(v.events, p).tally;
          expect(JSON.parse(JSON.stringify(v.tally))).toEqual(JSON.parse(JSON.stringify(expected)));
          expect(parseSheetTally(JSON.parse(JSON.stringify(v.tally))).ok).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
