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

  it("a lost lead stays lost; a booked lead never returns to lead; bookedAt never changes once set", () => {
    fc.assert(
      fc.property(settings, bookingLog(50), (s, log) => {
        const lifecycle = buildBooking(s);
        let state = start();
        for (const event of log) {
          const result = lifecycle.transition(state, event);
          if (!result.ok) continue;
          const next = result.value.state;
          if (state.status === "lost") expect(next.status).toBe("lost");
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
