// The hand-written date arithmetic against what it replaces: the ISO text of an instant against
// Date#toISOString, calendar dates and day numbers against Date's UTC calendar.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateOfDayNumber, dayNumberOfDate } from "../../src/core/calendar.js";
import { civilFromDays, dayOf, daysFromCivil, isoText, monthOf, yearOf } from "../../src/core/civil.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../../src/core/time.js";
import { runs } from "../setup.js";

const DAY = 86_400_000;
// Date's UTC calendar (setUTCFullYear: years 0–99 are not read as 1900–1999).
const dateDay = (y: number, m: number, d: number): number => {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getTime() / DAY;
};

describe("isoText", () => {
  it("writes what Date#toISOString writes, years 0000–9999", () => {
    const edges = [MIN_INSTANT_MS, MAX_INSTANT_MS, 0, -1, 1, -0, 951_782_400_000, -62_162_035_200_001];
    for (const ms of edges) expect(isoText(ms)).toBe(new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }), (ms) => {
        expect(isoText(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: runs(20_000) },
    );
  });

  it("leaves fractions, NaN and instants past the domain to Date (same text, same RangeError)", () => {
    for (const ms of [1.5, -1.5, MAX_INSTANT_MS + 1, MIN_INSTANT_MS - 1, 8.64e15, -8.64e15]) {
      expect(isoText(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => isoText(Number.NaN)).toThrow(RangeError);
    expect(() => isoText(8.64e15 + 1)).toThrow(RangeError);
  });
});

describe("calendar dates as arithmetic", () => {
  it("day numbers and dates agree with Date's calendar, both ways", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (day) => {
        const date = new Date(day * DAY);
        const packed = civilFromDays(day);
        expect([yearOf(packed), monthOf(packed), dayOf(packed)]).toEqual([
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
        ]);
        expect(daysFromCivil(yearOf(packed), monthOf(packed), dayOf(packed))).toBe(day);
      }),
      { numRuns: runs(20_000) },
    );
  });

  it("reads YYYY-MM-DD as Date does, refusing what is not a real date", () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, "0"));
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (y, m, d) => {
        const text = `${y}-${m}-${d}`;
        const real = Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31;
        const day = real ? dateDay(Number(y), Number(m), Number(d)) : Number.NaN;
        // Date rolls 31 April over to 1 May: a real date is one that survives the round trip.
        const survives = real && dateOfDayNumber(day) === text;
        expect(dayNumberOfDate(text)).toBe(survives ? day : Number.NaN);
      }),
      { numRuns: runs(20_000) },
    );
    for (const bad of [
      "2026-1-01",
      "2026-01-1",
      " 2026-01-01",
      "2026-01-01 ",
      "2026/01/01",
      "２０２６-01-01",
      "202a-01-01",
    ]) {
      expect(dayNumberOfDate(bad)).toBeNaN();
    }
    expect(dayNumberOfDate("0000-02-29")).toBe(dateDay(0, 2, 29));
    expect(dayNumberOfDate("1900-02-29")).toBeNaN();
    expect(dayNumberOfDate("9999-12-31")).toBe(dateDay(9999, 12, 31));
  });
});
