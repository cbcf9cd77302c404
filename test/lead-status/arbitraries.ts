import fc from "fast-check";
import type { BookingEvent } from "../../src/lead-status/booking.js";
import { CONSULTATION_ACTORS, type ConsultationEvent } from "../../src/lead-status/consultation.js";

export const T0 = Date.parse("2026-01-01T00:00:00.000Z");
export const HOUR = 3_600_000;

export const CONSULTATION_EVENT_TYPES = [
  "consultationBooked",
  "consultationRescheduled",
  "consultationCancelled",
  "followUpLogged",
  "followUpScheduleMoved",
  "cancelledAndDnc",
  "markedUnserviceable",
  "markedOutOfArea",
  "markedDnc",
  "markedCold",
  "markedLost",
  "enrolmentCompleted",
] as const satisfies readonly ConsultationEvent["type"][];

/** A well-typed consultation event at `at`, any type, any actor, optional payloads. */
export const consultationEventAt = (at: number): fc.Arbitrary<ConsultationEvent> =>
  fc
    .record({
      type: fc.constantFrom(...CONSULTATION_EVENT_TYPES),
      actor: fc.constantFrom(...CONSULTATION_ACTORS),
      notes: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      dueIn: fc.option(fc.integer({ min: 0, max: 200 * HOUR }), { nil: undefined }),
      transferable: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ type, actor, notes, dueIn, transferable }): ConsultationEvent => {
      if (type === "followUpLogged") {
        return {
          type,
          at,
          actor,
          ...(notes === undefined ? {} : { notes }),
          ...(dueIn === undefined ? {} : { dueAt: at + dueIn }),
        };
      }
      if (type === "markedOutOfArea") {
        return { type, at, actor, ...(transferable === undefined ? {} : { transferableToCareCentre: transferable }) };
      }
      return { type, at, actor } as ConsultationEvent;
    });

/** Gaps between events: mostly hours, sometimes days, sometimes none. */
export const gap = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 6 * HOUR }),
  fc.integer({ min: 40 * HOUR, max: 60 * HOUR }),
);

/** A chronological log of well-typed consultation events, biased towards follow-ups. */
export const consultationLog = (maxLength = 40): fc.Arbitrary<ConsultationEvent[]> =>
  fc.array(fc.tuple(gap, fc.nat()), { maxLength }).chain((steps) => {
    let at = T0;
    const times = steps.map(([g]) => {
      at += g;
      return at;
    });
    return fc.tuple(
      ...times.map((t) =>
        fc.oneof(
          { weight: 3, arbitrary: consultationEventAt(t) },
          {
            weight: 2,
            arbitrary: fc.constant<ConsultationEvent>({ type: "followUpLogged", at: t, actor: "franchisee" }),
          },
        ),
      ),
    );
  });

/** Anything at all in the shape of an event: wrong types, bad instants, unknown fields. */
export const hostileEvent: fc.Arbitrary<unknown> = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(...CONSULTATION_EVENT_TYPES, "__proto__", "toString", "patientCreated"),
      fc.string(),
      fc.anything(),
    ),
    at: fc.oneof(fc.integer(), fc.date({ noInvalidDate: false }), fc.string(), fc.double(), fc.anything()),
    actor: fc.oneof(fc.constantFrom("system", "franchisee", "careCentre", "user"), fc.anything()),
    dueAt: fc.anything(),
    notes: fc.anything(),
    callBackAt: fc.anything(),
    patient: fc.anything(),
    appointment: fc.anything(),
    owner: fc.anything(),
    text: fc.anything(),
  },
  { requiredKeys: [] },
);

const patient = fc.constantFrom({ id: "p1", name: "Tim" }, { id: "p2", name: "Ana" });
const appointmentStatus = fc.constantFrom("booked", "attended", "cancelled", "didNotAttend" as const);

/** A well-typed booking event at `at`. */
export const bookingEventAt = (at: number): fc.Arbitrary<BookingEvent> =>
  fc.oneof(
    patient.map((p): BookingEvent => ({ type: "patientChosen", at, actor: "user", patient: p })),
    patient.map((p): BookingEvent => ({ type: "patientCreated", at, actor: "user", patient: p })),
    fc.constantFrom("user", "system" as const).map((actor): BookingEvent => ({ type: "markedBooked", at, actor })),
    fc
      .tuple(fc.constantFrom("a1", "a2"), fc.constantFrom("p1", "p2"), fc.option(appointmentStatus, { nil: undefined }))
      .map(
        ([id, patientId, status]): BookingEvent => ({
          type: "appointmentDetected",
          at,
          actor: "system",
          appointment: status === undefined ? { id, patientId } : { id, patientId, status },
        }),
      ),
    fc.tuple(fc.constantFrom("a1", "a2"), appointmentStatus).map(
      ([appointmentId, status]): BookingEvent => ({
        type: "appointmentUpdated",
        at,
        actor: "system",
        appointmentId,
        status,
      }),
    ),
    fc.constant<BookingEvent>({ type: "markedLost", at, actor: "user" }),
    fc.option(fc.integer({ min: 0, max: 100 * HOUR }), { nil: undefined }).map(
      (d): BookingEvent => ({
        type: "commented",
        at,
        actor: "user",
        text: "t",
        ...(d === undefined ? {} : { callBackAt: at + d }),
      }),
    ),
    fc
      .constantFrom("sam", "alex", null)
      .map((owner): BookingEvent => ({ type: "ownerChanged", at, actor: "user", owner })),
  );

/** A chronological log of booking events. */
export const bookingLog = (maxLength = 30): fc.Arbitrary<BookingEvent[]> =>
  fc.array(gap, { maxLength }).chain((gaps) => {
    let at = T0;
    return fc.tuple(
      ...gaps.map((g) => {
        at += g;
        return bookingEventAt(at);
      }),
    );
  });
