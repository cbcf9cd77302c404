import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BOOKING_DEFAULTS,
  type BookingEvent,
  type BookingState,
  booking,
  buildBooking,
  hasActiveAppointment,
} from "../../src/lead-status/booking.js";
import { parseBookingEvent, parseBookingState } from "../../src/lead-status/schema.js";
import { deepFreeze, unwrap } from "../helpers.js";
import { bookingLog, HOUR, hostileEvent, T0 } from "./arbitraries.js";

const settings = fc.record({
  createLeadsForNewClients: fc.boolean(),
  eagerPatientShipping: fc.boolean(),
  lockOwnerWhenAssociated: fc.boolean(),
});
const start = (): BookingState =>
  unwrap(booking.initial({ at: T0, name: "", patient: { id: "p1", name: "Tim" }, owner: "sam" }));

describe("booking properties", () => {
  it("no (state, event) pair throws, and a refusal leaves the state as it was", () => {
    fc.assert(
      fc.property(bookingLog(), hostileEvent, (log, event) => {
        const state = deepFreeze(booking.replay(start(), log).state);
        const before = JSON.stringify(state);
        booking.transition(state, event as BookingEvent);
        expect(JSON.stringify(state)).toBe(before);
      }),
    );
  });

  it("with the owner lock on, the owner never changes while an active appointment is linked", () => {
    const locking = buildBooking({ ...BOOKING_DEFAULTS, lockOwnerWhenAssociated: true });
    fc.assert(
      fc.property(bookingLog(50), (log) => {
        let state = start();
        for (const event of log) {
          const result = locking.transition(state, event);
          if (!result.ok) continue;
          if (hasActiveAppointment(state)) expect(result.value.state.owner).toBe(state.owner);
          state = result.value.state;
        }
      }),
    );
  });

  // "Move it to 'Booked' if they book in … the lead will automatically move once The BOS detects the
  // new appointment in your PMS": a Lost lead is booked only by a real appointment, never by hand.
  it("a lost lead leaves Lost only for Booked, only by a PMS appointment that is not cancelled; a booked lead never returns to lead; bookedAt never changes once set", () => {
    fc.assert(
      fc.property(settings, bookingLog(50), (s, log) => {
        const lifecycle = buildBooking(s);
        let state = start();
        for (const event of log) {
          const result = lifecycle.transition(state, event);
          if (!result.ok) continue;
          const next = result.value.state;
          if (state.status === "lost" && next.status !== "lost") {
            expect(next.status).toBe("booked");
            expect(event.type).toBe("appointmentDetected");
            expect(event.actor).toBe("system");
            expect(event.type === "appointmentDetected" && event.appointment.status).not.toBe("cancelled");
          }
          if (state.status === "booked") expect(next.status).toBe("booked");
          if (state.bookedAt !== null) expect(next.bookedAt).toBe(state.bookedAt);
          expect(next.name).not.toBe("");
          state = next;
        }
      }),
    );
  });

  it("replay equals folding transition, and states and events survive JSON", () => {
    fc.assert(
      fc.property(bookingLog(), (log) => {
        let state = start();
        for (const event of log) {
          const result = booking.transition(state, event);
          if (result.ok) state = result.value.state;
        }
        expect(booking.replay(start(), log).state).toEqual(state);
        expect(unwrap(parseBookingState(JSON.parse(JSON.stringify(state))))).toEqual(state);
        for (const event of log) expect(parseBookingEvent(JSON.parse(JSON.stringify(event))).ok).toBe(true);
      }),
    );
  });

  it("deep-frozen logs are never mutated", () => {
    fc.assert(
      fc.property(bookingLog(), (log) => {
        const frozen = deepFreeze(structuredClone(log));
        const before = JSON.stringify(frozen);
        booking.replay(deepFreeze(start()), frozen);
        expect(JSON.stringify(frozen)).toBe(before);
        expect(booking.advance(start(), T0 + HOUR).effects).toEqual([]);
      }),
    );
  });
});

describe("booked by a real appointment", () => {
  const lost = (): BookingState =>
    unwrap(booking.transition(start(), { type: "markedLost", at: T0, actor: "user" })).state;
  it("a Lost lead is booked by any appointment for its patient that is not cancelled, by nothing a user sends", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 * HOUR }),
        fc.constantFrom(undefined, "booked", "attended", "cancelled", "didNotAttend" as const),
        fc.constantFrom("p1", "p2"),
        bookingLog(20),
        (gap, status, patientId, log) => {
          const at = T0 + gap;
          const appointment = status === undefined ? { id: "a9", patientId } : { id: "a9", patientId, status };
          const result = booking.transition(lost(), { type: "appointmentDetected", at, actor: "system", appointment });
          if (patientId !== "p1") {
            expect(result.ok || result.error.code).toBe("otherPatient");
            return;
          }
          const next = unwrap(result).state;
          expect(next.status).toBe(status === "cancelled" ? "lost" : "booked");
          expect(next.bookedAt).toBe(status === "cancelled" ? null : new Date(at).toISOString());
          // Nothing a user sends books it (or moves it at all).
          for (const event of log) {
            if (event.actor !== "user") continue;
            const byHand = booking.transition(lost(), { ...event, at } as BookingEvent);
            expect(byHand.ok).toBe(false);
          }
          const marked = booking.transition(lost(), { type: "markedBooked", at, actor: "user" });
          expect(marked.ok || marked.error.code).toBe("closed");
        },
      ),
    );
  });

  it("a lead created for a new client is booked at once by the appointment that found it, dated before the lead", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 * HOUR }),
        fc.integer({ min: 0, max: 10 * HOUR }),
        fc.boolean(),
        (before, commentAfter, withComment) => {
          const created = unwrap(booking.initial({ at: T0, patient: { id: "p1", name: "Tim" } }));
          const appointment: BookingEvent = {
            type: "appointmentDetected",
            at: T0 - before,
            actor: "system",
            id: "appt-a9",
            appointment: { id: "a9", patientId: "p1" },
          };
          const comment: BookingEvent = { type: "commented", at: T0 + commentAfter, actor: "user", text: "called" };
          const inOrder = withComment ? [appointment, comment] : [appointment];
          const direct = booking.replay(created, inOrder);
          expect(direct.rejected).toEqual([]);
          expect(direct.state.status).toBe("booked");
          expect(direct.state.bookedAt).toBe(created.createdAt);
          // Late: the comment first, then the appointment; and refold over any order.
          const commented = withComment ? unwrap(booking.transition(created, comment)).state : created;
          const late = unwrap(booking.transition(commented, appointment)).state;
          expect(late).toEqual(direct.state);
          const refolded = booking.refold(created, [...inOrder].reverse());
          expect(refolded.rejected).toEqual([]);
          expect(refolded.state).toEqual(direct.state);
          // The same appointment again is a retry; an event of its own dated before the lead is still refused.
          expect(unwrap(booking.transition(late, appointment)).duplicate).toBe(true);
          const stale = booking.transition(late, { ...comment, at: T0 - before });
          expect(stale.ok || stale.error.code).toBe("outOfOrder");
        },
      ),
    );
  });
});
