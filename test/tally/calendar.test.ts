// Sheet pages and figures where the calendar is awkward (issue 19).
import { describe, expect, it } from "vitest";
import { tallyLeadFigures, tallyStatuses } from "../../src/tally/figures.js";
import { bucketer, bucketFits, canonicalPeriod, periodLabel, samePeriod } from "../../src/tally/period.js";
import { mergeSheets, type SheetEvent, sheetPages, tallySheet } from "../../src/tally/sheet.js";
import { unwrap } from "../helpers.js";

const contact = (at: string, leadId: string): SheetEvent => ({
  type: "firstContact",
  at,
  leadId,
  program: "Ridge",
  source: "web",
  outcome: "keptOpen",
});

describe("pages in America/Santiago, where DST starts at midnight", () => {
  it("one page per ISO week, labelled by its Monday", () => {
    const events = [contact("2026-08-31T12:00:00Z", "a"), contact("2026-09-06T15:00:00Z", "b")];
    const pages = sheetPages(tallySheet(events, { unit: "isoWeek", timeZone: "America/Santiago" }).tally);
    expect(pages.map((p) => [p.label, p.period])).toEqual([
      ["week of 2026-08-31", { from: "2026-08-31T04:00:00.000Z", to: "2026-09-07T03:00:00.000Z" }],
    ]);
  });

  it("day pages that meet without overlapping", () => {
    const events = [contact("2026-09-06T15:00:00Z", "a"), contact("2026-09-07T03:30:00Z", "b")];
    const pages = sheetPages(tallySheet(events, { unit: "day", timeZone: "America/Santiago" }).tally);
    expect(pages.map((p) => [p.label, p.period])).toEqual([
      ["2026-09-06", { from: "2026-09-06T04:00:00.000Z", to: "2026-09-07T03:00:00.000Z" }],
      ["2026-09-07", { from: "2026-09-07T03:00:00.000Z", to: "2026-09-08T03:00:00.000Z" }],
    ]);
  });

  it("figures use the same periods and labels", () => {
    const rows = tallyLeadFigures([{ division: "", createdAt: "2026-09-06T15:00:00Z", booked: false }], {
      unit: "day",
      timeZone: "America/Santiago",
    }).tally.rows;
    expect(rows[0]?.[0]).toEqual(["2026-09-06T04:00:00.000Z", ""]);
    expect(periodLabel({ unit: "isoWeek", timeZone: "America/Santiago" }, "2026-08-31T04:00:00.000Z")).toBe(
      "week of 2026-08-31",
    );
  });
});

describe("zone spellings in tallies", () => {
  it("are stored canonically, and tallies spelt differently merge", () => {
    const a = tallySheet([contact("2026-09-06T15:00:00Z", "a")], { unit: "day", timeZone: "america/new_york" }).tally;
    const b = tallySheet([contact("2026-09-06T16:00:00Z", "b")], { unit: "day", timeZone: "America/New_York" }).tally;
    expect(a.period).toEqual({ unit: "day", timeZone: "America/New_York" });
    expect(unwrap(mergeSheets(a, b)).period).toEqual({ unit: "day", timeZone: "America/New_York" });
    expect(unwrap(mergeSheets({ ...a, period: { unit: "day", timeZone: "us/eastern" } }, b)).period).toEqual({
      unit: "day",
      timeZone: "America/New_York",
    });
    expect(samePeriod({ unit: "day", timeZone: "US/Eastern" }, { unit: "day", timeZone: "America/New_York" })).toBe(
      true,
    );
    expect(samePeriod({ unit: "day", timeZone: "US/Eastern" }, { unit: "month", timeZone: "America/New_York" })).toBe(
      false,
    );
    expect(canonicalPeriod(null)).toBeNull();
    expect(canonicalPeriod({ unit: "month", timeZone: "utc" })).toEqual({ unit: "month", timeZone: "UTC" });
  });
});

describe("the bucket memo", () => {
  it("stays exact over ten years, in any order", () => {
    const bucketOf = bucketer({ unit: "month", timeZone: "Europe/London" });
    const day = 86_400_000;
    const start = Date.parse("2020-01-01T00:00:00Z");
    for (let i = 3650; i >= 0; i -= 7) bucketOf(start + i * day);
    expect(bucketOf(Date.parse("2026-06-30T22:59:59.999Z"))).toBe("2026-05-31T23:00:00.000Z");
    expect(bucketOf(Date.parse("2026-06-30T23:00:00Z"))).toBe("2026-06-30T23:00:00.000Z");
    expect(bucketOf(Date.parse("2029-12-31T23:59:59.999Z"))).toBe("2029-12-01T00:00:00.000Z");
  });
});

describe("tallies stay inside years 0000–9999", () => {
  it("refuse an event whose period would reach outside them, with invalidInstant", () => {
    const tokyo = tallySheet([contact("0000-01-01T01:00:00Z", "a"), contact("0000-01-01T15:00:00Z", "b")], {
      unit: "day",
      timeZone: "Asia/Tokyo",
    });
    expect(tokyo.rejected).toEqual([
      {
        index: 0,
        code: "invalidInstant",
        field: "at",
        message: "at falls in a period that reaches outside years 0000–9999 UTC",
      },
    ]);
    expect(sheetPages(tokyo.tally).map((p) => p.period?.from)).toEqual(["0000-01-01T14:41:01.000Z"]);
    const december = { unit: "month", timeZone: "America/New_York" } as const;
    expect(tallySheet([contact("9999-12-31T20:00:00Z", "a")], december).rejected[0]?.code).toBe("invalidInstant");
    expect(tallySheet([contact("9999-11-30T20:00:00Z", "a")], december).rejected).toEqual([]);
    expect(tallySheet([contact("9999-12-31T20:00:00Z", "a")], { unit: "month", timeZone: "UTC" }).rejected).toEqual([]);
    expect(tallySheet([contact("9999-12-31T20:00:00Z", "a")]).rejected).toEqual([]);
    const figures = tallyLeadFigures([{ division: "", createdAt: "9999-12-31T20:00:00Z", booked: true }], december);
    expect(figures.rejected).toEqual([
      {
        index: 0,
        code: "invalidInstant",
        field: "createdAt",
        message: "createdAt falls in a period that reaches outside years 0000–9999 UTC",
      },
    ]);
    expect(tallyStatuses([{ status: "cold", at: "9999-12-31T20:00:00Z" }], december).rejected[0]?.field).toBe("at");
    expect(bucketFits(december, Date.parse("9999-12-01T04:59:59.999Z"))).toBe(true);
    expect(bucketFits({ unit: "day", timeZone: "UTC" }, Date.parse("9999-12-31T23:59:59.999Z"))).toBe(true);
    expect(bucketFits({ unit: "day", timeZone: "UTC" }, Date.parse("0000-01-01T00:00:00Z"))).toBe(true);
    expect(bucketFits({ unit: "day", timeZone: "Etc/GMT-1" }, Date.parse("0000-01-01T00:00:00Z"))).toBe(false);
    expect(bucketFits(null, Date.parse("0000-01-01T00:00:00Z"))).toBe(true);
  });
});
