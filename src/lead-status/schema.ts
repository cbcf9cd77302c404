import * as z from "zod/mini";
import type { InvalidInput, Result } from "../core/result.js";
import { appliedIdsSchema, eventIdSchema, instantSchema, lazy, parseWith, withDefaults } from "../core/schema.js";
import {
  APPOINTMENT_STATUSES,
  BOOKING_ACTORS,
  BOOKING_DEFAULTS,
  BOOKING_STATUSES,
  type BookingEvent,
  type BookingSettings,
  type BookingState,
  type NewLead,
} from "./booking.js";
import {
  CONSULTATION_ACTORS,
  CONSULTATION_DEFAULTS,
  CONSULTATION_STATUSES,
  type ConsultationEvent,
  type ConsultationOptions,
  type ConsultationState,
  type ConsultationStatus,
} from "./consultation.js";

const keys = <T extends object>(table: T): [keyof T & string, ...(keyof T & string)[]] =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

const consultationSchemas = /* @__PURE__ */ lazy(() => {
  const status = z.enum(keys(CONSULTATION_STATUSES));
  const actor = z.enum(CONSULTATION_ACTORS);
  const at = instantSchema();
  const id = eventIdSchema();
  const plain = (type: string) => z.strictObject({ type: z.literal(type), at, actor, id });
  const event = z.discriminatedUnion("type", [
    plain("consultationBooked"),
    plain("consultationRescheduled"),
    plain("consultationCancelled"),
    z.strictObject({
      type: z.literal("followUpLogged"),
      at,
      actor,
      id,
      notes: z.optional(z.string()),
      dueAt: z.optional(instantSchema()),
    }),
    plain("followUpScheduleMoved"),
    plain("cancelledAndDnc"),
    plain("markedUnserviceable"),
    z.strictObject({
      type: z.literal("markedOutOfArea"),
      at,
      actor,
      id,
      transferableToCareCentre: z.optional(z.boolean()),
    }),
    plain("markedDnc"),
    plain("markedCold"),
    plain("markedLost"),
    plain("enrolmentCompleted"),
  ]);
  const followUp = z.strictObject({
    number: z.int().check(z.minimum(1)),
    loggedAt: instantSchema(),
    dueAt: instantSchema(),
    notes: z.string(),
  });
  const state = z
    .strictObject({
      lifecycle: z.literal("consultation"),
      schemaVersion: z.literal(1, { message: "unsupported schemaVersion: this version of leadrules reads version 1" }),
      status,
      updatedAt: instantSchema(),
      followUp: z.nullable(followUp),
      transferableToCareCentre: z.nullable(z.boolean()),
      appliedIds: appliedIdsSchema(),
    })
    .check(
      z.superRefine((s, ctx) => {
        if (
          s.followUp === null ? s.status === "followUp" : s.status !== "followUp" && s.status !== "moveScheduleFollowUp"
        ) {
          ctx.issues.push({
            code: "custom",
            path: ["followUp"],
            input: s.followUp,
            message:
              "must be present when status is followUp, and null unless status is followUp or moveScheduleFollowUp",
          });
        }
        if ((s.status === "outOfArea") !== (s.transferableToCareCentre !== null)) {
          ctx.issues.push({
            code: "custom",
            path: ["transferableToCareCentre"],
            input: s.transferableToCareCentre,
            message: "must be a boolean exactly when status is outOfArea",
          });
        }
      }),
    );
  const hours = (min: number) => z.number().check(z.minimum(min), z.maximum(24 * 366));
  const options = z.strictObject({
    followUpLimit: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
    followUpDueAfterHours: z.optional(hours(0)),
    coldAfterHours: z.optional(hours(0)),
    labels: z.optional(z.partialRecord(status, z.string().check(z.minLength(1)))),
    outOfAreaTransferable: z.optional(z.boolean()),
    closedAccepts: z.optional(
      z.partialRecord(
        z.enum(keys(CONSULTATION_STATUSES).filter((s) => CONSULTATION_STATUSES[s].closes) as [ConsultationStatus]),
        z.array(z.enum(keys(consultationEventTypes()))),
      ),
    ),
  });
  return { event, state, options };
});

function consultationEventTypes(): Record<ConsultationEvent["type"], true> {
  return {
    consultationBooked: true,
    consultationRescheduled: true,
    consultationCancelled: true,
    followUpLogged: true,
    followUpScheduleMoved: true,
    cancelledAndDnc: true,
    markedUnserviceable: true,
    markedOutOfArea: true,
    markedDnc: true,
    markedCold: true,
    markedLost: true,
    enrolmentCompleted: true,
  };
}

/**
 * Reads a consultation event from outside (a webhook, a queue, a log). Instants are normalised to
 * ISO UTC; every issue is listed with its field.
 *
 * @param input - untrusted input
 * @returns the event, or an error value listing every issue
 * @example
 * parseConsultationEvent({ type: "markedLost", at: "2026-11-02T09:00:00Z", actor: "franchisee" }).ok; // => true
 */
export function parseConsultationEvent(input: unknown): Result<ConsultationEvent, InvalidInput> {
  return parseWith(consultationSchemas().event, "consultation event", input) as Result<ConsultationEvent, InvalidInput>;
}

/**
 * Reads a stored consultation state (from a database row or a cache). A record from another
 * schema version, or a corrupt one, is an error value, never a crash.
 *
 * @param input - untrusted input
 * @returns the state, or an error value listing every issue
 * @example
 * parseConsultationState({ lifecycle: "consultation", schemaVersion: 0 }).ok; // => false
 */
export function parseConsultationState(input: unknown): Result<ConsultationState, InvalidInput> {
  return parseWith(consultationSchemas().state, "consultation state", input) as Result<ConsultationState, InvalidInput>;
}

/**
 * Reads consultation options: every field optional, missing ones take the playbook's defaults.
 *
 * @param input - untrusted input (`undefined` means all defaults)
 * @returns complete options, or an error value naming each bad field
 * @example
 * parseConsultationOptions({ followUpLimit: -1 }).ok; // => false
 */
export function parseConsultationOptions(input: unknown): Result<ConsultationOptions, InvalidInput> {
  const parsed = parseWith(consultationSchemas().options, "consultation options", input ?? {});
  if (!parsed.ok) return parsed;
  return { ok: true, value: withDefaults<ConsultationOptions>(CONSULTATION_DEFAULTS, parsed.value) };
}

const bookingSchemas = /* @__PURE__ */ lazy(() => {
  const actor = z.enum(BOOKING_ACTORS);
  const at = instantSchema();
  const id = eventIdSchema();
  const patient = z.strictObject({ id: z.string().check(z.minLength(1)), name: z.string() });
  const appointmentStatus = z.enum(APPOINTMENT_STATUSES);
  const event = z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("patientChosen"), at, actor, id, patient }),
    z.strictObject({ type: z.literal("patientCreated"), at, actor, id, patient }),
    z.strictObject({ type: z.literal("markedBooked"), at, actor, id }),
    z.strictObject({
      type: z.literal("appointmentDetected"),
      at,
      actor,
      id,
      appointment: z.strictObject({
        id: z.string().check(z.minLength(1)),
        patientId: z.string().check(z.minLength(1)),
        status: z.optional(appointmentStatus),
      }),
    }),
    z.strictObject({
      type: z.literal("appointmentUpdated"),
      at,
      actor,
      id,
      appointmentId: z.string().check(z.minLength(1)),
      status: appointmentStatus,
    }),
    z.strictObject({ type: z.literal("markedLost"), at, actor, id }),
    z.strictObject({
      type: z.literal("commented"),
      at,
      actor,
      id,
      text: z.string(),
      callBackAt: z.optional(instantSchema()),
    }),
    z.strictObject({ type: z.literal("ownerChanged"), at, actor, id, owner: z.nullable(z.string()) }),
  ]);
  const optionalText = z.optional(z.nullable(z.string()));
  const newLead = z.strictObject({
    at,
    name: z.optional(z.string()),
    patient: z.optional(z.nullable(patient)),
    division: optionalText,
    source: optionalText,
    owner: optionalText,
  });
  const state = z.strictObject({
    lifecycle: z.literal("booking"),
    schemaVersion: z.literal(1, { message: "unsupported schemaVersion: this version of leadrules reads version 1" }),
    status: z.enum(keys(BOOKING_STATUSES)),
    updatedAt: instantSchema(),
    createdAt: instantSchema(),
    name: z.string(),
    patient: z.nullable(patient),
    division: z.nullable(z.string()),
    source: z.nullable(z.string()),
    owner: z.nullable(z.string()),
    bookedAt: z.nullable(instantSchema()),
    appointments: z.array(z.strictObject({ id: z.string(), status: appointmentStatus })),
    comment: z.nullable(
      z.strictObject({ at: instantSchema(), text: z.string(), callBackAt: z.nullable(instantSchema()) }),
    ),
    appliedIds: appliedIdsSchema(),
  });
  const settings = z.strictObject({
    createLeadsForNewClients: z.optional(z.boolean()),
    eagerPatientShipping: z.optional(z.boolean()),
    lockOwnerWhenAssociated: z.optional(z.boolean()),
  });
  return { event, newLead, state, settings };
});

/**
 * Reads a booking event from outside. Instants are normalised to ISO UTC.
 *
 * @param input - untrusted input
 * @returns the event, or an error value listing every issue
 * @example
 * parseBookingEvent({ type: "markedBooked", at: 0, actor: "user" }).ok; // => true
 */
export function parseBookingEvent(input: unknown): Result<BookingEvent, InvalidInput> {
  return parseWith(bookingSchemas().event, "booking event", input) as Result<BookingEvent, InvalidInput>;
}

/**
 * Reads the input of a new booking lead (name, patient, division, source, owner, at).
 *
 * @param input - untrusted input
 * @returns the new lead, or an error value listing every issue
 * @example
 * parseNewLead({ at: "2026-11-02T09:00:00Z", name: "Tim Cook - massage" }).ok; // => true
 */
export function parseNewLead(input: unknown): Result<NewLead, InvalidInput> {
  return parseWith(bookingSchemas().newLead, "new lead", input) as Result<NewLead, InvalidInput>;
}

/**
 * Reads a stored booking state. A record from another schema version, or a corrupt one, is an
 * error value, never a crash.
 *
 * @param input - untrusted input
 * @returns the state, or an error value listing every issue
 * @example
 * parseBookingState(null).ok; // => false
 */
export function parseBookingState(input: unknown): Result<BookingState, InvalidInput> {
  return parseWith(bookingSchemas().state, "booking state", input) as Result<BookingState, InvalidInput>;
}

/**
 * Reads a tenant's Lead Tracking settings; missing ones are off.
 *
 * @param input - untrusted input (`undefined` means all off)
 * @returns complete settings, or an error value naming each bad field
 * @example
 * parseBookingSettings({ eagerPatientShipping: "yes" }).ok; // => false
 */
export function parseBookingSettings(input: unknown): Result<BookingSettings, InvalidInput> {
  const parsed = parseWith(bookingSchemas().settings, "booking settings", input ?? {});
  if (!parsed.ok) return parsed;
  return { ok: true, value: withDefaults<BookingSettings>(BOOKING_DEFAULTS, parsed.value) };
}

/** The zod schemas behind the parsers; internal (not exported by the package), read by scripts/schemas.ts. */
/** The zod schemas behind the parsers; internal (not exported by the package), read by scripts/schemas.ts. */
export { bookingSchemas, consultationSchemas };
