import {
  addIn,
  type CalendarDate,
  type DurationUnit,
  dateAfter,
  isCalendarDate,
  startOfDateIn,
} from "../core/calendar.js";
import { isoText } from "../core/civil.js";
import { describeValue } from "../core/describe.js";
import { deepFreeze, lazyPreset } from "../core/freeze.js";
import { defining, guardMethods, unreadableInput } from "../core/guard.js";
import {
  createLifecycle,
  LIFECYCLE_KEYS,
  type Lifecycle,
  type LifecycleDefinition,
  type Refusal,
  type StatusTable,
  type Step,
  statusLabel,
} from "../core/lifecycle.js";
import { isName } from "../core/limits.js";
import { isRecord, type OptionRule, requireOptions, wholeIn } from "../core/options.js";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "../core/result.js";
import { type Instant, isStoredDate, MAX_INSTANT_MS, MIN_INSTANT_MS, toEpochMs, toIso } from "../core/time.js";
import {
  both,
  engineField,
  exactly,
  type FieldRule,
  fieldRefusal,
  is,
  isBoolean,
  oneOf,
  optional,
  storedInstant,
  storedName,
  strict,
} from "../core/vocabulary.js";
import { canonicalZone } from "../core/zone.js";

/** Who acts on a Client Hub record: its owner (the account manager) or the system (an integration). */
export const CLIENT_HUB_ACTORS = /* @__PURE__ */ deepFreeze(["owner", "system"] as const);
/** Who acts on a Client Hub record. */
export type ClientHubActor = (typeof CLIENT_HUB_ACTORS)[number];

/**
 * The Client Hub pipeline's stages, with the playbook's names ("Client Hub Communications
 * Overview"). No stage closes the record: the pipeline is a cycle. Types, schemas, permissions and
 * the diagram derive from this table.
 */
export const CLIENT_HUB_STAGES = /* @__PURE__ */ deepFreeze({
  completed: { label: "Completed", setBy: ["owner"], closes: false },
  callPreparation: { label: "Call Preparation", setBy: ["system"], closes: false },
  call1: { label: "Call 1", setBy: ["system"], closes: false },
  call2: { label: "Call 2", setBy: ["system"], closes: false },
  call3: { label: "Call 3", setBy: ["system"], closes: false },
  summaryOfCall: { label: "Summary of Call", setBy: ["owner", "system"], closes: false },
  unsuccessfulCall: { label: "Unsuccessful Call", setBy: ["owner", "system"], closes: false },
} as const satisfies StatusTable<string, ClientHubActor>);

/** A stage of the Client Hub pipeline. */
export type ClientHubStage = keyof typeof CLIENT_HUB_STAGES;

/** The stages in which a connected check-in moves the record to Summary of Call. */
export const CHECK_IN_STAGES = /* @__PURE__ */ deepFreeze(["callPreparation", "call1", "call2", "call3"] as const);

/** HubSpot's call outcomes. Only `Connected` can make a check-in successful. */
export const CALL_OUTCOMES = /* @__PURE__ */ deepFreeze([
  "Connected",
  "Busy",
  "No answer",
  "Left live message",
  "Left voicemail",
  "Wrong number",
] as const);
/** A call outcome. */
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** A call's direction: it does not matter for a check-in. */
export const CALL_DIRECTIONS = /* @__PURE__ */ deepFreeze(["inbound", "outbound"] as const);
/** A call's direction: it does not matter for a check-in. */
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** The playbook's check-in call types: a Connected call of one of these is a successful check-in. */
export const CHECK_IN_CALL_TYPES = /* @__PURE__ */ deepFreeze(["Check In - Call", "Check In - WhatsApp"] as const);
/** A check-in call type of the playbook. */
export type CheckInCallType = (typeof CHECK_IN_CALL_TYPES)[number];
/**
 * The call type of every call that is not a check-in ("you will be logging the Call Type as
 * anything other than Check In - Call or Check In - WhatsApp"): map a CRM's other call types to it.
 */
export const OTHER_CALL_TYPE = "Other";
/**
 * A call type the pipeline reads: one of the check-in types, or `"Other"`. `CheckIn` is the
 * check-in types (the playbook's by default; a tenant's own when `checkInCallTypes` is set), so a
 * typo such as `"Check In - Cal"` does not compile, and the verbs refuse it at run time.
 */
export type ClientHubCallType<CheckIn extends string = CheckInCallType> = CheckIn | typeof OTHER_CALL_TYPE;

/** How often the client wants to be called: e.g. `{ count: 1, unit: "month" }`. */
export interface ContactRatio {
  readonly count: number;
  readonly unit: DurationUnit;
}

/** The tasks the pipeline creates, by id. */
export const CLIENT_HUB_TASKS = /* @__PURE__ */ deepFreeze({
  checkInCall1: "Check in call 1",
  checkInCall2: "Check in call 2",
  checkInCall3: "Check in call 3",
  summariseCall: "Summarise the call and set the Contact Ratio",
  unsuccessfulCallCheckInEmail: "Unsuccessful call - check in email",
} as const);
/** A task the pipeline creates. */
export type ClientHubTask = keyof typeof CLIENT_HUB_TASKS;

/** A Client Hub record: one per Primary Contact of a Product Subscription. Plain, readonly, JSON. */
export interface ClientHubRecord {
  readonly lifecycle: "clientHub";
  readonly schemaVersion: 1;
  readonly subscriptionId: string;
  /** The Primary Contact this record belongs to. */
  readonly contactId: string;
  /** The pipeline stage. */
  readonly status: ClientHubStage;
  /** When the record last changed: entered its stage, or had its Contact Ratio set (ISO UTC). */
  readonly updatedAt: string;
  /** The owner's IANA time zone: days start and are counted there. */
  readonly timeZone: string;
  /** How often the client wants to be called. */
  readonly contactRatio: ContactRatio;
  /** What the next contact date is measured from: the last check-in, or the record's start. */
  readonly lastContactAt: string;
  /** The next contact date (`YYYY-MM-DD`, in `timeZone`): Call 1 starts that day. */
  readonly nextContactDate: CalendarDate;
  /** The ids of the last events applied (see `APPLIED_IDS_LIMIT`); present once one had an id. */
  readonly appliedIds?: readonly string[];
}

/** The fields every event carries: its type, when it happened, who sent it. */
export interface ClientHubEventBase<T extends string> {
  readonly type: T;
  /** When it happened: Date, ISO-8601 with offset, or epoch ms. */
  readonly at: Instant;
  readonly actor: ClientHubActor;
  /** An idempotency key (1–200 characters): a redelivery of an applied id is a no-op. */
  readonly id?: string;
}

/** A call logged against the record (HubSpot's "Log Call"). `CheckIn`: see `ClientHubCallType`. */
export interface ClientHubCall<CheckIn extends string = CheckInCallType> {
  readonly outcome: CallOutcome;
  /** The call type: a check-in type (e.g. "Check In - Call"), or "Other". */
  readonly callType: ClientHubCallType<CheckIn>;
  /** Inbound or outbound; optional: the pipeline never reads it (a CRM may leave it unset). */
  readonly direction?: CallDirection;
  /** In Call 3: this unsuccessful call was the final attempt. */
  readonly finalAttempt?: boolean;
}

/** Something that happened to a Client Hub record. `CheckIn`: see `ClientHubCallType`. */
export type ClientHubEvent<CheckIn extends string = CheckInCallType> =
  | (ClientHubEventBase<"callLogged"> & ClientHubCall<CheckIn>)
  | ClientHubEventBase<"emailedInstead">
  | (ClientHubEventBase<"contactRatioSet"> & { readonly contactRatio: ContactRatio })
  | (ClientHubEventBase<"taskCompleted"> & { readonly contactRatio?: ContactRatio });

/** The type of a Client Hub event. */
export type ClientHubEventType = ClientHubEvent["type"];

/** Work the host must do after a Client Hub move. */
export type ClientHubEffect =
  | { readonly type: "task"; readonly task: ClientHubTask; readonly title: string; readonly dueAt: string }
  /** A task created earlier is no longer needed: close it without doing it. */
  | { readonly type: "cancelTask"; readonly task: ClientHubTask }
  | { readonly type: "sendNpsSurvey" };

/** Why a Client Hub event was refused beyond the engine's own reasons. */
export type ClientHubRefusalCode = "invalidCall" | "invalidInstant" | "notFinalCall" | "ratioNotAllowed" | "ratioFixed";

/** The tunable numbers and words of the Client Hub preset. `CheckIn`: the check-in call types. */
export interface ClientHubOptions<CheckIn extends string = CheckInCallType> {
  /** The Contact Ratios a record may have. */
  readonly contactRatios: readonly ContactRatio[];
  /** The ratio of a new record. Default 1 month. */
  readonly defaultContactRatio: ContactRatio;
  /** The ratio an unsuccessful cycle forces. Default 1 month. */
  readonly unsuccessfulContactRatio: ContactRatio;
  /** Days before the contact date that Call Preparation starts. Default 5. */
  readonly preparationDays: number;
  /** Days from entering one call stage to the next. Default 5. */
  readonly callIntervalDays: number;
  /** Call types that count as a check-in when the outcome is Connected (not "Other"). */
  readonly checkInCallTypes: readonly CheckIn[];
  /** Stage label overrides. */
  readonly labels: { readonly [K in ClientHubStage]?: string };
  /**
   * What moves a record out of Call 3 when the check-in does not connect. `"firstAttempt"` (the
   * playbook, default): the first not-connected check-in call. `"markedFinal"`: only a call
   * logged with `finalAttempt: true` (for owners who try several times on the final day). Either
   * way, a record still in Call 3 `callIntervalDays` after entering it moves to Unsuccessful call.
   */
  readonly finalCall: "firstAttempt" | "markedFinal";
}

const ONE_MONTH: ContactRatio = { count: 1, unit: "month" };

/** The playbook's numbers: ratios of 2 weeks to 6 months, 1 month by default, 5-day steps. */
export const CLIENT_HUB_DEFAULTS: ClientHubOptions<CheckInCallType> = /* @__PURE__ */ deepFreeze({
  contactRatios: [
    { count: 2, unit: "week" },
    ONE_MONTH,
    { count: 2, unit: "month" },
    { count: 3, unit: "month" },
    {
      count: 6,
      unit: "month",
    },
  ],
  defaultContactRatio: ONE_MONTH,
  unsuccessfulContactRatio: ONE_MONTH,
  preparationDays: 5,
  callIntervalDays: 5,
  checkInCallTypes: CHECK_IN_CALL_TYPES,
  labels: {},
  finalCall: "firstAttempt",
});

/** What a new record needs. */
export interface NewClientHubRecord {
  readonly subscriptionId: string;
  readonly contactId: string;
  /** When the record is created (the initial communication). */
  readonly at: Instant;
  /** The owner's IANA time zone. */
  readonly timeZone: string;
  /** Default: the options' default ratio. */
  readonly contactRatio?: ContactRatio;
  /** Default: the creation date plus the ratio. */
  readonly nextContactDate?: CalendarDate;
}

/** The Client Hub pipeline's verbs, plus `initial` and helpers. `CheckIn`: see `ClientHubCallType`. */
export interface ClientHubLifecycle<CheckIn extends string = CheckInCallType>
  extends Lifecycle<
    ClientHubStage,
    ClientHubActor,
    ClientHubRecord,
    ClientHubEvent<CheckIn>,
    ClientHubEffect,
    ClientHubRefusalCode
  > {
  /** The options the lifecycle was built with. */
  readonly options: ClientHubOptions<CheckIn>;
  /** A new record in `completed`, waiting for its first contact date. Bad input is an error value. */
  initial(input: NewClientHubRecord): Result<ClientHubRecord, InvalidInput>;
  /** Whether a call is a successful check-in: outcome Connected and a check-in call type. */
  isCheckIn(call: ClientHubCall<CheckIn>): boolean;
  /** The stage's label, e.g. "Call 2". */
  label(record: ClientHubRecord): string;
}

const NONE: readonly never[] = [];
const NPS: readonly ClientHubEffect[] = [{ type: "sendNpsSurvey" }];
const ALL_STAGES = /* @__PURE__ */ Object.keys(CLIENT_HUB_STAGES) as ClientHubStage[];
const OWNER = ["owner"] as const;
const ANYONE = CLIENT_HUB_ACTORS;

// Ratios reach `transition` from hosts' code: anything that is not one must be refused, not read.
const isRatio = (r: unknown): r is ContactRatio =>
  typeof r === "object" &&
  r !== null &&
  typeof (r as ContactRatio).count === "number" &&
  typeof (r as ContactRatio).unit === "string";
/** Whether two values are the same Contact Ratio (anything that is not a ratio is not). */
export const sameRatio = (a: unknown, b: unknown): boolean =>
  isRatio(a) && isRatio(b) && a.count === b.count && a.unit === b.unit;
const showRatio = (r: ContactRatio): string => `${r.count} ${r.unit}${r.count === 1 ? "" : "s"}`;

function task(id: ClientHubTask, dueAt: string): ClientHubEffect {
  return { type: "task", task: id, title: CLIENT_HUB_TASKS[id], dueAt };
}

// What the pipeline's verbs rely on (the create… parser checks the rest: ratio units, "Other").
// A function, not a table: a bundle of the preset alone drops it with the builder.
const CLIENT_HUB_RULES = (): readonly OptionRule[] => [
  ["contactRatios", (v) => Array.isArray(v) && v.length > 0 && v.every(isRatio), "a non-empty list of { count, unit }"],
  ["defaultContactRatio", isRatio, "a { count, unit } ratio"],
  ["unsuccessfulContactRatio", isRatio, "a { count, unit } ratio"],
  ["preparationDays", wholeIn(0, 366), "a whole number of days from 0 to 366"],
  ["callIntervalDays", wholeIn(1, 366), "a whole number of days from 1 to 366"],
  [
    "checkInCallTypes",
    (v) => Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === "string" && t !== ""),
    "a non-empty list of call type names",
  ],
  ["labels", isRecord, "an object"],
  ["finalCall", (v) => v === "firstAttempt" || v === "markedFinal", '"firstAttempt" or "markedFinal"'],
];
/**
 * Builds the Client Hub pipeline from options that are already known to be valid. Use
 * {@link clientHub} for the playbook's defaults, or `createClientHubLifecycle` to validate options
 * from outside.
 *
 * @param options - complete, valid options
 * @throws TypeError naming the option when options is not a valid one (a programmer error:
 *   read options from outside with `createClientHubLifecycle`)
 * @returns the lifecycle
 * @example
 * buildClientHub({ ...CLIENT_HUB_DEFAULTS, callIntervalDays: 3 }).options.callIntervalDays; // => 3
 */
export function buildClientHub<const CheckIn extends string = CheckInCallType>(
  options: ClientHubOptions<CheckIn>,
): ClientHubLifecycle<CheckIn> {
  return defining("buildClientHub", (): ClientHubLifecycle<CheckIn> => {
    requireOptions("buildClientHub", "options", options, CLIENT_HUB_RULES());
    return makeClientHub(options);
  });
}

// The lifecycle from options known to be valid: the preset's defaults (so a bundle of the preset
// alone carries no option checks), or options buildClientHub has checked.
function makeClientHub<const CheckIn extends string = CheckInCallType>(
  options: ClientHubOptions<CheckIn>,
): ClientHubLifecycle<CheckIn> {
  {
    const stages = {} as Record<ClientHubStage, (typeof CLIENT_HUB_STAGES)[ClientHubStage]>;
    for (const key of ALL_STAGES) {
      const meta = CLIENT_HUB_STAGES[key];
      stages[key] = { ...meta, label: options.labels[key] ?? meta.label } as typeof meta;
    }
    const { preparationDays, callIntervalDays, checkInCallTypes, contactRatios } = options;
    // One zone model (core/zone): a name is a zone when it has a canonical spelling; every verb, timer
    // and parser asks the same question, so a record gets one answer everywhere.
    const zoneOk = (zone: unknown): boolean => canonicalZone(zone) !== undefined;
    // Day starts and day steps, computed on every call: the calendar reads offsets from core/zone's
    // bounded cache by chunks of time, the date and the ISO text are plain arithmetic, so a memo here
    // would cost more than it saves once a batch meets many zones (a memo per zone of dates and
    // instants grew to hundreds of thousands of entries, and reading them was the cost).
    // Records reach `advance` from hosts' storage: a missing date or a name that is not a zone arms
    // no move rather than crashing (`NaN`).
    const dayStart = (date: CalendarDate, zone: string, offset: number): number =>
      typeof date === "string" ? startOfDateIn(date, zone, offset) : Number.NaN;
    const daysLater = (atMs: number, zone: string): number => addIn(atMs, callIntervalDays, "day", zone);
    const isCheckIn = (call: ClientHubCall<CheckIn>): boolean =>
      call?.outcome === "Connected" && (checkInCallTypes as readonly string[]).includes(call.callType);
    const callTypes: readonly string[] = [...checkInCallTypes, OTHER_CALL_TYPE];
    // The verbs are a boundary for their own vocabulary: a call the parser would refuse is refused.
    const callRules: readonly FieldRule[] = [
      ["outcome", oneOf(CALL_OUTCOMES), `one of ${CALL_OUTCOMES.join(", ")}`],
      ["callType", oneOf(callTypes), `one of ${callTypes.join(", ")}`],
      ["direction", optional(oneOf(CALL_DIRECTIONS)), `one of ${CALL_DIRECTIONS.join(", ")}`],
      ["finalAttempt", optional(isBoolean), "one of true, false"],
    ];
    const callRefusal = (call: ClientHubCall<CheckIn>): Refusal<ClientHubRefusalCode> | undefined =>
      fieldRefusal("invalidCall", call, callRules);
    const allowed = (ratio: unknown): boolean => contactRatios.some((r) => sameRatio(r, ratio));
    // A ratio is stored as { count, unit } only: what parseClientHubRecord reads back.
    const ratioOf = ({ count, unit }: ContactRatio): ContactRatio => ({ count, unit });
    // A missing ratio is refused here; the callers where it may be left out check that first.
    const ratioRefusal = (ratio: unknown): Refusal<ClientHubRefusalCode> | undefined =>
      allowed(ratio)
        ? undefined
        : {
            code: "ratioNotAllowed",
            message: `contactRatio ${isRatio(ratio) ? showRatio(ratio) : describeValue(ratio)} is not allowed: use ${contactRatios.map(showRatio).join(", ")}`,
            field: "contactRatio",
          };
    // The next contact date: the ratio counted in calendar days, weeks or months from the day of the
    // last contact. `undefined` when the date, or the cycle it starts (Call Preparation before it,
    // the three calls after it), would leave the instant domain (years 0000–9999 UTC).
    const cycleFits = (date: CalendarDate, zone: string): boolean =>
      startOfDateIn(date, zone, -preparationDays) >= MIN_INSTANT_MS &&
      startOfDateIn(date, zone, preparationDays + 3 * callIntervalDays + 1) <= MAX_INSTANT_MS + 1;
    const nextDate = (fromMs: number, ratio: ContactRatio, zone: string): CalendarDate | undefined => {
      const date = dateAfter(fromMs, ratio.count, ratio.unit, zone);
      return date !== undefined && cycleFits(date, zone) ? date : undefined;
    };
    // The next contact date a completed task sets: from the task's own instant after an unsuccessful
    // cycle (the email was the contact), from the last check-in otherwise.
    const completedDate = (
      record: ClientHubRecord,
      event: { readonly at: Instant; readonly contactRatio?: ContactRatio | undefined },
    ): CalendarDate | undefined =>
      nextDate(
        record.status === "unsuccessfulCall" ? toEpochMs(event.at) : Date.parse(record.lastContactAt),
        event.contactRatio ?? record.contactRatio,
        record.timeZone,
      );
    const outOfDomain: Refusal<ClientHubRefusalCode> = {
      code: "invalidInstant",
      message: "the next contact date and its calls would fall outside years 0000–9999 UTC",
      field: "nextContactDate",
    };
    // A record completed with its next contact date's Call Preparation or Call 1 already due moves
    // there in the same call, at that instant (what `advance` would do next), with Call 1's task.
    const settle = (
      record: ClientHubRecord,
      at: string,
      atMs: number,
      effects: readonly ClientHubEffect[],
    ): Step<ClientHubRecord, ClientHubEffect> => {
      if (!(dayStart(record.nextContactDate, record.timeZone, -preparationDays) <= atMs))
        return { state: record, effects };
      if (!(dayStart(record.nextContactDate, record.timeZone, 0) <= atMs))
        return { state: move(record, "callPreparation", at), effects };
      return { state: move(record, "call1", at), effects: [...effects, task("checkInCall1", at)] };
    };
    const move = (record: ClientHubRecord, status: ClientHubStage, at: string): ClientHubRecord => ({
      ...record,
      status,
      updatedAt: at,
    });
    // A due instant is never before the record's last change: a contact date already past when it
    // was set moves the record straight away, at that change.
    const since = (record: ClientHubRecord, updatedAtMs: number): number =>
      Number.isNaN(updatedAtMs) ? Date.parse(record.updatedAt) : updatedAtMs;
    const notBefore = (due: number, record: ClientHubRecord, updatedAtMs: number): number =>
      Math.max(due, since(record, updatedAtMs));
    const callStep = (next: ClientHubStage, id: ClientHubTask) => ({
      dueAt: (record: ClientHubRecord, updatedAtMs: number): number =>
        daysLater(since(record, updatedAtMs), record.timeZone),
      apply: (record: ClientHubRecord, at: string): Step<ClientHubRecord, ClientHubEffect> => ({
        state: move(record, next, at),
        effects: [task(id, at)],
      }),
    });
    // Records come from hosts' storage (parse them with `parseClientHubRecord`): one its parser would
    // refuse is refused `invalidState`, naming the field, never moved (see core/vocabulary.ts).
    const stateCheck = strict({
      lifecycle: exactly("clientHub"),
      schemaVersion: exactly(1),
      subscriptionId: storedName,
      contactId: storedName,
      status: engineField,
      updatedAt: storedInstant,
      // Canonical only: the parser canonicalises a spelling, and what the verbs write must read back
      // as it was stored (issue 19: one zone model, stored canonical).
      timeZone: is((zone) => typeof zone === "string" && canonicalZone(zone) === zone),
      contactRatio: both(
        strict({
          count: is((v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 120),
          unit: is((v) => v === "day" || v === "week" || v === "month"),
        }),
        is(allowed),
      ),
      lastContactAt: storedInstant,
      nextContactDate: is(isStoredDate),
      appliedIds: engineField,
    });

    const definition: LifecycleDefinition<
      ClientHubStage,
      ClientHubActor,
      ClientHubRecord,
      ClientHubEvent<CheckIn>,
      ClientHubEffect,
      ClientHubRefusalCode
    > = {
      name: "Client Hub",
      initialStatus: "completed",
      stateCheck,
      // Due instants written by arithmetic (core/civil): no memo of their text is needed.
      formatDue: isoText,
      statuses: stages,
      events: {
        callLogged: {
          from: ALL_STAGES,
          to: [
            { from: CHECK_IN_STAGES, to: "summaryOfCall", when: "connected check-in" },
            { from: ["unsuccessfulCall"], to: "summaryOfCall", when: "connected check-in, check-in email not sent" },
            {
              from: ["call3"],
              to: "unsuccessfulCall",
              when: options.finalCall === "markedFinal" ? "final attempt, not connected" : "check-in, not connected",
            },
          ],
          by: ANYONE,
          check: (record, call) =>
            callRefusal(call) ??
            (call.finalAttempt === true && record.status !== "call3"
              ? {
                  code: "notFinalCall",
                  message: `finalAttempt applies only in "${stages.call3.label}", not in "${stages[record.status].label}"`,
                  field: "finalAttempt",
                }
              : undefined),
          apply: (record, call, at) => {
            if (isCheckIn(call)) {
              // CRMs log one call per dial: a connected check-in after a dial that did not connect
              // (the record already in Unsuccessful call, its check-in email task still open) is the
              // final call's "successful call outcome" — the email is no longer needed.
              const unsuccessful = record.status === "unsuccessfulCall";
              if (!unsuccessful && !(CHECK_IN_STAGES as readonly string[]).includes(record.status))
                return { state: record, effects: NONE };
              const summary = task("summariseCall", at);
              return {
                state: { ...record, status: "summaryOfCall", updatedAt: at, lastContactAt: at },
                effects: unsuccessful
                  ? [{ type: "cancelTask", task: "unsuccessfulCallCheckInEmail" }, summary]
                  : [summary],
              };
            }
            // "On the final call, you will either log a successful call outcome, or communicate with
            // the client via email": in Call 3 a check-in that does not connect ends the attempts —
            // unless the host counts only a call marked final.
            const final =
              options.finalCall === "markedFinal"
                ? call.finalAttempt === true
                : call.finalAttempt === true || (checkInCallTypes as readonly string[]).includes(call.callType);
            if (final && record.status === "call3") return toUnsuccessful(record, at);
            return { state: record, effects: NONE };
          },
        },
        emailedInstead: {
          from: ["call3"],
          to: "unsuccessfulCall",
          by: OWNER,
          apply: (record, _, at) => toUnsuccessful(record, at),
        },
        contactRatioSet: {
          from: ["completed", "summaryOfCall"],
          to: "same",
          by: OWNER,
          check: (record, event) =>
            ratioRefusal(event.contactRatio) ??
            (record.status === "completed" &&
            nextDate(Date.parse(record.lastContactAt), event.contactRatio, record.timeZone) === undefined
              ? outOfDomain
              : undefined),
          apply: (record, event, at) => {
            const contactRatio = ratioOf(event.contactRatio);
            const nextContactDate =
              record.status === "completed"
                ? (nextDate(Date.parse(record.lastContactAt), contactRatio, record.timeZone) as CalendarDate)
                : record.nextContactDate;
            return { state: { ...record, updatedAt: at, contactRatio, nextContactDate }, effects: NONE };
          },
        },
        taskCompleted: {
          from: ["summaryOfCall", "unsuccessfulCall"],
          to: "completed",
          by: OWNER,
          check: (record, event) => {
            const ratio = event.contactRatio;
            const fixed = options.unsuccessfulContactRatio;
            if (record.status === "unsuccessfulCall" && isRatio(ratio) && !sameRatio(ratio, fixed)) {
              return {
                code: "ratioFixed",
                message: `an unsuccessful cycle sets the Contact Ratio to ${showRatio(fixed)}`,
                field: "contactRatio",
              };
            }
            return (
              (ratio === undefined ? undefined : ratioRefusal(ratio)) ??
              (completedDate(record, event) === undefined ? outOfDomain : undefined)
            );
          },
          // The record completes, and moves on at once when its next contact date's Call Preparation
          // or Call 1 has already come (a check-in completed late).
          apply: (record, event, at, atMs) =>
            settle(
              {
                ...record,
                status: "completed",
                updatedAt: at,
                contactRatio: event.contactRatio === undefined ? record.contactRatio : ratioOf(event.contactRatio),
                lastContactAt: record.status === "unsuccessfulCall" ? at : record.lastContactAt,
                nextContactDate: completedDate(record, event) as CalendarDate,
              },
              at,
              atMs,
              NPS,
            ),
        },
      },
      timers: [
        {
          from: "completed",
          to: "callPreparation",
          label: `${preparationDays} days before the next contact date`,
          dueAt: (record, updatedAtMs) =>
            notBefore(dayStart(record.nextContactDate, record.timeZone, -preparationDays), record, updatedAtMs),
          apply: (record, at) => ({ state: move(record, "callPreparation", at), effects: NONE }),
        },
        {
          from: "callPreparation",
          to: "call1",
          label: "on the next contact date",
          dueAt: (record, updatedAtMs) =>
            notBefore(dayStart(record.nextContactDate, record.timeZone, 0), record, updatedAtMs),
          apply: (record, at) => ({ state: move(record, "call1", at), effects: [task("checkInCall1", at)] }),
        },
        {
          from: "call1",
          to: "call2",
          label: `${callIntervalDays} days after entering Call 1`,
          ...callStep("call2", "checkInCall2"),
        },
        {
          from: "call2",
          to: "call3",
          label: `${callIntervalDays} days after entering Call 2`,
          ...callStep("call3", "checkInCall3"),
        },
        // No record stalls in Call 3: the final call's window is as long as the others'.
        {
          from: "call3",
          to: "unsuccessfulCall",
          label: `${callIntervalDays} days after entering Call 3, not connected`,
          dueAt: (record, updatedAtMs) => daysLater(since(record, updatedAtMs), record.timeZone),
          apply: (record, at) => toUnsuccessful(record, at),
        },
      ],
    };

    function toUnsuccessful(record: ClientHubRecord, at: string): Step<ClientHubRecord, ClientHubEffect> {
      return {
        state: { ...record, status: "unsuccessfulCall", updatedAt: at, contactRatio: options.unsuccessfulContactRatio },
        effects: [task("unsuccessfulCallCheckInEmail", at)],
      };
    }

    const lifecycle = createLifecycle(definition);
    return guardMethods(
      {
        ...lifecycle,
        options,
        isCheckIn,
        label: (record) => statusLabel(stages, record?.status),
        initial(input: NewClientHubRecord): Result<ClientHubRecord, InvalidInput> {
          if (typeof input !== "object" || input === null) {
            return err(invalidInput("Client Hub record", [{ path: "", message: "expected an object" }]));
          }
          const issues: Issue[] = [];
          const text = (field: "subscriptionId" | "contactId"): void => {
            if (!isName(input[field]))
              issues.push({ path: field, message: "must be a non-empty string (10,000 characters at most)" });
          };
          text("subscriptionId");
          text("contactId");
          const atMs = toEpochMs(input.at);
          if (Number.isNaN(atMs)) issues.push({ path: "at", message: "expected a valid instant" });
          // Stored canonical: "europe/london" and "Europe/London" are one zone, written one way.
          const zone = canonicalZone(input.timeZone) as string;
          if (!zoneOk(zone))
            issues.push({ path: "timeZone", message: 'must be an IANA time-zone name such as "Europe/London"' });
          const contactRatio = input.contactRatio ?? options.defaultContactRatio;
          const refusal = ratioRefusal(contactRatio);
          if (refusal !== undefined)
            issues.push({ path: "contactRatio", message: refusal.message.replace("contactRatio ", "") });
          if (input.nextContactDate !== undefined && !isCalendarDate(input.nextContactDate)) {
            issues.push({ path: "nextContactDate", message: "must be a date written YYYY-MM-DD" });
          }
          if (issues.length > 0) return err(invalidInput("Client Hub record", issues));
          const nextContactDate =
            input.nextContactDate === undefined
              ? nextDate(atMs, contactRatio, zone)
              : cycleFits(input.nextContactDate, zone)
                ? input.nextContactDate
                : undefined;
          if (nextContactDate === undefined) {
            return err(invalidInput("Client Hub record", [{ path: "nextContactDate", message: outOfDomain.message }]));
          }
          const at = toIso(atMs);
          return ok({
            lifecycle: "clientHub",
            schemaVersion: 1,
            subscriptionId: input.subscriptionId,
            contactId: input.contactId,
            status: "completed",
            updatedAt: at,
            timeZone: zone,
            contactRatio: ratioOf(contactRatio),
            lastContactAt: at,
            nextContactDate,
          });
        },
      },
      { initial: () => unreadableInput("Client Hub record"), label: () => "", isCheckIn: () => false },
    );
  }
}

/**
 * The Client Hub pipeline with the playbook's defaults: Call Preparation 5 days before the contact
 * date, Call 1 on it, Calls 2 and 3 five days apart, a 1-month Contact Ratio by default.
 *
 * @example
 * const record = clientHub.initial({ subscriptionId: "s1", contactId: "c1", at: "2026-01-31T10:00:00Z", timeZone: "Europe/London" });
 * if (record.ok) record.value.nextContactDate; // => "2026-02-28"
 */
export const clientHub: ClientHubLifecycle = /* @__PURE__ */ lazyPreset(
  () => makeClientHub(CLIENT_HUB_DEFAULTS),
  LIFECYCLE_KEYS,
  ["options", "isCheckIn", "label", "initial"],
);
