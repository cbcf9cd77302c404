import { describe, expectTypeOf, it } from "vitest";
import {
  type BuiltInResult,
  type CallFacts,
  type CallLogError,
  type CallLogStep,
  type CallRecord,
  type Campaign,
  type Classification,
  type ClassifyError,
  callRecord,
  classify,
  DEFAULT_CAMPAIGN,
  type LoggedCall,
  logCall,
  type RecordStatus,
  type Result,
} from "../../src/call-result/index.js";
import { newRecord } from "../../src/call-result/record.js";
import { createCampaign, parseCallRecord } from "../../src/parse/index.js";
import { NO_ROOF } from "./arbitraries.js";

/** What a host does with each way logCall can log nothing: the compiler checks every code is handled. */
function handle(error: CallLogError): string {
  switch (error.code) {
    case "invalidFacts":
    case "noQualifyingRange":
    case "qualifies":
      return `fix the facts: ${error.field}`;
    case "notEnabled":
      return "the campaign does not allow it";
    case "unknownEvent":
    case "unknownStatus":
    case "invalidLog":
    case "invalidInput":
    case "closed":
    case "notAllowedFrom":
    case "actorNotPermitted":
    case "invalidId":
    case "recordClosed":
      return `the record refused it: ${error.message}`;
    case "invalidInstant":
    case "outOfOrder":
      return "check the clock";
    case "unknownLastContact":
    case "unknownResult":
    case "decisionMakerOnly":
    case "receptionOnly":
    case "receptionOrNone":
    case "noLeadToFollowUp":
    case "repeatLead":
    case "shouldBeFollowUp":
    case "dmCutShortIsReception":
    case "callBackBeyondBound":
    case "callBackWithinBound":
    case "callBackInPast":
    case "taskMissing":
    case "deadEndTooEarly":
    case "nobodyAskedForRemoval":
      return `the playbook says no: ${error.message}`;
    case "invalidState":
    case "unreadable":
      return `the stored record or the input cannot be read: ${error.message}`;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

describe("call-result types", () => {
  it("classify returns a Result of a classification", () => {
    expectTypeOf(classify({ reached: "nobody", via: "noAnswer" }, newRecord(0), DEFAULT_CAMPAIGN, 0)).toEqualTypeOf<
      Result<Classification, ClassifyError>
    >();
  });

  it("facts are a discriminated union", () => {
    // @ts-expect-error: a decision maker's facts say whether they were pitched
    const noPitchFlag: CallFacts = { reached: "decisionMaker", said: "emailOnly" };
    // @ts-expect-error: reception cannot book an appointment
    const receptionBooks: CallFacts = { reached: "reception", said: "appointment" };
    // …except where no pitch can have happened
    const cutShort: CallFacts = { reached: "decisionMaker", said: "cantTalkNow", callBackAt: 0 };
    const wrong: CallFacts = { reached: "decisionMaker", said: "wrongNumber" };
    // put through to voicemail needs no `said`; without it, reception must have said something
    const voicemail: CallFacts = { reached: "reception", putThroughToVoicemail: true };
    // @ts-expect-error: reception said nothing and did not put you through
    const silent: CallFacts = { reached: "reception", putThroughToVoicemail: false };
    expectTypeOf([noPitchFlag, receptionBooks, cutShort, wrong, voicemail, silent]).toExtend<CallFacts[]>();
  });

  it("result ids are a closed set: the playbook's, plus a campaign's own as a type parameter", () => {
    const classified = classify({ reached: "nobody", via: "noAnswer" }, newRecord(0), DEFAULT_CAMPAIGN, 0);
    if (classified.ok) expectTypeOf(classified.value.result).toEqualTypeOf<BuiltInResult>();
    expectTypeOf<CallRecord["lastResult"]>().toEqualTypeOf<BuiltInResult | null>();
    expectTypeOf<CallRecord["status"]>().toEqualTypeOf<RecordStatus>();
    // @ts-expect-error: a typo in a result id does not compile
    const typo: LoggedCall = { at: 0, lastContact: "decisionMaker", result: "emailOnlyy" };
    const solar = createCampaign({
      id: "solar",
      customResults: [NO_ROOF],
    });
    expectTypeOf(solar).toEqualTypeOf<
      Result<Campaign<"notQualifiedNoRoof">, import("../../src/core/result.js").InvalidInput>
    >();
    if (solar.ok) {
      const stored = parseCallRecord({}, solar.value);
      if (stored.ok) expectTypeOf(stored.value.lastResult).toEqualTypeOf<BuiltInResult | "notQualifiedNoRoof" | null>();
      const own: LoggedCall<"notQualifiedNoRoof"> = {
        at: 0,
        lastContact: "decisionMaker",
        result: "notQualifiedNoRoof",
      };
      expectTypeOf(own).toExtend<LoggedCall<string>>();
    }
    // A campaign read from JSON: ids known only at run time, any string type-checks (the widening).
    const fromJson = createCampaign(JSON.parse("{}") as unknown);
    expectTypeOf(fromJson).toEqualTypeOf<Result<Campaign<string>, import("../../src/core/result.js").InvalidInput>>();
    expectTypeOf(typo).toExtend<LoggedCall>();
  });

  it("logCall's error is discriminated by code: a switch narrows and is exhaustive", () => {
    const step = logCall(newRecord(0), { reached: "nobody", via: "noAnswer" }, DEFAULT_CAMPAIGN, 0, "agent");
    if (!step.ok) expectTypeOf(handle(step.error)).toEqualTypeOf<string>();
    const logged = callRecord.logCall(newRecord(0), { reached: "nobody", via: "noAnswer" }, 0, "agent");
    if (!logged.ok) {
      expectTypeOf(logged.error).toEqualTypeOf<CallLogError>();
      if (logged.error.code === "qualifies") expectTypeOf(logged.error).toEqualTypeOf<ClassifyError>();
    }
  });
});

describe("logCall's step: a duplicate has no classification", () => {
  it("narrowing on duplicate gives the classification", () => {
    const step = {} as CallLogStep;
    if (step.duplicate === true) expectTypeOf(step.classification).toEqualTypeOf<null>();
    else expectTypeOf(step.classification).toEqualTypeOf<Classification>();
  });
});
