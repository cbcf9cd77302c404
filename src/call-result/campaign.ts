import { deepFreeze } from "../core/freeze.js";
import { type BuiltInResult, CALL_RESULTS, type ResultFlags } from "./results.js";

/** A result a campaign adds (e.g. "Not Qualified - No Roof"), with the same flags as the built-in ones. */
export interface CustomResult<Id extends string = string> extends ResultFlags {
  readonly id: Id;
}

/** The campaign's qualifying range (e.g. 10 to 50 computers); either bound may be open. */
export interface QualifyingRange {
  readonly min: number | null;
  readonly max: number | null;
  /** What is measured, for messages, e.g. "computers". */
  readonly unit: string;
}

/**
 * A calling campaign's settings. Build one with `createCampaign` (validated) or spread
 * `DEFAULT_CAMPAIGN`.
 *
 * `Custom` is the ids of the campaign's own results, as a union of string literals, so result ids
 * stay a closed set the compiler checks: `createCampaign` infers it from an object literal
 * (`Campaign<"notQualifiedNoRoof">`); `never`, the default, means the playbook's results only. A
 * campaign read from JSON has `Custom = string` (ids known only at run time): the documented
 * widening, where any string type-checks and the verbs check ids at run time.
 */
export interface Campaign<Custom extends string = never> {
  readonly id: string;
  /**
   * A call back within this many weeks (with an email) is Email Follow Up; beyond it, Nurture.
   * Default 4. Compared by calendar date in `timeZone`: the date exactly 4 weeks after the call's
   * date is within at any hour, the next date is beyond.
   */
  readonly emailFollowUpWeeks: number;
  /**
   * The campaign's IANA time zone, where the call-back dates of the Email Follow Up bound are read.
   * Default `"UTC"`; `createCampaign` stores the canonical spelling (`"europe/london"` →
   * `"Europe/London"`).
   */
  readonly timeZone: string;
  /** Earlier blocked attempts needed before Dead End or Blocked. Default 2. */
  readonly deadEndMinBlockedAttempts: number;
  /** The Email Only - HNS permission (large companies, C-level). Default false. */
  readonly emailOnlyHns: boolean;
  /** Whether Wants Consultant Follow Up is available. Default false. */
  readonly wantsConsultantFollowUp: boolean;
  /** Days after which a Not Interested - No Pitch record comes back to the list; `null` (default) never. */
  readonly recycleNoPitchAfterDays: number | null;
  /** The qualifying range, or `null` when the campaign has none. */
  readonly qualifyingRange: QualifyingRange | null;
  /** Campaign-specific results. */
  readonly customResults: readonly CustomResult<Custom>[];
}

/**
 * Campaign settings written in code, for `createCampaign`: any setting may be left out (the
 * playbook's default), and the custom results' ids become the campaign's `Custom` type.
 */
export type CampaignInput<Custom extends string = never> = Partial<Omit<Campaign<Custom>, "customResults">> & {
  readonly customResults?: readonly CustomResult<Custom>[];
};

/** The playbook's defaults. */
export const DEFAULT_CAMPAIGN: Campaign<never> = /* @__PURE__ */ deepFreeze({
  id: "default",
  emailFollowUpWeeks: 4,
  timeZone: "UTC",
  deadEndMinBlockedAttempts: 2,
  emailOnlyHns: false,
  wantsConsultantFollowUp: false,
  recycleNoPitchAfterDays: null,
  qualifyingRange: null,
  customResults: [],
});

/**
 * A result id: one of the playbook's (`BuiltInResult`), or one of the campaign's custom results.
 * `ResultId` alone is the playbook's ids; `ResultId<"notQualifiedNoRoof">` adds a campaign's.
 */
export type ResultId<Custom extends string = never> = BuiltInResult | Custom;

/**
 * The flags of a result in a campaign, or `undefined` when the campaign has no such result.
 *
 * @param campaign - the campaign
 * @param result - a result id
 * @returns its flags
 * @example
 * resultFlags(DEFAULT_CAMPAIGN, "emailOnly")?.countsAs; // => "lead"
 */
export function resultFlags(campaign: Campaign<string>, result: string): ResultFlags | undefined {
  if (typeof result !== "string") return undefined;
  if (Object.hasOwn(CALL_RESULTS, result)) return CALL_RESULTS[result as BuiltInResult];
  const custom: unknown = campaign?.customResults;
  return Array.isArray(custom) ? custom.find((r) => r?.id === result) : undefined;
}
