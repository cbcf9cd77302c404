// Calendar dates and periods of core/calendar.ts, pinned where mutation testing found them
// unjudged: how `YYYY-MM-DD` is read character by character, the Gregorian leap rule, an unknown
// zone's period, and the date of an instant outside the years.
import { describe, expect, it } from "vitest";
import { dateIn, dayNumberOfDate, isCalendarDate, periodMs } from "../../src/core/calendar.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../../src/core/time.js";

const DAY = 86_400_000;

describe("isCalendarDate reads YYYY-MM-DD", () => {
  // "Whether a value is a real calendar date written YYYY-MM-DD (30 February is not), years 0000–9999."
  it("digits only where digits belong", () => {
    for (const value of ["202A-01-01", "202:-01-01", "2026-0:-01", "2026-01-0A", ":026-01-01"]) {
      expect(isCalendarDate(value), value).toBe(false);
      expect(dayNumberOfDate(value), value).toBeNaN();
    }
  });

  it("exactly ten characters, dashes at 4 and 7", () => {
    for (const value of ["2026-01-011", "2026-01-01T", "2026-01x01", "2026x01-01", "2026-01-1"]) {
      expect(isCalendarDate(value), value).toBe(false);
    }
    expect(isCalendarDate("2026-01-01")).toBe(true);
  });

  it("a day of 00 is no day; months run 01–12", () => {
    expect(isCalendarDate("2026-01-00")).toBe(false);
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-13-10")).toBe(false);
    expect(dayNumberOfDate("2026-01-01")).toBe(Date.UTC(2026, 0, 1) / DAY);
  });

  it("29 February in years divisible by 400, not in other century years", () => {
    // isCalendarDate("2028-02-29"); // => true
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(dayNumberOfDate("2000-02-29")).toBe(Date.UTC(2000, 1, 29) / DAY);
    expect(isCalendarDate("2400-02-29")).toBe(true);
    expect(isCalendarDate("1900-02-29")).toBe(false);
    expect(isCalendarDate("2100-02-29")).toBe(false);
  });
});

describe("periodMs and dateIn outside what they can answer", () => {
  it("an unknown zone's period is NaNs", () => {
    // "`NaN`s for an unknown zone"
    expect(periodMs("day", 0, "Mars/Olympus")).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect(periodMs("month", 0, "+05:30", 1)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
  });

  it("the date of an instant outside years 0000–9999 is empty", () => {
    // "the date as YYYY-MM-DD ("" for an unknown zone or a year outside 0000–9999)"
    expect(dateIn(MIN_INSTANT_MS - 1, "UTC")).toBe("");
    expect(dateIn(MAX_INSTANT_MS + 1, "UTC")).toBe("");
    expect(dateIn(Number.NaN, "UTC")).toBe("");
    expect(dateIn(MIN_INSTANT_MS, "UTC")).toBe("0000-01-01");
    expect(dateIn(MAX_INSTANT_MS, "UTC")).toBe("9999-12-31");
  });
});
