// HubSpot property values (https://developers.hubspot.com/docs/guides/api/crm/properties): checkboxes
// and numbers arrive as text, date-times as epoch ms (often text) or ISO, dates as midnight UTC.
import { describe, expect, it } from "vitest";
import {
  hasHubSpotValue,
  hubSpotDateOfInstant,
  readHubSpotCheckbox,
  readHubSpotDate,
  readHubSpotDateTime,
  readHubSpotNumber,
  writeHubSpotCheckbox,
  writeHubSpotDate,
  writeHubSpotDateTime,
  writeHubSpotNumber,
} from "../../src/hubspot/index.js";
import { unwrap, unwrapErr } from "../helpers.js";

describe("HubSpot property values", () => {
  it("an unset property is null, undefined or empty text", () => {
    expect([undefined, null, "", "0", "false", 0].map(hasHubSpotValue)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it("checkboxes: 'true' / 'false' text or booleans; anything else is refused naming the property", () => {
    expect(readHubSpotCheckbox("true", "p")).toEqual({ ok: true, value: true });
    expect(readHubSpotCheckbox(true, "p")).toEqual({ ok: true, value: true });
    expect(readHubSpotCheckbox("false", "p")).toEqual({ ok: true, value: false });
    expect(readHubSpotCheckbox(false, "p")).toEqual({ ok: true, value: false });
    expect(readHubSpotCheckbox("yes", "leadrules_pitched")).toEqual({
      ok: false,
      error: {
        code: "invalidCheckbox",
        message: 'leadrules_pitched must be "true" or "false", got "yes"',
        property: "leadrules_pitched",
        value: "yes",
      },
    });
    expect(writeHubSpotCheckbox(true)).toBe("true");
    expect(writeHubSpotCheckbox(false)).toBe("false");
  });

  it("a property name that is not text is named as the argument at fault (issue 27: property was the number 42)", () => {
    const refused = unwrapErr(readHubSpotNumber("x", 42 as never));
    expect(refused).toMatchObject({ code: "invalidPayload", property: "property", value: 42 });
    expect(typeof unwrapErr(readHubSpotCheckbox("x", Symbol("p") as never)).property).toBe("string");
  });

  it("numbers: finite numbers or their decimal text", () => {
    expect(readHubSpotNumber("150", "n")).toEqual({ ok: true, value: 150 });
    expect(readHubSpotNumber("-0.5", "n")).toEqual({ ok: true, value: -0.5 });
    expect(readHubSpotNumber("1e3", "n")).toEqual({ ok: true, value: 1000 });
    expect(readHubSpotNumber(".5", "n")).toEqual({ ok: true, value: 0.5 });
    expect(readHubSpotNumber(7, "n")).toEqual({ ok: true, value: 7 });
    for (const bad of ["", " 1", "1,000", "12abc", "Infinity", Number.NaN, Number.POSITIVE_INFINITY, null, true]) {
      expect(readHubSpotNumber(bad, "employees").ok).toBe(false);
    }
    expect(readHubSpotNumber("12abc", "employees")).toEqual({
      ok: false,
      error: {
        code: "invalidNumber",
        message: 'employees must be a number, got "12abc"',
        property: "employees",
        value: "12abc",
      },
    });
    expect(writeHubSpotNumber(8.25)).toBe("8.25");
  });

  it("date-times: epoch ms as number or text, or ISO-8601 (the Calls API: 'Unix timestamp in milliseconds or UTC format')", () => {
    expect(readHubSpotDateTime("1772445600000", "hs_timestamp")).toEqual({
      ok: true,
      value: "2026-03-02T10:00:00.000Z",
    });
    expect(readHubSpotDateTime(1772445600000, "hs_timestamp")).toEqual({ ok: true, value: "2026-03-02T10:00:00.000Z" });
    expect(readHubSpotDateTime("2021-03-17T01:32:44.872Z", "hs_timestamp")).toEqual({
      ok: true,
      value: "2021-03-17T01:32:44.872Z",
    });
    expect(readHubSpotDateTime("-1000", "t")).toEqual({ ok: true, value: "1969-12-31T23:59:59.000Z" });
    expect(readHubSpotDateTime("monday", "hs_timestamp")).toEqual({
      ok: false,
      error: {
        code: "invalidDateTime",
        message: 'hs_timestamp must be epoch milliseconds or an ISO-8601 date-time, got "monday"',
        property: "hs_timestamp",
        value: "monday",
      },
    });
    expect(readHubSpotDateTime(new Date(0), "t").ok).toBe(false);
    expect(readHubSpotDateTime("2026-03-02", "t").ok).toBe(false);
    expect(readHubSpotDateTime("12345678901234567", "t").ok).toBe(false);
    expect(writeHubSpotDateTime("2026-03-02T10:00:00Z")).toBe("1772445600000");
    expect(writeHubSpotDateTime("nope")).toBe("");
  });

  it("dates: midnight UTC epoch ms (text or number) or YYYY-MM-DD; a time of day is refused", () => {
    expect(readHubSpotDate("1772409600000", "d")).toEqual({ ok: true, value: "2026-03-02" });
    expect(readHubSpotDate(1772409600000, "d")).toEqual({ ok: true, value: "2026-03-02" });
    expect(readHubSpotDate("2026-03-02", "d")).toEqual({ ok: true, value: "2026-03-02" });
    expect(readHubSpotDate("0", "d")).toEqual({ ok: true, value: "1970-01-01" });
    expect(readHubSpotDate("-86400000", "d")).toEqual({ ok: true, value: "1969-12-31" });
    expect(readHubSpotDate("1772445600000", "next_contact_date")).toEqual({
      ok: false,
      error: {
        code: "invalidDate",
        message:
          'next_contact_date must be a date: midnight UTC in epoch milliseconds, or YYYY-MM-DD; got "1772445600000"',
        property: "next_contact_date",
        value: "1772445600000",
      },
    });
    for (const bad of ["2026-02-30", "2026-3-2", new Date(0), null, "", "1e3"])
      expect(readHubSpotDate(bad, "d").ok).toBe(false);
    expect(writeHubSpotDate("2026-03-02")).toEqual({ ok: true, value: "1772409600000" });
    expect(writeHubSpotDate("1969-12-31")).toEqual({ ok: true, value: "-86400000" });
    expect(writeHubSpotDate("2026-02-30")).toEqual({
      ok: false,
      error: {
        code: "invalidDate",
        message: 'date must be a date written YYYY-MM-DD, got "2026-02-30"',
        property: "date",
        value: "2026-02-30",
      },
    });
  });

  it("an instant's day in the owner's zone, straight as YYYY-MM-DD (issue 28: it was epoch text)", () => {
    // 10:00 on 3 March in Sydney is 23:00 UTC on 2 March.
    expect(hubSpotDateOfInstant("2026-03-02T23:00:00Z", "Australia/Sydney")).toEqual({
      ok: true,
      value: "2026-03-03",
    });
    expect(hubSpotDateOfInstant("2026-03-02T23:00:00Z", "America/New_York")).toEqual({
      ok: true,
      value: "2026-03-02",
    });
    // A HubSpot date property reads it back as the same date.
    expect(readHubSpotDate(unwrap(hubSpotDateOfInstant("2026-03-02T23:00:00Z", "Australia/Sydney")), "d")).toEqual({
      ok: true,
      value: "2026-03-03",
    });
    expect(hubSpotDateOfInstant("x", "UTC")).toEqual({
      ok: false,
      error: { code: "invalidDateTime", message: 'at must be a valid instant, got "x"', property: "at", value: "x" },
    });
    expect(hubSpotDateOfInstant(0, "Mars/Olympus")).toEqual({
      ok: false,
      error: {
        code: "invalidTimeZone",
        message: 'timeZone must be an IANA time-zone name, got "Mars/Olympus"',
        property: "timeZone",
        value: "Mars/Olympus",
      },
    });
  });
});

describe("hubSpotDateOfInstant at the end of the domain (found in review)", () => {
  it("names `at` when the instant's date in the zone leaves years 0000–9999", () => {
    expect(unwrapErr(hubSpotDateOfInstant("9999-12-31T23:00:00Z", "Asia/Tokyo"))).toEqual({
      code: "invalidDateTime",
      property: "at",
      value: "9999-12-31T23:00:00Z",
      message: "at falls outside years 0000–9999 in Asia/Tokyo",
    });
    expect(hubSpotDateOfInstant("9999-12-31T23:00:00Z", "UTC")).toEqual({ ok: true, value: "9999-12-31" });
    expect(unwrapErr(hubSpotDateOfInstant("0000-01-01T01:00:00Z", "America/New_York")).property).toBe("at");
  });
});
