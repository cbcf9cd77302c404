import { lazyPreset } from "../core/freeze.js";
import { defining, guarded, guardMethods, unreadable, unreadableInput } from "../core/guard.js";
import { isApplied } from "../core/identity.js";
import {
  createLifecycle,
  LIFECYCLE_KEYS,
  type Lifecycle,
  type LifecycleDefinition,
  type Rejection,
  type Step,
} from "../core/lifecycle.js";
import { isName } from "../core/limits.js";
import { type OptionRule, requireOptions } from "../core/options.js";
import { err, type InvalidInput, invalidInput, ok, type Result } from "../core/result.js";
import { type Instant, isTimeZone, toEpochMs, toIso } from "../core/time.js";
import {
  type Check,
  engineField,
  exactly,
  type FieldRule,
  fieldRefusal,
  is,
  isBoolean,
  nullable,
  optional,
  storedInstant,
  strict,
} from "../core/vocabulary.js";
import { type Campaign, DEFAULT_CAMPAIGN, type ResultId, resultFlags } from "./campaign.js";
import {
  type CallFacts,
  type Classification,
  type ClassifyError,
  campaignProblem,
  classify,
  toLoggedCall,
} from "./classify.js";
import type { CallEffect, CallRecord } from "./record-state.js";
import {
  CALL_ACTORS,
  CALL_RESULTS,
  type CallActor,
  LAST_CONTACTS,
  type LastContact,
  RECORD_STATUSES,
  type RecordStatus,
} from "./results.js";
import { eligibility, type LoggedCall, shapeViolation, type ViolationCode, validate } from "./validate.js";

/** A call logged on the record. `Custom` is the campaign's own result ids (see `Campaign`). */
export interface CallLoggedEvent<Custom extends string = never> extends LoggedCall<Custom> {
  readonly type: "callLogged";
  readonly actor: CallActor;
}

/**
 * The record lifecycle's verbs, plus `initial`, `allowedResults` and the campaign. `Custom` is the
 * campaign's own result ids (see `Campaign`); a refusal's `code` is an engine code or a
 * `ViolationCode`.
 */
export interface CallRecordLifecycle<Custom extends string = never>
  extends Lifecycle<RecordStatus, CallActor, CallRecord<Custom>, CallLoggedEvent<Custom>, CallEffect, ViolationCode> {
  readonly campaign: Campaign<Custom>;
  /** A new record on the list. */
  initial(at: Instant): Result<CallRecord<Custom>, InvalidInput>;
  /** The results that may be logged now with this Last Contact (who, permissions, existing lead). */
  allowedResults(record: CallRecord<Custom>, lastContact: LastContact): readonly ResultId<Custom>[];
  /**
   * From the agent's facts to the record update in one call: classifies the call with this
   * lifecycle's campaign, then logs it (`transition` with the classified call).
   */
  logCall(
    record: CallRecord<Custom>,
    facts: CallFacts,
    at: Instant,
    actor: CallActor,
  ): Result<CallLogStep<Custom>, CallLogError>;
}

/**
 * What `logCall` did: the record after the call, the effects it requires, and the classification —
 * or, when the facts' `id` is one the record has already applied (a retried delivery), the record
 * as it was, no effects, `duplicate: true` and no classification (`null`): nothing was classified.
 */
export type CallLogStep<Custom extends string = never> =
  | (Step<CallRecord<Custom>, CallEffect> & {
      readonly duplicate?: undefined;
      readonly classification: Classification<Custom>;
    })
  | (Step<CallRecord<Custom>, CallEffect> & { readonly duplicate: true; readonly classification: null });

/**
 * Why `logCall` logged nothing: the facts could not be classified (`ClassifyError`), or the record
 * refused the call (a `Rejection` whose code is an engine code or a `ViolationCode`). Every member
 * has a literal `code`, so a `switch (error.code)` narrows and can be exhaustive (docs/errors.md).
 */
export type CallLogError = ClassifyError | Rejection<ViolationCode>;

/**
 * A new record on a calling list.
 *
 * @param updatedAt - when it was added, ISO UTC
 * @returns the record
 * @example
 * newRecord("2026-11-23T00:00:00.000Z").status; // => "open"
 */
export function newRecord(updatedAt: string | number): CallRecord<never> {
  return {
    lifecycle: "callRecord",
    schemaVersion: 1,
    status: "open",
    updatedAt: typeof updatedAt === "number" ? toIso(updatedAt) : updatedAt,
    lastContact: null,
    lastResult: null,
    leadResult: null,
    appointments: 0,
    blockedAttempts: 0,
    doNotCall: false,
    ownedByClient: false,
    reopensAt: null,
  };
}

const DAY_MS = 86_400_000;
const NO_EFFECTS: readonly never[] = [];
// What validate does not read as a playbook rule, but parseLoggedCall refuses (the verb is a boundary
// for its own vocabulary): a `blocked` that is not a boolean.
const CALL_RULES: readonly FieldRule[] = [["blocked", optional(isBoolean), "one of true, false"]];
const INTRO: CallEffect = { type: "introEmail", template: "Intro Email", to: "decisionMaker", cc: [], bcc: [] };

// What the record's verbs rely on (createCampaign checks the rest).
// A function, not a table: a bundle of the preset alone drops it with the builder.
const CAMPAIGN_RULES = (): readonly OptionRule[] => [
  ["id", (v) => typeof v === "string", "a string"],
  ["customResults", Array.isArray, "a list"],
  ["emailFollowUpWeeks", (v) => typeof v === "number" && v >= 0, "a number of weeks, 0 or more"],
  ["timeZone", (v) => v === undefined || isTimeZone(v), 'an IANA time-zone name such as "Europe/London"'],
  ["deadEndMinBlockedAttempts", (v) => Number.isInteger(v) && (v as number) >= 0, "a whole number, 0 or more"],
  ["emailOnlyHns", (v) => typeof v === "boolean", "true or false"],
  ["wantsConsultantFollowUp", (v) => typeof v === "boolean", "true or false"],
  // The recycle date is written into the record: the same range createCampaign accepts.
  [
    "recycleNoPitchAfterDays",
    (v) => v === null || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 3660),
    "null or a whole number of days from 1 to 3660",
  ],
];
// What parseCallRecord reads (with the campaign's results), as the verbs check a stored record (see
// core/vocabulary.ts). A count one short of unsafe integers is refused too: one more call would
// write a count the parser refuses.
function recordCheck(campaign: Campaign<string>): Check {
  const count = is((v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) < Number.MAX_SAFE_INTEGER);
  const result = nullable(is((v) => isName(v) && resultFlags(campaign, v) !== undefined));
  return strict({
    lifecycle: exactly("callRecord"),
    schemaVersion: exactly(1),
    status: engineField,
    updatedAt: storedInstant,
    lastContact: nullable(is((v) => typeof v === "string" && Object.hasOwn(LAST_CONTACTS, v))),
    lastResult: result,
    leadResult: result,
    appointments: count,
    blockedAttempts: count,
    doNotCall: is(isBoolean),
    ownedByClient: is(isBoolean),
    reopensAt: nullable(storedInstant),
    appliedIds: engineField,
  });
}

/**
 * The record lifecycle of a campaign: each logged call is validated against the playbook (a
 * violation refuses it, naming the first problem and listing all), then moves the record and
 * returns the effects it requires.
 *
 * @param campaign - a valid campaign (see `createCampaign`)
 * @throws TypeError naming the option when campaign is not a valid one (a programmer error:
 *   read options from outside with `createCampaign`)
 * @returns the lifecycle
 * @example
 * buildCallRecord(DEFAULT_CAMPAIGN).campaign.emailFollowUpWeeks; // => 4
 */
export function buildCallRecord<Custom extends string = never>(
  campaign: Campaign<Custom>,
): CallRecordLifecycle<Custom> {
  return defining("buildCallRecord", (): CallRecordLifecycle<Custom> => {
    requireOptions("buildCallRecord", "campaign", campaign, CAMPAIGN_RULES());
    return makeCallRecord(campaign);
  });
}

// The lifecycle from campaign known to be valid: the preset's defaults (so a bundle of the preset
// alone carries no option checks), or campaign buildCallRecord has checked.
function makeCallRecord<Custom extends string = never>(campaign: Campaign<Custom>): CallRecordLifecycle<Custom> {
  {
    const definition: LifecycleDefinition<
      RecordStatus,
      CallActor,
      CallRecord<Custom>,
      CallLoggedEvent<Custom>,
      CallEffect,
      ViolationCode
    > = {
      name: "call record",
      initialStatus: "open",
      statuses: RECORD_STATUSES,
      stateCheck: recordCheck(campaign),
      events: {
        callLogged: {
          from: ["open", "pendingTask"],
          to: [
            { from: ["open"], to: "open", when: "No Contact" },
            { to: "pendingTask", when: "Email Follow Up, Nurture or Follow Up" },
            { to: "closed", when: "a closing result" },
          ],
          by: CALL_ACTORS,
          check: (record, call) => {
            const bad = fieldRefusal("invalidInput", call, CALL_RULES);
            if (bad !== undefined) return bad;
            const violations = validate(call, record, campaign);
            const first = violations[0];
            if (first === undefined) return undefined;
            return { code: first.code, message: violations.map((v) => v.message).join("; "), field: first.field };
          },
          apply: (record, call, at, atMs) => {
            const flags = resultFlags(campaign, call.result) as NonNullable<ReturnType<typeof resultFlags>>;
            const effects: CallEffect[] = [];
            for (const effect of flags.effects) {
              if (effect === "followUpTask")
                effects.push({ type: "followUpTask", dueAt: toIso(toEpochMs(call.task?.dueAt)) });
              else if (effect === "introEmail") effects.push(INTRO);
              else if (effect === "doNotCall") effects.push({ type: "doNotCall" });
              else effects.push({ type: "ownerChange", to: "clientLicence" });
            }
            // The cut-short exception: No Contact with a task to call back.
            if (call.task != null && !flags.effects.includes("followUpTask")) {
              effects.push({ type: "followUpTask", dueAt: toIso(toEpochMs(call.task.dueAt)) });
            }
            const recycle =
              call.result === "notInterestedNoPitch" && campaign.recycleNoPitchAfterDays !== null
                ? toIso(atMs + campaign.recycleNoPitchAfterDays * DAY_MS)
                : null;
            return {
              state: {
                ...record,
                status: flags.record,
                updatedAt: at,
                lastContact: call.lastContact,
                lastResult: call.result,
                leadResult: record.leadResult ?? (flags.countsAs === "lead" ? call.result : null),
                appointments: record.appointments + (flags.countsAs === "appointment" ? 1 : 0),
                blockedAttempts: record.blockedAttempts + (call.blocked === true ? 1 : 0),
                doNotCall: record.doNotCall || flags.effects.includes("doNotCall"),
                ownedByClient: record.ownedByClient || flags.effects.includes("ownerChange"),
                reopensAt: recycle,
              },
              effects,
            };
          },
        },
      },
      timers:
        campaign.recycleNoPitchAfterDays === null
          ? []
          : [
              {
                from: "closed",
                to: "open",
                label: `${campaign.recycleNoPitchAfterDays} days after Not Interested - No Pitch (campaign option)`,
                dueAt: (record) => (record.reopensAt === null ? Number.NaN : Date.parse(record.reopensAt)),
                apply: (record, at) => ({
                  state: { ...record, status: "open", updatedAt: at, reopensAt: null },
                  effects: [],
                }),
              },
            ],
    };
    const lifecycle = createLifecycle(definition);
    const ids = (): ResultId<Custom>[] => [
      ...(Object.keys(CALL_RESULTS) as ResultId<Custom>[]),
      ...campaign.customResults.map((r) => r.id),
    ];
    return guardMethods(
      {
        ...lifecycle,
        campaign,
        initial(at: Instant): Result<CallRecord<Custom>, InvalidInput> {
          const ms = toEpochMs(at);
          if (Number.isNaN(ms))
            return err(invalidInput("call record", [{ path: "at", message: "expected a valid instant" }]));
          return ok(newRecord(ms));
        },
        logCall(
          record: CallRecord<Custom>,
          facts: CallFacts,
          at: Instant,
          actor: CallActor,
        ): Result<CallLogStep<Custom>, CallLogError> {
          // The id first: a retried delivery is a no-op even when the record has moved on since (a
          // closed record would refuse the facts).
          const id: unknown = (facts as { id?: unknown } | null)?.id;
          if (isApplied(record, id)) {
            // The engine answers a redelivery, and refuses a stored record its parser would refuse.
            const again = lifecycle.transition(record, {
              type: "callLogged",
              at,
              actor,
              id,
            } as CallLoggedEvent<Custom>);
            if (!again.ok) return again;
            return ok({ state: again.value.state, effects: NO_EFFECTS, duplicate: true, classification: null });
          }
          const classified = classify(facts, record, campaign, at);
          if (!classified.ok) return classified;
          const call = toLoggedCall(classified.value, at);
          const logged = lifecycle.transition(
            record,
            id === undefined
              ? { type: "callLogged", actor, ...call }
              : { type: "callLogged", actor, ...call, id: id as string },
          );
          if (!logged.ok) return logged;
          return ok({ state: logged.value.state, effects: logged.value.effects, classification: classified.value });
        },
        allowedResults(record: CallRecord<Custom>, lastContact: LastContact): readonly ResultId<Custom>[] {
          if (typeof lastContact !== "string" || !Object.hasOwn(LAST_CONTACTS, lastContact)) return [];
          if (shapeViolation({}, record, campaign) !== undefined || record.status === "closed") return [];
          return ids().filter((id) => {
            const flags = resultFlags(campaign, id);
            return flags !== undefined && eligibility(flags, id, lastContact, record, campaign).length === 0;
          });
        },
      },
      { initial: () => unreadableInput("call record"), logCall: () => unreadable(), allowedResults: () => [] },
    );
  }
}

/**
 * The record lifecycle with the playbook's default campaign.
 *
 * @example
 * const record = callRecord.initial(0);
 * record.ok && callRecord.allowedResults(record.value, "reception").includes("pitchedNotInterested"); // => false
 */
export const callRecord: CallRecordLifecycle<never> = /* @__PURE__ */ lazyPreset(
  () => makeCallRecord(DEFAULT_CAMPAIGN),
  LIFECYCLE_KEYS,
  ["campaign", "initial", "logCall", "allowedResults"],
);

/**
 * From the agent's facts to the record update in one call: classifies the call, then logs it on
 * the record (what `transition(record, { type: "callLogged", actor, ...toLoggedCall(c, at) })`
 * does after `classify`). With a campaign other than `DEFAULT_CAMPAIGN` the campaign's lifecycle
 * is built on each call: in a loop, build it once with `buildCallRecord(campaign)` and call its
 * `logCall`.
 *
 * @param record - the record before the call
 * @param facts - what happened on the call
 * @param campaign - the campaign
 * @param at - when the call was made
 * @param actor - who logs it
 * @returns the record after the call, its effects and the classification, or why nothing was logged
 * @example
 * const at = "2026-11-23T09:00:00Z";
 * const record = callRecord.initial(at);
 * const step = record.ok ? logCall(record.value, { reached: "decisionMaker", pitched: true, said: "emailOnly" }, DEFAULT_CAMPAIGN, at, "agent") : record;
 * step.ok && step.value.state.status; // => "closed"
 */
export function logCall<Custom extends string = never>(
  record: CallRecord<Custom>,
  facts: CallFacts,
  campaign: Campaign<Custom>,
  at: Instant,
  actor: CallActor,
): Result<CallLogStep<Custom>, CallLogError> {
  return guarded((): Result<CallLogStep<Custom>, CallLogError> => {
    if (campaign === DEFAULT_CAMPAIGN)
      return (callRecord as unknown as CallRecordLifecycle<Custom>).logCall(record, facts, at, actor);
    const wrongCampaign = campaignProblem(campaign);
    if (wrongCampaign !== undefined) return err(wrongCampaign);
    // A campaign that skipped createCampaign: the builder's TypeError names the setting.
    let lifecycle: CallRecordLifecycle<Custom>;
    try {
      lifecycle = buildCallRecord(campaign);
    } catch (error) {
      return err({ code: "invalidFacts", field: "campaign", message: (error as TypeError).message });
    }
    return lifecycle.logCall(record, facts, at, actor);
  }, unreadable);
}
