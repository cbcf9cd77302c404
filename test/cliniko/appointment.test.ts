// Cliniko appointments → booking events: test/cliniko/fixtures/individual-appointments.json (Cliniko's
// API docs). The playbook: "the lead will automatically move once The BOS detects the new
// appointment in your PMS"; "linked to a (non-cxc and non-dna) appointment".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bookingEventFromCliniko, readClinikoAppointment } from "../../src/cliniko/index.js";
import { booking } from "../../src/lead-status/index.js";
import { parseBookingEvent } from "../../src/lead-status/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: fixture JSON
const fixture = (): any =>
  JSON.parse(readFileSync(new URL("./fixtures/individual-appointments.json", import.meta.url), "utf8"));
const lead = () => unwrap(booking.initial({ at: "2016-07-01T00:00:00Z", patient: { id: "82", name: "Joe Monahan" } }));

describe("Cliniko appointments", () => {
  it("the documented appointment is detected for the lead of patient 82, and books it", () => {
    const read = unwrap(bookingEventFromCliniko(fixture().booked, lead()));
    expect(read).toEqual({
      id: "cliniko:appointment:1@2016-07-22T15:10:08.000Z/booked",
      event: {
        type: "appointmentDetected",
        at: "2016-07-22T15:10:08.000Z",
        actor: "system",
        appointment: { id: "1", patientId: "82", status: "booked" },
        id: "cliniko:appointment:1@2016-07-22T15:10:08.000Z/booked",
      },
    });
    expect(parseBookingEvent(read.event)).toEqual({ ok: true, value: read.event });
    const step = unwrap(booking.transition(lead(), read.event));
    expect(step.state).toMatchObject({ status: "booked", appointments: [{ id: "1", status: "booked" }] });
  });

  it("the documented cancelled appointment updates the linked one to cancelled", () => {
    const booked = unwrap(
      booking.transition(lead(), unwrap(bookingEventFromCliniko(fixture().booked, lead())).event),
    ).state;
    const read = unwrap(bookingEventFromCliniko(fixture().cancelled, booked));
    expect(read.event).toEqual({
      type: "appointmentUpdated",
      at: "2016-07-22T15:10:08.000Z",
      actor: "system",
      appointmentId: "1",
      status: "cancelled",
      // The status is part of the key: the docs' two versions share their updated_at.
      id: "cliniko:appointment:1@2016-07-22T15:10:08.000Z/cancelled",
    });
    expect(unwrap(booking.transition(booked, read.event)).state.appointments).toEqual([
      { id: "1", status: "cancelled" },
    ]);
  });

  it("reads the status from cancelled_at, deleted_at, did_not_arrive and patient_arrived", () => {
    const status = (extra: object) => unwrap(readClinikoAppointment({ ...fixture().booked, ...extra })).status;
    expect(status({})).toBe("booked");
    expect(status({ did_not_arrive: null, patient_arrived: null })).toBe("booked");
    expect(status({ patient_arrived: true })).toBe("attended");
    expect(status({ did_not_arrive: true })).toBe("didNotAttend");
    expect(status({ deleted_at: "2016-07-22T15:10:08Z" })).toBe("cancelled");
    expect(status({ cancelled_at: "2016-07-22T15:10:08Z", patient_arrived: true })).toBe("cancelled");
    expect(status({ id: "1390726237298631770" })).toBe("booked");
    const { deleted_at, cancelled_at, ...without } = fixture().booked;
    expect(unwrap(readClinikoAppointment(without))).toEqual({
      id: "1",
      patientId: "82",
      status: "booked",
      updatedAt: "2016-07-22T15:10:08.000Z",
      startsAt: "2016-07-21T03:45:00.000Z",
    });
  });

  it("refuses, naming each Cliniko field, what the appointment cannot be", () => {
    const refused = unwrapErr(
      readClinikoAppointment({
        ...fixture().booked,
        id: -1,
        updated_at: "yesterday",
        starts_at: undefined,
        cancelled_at: 5,
        did_not_arrive: "no",
        patient: { links: { self: "https://api.cliniko.com/v1/practitioners/1" } },
      }),
    );
    expect(refused.code).toBe("invalidClinikoAppointment");
    expect(refused.issues.map((i) => [i.code, i.field, i.message])).toEqual([
      ["missingField", "id", "id must be the appointment's id"],
      ["invalidField", "updated_at", "updated_at must be an ISO-8601 date-time"],
      ["missingField", "starts_at", "starts_at must be an ISO-8601 date-time"],
      ["invalidField", "cancelled_at", "cancelled_at must be an ISO-8601 date-time or null"],
      ["invalidField", "did_not_arrive", 'did_not_arrive must be true, false or null, got "no"'],
      ["invalidField", "patient.links.self", "patient.links.self must be the patient's link, ending /patients/<id>"],
    ]);
    expect(unwrapErr(readClinikoAppointment({ ...fixture().booked, patient: null })).issues).toEqual([
      {
        code: "missingField",
        message: "patient.links.self must be the patient's link, ending /patients/<id>",
        field: "patient.links.self",
        value: undefined,
      },
    ]);
    expect(
      unwrapErr(readClinikoAppointment({ ...fixture().booked, did_not_arrive: true, patient_arrived: true })).message,
    ).toBe(
      "Invalid Cliniko appointment: did_not_arrive and patient_arrived are both true: the patient cannot have arrived and not arrived",
    );
    expect(unwrapErr(readClinikoAppointment([])).message).toBe(
      "Invalid Cliniko appointment: appointment must be an object, got an array of 0",
    );
    expect(bookingEventFromCliniko(null, lead()).ok).toBe(false);
  });
});
