import { addMonthsIn, type Period, periodOf } from "../core/calendar.js";
import { guarded, unreadableInput } from "../core/guard.js";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "../core/result.js";
import { type Instant, isTimeZone, toEpochMs, toIso } from "../core/time.js";
import type { BookingState } from "./booking.js";

/** One division's row of the Mega Report's lead figures. */
export interface DivisionLeadFigures {
  /** The division; `null` is the top level. */
  readonly division: string | null;
  /** Leads created in the period. */
  readonly additionalLeads: number;
  /** Of those, leads that have been booked. */
  readonly additionalLeadsBooked: number;
}

/** Additional Leads and Additional Leads Booked, in total and per division. */
export interface LeadFigures {
  readonly period: Period;
  readonly total: { readonly additionalLeads: number; readonly additionalLeadsBooked: number };
  /** One row per division that has a lead in the period, sorted by division (top level first). */
  readonly byDivision: readonly DivisionLeadFigures[];
}

// Leads reach reports from hosts' storage: each must at least be a booking lead state (parse
// stored ones with parseBookingState); the first that is not is named.
function readLeads(leads: unknown, issues: Issue[]): void {
  if (!Array.isArray(leads)) {
    issues.push({ path: "leads", message: "expected an array of booking leads" });
    return;
  }
  const bad = leads.findIndex(
    (l) =>
      typeof l !== "object" ||
      l === null ||
      l.lifecycle !== "booking" ||
      Number.isNaN(toEpochMs(l.createdAt)) ||
      (l.bookedAt !== null && Number.isNaN(toEpochMs(l.bookedAt))) ||
      !Array.isArray(l.appointments),
  );
  if (bad >= 0) issues.push({ path: `leads.${bad}`, message: "expected a booking lead state" });
}

function readPeriod(from: Instant, to: Instant, issues: Issue[]): [number, number] {
  const fromMs = toEpochMs(from);
  const toMs = toEpochMs(to);
  if (Number.isNaN(fromMs)) issues.push({ path: "from", message: "expected a valid instant" });
  if (Number.isNaN(toMs)) issues.push({ path: "to", message: "expected a valid instant" });
  if (fromMs > toMs) issues.push({ path: "to", message: "must not be before from" });
  return [fromMs, toMs];
}

/**
 * The Mega Report's "Additional Leads" (created in `[from, to)`) and "Additional Leads Booked"
 * (of those, booked at any time since), in total and per division. Pass `division` to keep one
 * division only (`null` for the top level).
 *
 * @param leads - booking leads
 * @param query - the period, and optionally one division
 * @returns the figures, or an error value naming the bad field
 * @example
 * const made = booking.initial({ at: "2026-11-17T09:00:00Z", name: "Tim", owner: "sam", division: "North" });
 * const leads = made.ok ? [made.value] : [];
 * leadFigures(leads, { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" });
 * // => { ok: true, value: { period: {…}, total: { additionalLeads: 1, additionalLeadsBooked: 0 }, byDivision: [{ division: "North", … }] } }
 */
export function leadFigures(
  leads: readonly BookingState[],
  query: { readonly from: Instant; readonly to: Instant; readonly division?: string | null },
): Result<LeadFigures, InvalidInput> {
  return guarded(
    (): Result<LeadFigures, InvalidInput> => {
      const issues: Issue[] = [];
      readLeads(leads, issues);
      const [fromMs, toMs] = readPeriod(query?.from, query?.to, issues);
      if (query?.division !== undefined && query.division !== null && typeof query.division !== "string") {
        issues.push({ path: "division", message: "expected a string, null (the top level) or nothing" });
      }
      if (issues.length > 0) return err(invalidInput("lead figures query", issues));
      const rows = new Map<string | null, { additionalLeads: number; additionalLeadsBooked: number }>();
      let additionalLeads = 0;
      let additionalLeadsBooked = 0;
      for (const lead of leads) {
        const created = Date.parse(lead.createdAt);
        if (created < fromMs || created >= toMs) continue;
        if (query.division !== undefined && lead.division !== query.division) continue;
        let row = rows.get(lead.division);
        if (row === undefined) {
          row = { additionalLeads: 0, additionalLeadsBooked: 0 };
          rows.set(lead.division, row);
        }
        row.additionalLeads++;
        additionalLeads++;
        if (lead.bookedAt !== null) {
          row.additionalLeadsBooked++;
          additionalLeadsBooked++;
        }
      }
      const byDivision = [...rows]
        .map(([division, row]) => ({ division, ...row }))
        .sort((a, b) => (a.division === null ? -1 : b.division === null ? 1 : a.division < b.division ? -1 : 1));
      return ok({
        period: { from: toIso(fromMs), to: toIso(toMs) },
        total: { additionalLeads, additionalLeadsBooked },
        byDivision,
      });
    },
    () => unreadableInput("lead report"),
  );
}

/** When and where "last week", "last month" and "this year" are measured. */
export interface FollowUpListQuery {
  readonly now: Instant;
  /** IANA time zone of the practice, e.g. "Australia/Sydney". */
  readonly timeZone: string;
}

function readQuery(leads: unknown, query: FollowUpListQuery, issues: Issue[]): number {
  readLeads(leads, issues);
  const nowMs = toEpochMs(query?.now);
  if (Number.isNaN(nowMs)) issues.push({ path: "now", message: "expected a valid instant" });
  if (!isTimeZone(query?.timeZone)) issues.push({ path: "timeZone", message: "expected an IANA time-zone name" });
  return nowMs;
}

/**
 * "New leads from last week that haven't booked in yet": created in the previous ISO week
 * (Monday to Sunday in the practice's time zone) and still in stage `lead`.
 *
 * @param leads - booking leads
 * @param query - now and the time zone
 * @returns the matching leads, in input order
 * @example
 * const made = booking.initial({ at: "2026-11-17T09:00:00Z", name: "Tim", owner: "sam", division: "North" });
 * const leads = made.ok ? [made.value] : [];
 * newLeadsFromLastWeekNotBooked(leads, { now: "2026-11-23T09:00:00Z", timeZone: "Europe/London" });
 * // => { ok: true, value: [Tim's lead] } (created 17 November, in the week of 16–22 November, not booked)
 */
export function newLeadsFromLastWeekNotBooked(
  leads: readonly BookingState[],
  query: FollowUpListQuery,
): Result<readonly BookingState[], InvalidInput> {
  return guarded(
    (): Result<readonly BookingState[], InvalidInput> => {
      const issues: Issue[] = [];
      const nowMs = readQuery(leads, query, issues);
      if (issues.length > 0) return err(invalidInput("follow-up list query", issues));
      const week = periodOf("isoWeek", nowMs, query.timeZone, -1);
      const from = Date.parse(week.from);
      const to = Date.parse(week.to);
      return ok(
        leads.filter((lead) => {
          const created = Date.parse(lead.createdAt);
          return lead.status === "lead" && created >= from && created < to;
        }),
      );
    },
    () => unreadableInput("lead report"),
  );
}

/**
 * "Leads that have booked in over the last month, but then cancelled the appointment so we never
 * saw them": first booked within one calendar month before `now`, with linked appointments that
 * are all cancelled.
 *
 * @param leads - booking leads
 * @param query - now and the time zone
 * @returns the matching leads, in input order
 * @example
 * const made = booking.initial({ at: "2026-11-17T09:00:00Z", name: "Tim", owner: "sam", division: "North" });
 * const leads = made.ok ? [made.value] : [];
 * bookedLastMonthThenCancelled(leads, { now: "2026-11-23T09:00:00Z", timeZone: "UTC" });
 * // => { ok: true, value: [] } (Tim was never booked)
 */
export function bookedLastMonthThenCancelled(
  leads: readonly BookingState[],
  query: FollowUpListQuery,
): Result<readonly BookingState[], InvalidInput> {
  return guarded(
    (): Result<readonly BookingState[], InvalidInput> => {
      const issues: Issue[] = [];
      const nowMs = readQuery(leads, query, issues);
      if (issues.length > 0) return err(invalidInput("follow-up list query", issues));
      const from = addMonthsIn(nowMs, -1, query.timeZone);
      return ok(
        leads.filter((lead) => {
          if (lead.bookedAt === null) return false;
          const booked = Date.parse(lead.bookedAt);
          return (
            booked >= from &&
            booked <= nowMs &&
            lead.appointments.length > 0 &&
            lead.appointments.every((a) => a.status === "cancelled")
          );
        }),
      );
    },
    () => unreadableInput("lead report"),
  );
}

/**
 * "Leads from a particular salesperson that haven't booked in this year": the owner's leads,
 * not lost, and not booked since 1 January of the current year in the practice's time zone.
 *
 * @param leads - booking leads
 * @param query - the owner, now and the time zone
 * @returns the matching leads, in input order
 * @example
 * const made = booking.initial({ at: "2026-11-17T09:00:00Z", name: "Tim", owner: "sam", division: "North" });
 * const leads = made.ok ? [made.value] : [];
 * ownerLeadsNotBookedThisYear(leads, { owner: "sam", now: "2026-11-23T09:00:00Z", timeZone: "UTC" });
 * // => { ok: true, value: [Tim's lead] }
 */
export function ownerLeadsNotBookedThisYear(
  leads: readonly BookingState[],
  query: FollowUpListQuery & { readonly owner: string },
): Result<readonly BookingState[], InvalidInput> {
  return guarded(
    (): Result<readonly BookingState[], InvalidInput> => {
      const issues: Issue[] = [];
      const nowMs = readQuery(leads, query, issues);
      if (typeof query?.owner !== "string") issues.push({ path: "owner", message: "expected a string" });
      if (issues.length > 0) return err(invalidInput("follow-up list query", issues));
      const yearStart = Date.parse(periodOf("year", nowMs, query.timeZone).from);
      return ok(
        leads.filter(
          (lead) =>
            lead.owner === query.owner &&
            lead.status !== "lost" &&
            (lead.bookedAt === null || Date.parse(lead.bookedAt) < yearStart),
        ),
      );
    },
    () => unreadableInput("lead report"),
  );
}
