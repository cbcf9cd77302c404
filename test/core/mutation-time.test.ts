// The stored-state checks of core/time.ts, pinned where mutation testing found them unjudged:
// isStoredInstant's two paths (the canonical 24-character form checked by its characters, any other
// string parsed) and the calendar-day check both it and isStoredDate share.
import { describe, expect, it } from "vitest";
import { isStoredDate, isStoredInstant } from "../../src/core/time.js";

describe("isStoredInstant", () => {
  // "Whether a value is an instant as the library stores it: an ISO-8601 string toEpochMs reads."
  it("a 24-character string that is not the canonical form is parsed, not read by its characters", () => {
    expect(isStoredInstant("2026-01-01T00:00:00.000X")).toBe(false);
    expect(isStoredInstant("2026-01-01 00:00:00.000Z")).toBe(false);
    expect(isStoredInstant("2026-01-01T00:00:00+01:00")).toBe(true);
    expect(isStoredInstant("2026-01-01T00:00:00Z")).toBe(true);
  });

  it("a canonical instant has seconds 00–59", () => {
    expect(isStoredInstant("2026-01-01T23:59:59.999Z")).toBe(true);
    expect(isStoredInstant("2026-01-01T00:00:60.000Z")).toBe(false);
    expect(isStoredInstant("2026-01-01T00:60:00.000Z")).toBe(false);
    expect(isStoredInstant("2026-01-01T24:00:00.000Z")).toBe(false);
  });

  it("a canonical instant is on a real calendar day", () => {
    // isStoredInstant("2026-02-30T10:00:00.000Z"); // => false
    expect(isStoredInstant("2026-02-30T10:00:00.000Z")).toBe(false);
    expect(isStoredInstant("1900-02-29T10:00:00.000Z")).toBe(false);
    expect(isStoredInstant("2000-02-29T10:00:00.000Z")).toBe(true);
    expect(isStoredInstant("2024-02-29T10:00:00.000Z")).toBe(true);
    for (const month of ["04", "06", "09", "11"]) {
      expect(isStoredInstant(`2026-${month}-30T10:00:00.000Z`), month).toBe(true);
      expect(isStoredInstant(`2026-${month}-31T10:00:00.000Z`), month).toBe(false);
    }
    for (const month of ["01", "03", "05", "07", "08", "10", "12"]) {
      expect(isStoredInstant(`2026-${month}-31T10:00:00.000Z`), month).toBe(true);
    }
  });
});

describe("isStoredDate", () => {
  // "YYYY-MM-DD, a real day, years 0000–9999"; isStoredDate("2026-02-29"); // => false
  it("knows which months have 30 days and which Februaries 29", () => {
    expect(isStoredDate("2026-02-29")).toBe(false);
    expect(isStoredDate("1900-02-29")).toBe(false);
    expect(isStoredDate("2000-02-29")).toBe(true);
    expect(isStoredDate("0000-02-29")).toBe(true);
    for (const month of ["04", "06", "09", "11"]) {
      expect(isStoredDate(`2026-${month}-30`), month).toBe(true);
      expect(isStoredDate(`2026-${month}-31`), month).toBe(false);
    }
    expect(isStoredDate("2026-12-31")).toBe(true);
  });
});
