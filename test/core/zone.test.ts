import { describe, expect, it } from "vitest";
import { addIn, dateAfter, dateIn, isCalendarDate, periodOf, startOfDateIn } from "../../src/core/calendar.js";
import { isTimeZone, parseTimeZone } from "../../src/core/time.js";
import { canonicalZone, Lru, offsetCacheSize, offsetMs, wallMs, zoneCacheSize } from "../../src/core/zone.js";
import { offsetOf, transitions } from "./tz-oracle.js";

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

describe("offsets by chunks of time (24 days, read from Intl once)", () => {
  const HOUR = 3_600_000;

  it("agree with the oracle on both sides of every change 1970–2037 in zones with odd changes", () => {
    // Boa_Vista: two changes 7 days apart in one chunk; Cairo: a change on a chunk's first instant;
    // Monrovia: −0:44:30 to UTC at 00:44:30; Goose_Bay: changes at 00:01; Apia: a day skipped;
    // Lord_Howe: 30-minute DST; Casablanca: Ramadan suspensions; Santiago: DST at midnight.
    const wrong: string[] = [];
    let checked = 0;
    for (const zone of [
      "America/Boa_Vista",
      "Africa/Cairo",
      "Africa/Monrovia",
      "America/Goose_Bay",
      "Pacific/Apia",
      "Australia/Lord_Howe",
      "Africa/Casablanca",
      "America/Santiago",
    ]) {
      for (const change of transitions().get(zone) ?? []) {
        for (const t of [change - 1000, change - 1, change, change + 999]) {
          if (offsetMs(t, zone) !== offsetOf(zone, t)) wrong.push(`${zone} ${iso(t)}`);
          checked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
  });

  it("keep two changes in one chunk, and a change on a chunk's first instant", () => {
    // Boa_Vista 2000: −03 from 8 October 04:00Z, −04 again from 15 October 03:00Z
    const first = Date.UTC(2000, 9, 8, 4);
    const second = Date.UTC(2000, 9, 15, 3);
    expect(Math.floor(first / (24 * 86_400_000))).toBe(Math.floor(second / (24 * 86_400_000)));
    expect(offsetMs(first - 1, "America/Boa_Vista")).toBe(-4 * HOUR);
    expect(offsetMs(first, "America/Boa_Vista")).toBe(-3 * HOUR);
    expect(offsetMs(second - 1, "America/Boa_Vista")).toBe(-3 * HOUR);
    expect(offsetMs(second, "America/Boa_Vista")).toBe(-4 * HOUR);
    // Cairo's change at 1982-10-01T00:00Z (from +03 to +02) is the first instant of chunk 194
    const edge = Date.UTC(1982, 9, 1);
    expect(edge % (24 * 86_400_000)).toBe(0);
    expect(offsetMs(edge - 1, "Africa/Cairo")).toBe(3 * HOUR);
    expect(offsetMs(edge, "Africa/Cairo")).toBe(2 * HOUR);
    // Monrovia's change to the second: −0:44:30 until 1972-01-07T00:44:30Z
    const monrovia = Date.UTC(1972, 0, 7, 0, 44, 30);
    expect(offsetMs(monrovia - 1, "Africa/Monrovia")).toBe(-(44 * 60 + 30) * 1000);
    expect(offsetMs(monrovia, "Africa/Monrovia")).toBe(0);
    expect(iso(wallMs(monrovia - 1, "Africa/Monrovia"))).toBe("1972-01-06T23:59:59.999Z");
  });

  it("hold one entry per zone and chunk: a second read of a chunk adds nothing", () => {
    // Year 3001, which no other test reads: three instants of one chunk, then the next chunk
    const chunk = 24 * 86_400_000;
    const base = Math.ceil(Date.UTC(3001, 0, 1) / chunk) * chunk;
    const before = offsetCacheSize();
    expect(offsetMs(base, "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(offsetCacheSize()).toBe(before + 1);
    expect(offsetMs(base + chunk - 1, "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(offsetMs(base + 1234, "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(offsetCacheSize()).toBe(before + 1);
    expect(offsetMs(base + chunk, "Asia/Kolkata")).toBe(5.5 * HOUR);
    expect(offsetCacheSize()).toBe(before + 2);
    // another zone at the same instant is another entry, with its own answer
    expect(offsetMs(base, "Asia/Tokyo")).toBe(9 * HOUR);
    expect(offsetCacheSize()).toBe(before + 3);
    expect(offsetMs(base, "Asia/Kolkata")).toBe(5.5 * HOUR);
  });

  it("read to the ends of Date's range, and nothing beyond", () => {
    expect(offsetMs(8.64e15, "Asia/Tokyo")).toBe(9 * HOUR);
    expect(offsetMs(8.64e15 - 1, "America/New_York")).toBe(offsetOf("America/New_York", 8.64e15 - 1));
    expect(offsetMs(-8.64e15, "Asia/Tokyo")).toBe(offsetOf("Asia/Tokyo", -8.64e15));
    expect(offsetMs(-8.64e15, "America/New_York")).toBe(-(4 * 3600 + 56 * 60 + 2) * 1000);
    expect(offsetMs(8.64e15 + 1, "UTC")).toBeNaN();
    expect(offsetMs(-8.64e15 - 1, "UTC")).toBeNaN();
    expect(offsetMs(Number.NaN, "UTC")).toBeNaN();
  });

  it("never answer for another zone when a zone's number is given again", () => {
    // More than 1,024 zone names (letter-case spellings of London, which Intl reads alike) take
    // every number again; Tokyo's answer stays Tokyo's.
    const t = Date.UTC(2026, 6, 1);
    expect(offsetMs(t, "Asia/Tokyo")).toBe(9 * HOUR);
    for (let i = 0; i < 1100; i++) {
      const spelling = [..."europe/london"].map((c, k) => ((i >> k) & 1 ? c.toUpperCase() : c)).join("");
      expect(offsetMs(t, spelling)).toBe(HOUR);
      expect(offsetMs(t, "Asia/Tokyo")).toBe(9 * HOUR);
    }
    for (let i = 0; i < 1100; i++) {
      const spelling = [..."europe/london"].map((c, k) => ((i >> k) & 1 ? c.toUpperCase() : c)).join("");
      expect(offsetMs(t, spelling)).toBe(HOUR);
    }
    expect(offsetMs(t, "Asia/Tokyo")).toBe(9 * HOUR);
    expect(offsetMs(t, "UTC")).toBe(0);
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
