import type { DialFacts } from "../core/dial.js";
import { deepFreeze } from "../core/freeze.js";
import { guarded, unreadable } from "../core/guard.js";
import { err, ok, type Result } from "../core/result.js";
import { type Instant, toEpochMs, toIso } from "../core/time.js";
import { type FieldRule, fieldRefusal, isBoolean, optional } from "../core/vocabulary.js";
import { campaignZone, withinBound } from "./bound.js";
import { type Campaign, type ResultId, resultFlags } from "./campaign.js";
import type { CallEffect, CallRecord } from "./record-state.js";
import type { CountsAs, LastContact, RecordStatus, RuleId } from "./results.js";
import { isExistingLead } from "./validate.js";

/**
 * Findings about the company that anyone on the phone can give, with the result each leads to and
 * the rule that says so.
 */
export const COMPANY_FINDINGS = /* @__PURE__ */ deepFreeze({
  handledByParentCompany: ["handledByParentCompany", "companyLevel"],
  handledOverseas: ["handledOverseas", "companyLevel"],
  outsourced: ["outsourced", "companyLevel"],
  wrongNumber: ["wrongNumber", "wrongNumber"],
  duplicate: ["duplicate", "duplicate"],
  notAGoodFit: ["notAGoodFit", "notAGoodFit"],
  doNotCallAgain: ["removeFromDatabase", "doNotCallAgain"],
  wantsConsultant: ["wantsConsultantFollowUp", "wantsConsultant"],
} as const satisfies Record<string, readonly [string, RuleId]>);
/** A finding about the company. */
export type CompanyFinding = keyof typeof COMPANY_FINDINGS;

/** How nobody was spoken to. */
export const NOBODY_VIA = /* @__PURE__ */ deepFreeze([
  "companyVoicemail",
  "directLineVoicemail",
  "noAnswer",
  "wrongNumber",
  "duplicate",
] as const);
/**
 * Reception's answers besides the company findings, each with the playbook's words for it
 * ("How To Log Call Results"), so a form can show them and a reader can check the mapping.
 */
export const RECEPTION_PHRASES = /* @__PURE__ */ deepFreeze({
  dmUnavailable: "the decision maker is not available",
  screenedOut: "We wouldn't be interested in that/ We have that handled/He wouldn't be interested",
  takeMessage: "Can I take a message?",
  emailInfo: "You can send me an email to reception@ or info@?",
  blocked: "the reception does not put you through, she blocks the call",
  emailExecutiveAssistant: "email the executive assistant first, so they can pass the information on to the DM",
} as const);
/**
 * Reception's answers besides the company findings (the keys of `RECEPTION_PHRASES`, in order).
 * Written out rather than derived with `Object.keys`: `classify` needs the ids, not the phrases,
 * and deriving them would put the phrases (~170 B gzip) into every bundle that classifies. A test
 * holds the two to the same keys.
 */
export const RECEPTION_ANSWERS = /* @__PURE__ */ deepFreeze([
  "dmUnavailable",
  "screenedOut",
  "takeMessage",
  "emailInfo",
  "blocked",
  "emailExecutiveAssistant",
] as const satisfies readonly (keyof typeof RECEPTION_PHRASES)[]);
/**
 * The decision maker's answers that end a call before any pitch can have happened: for these
 * `pitched` may be left out (it is then `false`).
 */
export const NO_PITCH_ANSWERS = /* @__PURE__ */ deepFreeze(["cantTalkNow", "wrongNumber", "duplicate"] as const);
/** How an appointment will be held: in person is preferred. */
export const APPOINTMENT_MODES = /* @__PURE__ */ deepFreeze(["inPerson", "phone", "video"] as const);

/** What reception said or did. */
export type ReceptionSaid = (typeof RECEPTION_ANSWERS)[number] | CompanyFinding;

/** What the decision maker said. */
export type DecisionMakerSaid =
  | { readonly said: "cantTalkNow"; readonly callBackAt: Instant }
  | { readonly said: "notInterested" }
  | { readonly said: "inTalksWithSalesRep" }
  | { readonly said: "existingClient" }
  | { readonly said: "notQualified"; readonly measured?: number; readonly reason?: string }
  | { readonly said: "emailOnly" }
  | { readonly said: "emailAndCallBack"; readonly callBackAt: Instant }
  | { readonly said: "callBackNoEmail"; readonly callBackAt: Instant }
  | { readonly said: "appointment"; readonly mode: AppointmentMode }
  | { readonly said: CompanyFinding };

/** How an appointment will be held. */
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/**
 * Structured facts about one call, as the agent would tell them, with an optional `id`: the
 * call's idempotency key (1–200 characters), which `logCall` gives the logged call, so a retried
 * delivery of the same call logs nothing.
 */
export type CallFacts = (
  | {
      readonly reached: "nobody";
      /** Company voicemail, the DM's direct line or mobile to voicemail, no answer, or a wrong number or duplicate noticed before anyone spoke. */
      readonly via: (typeof NOBODY_VIA)[number];
      /** When to try again (needed on an existing lead, where the follow-up task is rolled forward). */
      readonly callBackAt?: Instant;
    }
  | {
      readonly reached: "reception";
      readonly said: ReceptionSaid;
      /** Reception put you through and you got the DM's voicemail. */
      readonly putThroughToVoicemail?: boolean;
      /** When to try again (needed on an existing lead, where the follow-up task is rolled forward). */
      readonly callBackAt?: Instant;
    }
  | {
      readonly reached: "reception";
      /** Nothing else to say: reception put you through and you got the DM's voicemail. */
      readonly said?: undefined;
      readonly putThroughToVoicemail: true;
      readonly callBackAt?: Instant;
    }
  | DecisionMakerFacts
) & { readonly id?: string };

/**
 * The decision maker was reached: what they said, and whether they were pitched (`pitched` may be
 * left out for the answers in `NO_PITCH_ANSWERS`, where no pitch can have happened).
 */
export type DecisionMakerFacts =
  | ({ readonly reached: "decisionMaker"; readonly pitched?: boolean } & Extract<
      DecisionMakerSaid,
      { readonly said: "cantTalkNow" }
    >)
  | {
      readonly reached: "decisionMaker";
      readonly pitched?: boolean;
      readonly said: Extract<CompanyFinding, NoPitchAnswer>;
    }
  | ({
      readonly reached: "decisionMaker";
      /** You got at least the first paragraph of the pitch out. */
      readonly pitched: boolean;
    } & Exclude<DecisionMakerSaid, { readonly said: NoPitchAnswer | CompanyFinding }>)
  | {
      readonly reached: "decisionMaker";
      /** You got at least the first paragraph of the pitch out. */
      readonly pitched: boolean;
      readonly said: Exclude<CompanyFinding, NoPitchAnswer>;
    };
/** One of `NO_PITCH_ANSWERS`. */
export type NoPitchAnswer = (typeof NO_PITCH_ANSWERS)[number];

/**
 * The classification of one call: what to log, what it does, and why. `Custom` is the campaign's
 * own result ids (see `Campaign`).
 */
export interface Classification<Custom extends string = never> {
  readonly lastContact: LastContact;
  readonly result: ResultId<Custom>;
  /** The status the record is left in: open (on the list), pendingTask or closed. */
  readonly recordStatus: RecordStatus;
  /** `lead` only the first time the record becomes one. */
  readonly countsAs: CountsAs;
  readonly effects: readonly CallEffect[];
  /** The rules that decided, for a manager to read (see `RULES`). */
  readonly rules: readonly RuleId[];
  /** For shift figures: a DM was reached and pitched. */
  readonly dmReached: boolean;
  readonly pitched: boolean;
  /** Reception blocked the call. */
  readonly blocked: boolean;
  readonly callBackAt: string | null;
  readonly appointmentMode: AppointmentMode | null;
}

/** Why a call could not be classified. */
export interface ClassifyError {
  readonly code: "invalidFacts" | "notEnabled" | "noQualifyingRange" | "qualifies" | "unreadable";
  readonly field: string;
  readonly message: string;
}

const INTRO: CallEffect = { type: "introEmail", template: "Intro Email", to: "decisionMaker", cc: [], bcc: [] };

const FINDING: Record<CompanyFinding, readonly [string, RuleId]> = COMPANY_FINDINGS;

interface Decision {
  readonly lastContact: LastContact;
  readonly result: string;
  readonly rules: RuleId[];
  readonly callBackAt?: number;
  readonly blocked?: boolean;
  readonly mode?: AppointmentMode;
}

/** Why a value cannot be used as a campaign (a cheap check of its shape), or `undefined`. */
export function campaignProblem(campaign: unknown): ClassifyError | undefined {
  const c = campaign as Partial<Campaign<string>> | null;
  if (typeof c !== "object" || c === null || !Array.isArray(c.customResults) || typeof c.id !== "string") {
    return { code: "invalidFacts", field: "campaign", message: "campaign must be a campaign (see createCampaign)" };
  }
  return campaignZone(c as Campaign<string>) === undefined
    ? {
        code: "invalidFacts",
        field: "campaign",
        message: 'campaign.timeZone must be an IANA time-zone name such as "Europe/London"',
      }
    : undefined;
}

function bad(field: string, message: string): Result<never, ClassifyError> {
  return err({ code: "invalidFacts", field, message });
}
const hasKey = (table: object, key: unknown): boolean => typeof key === "string" && Object.hasOwn(table, key);

// A call-back instant: epoch ms, or the error for an invalid or past one. (Module-level helpers,
// not closures: `decide` runs once per call in hosts' batch loops.)
function callBackOf(field: string, value: Instant, atMs: number): number | Result<never, ClassifyError> {
  const ms = toEpochMs(value);
  if (Number.isNaN(ms)) return bad(field, `${field} must be a valid instant`);
  return ms < atMs ? bad(field, `${field} must not be before the call`) : ms;
}

function followUpOn(lastContact: LastContact, rules: RuleId[], retry: number | undefined): Decision {
  return retry === undefined
    ? { lastContact, result: "followUp", rules }
    : { lastContact, result: "followUp", rules, callBackAt: retry };
}

// A DM on an existing lead who asks for a call back: the task is rolled forward, as Follow Up when
// the call back is within the Email Follow Up bound ("send it again and call me in two weeks"), as
// Nurture when it is further out ("give us a call back in ___ months"). Never a new lead.
function rolledForward(email: boolean, due: number, atMs: number, campaign: Campaign<string>): Decision {
  return withinBound(campaign, atMs, due)
    ? { lastContact: "decisionMaker", result: "followUp", rules: ["followUpOnExistingLead"], callBackAt: due }
    : {
        lastContact: "decisionMaker",
        result: email ? "nurtureEmailSent" : "nurtureNoEmailSent",
        rules: ["followUpNurtureRolled"],
        callBackAt: due,
      };
}

function byDm(result: string, rules: RuleId[]): Result<Decision, ClassifyError> {
  return ok({ lastContact: "decisionMaker", result, rules });
}

const VOICEMAIL_OR_SILENCE = /* @__PURE__ */ new Set<string>(/* @__PURE__ */ NOBODY_VIA.slice(0, 3));
const RECEPTION_SCREENS = /* @__PURE__ */ new Set<string>(/* @__PURE__ */ RECEPTION_ANSWERS.slice(0, 4));
const MODES = /* @__PURE__ */ new Set<string>(APPOINTMENT_MODES);
const NO_PITCH = /* @__PURE__ */ new Set<string>(NO_PITCH_ANSWERS);
// What parseCallFacts refuses and the rules below do not read as a rule (the verb is a boundary
// for its own vocabulary).
const RECEPTION_RULES: readonly FieldRule[] = [["putThroughToVoicemail", optional(isBoolean), "one of true, false"]];

function decideNotDm(
  facts: Exclude<CallFacts, { reached: "decisionMaker" }>,
  lead: boolean,
  record: CallRecord<string>,
  campaign: Campaign<string>,
  retry: number | undefined,
): Result<Decision, ClassifyError> {
  if (facts.reached === "nobody") {
    const via = facts.via;
    if (via === "wrongNumber") return ok({ lastContact: "noContact", result: "wrongNumber", rules: ["wrongNumber"] });
    if (via === "duplicate") return ok({ lastContact: "noContact", result: "duplicate", rules: ["duplicate"] });
    if (!VOICEMAIL_OR_SILENCE.has(via)) return bad("via", "via is not a known way of reaching nobody");
    const why: RuleId = via === "directLineVoicemail" ? "directLineVoicemail" : "nobodySpokenTo";
    return ok(
      lead
        ? followUpOn("noContact", [why, "followUpOnExistingLead"], retry)
        : { lastContact: "noContact", result: "noContact", rules: [why] },
    );
  }
  const voicemail = facts.putThroughToVoicemail === true;
  // Put through to the DM's voicemail with nothing else said is the DM being unavailable.
  const said = facts.said === undefined && voicemail ? "dmUnavailable" : facts.said;
  if (hasKey(FINDING, said)) {
    const [result, rule] = FINDING[said as CompanyFinding];
    return ok({ lastContact: "reception", result, rules: [rule] });
  }
  if (said === "emailExecutiveAssistant")
    return ok({ lastContact: "reception", result: "emailOnlyHns", rules: ["hnsPermission"] });
  const rules: RuleId[] = voicemail ? ["voicemailAfterPutThrough"] : [];
  if (said === "blocked") {
    if (!lead && record.blockedAttempts >= campaign.deadEndMinBlockedAttempts) {
      rules.push("deadEndAfterRepeatedBlocks");
      return ok({ lastContact: "reception", result: "deadEndOrBlocked", rules, blocked: true });
    }
    rules.push("blockedTooEarly");
    if (lead) rules.push("followUpOnExistingLead");
    return ok({
      ...(lead ? followUpOn("reception", rules, retry) : { lastContact: "reception", result: "noContact", rules }),
      blocked: true,
    });
  }
  if (!RECEPTION_SCREENS.has(said as string)) return bad("said", "said is not a known reception answer");
  if (said !== "dmUnavailable") rules.push("receptionNoIsNotANo");
  if (lead) {
    rules.push("followUpOnExistingLead");
    return ok(followUpOn("reception", rules, retry));
  }
  if (rules.length === 0) rules.push("nobodySpokenTo");
  return ok({ lastContact: "reception", result: "noContact", rules });
}

function decide(
  facts: CallFacts,
  record: CallRecord<string>,
  campaign: Campaign<string>,
  atMs: number,
): Result<Decision, ClassifyError> {
  const lead = isExistingLead(record);
  if (facts.reached === "nobody" || facts.reached === "reception") {
    if (facts.reached === "reception") {
      const wrong = fieldRefusal("invalidFacts", facts, RECEPTION_RULES);
      if (wrong !== undefined) return err(wrong as ClassifyError);
    }
    let retry: number | undefined;
    if (facts.callBackAt !== undefined) {
      const due = callBackOf("callBackAt", facts.callBackAt, atMs);
      if (typeof due !== "number") return due;
      retry = due;
    }
    return decideNotDm(facts, lead, record, campaign, retry);
  }
  if (facts.reached !== "decisionMaker") return bad("reached", "reached must be nobody, reception or decisionMaker");
  if (typeof facts.pitched !== "boolean" && !(facts.pitched === undefined && NO_PITCH.has(facts.said))) {
    return bad("pitched", "pitched must be true or false (it may be left out only where no pitch can have happened)");
  }
  switch (facts.said) {
    case "cantTalkNow": {
      const due = callBackOf("callBackAt", facts.callBackAt, atMs);
      if (typeof due !== "number") return due;
      // "can't talk now, try me tomorrow" on an existing lead is the playbook's first Follow Up case.
      if (lead) return ok(rolledForward(false, due, atMs, campaign));
      return ok({ lastContact: "reception", result: "noContact", rules: ["dmCutShort"], callBackAt: due });
    }
    case "notInterested":
      if (lead) return byDm("pitchedNotInterested", ["alreadyPitchedLead"]);
      return facts.pitched
        ? byDm("pitchedNotInterested", ["pitchedAndDeclined"])
        : byDm("notInterestedNoPitch", ["notInterestedBeforePitch"]);
    case "inTalksWithSalesRep":
      return byDm("notInterestedNoPitch", ["inTalksWithSalesRep"]);
    case "existingClient":
      return byDm("existingClient", ["existingClient"]);
    case "notQualified":
      return notQualified(facts, campaign);
    case "emailOnly":
      // An existing lead who wants no more calls was pitched before: a real no.
      return lead
        ? byDm("pitchedNotInterested", ["alreadyPitchedLead"])
        : byDm("emailOnly", ["emailNoCallBack", "introEmailToDmOnly"]);
    case "emailAndCallBack":
    case "callBackNoEmail": {
      const due = callBackOf("callBackAt", facts.callBackAt, atMs);
      if (typeof due !== "number") return due;
      const email = facts.said === "emailAndCallBack";
      if (lead) return ok(rolledForward(email, due, atMs, campaign));
      if (!email)
        return ok({
          lastContact: "decisionMaker",
          result: "nurtureNoEmailSent",
          rules: ["callBackNoEmail"],
          callBackAt: due,
        });
      const within = withinBound(campaign, atMs, due);
      return ok({
        lastContact: "decisionMaker",
        result: within ? "emailFollowUp" : "nurtureEmailSent",
        rules: [within ? "emailCallBackWithinBound" : "callBackBeyondBound", "introEmailToDmOnly"],
        callBackAt: due,
      });
    }
    case "appointment":
      if (!MODES.has(facts.mode)) return bad("mode", "mode must be inPerson, phone or video");
      return ok({
        lastContact: "decisionMaker",
        result: "appointmentBooked",
        rules: ["appointmentBooked"],
        mode: facts.mode,
      });
    default: {
      const said: unknown = facts.said;
      if (!hasKey(FINDING, said)) return bad("said", "said is not a known decision-maker answer");
      const [result, rule] = FINDING[said as CompanyFinding];
      return byDm(result, [rule]);
    }
  }
}

function notQualified(
  facts: { readonly measured?: number; readonly reason?: string },
  campaign: Campaign<string>,
): Result<Decision, ClassifyError> {
  if (facts.reason !== undefined) {
    const custom = campaign.customResults.find((r) => r.id === facts.reason && r.notQualified === true);
    return custom === undefined
      ? bad("reason", `"${String(facts.reason)}" is not a not-qualified result of campaign ${campaign.id}`)
      : byDm(custom.id, ["campaignNotQualified"]);
  }
  const range = campaign.qualifyingRange;
  if (range === null) {
    return err({
      code: "noQualifyingRange",
      field: "measured",
      message: `campaign ${campaign.id} has no qualifying range`,
    });
  }
  const measured = facts.measured;
  if (typeof measured !== "number" || Number.isNaN(measured)) return bad("measured", "measured must be a number");
  if (range.min !== null && measured < range.min) return byDm("notQualifiedBelowMin", ["belowMinimum"]);
  if (range.max !== null && measured > range.max) return byDm("notQualifiedAboveMax", ["aboveMaximum"]);
  return err({
    code: "qualifies",
    field: "measured",
    message: `${measured} ${range.unit} is within the qualifying range (${range.min ?? "any"} to ${range.max ?? "any"})`,
  });
}

/**
 * Classifies one call from structured facts, the record's history and the campaign: the Last
 * Contact and result to log, what it does to the record, what it counts as (a lead the first time
 * only), the effects it requires, and the ids of the rules that decided. Every exception of the
 * playbook is a case. Facts that cannot be classified are an error value naming the field; it
 * never throws.
 *
 * @param facts - what happened on the call
 * @param record - the record before the call
 * @param campaign - the campaign
 * @param at - when the call was made
 * @returns the classification, or why there is none
 * @example
 * const record = callRecord.initial(0);
 * if (record.ok) classify({ reached: "reception", said: "screenedOut" }, record.value, DEFAULT_CAMPAIGN, 0);
 * // => { ok: true, value: { lastContact: "reception", result: "noContact", rules: ["receptionNoIsNotANo"], ... } }
 */
export function classify<Custom extends string = never>(
  facts: CallFacts,
  record: CallRecord<Custom>,
  campaign: Campaign<Custom>,
  at: Instant,
): Result<Classification<Custom>, ClassifyError> {
  return guarded((): Result<Classification<Custom>, ClassifyError> => {
    const atMs = toEpochMs(at);
    if (Number.isNaN(atMs)) return bad("at", "at must be a valid instant");
    if (typeof facts !== "object" || facts === null) return bad("", "facts must be an object");
    if (typeof record !== "object" || record === null) return bad("record", "record must be a call record");
    const wrongCampaign = campaignProblem(campaign);
    if (wrongCampaign !== undefined) return err(wrongCampaign);
    if (record.status === "closed") return bad("record", "the record is closed: it is off the list");
    const decided = decide(facts, record, campaign, atMs);
    if (!decided.ok) return decided;
    const d = decided.value;
    const flags = resultFlags(campaign, d.result);
    if (flags === undefined) return bad("result", `"${d.result}" is not a result of campaign ${campaign.id}`);
    if (flags.permission !== undefined && !campaign[flags.permission]) {
      return err({
        code: "notEnabled",
        field: "said",
        message: `"${flags.label}" is not enabled in campaign ${campaign.id}`,
      });
    }
    if (flags.effects.includes("followUpTask") && d.callBackAt === undefined) {
      return bad("callBackAt", `"${flags.label}" needs callBackAt: the follow-up task's due time`);
    }
    const effects: CallEffect[] = [];
    const due = d.callBackAt === undefined ? null : toIso(d.callBackAt);
    if (due !== null) effects.push({ type: "followUpTask", dueAt: due });
    if (flags.effects.includes("introEmail")) effects.push(INTRO);
    if (flags.effects.includes("doNotCall")) effects.push({ type: "doNotCall" });
    if (flags.effects.includes("ownerChange")) effects.push({ type: "ownerChange", to: "clientLicence" });
    const firstLead = flags.countsAs === "lead" && record.leadResult === null;
    const rules = d.rules;
    if (flags.countsAs === "lead" && !firstLead) rules.push("firstLeadOnly");
    return ok({
      lastContact: d.lastContact,
      // Decided from the built-in results and the campaign's own (checked by resultFlags above).
      result: d.result as ResultId<Custom>,
      recordStatus: flags.record,
      countsAs: flags.countsAs === "lead" ? (firstLead ? "lead" : "nothing") : flags.countsAs,
      effects,
      rules,
      dmReached: d.lastContact === "decisionMaker",
      pitched: facts.reached === "decisionMaker" && facts.pitched === true,
      blocked: d.blocked === true,
      callBackAt: due,
      appointmentMode: d.mode ?? null,
    });
  }, unreadable);
}

/**
 * The call as it should be logged, from a classification: what `validate` and the record
 * lifecycle take.
 *
 * @param c - a classification
 * @param at - when the call was made
 * @returns the logged call
 * @example
 * const at = "2026-11-23T09:00:00Z";
 * const record = callRecord.initial(at);
 * const c = record.ok ? classify({ reached: "decisionMaker", pitched: true, said: "emailOnly" }, record.value, DEFAULT_CAMPAIGN, at) : record;
 * c.ok && toLoggedCall(c.value, at).result; // => "emailOnly"
 */
export function toLoggedCall<Custom extends string = never>(
  c: Classification<Custom>,
  at: Instant,
): {
  readonly at: Instant;
  readonly lastContact: LastContact;
  readonly result: ResultId<Custom>;
  readonly callBackAt: string | null;
  readonly task: { readonly dueAt: string } | null;
  readonly blocked: boolean;
} {
  // A classification is classify's own output; anything else is passed on field by field for
  // transition (or validate) to refuse, naming the field.
  // One that throws when read (a Proxy) is passed on with no fields, for transition to refuse.
  return guarded(
    () => {
      const callBackAt = c?.callBackAt ?? null;
      return {
        at,
        lastContact: c?.lastContact,
        result: c?.result,
        callBackAt,
        task: callBackAt === null ? null : { dueAt: callBackAt },
        blocked: c?.blocked === true,
      };
    },
    () => ({
      at,
      lastContact: undefined as never,
      result: undefined as never,
      callBackAt: null,
      task: null,
      blocked: false,
    }),
  );
}

/**
 * The facts of one dial for shift figures (leads, appointments, closing ratio per agent and shift).
 *
 * @param c - the call's classification
 * @param agent - who called
 * @param shift - the shift's id
 * @returns the facts
 * @example
 * const at = "2026-11-23T09:00:00Z";
 * const record = callRecord.initial(at);
 * const c = record.ok ? classify({ reached: "decisionMaker", pitched: true, said: "emailOnly" }, record.value, DEFAULT_CAMPAIGN, at) : record;
 * c.ok && shiftFacts(c.value, "ann", "2026-11-23 am").lead; // => true (a first Email Only is a lead)
 */
export function shiftFacts(c: Classification<string>, agent: string, shift: string): DialFacts {
  // As for toLoggedCall: tallyShifts refuses facts that are not, naming the field.
  // One that throws when read (a Proxy) is passed on without its facts, for the tally to refuse.
  return guarded(
    (): DialFacts => ({
      agent,
      shift,
      dmReached: c?.dmReached,
      pitched: c?.pitched,
      lead: c?.countsAs === "lead",
      appointment: c?.countsAs === "appointment",
    }),
    (): DialFacts => ({
      agent,
      shift,
      dmReached: undefined as never,
      pitched: undefined as never,
      lead: false,
      appointment: false,
    }),
  );
}
