import * as z from "zod/mini";
import { isCalendarDate } from "../core/calendar.js";
import { guarded, unreadableInput } from "../core/guard.js";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "../core/result.js";
import { appliedIdsSchema, eventIdSchema, instantSchema, lazy, parseWith, withDefaults } from "../core/schema.js";
import { isTimeZone } from "../core/time.js";
import { canonicalZone } from "../core/zone.js";
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  type CheckInCallType,
  CLIENT_HUB_ACTORS,
  CLIENT_HUB_DEFAULTS,
  CLIENT_HUB_STAGES,
  type ClientHubEvent,
  type ClientHubOptions,
  type ClientHubRecord,
  type ClientHubStage,
  OTHER_CALL_TYPE,
  sameRatio,
} from "./pipeline.js";
import type { Subscription } from "./records.js";

const text = () => z.string().check(z.minLength(1));

const schemas = /* @__PURE__ */ lazy(() => {
  const at = instantSchema();
  const id = eventIdSchema();
  const actor = z.enum(CLIENT_HUB_ACTORS);
  const ratio = z.strictObject({
    count: z.int().check(z.minimum(1), z.maximum(120)),
    unit: z.enum(["day", "week", "month"]),
  });
  const event = z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("callLogged"),
      at,
      actor,
      id,
      outcome: z.enum(CALL_OUTCOMES),
      callType: text(),
      direction: z.optional(z.enum(CALL_DIRECTIONS)),
      finalAttempt: z.optional(z.boolean()),
    }),
    z.strictObject({ type: z.literal("emailedInstead"), at, actor, id }),
    z.strictObject({ type: z.literal("contactRatioSet"), at, actor, id, contactRatio: ratio }),
    z.strictObject({ type: z.literal("taskCompleted"), at, actor, id, contactRatio: z.optional(ratio) }),
  ]);
  const timeZone = z
    .string()
    .check(z.refine(isTimeZone, { message: 'must be an IANA time-zone name such as "Europe/London"' }));
  const date = z.string().check(z.refine(isCalendarDate, { message: "must be a date written YYYY-MM-DD" }));
  const record = z.strictObject({
    lifecycle: z.literal("clientHub"),
    schemaVersion: z.literal(1, { message: "unsupported schemaVersion: this version of leadrules reads version 1" }),
    subscriptionId: text(),
    contactId: text(),
    status: z.enum(Object.keys(CLIENT_HUB_STAGES) as [ClientHubStage, ...ClientHubStage[]]),
    updatedAt: at,
    timeZone,
    contactRatio: ratio,
    lastContactAt: at,
    nextContactDate: date,
    appliedIds: appliedIdsSchema(),
  });
  const days = z.int().check(z.minimum(0), z.maximum(366));
  const options = z.strictObject({
    contactRatios: z.optional(z.array(ratio).check(z.minLength(1))),
    defaultContactRatio: z.optional(ratio),
    unsuccessfulContactRatio: z.optional(ratio),
    preparationDays: z.optional(days),
    callIntervalDays: z.optional(z.int().check(z.minimum(1), z.maximum(366))),
    checkInCallTypes: z.optional(z.array(text()).check(z.minLength(1))),
    labels: z.optional(z.partialRecord(z.enum(Object.keys(CLIENT_HUB_STAGES) as [ClientHubStage]), text())),
    finalCall: z.optional(z.enum(["firstAttempt", "markedFinal"])),
  });
  const subscription = z.strictObject({
    id: text(),
    contacts: z.array(z.strictObject({ id: text(), primary: z.boolean() })),
  });
  return { event, record, options, subscription };
});

/**
 * Reads a Client Hub event from outside (a HubSpot webhook, a queue). Instants are normalised to
 * ISO UTC; every issue is listed with its field. A call's type must be one of the options'
 * check-in types or `"Other"` (map a CRM's other call types to it).
 *
 * @param input - untrusted input
 * @param options - the tenant's options (for the check-in call types); default the playbook's
 * @returns the event, or an error value listing every issue
 * @example
 * parseClientHubEvent({ type: "callLogged", at: "2026-03-02T10:00:00Z", actor: "owner", outcome: "Connected", callType: "Check In - Call", direction: "inbound" }).ok; // => true
 */
export function parseClientHubEvent<CheckIn extends string = CheckInCallType>(
  input: unknown,
  options: Pick<ClientHubOptions<CheckIn>, "checkInCallTypes"> = CLIENT_HUB_DEFAULTS as never,
): Result<ClientHubEvent<CheckIn>, InvalidInput> {
  const parsed = parseWith(schemas().event, "Client Hub event", input);
  if (!parsed.ok) return parsed;
  const event = parsed.value as ClientHubEvent<CheckIn>;
  if (event.type !== "callLogged") return { ok: true, value: event };
  const types: unknown = options?.checkInCallTypes;
  const allowed = [...(Array.isArray(types) ? types : []), OTHER_CALL_TYPE];
  return allowed.includes(event.callType)
    ? { ok: true, value: event }
    : err(
        invalidInput("Client Hub event", [
          { path: "callType", message: `must be one of ${allowed.map((t) => JSON.stringify(t)).join(", ")}` },
        ]),
      );
}

/**
 * Reads a stored Client Hub record. An unknown stage, an unknown time zone, a Contact Ratio the
 * options do not allow or a record from another schema version is an error value naming the field.
 * The time zone comes back in its canonical spelling (`"europe/london"` reads as `"Europe/London"`).
 *
 * @param input - untrusted input
 * @param options - the tenant's options (for the allowed ratios); default the playbook's
 * @returns the record, or an error value listing every issue
 * @example
 * parseClientHubRecord({ lifecycle: "clientHub", schemaVersion: 1, status: "call4" }).ok; // => false
 */
export function parseClientHubRecord(
  input: unknown,
  options: ClientHubOptions<string> = CLIENT_HUB_DEFAULTS,
): Result<ClientHubRecord, InvalidInput> {
  // The options are the host's too: read inside the guard (a Proxy or a throwing getter among
  // them is answered "unreadable", like the record).
  return guarded(
    () => parseRecordWith(input, options),
    () => unreadableInput("Client Hub record"),
  );
}

function parseRecordWith(input: unknown, options: ClientHubOptions<string>): Result<ClientHubRecord, InvalidInput> {
  if (!Array.isArray(options?.contactRatios)) {
    return err(
      invalidInput("Client Hub record", [
        { path: "options", message: "expected Client Hub options (read them with parseClientHubOptions)" },
      ]),
    );
  }
  const parsed = parseWith(schemas().record, "Client Hub record", input);
  if (!parsed.ok) return parsed;
  const ratio = parsed.value.contactRatio;
  if (!options.contactRatios.some((r) => sameRatio(r, ratio))) {
    return err(
      invalidInput("Client Hub record", [
        { path: "contactRatio", message: "is not one of the allowed Contact Ratios" },
      ]),
    );
  }
  // Zones are stored in their canonical spelling, whatever the stored record had.
  const record = parsed.value as ClientHubRecord;
  const timeZone = canonicalZone(record.timeZone) as string;
  return ok(timeZone === record.timeZone ? record : { ...record, timeZone });
}

/**
 * Reads Client Hub options: every field optional, missing ones take the playbook's defaults. The
 * default and unsuccessful ratios must be among the allowed ones.
 *
 * @param input - untrusted input (`undefined` means all defaults)
 * @returns complete options, or an error value naming each bad field
 * @example
 * parseClientHubOptions({ callIntervalDays: 0 }).ok; // => false
 */
export function parseClientHubOptions(input: unknown): Result<ClientHubOptions<string>, InvalidInput> {
  const parsed = parseWith(schemas().options, "Client Hub options", input ?? {});
  if (!parsed.ok) return parsed;
  const options = withDefaults<ClientHubOptions<string>>(CLIENT_HUB_DEFAULTS, parsed.value);
  const issues: Issue[] = (["defaultContactRatio", "unsuccessfulContactRatio"] as const)
    .filter((field) => !options.contactRatios.some((r) => sameRatio(r, options[field])))
    .map((field) => ({ path: field, message: "must be one of contactRatios" }));
  options.checkInCallTypes.forEach((type, i) => {
    if (type === OTHER_CALL_TYPE)
      issues.push({
        path: `checkInCallTypes.${i}`,
        message: `"${OTHER_CALL_TYPE}" is the type of every call that is not a check-in`,
      });
  });
  return issues.length === 0 ? { ok: true, value: options } : err(invalidInput("Client Hub options", issues));
}

/**
 * Reads a Product Subscription and its associated contacts, for `reconcile`.
 *
 * @param input - untrusted input
 * @returns the subscription, or an error value listing every issue
 * @example
 * parseSubscription({ id: "s1", contacts: [{ id: "c1", primary: "yes" }] }).ok; // => false
 */
export function parseSubscription(input: unknown): Result<Subscription, InvalidInput> {
  return parseWith(schemas().subscription, "subscription", input);
}

/** The zod schemas behind the parsers; internal (not exported by the package), read by scripts/schemas.ts. */
export { schemas as clientHubSchemas };
