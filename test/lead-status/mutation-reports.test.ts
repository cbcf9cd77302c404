// The reports' edges the other report tests leave open: a division's row over several leads, the
// top level first whatever a division is called, leads and queries that are not what they should be.
import { describe, expect, it } from "vitest";
import { UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import { type BookingState, booking } from "../../src/lead-status/booking.js";
import {
  bookedLastMonthThenCancelled,
  leadFigures,
  newLeadsFromLastWeekNotBooked,
  ownerLeadsNotBookedThisYear,
} from "../../src/lead-status/reports.js";
import { issuesOf, unwrap } from "../helpers.js";

const T0 = Date.parse("2026-11-02T09:00:00.000Z");
const made = (division: string | null, extra: Partial<BookingState> = {}): BookingState => ({
  ...unwrap(booking.initial({ at: T0, name: "L", owner: "sam", division })),
  ...extra,
});
const period = { from: T0 - 1, to: T0 + 1 };
/** A value that throws whatever is read of it (a hostile Proxy). */
const throwing = <T>(target: object = {}): T =>
  new Proxy(target, {
    get: () => {
      throw new Error("boom");
    },
  }) as T;
const unreadableReport = {
  ok: false,
  error: {
    code: "invalidInput",
    message: `Invalid lead report: ${UNREADABLE_MESSAGE}`,
    issues: [{ path: "", code: "unreadable", message: UNREADABLE_MESSAGE }],
  },
};

describe("Additional Leads per division", () => {
  // "View the 'Additional Leads' and 'Additional Leads Booked' metrics to see total values from those time periods."
  it("counts every lead of a division in its one row", () => {
    const booked = { status: "booked", bookedAt: new Date(T0).toISOString() } as const;
    const figures = unwrap(leadFigures([made("physio"), made("physio", booked), made("physio")], period));
    expect(figures.total).toEqual({ additionalLeads: 3, additionalLeadsBooked: 1 });
    expect(figures.byDivision).toEqual([{ division: "physio", additionalLeads: 3, additionalLeadsBooked: 1 }]);
  });

  it("puts the top level first whatever the divisions are called", () => {
    // LeadFigures.byDivision: "sorted by division (top level first)"; null is the top level.
    for (const name of ["-1", "0", "", "physio"]) {
      for (const leads of [
        [made(null), made(name)],
        [made(name), made(null)],
      ]) {
        expect(unwrap(leadFigures(leads, period)).byDivision.map((row) => row.division)).toEqual([null, name]);
      }
    }
  });

  it("names the first lead that is not a booking lead state, an undefined one too", () => {
    expect(issuesOf(leadFigures([made(null), undefined] as never, period))).toEqual([
      ["leads.1", "expected a booking lead state"],
    ]);
    expect(issuesOf(leadFigures([5, made(null)] as never, period))).toEqual([
      ["leads.0", "expected a booking lead state"],
    ]);
  });
});

describe("the follow-up lists' queries", () => {
  it("name the bad fields in the message", () => {
    const bad = newLeadsFromLastWeekNotBooked([], { now: "x", timeZone: "UTC" });
    expect(bad.ok ? "" : bad.error.message).toBe("Invalid follow-up list query: now: expected a valid instant");
  });

  it("a missing query is every field missing, the owner too", () => {
    expect(issuesOf(ownerLeadsNotBookedThisYear([], null as never))).toEqual([
      ["now", "expected a valid instant"],
      ["timeZone", "expected an IANA time-zone name"],
      ["owner", "expected a string"],
    ]);
  });
});

describe("reports over input that cannot be read", () => {
  // docs/contract.md: a value that throws when it is read is answered by the last-resort guard with
  // an issue { path: "", code: "unreadable" } of an invalidInput.
  const now = { now: T0, timeZone: "UTC" };
  it("leadFigures", () => {
    expect(leadFigures(throwing([]), period)).toEqual(unreadableReport);
    expect(leadFigures([], throwing())).toEqual(unreadableReport);
  });
  it("newLeadsFromLastWeekNotBooked", () => {
    expect(newLeadsFromLastWeekNotBooked(throwing([]), now)).toEqual(unreadableReport);
  });
  it("bookedLastMonthThenCancelled", () => {
    expect(bookedLastMonthThenCancelled(throwing([]), now)).toEqual(unreadableReport);
  });
  it("ownerLeadsNotBookedThisYear", () => {
    expect(ownerLeadsNotBookedThisYear(throwing([]), { ...now, owner: "sam" })).toEqual(unreadableReport);
  });
});
