/**
 * The facts about one dial that shift figures need: `shiftFacts` (leadrules/call-result) makes
 * them from a classification, `tallyShifts` (leadrules/tally) counts them. One shape, one name.
 */
export interface DialFacts {
  readonly agent: string;
  readonly shift: string;
  /** A decision maker was reached. */
  readonly dmReached: boolean;
  /** The decision maker was pitched. */
  readonly pitched: boolean;
  /** The call made a lead (counted once per record by the caller). */
  readonly lead: boolean;
  readonly appointment: boolean;
}
