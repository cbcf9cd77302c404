import { deepFreeze, lazyPreset } from "../core/freeze.js";
import { defining, guarded, guardMethods, unreadableInput } from "../core/guard.js";
import {
  createLifecycle,
  LIFECYCLE_KEYS,
  type Lifecycle,
  type LifecycleDefinition,
  lifecycleEngine,
  type Refusal,
  type StatusTable,
  statusLabel,
} from "../core/lifecycle.js";
import { isName, isText } from "../core/limits.js";
import { isBoolean, type OptionRule, requireOptions } from "../core/options.js";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "../core/result.js";
import { type Instant, toEpochMs, toIso } from "../core/time.js";
import {
  type Check,
  engineField,
  exactly,
  is,
  listOf,
  nullable,
  storedInstant,
  storedName,
  storedText,
  strict,
} from "../core/vocabulary.js";

// What parseBookingState reads, as the verbs check a stored state (see core/vocabulary.ts).
const stateCheck = (): Check =>
  strict({
    lifecycle: exactly("booking"),
    schemaVersion: exactly(1),
    status: engineField,
    updatedAt: storedInstant,
    createdAt: storedInstant,
    name: storedText,
    patient: nullable(strict({ id: storedName, name: storedText })),
    division: nullable(storedText),
    source: nullable(storedText),
    owner: nullable(storedText),
    bookedAt: nullable(storedInstant),
    appointments: listOf(
      strict({ id: storedText, status: is((v) => (APPOINTMENT_STATUSES as readonly unknown[]).includes(v)) }),
    ),
    comment: nullable(strict({ at: storedInstant, text: storedText, callBackAt: nullable(storedInstant) })),
    appliedIds: engineField,
  });

/** Who acts on a booking lead: a user of the practice, or the system (the PMS integration). */
export const BOOKING_ACTORS = /* @__PURE__ */ deepFreeze(["user", "system"] as const);
/** Who acts on a booking lead. */
export type BookingActor = (typeof BOOKING_ACTORS)[number];

/** The booking lifecycle's stages ("Lead Stage" in the playbook). */
export const BOOKING_STATUSES = /* @__PURE__ */ deepFreeze({
  lead: { label: "Lead", setBy: ["user", "system"], closes: false },
  booked: { label: "Booked", setBy: ["user", "system"], closes: false },
  lost: { label: "Lost", setBy: ["user"], closes: true },
} as const satisfies StatusTable<string, BookingActor>);

/** A stage of the booking lifecycle. */
export type BookingStatus = keyof typeof BOOKING_STATUSES;

/** What the practice system says about an appointment. */
export const APPOINTMENT_STATUSES = /* @__PURE__ */ deepFreeze([
  "booked",
  "attended",
  "cancelled",
  "didNotAttend",
] as const);
/** What the practice system says about an appointment. */
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** A patient (client) in the practice-management system. */
export interface Patient {
  readonly id: string;
  readonly name: string;
}

/** An appointment linked to the lead. */
export interface LinkedAppointment {
  readonly id: string;
  readonly status: AppointmentStatus;
}

/** A comment left on a lead, with an optional call-back date. */
export interface LeadComment {
  readonly at: string;
  readonly text: string;
  readonly callBackAt: string | null;
}

/** A booking lead's state: plain, readonly, JSON-serialisable. */
export interface BookingState {
  readonly lifecycle: "booking";
  readonly schemaVersion: 1;
  readonly status: BookingStatus;
  readonly updatedAt: string;
  readonly createdAt: string;
  readonly name: string;
  readonly patient: Patient | null;
  /** The division the lead is interested in; `null` is the top level. */
  readonly division: string | null;
  readonly source: string | null;
  readonly owner: string | null;
  /** When the lead first moved to `booked` (ISO UTC), or `null`. */
  readonly bookedAt: string | null;
  readonly appointments: readonly LinkedAppointment[];
  /** The latest comment, or `null`. */
  readonly comment: LeadComment | null;
  /** The ids of the last events applied (see `APPLIED_IDS_LIMIT`); present once one had an id. */
  readonly appliedIds?: readonly string[];
}

/** What a new lead is created from. Blank fields are fine. */
export interface NewLead {
  readonly at: Instant;
  readonly name?: string;
  readonly patient?: Patient | null;
  readonly division?: string | null;
  readonly source?: string | null;
  readonly owner?: string | null;
}

/** The fields every event carries: its type, when it happened, who sent it. */
export interface BookingEventBase<T extends string> {
  readonly type: T;
  readonly at: Instant;
  readonly actor: BookingActor;
  /** An idempotency key (1–200 characters): a redelivery of an applied id is a no-op. */
  readonly id?: string;
}

/** Something that happened to a booking lead. */
export type BookingEvent =
  | (BookingEventBase<"patientChosen"> & { readonly patient: Patient })
  | (BookingEventBase<"patientCreated"> & { readonly patient: Patient })
  | BookingEventBase<"markedBooked">
  | (BookingEventBase<"appointmentDetected"> & {
      readonly appointment: { readonly id: string; readonly patientId: string; readonly status?: AppointmentStatus };
    })
  | (BookingEventBase<"appointmentUpdated"> & { readonly appointmentId: string; readonly status: AppointmentStatus })
  | BookingEventBase<"markedLost">
  | (BookingEventBase<"commented"> & { readonly text: string; readonly callBackAt?: Instant })
  | (BookingEventBase<"ownerChanged"> & { readonly owner: string | null });

/** The type of a booking event. */
export type BookingEventType = BookingEvent["type"];

/** Work the host must do after a booking transition. */
export type BookingEffect =
  | { readonly type: "sendPatientToPms"; readonly patientId: string }
  | { readonly type: "offerSendPatientToPms"; readonly patientId: string }
  | { readonly type: "callBack"; readonly at: string; readonly note: string };

/** Why a booking event was refused beyond the engine's own reasons. */
export type BookingRefusalCode =
  | "ownerLocked"
  | "noPatient"
  | "otherPatient"
  | "unknownAppointment"
  | "invalidCallBackAt"
  | "invalidEvent";

/** The tenant's Lead Tracking settings. All off by default. */
export interface BookingSettings {
  /** Create a lead automatically for a new client with no matching lead. */
  readonly createLeadsForNewClients: boolean;
  /** Send a patient created in a lead to the PMS at once (otherwise offer a button). */
  readonly eagerPatientShipping: boolean;
  /** Refuse owner changes while the lead is linked to an appointment that is neither cancelled nor did-not-attend. */
  readonly lockOwnerWhenAssociated: boolean;
}

/** All three settings off, as a new tenant starts. */
export const BOOKING_DEFAULTS: BookingSettings = /* @__PURE__ */ deepFreeze({
  createLeadsForNewClients: false,
  eagerPatientShipping: false,
  lockOwnerWhenAssociated: false,
});

/** The booking lifecycle's verbs, plus `initial`. */
export interface BookingLifecycle
  extends Lifecycle<BookingStatus, BookingActor, BookingState, BookingEvent, BookingEffect, BookingRefusalCode> {
  readonly settings: BookingSettings;
  /** A new lead in stage `lead`; the name is the patient's when left blank. */
  initial(input: NewLead): Result<BookingState, InvalidInput>;
  /** The label to show for a state: "Lead", "Booked" or "Lost" (as for `consultation.label`). */
  label(state: BookingState): string;
}

/**
 * Whether the lead is linked to an appointment that still counts: one that is neither cancelled
 * nor "did not attend" (the playbook's "non-cxc and non-dna").
 *
 * @param state - a booking lead
 * @returns `true` when such an appointment is linked
 * @example
 * const lead = booking.initial({ at: "2026-11-17T09:00:00Z", name: "Tim" });
 * lead.ok && hasActiveAppointment(lead.value); // => false
 */
export function hasActiveAppointment(state: BookingState): boolean {
  return guarded(
    (): boolean => {
      const appointments: unknown = state?.appointments;
      return (
        Array.isArray(appointments) && appointments.some((a) => a?.status === "booked" || a?.status === "attended")
      );
    },
    () => false,
  );
}

const blank = (s: string | undefined | null): boolean => typeof s !== "string" || s.trim() === "";
const isTextOrNull = (v: unknown): boolean => v === null || isText(v);

// Events are typed, and parseBookingEvent is the boundary; but an untyped caller's event missing its
// patient or appointment must get a refusal, not a TypeError (no (state, event) pair throws).
const hasIds = (value: unknown, a: string, b: string): boolean =>
  typeof value === "object" &&
  value !== null &&
  isName((value as Record<string, unknown>)[a]) &&
  isText((value as Record<string, unknown>)[b]);
const malformed = (field: string, shape: string): Refusal<BookingRefusalCode> => ({
  code: "invalidEvent",
  message: `${field} must be ${shape}`,
  field,
});
const checkPatient = (
  _: BookingState,
  event: { readonly patient: unknown },
): Refusal<BookingRefusalCode> | undefined =>
  hasIds(event.patient, "id", "name") ? undefined : malformed("patient", "{ id, name } (strings)");
const NONE: readonly never[] = [];

// A function, not a table: a bundle of the preset alone drops it with the builder.
const BOOKING_RULES = (): readonly OptionRule[] => [
  ["createLeadsForNewClients", isBoolean, "true or false"],
  ["eagerPatientShipping", isBoolean, "true or false"],
  ["lockOwnerWhenAssociated", isBoolean, "true or false"],
];
/**
 * Builds the booking lifecycle for a tenant's settings (already valid; see
 * `createBookingLifecycle` to validate settings from outside).
 *
 * @param settings - the three Lead Tracking settings
 * @throws TypeError naming the option when settings is not a valid one (a programmer error:
 *   read options from outside with `createBookingLifecycle`)
 * @returns the lifecycle
 * @example
 * buildBooking({ ...BOOKING_DEFAULTS, lockOwnerWhenAssociated: true }).settings.lockOwnerWhenAssociated; // => true
 */
export function buildBooking(settings: BookingSettings): BookingLifecycle {
  return defining("buildBooking", (): BookingLifecycle => {
    requireOptions("buildBooking", "settings", settings, BOOKING_RULES());
    return makeBooking(settings);
  });
}

// The lifecycle from settings known to be valid: the preset's defaults (so a bundle of the preset
// alone carries no option checks), or settings buildBooking has checked.
function makeBooking(settings: BookingSettings): BookingLifecycle {
  {
    // Only the patient's id and name are kept: what is stored is what parseBookingState reads.
    const withPatient = (state: BookingState, { id, name }: Patient): BookingState => ({
      ...state,
      patient: { id, name },
      name: blank(state.name) ? name : state.name,
    });
    const definition: LifecycleDefinition<
      BookingStatus,
      BookingActor,
      BookingState,
      BookingEvent,
      BookingEffect,
      BookingRefusalCode
    > = {
      name: "booking",
      initialStatus: "lead",
      statuses: BOOKING_STATUSES,
      stateCheck: stateCheck(),
      closedAccepts: { lost: ["appointmentDetected"] },
      events: {
        patientChosen: {
          from: "open",
          to: "same",
          by: ["user"],
          check: checkPatient,
          apply: (state, event, at) => ({
            state: { ...withPatient(state, event.patient), updatedAt: at },
            effects: NONE,
          }),
        },
        patientCreated: {
          from: "open",
          to: "same",
          by: ["user"],
          check: checkPatient,
          apply: (state, event, at) => ({
            state: { ...withPatient(state, event.patient), updatedAt: at },
            effects: [
              {
                type: settings.eagerPatientShipping ? "sendPatientToPms" : "offerSendPatientToPms",
                patientId: event.patient.id,
              },
            ],
          }),
        },
        markedBooked: {
          from: ["lead"],
          to: "booked",
          apply: (state, _, at) => ({
            state: { ...state, status: "booked", updatedAt: at, bookedAt: at },
            effects: NONE,
          }),
        },
        // A real appointment books a Lost lead too (never by hand: `markedBooked` is from Lead
        // only), and the appointment a lead was created for books it though it is dated before.
        appointmentDetected: {
          from: ["lead", "booked", "lost"],
          to: [{ to: "booked", when: "not cancelled" }],
          by: ["system"],
          late: (state, _, atMs) => atMs < Date.parse(state.createdAt),
          check: (state, event): Refusal<BookingRefusalCode> | undefined => {
            if (!hasIds(event.appointment, "id", "patientId") || !isName(event.appointment.patientId)) {
              return malformed("appointment", "{ id, patientId } (strings)");
            }
            const status = event.appointment.status;
            if (status !== undefined && !APPOINTMENT_STATUSES.includes(status)) {
              return malformed("appointment.status", APPOINTMENT_STATUSES.join(", "));
            }
            if (state.patient === null) {
              return {
                code: "noPatient",
                message: "the lead has no patient, so no appointment can be matched to it",
                field: "appointment.patientId",
              };
            }
            return state.patient.id === event.appointment.patientId
              ? undefined
              : {
                  code: "otherPatient",
                  message: `the appointment is for patient ${event.appointment.patientId}, not the lead's patient ${state.patient.id}`,
                  field: "appointment.patientId",
                };
          },
          apply: (state, event, at) => {
            const linked: LinkedAppointment = {
              id: event.appointment.id,
              status: event.appointment.status ?? "booked",
            };
            const appointments = [...state.appointments.filter((a) => a.id !== linked.id), linked];
            // An appointment that arrives already cancelled is linked (the reports see it) but books
            // nothing: the patient has no appointment.
            if (linked.status === "cancelled")
              return { state: { ...state, updatedAt: at, appointments }, effects: NONE };
            // An appointment dated before the lead (the one it was created for) books it at once:
            // at its creation, however late it is applied.
            const bookedAt =
              state.bookedAt ?? (toEpochMs(event.at) < Date.parse(state.createdAt) ? state.createdAt : at);
            return {
              state: { ...state, status: "booked", updatedAt: at, bookedAt, appointments },
              effects: NONE,
            };
          },
        },
        appointmentUpdated: {
          from: "open",
          to: "same",
          by: ["system"],
          check: (state, event): Refusal<BookingRefusalCode> | undefined =>
            !APPOINTMENT_STATUSES.includes(event.status)
              ? malformed("status", APPOINTMENT_STATUSES.join(", "))
              : state.appointments.some((a) => a.id === event.appointmentId)
                ? undefined
                : {
                    code: "unknownAppointment",
                    message: `appointment ${event.appointmentId} is not linked to this lead`,
                    field: "appointmentId",
                  },
          apply: (state, event, at) => ({
            state: {
              ...state,
              updatedAt: at,
              appointments: state.appointments.map((a) =>
                a.id === event.appointmentId ? { id: a.id, status: event.status } : a,
              ),
            },
            effects: NONE,
          }),
        },
        markedLost: {
          from: ["lead"],
          to: "lost",
          apply: (state, _, at) => ({ state: { ...state, status: "lost", updatedAt: at }, effects: NONE }),
        },
        commented: {
          from: "open",
          to: "same",
          by: ["user"],
          check: (_, event, atMs): Refusal<BookingRefusalCode> | undefined => {
            if (!isText(event.text)) return malformed("text", "a string (10,000 characters at most)");
            if (event.callBackAt === undefined) return undefined;
            const ms = toEpochMs(event.callBackAt);
            if (Number.isNaN(ms))
              return { code: "invalidCallBackAt", message: "callBackAt must be a valid instant", field: "callBackAt" };
            return ms < atMs
              ? { code: "invalidCallBackAt", message: "callBackAt must not be before the comment", field: "callBackAt" }
              : undefined;
          },
          apply: (state, event, at) => {
            const callBackAt = event.callBackAt === undefined ? null : toIso(toEpochMs(event.callBackAt));
            return {
              state: { ...state, updatedAt: at, comment: { at, text: event.text, callBackAt } },
              effects: callBackAt === null ? NONE : [{ type: "callBack", at: callBackAt, note: event.text }],
            };
          },
        },
        ownerChanged: {
          from: "open",
          to: "same",
          by: ["user"],
          check: (_, event): Refusal<BookingRefusalCode> | undefined =>
            event.owner === null || isText(event.owner) ? undefined : malformed("owner", "a string or null"),
          when: (state): Refusal<BookingRefusalCode> | undefined =>
            settings.lockOwnerWhenAssociated && hasActiveAppointment(state)
              ? {
                  code: "ownerLocked",
                  message:
                    "the owner is locked: the lead is linked to an appointment that is neither cancelled nor did-not-attend",
                  field: "owner",
                }
              : undefined,
          apply: (state, event, at) => ({ state: { ...state, updatedAt: at, owner: event.owner }, effects: NONE }),
        },
      },
      timers: [],
    };
    // A new lead is the lifecycle's own state: its first verb trusts it (no check, no copy).
    const engine = lifecycleEngine(definition);
    return guardMethods(
      {
        ...createLifecycle(definition, engine),
        settings,
        label: (state) => statusLabel(BOOKING_STATUSES, state?.status),
        initial(input: NewLead): Result<BookingState, InvalidInput> {
          if (typeof input !== "object" || input === null) {
            return err(invalidInput("new lead", [{ path: "", message: "expected an object" }]));
          }
          const ms = toEpochMs(input.at);
          const issues: Issue[] = [];
          if (Number.isNaN(ms)) issues.push({ path: "at", message: "expected a valid instant" });
          // Every field is checked here too (hosts pass database rows): what is stored must parse back.
          for (const field of ["name", "division", "source", "owner"] as const) {
            const value: unknown = input[field];
            if (value !== undefined && (field === "name" ? !isText(value) : !isTextOrNull(value))) {
              issues.push({
                path: field,
                message: field === "name" ? "expected a string" : "expected a string or null",
              });
            }
          }
          if (input.patient != null && !hasIds(input.patient, "id", "name")) {
            issues.push({ path: "patient", message: "expected { id, name } (strings) or null" });
          }
          const given = input.patient ?? null;
          const patient = given === null ? null : { id: given.id, name: given.name };
          if (blank(input.name) && patient === null && !issues.some((i) => i.path === "name")) {
            issues.push({ path: "name", message: "a lead needs a name or a patient" });
          }
          if (issues.length > 0) return err(invalidInput("new lead", issues));
          const at = toIso(ms);
          const lead: BookingState = {
            lifecycle: "booking",
            schemaVersion: 1,
            status: "lead",
            updatedAt: at,
            createdAt: at,
            name: blank(input.name) && patient !== null ? patient.name : (input.name ?? ""),
            patient,
            division: input.division ?? null,
            source: input.source ?? null,
            owner: input.owner ?? null,
            bookedAt: null,
            appointments: [],
            comment: null,
          };
          // The lead is built from second reads of `input` (a getter may answer differently from
          // the first, checked read), so it is checked as a stored state before the lifecycle makes
          // it its own; one that fails stays outside, and its first verb refuses it.
          if (engine.storedRefusal(lead) === undefined) engine.own(lead);
          return ok(lead);
        },
      },
      { initial: () => unreadableInput("new lead"), label: () => "" },
    );
  }
}

/**
 * The booking lifecycle (Lead → Booked / Lost) with every tenant setting off.
 *
 * @example
 * booking.initial({ at: "2026-11-02T09:00:00Z", patient: { id: "p1", name: "Tim Cook" } });
 * // => { ok: true, value: { status: "lead", name: "Tim Cook", ... } }
 */
export const booking: BookingLifecycle = /* @__PURE__ */ lazyPreset(
  () => makeBooking(BOOKING_DEFAULTS),
  LIFECYCLE_KEYS,
  ["settings", "label", "initial"],
);

/** A client the practice system reports as new. */
export interface NewClient {
  readonly at: Instant;
  readonly patient: Patient;
  readonly division?: string | null;
}

/**
 * "Create Leads for New Clients": when the setting is on and no existing lead matches the new
 * client's patient, returns the lead to create; otherwise `null`. A lead matches when its patient
 * has the same id.
 *
 * @param client - the new client
 * @param leads - the tenant's existing leads
 * @param settings - the tenant's settings
 * @returns the new lead's input, or `null` (also when the client has no valid patient or `leads` is
 *   not a list: nothing to create from)
 * @example
 * leadForNewClient({ at: 0, patient: { id: "p9", name: "Ana" } }, [], { ...BOOKING_DEFAULTS, createLeadsForNewClients: true });
 * // => { at: 0, name: "Ana", patient: { id: "p9", name: "Ana" }, division: null }
 */
export function leadForNewClient(
  client: NewClient,
  leads: readonly BookingState[],
  settings: BookingSettings,
): NewLead | null {
  return guarded(
    (): NewLead | null => {
      if (settings?.createLeadsForNewClients !== true) return null;
      // What cannot be checked is no new lead: a client without a patient, leads that are not a list.
      if (!hasIds(client?.patient, "id", "name") || !Array.isArray(leads)) return null;
      if (leads.some((lead) => lead?.patient?.id === client.patient.id)) return null;
      return { at: client.at, name: client.patient.name, patient: client.patient, division: client.division ?? null };
    },
    () => null,
  );
}
