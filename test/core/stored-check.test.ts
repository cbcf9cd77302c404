// The stored-state checks' fast tests agree with the parsers' own: an instant as `toEpochMs`
// reads it, a date as `isCalendarDate` does (core/time.ts; the lifecycles' `stateCheck` run them on
// every move, so they check the canonical forms by their characters instead of parsing them).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../src/core/calendar.js";
import { isStoredDate, isStoredInstant, MAX_INSTANT_MS, MIN_INSTANT_MS, toEpochMs } from "../../src/core/time.js";
import { runs } from "../setup.js";

describe("the stored-state checks' fast tests", () => {
  it("an instant is stored when toEpochMs reads it", () => {
    const canonical = fc.stringMatching(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-6]\d:[0-6]\d\.\d{3}Z$/);
    const written = fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }).map((ms) => new Date(ms).toISOString());
    const other = fc.oneof(fc.string(), fc.constantFrom("2026-11-23T09:00:00+01:00", "2026-11-23T09:00Z", 0, null));
    fc.assert(
      fc.property(fc.oneof(canonical, written, other), (text) => {
        expect(isStoredInstant(text)).toBe(typeof text === "string" && !Number.isNaN(toEpochMs(text)));
      }),
      { numRuns: runs(3000) },
    );
    expect(isStoredInstant("2024-02-29T00:00:00.000Z")).toBe(true);
    expect(isStoredInstant("2100-02-29T00:00:00.000Z")).toBe(false);
    expect(isStoredInstant("2026-11-23T24:00:00.000Z")).toBe(false);
  });

  it("a date is stored when isCalendarDate accepts it", () => {
    const shaped = fc.stringMatching(/^\d{4}-[01]\d-[0-3]\d$/);
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string(), fc.constantFrom(20261123, null, "2026-1-1")), (text) => {
        expect(isStoredDate(text)).toBe(isCalendarDate(text));
      }),
      { numRuns: runs(3000) },
    );
    expect(isStoredDate("2000-02-29")).toBe(true);
    expect(isStoredDate("1900-02-29")).toBe(false);
  });
});
