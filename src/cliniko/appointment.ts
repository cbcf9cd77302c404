// Cliniko (the practice-management system the booking playbook names with Nookal) appointments —
// its public API's individual appointment: `id`, `starts_at`, `ends_at`, `created_at`,
// `cancelled_at`, `archived_at`, `deleted_at`, `did_not_arrive`, `patient_arrived`,
// `patient: { links: { self } }`, `updated_at` — read as the booking lifecycle's appointment events.
//
// The event's time is the instant the appointment took the status it reports, never `updated_at`
// alone: Cliniko bumps `updated_at` on reminders and edits, so an event dated by it would move the
// lead's `bookedAt` (and give every poll after a reminder a new identity key).

import { describeValue } from "../core/describe.js";
import { guarded, UNREADABLE_MESSAGE } from "../core/guard.js";
import { boundedEventId } from "../core/identity.js";
import { isName } from "../core/limits.js";
import { err, ok, type Result } from "../core/result.js";
import { toEpochMs, toIso } from "../core/time.js";
import type { AppointmentStatus, BookingEvent, BookingState } from "../lead-status/booking.js";

/** One Cliniko field refused: which, and why. */
export interface ClinikoError {
  readonly code: "missingField" | "invalidField" | "contradiction" | "unreadable";
  readonly message: string;
  /** The Cliniko field at fault, e.g. `"patient.links.self"`. */
  readonly field: string;
  readonly value: unknown;
}

/** A Cliniko appointment refused: every field at fault. */
export interface ClinikoInvalid {
  readonly code: "invalidClinikoAppointment";
  readonly message: string;
  readonly issues: readonly ClinikoError[];
}

// The last-resort guard's answer (core/guard.ts): one `unreadable` issue.
function unreadableAppointment(): Result<never, ClinikoInvalid> {
  const issue: ClinikoError = { code: "unreadable", message: UNREADABLE_MESSAGE, field: "", value: undefined };
  return err({
    code: "invalidClinikoAppointment",
    message: `Invalid Cliniko appointment: ${UNREADABLE_MESSAGE}`,
    issues: [issue],
  });
}

/** An appointment's booking event with its identity key: `cliniko:appointment:<id>/<status>@<at>` (see {@link bookingEventFromCliniko}). */
export interface ClinikoEnvelope {
  readonly id: string;
  readonly event: Extract<BookingEvent, { readonly type: "appointmentDetected" | "appointmentUpdated" }>;
}

/** What an appointment says, read from it. */
export interface ClinikoAppointmentFacts {
  readonly id: string;
  readonly patientId: string;
  readonly status: AppointmentStatus;
  /** `updated_at`, ISO-8601 UTC: the record's last change of any kind (a reminder sent, an edit). */
  readonly updatedAt: string;
  readonly startsAt: string;
  /** `created_at`, ISO-8601 UTC: when the appointment was booked. */
  readonly createdAt: string;
  /**
   * When the appointment took `status` (ISO-8601 UTC): booked → `created_at`; cancelled → the
   * earliest of `cancelled_at`, `archived_at` and `deleted_at` that is set; attended or did not
   * attend → `updated_at` (Cliniko keeps no instant for either flag).
   */
  readonly statusAt: string;
}

const PATIENT_LINK = /\/patients\/(\d+)\/?$/;
const idText = (v: unknown): string | undefined =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? String(v) : isName(v) ? v : undefined;

/**
 * Reads a Cliniko appointment: its id, its patient's id (from the patient link), its status and
 * instants. The status: `cancelled_at`, `archived_at` or `deleted_at` set → cancelled (an archived
 * appointment is one removed from the diary: the patient has no appointment); `did_not_arrive` →
 * didNotAttend; `patient_arrived` → attended; otherwise booked. Both flags true is a
 * contradiction, refused with one issue for each flag.
 *
 * @param appointment - an individual appointment from Cliniko's API
 * @returns the facts, or an error naming every field at fault
 * @example
 * readClinikoAppointment({ id: 1, created_at: "2016-06-28T21:33:26Z", updated_at: "2016-07-22T15:10:08Z", starts_at: "2016-07-21T03:45:00Z", cancelled_at: null, did_not_arrive: false, patient_arrived: false, patient: { links: { self: "https://api.cliniko.com/v1/patients/82" } } });
 * // => { ok: true, value: { id: "1", patientId: "82", status: "booked", updatedAt: "2016-07-22T15:10:08.000Z", startsAt: "2016-07-21T03:45:00.000Z", createdAt: "2016-06-28T21:33:26.000Z", statusAt: "2016-06-28T21:33:26.000Z" } }
 */
export function readClinikoAppointment(appointment: unknown): Result<ClinikoAppointmentFacts, ClinikoInvalid> {
  return guarded((): Result<ClinikoAppointmentFacts, ClinikoInvalid> => {
    const issues: ClinikoError[] = [];
    const refuse = (code: ClinikoError["code"], field: string, value: unknown, message: string): undefined => {
      issues.push({ code, message: `${field} ${message}`, field, value });
      return undefined;
    };
    if (typeof appointment !== "object" || appointment === null || Array.isArray(appointment)) {
      refuse("invalidField", "appointment", appointment, `must be an object, got ${describeValue(appointment)}`);
      return err(invalid(issues));
    }
    const a = appointment as Record<string, unknown>;
    const id = idText(a.id) ?? refuse("missingField", "id", a.id, "must be the appointment's id");
    const instant = (field: string, nullable: boolean): string | null | undefined => {
      const value = a[field];
      if (value === null && nullable) return null;
      const ms = typeof value === "string" ? toEpochMs(value) : Number.NaN;
      return Number.isNaN(ms)
        ? refuse(
            value === undefined ? "missingField" : "invalidField",
            field,
            value,
            `must be an ISO-8601 date-time${nullable ? " or null" : ""}`,
          )
        : toIso(ms);
    };
    const flag = (field: string): boolean | undefined => {
      const value = a[field];
      if (value === null || value === undefined || typeof value === "boolean") return value === true;
      return refuse("invalidField", field, value, `must be true, false or null, got ${describeValue(value)}`);
    };
    const createdAt = instant("created_at", false);
    const updatedAt = instant("updated_at", false);
    const startsAt = instant("starts_at", false);
    const cancelledAt = a.cancelled_at === undefined ? null : instant("cancelled_at", true);
    const archivedAt = a.archived_at === undefined ? null : instant("archived_at", true);
    const deletedAt = a.deleted_at === undefined ? null : instant("deleted_at", true);
    const didNotArrive = flag("did_not_arrive");
    const arrived = flag("patient_arrived");
    const link = (a.patient as { links?: { self?: unknown } } | null | undefined)?.links?.self;
    const patientId = typeof link === "string" ? PATIENT_LINK.exec(link)?.[1] : undefined;
    if (patientId === undefined) {
      refuse(
        link === undefined ? "missingField" : "invalidField",
        "patient.links.self",
        link,
        "must be the patient's link, ending /patients/<id>",
      );
    }
    if (didNotArrive === true && arrived === true) {
      // Each flag of the contradiction is named: either may be the one set by mistake.
      refuse("contradiction", "did_not_arrive", true, "is true but patient_arrived is true too");
      refuse("contradiction", "patient_arrived", true, "is true but did_not_arrive is true too");
    }
    if (issues.length > 0) return err(invalid(issues));
    const ended = [cancelledAt, archivedAt, deletedAt].filter((at): at is string => typeof at === "string").sort();
    const status: AppointmentStatus =
      ended.length > 0 ? "cancelled" : didNotArrive ? "didNotAttend" : arrived ? "attended" : "booked";
    const statusAt = status === "cancelled" ? ended[0] : status === "booked" ? createdAt : updatedAt;
    return ok({
      id: id as string,
      patientId: patientId as string,
      status,
      updatedAt: updatedAt as string,
      startsAt: startsAt as string,
      createdAt: createdAt as string,
      statusAt: statusAt as string,
    });
  }, unreadableAppointment);
}

function invalid(issues: readonly ClinikoError[]): ClinikoInvalid {
  return {
    code: "invalidClinikoAppointment",
    message: `Invalid Cliniko appointment: ${issues.map((i) => i.message).join("; ")}`,
    issues,
  };
}

/**
 * The booking event a Cliniko appointment means for a lead: `appointmentDetected` when the lead
 * has not linked it yet (the PMS reports a new appointment), `appointmentUpdated` when it has. The
 * actor is the system. `at` is when the appointment took its status (`statusAt`: booked at
 * `created_at`, cancelled at `cancelled_at`/`archived_at`/`deleted_at`), so a reminder or an edit
 * that bumps `updated_at` changes neither the event nor the lead's `bookedAt`. The identity key is
 * `cliniko:appointment:<id>/<status>@<at>` for booked and cancelled, and
 * `cliniko:appointment:<id>/<status>` for attended and did not attend (dated by `updated_at`, which
 * later edits move): every poll of one status of one appointment gives one key.
 *
 * @param appointment - an individual appointment from Cliniko's API
 * @param lead - the booking lead it belongs to
 * @returns the event with its identity key, or an error naming every field at fault
 * @example
 * const lead = booking.initial({ at: "2016-07-01T00:00:00Z", patient: { id: "82", name: "Joe Monahan" } });
 * lead.ok && bookingEventFromCliniko({ id: 1, created_at: "2016-06-28T21:33:26Z", updated_at: "2016-07-22T15:10:08Z", starts_at: "2016-07-21T03:45:00Z", patient: { links: { self: "https://api.cliniko.com/v1/patients/82" } } }, lead.value).ok; // => true
 */
export function bookingEventFromCliniko(
  appointment: unknown,
  lead: BookingState,
): Result<ClinikoEnvelope, ClinikoInvalid> {
  return guarded((): Result<ClinikoEnvelope, ClinikoInvalid> => {
    const read = readClinikoAppointment(appointment);
    if (!read.ok) return read;
    const { id, patientId, status, statusAt } = read.value;
    const linked = Array.isArray(lead?.appointments) && lead.appointments.some((a) => a?.id === id);
    const stable = status === "booked" || status === "cancelled";
    const key = boundedEventId(`cliniko:appointment:${id}/${status}${stable ? `@${statusAt}` : ""}`);
    return ok({
      id: key,
      event: linked
        ? { type: "appointmentUpdated", at: statusAt, actor: "system", appointmentId: id, status, id: key }
        : {
            type: "appointmentDetected",
            at: statusAt,
            actor: "system",
            appointment: { id, patientId, status },
            id: key,
          },
    });
  }, unreadableAppointment);
}
