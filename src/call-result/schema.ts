import * as z from "zod/mini";
import { describeValue } from "../core/describe.js";
import { guarded, unreadableInput } from "../core/guard.js";
import { err, type InvalidInput, invalidInput, ok, type Result } from "../core/result.js";
import { appliedIdsSchema, eventIdSchema, instantSchema, lazy, parseWith, withDefaults } from "../core/schema.js";
import { isTimeZone } from "../core/time.js";
import { canonicalZone } from "../core/zone.js";
import { type Campaign, type CampaignInput, DEFAULT_CAMPAIGN, resultFlags } from "./campaign.js";
import {
  APPOINTMENT_MODES,
  type CallFacts,
  COMPANY_FINDINGS,
  type CompanyFinding,
  NO_PITCH_ANSWERS,
  NOBODY_VIA,
  RECEPTION_ANSWERS,
} from "./classify.js";
import type { CallRecord } from "./record-state.js";
import {
  CALL_RESULTS,
  CAMPAIGN_PERMISSIONS,
  COUNTS_AS,
  LAST_CONTACTS,
  RECORD_STATUSES,
  REQUIRED_EFFECTS,
  RESULT_WHO,
} from "./results.js";
import type { LoggedCall } from "./validate.js";

const text = () => z.string().check(z.minLength(1));
const keys = <T extends object>(t: T) => Object.keys(t) as [keyof T & string, ...(keyof T & string)[]];
const FINDINGS = /* @__PURE__ */ Object.keys(COMPANY_FINDINGS) as CompanyFinding[];

const schemas = /* @__PURE__ */ lazy(() => {
  const at = instantSchema();
  const lastContact = z.enum(keys(LAST_CONTACTS));
  const flags = {
    label: text(),
    who: z.enum(RESULT_WHO),
    record: z.enum(keys(RECORD_STATUSES)),
    countsAs: z.enum(COUNTS_AS),
    effects: z.array(z.enum(REQUIRED_EFFECTS)),
    permission: z.optional(z.enum(CAMPAIGN_PERMISSIONS)),
    notQualified: z.optional(z.boolean()),
  };
  const campaign = z
    .strictObject({
      id: text(),
      emailFollowUpWeeks: z.optional(z.number().check(z.positive(), z.maximum(52))),
      timeZone: z.optional(
        z.string().check(z.refine(isTimeZone, { message: 'must be an IANA time-zone name such as "Europe/London"' })),
      ),
      deadEndMinBlockedAttempts: z.optional(z.int().check(z.minimum(0), z.maximum(100))),
      emailOnlyHns: z.optional(z.boolean()),
      wantsConsultantFollowUp: z.optional(z.boolean()),
      recycleNoPitchAfterDays: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(3660)))),
      qualifyingRange: z.optional(
        z.nullable(
          z.strictObject({ min: z.nullable(z.number()), max: z.nullable(z.number()), unit: text() }).check(
            z.refine((r) => r.min === null || r.max === null || r.min <= r.max, {
              message: "min must not be above max",
              path: ["min"],
            }),
          ),
        ),
      ),
      customResults: z.optional(z.array(z.strictObject({ id: text(), ...flags }))),
    })
    .check(
      z.superRefine((c, ctx) => {
        const seen = new Set<string>(Object.keys(CALL_RESULTS));
        (c.customResults ?? []).forEach((r, i) => {
          if (seen.has(r.id)) {
            ctx.issues.push({
              code: "custom",
              path: ["customResults", i, "id"],
              input: r.id,
              message: `"${r.id}" is already a result id`,
            });
          }
          seen.add(r.id);
        });
      }),
    );
  const id = eventIdSchema();
  const when = { callBackAt: z.optional(instantSchema()), id };
  const dmSaid = [
    z.strictObject({
      reached: z.literal("decisionMaker"),
      pitched: z.optional(z.boolean()),
      said: z.literal("cantTalkNow"),
      callBackAt: at,
      id,
    }),
    ...["notInterested", "inTalksWithSalesRep", "existingClient", "emailOnly", ...FINDINGS].map((said) =>
      z.strictObject({
        reached: z.literal("decisionMaker"),
        // Where no pitch can have happened, `pitched` may be left out.
        pitched: (NO_PITCH_ANSWERS as readonly string[]).includes(said) ? z.optional(z.boolean()) : z.boolean(),
        said: z.literal(said),
        id,
      }),
    ),
    z.strictObject({
      reached: z.literal("decisionMaker"),
      pitched: z.boolean(),
      said: z.literal("notQualified"),
      measured: z.optional(z.number()),
      reason: z.optional(text()),
      id,
    }),
    z.strictObject({
      reached: z.literal("decisionMaker"),
      pitched: z.boolean(),
      said: z.literal("emailAndCallBack"),
      callBackAt: at,
      id,
    }),
    z.strictObject({
      reached: z.literal("decisionMaker"),
      pitched: z.boolean(),
      said: z.literal("callBackNoEmail"),
      callBackAt: at,
      id,
    }),
    z.strictObject({
      reached: z.literal("decisionMaker"),
      pitched: z.boolean(),
      said: z.literal("appointment"),
      mode: z.enum(APPOINTMENT_MODES),
      id,
    }),
  ];
  const facts = z.union([
    z.strictObject({
      reached: z.literal("nobody"),
      via: z.enum(NOBODY_VIA),
      ...when,
    }),
    z.strictObject({
      reached: z.literal("reception"),
      said: z.enum([...RECEPTION_ANSWERS, ...FINDINGS]),
      putThroughToVoicemail: z.optional(z.boolean()),
      ...when,
    }),
    z.strictObject({
      reached: z.literal("reception"),
      putThroughToVoicemail: z.literal(true),
      ...when,
    }),
    ...dmSaid,
  ]);
  const logged = z.strictObject({
    at,
    lastContact,
    result: text(),
    callBackAt: z.optional(z.nullable(instantSchema())),
    task: z.optional(z.nullable(z.strictObject({ dueAt: instantSchema() }))),
    blocked: z.optional(z.boolean()),
    id,
  });
  const nullableText = z.nullable(text());
  const record = z.strictObject({
    lifecycle: z.literal("callRecord"),
    schemaVersion: z.literal(1, { message: "unsupported schemaVersion: this version of leadrules reads version 1" }),
    status: z.enum(keys(RECORD_STATUSES)),
    updatedAt: at,
    lastContact: z.nullable(lastContact),
    lastResult: nullableText,
    leadResult: nullableText,
    appointments: z.int().check(z.minimum(0)),
    blockedAttempts: z.int().check(z.minimum(0)),
    doNotCall: z.boolean(),
    ownedByClient: z.boolean(),
    reopensAt: z.nullable(instantSchema()),
    appliedIds: appliedIdsSchema(),
  });
  return { campaign, facts, logged, record };
});

/**
 * Builds a campaign from outside (a tenant's configuration): missing settings take the
 * playbook's defaults; a custom result needs every flag; duplicate ids (or a custom id that is a
 * built-in one), an inverted qualifying range and an unknown time zone are error values naming the
 * field. The time zone is stored in its canonical IANA spelling.
 *
 * @param input - untrusted campaign settings
 * @returns the campaign, or an error value listing every issue
 * @example
 * createCampaign({ id: "solar", customResults: [{ id: "notQualifiedNoRoof" }] }).ok; // => false (no flags)
 * const sydney = createCampaign({ id: "solar", timeZone: "australia/sydney" });
 * sydney.ok && sydney.value.timeZone; // => "Australia/Sydney"
 */
export function createCampaign<const Custom extends string = never>(
  input: CampaignInput<Custom>,
): Result<Campaign<Custom>, InvalidInput>;
export function createCampaign(input: unknown): Result<Campaign<string>, InvalidInput>;
export function createCampaign(input: unknown): Result<Campaign<string>, InvalidInput> {
  const parsed = parseWith(schemas().campaign, "campaign", input);
  if (!parsed.ok) return parsed;
  const zone = parsed.value.timeZone;
  // Zones are stored in their canonical spelling, whatever the input had.
  const given = zone === undefined ? parsed.value : { ...parsed.value, timeZone: canonicalZone(zone) as string };
  return {
    ok: true,
    value: withDefaults<Campaign<string>>(DEFAULT_CAMPAIGN, given as Partial<Campaign<string>>),
  };
}

/**
 * Reads the facts of a call from outside (a dialler, a form). Instants are normalised.
 *
 * @param input - untrusted input
 * @returns the facts, or an error value naming each bad field
 * @example
 * parseCallFacts({ reached: "reception", said: "screenedOut" }).ok; // => true
 */
export function parseCallFacts(input: unknown): Result<CallFacts, InvalidInput> {
  return guarded(
    (): Result<CallFacts, InvalidInput> => {
      const parsed = parseWith(schemas().facts, "call facts", input);
      if (parsed.ok || typeof input !== "object" || input === null) return parsed as Result<CallFacts, InvalidInput>;
      // A union's issues name no field; say which part is wrong for the common mistakes.
      const reached = (input as { reached?: unknown }).reached;
      if (!["nobody", "reception", "decisionMaker"].includes(reached as string)) {
        return err(
          invalidInput("call facts", [{ path: "reached", message: "must be nobody, reception or decisionMaker" }]),
        );
      }
      return parsed as Result<CallFacts, InvalidInput>;
    },
    () => unreadableInput("call facts"),
  );
}

/**
 * Reads a call logged by hand (for `validate` or the record lifecycle). Its result must be one of
 * the campaign's: pass the campaign when it has results of its own.
 *
 * @param input - untrusted input
 * @param campaign - the campaign whose results it may use (default: the playbook's results only)
 * @returns the logged call, or an error value naming each bad field
 * @example
 * parseLoggedCall({ at: 0, lastContact: "dm", result: "emailOnly" }).ok; // => false
 */
export function parseLoggedCall<Custom extends string = never>(
  input: unknown,
  campaign: Campaign<Custom> = DEFAULT_CAMPAIGN as Campaign<Custom>,
): Result<LoggedCall<Custom>, InvalidInput> {
  const parsed = parseWith(schemas().logged, "logged call", input);
  if (!parsed.ok) return parsed;
  return withKnownResults(parsed.value as LoggedCall<Custom>, "logged call", campaign, ["result"]);
}

/**
 * Reads a stored call record. Its results must be the campaign's: pass the campaign when it has
 * results of its own.
 *
 * @param input - untrusted input
 * @param campaign - the campaign whose results it may hold (default: the playbook's results only)
 * @returns the record, or an error value naming each bad field
 * @example
 * parseCallRecord({ lifecycle: "callRecord", schemaVersion: 2 }).ok; // => false
 */
export function parseCallRecord<Custom extends string = never>(
  input: unknown,
  campaign: Campaign<Custom> = DEFAULT_CAMPAIGN as Campaign<Custom>,
): Result<CallRecord<Custom>, InvalidInput> {
  const parsed = parseWith(schemas().record, "call record", input);
  if (!parsed.ok) return parsed;
  return withKnownResults(parsed.value as CallRecord<Custom>, "call record", campaign, ["lastResult", "leadResult"]);
}

/**
 * The value, if every result id it holds is one of the campaign's (so its type's closed set of ids
 * holds), or an error value naming each field that holds another.
 */
function withKnownResults<T>(
  value: T,
  what: string,
  campaign: Campaign<string>,
  fields: readonly (keyof T & string)[],
): Result<T, InvalidInput> {
  const issues = fields.flatMap((field) => {
    const id = value[field];
    return id === null || resultFlags(campaign, id as string) !== undefined
      ? []
      : [
          {
            path: field,
            message: `"${id as string}" is not a result of campaign ${describeValue(campaign?.id)}: pass the campaign that has it`,
          },
        ];
  });
  return issues.length === 0 ? ok(value) : err(invalidInput(what, issues));
}

/** The zod schemas behind the parsers; internal (not exported by the package), read by scripts/schemas.ts. */
export { schemas as callResultSchemas };
