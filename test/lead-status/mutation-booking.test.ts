// The booking lifecycle's rule table, judged by what a lifecycle built in the test draws and does.
// The preset is built once, on first use, by whichever test touches it first; a lifecycle built
// here with buildBooking(BOOKING_DEFAULTS) reads the table afresh, so these tests judge it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stateDiagram } from "../../src/core/diagram.js";
import { guardCatches, UNREADABLE_MESSAGE } from "../../src/core/guard.js";
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
const fresh = () => buildBooking(BOOKING_DEFAULTS);
const newLead = (lifecycle = fresh(), extra: object = {}): BookingState =>
  unwrap(lifecycle.initial({ at: T0, name: "", patient: tim, ...extra }));
const detected = (at: number, status?: "cancelled"): BookingEvent => ({
  type: "appointmentDetected",
  at,
  actor: "system",
  appointment: status === undefined ? { id: "a1", patientId: "p1" } : { id: "a1", patientId: "p1", status },
});
/** A value that throws whatever is read of it (a revoked or hostile Proxy). */
const throwing = <T>(target: object = {}): T =>
  new Proxy(target, {
    get: () => {
      throw new Error("boom");
    },
  }) as T;

describe("the booking lifecycle's table, built at run time", () => {
  it("draws the diagram docs/lead-status.md documents", () => {
    // docs/lead-status.md, "The booking lifecycle": the Mermaid diagram generated from the table.
    const page = readFileSync("docs/lead-status.md", "utf8");
    const block =
      /<!-- generated:booking-diagram -->\n```mermaid\n([\s\S]*?)```\n<!-- \/generated:booking-diagram -->/.exec(page);
    expect(block?.[1]).toContain("lost --> booked : appointmentDetected (not cancelled)");
    expect(stateDiagram(fresh().definition)).toBe(block?.[1]);
  });

  it("lets a user choose an existing patient from any open stage, and fills a blank name", () => {
    // "Lead Name (This will auto-fill if you leave it blank but choose a patient)"
    const lifecycle = fresh();
    const lead = newLead(lifecycle, { patient: { id: "p0", name: "" } });
    const chosen = { type: "patientChosen", at: T0 + HOUR, actor: "user", patient: tim } as const;
    const step = unwrap(lifecycle.transition(lead, chosen));
    expect(step.effects).toEqual([]);
    expect(step.state).toMatchObject({ status: "lead", patient: tim, name: "Tim Cook", updatedAt: iso(T0 + HOUR) });
    const booked = unwrap(lifecycle.transition(lead, { type: "markedBooked", at: T0, actor: "user" })).state;
    expect(unwrap(lifecycle.transition(booked, chosen)).state).toMatchObject({ status: "booked", patient: tim });
    // A patient is chosen in the lead popup by a user, not by the practice system.
    expect(unwrapErr(lifecycle.transition(lead, { ...chosen, actor: "system" }))).toMatchObject({
      code: "actorNotPermitted",
      field: "actor",
    });
  });

  it("lets a user comment from any open stage, the stage staying as it is; Lost takes no comment", () => {
    // "Leave it in the 'Lead' state but optionally add a comment to the lead if they need to be contacted again"
    const lifecycle = fresh();
    const comment = { type: "commented", at: T0 + HOUR, actor: "user", text: "no answer" } as const;
    const lead = newLead(lifecycle);
    expect(unwrap(lifecycle.transition(lead, comment)).state).toMatchObject({
      status: "lead",
      updatedAt: iso(T0 + HOUR),
      comment: { at: iso(T0 + HOUR), text: "no answer", callBackAt: null },
    });
    const booked = unwrap(lifecycle.transition(lead, detected(T0))).state;
    expect(unwrap(lifecycle.transition(booked, comment)).state).toMatchObject({ status: "booked" });
    expect(unwrapErr(lifecycle.transition(lead, { ...comment, actor: "system" }))).toMatchObject({
      code: "actorNotPermitted",
      field: "actor",
    });
    const lost = unwrap(lifecycle.transition(lead, { type: "markedLost", at: T0, actor: "user" })).state;
    expect(unwrapErr(lifecycle.transition(lost, comment)).code).toBe("closed");
  });

  it("books a Lost lead on a real appointment for its patient, from the system only", () => {
    // "Move it to 'Booked' if they book in. If you book them in without moving them to 'Booked' then
    // the lead will automatically move once The BOS detects the new appointment in your PMS."
    const lifecycle = fresh();
    const lost = unwrap(lifecycle.transition(newLead(lifecycle), { type: "markedLost", at: T0, actor: "user" })).state;
    expect(lifecycle.allowedEvents(lost, "system")).toEqual(["appointmentDetected"]);
    expect(unwrap(lifecycle.transition(lost, detected(T0 + HOUR))).state).toMatchObject({
      status: "booked",
      bookedAt: iso(T0 + HOUR),
      appointments: [{ id: "a1", status: "booked" }],
    });
    expect(unwrap(lifecycle.transition(lost, detected(T0 + HOUR, "cancelled"))).state.status).toBe("lost");
  });

  it("books at its creation a lead whose appointment is dated before it, and refuses one dated at it after a later change", () => {
    // "when the new client was found through an appointment, that lead is booked with it at once,
    // though the appointment's own timestamps precede the lead" (docs: any other event dated before
    // the last change is still refused outOfOrder).
    const lifecycle = fresh();
    const lead = newLead(lifecycle);
    const early = unwrap(lifecycle.transition(lead, detected(T0 - 2 * HOUR))).state;
    expect(early).toMatchObject({ status: "booked", bookedAt: iso(T0), updatedAt: iso(T0) });
    const commented = unwrap(
      lifecycle.transition(lead, { type: "commented", at: T0 + HOUR, actor: "user", text: "called" }),
    ).state;
    expect(unwrap(lifecycle.transition(commented, detected(T0 - 1))).state.bookedAt).toBe(iso(T0));
    // At the lead's creation instant is not before it: an ordinary late event.
    expect(unwrapErr(lifecycle.transition(commented, detected(T0)))).toMatchObject({ code: "outOfOrder", field: "at" });
  });

  it("refuses an update of an appointment the lead does not have", () => {
    const lifecycle = fresh();
    const update = {
      type: "appointmentUpdated",
      at: T0 + HOUR,
      actor: "system",
      appointmentId: "zz",
      status: "cancelled",
    } as const;
    expect(unwrapErr(lifecycle.transition(newLead(lifecycle), update))).toEqual({
      code: "unknownAppointment",
      message: "appointment zz is not linked to this lead",
      event: "appointmentUpdated",
      status: "lead",
      actor: "system",
      field: "appointmentId",
    });
  });

  it("refuses an owner that is neither a string nor null, naming the field", () => {
    // docs: "transition refuses, naming the field, every event value its parser refuses".
    const lifecycle = fresh();
    const change = { type: "ownerChanged", at: T0 + HOUR, actor: "user", owner: null } as const;
    expect(unwrapErr(lifecycle.transition(newLead(lifecycle), { ...change, owner: 5 } as never))).toMatchObject({
      code: "invalidEvent",
      message: "owner must be a string or null",
      field: "owner",
    });
    const cleared = unwrap(lifecycle.transition(newLead(lifecycle, { owner: "sam" }), change));
    expect(cleared.state.owner).toBeNull();
  });

  it("moves a stored lead with a comment, read without its parser; refuses a spoiled comment", () => {
    // docs/contract.md: a stored state from outside is checked before it is moved (invalidState, naming the path).
    const lifecycle = fresh();
    const commented = unwrap(
      lifecycle.transition(newLead(lifecycle), {
        type: "commented",
        at: T0,
        actor: "user",
        text: "call back",
        callBackAt: T0 + HOUR,
      }),
    ).state;
    const stored = JSON.parse(JSON.stringify(commented)) as BookingState;
    const step = unwrap(lifecycle.transition(stored, { type: "markedBooked", at: T0 + HOUR, actor: "user" }));
    expect(step.state).toMatchObject({ status: "booked", comment: commented.comment });
    const spoiled = { ...stored, comment: { ...stored.comment, at: "soon" } } as BookingState;
    expect(
      unwrapErr(lifecycle.transition(spoiled, { type: "markedBooked", at: T0 + HOUR, actor: "user" })),
    ).toMatchObject({ code: "invalidState", field: "comment.at" });
  });

  it('labels each stage as the playbook names it, and answers "" for a state that cannot be read', () => {
    // "Lead Stage | Usually 'Lead' unless they are definitely booking in right now." The label is a
    // reader: it never throws (docs/contract.md).
    const lifecycle = fresh();
    const lead = newLead(lifecycle);
    expect(lifecycle.label(lead)).toBe("Lead");
    expect(lifecycle.label(unwrap(lifecycle.transition(lead, detected(T0))).state)).toBe("Booked");
    expect(
      lifecycle.label(unwrap(lifecycle.transition(lead, { type: "markedLost", at: T0, actor: "user" })).state),
    ).toBe("Lost");
    expect(lifecycle.label(throwing())).toBe("");
  });

  it("answers a new lead that cannot be read with the unreadable issue", () => {
    // docs/contract.md: a value that throws when read is answered with an issue { path: "", code: "unreadable" }.
    expect(fresh().initial(throwing())).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: `Invalid new lead: ${UNREADABLE_MESSAGE}`,
        issues: [{ path: "", code: "unreadable", message: UNREADABLE_MESSAGE }],
      },
    });
  });
});

describe("a new lead's input", () => {
  it("must be an object", () => {
    expect(booking.initial("Tim" as never)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid new lead: expected an object",
        issues: [{ path: "", message: "expected an object" }],
      },
    });
  });

  it("may leave the name out, but not set it to null (only the other fields may be null)", () => {
    // "Many fields can be left blank"; the name is text, blank or filled, never null.
    expect(booking.initial({ at: T0, name: null, patient: tim } as never)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid new lead: name: expected a string",
        issues: [{ path: "name", message: "expected a string" }],
      },
    });
    expect(unwrap(booking.initial({ at: T0, patient: tim, division: null, source: null, owner: null })).name).toBe(
      "Tim Cook",
    );
  });

  it("with a bad instant says so in the message, naming the field", () => {
    expect(unwrapErr(booking.initial({ at: "yesterday", name: "Tim" })).message).toBe(
      "Invalid new lead: at: expected a valid instant",
    );
  });
});

describe("bookedAt of a stored lead", () => {
  it("is the appointment's instant, as ISO UTC, when the appointment is dated at the lead's creation", () => {
    // docs: "bookedAt records the first booking"; only an appointment dated *before* the lead's
    // creation books it with bookedAt = createdAt. States store instants as ISO-8601 UTC strings.
    const stored = {
      ...JSON.parse(JSON.stringify(newLead(booking))),
      createdAt: "2026-11-02T10:00:00+01:00",
      updatedAt: "2026-11-02T10:00:00+01:00",
    } as BookingState;
    const booked = unwrap(booking.transition(stored, detected(T0))).state;
    expect(booked).toMatchObject({ status: "booked", bookedAt: iso(T0), updatedAt: iso(T0) });
  });
});

describe("readers never throw", () => {
  // docs/contract.md: "Readers of the library's own values (… hasActiveAppointment …) never throw
  // either: given something that is not such a value, they answer as for nothing (… false …)".
  it("hasActiveAppointment answers false for a lead that cannot be read", () => {
    expect(hasActiveAppointment(throwing())).toBe(false);
  });

  // docs/contract.md, point 4: "Every JSON value gets a documented answer, not the guard's".
  it("hasActiveAppointment and leadForNewClient answer a missing lead, client or settings by their checks, not the guard", () => {
    const on = { ...BOOKING_DEFAULTS, createLeadsForNewClients: true };
    const client = { at: T0, patient: { id: "p9", name: "Ana" } };
    const answers: [string, () => unknown, boolean | null][] = [
      ["hasActiveAppointment(null)", () => hasActiveAppointment(null as never), false],
      ["hasActiveAppointment(undefined)", () => hasActiveAppointment(undefined as never), false],
      ["leadForNewClient(null, …)", () => leadForNewClient(null as never, [], on), null],
      ["leadForNewClient(undefined, …)", () => leadForNewClient(undefined as never, [], on), null],
      ["leadForNewClient(…, null)", () => leadForNewClient(client, [], null as never), null],
      ["leadForNewClient(…, undefined)", () => leadForNewClient(client, [], undefined as never), null],
    ];
    for (const [name, answer, expected] of answers) {
      const before = guardCatches();
      expect(answer(), name).toBe(expected);
      expect(guardCatches(), name).toBe(before);
    }
  });
});

describe("create leads for new clients", () => {
  // "If turned on then whenever a New Client is detected and an existing matching Lead can't be found
  // then a new lead will automatically be created."
  const on = { ...BOOKING_DEFAULTS, createLeadsForNewClients: true };

  it("creates nothing for a client without a valid patient", () => {
    // The doc: `null` "also when the client has no valid patient": nothing to create from.
    expect(leadForNewClient({ at: T0, patient: { id: 5, name: "Ana" } } as never, [], on)).toBeNull();
    expect(leadForNewClient({ at: T0, patient: { id: "", name: "Ana" } }, [], on)).toBeNull();
    expect(leadForNewClient({ at: T0 } as never, [], on)).toBeNull();
    expect(leadForNewClient({ at: T0, patient: { id: "p9", name: "Ana" } }, [], on)).not.toBeNull();
  });

  it("answers null for a client that cannot be read", () => {
    expect(leadForNewClient(throwing(), [], on)).toBeNull();
  });
});
