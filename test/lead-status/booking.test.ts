import { describe, expect, it } from "vitest";
import {
  BOOKING_DEFAULTS,
  type BookingEvent,
  type BookingState,
  booking,
  buildBooking,
  hasActiveAppointment,
  leadForNewClient,
} from "../../src/lead-status/booking.js";
import { HOUR, iso, unwrap, unwrapErr } from "../helpers.js";

const T0 = Date.parse("2026-11-02T09:00:00.000Z");
const tim = { id: "p1", name: "Tim Cook" };
const lead = (input: Partial<Parameters<typeof booking.initial>[0]> = {}): BookingState =>
  unwrap(booking.initial({ at: T0, name: "Tim Cook - massage", ...input }));
const run = (events: readonly BookingEvent[], from: BookingState, lifecycle = booking): BookingState => {
  const replayed = lifecycle.replay(from, events);
  expect(replayed.rejected).toEqual([]);
  return replayed.state;
};
const detected = (at: number, patientId = "p1", id = "a1"): BookingEvent => ({
  type: "appointmentDetected",
  at,
  actor: "system",
  appointment: { id, patientId },
});

describe("a new lead", () => {
  it("starts in stage Lead with the fields given, blanks allowed", () => {
    // "Lead Stage | Usually 'Lead' unless they are definitely booking in right now."
    // "Many fields can be left blank"
    expect(lead()).toEqual({
      lifecycle: "booking",
      schemaVersion: 1,
      status: "lead",
      updatedAt: iso(T0),
      createdAt: iso(T0),
      name: "Tim Cook - massage",
      patient: null,
      division: null,
      source: null,
      owner: null,
      bookedAt: null,
      appointments: [],
      comment: null,
    });
  });

  it("takes the patient's name when the name is left blank", () => {
    // "Lead Name (This will auto-fill if you leave it blank but choose a patient)"
    expect(lead({ name: "  ", patient: tim }).name).toBe("Tim Cook");
    expect(lead({ name: undefined, patient: tim }).name).toBe("Tim Cook");
    expect(lead({ name: "Tim Cook - massage", patient: tim }).name).toBe("Tim Cook - massage");
    const chosenLater = run(
      [{ type: "patientChosen", at: T0, actor: "user", patient: tim }],
      lead({ name: "", patient: { id: "p0", name: "" } }),
    );
    expect(chosenLater.name).toBe("Tim Cook");
  });

  it("needs a name or a patient, and a valid instant", () => {
    const error = unwrapErr(booking.initial({ at: "yesterday" }));
    expect(error.issues.map((i) => i.path)).toEqual(["at", "name"]);
  });
});

describe("booking", () => {
  it("moves Lead to Booked by hand", () => {
    // "Move it to 'Booked' if they book in."
    const booked = run([{ type: "markedBooked", at: T0 + HOUR, actor: "user" }], lead());
    expect(booked).toMatchObject({ status: "booked", bookedAt: iso(T0 + HOUR) });
  });

  it("moves Lead to Booked automatically when the PMS reports an appointment for the lead's patient", () => {
    // "If you book them in without moving them to 'Booked' then the lead will automatically move once
    // The BOS detects the new appointment in your PMS."
    const booked = run([detected(T0 + HOUR)], lead({ patient: tim }));
    expect(booked).toMatchObject({
      status: "booked",
      bookedAt: iso(T0 + HOUR),
      appointments: [{ id: "a1", status: "booked" }],
    });
    const again = run([detected(T0 + 2 * HOUR, "p1", "a2")], booked);
    expect(again.bookedAt).toBe(iso(T0 + HOUR));
    expect(again.appointments.map((a) => a.id)).toEqual(["a1", "a2"]);
  });

  it("does not book a lead on an appointment that arrives already cancelled: it is linked, the stage stays", () => {
    // "automatically changed from 'Lead' to 'Booked' as soon as a new appointment is made" — a
    // cancelled appointment is not one.
    const start = lead({ patient: tim });
    const cancelled = { ...detected(T0 + 1000), appointment: { id: "a9", patientId: "p1", status: "cancelled" } };
    const step = unwrap(booking.transition(start, cancelled as BookingEvent));
    expect(step.state).toMatchObject({
      status: "lead",
      bookedAt: null,
      appointments: [{ id: "a9", status: "cancelled" }],
    });
    const booked = unwrap(booking.transition(step.state, detected(T0 + 2000, "p1", "a10"))).state;
    expect(booked).toMatchObject({ status: "booked", bookedAt: new Date(T0 + 2000).toISOString() });
  });

  it("ignores no appointment silently: another patient's, or a lead with no patient, is refused", () => {
    expect(unwrapErr(booking.transition(lead({ patient: tim }), detected(T0, "p2")))).toMatchObject({
      code: "otherPatient",
      field: "appointment.patientId",
    });
    expect(unwrapErr(booking.transition(lead(), detected(T0)))).toMatchObject({ code: "noPatient" });
  });

  it("refuses, never throws on, an untyped event missing its patient or appointment", () => {
    // Found by the no-throw property on a fresh clone: patientCreated without a patient threw a TypeError.
    const noPatient = { type: "patientCreated", at: T0, actor: "user" } as unknown as BookingEvent;
    expect(unwrapErr(booking.transition(lead(), noPatient))).toMatchObject({
      code: "invalidEvent",
      field: "patient",
      message: "patient must be { id, name } (strings)",
    });
    const chosen = { type: "patientChosen", at: T0, actor: "user", patient: { id: 1 } } as unknown as BookingEvent;
    expect(unwrapErr(booking.transition(lead(), chosen)).code).toBe("invalidEvent");
    const noAppointment = {
      type: "appointmentDetected",
      at: T0,
      actor: "system",
      appointment: null,
    } as unknown as BookingEvent;
    expect(unwrapErr(booking.transition(lead({ patient: tim }), noAppointment))).toMatchObject({
      code: "invalidEvent",
      field: "appointment",
      message: "appointment must be { id, patientId } (strings)",
    });
    expect(
      booking.transition(lead({ patient: tim }), { ...noAppointment, appointment: { id: "a1" } } as never).ok,
    ).toBe(false);
  });

  it("lets only the system report appointments and only users book by hand", () => {
    expect(unwrapErr(booking.transition(lead({ patient: tim }), { ...detected(T0), actor: "user" })).code).toBe(
      "actorNotPermitted",
    );
    expect(unwrap(booking.transition(lead(), { type: "markedBooked", at: T0, actor: "system" })).state.status).toBe(
      "booked",
    );
  });
});

describe("lost and comments", () => {
  it("moves Lead to Lost by hand, and Lost closes the lead", () => {
    // "Move it to 'Lost' if they aren't interested in booking in so you don't contact them again."
    const lost = run([{ type: "markedLost", at: T0, actor: "user" }], lead());
    expect(lost.status).toBe("lost");
    expect(unwrapErr(booking.transition(lost, { type: "commented", at: T0, actor: "user", text: "hi" })).code).toBe(
      "closed",
    );
    const booked = run([{ type: "markedBooked", at: T0, actor: "user" }], lead());
    expect(unwrapErr(booking.transition(booked, { type: "markedLost", at: T0, actor: "user" })).code).toBe(
      "notAllowedFrom",
    );
  });

  it("leaves the stage as it is on a comment, with an optional call-back", () => {
    // "Leave it in the 'Lead' state but optionally add a comment to the lead if they need to be contacted again"
    const step = unwrap(
      booking.transition(lead(), {
        type: "commented",
        at: T0,
        actor: "user",
        text: "no answer",
        callBackAt: T0 + 24 * HOUR,
      }),
    );
    expect(step.state).toMatchObject({
      status: "lead",
      comment: { at: iso(T0), text: "no answer", callBackAt: iso(T0 + 24 * HOUR) },
    });
    expect(step.effects).toEqual([{ type: "callBack", at: iso(T0 + 24 * HOUR), note: "no answer" }]);
    const plain = unwrap(
      booking.transition(lead(), { type: "commented", at: T0, actor: "user", text: "left a message" }),
    );
    expect(plain.effects).toEqual([]);
    expect(plain.state.comment?.callBackAt).toBeNull();
  });

  it("refuses a call-back before the comment, or one that is not an instant", () => {
    for (const callBackAt of [T0 - 1, "later"]) {
      expect(
        unwrapErr(booking.transition(lead(), { type: "commented", at: T0, actor: "user", text: "x", callBackAt })),
      ).toMatchObject({
        code: "invalidCallBackAt",
        field: "callBackAt",
      });
    }
  });
});

describe("eager automatic patient shipping", () => {
  it("sends a patient created in the lead to the PMS at once when on", () => {
    // "If turned on then when you create a new Patient in the lead popup, The BOS will attempt to send
    // that patient to your PMS (Nookal/Cliniko) immediately."
    const eager = buildBooking({ ...BOOKING_DEFAULTS, eagerPatientShipping: true });
    const step = unwrap(eager.transition(lead(), { type: "patientCreated", at: T0, actor: "user", patient: tim }));
    expect(step.effects).toEqual([{ type: "sendPatientToPms", patientId: "p1" }]);
  });

  it("offers a button instead when off", () => {
    // "If this is turned off you will have a button to send the patient to your PMS"
    const step = unwrap(
      booking.transition(lead({ name: "", patient: { id: "p0", name: "x" } }), {
        type: "patientCreated",
        at: T0,
        actor: "user",
        patient: tim,
      }),
    );
    expect(step.effects).toEqual([{ type: "offerSendPatientToPms", patientId: "p1" }]);
    expect(step.state.patient).toEqual(tim);
  });

  it("does not ship an existing patient chosen for the lead", () => {
    const step = unwrap(booking.transition(lead(), { type: "patientChosen", at: T0, actor: "user", patient: tim }));
    expect(step.effects).toEqual([]);
  });
});

describe("lock deal owner when associated", () => {
  // "If a lead has been linked to a (non-cxc and non-dna) appointment then don't allow users to change
  // the associated lead owner."
  const locking = () => buildBooking({ ...BOOKING_DEFAULTS, lockOwnerWhenAssociated: true });
  const linked = () => run([detected(T0)], lead({ patient: tim, owner: "sam" }), locking());
  const change = (at: number): BookingEvent => ({ type: "ownerChanged", at, actor: "user", owner: "alex" });

  it("refuses an owner change while linked to a booked or attended appointment", () => {
    const error = unwrapErr(locking().transition(linked(), change(T0 + HOUR)));
    expect(error).toMatchObject({ code: "ownerLocked", field: "owner" });
    const attended = run(
      [{ type: "appointmentUpdated", at: T0, actor: "system", appointmentId: "a1", status: "attended" }],
      linked(),
      locking(),
    );
    expect(unwrapErr(locking().transition(attended, change(T0 + HOUR))).code).toBe("ownerLocked");
    expect(locking().allowedEvents(linked(), "user")).not.toContain("ownerChanged");
  });

  it.each(["cancelled", "didNotAttend"] as const)("allows it once the appointment is %s", (status) => {
    const freed = run(
      [{ type: "appointmentUpdated", at: T0 + HOUR, actor: "system", appointmentId: "a1", status }],
      linked(),
      locking(),
    );
    expect(hasActiveAppointment(freed)).toBe(false);
    expect(unwrap(locking().transition(freed, change(T0 + 2 * HOUR))).state.owner).toBe("alex");
  });

  it("allows it before any appointment, and always when the setting is off", () => {
    expect(unwrap(locking().transition(lead({ owner: "sam" }), change(T0))).state.owner).toBe("alex");
    const unlocked = run([detected(T0)], lead({ patient: tim, owner: "sam" }));
    expect(unwrap(booking.transition(unlocked, change(T0 + HOUR))).state.owner).toBe("alex");
  });

  it("refuses an update for an appointment the lead does not have", () => {
    expect(
      unwrapErr(
        booking.transition(lead(), {
          type: "appointmentUpdated",
          at: T0,
          actor: "system",
          appointmentId: "zz",
          status: "cancelled",
        }),
      ),
    ).toMatchObject({ code: "unknownAppointment", field: "appointmentId" });
  });
});

describe("create leads for new clients", () => {
  // "If turned on then whenever a New Client is detected and an existing matching Lead can't be found
  // then a new lead will automatically be created."
  const on = { ...BOOKING_DEFAULTS, createLeadsForNewClients: true };
  const client = { at: T0, patient: { id: "p9", name: "Ana" }, division: "physio" };

  it("creates a lead when none matches and the setting is on", () => {
    const created = leadForNewClient(client, [lead({ patient: tim })], on);
    expect(created).toEqual({ at: T0, name: "Ana", patient: { id: "p9", name: "Ana" }, division: "physio" });
    expect(unwrap(booking.initial(created ?? { at: 0 })).name).toBe("Ana");
    expect(leadForNewClient({ at: T0, patient: { id: "p9", name: "Ana" } }, [], on)?.division).toBeNull();
  });

  it("creates nothing when a lead already has the client's patient, or when the setting is off", () => {
    expect(leadForNewClient(client, [lead({ patient: { id: "p9", name: "Ana" } })], on)).toBeNull();
    expect(leadForNewClient(client, [], BOOKING_DEFAULTS)).toBeNull();
  });
});

describe("a Lost lead whose patient books (issue 28)", () => {
  // "Move it to 'Booked' if they book in. If you book them in without moving them to 'Booked' then
  // the lead will automatically move once The BOS detects the new appointment in your PMS."
  const lostTim = () => run([{ type: "markedLost", at: T0, actor: "user" }], lead({ patient: tim }));

  it("is booked by the PMS's new appointment for its patient, so the reports count it", () => {
    const booked = unwrap(booking.transition(lostTim(), detected(T0 + HOUR))).state;
    expect(booked.status).toBe("booked");
    expect(booked.bookedAt).toBe(iso(T0 + HOUR));
    expect(booked.appointments).toEqual([{ id: "a1", status: "booked" }]);
    // An appointment that arrives already cancelled is linked, and the lead stays Lost.
    const cancelled = booking.transition(lostTim(), {
      ...detected(T0 + HOUR),
      appointment: { id: "a1", patientId: "p1", status: "cancelled" },
    } as BookingEvent);
    expect(unwrap(cancelled).state.status).toBe("lost");
  });

  it("is never booked by hand, and stays closed to everything else", () => {
    expect(unwrapErr(booking.transition(lostTim(), { type: "markedBooked", at: T0 + HOUR, actor: "user" })).code).toBe(
      "closed",
    );
    const byUser = booking.transition(lostTim(), { ...detected(T0 + HOUR), actor: "user" } as BookingEvent);
    expect(unwrapErr(byUser).code).toBe("actorNotPermitted");
    expect(booking.allowedEvents(lostTim(), "system")).toEqual(["appointmentDetected"]);
    expect(booking.allowedEvents(lostTim(), "user")).toEqual([]);
  });

  it("matches a new client's patient: no second lead is created, the Lost lead is booked instead", () => {
    const on = { ...BOOKING_DEFAULTS, createLeadsForNewClients: true };
    expect(leadForNewClient({ at: T0 + HOUR, patient: tim }, [lostTim()], on)).toBeNull();
  });
});

describe("a lead created for a new client found through an appointment (issue 28)", () => {
  // "Create Leads for New Clients | If turned on then whenever a New Client is detected and an
  // existing matching Lead can't be found then a new lead will automatically be created."
  const on = { ...BOOKING_DEFAULTS, createLeadsForNewClients: true };
  const appointmentAt = T0 - 2 * HOUR; // the appointment's updated_at, before The BOS saw it
  const newLead = () => unwrap(booking.initial(leadForNewClient({ at: T0, patient: tim }, [], on) ?? { at: 0 }));

  it("is booked at once by that appointment, though the appointment is dated before the lead", () => {
    const booked = unwrap(booking.transition(newLead(), detected(appointmentAt))).state;
    expect(booked.status).toBe("booked");
    expect(booked.bookedAt).toBe(iso(T0));
    expect(booked.updatedAt).toBe(iso(T0));
    const refolded = booking.refold(newLead(), [detected(appointmentAt)]);
    expect(refolded.rejected).toEqual([]);
    expect(refolded.state).toEqual(booked);
  });

  it("still refuses, outOfOrder, other events dated before the lead's last change", () => {
    const stale = booking.transition(newLead(), { type: "commented", at: appointmentAt, actor: "user", text: "x" });
    expect(unwrapErr(stale).code).toBe("outOfOrder");
    const commented = run([{ type: "commented", at: T0 + 2 * HOUR, actor: "user", text: "x" }], newLead());
    // Dated after the lead's creation but before its last change: an ordinary late event.
    expect(unwrapErr(booking.transition(commented, detected(T0 + HOUR))).code).toBe("outOfOrder");
  });
});

describe("label", () => {
  it("shows the stage as the playbook names it, like consultation.label", () => {
    expect(booking.label(lead())).toBe("Lead");
    expect(booking.label({ ...lead(), status: "booked" })).toBe("Booked");
    expect(booking.label(null as never)).toBe("(undefined)");
  });
});
