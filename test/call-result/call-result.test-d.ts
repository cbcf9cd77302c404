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
    expectTypeOf([noPitchFlag, receptionBooks]).toExtend<CallFacts[]>();
  });
});
