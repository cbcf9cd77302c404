import { describe, expect, it } from "vitest";
import { addIn, dateAfter, dateIn, isCalendarDate, periodOf, startOfDateIn } from "../../src/core/calendar.js";
import { isTimeZone, parseTimeZone } from "../../src/core/time.js";
import { canonicalZone, Lru, wallMs, zoneCacheSize } from "../../src/core/zone.js";

const iso = (ms: number): string => new Date(ms).toISOString();

describe("one zone model", () => {
  it("spells every name the runtime knows canonically: letter case, links, UTC", () => {
    expect(canonicalZone("eUROPE/lONDON")).toBe("Europe/London");
    expect(canonicalZone("america/new_york")).toBe("America/New_York");
    expect(canonicalZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalZone("us/eastern")).toBe("America/New_York");
    expect(canonicalZone("Etc/UTC")).toBe("UTC");
    expect(canonicalZone("utc")).toBe("UTC");
    expect(canonicalZone("GMT")).toBe("UTC");
    expect(canonicalZone("Etc/GMT+3")).toBe("Etc/GMT+3");
    expect(parseTimeZone("europe/paris", "timeZone")).toEqual({ ok: true, value: "Europe/Paris" });
  });

  it("refuses offset-only names and anything the runtime does not know, everywhere alike", () => {
    for (const bad of [
      "+05:30",
      "-03",
      "+0530",
      "GMT-03",
      "gmt+1",
      "UTC+1",
      "UT-2",
      "Etc/GMT+14",
      "Mars/+05:30-x",
      "",
      "x".repeat(65),
      5,
      null,
    ]) {
      expect(canonicalZone(bad)).toBeUndefined();
      expect(isTimeZone(bad)).toBe(false);
    }
    // the calendar answers nothing for them either (no offset parsing behind the zone check's back)
    expect(startOfDateIn("2026-01-01", "GMT-03")).toBeNaN();
    expect(addIn(0, 1, "day", "+05:30")).toBeNaN();
    expect(dateIn(0, "Etc/GMT+14")).toBe("");
    expect(dateAfter(0, 1, "day", "+05:30")).toBeUndefined();
    expect(() => periodOf("day", 0, "GMT-03")).toThrow(RangeError);
  });

  it("keeps memory flat for any number of distinct spellings (the caches evict, never clear)", () => {
    // 10,000 letter-case spellings of a zone and 2,500 names that are not zones
    canonicalZone("Europe/London");
    const before = zoneCacheSize();
    for (let i = 0; i < 10_000; i++) {
      const spelling = [..."europe/london"].map((c, k) => ((i >> k) & 1 ? c.toUpperCase() : c)).join("");
      expect(canonicalZone(spelling)).toBe("Europe/London");
    }
    for (let i = 0; i < 2500; i++) expect(canonicalZone(`Mars/${i}`)).toBeUndefined();
    // listed zones need no cache entry in any case; invalid names stay within the bound
    expect(zoneCacheSize() - before).toBeLessThanOrEqual(1024 + 2048);
    expect(zoneCacheSize()).toBeLessThanOrEqual(1024 + 2048 + 1024);
  });

  it("an LRU map evicts the least recently used entry", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
    expect(lru.size).toBe(2);
    lru.set("c", 4);
    expect(lru.size).toBe(2);
    expect(lru.get("c")).toBe(4);
  });

  it("reads wall-clock times to the second, BC years included", () => {
    expect(wallMs(0, "Asia/Tokyo")).toBe(9 * 3_600_000);
    expect(wallMs(1234, "UTC")).toBe(1234);
    expect(wallMs(-1, "UTC")).toBe(-1);
    expect(wallMs(Number.NaN, "UTC")).toBeNaN();
    expect(wallMs(8.64e15 + 1, "UTC")).toBeNaN();
    expect(wallMs(8.64e15, "UTC")).toBe(8.64e15);
    // 0000-01-01T00:00Z in New York (LMT −4:56:02) is 31 December of year −1 (2 BC)
    expect(iso(wallMs(-62_167_219_200_000, "America/New_York"))).toBe("-000001-12-31T19:03:58.000Z");
    expect(iso(wallMs(253_402_300_799_999, "Asia/Tokyo"))).toBe("+010000-01-01T08:59:59.999Z");
  });
});

describe("days where midnight is skipped or repeated", () => {
  it("start at the first instant at or after midnight: 01:00 where DST starts at 00:00", () => {
    // America/Santiago springs forward at 00:00 on 6 September 2026
    expect(iso(startOfDateIn("2026-09-06", "America/Santiago"))).toBe("2026-09-06T04:00:00.000Z");
    expect(iso(startOfDateIn("2026-09-07", "America/Santiago"))).toBe("2026-09-07T03:00:00.000Z");
    expect(periodOf("day", Date.parse("2026-09-06T15:00:00Z"), "America/Santiago")).toEqual({
      from: "2026-09-06T04:00:00.000Z",
      to: "2026-09-07T03:00:00.000Z",
    });
    // 5 days after the start of a day is the start of the day 5 days later, not 01:00
    expect(iso(addIn(startOfDateIn("2026-09-06", "America/Santiago"), 5, "day", "America/Santiago"))).toBe(
      "2026-09-11T03:00:00.000Z",
    );
    // Havana, Cairo, Beirut likewise
    expect(iso(startOfDateIn("2026-03-08", "America/Havana"))).toBe("2026-03-08T05:00:00.000Z");
  });

  it("a skipped wall time moves to the end of the gap; a repeated one is its first occurrence", () => {
    // New York skips 02:00–03:00 on 8 March 2026 and repeats 01:00–02:00 on 1 November 2026
    expect(iso(addIn(Date.parse("2026-03-07T07:30:00Z"), 1, "day", "America/New_York"))).toBe(
      "2026-03-08T07:00:00.000Z",
    );
    expect(iso(addIn(Date.parse("2026-10-31T05:30:00Z"), 1, "day", "America/New_York"))).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    expect(iso(addIn(Date.parse("2026-11-01T06:30:00Z"), 1, "day", "America/New_York"))).toBe(
      "2026-11-02T06:30:00.000Z",
    );
  });

  it("a day the zone skips entirely (Pacific/Apia, 30 December 2011) is empty: it starts where the next does", () => {
    expect(iso(startOfDateIn("2011-12-30", "Pacific/Apia"))).toBe("2011-12-30T10:00:00.000Z");
    expect(iso(startOfDateIn("2011-12-31", "Pacific/Apia"))).toBe("2011-12-30T10:00:00.000Z");
    expect(dateIn(Date.parse("2011-12-30T10:00:00Z"), "Pacific/Apia")).toBe("2011-12-31");
    expect(dateIn(Date.parse("2011-12-30T09:59:59Z"), "Pacific/Apia")).toBe("2011-12-29");
  });

  it("where the clocks go back across midnight, an instant belongs to the day that has started", () => {
    // America/Goose_Bay fell back at 00:01 on 7 November 2010: 00:00–00:01 on the 7th, then the
    // 6th's 23:01–23:59 again; those instants are in the 7th's day.
    const start = startOfDateIn("2010-11-07", "America/Goose_Bay");
    expect(iso(start)).toBe("2010-11-07T03:00:00.000Z");
    expect(dateIn(start + 30 * 60_000, "America/Goose_Bay")).toBe("2010-11-07");
    expect(periodOf("day", start + 30 * 60_000, "America/Goose_Bay").from).toBe(iso(start));
    expect(periodOf("day", start - 1, "America/Goose_Bay").to).toBe(iso(start));
  });
});

describe("calendar dates in years 0000–9999", () => {
  it("are read as written, years 0–99 included", () => {
    expect(isCalendarDate("0050-07-15")).toBe(true);
    expect(isCalendarDate("0000-02-29")).toBe(true);
    expect(isCalendarDate("0001-02-29")).toBe(false);
    expect(iso(startOfDateIn("0050-07-15", "UTC"))).toBe("0050-07-15T00:00:00.000Z");
    expect(dateIn(Date.parse("0050-07-15T12:00:00Z"), "UTC")).toBe("0050-07-15");
  });

  it("are never written outside the years: dateAfter gives undefined there", () => {
    expect(dateAfter(Date.parse("9999-12-20T00:00:00Z"), 1, "month", "UTC")).toBeUndefined();
    expect(dateAfter(Date.parse("9999-11-20T00:00:00Z"), 1, "month", "UTC")).toBe("9999-12-20");
    expect(dateAfter(Date.parse("0000-01-02T00:00:00Z"), -1, "day", "UTC")).toBe("0000-01-01");
    expect(dateAfter(Date.parse("0000-01-02T00:00:00Z"), -2, "day", "UTC")).toBeUndefined();
  });
});
