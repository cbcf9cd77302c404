import { describe, expect, it } from "vitest";
import type { DialFacts } from "../../src/core/dial.js";
import {
  emptyFigures,
  mergeFigures,
  periodFigures,
  ratio,
  shiftFigures,
  tallyLeadFigures,
  tallyShifts,
  tallyStatuses,
} from "../../src/tally/figures.js";
import { sheetPages, tallySheet } from "../../src/tally/sheet.js";
import { unwrap, unwrapErr } from "../helpers.js";

const dial = (over: Partial<DialFacts> = {}): DialFacts => ({
  agent: "ann",
  shift: "2026-11-23 am",
  dmReached: false,
  pitched: false,
  lead: false,
  appointment: false,
  ...over,
});

describe("shift figures", () => {
  it("counts dials, DMs reached, pitched, leads and appointments per agent and shift", () => {
    const { tally, rejected } = tallyShifts([
      dial(),
      dial({ dmReached: true }),
      dial({ dmReached: true, pitched: true, lead: true }),
      dial({ dmReached: true, pitched: true, appointment: true }),
      dial({ agent: "bo" }),
    ]);
    expect(rejected).toEqual([]);
    expect(shiftFigures(tally)).toEqual([
      {
        agent: "ann",
        shift: "2026-11-23 am",
        dials: 4,
        dmsReached: 3,
        pitched: 2,
        leads: 1,
        appointments: 1,
        closingRatio: { numerator: 1, denominator: 2, value: 0.5 },
      },
      {
        agent: "bo",
        shift: "2026-11-23 am",
        dials: 1,
        dmsReached: 0,
        pitched: 0,
        leads: 0,
        appointments: 0,
        closingRatio: { numerator: 0, denominator: 0, value: null },
      },
    ]);
  });

  it("a closing ratio with no DM pitched is reported as such, not NaN or Infinity", () => {
    expect(ratio(3, 0)).toEqual({ numerator: 3, denominator: 0, value: null });
    expect(ratio(0, 4).value).toBe(0);
  });

  it("rejects bad facts by field and tallies the rest", () => {
    const { tally, rejected } = tallyShifts([
      dial(),
      { ...dial(), agent: "" },
      { ...dial(), shift: 3 },
      { ...dial(), pitched: "yes" },
      null,
    ] as unknown as DialFacts[]);
    expect(rejected.map((r) => [r.index, r.field, r.message])).toEqual([
      [1, "agent", "agent must be a non-empty string"],
      [2, "shift", "shift must be a non-empty string"],
      [3, "pitched", "pitched must be true or false"],
      [4, "", "event must be an object"],
    ]);
    expect(shiftFigures(tally)[0]?.dials).toBe(1);
  });

  it("merges shards", () => {
    const a = tallyShifts([dial(), dial({ agent: "bo" })]).tally;
    const b = tallyShifts([dial({ pitched: true, appointment: true })]).tally;
    expect(shiftFigures(unwrap(mergeFigures(a, b)))[0]).toMatchObject({ dials: 2, pitched: 1, appointments: 1 });
    expect(unwrap(mergeFigures(a, emptyFigures("shiftFigures")))).toEqual(a);
    expect(emptyFigures("shiftFigures").period).toBeNull();
    expect(unwrap(mergeFigures(a))).toEqual(a);
    expect(unwrap(mergeFigures(a, b, emptyFigures("shiftFigures")))).toEqual(unwrap(mergeFigures(b, a)));
  });
});

describe("lead figures and status counts", () => {
  const month = { unit: "month", timeZone: "Australia/Sydney" } as const;
  it("Additional Leads and Additional Leads Booked by division and month of creation", () => {
    const { tally } = tallyLeadFigures(
      [
        { division: "North", createdAt: "2026-10-31T14:00:00Z", booked: true }, // 1 Nov in Sydney
        { division: "North", createdAt: "2026-11-15T00:00:00Z", booked: false },
        { division: "", createdAt: "2026-10-15T00:00:00Z", booked: true },
      ],
      month,
    );
    expect(periodFigures(tally).map((f) => [f.period?.from, f.key, f.counts])).toEqual([
      ["2026-09-30T14:00:00.000Z", "", { additionalLeads: 1, additionalLeadsBooked: 1 }],
      ["2026-10-31T13:00:00.000Z", "North", { additionalLeads: 2, additionalLeadsBooked: 1 }],
    ]);
    // The same period names as the sheet pages of the same month, in the tally's zone.
    expect(periodFigures(tally).map((f) => f.label)).toEqual(["2026-10", "2026-11"]);
    const sheet = tallySheet(
      [{ type: "firstContact", at: "2026-10-31T14:00:00Z", program: "Ridge", source: "web", outcome: "keptOpen" }],
      month,
    ).tally;
    expect(sheetPages(sheet).map((p) => p.label)).toEqual(["2026-11"]);
  });

  it("rejects bad lead facts by field", () => {
    const { rejected } = tallyLeadFigures(
      [
        { division: null, createdAt: 0, booked: true },
        { division: "", createdAt: "soon", booked: true },
        { division: "", createdAt: 0, booked: 1 },
      ] as never,
      month,
    );
    expect(rejected.map((r) => r.field)).toEqual(["division", "createdAt", "booked"]);
  });

  it("counts leads per status, per period when asked", () => {
    const facts = [
      { status: "cold", at: "2026-11-01T00:00:00Z" },
      { status: "cold", at: "2026-11-02T00:00:00Z" },
      { status: "sold", at: "2026-11-02T00:00:00Z" },
      { status: "", at: 0 },
      { status: "lost", at: "later" },
    ];
    const all = tallyStatuses(facts);
    expect(all.rejected.map((r) => r.field)).toEqual(["status", "at"]);
    expect(periodFigures(all.tally)).toEqual([
      { period: null, label: "", key: "cold", counts: { leads: 2 } },
      { period: null, label: "", key: "sold", counts: { leads: 1 } },
    ]);
    const daily = tallyStatuses(facts, { unit: "day", timeZone: "UTC" }).tally;
    expect(periodFigures(daily).map((f) => [f.period?.from.slice(0, 10), f.key, f.counts.leads])).toEqual([
      ["2026-11-01", "cold", 1],
      ["2026-11-02", "cold", 1],
      ["2026-11-02", "sold", 1],
    ]);
  });

  it("does not merge different kinds or periods", () => {
    expect(unwrapErr(mergeFigures(emptyFigures("statusCounts"), emptyFigures("leadFigures") as never)).message).toBe(
      "cannot merge statusCounts with leadFigures",
    );
    const byMonth = tallyStatuses([{ status: "cold", at: 0 }], month).tally;
    const unbucketed = tallyStatuses([{ status: "cold", at: 0 }]).tally;
    expect(unwrapErr(mergeFigures(byMonth, unbucketed)).code).toBe("tallyMismatch");
    // an empty tally has no period: it merges with any
    expect(unwrap(mergeFigures(byMonth, emptyFigures("statusCounts")))).toEqual(byMonth);
    expect(unwrapErr(mergeFigures()).code).toBe("invalidTally");
    expect(unwrapErr(mergeFigures(byMonth, { ...byMonth, rows: [[["x"], [1]]] } as never))).toMatchObject({
      code: "invalidTally",
      index: 1,
    });
  });
});
