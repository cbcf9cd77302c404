import { describe, expect, it } from "vitest";
import { type BookingState, booking } from "../../src/lead-status/booking.js";
import {
  bookedLastMonthThenCancelled,
  leadFigures,
  newLeadsFromLastWeekNotBooked,
  ownerLeadsNotBookedThisYear,
} from "../../src/lead-status/reports.js";
import { unwrap, unwrapErr } from "../helpers.js";

const make = (createdAt: string, extra: Partial<BookingState> = {}): BookingState => ({
  ...unwrap(booking.initial({ at: createdAt, name: `lead ${createdAt}` })),
  ...extra,
});

describe("Additional Leads and Additional Leads Booked", () => {
  // "View the 'Additional Leads' and 'Additional Leads Booked' metrics to see total values from those time periods."
  const leads = () => [
    make("2026-10-31T23:59:59Z", { division: "physio" }),
    make("2026-11-01T00:00:00Z", { division: "physio", bookedAt: "2026-11-03T00:00:00.000Z", status: "booked" }),
    make("2026-11-10T00:00:00Z", { division: "massage" }),
    make("2026-11-20T00:00:00Z"),
    make("2026-12-01T00:00:00Z", { division: "physio" }),
  ];
  const november = { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" };

  it("counts leads created in the period and, of those, the booked ones, per division", () => {
    const figures = unwrap(leadFigures(leads(), november));
    expect(figures.total).toEqual({ additionalLeads: 3, additionalLeadsBooked: 1 });
    expect(figures.byDivision).toEqual([
      { division: null, additionalLeads: 1, additionalLeadsBooked: 0 },
      { division: "massage", additionalLeads: 1, additionalLeadsBooked: 0 },
      { division: "physio", additionalLeads: 1, additionalLeadsBooked: 1 },
    ]);
    expect(figures.period).toEqual({ from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z" });
  });

  it("keeps one division when asked, the top level being null", () => {
    expect(unwrap(leadFigures(leads(), { ...november, division: "physio" })).total).toEqual({
      additionalLeads: 1,
      additionalLeadsBooked: 1,
    });
    expect(unwrap(leadFigures(leads(), { ...november, division: null })).total.additionalLeads).toBe(1);
  });

  it("treats any division name as a plain key", () => {
    const odd = ["__proto__", "constructor", ""].map((division) => make("2026-11-02T00:00:00Z", { division }));
    expect(unwrap(leadFigures(odd, november)).byDivision.map((r) => r.division)).toEqual([
      "",
      "__proto__",
      "constructor",
    ]);
  });

  it("names the bad field of a bad period", () => {
    expect(unwrapErr(leadFigures(leads(), { from: "nope", to: november.to })).issues).toEqual([
      { path: "from", message: "expected a valid instant" },
    ]);
    expect(
      unwrapErr(leadFigures(leads(), { from: november.to, to: "2026-12-01T00:00:00+14:00" })).issues[0]?.path,
    ).toBe("to");
    expect(unwrapErr(leadFigures(leads(), { from: november.from, to: Number.NaN })).issues[0]?.path).toBe("to");
  });
});

describe("follow-up lists", () => {
  it("new leads from last week that haven't booked in yet, in the practice's time zone", () => {
    // "New leads from last week that haven't booked in yet"
    const now = "2026-11-23T09:00:00Z"; // Monday
    const leads = [
      make("2026-11-16T00:00:00+11:00"), // Monday 00:00 in Sydney: last week there
      make("2026-11-15T23:59:59+11:00"), // the Sunday before: not last week
      make("2026-11-22T12:00:00Z", { status: "booked", bookedAt: "2026-11-22T13:00:00.000Z" }),
      make("2026-11-22T12:00:00Z", { status: "lost" }),
      make("2026-11-23T08:00:00Z"), // this week
    ];
    const listed = unwrap(newLeadsFromLastWeekNotBooked(leads, { now, timeZone: "Australia/Sydney" }));
    expect(listed).toEqual([leads[0]]);
  });

  it("last week where DST starts at midnight (America/Santiago, 6 September 2026)", () => {
    // Monday 31 August starts at 00:00 −04:00; Monday 7 September at 00:00 −03:00
    const leads = [
      make("2026-08-31T04:00:00Z"),
      make("2026-08-31T03:59:59.999Z"),
      make("2026-09-07T02:59:59.999Z"),
      make("2026-09-07T03:00:00Z"),
    ];
    const listed = unwrap(
      newLeadsFromLastWeekNotBooked(leads, { now: "2026-09-08T12:00:00Z", timeZone: "America/Santiago" }),
    );
    expect(listed).toEqual([leads[0], leads[2]]);
  });

  it("leads that booked in over the last month, then cancelled so we never saw them", () => {
    // "Leads that have booked in over the last month, but then cancelled the appointment so we never saw them"
    const now = "2026-03-31T12:00:00Z";
    const cancelled = [{ id: "a", status: "cancelled" as const }];
    const leads = [
      make("2026-02-01T00:00:00Z", { status: "booked", bookedAt: "2026-02-28T12:00:00.000Z", appointments: cancelled }),
      make("2026-02-01T00:00:00Z", { status: "booked", bookedAt: "2026-02-28T11:59:59.999Z", appointments: cancelled }),
      make("2026-03-01T00:00:00Z", {
        status: "booked",
        bookedAt: "2026-03-02T00:00:00.000Z",
        appointments: [{ id: "b", status: "attended" }],
      }),
      make("2026-03-01T00:00:00Z", { status: "booked", bookedAt: "2026-03-02T00:00:00.000Z", appointments: [] }),
      make("2026-03-01T00:00:00Z"),
      make("2026-03-01T00:00:00Z", { status: "booked", bookedAt: "2026-04-01T00:00:00.000Z", appointments: cancelled }),
    ];
    // 31 March - 1 month = 28 February (calendar months).
    expect(unwrap(bookedLastMonthThenCancelled(leads, { now, timeZone: "UTC" }))).toEqual([leads[0]]);
  });

  it("leads of one salesperson that haven't booked in this year", () => {
    // "Leads from a particular salesperson that haven't booked in this year"
    const now = "2026-06-01T00:00:00Z";
    const leads = [
      make("2025-05-01T00:00:00Z", { owner: "sam" }),
      make("2025-05-01T00:00:00Z", { owner: "sam", status: "booked", bookedAt: "2025-12-31T23:00:00.000Z" }),
      make("2025-05-01T00:00:00Z", { owner: "sam", status: "booked", bookedAt: "2026-01-02T00:00:00.000Z" }),
      make("2025-05-01T00:00:00Z", { owner: "sam", status: "lost" }),
      make("2025-05-01T00:00:00Z", { owner: "alex" }),
    ];
    expect(unwrap(ownerLeadsNotBookedThisYear(leads, { owner: "sam", now, timeZone: "UTC" }))).toEqual([
      leads[0],
      leads[1],
    ]);
    // In Auckland, 31 Dec 23:00 UTC is already 2026.
    expect(unwrap(ownerLeadsNotBookedThisYear(leads, { owner: "sam", now, timeZone: "Pacific/Auckland" }))).toEqual([
      leads[0],
    ]);
  });

  it("name the bad field of a bad query", () => {
    const issues = unwrapErr(newLeadsFromLastWeekNotBooked([], { now: "x", timeZone: "Mars/Base" })).issues;
    expect(issues.map((i) => i.path)).toEqual(["now", "timeZone"]);
    expect(unwrapErr(bookedLastMonthThenCancelled([], { now: 0, timeZone: "" })).issues[0]?.path).toBe("timeZone");
    expect(
      unwrapErr(ownerLeadsNotBookedThisYear([], { owner: 5 as unknown as string, now: 0, timeZone: "UTC" })).issues[0]
        ?.path,
    ).toBe("owner");
  });
});
