// How zod/mini's issues read once parseWith has written them in plain English: one exact message
// per kind of issue (zod/mini itself says "Invalid input" for all of them).

import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { instantSchema, parseWith } from "../../src/core/schema.js";

const issues = (schema: z.ZodMiniType, input: unknown) => {
  const parsed = parseWith(schema, "thing", input);
  return parsed.ok ? [] : parsed.error.issues.map(({ path, message }) => [path, message]);
};
const message = (schema: z.ZodMiniType, input: unknown): string => {
  const parsed = parseWith(schema, "thing", input);
  return parsed.ok ? "" : parsed.error.message;
};

describe("parseWith's messages", () => {
  const shape = z.strictObject({ name: z.string(), size: z.optional(z.number()) });

  it("names the kind of a wrong value: null, array, or its type", () => {
    expect(issues(shape, { name: null })).toEqual([["name", "expected string, got null"]]);
    expect(issues(shape, { name: [] })).toEqual([["name", "expected string, got array"]]);
    expect(issues(shape, { name: 5 })).toEqual([["name", "expected string, got number"]]);
    expect(issues(shape, { name: "a", size: "5" })).toEqual([["size", "expected number, got string"]]);
  });

  it("a missing field is required; a missing whole input is named by its kind", () => {
    expect(issues(shape, {})).toEqual([["name", "is required"]]);
    expect(issues(shape, undefined)).toEqual([["", "expected object, got undefined"]]);
    expect(message(shape, undefined)).toBe("Invalid thing: expected object, got undefined");
    expect(message(shape, {})).toBe("Invalid thing: name: is required");
  });

  it("an unknown field is not a known field, not a missing one", () => {
    expect(issues(shape, { name: "a", extra: undefined })).toEqual([["extra", "is not a known field"]]);
    expect(issues(z.strictObject({ inner: shape }), { inner: { name: "a", x: 1, y: 2 } })).toEqual([
      ["inner.x", "is not a known field"],
      ["inner.y", "is not a known field"],
    ]);
    expect(message(shape, { name: "a", x: 1, y: 2 })).toBe(
      "Invalid thing: x: is not a known field; y: is not a known field",
    );
  });

  it("a union names the fields of the shape the input came closest to, by discriminator when it has one", () => {
    const plain = z.union([z.strictObject({ a: z.string() }), z.strictObject({ b: z.number() })]);
    // Equally close shapes are merged, one issue per field.
    expect(issues(plain, { c: 1 })).toEqual([
      ["a", "is required"],
      ["c", "is not a known field"],
      ["b", "is required"],
    ]);
    expect(issues(plain, { b: "1" })).toEqual([["b", "expected number, got string"]]);
    const literals = z.union([z.strictObject({ k: z.literal("x") }), z.strictObject({ k: z.literal("y") })]);
    expect(issues(literals, { k: "z" })).toEqual([["k", 'expected "x" or "y", got "z"']]);
    expect(issues(z.union([z.string(), z.number()]), true)).toEqual([["", "expected string or number, got boolean"]]);
    const tagged = z.discriminatedUnion("type", [
      z.strictObject({ type: z.literal("x"), n: z.number() }),
      z.strictObject({ type: z.literal("y") }),
    ]);
    expect(issues(tagged, { type: "z" })).toEqual([["type", '"z" is not one of x, y']]);
  });

  it("bounds: at least, at most, not empty — unless the schema says its own", () => {
    const n = z.number().check(z.minimum(2), z.maximum(5));
    expect(issues(n, 1)).toEqual([["", "must be at least 2"]]);
    expect(issues(n, 6)).toEqual([["", "must be at most 5"]]);
    expect(issues(z.string().check(z.minLength(1)), "")).toEqual([["", "must not be empty"]]);
    expect(issues(z.number().check(z.maximum(5, { message: "too many" })), 6)).toEqual([["", "too many"]]);
    expect(issues(z.number().check(z.minimum(5, { message: "too few" })), 1)).toEqual([["", "too few"]]);
    expect(issues(z.string().check(z.minLength(3)), "ab")).toEqual([["", "must be at least 3 characters"]]);
  });

  it("a wrong literal names what was expected and what came", () => {
    expect(issues(z.literal(1), 2)).toEqual([["", "expected 1, got 2"]]);
    expect(issues(z.literal("a"), "b")).toEqual([["", 'expected "a", got "b"']]);
    expect(issues(z.enum(["a", "b"]), "c")).toEqual([["", 'expected "a" or "b", got "c"']]);
    expect(issues(z.literal("a", { message: "say a" }), "b")).toEqual([["", "say a"]]);
  });

  it("an instant that is not one says what an instant is", () => {
    expect(issues(instantSchema(), "tomorrow")).toEqual([
      ["", "expected an instant: a Date, an ISO-8601 date-time with Z or an offset, or epoch milliseconds"],
    ]);
  });
});
