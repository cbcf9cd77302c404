import { describe, expect, it } from "vitest";
import { type Campaign, DEFAULT_CAMPAIGN } from "../../src/call-result/campaign.js";
import {
  type CallFacts,
  type Classification,
  classify,
  shiftFacts,
  toLoggedCall,
} from "../../src/call-result/classify.js";
import { newRecord } from "../../src/call-result/record.js";
import type { CallRecord } from "../../src/call-result/record-state.js";
import { validate } from "../../src/call-result/validate.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { NO_ROOF } from "./arbitraries.js";

const AT = Date.parse("2026-11-23T10:00:00Z");
const DAY = 86_400_000;
const fresh = () => newRecord(AT - DAY);
const lead = (): CallRecord => ({
  ...fresh(),
  status: "pendingTask",
  lastContact: "decisionMaker",
  lastResult: "emailFollowUp",
  leadResult: "emailFollowUp",
});
const computers: Campaign = {
  ...DEFAULT_CAMPAIGN,
  id: "it-msp",
  qualifyingRange: { min: 10, max: 50, unit: "computers" },
};
const c = <Custom extends string = never>(
  facts: CallFacts,
  record: CallRecord<Custom> = fresh(),
  campaign: Campaign<Custom> = DEFAULT_CAMPAIGN,
): Classification<Custom> => unwrap(classify(facts, record, campaign, AT));
const pick = (x: Classification<string>) => [x.lastContact, x.result];
const dm = { reached: "decisionMaker", pitched: true } as const;

describe("Last Contact", () => {
  // "…we got company voice mail, or we called the contact directly on their direct line or mobile
  // and got voice mail … In all of these cases log as No Contact"
  it("nobody spoken to is No Contact, a direct line's voicemail included", () => {
    expect(pick(c({ reached: "nobody", via: "companyVoicemail" }))).toEqual(["noContact", "noContact"]);
    const direct = c({ reached: "nobody", via: "directLineVoicemail" });
    expect(pick(direct)).toEqual(["noContact", "noContact"]);
    expect(direct.rules).toEqual(["directLineVoicemail"]);
    expect(c({ reached: "nobody", via: "noAnswer" }).rules).toEqual(["nobodySpokenTo"]);
  });

  // "If you spoke to the receptionist and she put you through but you got the DM's voice mail … the
  // result should be logged as Reception."
  it("put through to the DM's voicemail is Reception, No Contact", () => {
    const x = c({ reached: "reception", said: "dmUnavailable", putThroughToVoicemail: true });
    expect(pick(x)).toEqual(["reception", "noContact"]);
    expect(x.rules).toEqual(["voicemailAfterPutThrough"]);
    expect(c({ reached: "reception", said: "dmUnavailable" }).rules).toEqual(["nobodySpokenTo"]);
  });

  // "Exception to the rule: … you speak to the DM, but he cuts you short and say's can't talk, call
  // back … log it as Last Contact: Reception, Last Call Result: No Contact (Call back) then set up a
  // follow up task"
  it("the DM who cuts you short: Reception, No Contact, and a task to call back", () => {
    const x = c({ ...dm, pitched: false, said: "cantTalkNow", callBackAt: AT + DAY });
    expect(pick(x)).toEqual(["reception", "noContact"]);
    expect(x.effects).toEqual([{ type: "followUpTask", dueAt: new Date(AT + DAY).toISOString() }]);
    expect(x.recordStatus).toBe("open");
    expect(x.rules).toEqual(["dmCutShort"]);
  });
});

describe("reception's no is never a no", () => {
  // "we don't take No from the receptionist, we only take a No from the decision maker" /
  // "Can I take a message?" / "You can send me an email to reception@ or info@"
  for (const said of ["screenedOut", "takeMessage", "emailInfo"] as const) {
    it(`reception ${said} → No Contact (Call Back)`, () => {
      const x = c({ reached: "reception", said });
      expect(pick(x)).toEqual(["reception", "noContact"]);
      expect(x.rules).toContain("receptionNoIsNotANo");
      expect(x.recordStatus).toBe("open");
    });
  }
});

describe("dead end or blocked", () => {
  // "It is very important that you only log a call as Dead End of Blocked as an absolute last resort"
  it("is No Contact until the campaign's minimum of earlier blocked attempts, then Dead End", () => {
    expect(pick(c({ reached: "reception", said: "blocked" }))).toEqual(["reception", "noContact"]);
    expect(c({ reached: "reception", said: "blocked" }).blocked).toBe(true);
    expect(pick(c({ reached: "reception", said: "blocked" }, { ...fresh(), blockedAttempts: 1 }))).toEqual([
      "reception",
      "noContact",
    ]);
    const x = c({ reached: "reception", said: "blocked" }, { ...fresh(), blockedAttempts: 2 });
    expect(pick(x)).toEqual(["reception", "deadEndOrBlocked"]);
    expect(x.rules).toContain("deadEndAfterRepeatedBlocks");
    const patient = { ...DEFAULT_CAMPAIGN, deadEndMinBlockedAttempts: 4 };
    expect(c({ reached: "reception", said: "blocked" }, { ...fresh(), blockedAttempts: 3 }, patient).result).toBe(
      "noContact",
    );
  });
});

describe("the decision maker's no", () => {
  // "before you can get the first few words out … they cut you off with 'Not Interested'"
  it("before the pitch → Not Interested - No Pitch; after → Pitched - Not Interested", () => {
    expect(pick(c({ ...dm, pitched: false, said: "notInterested" }))).toEqual([
      "decisionMaker",
      "notInterestedNoPitch",
    ]);
    expect(pick(c({ ...dm, said: "notInterested" }))).toEqual(["decisionMaker", "pitchedNotInterested"]);
  });

  // Summary: "Also used when DM says, we are already being looked after by a sales rep"
  it("already in talks with our sales rep (not a client yet) → Not Interested - No Pitch", () => {
    const x = c({ ...dm, pitched: false, said: "inTalksWithSalesRep" });
    expect(x.result).toBe("notInterestedNoPitch");
    expect(x.rules).toEqual(["inTalksWithSalesRep"]);
  });

  it("already using our product or service → Existing Client", () => {
    expect(c({ ...dm, pitched: false, said: "existingClient" }).result).toBe("existingClient");
  });
});

describe("not qualified", () => {
  // "…between 10 and 50 computers, obviously if they only have 8 that would be Not Qualified – Below
  // Minimum, if they have 150 computers that would be Not Qualified – Above" — the worked example is
  // the rule (the one-line summary swaps the two definitions).
  it("8 computers is below the minimum, 150 above the maximum", () => {
    expect(c({ ...dm, said: "notQualified", measured: 8 }, fresh(), computers).result).toBe("notQualifiedBelowMin");
    expect(c({ ...dm, said: "notQualified", measured: 150 }, fresh(), computers).result).toBe("notQualifiedAboveMax");
    expect(c({ ...dm, said: "notQualified", measured: 9.5 }, fresh(), computers).rules).toEqual(["belowMinimum"]);
    expect(c({ ...dm, said: "notQualified", measured: 51 }, fresh(), computers).rules).toEqual(["aboveMaximum"]);
  });

  it("inside the range is not a not-qualified; no range at all is an error naming the field", () => {
    expect(unwrapErr(classify({ ...dm, said: "notQualified", measured: 10 }, fresh(), computers, AT))).toEqual({
      code: "qualifies",
      field: "measured",
      message: "10 computers is within the qualifying range (10 to 50)",
    });
    expect(unwrapErr(classify({ ...dm, said: "notQualified", measured: 8 }, fresh(), DEFAULT_CAMPAIGN, AT)).code).toBe(
      "noQualifyingRange",
    );
    expect(unwrapErr(classify({ ...dm, said: "notQualified" }, fresh(), computers, AT)).field).toBe("measured");
    const open = { ...computers, qualifyingRange: { min: null, max: 50, unit: "computers" } };
    expect(c({ ...dm, said: "notQualified", measured: 500 }, fresh(), open).result).toBe("notQualifiedAboveMax");
    expect(unwrapErr(classify({ ...dm, said: "notQualified", measured: 1 }, fresh(), open, AT)).code).toBe("qualifies");
  });

  // "Depending on the campaign there might be a few more tailored options … Not Qualified - No Roof"
  it("a campaign's own not-qualified reason", () => {
    const solar: Campaign<"notQualifiedNoRoof"> = {
      ...DEFAULT_CAMPAIGN,
      id: "solar",
      customResults: [NO_ROOF],
    };
    const x = c({ ...dm, said: "notQualified", reason: "notQualifiedNoRoof" }, fresh(), solar);
    expect(x.result).toBe("notQualifiedNoRoof");
    expect(x.rules).toEqual(["campaignNotQualified"]);
    expect(unwrapErr(classify({ ...dm, said: "notQualified", reason: "noRoof" }, fresh(), solar, AT)).field).toBe(
      "reason",
    );
  });
});

describe("leads", () => {
  // "If the person, says 'No thanks' then log the call as Email Only … You must use the Intro Email
  // template for this. Do not Cc in the Sales Consultant, or Bcc the Sales manager"
  it("an email and no follow-up call → Email Only, a lead, the Intro Email to the DM only", () => {
    const x = c({ ...dm, said: "emailOnly" });
    expect(pick(x)).toEqual(["decisionMaker", "emailOnly"]);
    expect(x.countsAs).toBe("lead");
    expect(x.recordStatus).toBe("closed");
    expect(x.effects).toEqual([{ type: "introEmail", template: "Intro Email", to: "decisionMaker", cc: [], bcc: [] }]);
  });

  // "A record should only be logged as Email Follow Up if the call back is due to be scheduled within
  // a 1 week to 4 week time frame, any longer than that, it should be logged as Nurture."
  it("email + call back within 4 weeks → Email Follow Up; beyond → Nurture - Email Sent", () => {
    const within = c({ ...dm, said: "emailAndCallBack", callBackAt: AT + 28 * DAY });
    expect(within.result).toBe("emailFollowUp");
    expect(within.recordStatus).toBe("pendingTask");
    expect(within.effects.map((e) => e.type)).toEqual(["followUpTask", "introEmail"]);
    // The bound is by date: later on the date exactly 4 weeks ahead is within; the next date is beyond.
    const laterThatDay = c({ ...dm, said: "emailAndCallBack", callBackAt: AT + 28 * DAY + 13 * 3_600_000 });
    expect(laterThatDay.result).toBe("emailFollowUp");
    const beyond = c({ ...dm, said: "emailAndCallBack", callBackAt: Date.parse("2026-12-22T00:00:00Z") });
    expect(beyond.result).toBe("nurtureEmailSent");
    expect(beyond.rules).toContain("callBackBeyondBound");
    const sixWeeks = { ...DEFAULT_CAMPAIGN, emailFollowUpWeeks: 6 };
    expect(c({ ...dm, said: "emailAndCallBack", callBackAt: AT + 35 * DAY }, fresh(), sixWeeks).result).toBe(
      "emailFollowUp",
    );
  });

  // "Nurture - No Email Sent … 'No just give me a call in 3 months'"; a short call back without an
  // email is Nurture - No Email Sent too (see Decisions).
  it("a call back without an email → Nurture - No Email Sent, whatever the horizon", () => {
    for (const days of [3, 90]) {
      const x = c({ ...dm, said: "callBackNoEmail", callBackAt: AT + days * DAY });
      expect(x.result).toBe("nurtureNoEmailSent");
      expect(x.effects.map((e) => e.type)).toEqual(["followUpTask"]);
      expect(x.countsAs).toBe("lead");
    }
  });

  // "Only the first time we speak to the decision maker and they agree to further communication it
  // is considered a lead"
  it("a lead counts the first time only", () => {
    const closedBefore = { ...fresh(), leadResult: "emailOnly" as const };
    const x = c({ ...dm, said: "emailOnly" }, closedBefore);
    expect(x.countsAs).toBe("nothing");
    expect(x.rules).toContain("firstLeadOnly");
  });

  it("an appointment counts as an appointment, not a lead, with its mode", () => {
    const x = c({ ...dm, said: "appointment", mode: "inPerson" });
    expect(x.result).toBe("appointmentBooked");
    expect(x.countsAs).toBe("appointment");
    expect(x.appointmentMode).toBe("inPerson");
    expect(
      unwrapErr(
        classify({ ...dm, said: "appointment", mode: "carrierPigeon" as "phone" }, fresh(), DEFAULT_CAMPAIGN, AT),
      ).field,
    ).toBe("mode");
  });
});

describe("follow-up calls on an existing lead", () => {
  // "…if we call and are told he's not in, instead leaving the call log as Email Follow Up or
  // Nurture, or logging it as No Contact - Call Back, we must log it as Follow Up"
  it("not reaching the DM is Follow Up, the task rolled forward", () => {
    for (const facts of [
      { reached: "reception", said: "dmUnavailable", callBackAt: AT + DAY },
      { reached: "reception", said: "screenedOut", callBackAt: AT + DAY },
      { reached: "nobody", via: "directLineVoicemail", callBackAt: AT + DAY },
      { reached: "reception", said: "blocked", callBackAt: AT + DAY },
    ] as const) {
      const x = c(facts, lead());
      expect(x.result).toBe("followUp");
      expect(x.rules).toContain("followUpOnExistingLead");
      expect(x.effects).toEqual([{ type: "followUpTask", dueAt: new Date(AT + DAY).toISOString() }]);
      expect(x.countsAs).toBe("nothing");
    }
    expect(
      unwrapErr(classify({ reached: "reception", said: "dmUnavailable" }, lead(), DEFAULT_CAMPAIGN, AT)).field,
    ).toBe("callBackAt");
  });

  // "you speak to the DM and he says '.... can't talk now try me tomorrow'" is a Follow Up case
  it("the DM who can't talk now on an existing lead is Follow Up with the DM as Last Contact", () => {
    expect(pick(c({ ...dm, pitched: false, said: "cantTalkNow", callBackAt: AT + DAY }, lead()))).toEqual([
      "decisionMaker",
      "followUp",
    ]);
  });

  // "…if they do not want to proceed with an appointment, since we previously pitched them, we log
  // as Pitched - Not Interested, or alternatively we book an appointment"
  it("reaching the DM: appointment, Pitched - Not Interested (even unpitched today), or Nurture rolled forward", () => {
    expect(c({ ...dm, said: "appointment", mode: "video" }, lead()).result).toBe("appointmentBooked");
    const no = c({ ...dm, pitched: false, said: "notInterested" }, lead());
    expect(no.result).toBe("pitchedNotInterested");
    expect(no.rules).toEqual(["alreadyPitchedLead"]);
    expect(c({ ...dm, said: "emailOnly" }, lead()).result).toBe("pitchedNotInterested");
    const later = c({ ...dm, said: "emailAndCallBack", callBackAt: AT + 40 * DAY }, lead());
    expect(later.result).toBe("nurtureEmailSent");
    expect(later.countsAs).toBe("nothing");
    expect(later.rules).toEqual(["followUpNurtureRolled", "firstLeadOnly"]);
    expect(c({ ...dm, said: "callBackNoEmail", callBackAt: AT + 90 * DAY }, lead()).result).toBe("nurtureNoEmailSent");
  });

  // Follow Up: 'you speak to the DM and he says ".... can't talk now try me tomorrow"'; Nurture:
  // "they've asked for us to touch base in 1 to 12 months or longer". Nurture is never two weeks.
  it("a DM on an existing lead who asks for a call back within 4 weeks is Follow Up, further out Nurture", () => {
    const twoWeeks = c({ ...dm, said: "emailAndCallBack", callBackAt: AT + 14 * DAY }, lead());
    expect(twoWeeks.result).toBe("followUp");
    expect(twoWeeks.countsAs).toBe("nothing");
    expect(twoWeeks.callBackAt).toBe("2026-12-07T10:00:00.000Z");
    expect(twoWeeks.effects.map((e) => e.type)).toEqual(["followUpTask"]);
    expect(c({ ...dm, said: "callBackNoEmail", callBackAt: AT + 14 * DAY }, lead()).result).toBe("followUp");
    expect(c({ ...dm, said: "cantTalkNow", callBackAt: AT + DAY }, lead()).result).toBe("followUp");
    // The date 4 weeks ahead is the last within; the next date is beyond.
    expect(c({ ...dm, said: "callBackNoEmail", callBackAt: AT + 28 * DAY + 13 * 3_600_000 }, lead()).result).toBe(
      "followUp",
    );
    expect(c({ ...dm, said: "cantTalkNow", callBackAt: AT + 29 * DAY }, lead()).result).toBe("nurtureNoEmailSent");
  });

  it("a blocked follow-up never becomes a dead end", () => {
    expect(
      c({ reached: "reception", said: "blocked", callBackAt: AT + DAY }, { ...lead(), blockedAttempts: 5 }).result,
    ).toBe("followUp");
  });
});

describe("company-level findings, from anyone", () => {
  const cases = [
    ["handledByParentCompany", "handledByParentCompany"],
    ["handledOverseas", "handledOverseas"],
    ["outsourced", "outsourced"],
    ["wrongNumber", "wrongNumber"],
    ["duplicate", "duplicate"],
    ["notAGoodFit", "notAGoodFit"],
    ["doNotCallAgain", "removeFromDatabase"],
  ] as const;
  for (const [said, result] of cases) {
    it(`${said} → ${result}, whether reception or the DM says it`, () => {
      expect(pick(c({ reached: "reception", said }))).toEqual(["reception", result]);
      expect(pick(c({ ...dm, pitched: false, said }))).toEqual(["decisionMaker", result]);
      expect(c({ reached: "reception", said }).recordStatus).toBe("closed");
    });
  }

  // "Take me off your database" … "this will then be added to the DO NOT CALL list."
  it("Remove From Database puts the number on the do-not-call list", () => {
    expect(c({ reached: "reception", said: "doNotCallAgain" }).effects).toEqual([{ type: "doNotCall" }]);
  });

  it("a wrong number or a duplicate noticed before anyone speaks", () => {
    expect(pick(c({ reached: "nobody", via: "wrongNumber" }))).toEqual(["noContact", "wrongNumber"]);
    expect(pick(c({ reached: "nobody", via: "duplicate" }))).toEqual(["noContact", "duplicate"]);
  });
});

describe("campaign-only results", () => {
  // "This call log field option is only used or available for certain campaigns." … "you should also
  // change the Lead Owner to the Clients or Sales Reps license"
  it("Wants Consultant Follow Up only where enabled, with the owner change", () => {
    expect(unwrapErr(classify({ ...dm, said: "wantsConsultant" }, fresh(), DEFAULT_CAMPAIGN, AT)).code).toBe(
      "notEnabled",
    );
    const x = c({ ...dm, said: "wantsConsultant" }, fresh(), { ...DEFAULT_CAMPAIGN, wantsConsultantFollowUp: true });
    expect(x.result).toBe("wantsConsultantFollowUp");
    expect(x.countsAs).toBe("nothing");
    expect(x.effects).toEqual([{ type: "ownerChange", to: "clientLicence" }]);
  });

  // "As a general rule do not use this strategy or call log unless you have permission."
  it("Email Only - HNS only with the campaign's permission", () => {
    expect(
      unwrapErr(classify({ reached: "reception", said: "emailExecutiveAssistant" }, fresh(), DEFAULT_CAMPAIGN, AT))
        .code,
    ).toBe("notEnabled");
    const x = c({ reached: "reception", said: "emailExecutiveAssistant" }, fresh(), {
      ...DEFAULT_CAMPAIGN,
      emailOnlyHns: true,
    });
    expect(pick(x)).toEqual(["reception", "emailOnlyHns"]);
    expect(x.countsAs).toBe("nothing");
  });
});

describe("bad facts are error values naming the field", () => {
  it("never throws", () => {
    const cases: [unknown, string][] = [
      [null, ""],
      [{ reached: "martian" }, "reached"],
      [{ reached: "nobody", via: "pigeon" }, "via"],
      [{ reached: "reception", said: "maybe" }, "said"],
      [{ reached: "decisionMaker", pitched: true, said: "maybe" }, "said"],
      [{ reached: "decisionMaker", pitched: true, said: "emailAndCallBack", callBackAt: "soon" }, "callBackAt"],
      [{ reached: "decisionMaker", pitched: true, said: "emailAndCallBack", callBackAt: AT - 1 }, "callBackAt"],
      [{ reached: "reception", said: "dmUnavailable", callBackAt: AT - 1 }, "callBackAt"],
    ];
    for (const [facts, field] of cases) {
      expect(unwrapErr(classify(facts as CallFacts, fresh(), DEFAULT_CAMPAIGN, AT)).field).toBe(field);
    }
    expect(unwrapErr(classify({ reached: "nobody", via: "noAnswer" }, fresh(), DEFAULT_CAMPAIGN, "now")).field).toBe(
      "at",
    );
    expect(
      unwrapErr(
        classify({ reached: "nobody", via: "noAnswer" }, { ...fresh(), status: "closed" }, DEFAULT_CAMPAIGN, AT),
      ).field,
    ).toBe("record");
  });
});

describe("classification feeds validation and shift figures", () => {
  it("what classify returns passes validate", () => {
    const x = c({ ...dm, said: "emailAndCallBack", callBackAt: AT + 7 * DAY });
    expect(validate(toLoggedCall(x, AT), fresh(), DEFAULT_CAMPAIGN)).toEqual([]);
  });

  it("gives the dial's facts for the shift tally", () => {
    expect(shiftFacts(c({ ...dm, said: "emailOnly" }), "ann", "am")).toEqual({
      agent: "ann",
      shift: "am",
      dmReached: true,
      pitched: true,
      lead: true,
      appointment: false,
    });
    expect(shiftFacts(c({ reached: "reception", said: "screenedOut" }), "ann", "am")).toMatchObject({
      dmReached: false,
      pitched: false,
    });
    expect(shiftFacts(c({ ...dm, said: "appointment", mode: "phone" }), "ann", "am").appointment).toBe(true);
  });
});
