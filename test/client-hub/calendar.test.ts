// The pipeline's clock in the zones and years where calendars are awkward (issue 19).
import { describe, expect, it } from "vitest";
import { type ClientHubRecord, clientHub } from "../../src/client-hub/pipeline.js";
import { parseClientHubRecord } from "../../src/client-hub/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { checkInCall } from "./fixtures.js";

const make = (at: string, timeZone: string, nextContactDate?: string): ClientHubRecord =>
  unwrap(
    clientHub.initial({
      subscriptionId: "s",
      contactId: "c",
      at,
      timeZone,
      ...(nextContactDate === undefined ? {} : { nextContactDate }),
    }),
  );

// Each move `advance` makes, by walking to each `nextDueAt` in turn.
function walk(record: ClientHubRecord, moves: number): [string, string][] {
  const seen: [string, string][] = [];
  let current = record;
  for (let i = 0; i < moves; i++) {
    const due = clientHub.nextDueAt(current);
    if (due === null) break;
    current = clientHub.advance(current, due).state;
    seen.push([current.status, current.updatedAt]);
  }
  return seen;
}

describe("Client Hub days where midnight does not exist", () => {
  it("Calls 1–3 and Unsuccessful call fall due at the start of the day in Santiago (DST at 00:00)", () => {
    // "Call 2 ... 5 days after entering Call 1": the contact date 6 September 2026 starts at 01:00
    // local (04:00Z), the clocks having jumped; 11 September starts at 00:00 local (03:00Z).
    const record = make("2026-08-01T12:00:00Z", "America/Santiago", "2026-09-06");
    expect(walk(record, 5)).toEqual([
      ["callPreparation", "2026-09-01T04:00:00.000Z"],
      ["call1", "2026-09-06T04:00:00.000Z"],
      ["call2", "2026-09-11T03:00:00.000Z"],
      ["call3", "2026-09-16T03:00:00.000Z"],
      ["unsuccessfulCall", "2026-09-21T03:00:00.000Z"],
    ]);
  });

  it("a contact date the zone skips (Pacific/Apia, 30 December 2011) falls due when the next day starts", () => {
    const record = make("2011-11-01T00:00:00Z", "Pacific/Apia", "2011-12-30");
    expect(walk(record, 3)).toEqual([
      ["callPreparation", "2011-12-25T10:00:00.000Z"], // 25 December, 00:00 at −10:00
      ["call1", "2011-12-30T10:00:00.000Z"], // 31 December, 00:00 at +14:00
      ["call2", "2012-01-04T10:00:00.000Z"], // 5 January
    ]);
    expect(walk(record, 3).at(1)?.[0]).toBe("call1");
  });
});

describe("a check-in completed after its next contact date", () => {
  it("moves the record where the playbook puts it in the same call, with Call 1's task", () => {
    // Check-in on 11 January with a 2-week ratio: the next contact date is 25 January. The task is
    // only completed on 20 February: the record goes straight to Call 1.
    const start = make("2026-01-01T09:00:00Z", "Europe/London", "2026-01-10");
    const call1 = clientHub.advance(start, "2026-01-10T00:00:00Z").state;
    const summary = unwrap(clientHub.transition(call1, checkInCall("2026-01-11T10:00:00Z"))).state;
    const done = unwrap(
      clientHub.transition(summary, {
        type: "taskCompleted",
        at: "2026-02-20T09:00:00Z",
        actor: "owner",
        contactRatio: { count: 2, unit: "week" },
      }),
    );
    expect(done.state).toMatchObject({
      status: "call1",
      updatedAt: "2026-02-20T09:00:00.000Z",
      nextContactDate: "2026-01-25",
    });
    expect(done.effects).toEqual([
      { type: "sendNpsSurvey" },
      { type: "task", task: "checkInCall1", title: "Check in call 1", dueAt: "2026-02-20T09:00:00.000Z" },
    ]);
    expect(clientHub.advance(done.state, "2026-02-20T09:00:00Z").effects).toEqual([]);
  });

  it("stops in Call Preparation when only that is due, and in Completed when nothing is", () => {
    const start = make("2026-01-01T09:00:00Z", "Europe/London", "2026-01-10");
    const call1 = clientHub.advance(start, "2026-01-10T00:00:00Z").state;
    const summary = unwrap(clientHub.transition(call1, checkInCall("2026-01-11T10:00:00Z"))).state;
    const ratio = { count: 2, unit: "week" } as const;
    const at = (when: string) =>
      unwrap(clientHub.transition(summary, { type: "taskCompleted", at: when, actor: "owner", contactRatio: ratio }));
    // Call Preparation starts 20 January 00:00 (5 days before the 25th); Call 1 on the 25th
    expect(at("2026-01-20T00:00:00Z").state.status).toBe("callPreparation");
    expect(at("2026-01-20T00:00:00Z").effects).toEqual([{ type: "sendNpsSurvey" }]);
    expect(at("2026-01-19T23:59:59.999Z").state.status).toBe("completed");
    expect(at("2026-01-24T23:59:59.999Z").state.status).toBe("callPreparation");
    expect(at("2026-01-25T00:00:00Z").state.status).toBe("call1");
  });
});

describe("one answer per zone name", () => {
  it("a stored record whose zone is not one is refused by every verb and the parser", () => {
    for (const timeZone of ["GMT-03", "+05:30", "Etc/GMT+14"]) {
      const record = { ...make("2026-01-01T09:00:00Z", "UTC"), timeZone } as ClientHubRecord;
      expect(clientHub.nextDueAt(record)).toBeNull();
      expect(clientHub.advance(record, "2027-01-01T00:00:00Z")).toMatchObject({
        state: record,
        effects: [],
        ignored: { code: "invalidState", field: "timeZone" },
      });
      expect(unwrapErr(clientHub.transition(record, checkInCall("2026-01-02T00:00:00Z"))).code).toBe("invalidState");
      expect(parseClientHubRecord(record).ok).toBe(false);
      expect(clientHub.initial({ subscriptionId: "s", contactId: "c", at: 0, timeZone }).ok).toBe(false);
    }
  });

  it("a zone is stored in its canonical spelling", () => {
    expect(make("2026-01-01T09:00:00Z", "eUROPE/lONDON").timeZone).toBe("Europe/London");
    expect(make("2026-01-01T09:00:00Z", "US/Eastern").timeZone).toBe("America/New_York");
    const stored = { ...make("2026-01-01T09:00:00Z", "UTC"), timeZone: "europe/london" };
    expect(unwrap(parseClientHubRecord(stored)).timeZone).toBe("Europe/London");
  });
});

describe("dates inside years 0000–9999", () => {
  it("a record in years 0000–0099 writes dates its own parser reads back, at the right year", () => {
    const record = make("0050-06-15T12:00:00Z", "UTC");
    expect(record.nextContactDate).toBe("0050-07-15");
    expect(parseClientHubRecord(record).ok).toBe(true);
    expect(clientHub.nextDueAt(record)).toBe("0050-07-10T00:00:00.000Z");
  });

  it("refuses an input whose next contact date or cycle would leave the years", () => {
    const late = clientHub.initial({
      subscriptionId: "s",
      contactId: "c",
      at: "9999-12-15T00:00:00Z",
      timeZone: "UTC",
    });
    expect(unwrapErr(late).issues).toEqual([
      {
        path: "nextContactDate",
        message: "the next contact date and its calls would fall outside years 0000–9999 UTC",
      },
    ]);
    // the cycle after the date: Call Preparation 5 days before, three calls 5 days apart after
    expect(make("9999-01-01T00:00:00Z", "UTC", "9999-12-11").nextContactDate).toBe("9999-12-11");
    expect(
      clientHub.initial({ subscriptionId: "s", contactId: "c", at: 0, timeZone: "UTC", nextContactDate: "9999-12-12" })
        .ok,
    ).toBe(false);
    expect(make("0000-01-01T00:00:00Z", "UTC", "0000-01-06").nextContactDate).toBe("0000-01-06");
    expect(
      clientHub.initial({ subscriptionId: "s", contactId: "c", at: 0, timeZone: "UTC", nextContactDate: "0000-01-05" })
        .ok,
    ).toBe(false);
  });

  it("refuses with invalidInstant a task or ratio that would set a date past 9999", () => {
    const start = make("9999-10-01T00:00:00Z", "UTC", "9999-10-10");
    const call1 = clientHub.advance(start, "9999-10-10T00:00:00Z").state;
    const summary = unwrap(clientHub.transition(call1, checkInCall("9999-11-20T10:00:00Z"))).state;
    const refused = unwrapErr(
      clientHub.transition(summary, { type: "taskCompleted", at: "9999-11-21T00:00:00Z", actor: "owner" }),
    );
    expect(refused).toMatchObject({
      code: "invalidInstant",
      field: "nextContactDate",
      message: "the next contact date and its calls would fall outside years 0000–9999 UTC",
    });
    const done = make("9999-11-01T00:00:00Z", "UTC", "9999-11-30");
    expect(
      unwrapErr(
        clientHub.transition(done, {
          type: "contactRatioSet",
          at: "9999-11-02T00:00:00Z",
          actor: "owner",
          contactRatio: { count: 2, unit: "month" },
        }),
      ).code,
    ).toBe("invalidInstant");
    expect(
      unwrap(
        clientHub.transition(done, {
          type: "contactRatioSet",
          at: "9999-11-02T00:00:00Z",
          actor: "owner",
          contactRatio: { count: 2, unit: "week" },
        }),
      ).state.nextContactDate,
    ).toBe("9999-11-15");
  });
});
