import { describeValue } from "../core/describe.js";
import { guarded, UNREADABLE_MESSAGE } from "../core/guard.js";
import { type Instant, toEpochMs } from "../core/time.js";
import { campaignZone, withinBound } from "./bound.js";
import { type Campaign, type ResultId, resultFlags } from "./campaign.js";
import type { CallRecord } from "./record-state.js";
import { LAST_CONTACTS, type LastContact, type ResultFlags } from "./results.js";

/** A call as an agent logs it by hand. `Custom` is the campaign's own result ids (see `Campaign`). */
export interface LoggedCall<Custom extends string = never> {
  readonly at: Instant;
  readonly lastContact: LastContact;
  /** A result id: built in, or one of the campaign's. */
  readonly result: ResultId<Custom>;
  /** The agreed call back, when there is one. */
  readonly callBackAt?: Instant | null;
  /** The follow-up task logged with the call. */
  readonly task?: { readonly dueAt: Instant } | null;
  /** Reception blocked the call (counts towards a dead end). */
  readonly blocked?: boolean;
  /** An idempotency key (1–200 characters): a redelivery of an applied id is a no-op. */
  readonly id?: string;
}

/** Why a logged call breaks the playbook. */
export type ViolationCode =
  | "invalidInstant"
  | "unknownLastContact"
  | "unknownResult"
  | "recordClosed"
  | "notEnabled"
  | "decisionMakerOnly"
  | "receptionOnly"
  | "receptionOrNone"
  | "noLeadToFollowUp"
  | "repeatLead"
  | "shouldBeFollowUp"
  | "dmCutShortIsReception"
  | "callBackBeyondBound"
  | "callBackWithinBound"
  | "callBackInPast"
  | "taskMissing"
  | "deadEndTooEarly"
  | "nobodyAskedForRemoval"
  | "invalidInput";

/** One way a logged call breaks the playbook, with the result that should have been logged when the playbook implies one. */
export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  readonly field: "at" | "lastContact" | "result" | "callBackAt" | "task" | "call" | "record" | "campaign";
  readonly suggested?: string;
}

/**
 * Whether the record is an existing lead: a DM lead is waiting on a follow-up task.
 *
 * @param record - the call record
 * @returns `true` while a follow-up task is pending
 * @example
 * const record = callRecord.initial("2026-11-23T09:00:00Z");
 * record.ok && isExistingLead(record.value); // => false
 */
export const isExistingLead = (record: CallRecord<string>): boolean =>
  guarded(
    () => record?.status === "pendingTask",
    () => false,
  );

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * The violation for arguments that are not a call, a record or a campaign at all (hosts call with
 * database rows and webhook bodies: read them with the parsers first).
 */
export function shapeViolation(call: unknown, record: unknown, campaign: unknown): Violation | undefined {
  if (!isObject(call)) return { code: "invalidInput", field: "call", message: "the call must be an object" };
  if (!isObject(record) || typeof record.status !== "string" || typeof record.blockedAttempts !== "number") {
    return {
      code: "invalidInput",
      field: "record",
      message: "record must be a call record (read a stored one with parseCallRecord)",
    };
  }
  if (
    !isObject(campaign) ||
    !Array.isArray(campaign.customResults) ||
    typeof campaign.emailFollowUpWeeks !== "number" ||
    typeof campaign.deadEndMinBlockedAttempts !== "number" ||
    campaignZone(campaign as unknown as Campaign<string>) === undefined
  ) {
    return {
      code: "invalidInput",
      field: "campaign",
      message: "campaign must be a campaign (DEFAULT_CAMPAIGN, or one made with createCampaign)",
    };
  }
  return undefined;
}

/**
 * Everything about a result that depends only on the Last Contact, the record and the campaign —
 * who may log it, permissions, leads, the DM who cuts you short, dead ends, removals — shared by
 * `validate` and `allowedResults`, so what `allowedResults` offers is what `validate` accepts.
 */
export function eligibility(
  flags: ResultFlags,
  result: string,
  lastContact: LastContact,
  record: CallRecord<string>,
  campaign: Campaign<string>,
): Violation[] {
  const out: Violation[] = [];
  const label = flags.label;
  if (flags.permission !== undefined && !campaign[flags.permission]) {
    out.push({ code: "notEnabled", field: "result", message: `"${label}" is not enabled in campaign ${campaign.id}` });
  }
  const contact = LAST_CONTACTS[lastContact];
  if (flags.who === "decisionMakerOnly" && lastContact !== "decisionMaker") {
    out.push({
      code: "decisionMakerOnly",
      field: "lastContact",
      message: `"${label}" is a Decision Maker only result, but the Last Contact is ${contact}`,
    });
  } else if (flags.who === "receptionOnly" && lastContact !== "reception") {
    out.push({
      code: "receptionOnly",
      field: "lastContact",
      message: `"${label}" is a Reception only result, but the Last Contact is ${contact}`,
    });
  } else if (flags.who === "receptionOrNone" && lastContact === "decisionMaker") {
    out.push({
      code: "receptionOrNone",
      field: "lastContact",
      message: `"${label}" is for calls that never reach the Decision Maker`,
    });
  } else if (flags.who === "existingLeadOnly" && !isExistingLead(record)) {
    out.push({
      code: "noLeadToFollowUp",
      field: "result",
      message: `"${label}" is only for a record where we already spoke to the DM and have a lead to follow up`,
      suggested: "noContact",
    });
  }
  if (isExistingLead(record) && (result === "emailOnly" || result === "emailFollowUp")) {
    out.push({
      code: "repeatLead",
      field: "result",
      message: `this record is already a lead: a follow-up call is logged as "Follow Up", never as "${label}" again`,
      suggested: "followUp",
    });
  }
  if (lastContact === "decisionMaker" && result === "noContact") {
    const lead = isExistingLead(record);
    out.push({
      code: "dmCutShortIsReception",
      field: "lastContact",
      message: lead
        ? 'a DM on an existing lead who cannot talk now is logged as "Follow Up", with the task rolled forward'
        : 'a DM who cuts you short before the pitch is logged with Last Contact "Reception", No Contact and a task to call back',
      ...(lead ? { suggested: "followUp" } : {}),
    });
  }
  if (isExistingLead(record) && lastContact !== "decisionMaker" && result === "noContact") {
    out.push({
      code: "shouldBeFollowUp",
      field: "result",
      message:
        'a follow-up call on an existing lead that does not reach the DM is logged as "Follow Up", not No Contact',
      suggested: "followUp",
    });
  }
  // "Remove From Database" is what someone asks for: with Last Contact No Contact nobody spoke.
  if (result === "removeFromDatabase" && lastContact === "noContact") {
    out.push({
      code: "nobodyAskedForRemoval",
      field: "lastContact",
      message:
        '"Remove From Database" is logged when someone on the call asks to be removed: with No Contact, nobody spoke',
    });
  }
  if (result === "deadEndOrBlocked" && record.blockedAttempts < campaign.deadEndMinBlockedAttempts) {
    out.push({
      code: "deadEndTooEarly",
      field: "result",
      message: `Dead End or Blocked is a last resort: ${record.blockedAttempts} earlier blocked attempt(s), ${campaign.deadEndMinBlockedAttempts} needed`,
      suggested: "noContact",
    });
  }
  return out;
}

/**
 * Checks a call logged by hand against the playbook and returns every violation, each with a
 * code, a plain-English message, the field at fault and, where the playbook implies one, the
 * result that should have been logged. An empty list means the call is right. Never throws.
 *
 * @param call - the logged call
 * @param record - the record it was logged on (before the call)
 * @param campaign - the campaign
 * @returns the violations
 * @example
 * const record = callRecord.initial(0);
 * record.ok && validate({ at: 0, lastContact: "reception", result: "pitchedNotInterested" }, record.value, DEFAULT_CAMPAIGN)[0]?.code;
 * // => "decisionMakerOnly"
 */
export function validate<Custom extends string = never>(
  call: LoggedCall<Custom>,
  record: CallRecord<Custom>,
  campaign: Campaign<Custom>,
): Violation[] {
  return guarded(
    (): Violation[] => {
      const shape = shapeViolation(call, record, campaign);
      if (shape !== undefined) return [shape];
      const out: Violation[] = [];
      const atMs = toEpochMs(call.at);
      if (Number.isNaN(atMs)) out.push({ code: "invalidInstant", field: "at", message: "at must be a valid instant" });
      if (record.status === "closed") {
        out.push({
          code: "recordClosed",
          field: "result",
          message: `the record is closed (${typeof record.lastResult === "string" ? record.lastResult : "closed"}): it is off the list`,
        });
      }
      if (typeof call.lastContact !== "string" || !Object.hasOwn(LAST_CONTACTS, call.lastContact)) {
        out.push({
          code: "unknownLastContact",
          field: "lastContact",
          message: "lastContact must be noContact, reception or decisionMaker",
        });
        return out;
      }
      const flags = typeof call.result === "string" ? resultFlags(campaign, call.result) : undefined;
      if (flags === undefined) {
        out.push({
          code: "unknownResult",
          field: "result",
          message: `${describeValue(call.result)} is not a result of campaign ${typeof campaign.id === "string" ? campaign.id : describeValue(campaign.id)}`,
        });
        return out;
      }
      out.push(...eligibility(flags, call.result, call.lastContact, record, campaign));
      const callBack =
        call.callBackAt === undefined || call.callBackAt === null ? Number.NaN : toEpochMs(call.callBackAt);
      if (call.callBackAt !== undefined && call.callBackAt !== null) {
        if (Number.isNaN(callBack))
          out.push({ code: "invalidInstant", field: "callBackAt", message: "callBackAt must be a valid instant" });
        else if (callBack < atMs) {
          out.push({ code: "callBackInPast", field: "callBackAt", message: "callBackAt is before the call itself" });
        }
      }
      // The bound is read by calendar date in the campaign's zone (see withinBound).
      const known = !Number.isNaN(callBack) && !Number.isNaN(atMs);
      const within = known && withinBound(campaign, atMs, callBack);
      const weeks = campaign.emailFollowUpWeeks;
      if (call.result === "emailFollowUp" && known && !within) {
        out.push({
          code: "callBackBeyondBound",
          field: "result",
          message: `the call back is more than ${weeks} weeks away: that is Nurture - Email Sent`,
          suggested: "nurtureEmailSent",
        });
      }
      const existing = isExistingLead(record);
      if (call.result === "nurtureEmailSent" && within && !existing) {
        out.push({
          code: "callBackWithinBound",
          field: "result",
          message: `an email and a call back within ${weeks} weeks is Email Follow Up`,
          suggested: "emailFollowUp",
        });
      }
      // On an existing lead, Nurture is a call back further out than the bound, never two weeks; and
      // a DM who asks for a call back further out is Nurture, not Follow Up.
      if ((call.result === "nurtureEmailSent" || call.result === "nurtureNoEmailSent") && within && existing) {
        out.push({
          code: "callBackWithinBound",
          field: "result",
          message: `on an existing lead, a call back within ${weeks} weeks is Follow Up (the task rolled forward): Nurture is a call back further out`,
          suggested: "followUp",
        });
      }
      if (call.result === "followUp" && call.lastContact === "decisionMaker" && known && !within && existing) {
        out.push({
          code: "callBackBeyondBound",
          field: "result",
          message: `the DM asked for a call back more than ${weeks} weeks away: that is Nurture (Email Sent or No Email Sent), with the task rolled forward`,
        });
      }
      const task: unknown = call.task;
      if (task !== undefined && task !== null) {
        const due = typeof task === "object" ? toEpochMs((task as { dueAt?: unknown }).dueAt) : Number.NaN;
        if (Number.isNaN(due))
          out.push({ code: "invalidInstant", field: "task", message: "task.dueAt must be a valid instant" });
      } else if (flags.effects.includes("followUpTask")) {
        out.push({
          code: "taskMissing",
          field: "task",
          message: `"${flags.label}" needs a follow-up task with its due time`,
        });
      }
      return out;
    },
    () => [{ code: "invalidInput", field: "call", message: UNREADABLE_MESSAGE }],
  );
}
