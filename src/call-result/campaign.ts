import { type BuiltInResult, CALL_RESULTS, type ResultFlags } from "./results.js";

/** A result a campaign adds (e.g. "Not Qualified - No Roof"), with the same flags as the built-in ones. */
export interface CustomResult extends ResultFlags {
  readonly id: string;
}

/** The campaign's qualifying range (e.g. 10 to 50 computers); either bound may be open. */
export interface QualifyingRange {
  readonly min: number | null;
  readonly max: number | null;
  /** What is measured, for messages, e.g. "computers". */
  readonly unit: string;
}

/** A calling campaign's settings. Build one with `createCampaign` (validated) or spread `DEFAULT_CAMPAIGN`. */
export interface Campaign {
  readonly id: string;
  /** A call back within this many weeks (with an email) is Email Follow Up; beyond it, Nurture. Default 4. */
  readonly emailFollowUpWeeks: number;
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
  readonly customResults: readonly CustomResult[];
}

/** The playbook's defaults. */
export const DEFAULT_CAMPAIGN: Campaign = {
  id: "default",
  emailFollowUpWeeks: 4,
  deadEndMinBlockedAttempts: 2,
  emailOnlyHns: false,
  wantsConsultantFollowUp: false,
  recycleNoPitchAfterDays: null,
  qualifyingRange: null,
  customResults: [],
};

/** A result id: built in, or one of a campaign's custom results. */
export type ResultId = BuiltInResult | (string & {});

/**
 * The flags of a result in a campaign, or `undefined` when the campaign has no such result.
 *
 * @param campaign - the campaign
 * @param result - a result id
 * @returns its flags
 * @example
 * resultFlags(DEFAULT_CAMPAIGN, "emailOnly")?.countsAs; // => "lead"
 */
export function resultFlags(campaign: Campaign, result: string): ResultFlags | undefined {
  if (typeof result !== "string") return undefined;
  if (Object.hasOwn(CALL_RESULTS, result)) return CALL_RESULTS[result as BuiltInResult];
  const custom: unknown = campaign?.customResults;
  return Array.isArray(custom) ? custom.find((r) => r?.id === result) : undefined;
}
