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
const lead = () => unwrap(booking.initial({ at: "2016-06-20T00:00:00Z", patient: { id: "82", name: "Joe Monahan" } }));

describe("Cliniko appointments", () => {
  it("the documented appointment is detected for the lead of patient 82, and books it", () => {
    const read = unwrap(bookingEventFromCliniko(fixture().booked, lead()));
    // Booked when it was created (created_at), not at its last edit (updated_at).
    expect(read).toEqual({
      id: "cliniko:appointment:1/booked@2016-06-28T21:33:26.000Z",
      event: {
        type: "appointmentDetected",
        at: "2016-06-28T21:33:26.000Z",
        actor: "system",
        appointment: { id: "1", patientId: "82", status: "booked" },
        id: "cliniko:appointment:1/booked@2016-06-28T21:33:26.000Z",
      },
    });
    expect(parseBookingEvent(read.event)).toEqual({ ok: true, value: read.event });
    const step = unwrap(booking.transition(lead(), read.event));
    expect(step.state).toMatchObject({
      status: "booked",
      bookedAt: "2016-06-28T21:33:26.000Z",
      appointments: [{ id: "1", status: "booked" }],
    });
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
      // Cancelled at cancelled_at; the status is part of the key.
      id: "cliniko:appointment:1/cancelled@2016-07-22T15:10:08.000Z",
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
      createdAt: "2016-06-28T21:33:26.000Z",
      statusAt: "2016-06-28T21:33:26.000Z",
    });
  });

  it("refuses, naming each Cliniko field, what the appointment cannot be", () => {
    const refused = unwrapErr(
      readClinikoAppointment({
        ...fixture().booked,
        id: -1,
        created_at: undefined,
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
      ["missingField", "created_at", "created_at must be an ISO-8601 date-time"],
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
    // Both flags of the contradiction are named (issue 28: only did_not_arrive was).
    expect(
      unwrapErr(
        readClinikoAppointment({ ...fixture().booked, did_not_arrive: true, patient_arrived: true }),
      ).issues.map((i) => [i.code, i.field, i.message]),
    ).toEqual([
      ["contradiction", "did_not_arrive", "did_not_arrive is true but patient_arrived is true too"],
      ["contradiction", "patient_arrived", "patient_arrived is true but did_not_arrive is true too"],
    ]);
    expect(unwrapErr(readClinikoAppointment([])).message).toBe(
      "Invalid Cliniko appointment: appointment must be an object, got an array of 0",
    );
    expect(bookingEventFromCliniko(null, lead()).ok).toBe(false);
  });

  it("archived_at: an archived appointment is cancelled, at the instant it left the diary", () => {
    const current = fixture().current;
    expect(unwrap(readClinikoAppointment(current)).status).toBe("booked");
    const archived = unwrap(readClinikoAppointment({ ...current, archived_at: "2024-04-03T08:00:00Z" }));
    expect([archived.status, archived.statusAt]).toEqual(["cancelled", "2024-04-03T08:00:00.000Z"]);
    // Cancelled first, archived later: cancelled at the cancellation.
    const both = unwrap(
      readClinikoAppointment({ ...current, cancelled_at: "2024-04-02T21:00:00Z", archived_at: "2024-04-03T08:00:00Z" }),
    );
    expect(both.statusAt).toBe("2024-04-02T21:00:00.000Z");
    expect(unwrapErr(readClinikoAppointment({ ...current, archived_at: "soon" })).issues[0]?.field).toBe("archived_at");
  });

  it("a reminder or an edit that bumps updated_at changes neither the event nor bookedAt", () => {
    const lead = unwrap(
      booking.initial({ at: "2024-03-01T00:00:00Z", patient: { id: "1390710863102485699", name: "Test 1" } }),
    );
    const current = fixture().current;
    const first = unwrap(bookingEventFromCliniko(current, lead));
    const booked = unwrap(booking.transition(lead, first.event)).state;
    expect(booked.bookedAt).toBe("2024-04-02T20:04:46.000Z");
    // The SMS reminder goes out the next morning: Cliniko bumps updated_at.
    const reminded = { ...current, sms_reminder_sent: true, updated_at: "2024-04-03T07:00:00Z" };
    const again = unwrap(bookingEventFromCliniko(reminded, booked));
    expect(again.id).toBe(first.id);
    const step = unwrap(booking.transition(booked, again.event));
    expect(step.duplicate).toBe(true);
    expect(step.state.bookedAt).toBe("2024-04-02T20:04:46.000Z");
  });
});
