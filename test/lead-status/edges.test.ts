// The lead-status module's edges, value by value: every refusal and issue message, lifecycles
// built at test time (so their tables are judged by what they draw and do), the reports' bounds.
import { describe, expect, it } from "vitest";
import { stateDiagram } from "../../src/core/diagram.js";
import {
  BOOKING_DEFAULTS,
  type BookingEvent,
  type BookingState,
  booking,
  buildBooking,
  leadForNewClient,
} from "../../src/lead-status/booking.js";
import {
  buildConsultation,
  CONSULTATION_ACTORS,
  CONSULTATION_DEFAULTS,
  consultation,
} from "../../src/lead-status/consultation.js";
import { createConsultationLifecycle } from "../../src/lead-status/create.js";
import {
  bookedLastMonthThenCancelled,
  leadFigures,
  newLeadsFromLastWeekNotBooked,
  ownerLeadsNotBookedThisYear,
} from "../../src/lead-status/reports.js";
import {
  parseBookingSettings,
  parseBookingState,
  parseConsultationEvent,
  parseConsultationOptions,
  parseConsultationState,
  parseNewLead,
} from "../../src/lead-status/schema.js";
import { issuesOf, unwrap } from "../helpers.js";
import { CONSULTATION_EVENT_TYPES } from "./arbitraries.js";

const T0 = Date.parse("2026-11-02T09:00:00.000Z");
const HOUR = 3_600_000;
const tim = { id: "p1", name: "Tim" };
const issues = issuesOf;
const refusal = (r: { ok: boolean; error?: unknown }) => (r.ok ? undefined : r.error);

describe("lifecycles built at run time draw and behave as the presets", () => {
  it("consultation", () => {
    const built = buildConsultation(CONSULTATION_DEFAULTS);
    expect(stateDiagram(built.definition)).toBe(stateDiagram(consultation.definition));
    expect(built.definition.name).toBe("consultation");
    const unknown = built.transition({ status: "nope", updatedAt: new Date(T0).toISOString() } as never, {
      type: "markedDnc",
      at: T0,
      actor: "franchisee",
    });
    expect(refusal(unknown)).toMatchObject({ message: '"nope" is not a status of the consultation lifecycle' });
    // Every event type of the table is allowed from New for the franchisee or the system.
    const lead = unwrap(built.initial(T0));
    expect([...built.allowedEvents(lead, "franchisee"), ...built.allowedEvents(lead, "system")].sort()).toEqual(
      [...consultation.allowedEvents(lead, "franchisee"), ...consultation.allowedEvents(lead, "system")].sort(),
    );
    for (const [type, to] of [
      ["consultationBooked", "consultationBooked"],
      ["followUpLogged", "followUp"],
      ["followUpScheduleMoved", "moveScheduleFollowUp"],
      ["cancelledAndDnc", "consultationCancelledDnc"],
      ["markedUnserviceable", "unserviceable"],
      ["markedOutOfArea", "outOfArea"],
      ["markedDnc", "dnc"],
      ["markedCold", "cold"],
      ["markedLost", "lost"],
      ["enrolmentCompleted", "sold"],
    ] as const) {
      const from =
        type === "markedCold"
          ? unwrap(built.transition(lead, { type: "followUpLogged", at: T0, actor: "franchisee" })).state
          : lead;
      const actor = CONSULTATION_ACTORS.find((a) => built.allowedEvents(from, a).includes(type));
      const step = built.transition(from, { type, at: T0 + 1, actor } as never);
      expect(step.ok ? step.value.state.status : step.error.message, type).toBe(to);
    }
    const booked = unwrap(built.transition(lead, { type: "consultationBooked", at: T0, actor: "system" })).state;
    expect(
      unwrap(built.transition(booked, { type: "consultationRescheduled", at: T0, actor: "system" })).state.status,
    ).toBe("consultationRescheduled");
    expect(
      unwrap(built.transition(booked, { type: "consultationCancelled", at: T0, actor: "system" })).state.status,
    ).toBe("consultationCancelled");
  });

  it("booking", () => {
    const built = buildBooking(BOOKING_DEFAULTS);
    expect(stateDiagram(built.definition)).toBe(stateDiagram(booking.definition));
    expect(built.definition.name).toBe("booking");
    const lead = unwrap(built.initial({ at: T0, name: "Tim" }));
    expect(unwrap(built.transition(lead, { type: "markedBooked", at: T0, actor: "user" })).state.status).toBe("booked");
    expect(unwrap(built.transition(lead, { type: "markedLost", at: T0, actor: "user" })).state.status).toBe("lost");
    expect(built.allowedEvents(lead, "system")).toContain("appointmentDetected");
    expect(built.allowedEvents(lead, "user")).not.toContain("appointmentDetected");
  });
});

describe("consultation refusals", () => {
  const lead = () => unwrap(consultation.initial(T0));
  const follow = (extra: object) =>
    consultation.transition(lead(), { type: "followUpLogged", at: T0, actor: "franchisee", ...extra } as never);
  it("a follow-up's due time must be an instant, not before the follow-up", () => {
    expect(refusal(follow({ dueAt: "soon" }))).toMatchObject({
      code: "invalidDueAt",
      message: "dueAt must be a valid instant",
      field: "dueAt",
    });
    expect(refusal(follow({ dueAt: T0 - 1 }))).toMatchObject({
      code: "invalidDueAt",
      message: "dueAt must not be before the follow-up was logged",
      field: "dueAt",
    });
    expect(unwrap(follow({ dueAt: T0 })).state).toMatchObject({
      followUp: { dueAt: new Date(T0).toISOString(), notes: "" },
    });
  });
  it("out of area says what transferable must be", () => {
    const r = consultation.transition(lead(), {
      type: "markedOutOfArea",
      at: T0,
      actor: "franchisee",
      transferableToCareCentre: "yes",
    } as never);
    expect(refusal(r)).toMatchObject({
      message: "transferableToCareCentre must be true or false",
      field: "transferableToCareCentre",
    });
  });
  it("an invalid instant to initial says so in full", () => {
    expect(consultation.initial("soon")).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid consultation lead: at: expected a valid instant",
        issues: [{ path: "at", message: "expected a valid instant" }],
      },
    });
  });
  it("goes cold only after the last follow-up's due time plus the delay", () => {
    let state = lead();
    for (let n = 0; n < 5; n++)
      state = unwrap(consultation.transition(state, { type: "followUpLogged", at: T0 + n, actor: "franchisee" })).state;
    // Five follow-ups: no cold move is armed.
    expect(consultation.nextDueAt(state)).toBeNull();
    state = unwrap(consultation.transition(state, { type: "followUpLogged", at: T0 + 5, actor: "franchisee" })).state;
    expect(consultation.nextDueAt(state)).not.toBeNull();
  });
});

describe("booking refusals and issues", () => {
  const lead = () => unwrap(booking.initial({ at: T0, name: "Tim" }));
  const withPatient = () =>
    unwrap(booking.transition(lead(), { type: "patientCreated", at: T0, actor: "user", patient: tim })).state;
  const send = (state: BookingState, event: object) =>
    booking.transition(state, { at: T0 + HOUR, ...event } as BookingEvent);
  it("appointments: the status, the patient, the lead's own patient", () => {
    expect(
      refusal(
        send(withPatient(), {
          type: "appointmentDetected",
          actor: "system",
          appointment: { id: "a", patientId: "p1", status: "gone" },
        }),
      ),
    ).toMatchObject({
      field: "appointment.status",
    });
    expect(
      refusal(
        send(lead(), { type: "appointmentDetected", actor: "system", appointment: { id: "a", patientId: "p1" } }),
      ),
    ).toEqual({
      code: "noPatient",
      message: "the lead has no patient, so no appointment can be matched to it",
      event: "appointmentDetected",
      status: "lead",
      actor: "system",
      field: "appointment.patientId",
    });
    expect(
      refusal(
        send(withPatient(), {
          type: "appointmentDetected",
          actor: "system",
          appointment: { id: "a", patientId: "p2" },
        }),
      ),
    ).toMatchObject({
      code: "otherPatient",
      message: "the appointment is for patient p2, not the lead's patient p1",
      field: "appointment.patientId",
    });
    const booked = unwrap(
      send(withPatient(), { type: "appointmentDetected", actor: "system", appointment: { id: "a", patientId: "p1" } }),
    ).state;
    expect(booked.appointments).toEqual([{ id: "a", status: "booked" }]);
    const again = unwrap(
      booking.transition(booked, {
        type: "appointmentDetected",
        at: T0 + 2 * HOUR,
        actor: "system",
        appointment: { id: "a", patientId: "p1", status: "attended" },
      }),
    ).state;
    expect(again.appointments).toEqual([{ id: "a", status: "attended" }]);
    const second = unwrap(
      booking.transition(again, {
        type: "appointmentDetected",
        at: T0 + 3 * HOUR,
        actor: "system",
        appointment: { id: "b", patientId: "p1" },
      }),
    ).state;
    expect(second.appointments).toEqual([
      { id: "a", status: "attended" },
      { id: "b", status: "booked" },
    ]);
    expect(
      refusal(
        booking.transition(second, {
          type: "appointmentUpdated",
          at: T0 + 4 * HOUR,
          actor: "system",
          appointmentId: "c",
          status: "cancelled",
        }),
      ),
    ).toMatchObject({
      code: "unknownAppointment",
      message: "appointment c is not linked to this lead",
      field: "appointmentId",
    });
    const updated = unwrap(
      booking.transition(second, {
        type: "appointmentUpdated",
        at: T0 + 4 * HOUR,
        actor: "system",
        appointmentId: "b",
        status: "cancelled",
      }),
    ).state;
    expect(updated.appointments).toEqual([
      { id: "a", status: "attended" },
      { id: "b", status: "cancelled" },
    ]);
  });
  it("comments: a call back must be an instant, not before the comment", () => {
    expect(refusal(send(lead(), { type: "commented", actor: "user", text: "t", callBackAt: "soon" }))).toMatchObject({
      code: "invalidCallBackAt",
      message: "callBackAt must be a valid instant",
      field: "callBackAt",
    });
    expect(
      refusal(send(lead(), { type: "commented", actor: "user", text: "t", callBackAt: T0 + HOUR - 1 })),
    ).toMatchObject({
      code: "invalidCallBackAt",
      message: "callBackAt must not be before the comment",
    });
    expect(send(lead(), { type: "commented", actor: "user", text: "t", callBackAt: T0 + HOUR }).ok).toBe(true);
  });
  it("the owner lock says why", () => {
    const locking = buildBooking({ ...BOOKING_DEFAULTS, lockOwnerWhenAssociated: true });
    const booked = unwrap(
      locking.transition(withPatient(), {
        type: "appointmentDetected",
        at: T0 + HOUR,
        actor: "system",
        appointment: { id: "a", patientId: "p1" },
      }),
    ).state;
    expect(
      refusal(locking.transition(booked, { type: "ownerChanged", at: T0 + 2 * HOUR, actor: "user", owner: "sam" })),
    ).toMatchObject({
      code: "ownerLocked",
      message: "the owner is locked: the lead is linked to an appointment that is neither cancelled nor did-not-attend",
      field: "owner",
    });
  });
  it("initial: every issue, by field", () => {
    expect(booking.initial(null as never)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid new lead: expected an object",
        issues: [{ path: "", message: "expected an object" }],
      },
    });
    expect(
      issues(booking.initial({ at: "soon", name: 5, division: 5, source: 5, owner: 5, patient: { id: 1 } } as never)),
    ).toEqual([
      ["at", "expected a valid instant"],
      ["name", "expected a string"],
      ["division", "expected a string or null"],
      ["source", "expected a string or null"],
      ["owner", "expected a string or null"],
      ["patient", "expected { id, name } (strings) or null"],
    ]);
    expect(issues(booking.initial({ at: T0, name: "" }))).toEqual([["name", "a lead needs a name or a patient"]]);
    expect(unwrap(booking.initial({ at: T0, name: "", patient: tim })).name).toBe("Tim");
    expect(unwrap(booking.initial({ at: T0, patient: tim })).name).toBe("Tim");
    expect(unwrap(booking.initial({ at: T0, name: "Tim - massage", patient: tim })).name).toBe("Tim - massage");
    expect(unwrap(booking.initial({ at: T0, name: "Solo" })).name).toBe("Solo");
  });
  it("a new client's lead: only with a patient, a list of leads, and no lead for that patient yet", () => {
    const on = { ...BOOKING_DEFAULTS, createLeadsForNewClients: true };
    expect(leadForNewClient({ at: T0, patient: tim }, [withPatient()], on)).toBeNull();
    expect(leadForNewClient({ at: T0, patient: tim }, [lead(), null as never], on)).toEqual({
      at: T0,
      name: "Tim",
      patient: tim,
      division: null,
    });
    expect(leadForNewClient(null as never, [], on)).toBeNull();
    expect(leadForNewClient({ at: T0, patient: tim }, null as never, on)).toBeNull();
  });
});

describe("reports' bounds and messages", () => {
  const made = (at: number, extra: object = {}) =>
    unwrap(booking.initial({ at, name: "L", owner: "sam", division: "North", ...extra }));
  const book = (state: BookingState, at: number) =>
    unwrap(booking.transition(state, { type: "markedBooked", at, actor: "user" })).state;
  it("lead figures: the query's issues, the period's ends", () => {
    expect(issues(leadFigures([], { from: "x", to: "y" }))).toEqual([
      ["from", "expected a valid instant"],
      ["to", "expected a valid instant"],
    ]);
    expect(issues(leadFigures([], { from: 10, to: 5 }))).toEqual([["to", "must not be before from"]]);
    expect(leadFigures([], { from: 5, to: 5 }).ok).toBe(true);
    expect(issues(leadFigures(null as never, null as never))[0]).toEqual([
      "leads",
      "expected an array of booking leads",
    ]);
    expect(issues(leadFigures([made(T0), { lifecycle: "x" }] as never, { from: 0, to: 1 }))).toEqual([
      ["leads.1", "expected a booking lead state"],
    ]);
    expect(issues(leadFigures([null] as never, { from: 0, to: 1 }))).toEqual([
      ["leads.0", "expected a booking lead state"],
    ]);
    const r = leadFigures([], { from: 0, to: 1, division: 5 } as never);
    expect(r.ok ? "" : r.error.message).toMatch(/^Invalid lead figures query: division/);
    const rows = unwrap(
      leadFigures([made(T0), made(T0, { division: null }), made(T0, { division: "East" })], {
        from: T0 - 1,
        to: T0 + 1,
      }),
    );
    expect(rows.byDivision.map((row) => row.division)).toEqual([null, "East", "North"]);
  });
  it("follow-up lists: the query's issues by field", () => {
    expect(issues(newLeadsFromLastWeekNotBooked([], { now: "x", timeZone: "Mars/Olympus" }))).toEqual([
      ["now", "expected a valid instant"],
      ["timeZone", "expected an IANA time-zone name"],
    ]);
    const r = ownerLeadsNotBookedThisYear([], { now: T0, timeZone: "UTC", owner: 5 } as never);
    expect(r.ok ? "" : r.error.message).toBe("Invalid follow-up list query: owner: expected a string");
    const c = bookedLastMonthThenCancelled([], { now: "x", timeZone: "UTC" });
    expect(c.ok ? "" : c.error.message).toBe("Invalid follow-up list query: now: expected a valid instant");
  });
  it("booked then cancelled: booked up to now included; every appointment cancelled", () => {
    const withTim = unwrap(
      booking.transition(made(T0 - 10 * 24 * HOUR), {
        type: "patientCreated",
        at: T0 - 10 * 24 * HOUR,
        actor: "user",
        patient: tim,
      }),
    ).state;
    const booked = unwrap(
      booking.transition(withTim, {
        type: "appointmentDetected",
        at: T0,
        actor: "system",
        appointment: { id: "a", patientId: "p1" },
      }),
    ).state;
    const two = unwrap(
      booking.transition(booked, {
        type: "appointmentDetected",
        at: T0,
        actor: "system",
        appointment: { id: "b", patientId: "p1", status: "cancelled" },
      }),
    ).state;
    const cancelled = unwrap(
      booking.transition(two, {
        type: "appointmentUpdated",
        at: T0,
        actor: "system",
        appointmentId: "a",
        status: "cancelled",
      }),
    ).state;
    expect(unwrap(bookedLastMonthThenCancelled([cancelled], { now: T0, timeZone: "UTC" }))).toEqual([cancelled]);
    expect(unwrap(bookedLastMonthThenCancelled([two], { now: T0, timeZone: "UTC" }))).toEqual([]);
    expect(unwrap(bookedLastMonthThenCancelled([cancelled], { now: T0 - 1, timeZone: "UTC" }))).toEqual([]);
    expect(unwrap(bookedLastMonthThenCancelled([book(made(T0), T0)], { now: T0, timeZone: "UTC" }))).toEqual([]);
  });
  it("new leads from last week: the week's start included, its end not", () => {
    const monday = Date.parse("2026-11-16T00:00:00Z");
    const now = Date.parse("2026-11-25T12:00:00Z");
    const leads = [made(monday - 1), made(monday), made(monday + 7 * 24 * HOUR - 1), made(monday + 7 * 24 * HOUR)];
    expect(unwrap(newLeadsFromLastWeekNotBooked(leads, { now, timeZone: "UTC" }))).toEqual([leads[1], leads[2]]);
  });
  it("owner's leads not booked this year: booked on 1 January counts as booked this year", () => {
    const jan1 = Date.parse("2026-01-01T00:00:00Z");
    const before = book(made(jan1 - 2), jan1 - 1);
    const on = book(made(jan1 - 2), jan1);
    expect(unwrap(ownerLeadsNotBookedThisYear([before, on], { owner: "sam", now: T0, timeZone: "UTC" }))).toEqual([
      before,
    ]);
  });
});

describe("parsers' messages", () => {
  it("states, events and options", () => {
    const lead = unwrap(consultation.initial(T0));
    expect(issues(parseConsultationState({ ...lead, schemaVersion: 2 }))).toEqual([
      ["schemaVersion", "unsupported schemaVersion: this version of leadrules reads version 1"],
    ]);
    expect(
      issues(
        parseConsultationState({
          ...lead,
          followUp: { number: 1, loggedAt: lead.updatedAt, dueAt: lead.updatedAt, notes: "" },
        }),
      ),
    ).toEqual([
      [
        "followUp",
        "must be present when status is followUp, and null unless status is followUp or moveScheduleFollowUp",
      ],
    ]);
    expect(issues(parseConsultationState({ ...lead, transferableToCareCentre: true }))).toEqual([
      ["transferableToCareCentre", "must be a boolean exactly when status is outOfArea"],
    ]);
    const booking0 = unwrap(booking.initial({ at: T0, name: "Tim" }));
    expect(issues(parseBookingState({ ...booking0, schemaVersion: 3 }))).toEqual([
      ["schemaVersion", "unsupported schemaVersion: this version of leadrules reads version 1"],
    ]);
    expect(issues(parseConsultationOptions({ coldAfterHours: 24 * 366 + 1 }))).toEqual([
      ["coldAfterHours", "must be at most 8784"],
    ]);
    expect(parseConsultationOptions({ coldAfterHours: 24 * 366 }).ok).toBe(true);
    const o = parseConsultationOptions(5);
    expect(o.ok ? "" : o.error.message).toMatch(/^Invalid consultation options: /);
    const s = parseBookingSettings(5);
    expect(s.ok ? "" : s.error.message).toMatch(/^Invalid booking settings: /);
    expect(parseBookingSettings(undefined).ok).toBe(true);
    expect(parseConsultationOptions(undefined).ok).toBe(true);
    expect(issues(parseNewLead({ at: T0, name: "x", extra: 1 }))).toEqual([["extra", "is not a known field"]]);
    expect(issues(parseBookingSettings({ extra: 1 }))).toEqual([["extra", "is not a known field"]]);
    expect(issues(parseConsultationOptions({ extra: 1 }))).toEqual([["extra", "is not a known field"]]);
    // Every event type but followUpLogged (which only a franchisee logs) parses from the system.
    for (const type of CONSULTATION_EVENT_TYPES.filter((t) => t !== "followUpLogged")) {
      expect(parseConsultationEvent({ type, at: T0, actor: "system" }).ok, type).toBe(true);
    }
    expect(parseConsultationEvent({ type: "followUpLogged", at: T0, actor: "franchisee" }).ok).toBe(true);
    expect(createConsultationLifecycle({ followUpLimit: 2 }).ok).toBe(true);
  });
});
