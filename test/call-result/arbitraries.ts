import fc from "fast-check";
import type { CustomResult } from "../../src/call-result/campaign.js";
import { type CallFacts, COMPANY_FINDINGS, type CompanyFinding } from "../../src/call-result/classify.js";

export const T0 = Date.parse("2026-11-02T09:00:00Z");
export const DAY = 86_400_000;
const FINDINGS = Object.keys(COMPANY_FINDINGS) as CompanyFinding[];
export const later = fc.integer({ min: 0, max: 200 * DAY });

/** "Depending on the campaign there might be a few more tailored options … Not Qualified - No Roof". */
export const NO_ROOF: CustomResult<"notQualifiedNoRoof"> = {
  id: "notQualifiedNoRoof",
  label: "Not Qualified - No Roof",
  who: "decisionMakerOnly",
  record: "closed",
  countsAs: "nothing",
  effects: [],
  notQualified: true,
};

/** Facts relative to the call's instant (so call backs are never in the past). */
export const facts = (at: number): fc.Arbitrary<CallFacts> =>
  fc.oneof(
    fc.record(
      {
        reached: fc.constant("nobody" as const),
        via: fc.constantFrom(
          "companyVoicemail" as const,
          "directLineVoicemail" as const,
          "noAnswer" as const,
          "wrongNumber" as const,
          "duplicate" as const,
        ),
        callBackAt: later.map((d) => at + d),
      },
      { requiredKeys: ["reached", "via"] },
    ),
    fc.record(
      {
        reached: fc.constant("reception" as const),
        said: fc.constantFrom(
          "dmUnavailable" as const,
          "screenedOut" as const,
          "takeMessage" as const,
          "emailInfo" as const,
          "blocked" as const,
          "emailExecutiveAssistant" as const,
          ...FINDINGS,
        ),
        putThroughToVoicemail: fc.boolean(),
        callBackAt: later.map((d) => at + d),
      },
      { requiredKeys: ["reached", "said"] },
    ),
    fc
      .tuple(
        fc.boolean(),
        fc.oneof(
          later.map((d) => ({ said: "cantTalkNow" as const, callBackAt: at + d })),
          fc
            .constantFrom(
              ...(["notInterested", "inTalksWithSalesRep", "existingClient", "emailOnly", ...FINDINGS] as const),
            )
            .map((said) => ({ said })),
          fc.integer({ min: 0, max: 300 }).map((measured) => ({ said: "notQualified" as const, measured })),
          later.map((d) => ({ said: "emailAndCallBack" as const, callBackAt: at + d })),
          later.map((d) => ({ said: "callBackNoEmail" as const, callBackAt: at + d })),
          fc
            .constantFrom("inPerson" as const, "phone" as const, "video" as const)
            .map((mode) => ({ said: "appointment" as const, mode })),
        ),
      )
      .map(([pitched, said]) => ({ reached: "decisionMaker" as const, pitched, ...said }) as CallFacts),
  );
