// The one mechanism every lifecycle uses to refuse an event value its parser would refuse.
import { describe, expect, it } from "vitest";
import { fieldRefusal, isBoolean, oneOf, optional } from "../../src/core/vocabulary.js";

describe("fieldRefusal", () => {
  it("names the first field whose value its rule refuses, with the lifecycle's code", () => {
    const rules = [
      ["direction", oneOf(["inbound", "outbound"]), "one of inbound, outbound"],
      ["final", optional(isBoolean), "one of true, false"],
    ] as const;
    expect(fieldRefusal("bad", { direction: "inbound" }, rules)).toBeUndefined();
    expect(fieldRefusal("bad", { direction: "inbound", final: false }, rules)).toBeUndefined();
    expect(fieldRefusal("bad", { direction: "INBOUND", final: "no" }, rules)).toEqual({
      code: "bad",
      message: 'direction "INBOUND" is not one of inbound, outbound',
      field: "direction",
    });
    expect(fieldRefusal("bad", { direction: "outbound", final: "false" }, rules)).toEqual({
      code: "bad",
      message: 'final "false" is not one of true, false',
      field: "final",
    });
    expect(fieldRefusal("bad", {}, rules)?.message).toBe("direction undefined is not one of inbound, outbound");
    expect(fieldRefusal("bad", {}, [])).toBeUndefined();
  });

  it("the tests: oneOf, optional, isBoolean", () => {
    expect(oneOf([1, "a"])(1)).toBe(true);
    expect(oneOf([1, "a"])("1")).toBe(false);
    expect(optional(oneOf(["a"]))(undefined)).toBe(true);
    expect(optional(oneOf(["a"]))(null)).toBe(false);
    expect(optional(oneOf(["a"]))("a")).toBe(true);
    expect(isBoolean(false)).toBe(true);
    expect(isBoolean(0)).toBe(false);
  });
});
