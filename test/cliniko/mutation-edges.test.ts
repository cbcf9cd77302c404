// Cliniko appointments at their edges: what is not an appointment, ids in both of Cliniko's
// spellings, the instant each status is dated by, and leads that hold other appointments. The
// README's contract: "Bad input gets a clear error value: code + message naming the field, never a
// crash"; docs/contract.md 4: every JSON value gets a documented answer, not the guard's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookingEventFromCliniko, readClinikoAppointment } from "../../src/cliniko/index.js";
import { guardCatches, UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import { booking } from "../../src/lead-status/index.js";
import { unwrap, unwrapErr } from "../helpers.js";

// The documented appointment (Cliniko's API docs, as in fixtures/individual-appointments.json).
const appointment = (extra: object = {}): Record<string, unknown> => ({
  id: 1,
  created_at: "2016-06-28T21:33:26Z",
  updated_at: "2016-07-22T15:10:08Z",
  starts_at: "2016-07-21T03:45:00Z",
  cancelled_at: null,
  deleted_at: null,
  did_not_arrive: false,
  patient_arrived: false,
  patient: { links: { self: "https://api.cliniko.com/v1/patients/82" } },
  ...extra,
});
const lead = () => unwrap(booking.initial({ at: "2016-06-20T00:00:00Z", patient: { id: "82", name: "Joe Monahan" } }));
const throwing = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("revoked");
      },
    },
  );

describe("Cliniko appointments: what is not one", () => {
  it("a payload that is not an object is refused as a whole, naming `appointment`, by both functions", () => {
    const cases: [unknown, string][] = [
      [null, "null"],
      [42, "42"],
      ["1", '"1"'],
      [true, "true"],
      [[], "an array of 0"],
    ];
    for (const [value, described] of cases) {
      const message = `appointment must be an object, got ${described}`;
      const expected = {
        code: "invalidClinikoAppointment",
        message: `Invalid Cliniko appointment: ${message}`,
        issues: [{ code: "invalidField", message, field: "appointment", value }],
      };
      expect(unwrapErr(readClinikoAppointment(value))).toEqual(expected);
      // The event reader answers with the reader's error, not a guess and not the guard's.
      expect(unwrapErr(bookingEventFromCliniko(value, lead()))).toEqual(expected);
    }
  });

  it("the event reader refuses a bad appointment with the same issues the reader names", () => {
    const bad = appointment({ starts_at: "tomorrow", patient: null });
    expect(bookingEventFromCliniko(bad, lead())).toEqual(readClinikoAppointment(bad));
    expect(unwrapErr(bookingEventFromCliniko(bad, lead())).issues.map((i) => i.field)).toEqual([
      "starts_at",
      "patient.links.self",
    ]);
  });

  it("an appointment that throws when read (a Proxy, a getter) gets the documented unreadable error", () => {
    const unreadable = {
      code: "invalidClinikoAppointment",
      message: `Invalid Cliniko appointment: ${UNREADABLE_MESSAGE}`,
      issues: [{ code: "unreadable", message: UNREADABLE_MESSAGE, field: "", value: undefined }],
    };
    const getter = Object.defineProperty(appointment(), "updated_at", {
      get() {
        throw new Error("getter");
      },
    });
    expect(unwrapErr(readClinikoAppointment(throwing()))).toEqual(unreadable);
    expect(unwrapErr(readClinikoAppointment(getter))).toEqual(unreadable);
    expect(unwrapErr(bookingEventFromCliniko(throwing(), lead()))).toEqual(unreadable);
    // A lead that throws when read: the appointment was fine, the answer is the same error value.
    expect(unwrapErr(bookingEventFromCliniko(appointment(), throwing() as never))).toEqual(unreadable);
  });

  it("the patient link must be the link's text: an array or a number holding it is refused", () => {
    for (const self of [["https://api.cliniko.com/v1/patients/82"], 82]) {
      expect(unwrapErr(readClinikoAppointment(appointment({ patient: { links: { self } } }))).issues).toEqual([
        {
          code: "invalidField",
          message: "patient.links.self must be the patient's link, ending /patients/<id>",
          field: "patient.links.self",
          value: self,
        },
      ]);
    }
  });

  it("both did_not_arrive and patient_arrived: one issue per flag, each with its value, one message naming both", () => {
    const refused = unwrapErr(readClinikoAppointment(appointment({ did_not_arrive: true, patient_arrived: true })));
    expect(refused).toEqual({
      code: "invalidClinikoAppointment",
      message:
        "Invalid Cliniko appointment: did_not_arrive is true but patient_arrived is true too; " +
        "patient_arrived is true but did_not_arrive is true too",
      issues: [
        {
          code: "contradiction",
          message: "did_not_arrive is true but patient_arrived is true too",
          field: "did_not_arrive",
          value: true,
        },
        {
          code: "contradiction",
          message: "patient_arrived is true but did_not_arrive is true too",
          field: "patient_arrived",
          value: true,
        },
      ],
    });
  });
});

describe("Cliniko appointment ids", () => {
  it("a numeric id (the older API) and its decimal text (the current API's int64) read as the same appointment", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.maxSafeNat()), (n) => {
        const asNumber = unwrap(bookingEventFromCliniko(appointment({ id: n }), lead()));
        expect(asNumber).toEqual(unwrap(bookingEventFromCliniko(appointment({ id: String(n) }), lead())));
        expect(asNumber.id).toBe(`cliniko:appointment:${n}/booked@2016-06-28T21:33:26.000Z`);
      }),
    );
  });

  it("a number that is not a whole, non-negative, exactly representable id is refused, naming `id`", () => {
    for (const id of [1.5, -1, 2 ** 53, Number.POSITIVE_INFINITY, Number.NaN, "", null]) {
      expect(unwrapErr(readClinikoAppointment(appointment({ id }))).issues).toEqual([
        { code: "missingField", message: "id must be the appointment's id", field: "id", value: id },
      ]);
    }
  });
});

describe("Cliniko appointments: the instant of each status", () => {
  it("attended and did not attend are dated by updated_at, and keyed without it (later edits move it)", () => {
    const linked = unwrap(
      booking.transition(lead(), unwrap(bookingEventFromCliniko(appointment(), lead())).event),
    ).state;
    for (const [flag, status] of [
      ["patient_arrived", "attended"],
      ["did_not_arrive", "didNotAttend"],
    ] as const) {
      const facts = unwrap(readClinikoAppointment(appointment({ [flag]: true })));
      expect([facts.status, facts.statusAt]).toEqual([status, "2016-07-22T15:10:08.000Z"]);
      const read = unwrap(bookingEventFromCliniko(appointment({ [flag]: true }), linked));
      expect(read).toEqual({
        id: `cliniko:appointment:1/${status}`,
        event: {
          type: "appointmentUpdated",
          at: "2016-07-22T15:10:08.000Z",
          actor: "system",
          appointmentId: "1",
          status,
          id: `cliniko:appointment:1/${status}`,
        },
      });
      // The next poll, after an edit moved updated_at: the same key, so a duplicate.
      const edited = unwrap(
        bookingEventFromCliniko(appointment({ [flag]: true, updated_at: "2016-07-23T09:00:00Z" }), linked),
      );
      expect(edited.id).toBe(read.id);
    }
  });

  it("cancelled: at the earliest of cancelled_at, archived_at and deleted_at that is set, whatever their order", () => {
    const ms = () => fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(
        fc.tuple(fc.option(ms(), { nil: null }), fc.option(ms(), { nil: null }), fc.option(ms(), { nil: null })),
        ([cancelled, archived, deleted]) => {
          const set = [cancelled, archived, deleted].filter((v): v is number => v !== null);
          fc.pre(set.length > 0);
          const iso = (v: number | null) => (v === null ? null : new Date(v).toISOString());
          const facts = unwrap(
            readClinikoAppointment(
              appointment({ cancelled_at: iso(cancelled), archived_at: iso(archived), deleted_at: iso(deleted) }),
            ),
          );
          expect([facts.status, facts.statusAt]).toEqual(["cancelled", new Date(Math.min(...set)).toISOString()]);
        },
      ),
    );
    // Deleted from the diary on 22 July, the cancellation stamped the next morning: cancelled on 22 July.
    const facts = unwrap(
      readClinikoAppointment(appointment({ cancelled_at: "2016-07-23T08:00:00Z", deleted_at: "2016-07-22T15:10:08Z" })),
    );
    expect(facts.statusAt).toBe("2016-07-22T15:10:08.000Z");
  });
});

describe("Cliniko appointments and the lead's other appointments", () => {
  it("a new appointment for a lead that already holds another is detected, not an update of the other", () => {
    // The patient cancelled appointment 1, then booked appointment 2 (the follow-up list "leads
    // booked in the last month whose appointment was cancelled").
    let state = unwrap(booking.transition(lead(), unwrap(bookingEventFromCliniko(appointment(), lead())).event)).state;
    const cancelled = appointment({ cancelled_at: "2016-07-22T15:10:08Z" });
    state = unwrap(booking.transition(state, unwrap(bookingEventFromCliniko(cancelled, state)).event)).state;
    const rebooked = appointment({ id: 2, created_at: "2016-07-22T16:00:00Z", updated_at: "2016-07-22T16:00:00Z" });
    const read = unwrap(bookingEventFromCliniko(rebooked, state));
    expect(read.event).toEqual({
      type: "appointmentDetected",
      at: "2016-07-22T16:00:00.000Z",
      actor: "system",
      appointment: { id: "2", patientId: "82", status: "booked" },
      id: "cliniko:appointment:2/booked@2016-07-22T16:00:00.000Z",
    });
    expect(unwrap(booking.transition(state, read.event)).state.appointments).toEqual([
      { id: "1", status: "cancelled" },
      { id: "2", status: "booked" },
    ]);
  });

  it("a lead value without a usable appointments list links nothing: detected, answered without the guard", () => {
    const detected = unwrap(bookingEventFromCliniko(appointment(), lead()));
    for (const odd of [null, undefined, {}, { ...lead(), appointments: null }, { ...lead(), appointments: [null] }]) {
      const before = guardCatches();
      expect(bookingEventFromCliniko(appointment(), odd as never)).toEqual({ ok: true, value: detected });
      expect(guardCatches()).toBe(before);
    }
  });
});
