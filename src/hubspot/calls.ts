// HubSpot call objects (GET /crm/v3/objects/calls/{id}: `{ id, properties }`) read as Client Hub
// `callLogged` events and as call-result call facts, and written back. Outcomes are HubSpot's
// disposition GUIDs (its six defaults, plus a portal's custom outcomes through the portal map);
// every refusal names the HubSpot property.

import {
  APPOINTMENT_MODES,
  type CallFacts,
  COMPANY_FINDINGS,
  NO_PITCH_ANSWERS,
  NOBODY_VIA,
  RECEPTION_ANSWERS,
} from "../call-result/classify.js";
import {
  type CallDirection,
  type CallOutcome,
  type CheckInCallType,
  type ClientHubCallType,
  type ClientHubEvent,
  OTHER_CALL_TYPE,
} from "../client-hub/pipeline.js";
import { describeValue } from "../core/describe.js";
import { deepFreeze } from "../core/freeze.js";
import { guarded } from "../core/guard.js";
import { boundedEventId } from "../core/identity.js";
import { isName } from "../core/limits.js";
import { err, ok, type Result } from "../core/result.js";
import type { Instant } from "../core/time.js";
import {
  type HubSpotError,
  type HubSpotInvalid,
  hasHubSpotValue,
  hubSpotError,
  hubSpotInvalid,
  readHubSpotCheckbox,
  readHubSpotDateTime,
  readHubSpotNumber,
  unreadableHubSpotObject,
  writeHubSpotCheckbox,
  writeHubSpotDateTime,
  writeHubSpotNumber,
} from "./properties.js";

/**
 * HubSpot's six default call outcomes: the internal GUID `hs_call_disposition` holds, and its label
 * (HubSpot's Calls API guide, "hs_call_disposition"). The labels are the Client Hub's outcomes.
 */
export const HUBSPOT_DISPOSITIONS = /* @__PURE__ */ deepFreeze({
  "9d9162e7-6cf3-4944-bf63-4dff82258764": "Busy",
  "f240bbac-87c9-4f6e-bf70-924b57d47db7": "Connected",
  "a4c4c377-d246-4b32-a13b-75a56a4cd0ff": "Left live message",
  "b2cf5968-551e-4856-9783-52b3da59a7d0": "Left voicemail",
  "73a0d17f-1163-4015-bdd5-ec830791da20": "No answer",
  "17b47fee-58de-441e-a44c-c6300d46f273": "Wrong number",
} as const satisfies Record<string, CallOutcome>);

/** A HubSpot object as its CRM API returns it: its id and its properties (values nearly always text). */
export interface HubSpotObject {
  readonly id: string | number;
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The custom properties the call facts are read from (internal names). */
export interface HubSpotFactProperties {
  /** `nobody`, `reception` or `decisionMaker`; when unset, a call that did not connect reached nobody. */
  readonly reached: string;
  /** What reception or the decision maker said (the call-result vocabulary, e.g. `takeMessage`). */
  readonly said: string;
  /** How nobody was reached (`noAnswer`, `companyVoicemail`…); when unset, read from the outcome. */
  readonly via: string;
  /** Checkbox: the decision maker was pitched. */
  readonly pitched: string;
  /** Checkbox: reception put the call through to the decision maker's voicemail. */
  readonly putThroughToVoicemail: string;
  /** Date-time: when to call back. */
  readonly callBackAt: string;
  /** Number: the measure against the campaign's qualifying range. */
  readonly measured: string;
  /** Text: the campaign's own not-qualified reason. */
  readonly reason: string;
  /** `inPerson`, `phone` or `video`. */
  readonly mode: string;
}

/**
 * A portal's own words: its custom outcomes, the property holding the call type and its values,
 * and the custom properties behind the call facts. `CheckIn`: the Client Hub's check-in call types.
 */
export interface HubSpotPortal<CheckIn extends string = CheckInCallType> {
  /** Custom outcome GUIDs (GET /calling/v1/dispositions) → the outcome each counts as. */
  readonly customOutcomes: Readonly<Record<string, CallOutcome>>;
  /** The property holding the call type. Default `hs_activity_type` ("Call and meeting type"). */
  readonly callTypeProperty: string;
  /** Its values → Client Hub call types. An unset call type is `"Other"`; an unlisted one is refused. */
  readonly callTypes: Readonly<Record<string, ClientHubCallType<CheckIn>>>;
  /** Checkbox property: this unsuccessful call in Call 3 was the final attempt. */
  readonly finalAttemptProperty: string;
  /** The custom properties the call facts are read from. */
  readonly facts: HubSpotFactProperties;
}

// A portal map from plain JavaScript (a host's config file): the shape the readers rely on, each
// problem named, never a TypeError from deep inside a reader.
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
function portalIssues(portal: unknown, needsFacts: boolean): HubSpotError[] {
  if (!isRecord(portal))
    return [hubSpotError("invalidPayload", "portal", portal, "must be a portal map (see HUBSPOT_DEFAULTS)")];
  const issues: HubSpotError[] = [];
  for (const key of ["customOutcomes", "callTypes", ...(needsFacts ? ["facts"] : [])]) {
    if (!isRecord(portal[key]))
      issues.push(hubSpotError("invalidPayload", `portal.${key}`, portal[key], "must be an object"));
  }
  for (const key of ["callTypeProperty", "finalAttemptProperty"]) {
    if (!isName(portal[key]))
      issues.push(hubSpotError("invalidPayload", `portal.${key}`, portal[key], "must be a property name"));
  }
  const facts = portal.facts;
  if (needsFacts && isRecord(facts)) {
    for (const [key, name] of Object.entries(facts)) {
      if (!isName(name))
        issues.push(hubSpotError("invalidPayload", `portal.facts.${key}`, name, "must be a property name"));
    }
  }
  return issues;
}

/** The playbook's check-in types as their own HubSpot values, the facts in `leadrules_*` properties. */
export const HUBSPOT_DEFAULTS: HubSpotPortal = /* @__PURE__ */ deepFreeze({
  customOutcomes: {},
  callTypeProperty: "hs_activity_type",
  callTypes: { "Check In - Call": "Check In - Call", "Check In - WhatsApp": "Check In - WhatsApp", Other: "Other" },
  finalAttemptProperty: "leadrules_final_attempt",
  facts: {
    reached: "leadrules_reached",
    said: "leadrules_said",
    via: "leadrules_via",
    pitched: "leadrules_pitched",
    putThroughToVoicemail: "leadrules_put_through_to_voicemail",
    callBackAt: "leadrules_call_back_at",
    measured: "leadrules_measured",
    reason: "leadrules_reason",
    mode: "leadrules_mode",
  },
});

/** A library value with its identity key: a retry of the same HubSpot object or event has the same `id`. */
export interface HubSpotEnvelope<E> {
  readonly id: string;
  readonly event: E;
}

/** The Client Hub's `callLogged` event. `CheckIn`: the check-in call types. */
export type CallLoggedEvent<CheckIn extends string = CheckInCallType> = Extract<
  ClientHubEvent<CheckIn>,
  { readonly type: "callLogged" }
>;

/** Call facts read from a HubSpot call, with the call's instant and identity key. */
export interface HubSpotCallFacts {
  readonly id: string;
  /** The call's `hs_timestamp`, ISO-8601 UTC: the `at` to classify it with. */
  readonly at: string;
  readonly facts: CallFacts;
}

const DISPOSITION = "hs_call_disposition";
const DIRECTION = "hs_call_direction";
const TIMESTAMP = "hs_timestamp";
const DIRECTIONS: Readonly<Record<string, CallDirection>> = { INBOUND: "inbound", OUTBOUND: "outbound" };
// The default GUID of an outcome: HUBSPOT_DISPOSITIONS read backwards (one table, not two).
const guidOf = (outcome: CallOutcome): string => {
  for (const [guid, label] of Object.entries(HUBSPOT_DISPOSITIONS)) if (label === outcome) return guid;
  /* v8 ignore next -- every outcome has a default GUID (the table is typed against CallOutcome) */
  return "";
};
const CONNECTED: readonly CallOutcome[] = ["Connected", "Left live message"];
const own = (table: object, key: unknown): boolean => typeof key === "string" && Object.hasOwn(table, key);

// The reading state of one object: its properties, and every issue found so far.
interface Reader {
  readonly props: Readonly<Record<string, unknown>>;
  readonly issues: HubSpotError[];
}
function take<T>(reader: Reader, result: Result<T, HubSpotError>): T | undefined {
  if (result.ok) return result.value;
  reader.issues.push(result.error);
  return undefined;
}
function required(reader: Reader, property: string): unknown {
  const value = reader.props[property];
  if (!hasHubSpotValue(value)) reader.issues.push(hubSpotError("missingProperty", property, value, "is required"));
  return hasHubSpotValue(value) ? value : undefined;
}
function oneOf<T extends string>(reader: Reader, property: string, allowed: readonly T[]): T | undefined {
  const value = reader.props[property];
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  reader.issues.push(
    hubSpotError("unknownValue", property, value, `must be one of ${allowed.join(", ")}, got ${describeValue(value)}`),
  );
  return undefined;
}

// The object's shape and id: `{ id, properties }`.
function open(call: unknown, issues: HubSpotError[]): { id: string; reader: Reader } | undefined {
  const object = call as Partial<HubSpotObject> | null;
  if (
    typeof object !== "object" ||
    object === null ||
    typeof object.properties !== "object" ||
    object.properties === null
  ) {
    issues.push(hubSpotError("invalidPayload", "properties", call, "must be an object (the call's properties)"));
    return undefined;
  }
  const id = typeof object.id === "number" && Number.isSafeInteger(object.id) ? String(object.id) : object.id;
  if (!isName(id))
    issues.push(hubSpotError("missingProperty", "id", object.id, "must be the call's id (text or a whole number)"));
  return { id: isName(id) ? id : "", reader: { props: object.properties, issues } };
}

function timestamp(reader: Reader): string | undefined {
  const value = required(reader, TIMESTAMP);
  return value === undefined ? undefined : take(reader, readHubSpotDateTime(value, TIMESTAMP));
}

function outcomeOf(reader: Reader, portal: HubSpotPortal<string>): CallOutcome | undefined {
  const guid = required(reader, DISPOSITION);
  if (guid === undefined) return undefined;
  if (own(HUBSPOT_DISPOSITIONS, guid)) return HUBSPOT_DISPOSITIONS[guid as keyof typeof HUBSPOT_DISPOSITIONS];
  if (own(portal.customOutcomes, guid)) return portal.customOutcomes[guid as string];
  reader.issues.push(
    hubSpotError(
      "unknownValue",
      DISPOSITION,
      guid,
      `${describeValue(guid)} is neither one of HubSpot's six default outcomes nor one of the portal's custom outcomes`,
    ),
  );
  return undefined;
}

/**
 * Reads a HubSpot call as a Client Hub `callLogged` event: outcome from `hs_call_disposition`
 * (default GUIDs or the portal's custom outcomes), direction from `hs_call_direction` when set
 * (`INBOUND`/`OUTBOUND`), the call type from the portal's call-type property (unset: `"Other"`),
 * `at` from `hs_timestamp`, `finalAttempt` from the portal's checkbox. The event's identity key is
 * `hubspot:call:<id>`: the same call delivered twice is the same event.
 *
 * @param call - a call object `{ id, properties }` from HubSpot's CRM API
 * @param portal - the portal's words (default {@link HUBSPOT_DEFAULTS})
 * @returns the event with its identity key, or an error listing every property at fault
 * @example
 * callLoggedFromHubSpot({ id: "7", properties: { hs_timestamp: "1772445600000", hs_call_disposition: "f240bbac-87c9-4f6e-bf70-924b57d47db7", hs_call_direction: "OUTBOUND", hs_activity_type: "Check In - Call" } }).ok; // => true
 */
export function callLoggedFromHubSpot<CheckIn extends string = CheckInCallType>(
  call: unknown,
  portal: HubSpotPortal<CheckIn> = HUBSPOT_DEFAULTS as unknown as HubSpotPortal<CheckIn>,
): Result<HubSpotEnvelope<CallLoggedEvent<CheckIn>>, HubSpotInvalid> {
  return guarded((): Result<HubSpotEnvelope<CallLoggedEvent<CheckIn>>, HubSpotInvalid> => {
    const issues: HubSpotError[] = portalIssues(portal, false);
    if (issues.length > 0) return err(hubSpotInvalid("HubSpot portal map", issues));
    const opened = open(call, issues);
    if (opened === undefined) return err(hubSpotInvalid("HubSpot call", issues));
    const { id, reader } = opened;
    const at = timestamp(reader);
    const outcome = outcomeOf(reader, portal);
    // Optional: the Client Hub never reads it (HubSpot's own create-call example leaves it out).
    const direction = hasHubSpotValue(reader.props[DIRECTION])
      ? DIRECTIONS[oneOf(reader, DIRECTION, ["INBOUND", "OUTBOUND"]) ?? ""]
      : undefined;
    const typeValue = reader.props[portal.callTypeProperty];
    let callType: ClientHubCallType<CheckIn> | undefined = OTHER_CALL_TYPE;
    if (hasHubSpotValue(typeValue)) {
      callType = own(portal.callTypes, typeValue) ? portal.callTypes[typeValue as string] : undefined;
      if (callType === undefined) {
        issues.push(
          hubSpotError(
            "unknownValue",
            portal.callTypeProperty,
            typeValue,
            `${describeValue(typeValue)} is not one of the portal's call types (${Object.keys(portal.callTypes).join(", ")})`,
          ),
        );
      }
    }
    const finalValue = reader.props[portal.finalAttemptProperty];
    const finalAttempt = hasHubSpotValue(finalValue)
      ? take(reader, readHubSpotCheckbox(finalValue, portal.finalAttemptProperty))
      : undefined;
    if (issues.length > 0) return err(hubSpotInvalid("HubSpot call", issues));
    const event = {
      type: "callLogged",
      at: at as string,
      actor: "owner",
      outcome: outcome as CallOutcome,
      callType: callType as ClientHubCallType<CheckIn>,
      ...(direction === undefined ? {} : { direction }),
      ...(finalAttempt === undefined ? {} : { finalAttempt }),
    } as const;
    const key = boundedEventId(`hubspot:call:${id}`);
    return ok({ id: key, event: { ...event, id: key } });
  }, unreadableHubSpotObject);
}

/**
 * Writes a Client Hub `callLogged` event as HubSpot call properties (for POST
 * /crm/v3/objects/calls): the outcome's default GUID, the direction, the call type's first portal
 * value (`"Other"` with no portal value: unset), `hs_timestamp` in epoch milliseconds.
 *
 * @param event - the event
 * @param portal - the portal's words (default {@link HUBSPOT_DEFAULTS})
 * @returns the properties; `{}` (nothing to write) for a value that is not an event
 * @example
 * callLoggedToHubSpot({ type: "callLogged", at: 0, actor: "owner", outcome: "Busy", callType: "Other", direction: "inbound" }).hs_call_direction; // => "INBOUND"
 */
export function callLoggedToHubSpot<CheckIn extends string = CheckInCallType>(
  event: CallLoggedEvent<CheckIn>,
  portal: HubSpotPortal<CheckIn> = HUBSPOT_DEFAULTS as unknown as HubSpotPortal<CheckIn>,
): Readonly<Record<string, string>> {
  return guarded(
    (): Readonly<Record<string, string>> => {
      // Not an event or no portal: nothing to write.
      if (typeof event !== "object" || event === null || typeof portal !== "object" || portal === null) return {};
      const typeValue = Object.keys(portal.callTypes).find((key) => portal.callTypes[key] === event.callType) ?? "";
      return {
        [TIMESTAMP]: writeHubSpotDateTime(event.at),
        [DISPOSITION]: guidOf(event.outcome),
        ...(event.direction === undefined
          ? {}
          : { [DIRECTION]: event.direction === "inbound" ? "INBOUND" : "OUTBOUND" }),
        [portal.callTypeProperty]: typeValue,
        ...(event.finalAttempt === undefined
          ? {}
          : { [portal.finalAttemptProperty]: writeHubSpotCheckbox(event.finalAttempt) }),
      };
    },
    () => ({}),
  );
}

const FINDINGS = Object.keys(COMPANY_FINDINGS) as (keyof typeof COMPANY_FINDINGS)[];
const RECEPTION_SAID: readonly string[] = [...RECEPTION_ANSWERS, ...FINDINGS];
const DM_CALL_BACK = ["cantTalkNow", "emailAndCallBack", "callBackNoEmail"] as const;
const DM_SAID: readonly string[] = [
  ...DM_CALL_BACK,
  "notInterested",
  "inTalksWithSalesRep",
  "existingClient",
  "notQualified",
  "emailOnly",
  "appointment",
  ...FINDINGS,
];
// How nobody was reached, from an outcome that did not connect.
const VIA_OF: Readonly<Partial<Record<CallOutcome, (typeof NOBODY_VIA)[number]>>> = {
  Busy: "noAnswer",
  "No answer": "noAnswer",
  "Left voicemail": "directLineVoicemail",
  "Wrong number": "wrongNumber",
};
const OUTCOME_OF_VIA: Readonly<Record<(typeof NOBODY_VIA)[number], CallOutcome>> = {
  noAnswer: "No answer",
  companyVoicemail: "Left voicemail",
  directLineVoicemail: "Left voicemail",
  wrongNumber: "Wrong number",
  duplicate: "No answer",
};

/**
 * Reads a HubSpot call as call-result call facts, from the portal's fact properties: `reached`
 * (unset: nobody, when the outcome did not connect), `said`, `via` (unset: from the outcome — No
 * answer and Busy are `noAnswer`, Left voicemail `directLineVoicemail`, Wrong number
 * `wrongNumber`), the `pitched` and `putThroughToVoicemail` checkboxes, `callBackAt` (date-time),
 * `measured` (number), `reason`, `mode`. A fact property set where the facts have no such field is
 * refused (`notApplicable`), as the parser would refuse the field.
 *
 * @param call - a call object `{ id, properties }` from HubSpot's CRM API
 * @param portal - the portal's words (default {@link HUBSPOT_DEFAULTS})
 * @returns the facts with the call's instant and identity key, or an error listing every property at fault
 * @example
 * callFactsFromHubSpot({ id: 8, properties: { hs_timestamp: "2026-03-02T10:00:00Z", hs_call_disposition: "73a0d17f-1163-4015-bdd5-ec830791da20" } });
 * // => { ok: true, value: { id: "hubspot:call:8", at: "2026-03-02T10:00:00.000Z", facts: { reached: "nobody", via: "noAnswer" } } }
 */
export function callFactsFromHubSpot(
  call: unknown,
  portal: HubSpotPortal<string> = HUBSPOT_DEFAULTS,
): Result<HubSpotCallFacts, HubSpotInvalid> {
  return guarded((): Result<HubSpotCallFacts, HubSpotInvalid> => {
    const issues: HubSpotError[] = portalIssues(portal, true);
    if (issues.length > 0) return err(hubSpotInvalid("HubSpot portal map", issues));
    const opened = open(call, issues);
    if (opened === undefined) return err(hubSpotInvalid("HubSpot call", issues));
    const { id, reader } = opened;
    const p = portal.facts;
    const at = timestamp(reader);
    const outcome = outcomeOf(reader, portal);
    const set = (property: string): boolean => hasHubSpotValue(reader.props[property]);
    const used = new Set<string>();
    const use = (property: string): string => {
      used.add(property);
      return property;
    };
    const checkbox = (property: string): boolean | undefined =>
      set(use(property)) ? take(reader, readHubSpotCheckbox(reader.props[property], property)) : undefined;
    const missing = (property: string, message = "is required"): undefined => {
      reader.issues.push(hubSpotError("missingProperty", property, reader.props[property], message));
      return undefined;
    };
    const callBack = (needed: boolean): string | undefined => {
      use(p.callBackAt);
      if (!set(p.callBackAt)) return needed ? missing(p.callBackAt) : undefined;
      return take(reader, readHubSpotDateTime(reader.props[p.callBackAt], p.callBackAt));
    };
    let facts: Record<string, unknown> | undefined;
    const reached = set(use(p.reached))
      ? oneOf(reader, p.reached, ["nobody", "reception", "decisionMaker"])
      : outcome === undefined
        ? undefined
        : CONNECTED.includes(outcome)
          ? missing(p.reached, `is required: a ${outcome} call does not say who was reached`)
          : "nobody";
    if (reached === "nobody") {
      use(p.via);
      const via = set(p.via)
        ? oneOf(reader, p.via, NOBODY_VIA)
        : outcome === undefined
          ? undefined
          : (VIA_OF[outcome] ?? missing(p.via, `is required: nobody was reached on a ${outcome} call`));
      const callBackAt = callBack(false);
      facts = { reached, via, ...(callBackAt === undefined ? {} : { callBackAt }) };
    } else if (reached === "reception") {
      const said = set(use(p.said)) ? oneOf(reader, p.said, RECEPTION_SAID) : undefined;
      const putThrough = checkbox(p.putThroughToVoicemail);
      // Reception said nothing to log only when it put the call through to the DM's voicemail.
      if (!set(p.said) && (putThrough === false || !set(p.putThroughToVoicemail))) {
        missing(p.said, `is required unless ${p.putThroughToVoicemail} is "true"`);
      }
      const callBackAt = callBack(false);
      facts = {
        reached,
        ...(said === undefined ? {} : { said }),
        ...(putThrough === undefined ? {} : { putThroughToVoicemail: putThrough }),
        ...(callBackAt === undefined ? {} : { callBackAt }),
      };
    } else if (reached === "decisionMaker") {
      const said = set(use(p.said)) ? oneOf(reader, p.said, DM_SAID) : missing(p.said);
      const pitched = checkbox(p.pitched);
      if (said !== undefined && !set(p.pitched) && !(NO_PITCH_ANSWERS as readonly string[]).includes(said)) {
        missing(p.pitched, `is required when ${p.said} is ${said}`);
      }
      facts = { reached, ...(pitched === undefined ? {} : { pitched }), said };
      if ((DM_CALL_BACK as readonly unknown[]).includes(said)) facts.callBackAt = callBack(true);
      if (said === "notQualified") {
        if (set(use(p.measured)))
          facts.measured = take(reader, readHubSpotNumber(reader.props[p.measured], p.measured));
        if (set(use(p.reason))) {
          const reason = reader.props[p.reason];
          if (isName(reason)) facts.reason = reason;
          else
            reader.issues.push(
              hubSpotError("unknownValue", p.reason, reason, `must be text, got ${describeValue(reason)}`),
            );
        }
      }
      if (said === "appointment") {
        use(p.mode);
        facts.mode = set(p.mode)
          ? oneOf(reader, p.mode, APPOINTMENT_MODES)
          : missing(p.mode, "is required when the decision maker booked an appointment");
      }
    }
    // A fact property that does not belong to these facts: refused, as the parser refuses the field.
    if (reached !== undefined) {
      for (const property of Object.values(p)) {
        if (!used.has(property) && set(property)) {
          reader.issues.push(
            hubSpotError(
              "notApplicable",
              property,
              reader.props[property],
              `does not apply to these facts (${p.reached} ${reached})`,
            ),
          );
        }
      }
    }
    if (issues.length > 0) return err(hubSpotInvalid("HubSpot call", issues));
    // The key inside the facts too, so `logCall` turns a retried delivery into a duplicate.
    const key = boundedEventId(`hubspot:call:${id}`);
    return ok({ id: key, at: at as string, facts: { ...facts, id: key } as unknown as CallFacts });
  }, unreadableHubSpotObject);
}

/**
 * Writes call facts as HubSpot call properties: the fact properties, and an outcome that reads
 * back to the same facts (a call that reached someone is Connected; one that reached nobody takes
 * the outcome of how: No answer, Left voicemail or Wrong number).
 *
 * @param facts - the call's facts
 * @param at - when the call was made
 * @param portal - the portal's words (default {@link HUBSPOT_DEFAULTS})
 * @returns the properties; `{}` (nothing to write) for a value that is not call facts
 * @example
 * callFactsToHubSpot({ reached: "reception", said: "takeMessage" }, 0).leadrules_said; // => "takeMessage"
 */
export function callFactsToHubSpot(
  facts: CallFacts,
  at: Instant,
  portal: HubSpotPortal<string> = HUBSPOT_DEFAULTS,
): Readonly<Record<string, string>> {
  return guarded(
    (): Readonly<Record<string, string>> => {
      // Not call facts or no portal: nothing to write.
      if (typeof facts !== "object" || facts === null || typeof portal !== "object" || portal === null) return {};
      const p = portal.facts;
      const f = facts as Partial<Record<string, unknown>> & CallFacts;
      const out: Record<string, string> = {
        [TIMESTAMP]: writeHubSpotDateTime(at),
        [DISPOSITION]: guidOf(f.reached === "nobody" ? OUTCOME_OF_VIA[f.via] : "Connected"),
        [p.reached]: f.reached,
      };
      const text = (property: string, value: unknown): void => {
        if (typeof value === "string") out[property] = value;
      };
      text(p.via, f.via);
      text(p.said, f.said);
      text(p.reason, f.reason);
      text(p.mode, f.mode);
      if (typeof f.pitched === "boolean") out[p.pitched] = writeHubSpotCheckbox(f.pitched);
      if (typeof f.putThroughToVoicemail === "boolean")
        out[p.putThroughToVoicemail] = writeHubSpotCheckbox(f.putThroughToVoicemail);
      if (typeof f.measured === "number") out[p.measured] = writeHubSpotNumber(f.measured);
      if (f.callBackAt !== undefined) out[p.callBackAt] = writeHubSpotDateTime(f.callBackAt as Instant);
      // Written only when it reads back: facts the reader would refuse (`reached: 5`, a missing
      // `said`) are not call facts, and nothing is written for them.
      return callFactsFromHubSpot({ id: "0", properties: out }, portal).ok ? out : {};
    },
    () => ({}),
  );
}
