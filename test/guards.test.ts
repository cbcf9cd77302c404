// The entry guards of the exported functions, value by value: what each answers for input that is
// not what it should be (the fuzz suite proves nothing throws; these pin the error values).
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { callRecord } from "../src/call-result/record.js";
import { clientHub } from "../src/client-hub/pipeline.js";
import { describeValue } from "../src/core/describe.js";
import { parseWith } from "../src/core/schema.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS, toEpochMs } from "../src/core/time.js";
import { BOOKING_DEFAULTS, booking, hasActiveAppointment, leadForNewClient } from "../src/lead-status/booking.js";
import { consultation } from "../src/lead-status/consultation.js";
import { leadFigures, newLeadsFromLastWeekNotBooked, ownerLeadsNotBookedThisYear } from "../src/lead-status/reports.js";
import { renderSheetCsv, renderSheetMarkdown } from "../src/tally/render.js";
import { unwrap, unwrapErr } from "./helpers.js";

const T = Date.parse("2026-11-23T10:00:00Z");

describe("describeValue: a short, safe description of anything", () => {
  it("shows short strings, numbers and booleans, and only the kind of the rest", () => {
    expect(describeValue("calendar")).toBe('"calendar"');
    expect(describeValue("x".repeat(40))).toBe(JSON.stringify("x".repeat(40)));
    expect(describeValue("x".repeat(41))).toBe("a string of 41 characters");
    expect(describeValue(42)).toBe("42");
    expect(describeValue(false)).toBe("false");
    expect(describeValue(10n)).toBe("10n");
    expect(describeValue(10n ** 15n - 1n)).toBe("999999999999999n");
    expect(describeValue(10n ** 15n)).toBe("a BigInt");
    expect(describeValue(-(10n ** 15n))).toBe("a BigInt");
    expect(describeValue(null)).toBe("null");
    expect(describeValue([1, 2, 3])).toBe("an array of 3");
    expect(describeValue({ a: 1 })).toBe("an object");
    expect(describeValue(undefined)).toBe("undefined");
    expect(describeValue(Symbol("s"))).toBe("a symbol");
    expect(describeValue(() => 1)).toBe("a function");
  });
});

describe("the parsers' limits", () => {
  const schema = z.object({ a: z.optional(z.unknown()) });
  it("refuse input nested deeper than 32 levels, or a string over 10,000 characters, naming where", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(unwrapErr(parseWith(schema, "thing", { a: deep })).issues).toEqual([
      {
        path: "a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0",
        code: "tooDeep",
        message: "is nested too deeply (at most 32 levels)",
      },
    ]);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(unwrapErr(parseWith(schema, "thing", cyclic)).issues[0]?.code).toBe("tooDeep");
    expect(unwrapErr(parseWith(schema, "thing", { a: "x".repeat(10_001) })).issues).toEqual([
      { path: "a", code: "tooLong", message: "is too long: 10001 characters (at most 10000)" },
    ]);
    expect(parseWith(schema, "thing", { a: "x".repeat(10_000) }).ok).toBe(true);
  });
});

describe("the instant domain: years 0000–9999 UTC", () => {
  it("accepts its edges and nothing past them, whatever the form", () => {
    expect(toEpochMs(MIN_INSTANT_MS)).toBe(MIN_INSTANT_MS);
    expect(toEpochMs(MAX_INSTANT_MS)).toBe(MAX_INSTANT_MS);
    expect(toEpochMs(MIN_INSTANT_MS - 1)).toBeNaN();
    expect(toEpochMs(MAX_INSTANT_MS + 1)).toBeNaN();
    expect(toEpochMs(new Date(MAX_INSTANT_MS + 1))).toBeNaN();
    expect(toEpochMs("9999-12-31T23:59:59.999Z")).toBe(MAX_INSTANT_MS);
    expect(toEpochMs("9999-12-31T23:59:59.999-01:00")).toBeNaN();
    expect(toEpochMs("0000-01-01T00:00:00+01:00")).toBeNaN();
    expect(toEpochMs("0000-02-29T00:00:00Z")).toBe(Date.UTC(2000, 1, 29) - 2000 * 365.2425 * 86_400_000);
  });
});

describe("the lifecycle engine's guards", () => {
  const lead = () => unwrap(consultation.initial(T));
  it("refuses an event or a state that is not an object, naming what it got", () => {
    expect(unwrapErr(consultation.transition(lead(), null as never))).toEqual({
      code: "unknownEvent",
      message: '"(undefined)" is not an event of the consultation lifecycle',
      event: "(undefined)",
      status: "new",
      actor: "(undefined)",
      field: "type",
    });
    expect(
      unwrapErr(consultation.transition(null as never, { type: "markedLost", at: T, actor: "franchisee" })),
    ).toMatchObject({ code: "unknownStatus", status: "(undefined)", field: "status" });
  });

  it("shows at most 64 characters of a hostile type or actor", () => {
    const long = "x".repeat(100);
    const error = unwrapErr(consultation.transition(lead(), { type: long, at: T, actor: long } as never));
    expect(error.event).toBe(`${"x".repeat(64)}…`);
    expect(error.actor).toBe(`${"x".repeat(64)}…`);
    expect(unwrapErr(consultation.transition(lead(), { type: null, at: T, actor: 5 } as never)).actor).toBe("(number)");
  });

  it("replay of something that is not a list is one invalidLog refusal", () => {
    expect(consultation.replay(lead(), null as never)).toEqual({
      state: lead(),
      effects: [],
      rejected: [
        {
          index: 0,
          rejection: {
            code: "invalidLog",
            message: "events must be an array of events",
            event: "",
            status: "new",
            actor: "",
          },
        },
      ],
    });
  });

  it("orders by instant even when the stored one is not canonical", () => {
    const odd = { ...lead(), updatedAt: "2026-11-23T11:00:00+01:00" };
    expect(unwrapErr(consultation.transition(odd, { type: "markedLost", at: T - 1, actor: "franchisee" })).code).toBe(
      "outOfOrder",
    );
    expect(consultation.transition(odd, { type: "markedLost", at: T, actor: "franchisee" }).ok).toBe(true);
  });

  it("returns the same frozen refusal for the same status, event and actor", () => {
    const lost = unwrap(consultation.transition(lead(), { type: "markedLost", at: T, actor: "franchisee" })).state;
    const a = consultation.transition(lost, { type: "markedDnc", at: T, actor: "franchisee" });
    const b = consultation.transition(lost, { type: "markedDnc", at: T + 1, actor: "franchisee" });
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(unwrapErr(a))).toBe(true);
    // another actor, another refusal; an unknown actor is not cached but answered alike
    const c = consultation.transition(lost, { type: "markedDnc", at: T, actor: "careCentre" });
    expect(c).not.toBe(a);
    expect(
      unwrapErr(consultation.transition(lost, { type: "markedDnc", at: T, actor: "nobody" } as never)),
    ).toMatchObject({
      code: "closed",
      actor: "nobody",
    });
  });

  it("advance to an instant before the last change moves nothing, even when a move is due", () => {
    let state = lead();
    for (let n = 0; n < 6; n++) {
      state = unwrap(consultation.transition(state, { type: "followUpLogged", at: T + n, actor: "franchisee" })).state;
    }
    const late = { ...state, updatedAt: new Date(T + 100 * 3_600_000).toISOString() };
    // A clock behind the record is ignored, and the answer says so.
    expect(consultation.advance(late, T + 60 * 3_600_000)).toEqual({
      state: late,
      effects: [],
      ignored: {
        code: "outOfOrder",
        message: "now is before the record's last change",
        event: "",
        status: "followUp",
        actor: "",
        field: "now",
      },
    });
    expect(consultation.advance(late, "yesterday").ignored).toEqual({
      code: "invalidInstant",
      message: "now must be a valid instant",
      event: "",
      status: "followUp",
      actor: "",
      field: "now",
    });
    expect(consultation.advance(null as never, Number.NaN).ignored?.status).toBe("(undefined)");
    expect(consultation.advance(late, T + 100 * 3_600_000).ignored).toBeNull();
    expect(consultation.advance(late, T + 100 * 3_600_000).state.status).toBe("cold");
    expect(consultation.nextDueAt(late)).toBe(late.updatedAt);
    expect(
      consultation.nextDueAt({ ...state, followUp: { ...state.followUp, dueAt: "9999-12-31T23:00:00.000Z" } } as never),
    ).toBeNull();
    expect(consultation.allowedEvents(state, "franchisee", T + 60 * 3_600_000)).not.toContain("followUpLogged");
    expect(consultation.allowedEvents(null as never, "franchisee")).toEqual([]);
  });

  it("label answers anything", () => {
    expect(consultation.label(null as never)).toBe("(undefined)");
    expect(clientHub.label({ status: 7 } as never)).toBe("(number)");
    expect(booking.label(lead() as never)).toBe("new");
  });
});

describe("booking's guards", () => {
  const lead = () => unwrap(booking.initial({ at: T, name: "Tim" }));
  it("initial checks every field, and keeps only a patient's id and name", () => {
    expect(unwrapErr(booking.initial(null as never)).issues).toEqual([{ path: "", message: "expected an object" }]);
    expect(unwrapErr(booking.initial({ at: T, name: 5, owner: 5, division: [], source: {} } as never)).issues).toEqual([
      { path: "name", message: "expected a string" },
      { path: "division", message: "expected a string or null" },
      { path: "source", message: "expected a string or null" },
      { path: "owner", message: "expected a string or null" },
    ]);
    expect(unwrapErr(booking.initial({ at: T, patient: { id: "" } } as never)).issues).toEqual([
      { path: "patient", message: "expected { id, name } (strings) or null" },
    ]);
    expect(unwrapErr(booking.initial({ at: T, name: " " })).issues).toEqual([
      { path: "name", message: "a lead needs a name or a patient" },
    ]);
    expect(unwrapErr(booking.initial({ at: "soon", name: "x".repeat(10_001) })).issues.map((i) => i.path)).toEqual([
      "at",
      "name",
    ]);
    const made = unwrap(booking.initial({ at: T, owner: null, patient: { id: "p1", name: "Tim", extra: 1 } } as never));
    expect(made.patient).toEqual({ id: "p1", name: "Tim" });
    expect(made.name).toBe("Tim");
  });

  it("refuses events whose fields have the wrong type, naming the field", () => {
    const refused = (event: object) => unwrapErr(booking.transition(lead(), { at: T, ...event } as never));
    expect(refused({ type: "commented", actor: "user", text: {} })).toMatchObject({
      code: "invalidEvent",
      field: "text",
      message: "text must be a string (10,000 characters at most)",
    });
    expect(refused({ type: "ownerChanged", actor: "user", owner: 42 })).toMatchObject({
      code: "invalidEvent",
      field: "owner",
      message: "owner must be a string or null",
    });
    expect(booking.transition(lead(), { type: "ownerChanged", at: T, actor: "user", owner: null }).ok).toBe(true);
    const withPatient = unwrap(booking.initial({ at: T, patient: { id: "p1", name: "Tim" } }));
    expect(
      unwrapErr(
        booking.transition(withPatient, {
          type: "appointmentDetected",
          at: T,
          actor: "system",
          appointment: { id: "a1", patientId: "p1", status: "maybe" },
        } as never),
      ),
    ).toMatchObject({
      field: "appointment.status",
      message: "appointment.status must be booked, attended, cancelled, didNotAttend",
    });
    expect(
      unwrapErr(
        booking.transition(withPatient, {
          type: "appointmentUpdated",
          at: T,
          actor: "system",
          appointmentId: "a1",
          status: "gone",
        } as never),
      ),
    ).toMatchObject({ field: "status", message: "status must be booked, attended, cancelled, didNotAttend" });
  });

  it("the helpers answer anything", () => {
    expect(hasActiveAppointment(null as never)).toBe(false);
    expect(hasActiveAppointment({ appointments: [null, { status: "attended" }] } as never)).toBe(true);
    const on = { ...BOOKING_DEFAULTS, createLeadsForNewClients: true };
    expect(leadForNewClient({ at: T, patient: null } as never, [], on)).toBeNull();
    expect(leadForNewClient({ at: T, patient: { id: "p", name: "P" } }, null as never, on)).toBeNull();
    expect(leadForNewClient({ at: T, patient: { id: "p", name: "P" } }, [], null as never)).toBeNull();
    expect(leadForNewClient({ at: T, patient: { id: "p", name: "P" } }, [null] as never, on)).toMatchObject({
      name: "P",
    });
  });
});

describe("reports' guards", () => {
  const lead = () => unwrap(booking.initial({ at: T, name: "Tim", owner: "sam" }));
  const query = { from: T - 1, to: T + 1 };
  it("refuse a leads list holding something that is not a booking lead, naming it", () => {
    expect(unwrapErr(leadFigures(null as never, query)).issues).toEqual([
      { path: "leads", message: "expected an array of booking leads" },
    ]);
    for (const bad of [
      null,
      5,
      { ...lead(), lifecycle: "x" },
      { ...lead(), createdAt: "x" },
      { ...lead(), bookedAt: "x" },
      { ...lead(), appointments: 1 },
    ]) {
      expect(unwrapErr(leadFigures([lead(), bad] as never, query)).issues).toEqual([
        { path: "leads.1", message: "expected a booking lead state" },
      ]);
    }
    expect(leadFigures([{ ...lead(), bookedAt: new Date(T).toISOString() }], query).ok).toBe(true);
    expect(unwrapErr(leadFigures([lead()], { ...query, division: 5 } as never)).issues).toEqual([
      { path: "division", message: "expected a string, null (the top level) or nothing" },
    ]);
    expect(unwrapErr(newLeadsFromLastWeekNotBooked([lead()], null as never)).issues.map((i) => i.path)).toEqual([
      "now",
      "timeZone",
    ]);
    expect(unwrapErr(ownerLeadsNotBookedThisYear([lead()], { now: T, timeZone: "UTC" } as never)).issues).toEqual([
      { path: "owner", message: "expected a string" },
    ]);
  });
});

describe("renderers' guards", () => {
  it("render anything that is not a page as nothing", () => {
    const page = { period: null, label: "", programs: [], junkCalls: 1, missedCalls: 0 };
    expect(renderSheetMarkdown(page)).not.toBe("");
    expect(renderSheetCsv(page)).not.toBe("");
    for (const bad of [
      null,
      { ...page, label: 1 },
      { ...page, programs: null },
      { ...page, junkCalls: -1 },
      { ...page, missedCalls: 1.5 },
      { ...page, programs: [null] },
      { ...page, programs: [{ program: "x" }] },
    ]) {
      expect(renderSheetMarkdown(bad as never)).toBe("");
      expect(renderSheetCsv(bad as never)).toBe("");
    }
  });
});

describe("call-result's guards", () => {
  it("allowedResults of something that is not a record is nothing", () => {
    expect(callRecord.allowedResults(null as never, "reception")).toEqual([]);
  });
});

describe("consultation's field guards", () => {
  const lead = () => unwrap(consultation.initial(T));
  it("refuses notes that are not a string, and a transfer hint that is not a boolean", () => {
    expect(
      unwrapErr(
        consultation.transition(lead(), { type: "followUpLogged", at: T, actor: "franchisee", notes: 123 } as never),
      ),
    ).toMatchObject({
      code: "invalidEvent",
      field: "notes",
      message: "notes must be a string (10,000 characters at most)",
    });
    expect(
      unwrapErr(
        consultation.transition(lead(), {
          type: "markedOutOfArea",
          at: T,
          actor: "franchisee",
          transferableToCareCentre: "yes",
        } as never),
      ),
    ).toMatchObject({
      code: "invalidEvent",
      field: "transferableToCareCentre",
      message: "transferableToCareCentre must be true or false",
    });
    const hint = consultation.transition(lead(), {
      type: "markedOutOfArea",
      at: T,
      actor: "franchisee",
      transferableToCareCentre: true,
    });
    expect(unwrap(hint).state.transferableToCareCentre).toBe(true);
  });
});
