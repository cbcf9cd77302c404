// parseWith's plain-English issues for the shapes zod/mini reports less often: a value read through
// a transform, a union whose options all match or none exist, equally close union branches, and an
// input that throws while it is read. docs/contract.md: bad input gets an error value naming the
// field, never a crash.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import { APPLIED_IDS_CAP } from "../../src/core/identity.js";
import { appliedIdsSchema, parseWith } from "../../src/core/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";

const issues = (schema: z.ZodMiniType, input: unknown) => {
  const parsed = parseWith(schema, "thing", input);
  return parsed.ok ? [] : parsed.error.issues.map(({ path, message }) => [path, message]);
};

describe("parseWith on shapes zod reports less often", () => {
  it("appliedIdsSchema: at most APPLIED_IDS_CAP non-empty event ids, or none", () => {
    // schema.ts: "a state's optional `appliedIds`: at most 1,000 event ids (`APPLIED_IDS_CAP`)"
    expect(unwrap(parseWith(appliedIdsSchema(), "ids", ["a", "b"]))).toEqual(["a", "b"]);
    expect(unwrap(parseWith(appliedIdsSchema(), "ids", undefined))).toBeUndefined();
    const full = Array.from({ length: APPLIED_IDS_CAP }, (_, i) => `e${i}`);
    expect(unwrap(parseWith(appliedIdsSchema(), "ids", full))).toEqual(full);
    expect(issues(appliedIdsSchema(), [...full, "one more"])).toEqual([["", `must be at most ${APPLIED_IDS_CAP}`]]);
    expect(issues(appliedIdsSchema(), ["a", ""])).toEqual([["1", "must not be empty"]]);
  });

  it("a field missing from a transform's output is required, whatever the input was", () => {
    const lifted = z.pipe(
      z.transform((v: unknown): unknown => ({ length: v === null ? undefined : "x" })),
      z.strictObject({ length: z.number() }),
    );
    // The input holds no such field: not null's, not a string's own length.
    expect(issues(lifted, null)).toEqual([["length", "is required"]]);
    expect(issues(lifted, "abc")).toEqual([["length", "is required"]]);
    expect(issues(lifted, 5)).toEqual([["length", "is required"]]);
  });

  it("an unknown field of a transform's output is not a known field, though the input lacks its object", () => {
    const lifted = z.pipe(
      z.transform((): unknown => ({ inner: { x: 1 } })),
      z.strictObject({ inner: z.strictObject({}) }),
    );
    expect(issues(lifted, {})).toEqual([["inner.x", "is not a known field"]]);
  });

  it("a missing whole input is named by its kind, not required", () => {
    expect(issues(z.strictObject({ a: z.string() }), undefined)).toEqual([["", "expected object, got undefined"]]);
  });

  it("a union no single option matches, with no branch to name, does not match any allowed shape", () => {
    // xor: exactly one option must match; here both do.
    expect(issues(z.xor([z.string(), z.string().check(z.minLength(1))]), "a")).toEqual([
      ["", "does not match any allowed shape"],
    ]);
    expect(unwrapErr(parseWith(z.union([]), "thing", 1))).toEqual({
      code: "invalidInput",
      message: "Invalid thing: does not match any allowed shape",
      issues: [{ path: "", message: "does not match any allowed shape" }],
    });
  });

  it("equally close branches name each field once, one expected type said once", () => {
    const two = z.union([
      z.strictObject({ a: z.string(), k: z.literal("x") }),
      z.strictObject({ a: z.string(), k: z.literal("y") }),
    ]);
    expect(issues(two, { a: 1, k: "z" })).toEqual([
      ["a", "expected string, got number"],
      ["k", 'expected "x" or "y", got "z"'],
    ]);
  });

  it("issues at different paths stay apart, even where their names run together", () => {
    const near = z.union([
      z.strictObject({ a: z.strictObject({ bc: z.number() }), ab: z.strictObject({ c: z.number() }) }),
      z.strictObject({ p: z.number(), q: z.number(), r: z.number() }),
    ]);
    expect(issues(near, { a: { bc: "x" }, ab: { c: "y" } })).toEqual([
      ["a.bc", "expected number, got string"],
      ["ab.c", "expected number, got string"],
    ]);
  });

  it("an input that throws while it is read is answered with the unreadable error value", () => {
    // docs/errors.md: the last-resort guard's error value, code "unreadable".
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(unwrapErr(parseWith(z.strictObject({ a: z.string() }), "thing", proxy))).toEqual({
      code: "invalidInput",
      message: `Invalid thing: ${UNREADABLE_MESSAGE}`,
      issues: [{ path: "", code: "unreadable", message: UNREADABLE_MESSAGE }],
    });
  });
});
