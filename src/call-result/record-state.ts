import type { ResultId } from "./campaign.js";
import type { LastContact, RecordStatus } from "./results.js";

/**
 * A company on a calling list, as the calls logged on it leave it. Plain, readonly, JSON.
 *
 * `Custom` is the campaign's own result ids (see `Campaign`): `never`, the default, means the
 * playbook's results only.
 */
export interface CallRecord<Custom extends string = never> {
  readonly lifecycle: "callRecord";
  readonly schemaVersion: 1;
  readonly status: RecordStatus;
  readonly updatedAt: string;
  readonly lastContact: LastContact | null;
  readonly lastResult: ResultId<Custom> | null;
  /** The result that first made the record a lead (counted once), or `null`. */
  readonly leadResult: ResultId<Custom> | null;
  readonly appointments: number;
  /** Calls on which reception blocked us. */
  readonly blockedAttempts: number;
  /** On the do-not-call list. */
  readonly doNotCall: boolean;
  /** The lead owner moved to the client's / sales rep's licence. */
  readonly ownedByClient: boolean;
  /** When a recycled Not Interested - No Pitch record comes back to the list, or `null`. */
  readonly reopensAt: string | null;
  /** The ids of the last events applied (see `APPLIED_IDS_LIMIT`); present once one had an id. */
  readonly appliedIds?: readonly string[];
}

/** Work the host must do after a call is logged. */
export type CallEffect =
  | { readonly type: "followUpTask"; readonly dueAt: string }
  | {
      readonly type: "introEmail";
      readonly template: "Intro Email";
      readonly to: "decisionMaker";
      readonly cc: readonly never[];
      readonly bcc: readonly never[];
    }
  | { readonly type: "doNotCall" }
  | { readonly type: "ownerChange"; readonly to: "clientLicence" };
