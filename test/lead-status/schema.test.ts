import { describe, expect, it } from "vitest";
import { booking } from "../../src/lead-status/booking.js";
import { consultation } from "../../src/lead-status/consultation.js";
import { createBookingLifecycle, createConsultationLifecycle } from "../../src/lead-status/create.js";
import {
  parseBookingEvent,
  parseBookingSettings,
  parseBookingState,
  parseConsultationEvent,
  parseConsultationOptions,
  parseConsultationState,
  parseNewLead,
} from "../../src/lead-status/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";

const paths = (r: { ok: boolean; error?: { issues: readonly { path: string }[] } }): string[] =>
  r.ok ? [] : (r.error?.issues.map((i) => i.path) ?? []);

describe("parsing consultation events", () => {
  it("normalises every accepted instant form to ISO UTC", () => {
    for (const at of ["2026-11-02T10:00:00+01:00", 1_793_610_000_000, new Date(1_793_610_000_000)]) {
      const event = unwrap(parseConsultationEvent({ type: "markedLost", at, actor: "franchisee" }));
      expect(event.at).toBe(new Date(Date.parse("2026-11-02T09:00:00Z")).toISOString());
    }
    const withDue = unwrap(
      parseConsultationEvent({
        type: "followUpLogged",
        at: 0,
        actor: "careCentre",
        notes: "n",
        dueAt: "1970-01-03T00:00:00Z",
      }),
    );
    expect(withDue).toEqual({
      type: "followUpLogged",
      at: "1970-01-01T00:00:00.000Z",
      actor: "careCentre",
      notes: "n",
      dueAt: "1970-01-03T00:00:00.000Z",
    });
  });

  it("lists every issue with its field", () => {
    const error = unwrapErr(
      parseConsultationEvent({ type: "followUpLogged", at: "2026-02-30T00:00:00Z", actor: "boss", notes: 3 }),
    );
    expect(error.code).toBe("invalidInput");
    expect(error.issues.map((i) => i.path).sort()).toEqual(["actor", "at", "notes"]);
    expect(error.message).toMatch(/^Invalid consultation event: /);
    expect(error.message).toContain("at: expected an instant");
  });

  it("names the type field for an unknown or missing event type, and unknown fields", () => {
    const unknown = unwrapErr(parseConsultationEvent({ type: "teleported", at: 0, actor: "system" })).issues;
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.path).toBe("type");
    expect(unknown[0]?.message).toMatch(/^"teleported" is not one of consultationBooked, .*enrolmentCompleted$/);
    expect(unwrapErr(parseConsultationEvent({ at: 0, actor: "system" })).issues).toEqual([
      { path: "type", message: "is required" },
    ]);
    expect(
      unwrapErr(parseConsultationEvent({ type: "markedLost", at: 0, actor: "system", colour: "red" })).issues,
    ).toEqual([{ path: "colour", message: "is not a known field" }]);
    expect(unwrapErr(parseConsultationEvent({ type: "markedLost", at: true, actor: "boss" })).issues).toEqual([
      {
        path: "at",
        message: "expected an instant: a Date, an ISO-8601 date-time with Z or an offset, or epoch milliseconds",
      },
      { path: "actor", message: 'expected "system" or "franchisee" or "careCentre", got "boss"' },
    ]);
    expect(
      unwrapErr(parseConsultationEvent({ type: "followUpLogged", at: 0, actor: "system", notes: 4 })).issues,
    ).toEqual([{ path: "notes", message: "expected string, got number" }]);
    expect(paths(parseConsultationEvent({ type: "markedLost", actor: "system" }))).toEqual(["at"]);
    expect(unwrapErr(parseConsultationEvent({ type: "markedLost", actor: "system" })).issues[0]?.message).toBe(
      "is required",
    );
  });

  it("never throws on anything", () => {
    for (const input of [null, undefined, 1, "x", [], {}, { type: null }, Object.create(null)]) {
      expect(parseConsultationEvent(input).ok).toBe(false);
    }
  });
});

describe("parsing stored consultation states", () => {
  const stored = () => unwrap(consultation.initial("2026-11-02T09:00:00Z"));

  it("reads back what was stored", () => {
    expect(unwrap(parseConsultationState(JSON.parse(JSON.stringify(stored()))))).toEqual(stored());
  });

  it("gives an older record a clear error, not a crash", () => {
    const error = unwrapErr(parseConsultationState({ ...stored(), schemaVersion: 0 }));
    expect(error.issues).toEqual([
      { path: "schemaVersion", message: "unsupported schemaVersion: this version of leadrules reads version 1" },
    ]);
  });

  it("names corrupt fields, including follow-up data that does not match the status", () => {
    expect(paths(parseConsultationState({ ...stored(), status: "archived" }))).toEqual(["status"]);
    expect(paths(parseConsultationState({ ...stored(), updatedAt: "yesterday" }))).toEqual(["updatedAt"]);
    expect(paths(parseConsultationState({ ...stored(), status: "followUp" }))).toEqual(["followUp"]);
    expect(paths(parseConsultationState({ ...stored(), status: "outOfArea" }))).toEqual(["transferableToCareCentre"]);
    expect(
      unwrapErr(
        parseConsultationState({
          ...stored(),
          status: "followUp",
          followUp: { number: 0, loggedAt: stored().updatedAt, dueAt: stored().updatedAt, notes: "" },
        }),
      ).issues,
    ).toEqual([{ path: "followUp.number", message: "must be at least 1" }]);
    expect(unwrapErr(parseConsultationState("{}")).issues).toEqual([
      { path: "", message: "expected object, got string" },
    ]);
    expect(unwrapErr(parseConsultationState({ ...stored(), name: "x" })).issues).toEqual([
      { path: "name", message: "is not a known field" },
    ]);
  });
});

describe("consultation options", () => {
  it("default to the playbook's numbers", () => {
    expect(unwrap(parseConsultationOptions(undefined))).toEqual({
      followUpLimit: 6,
      followUpDueAfterHours: 48,
      coldAfterHours: 2,
      labels: {},
      outOfAreaTransferable: false,
      closedAccepts: {},
    });
  });

  it("refuse a negative delay, a limit below 1, an unknown status or event, naming each field", () => {
    const error = unwrapErr(
      createConsultationLifecycle({
        followUpLimit: 0,
        coldAfterHours: -2,
        followUpDueAfterHours: Number.NaN,
        labels: { archived: "x" },
        closedAccepts: { lost: ["teleported"], new: [] },
      }),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(
      [
        "closedAccepts.lost.0",
        "closedAccepts.new",
        "coldAfterHours",
        "followUpDueAfterHours",
        "followUpLimit",
        "labels.archived",
      ].sort(),
    );
  });

  it("build a tuned lifecycle when valid", () => {
    const tuned = unwrap(createConsultationLifecycle({ followUpLimit: 3, labels: { cold: "Cold" } }));
    expect(tuned.options.followUpLimit).toBe(3);
    expect(tuned.options.followUpDueAfterHours).toBe(48);
    expect(tuned.statuses.cold.label).toBe("Cold");
  });
});

describe("booking boundaries", () => {
  it("parse every booking event", () => {
    const events = [
      { type: "patientChosen", at: 0, actor: "user", patient: { id: "p", name: "P" } },
      { type: "patientCreated", at: 0, actor: "user", patient: { id: "p", name: "P" } },
      { type: "markedBooked", at: 0, actor: "user" },
      { type: "appointmentDetected", at: 0, actor: "system", appointment: { id: "a", patientId: "p" } },
      { type: "appointmentUpdated", at: 0, actor: "system", appointmentId: "a", status: "didNotAttend" },
      { type: "markedLost", at: 0, actor: "user" },
      { type: "commented", at: 0, actor: "user", text: "t", callBackAt: 1 },
      { type: "ownerChanged", at: 0, actor: "user", owner: null },
    ];
    for (const event of events) expect(parseBookingEvent(event).ok).toBe(true);
    expect(
      paths(
        parseBookingEvent({
          type: "appointmentDetected",
          at: 0,
          actor: "system",
          appointment: { id: "", patientId: "p" },
        }),
      ),
    ).toEqual(["appointment.id"]);
    expect(unwrapErr(parseBookingEvent({ type: "markedBooked", at: 0, actor: "user", extra: 1 })).issues[0]?.path).toBe(
      "extra",
    );
    expect(
      unwrapErr(
        parseBookingEvent({
          type: "appointmentDetected",
          at: 0,
          actor: "system",
          appointment: { id: "", patientId: "p" },
        }),
      ).issues[0]?.message,
    ).toBe("must not be empty");
  });

  it("parse new leads and stored states, naming bad fields", () => {
    expect(unwrap(parseNewLead({ at: "2026-11-02T09:00:00Z", name: "Tim" })).at).toBe("2026-11-02T09:00:00.000Z");
    expect(paths(parseNewLead({ at: 0, division: 3 }))).toEqual(["division"]);
    const stored = unwrap(booking.initial({ at: 0, name: "x" }));
    expect(unwrap(parseBookingState(JSON.parse(JSON.stringify(stored))))).toEqual(stored);
    expect(
      paths(parseBookingState({ ...stored, status: "won", appointments: [{ id: "a", status: "maybe" }] })).sort(),
    ).toEqual(["appointments.0.status", "status"]);
    expect(unwrapErr(parseBookingState({ ...stored, schemaVersion: 2 })).message).toContain(
      "unsupported schemaVersion",
    );
  });

  it("parse settings, defaulting each to off", () => {
    expect(unwrap(parseBookingSettings({ eagerPatientShipping: true }))).toEqual({
      createLeadsForNewClients: false,
      eagerPatientShipping: true,
      lockOwnerWhenAssociated: false,
    });
    expect(paths(createBookingLifecycle({ lockOwnerWhenAssociated: "yes" }))).toEqual(["lockOwnerWhenAssociated"]);
    expect(unwrap(createBookingLifecycle(undefined)).settings.lockOwnerWhenAssociated).toBe(false);
  });
});
