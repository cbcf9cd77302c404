import { describe, expectTypeOf, it } from "vitest";
import {
  type CallFacts,
  type Classification,
  type ClassifyError,
  classify,
  DEFAULT_CAMPAIGN,
  type Result,
} from "../../src/call-result/index.js";
import { newRecord } from "../../src/call-result/record.js";

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
});
