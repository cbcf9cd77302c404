import { describe, expect, it } from "vitest";
import {
  addIn,
  addMonthsIn,
  dateIn,
  inPeriod,
  isCalendarDate,
  periodOf,
  startOfDateIn,
} from "../../src/core/calendar.js";
import { isTimeZone, parseInstant, parseTimeZone, toEpochMs, toIso } from "../../src/core/time.js";

describe("instants", () => {
  it("accept a Date, an ISO-8601 date-time with Z or an offset, or epoch ms", () => {
    const ms = Date.UTC(2026, 10, 23, 9);
    expect(toEpochMs(new Date(ms))).toBe(ms);
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs("2026-11-23T09:00:00Z")).toBe(ms);
    expect(toEpochMs("2026-11-23T09:00Z")).toBe(ms);
    expect(toEpochMs("2026-11-23T10:30:00.000+01:30")).toBe(ms);
    expect(toEpochMs("2026-11-23T04:00:00-05:00")).toBe(ms);
    expect(toEpochMs("2026-11-23T09:00:00.5Z")).toBe(ms + 500);
  });

  it("refuse anything else: no offset, not ISO, impossible dates, non-finite numbers", () => {
    for (const bad of [
      "2026-11-23T09:00:00", // local time would depend on the machine
      "2026-11-23",
      "Nov 23 2026",
      "2026-02-29T00:00:00Z", // not a leap year
      "2026-04-31T00:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-00-01T00:00:00Z",
      "2026-01-00T00:00:00Z",
      "2026-01-01T24:00:00Z",
      "2026-01-01T00:60:00Z",
      "2026-01-01T00:00:60Z",
      "2026-01-01T00:00:00+24:00",
      Number.NaN,
      Number.POSITIVE_INFINITY,
      9e15,
      new Date(Number.NaN),
      null,
      undefined,
      {},
      true,
    ]) {
      expect(Number.isNaN(toEpochMs(bad)), String(bad)).toBe(true);
    }
  });

  it("know leap years", () => {
    expect(toIso(toEpochMs("2024-02-29T00:00:00Z"))).toBe("2024-02-29T00:00:00.000Z");
    expect(toIso(toEpochMs("2000-02-29T00:00:00Z"))).toBe("2000-02-29T00:00:00.000Z");
    expect(Number.isNaN(toEpochMs("1900-02-29T00:00:00Z"))).toBe(true);
    expect(toIso(toEpochMs("2026-12-31T00:00:00Z"))).toBe("2026-12-31T00:00:00.000Z");
    expect(toIso(toEpochMs("2026-07-31T00:00:00Z"))).toBe("2026-07-31T00:00:00.000Z");
    expect(toIso(toEpochMs("2026-08-31T00:00:00Z"))).toBe("2026-08-31T00:00:00.000Z");
  });

  it("report a bad one as an error value naming the field", () => {
    expect(parseInstant(0, "at")).toEqual({ ok: true, value: "1970-01-01T00:00:00.000Z" });
    expect(parseInstant("soon", "dueAt")).toEqual({
      ok: false,
      error: {
        code: "invalidInstant",
        field: "dueAt",
        value: "soon",
        message: "dueAt must be a valid Date, an ISO-8601 date-time with Z or an offset, or epoch milliseconds",
      },
    });
  });
});

describe("time zones", () => {
  it("are IANA names the runtime knows", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    for (const bad of ["Mars/Base", "", 5, null]) expect(isTimeZone(bad)).toBe(false);
    expect(parseTimeZone("Mars/Base", "timeZone")).toMatchObject({
      ok: false,
      error: { code: "invalidTimeZone", field: "timeZone" },
    });
    expect(parseTimeZone("Australia/Sydney", "timeZone")).toEqual({ ok: true, value: "Australia/Sydney" });
  });
});

describe("calendar periods", () => {
  it("start at local midnight across a DST change (America/New_York, 8 March 2026)", () => {
    const day = periodOf("day", Date.parse("2026-03-08T12:00:00Z"), "America/New_York");
    expect(day).toEqual({ from: "2026-03-08T05:00:00.000Z", to: "2026-03-09T04:00:00.000Z" });
  });

  it("are ISO weeks, Monday to Monday, in the zone (Europe/London, 29 March 2026 change)", () => {
    const week = periodOf("isoWeek", Date.parse("2026-03-29T12:00:00Z"), "Europe/London");
    expect(week).toEqual({ from: "2026-03-23T00:00:00.000Z", to: "2026-03-29T23:00:00.000Z" });
    const previous = periodOf("isoWeek", Date.parse("2026-03-29T12:00:00Z"), "Europe/London", -1);
    expect(previous.to).toBe(week.from);
  });

  it("are calendar months and years (Australia/Sydney, April 2026 change)", () => {
    expect(periodOf("month", Date.parse("2026-04-15T00:00:00Z"), "Australia/Sydney")).toEqual({
      from: "2026-03-31T13:00:00.000Z",
      to: "2026-04-30T14:00:00.000Z",
    });
    expect(periodOf("year", Date.parse("2026-06-01T00:00:00Z"), "UTC", 1)).toEqual({
      from: "2027-01-01T00:00:00.000Z",
      to: "2028-01-01T00:00:00.000Z",
    });
  });

  it("add calendar months: 31 January + 1 month is the end of February", () => {
    expect(toIso(addMonthsIn(Date.parse("2026-01-31T10:00:00Z"), 1, "UTC"))).toBe("2026-02-28T10:00:00.000Z");
    expect(toIso(addMonthsIn(Date.parse("2028-01-31T10:00:00Z"), 1, "UTC"))).toBe("2028-02-29T10:00:00.000Z");
    expect(toIso(addMonthsIn(Date.parse("2026-03-31T12:00:00Z"), -1, "UTC"))).toBe("2026-02-28T12:00:00.000Z");
  });

  it("are half-open", () => {
    const day = periodOf("day", 0, "UTC");
    expect(inPeriod(Date.parse(day.from), day)).toBe(true);
    expect(inPeriod(Date.parse(day.to), day)).toBe(false);
    expect(inPeriod(Date.parse(day.from) - 1, day)).toBe(false);
  });
});

describe("calendar dates", () => {
  it("accepts only real YYYY-MM-DD dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-12-31")).toBe(true);
    for (const bad of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "2026-01-01T00:00Z",
      "",
      20260101,
      null,
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it("reads the date of an instant in a zone, and the start of a day in a zone", () => {
    expect(dateIn(Date.UTC(2026, 0, 1, 3), "America/New_York")).toBe("2025-12-31");
    expect(dateIn(Date.UTC(2026, 0, 1, 14), "Australia/Sydney")).toBe("2026-01-02");
    expect(toIso(startOfDateIn("2026-03-10", "America/New_York"))).toBe("2026-03-10T04:00:00.000Z");
    expect(toIso(startOfDateIn("2026-03-10", "America/New_York", -5))).toBe("2026-03-05T05:00:00.000Z");
    expect(toIso(startOfDateIn("2026-02-27", "UTC", 3))).toBe("2026-03-02T00:00:00.000Z");
    expect(startOfDateIn("2026-03-10", "Mars/Olympus")).toBeNaN();
  });

  it("adds days, weeks and calendar months in a zone, keeping the wall-clock time", () => {
    expect(toIso(addIn(Date.UTC(2028, 0, 31, 9), 1, "month", "UTC"))).toBe("2028-02-29T09:00:00.000Z");
    expect(toIso(addIn(Date.UTC(2026, 0, 31, 9), 1, "month", "UTC"))).toBe("2026-02-28T09:00:00.000Z");
    expect(toIso(addIn(Date.UTC(2026, 2, 1, 9), 2, "week", "UTC"))).toBe("2026-03-15T09:00:00.000Z");
    // 09:00 in London on 28 March (GMT) + 1 day = 09:00 BST on 29 March: 23 hours later
    expect(toIso(addIn(Date.UTC(2026, 2, 28, 9), 1, "day", "Europe/London"))).toBe("2026-03-29T08:00:00.000Z");
  });
});

describe("edges of the time helpers, value by value", () => {
  it("an ISO instant is the whole string: nothing before or after it", () => {
    expect(toEpochMs("2026-11-23T10:00:00Z")).toBe(Date.parse("2026-11-23T10:00:00Z"));
    expect(toEpochMs("x2026-11-23T10:00:00Z")).toBeNaN();
    expect(toEpochMs("2026-11-23T10:00:00Zx")).toBeNaN();
    expect(toEpochMs(" 2026-11-23T10:00:00Z")).toBeNaN();
  });

  it("a calendar date is the whole string and a real day", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("x2028-02-29")).toBe(false);
    expect(isCalendarDate("2028-02-29x")).toBe(false);
    expect(isCalendarDate("2026-02-29")).toBe(false); // no 29 February in 2026: the day rolls over
    expect(isCalendarDate("2026-13-01")).toBe(false); // month 13: the year rolls over
    expect(isCalendarDate("2026-00-10")).toBe(false);
    expect(isCalendarDate("2026-04-31")).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });

  it("months are added on the zone's calendar, not UTC's", () => {
    // 14:00Z on 30 January is 01:00 on 31 January in Sydney: a month on is 28 February there.
    const at = Date.parse("2026-01-30T14:00:00Z");
    expect(new Date(addMonthsIn(at, 1, "Australia/Sydney")).toISOString()).toBe("2026-02-27T14:00:00.000Z");
    expect(new Date(addMonthsIn(at, 1, "UTC")).toISOString()).toBe("2026-02-28T14:00:00.000Z");
  });

  it("an unknown time zone is refused naming the field", () => {
    expect(isTimeZone("")).toBe(false);
    expect(parseTimeZone("Mars/Olympus", "zone")).toEqual({
      ok: false,
      error: {
        code: "invalidTimeZone",
        message: 'zone must be an IANA time-zone name such as "Europe/London"',
        field: "zone",
        value: "Mars/Olympus",
      },
    });
  });
});
