// The figures tallies and the stored-tally check, pinned where mutation testing found them
// unjudged: the guard's answer to a batch or a tally that throws when read, the readers' answer to
// a value that is not a figures tally, the empty tally of a batch with nothing counted, and the
// check's rules for a kind and for a bucket (docs/tally.md, "Decisions"; docs/contract.md 4).
import { describe, expect, it } from "vitest";
import type { DialFacts } from "../../src/core/dial.js";
import { UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import {
  emptyFigures,
  type FigureTally,
  mergeFigures,
  periodFigures,
  shiftFigures,
  tallyLeadFigures,
  tallyShifts,
  tallyStatuses,
} from "../../src/tally/figures.js";
import { parseFigureTally } from "../../src/tally/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";

const DAY = { unit: "day", timeZone: "UTC" } as const;
const MONTH = { unit: "month", timeZone: "UTC" } as const;
const UNREADABLE = { index: 0, code: "unreadable", field: "", message: UNREADABLE_MESSAGE };
// A batch (or a tally) that throws when it is read: a Proxy whose every read throws.
const throwingList = (): never =>
  new Proxy([], {
    get() {
      throw new Error("revoked");
    },
  }) as never;
const throwingTally = (): never =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("revoked");
      },
    },
  ) as never;
const dial = (over: Partial<DialFacts> = {}): DialFacts => ({
  agent: "ann",
  shift: "2026-11-23 am",
  dmReached: true,
  pitched: true,
  lead: false,
  appointment: true,
  ...over,
});

describe("figures: a batch or a tally that throws when read", () => {
  // docs/contract.md 4: "a value that throws when it is read ... is answered by the last-resort
  // guard ... with code unreadable — ... a batch's rejected entry"; the tally stays the empty one.
  it("each batch function answers the empty tally of its kind and one unreadable rejection", () => {
    expect(tallyShifts(throwingList())).toEqual({ tally: emptyFigures("shiftFigures"), rejected: [UNREADABLE] });
    expect(tallyLeadFigures(throwingList(), MONTH)).toEqual({
      tally: emptyFigures("leadFigures"),
      rejected: [UNREADABLE],
    });
    expect(tallyStatuses(throwingList(), DAY)).toEqual({
      tally: emptyFigures("statusCounts"),
      rejected: [UNREADABLE],
    });
    // The empty tallies are the documented ones: kind, version 1, no period, no rows.
    expect(tallyShifts(throwingList()).tally).toEqual({ kind: "shiftFigures", version: 1, period: null, rows: [] });
    expect(tallyLeadFigures(throwingList(), MONTH).tally).toEqual({
      kind: "leadFigures",
      version: 1,
      period: null,
      rows: [],
    });
    expect(tallyStatuses(throwingList()).tally).toEqual({ kind: "statusCounts", version: 1, period: null, rows: [] });
  });

  // docs/contract.md: readers "given something that is not such a value, ... answer as for nothing ([])".
  it("the readers answer [] for a tally that throws when read", () => {
    expect(shiftFigures(throwingTally())).toEqual([]);
    expect(periodFigures(throwingTally())).toEqual([]);
  });
});

describe("figures: the readers read only figures tallies of their kind", () => {
  const shifts = tallyShifts([dial()]).tally;
  const statuses = tallyStatuses([{ status: "cold", at: 0 }], DAY).tally;

  // docs/tally.md: "the readers (... shiftFigures, periodFigures ...) read it as empty" — a value
  // that is not a tally, even one whose rows look right.
  it("shiftFigures reads a value with a field a tally does not have, or another kind, as empty", () => {
    expect(shiftFigures(shifts)).toHaveLength(1);
    expect(shiftFigures({ ...shifts, extra: 1 } as never)).toEqual([]);
    expect(shiftFigures({ ...shifts, period: "day" } as never)).toEqual([]);
    expect(shiftFigures(statuses as never)).toEqual([]);
  });

  it("periodFigures reads a value with a field a tally does not have, or shift figures, as empty", () => {
    expect(periodFigures(statuses)).toHaveLength(1);
    expect(periodFigures({ ...statuses, extra: 1 } as never)).toEqual([]);
    expect(periodFigures({ ...statuses, version: 2 } as never)).toEqual([]);
    expect(periodFigures(shifts as never)).toEqual([]);
  });
});

describe("figures: a batch with nothing counted", () => {
  // docs/tally.md, Decisions: "An empty tally has no period. ... tallySheet([], period) is emptySheet()"
  // — and likewise for the figures: what a bucketed batch with nothing counted returns is the empty tally.
  it("is the empty tally of its kind, without the batch's period", () => {
    expect(tallyStatuses([], DAY).tally).toEqual(emptyFigures("statusCounts"));
    expect(tallyLeadFigures([], MONTH).tally).toEqual(emptyFigures("leadFigures"));
    const allBad = tallyStatuses([{ status: "", at: 0 }], DAY);
    expect(allBad.tally).toEqual({ kind: "statusCounts", version: 1, period: null, rows: [] });
    expect(allBad.rejected).toEqual([
      { index: 0, code: "invalidEvent", field: "status", message: "status must be a non-empty string" },
    ]);
    const noLead = tallyLeadFigures([{ division: "", createdAt: "yesterday", booked: true }], MONTH);
    expect(noLead.tally).toEqual({ kind: "leadFigures", version: 1, period: null, rows: [] });
    // ... so it merges with a tally of any period, as the identity.
    const weekly = tallyStatuses([{ status: "cold", at: 0 }], { unit: "isoWeek", timeZone: "UTC" }).tally;
    expect(unwrap(mergeFigures(allBad.tally, weekly))).toEqual(weekly);
  });
});

describe("the stored-figures check", () => {
  // docs/tally.md: mergeFigures refuses "a value that is not a tally (invalidTally, naming the
  // argument and the field)"; a kind that is not one is such a value, even with no rows.
  it("refuses a tally whose kind is not a kind of figures, even an empty one", () => {
    const nope = { kind: "nope", version: 1, period: null, rows: [] } as unknown as FigureTally;
    expect(unwrapErr(mergeFigures(nope))).toEqual({
      code: "invalidTally",
      message: 'tally 0: kind "nope" is not a kind of figures',
      index: 0,
    });
    expect(periodFigures(nope as never)).toEqual([]);
    // A kind is a string: JSON's ["statusCounts"] is not the kind statusCounts.
    const listed = { kind: ["statusCounts"], version: 1, period: null, rows: [[["", "cold"], [1]]] };
    expect(unwrapErr(mergeFigures(listed as unknown as FigureTally))).toEqual({
      code: "invalidTally",
      message: "tally 0: kind an array of 1 is not a kind of figures",
      index: 0,
    });
    expect(periodFigures(listed as never)).toEqual([]);
  });

  // check.ts, held to parseFigureTally: "Shift figures are keyed by agent and shift, not by bucket."
  it("reads a shift tally's keys as agent and shift whatever its period: no bucket check", () => {
    const stored: FigureTally<"shiftFigures"> = {
      kind: "shiftFigures",
      version: 1,
      period: DAY,
      rows: [
        [
          ["ann", "am"],
          [1, 1, 1, 0, 1],
        ],
      ],
    };
    expect(unwrap(parseFigureTally(stored))).toEqual(stored);
    expect(unwrap(mergeFigures(stored))).toEqual(stored);
    expect(shiftFigures(stored).map((s) => [s.agent, s.dials])).toEqual([["ann", 1]]);
  });

  // docs/tally.md, "A bucket is an instant": "every bucket is "" or an ISO UTC instant as tallies
  // write them (2026-11-23T05:00:00.000Z); the check and the parsers refuse anything else".
  it("refuses a bucket that is a date, an instant in another spelling or no date at all", () => {
    const withBucket = (bucket: string): FigureTally<"statusCounts"> => ({
      kind: "statusCounts",
      version: 1,
      period: DAY,
      rows: [[[bucket, "cold"], [1]]],
    });
    const message = 'tally 0: rows.0.0.0 must be "" or an ISO UTC instant (a period\'s start) in a bucketed tally';
    for (const bucket of [
      "2026-11-23",
      "2026-11-23T00:00:00Z",
      "2026-11-23T00:00:00.000+00:00",
      "Mon, 23 Nov 2026 00:00:00 GMT",
      "2026-13-01T00:00:00.000Z",
      "\u0000",
    ]) {
      expect(unwrapErr(mergeFigures(withBucket(bucket)))).toEqual({ code: "invalidTally", message, index: 0 });
      expect(periodFigures(withBucket(bucket))).toEqual([]);
    }
    const good = withBucket("2026-11-23T00:00:00.000Z");
    expect(unwrap(mergeFigures(good))).toEqual(good);
    expect(periodFigures(good).map((r) => r.label)).toEqual(["2026-11-23"]);
  });
});
