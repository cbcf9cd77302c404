import { describe, expectTypeOf, it } from "vitest";
import {
  type BookingState,
  booking,
  type ConsultationEvent,
  type ConsultationState,
  type ConsultationStatus,
  consultation,
  type Result,
  type Step,
} from "../../src/lead-status/index.js";

declare const state: ConsultationState;
declare const lead: BookingState;

describe("lead-status types", () => {
  it("transition returns a Result of the next state and effects", () => {
    const result = consultation.transition(state, { type: "markedLost", at: 0, actor: "franchisee" });
    expectTypeOf(result).toExtend<Result<Step<ConsultationState, unknown>, unknown>>();
    if (result.ok) expectTypeOf(result.value.state.status).toEqualTypeOf<ConsultationStatus>();
  });

  it("an event of another lifecycle does not compile", () => {
    // @ts-expect-error: markedBooked is a booking event
    consultation.transition(state, { type: "markedBooked", at: 0, actor: "user" });
    // @ts-expect-error: followUpLogged is a consultation event
    booking.transition(lead, { type: "followUpLogged", at: 0, actor: "franchisee" });
    // @ts-expect-error: a booking state is not a consultation state
    consultation.advance(lead, 0);
  });

  it("an unknown status, event type or actor does not compile", () => {
    // @ts-expect-error: "archived" is not a status
    const s: ConsultationStatus = "archived";
    // @ts-expect-error: "teleported" is not an event type
    const e: ConsultationEvent = { type: "teleported", at: 0, actor: "system" };
    // @ts-expect-error: "boss" is not an actor
    consultation.allowedEvents(state, "boss");
    expectTypeOf(s).toBeString();
    expectTypeOf(e).toBeObject();
  });

  it("payloads are typed per event", () => {
    consultation.transition(state, {
      type: "followUpLogged",
      at: new Date(),
      actor: "careCentre",
      notes: "n",
      dueAt: 0,
    });
    // @ts-expect-error: notes must be a string
    consultation.transition(state, { type: "followUpLogged", at: 0, actor: "careCentre", notes: 5 });
    // @ts-expect-error: an appointment needs its patient id
    booking.transition(lead, { type: "appointmentDetected", at: 0, actor: "system", appointment: { id: "a" } });
  });

  it("states are readonly", () => {
    // @ts-expect-error: states are immutable
    state.status = "sold";
  });
});
