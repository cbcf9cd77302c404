import { describe, expectTypeOf, it } from "vitest";
import { type Ratio, type SheetEvent, type SheetTally, type TallyResult, tallySheet } from "../../src/tally/index.js";

describe("tally types", () => {
  it("a batch returns the tally and the rejected events", () => {
    expectTypeOf(tallySheet([])).toEqualTypeOf<TallyResult<SheetTally>>();
  });

  it("sources and outcomes are the playbook's", () => {
    // @ts-expect-error: "tv" is not a source
    const bad: SheetEvent = { type: "firstContact", at: 0, program: "P", source: "tv", outcome: "keptOpen" };
    expectTypeOf(bad).toExtend<SheetEvent>();
  });

  it("a ratio's value is null exactly when its denominator is 0", () => {
    expectTypeOf<Extract<Ratio, { value: null }>["denominator"]>().toEqualTypeOf<0>();
  });
});
