// Hostile values for the fuzz suite and the round-trip properties: anything JavaScript can hold
// (BigInt, cycles, deep nesting, null prototypes, extreme numbers, huge strings), and the same kinds
// of trouble that survive JSON, planted in otherwise valid input.
import fc from "fast-check";

/** Values that have broken naive code: hostile in kind, size or shape. */
export function specials(): unknown[] {
  const cyclic: Record<string, unknown> = { type: "followUpLogged", at: 0, actor: "franchisee" };
  cyclic.self = cyclic;
  cyclic.notes = cyclic;
  const cyclicArray: unknown[] = [];
  cyclicArray.push(cyclicArray);
  let deep: unknown = "bottom";
  for (let i = 0; i < 5000; i++) deep = [deep];
  let deepObject: unknown = {};
  for (let i = 0; i < 5000; i++) deepObject = { type: deepObject };
  const nullProto = Object.assign(Object.create(null) as object, {
    type: "followUpLogged",
    at: 0,
    actor: "franchisee",
  });
  const nullProtoType = { type: Object.create(null), at: 0, actor: "system" };
  const huge = "x".repeat(2_000_000);
  return [
    null,
    undefined,
    10n,
    -(2n ** 70n),
    Symbol("s"),
    () => 1,
    cyclic,
    cyclicArray,
    deep,
    deepObject,
    nullProto,
    nullProtoType,
    huge,
    { type: huge, at: huge, actor: huge },
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    8.64e15,
    -8.64e15,
    Number.MAX_SAFE_INTEGER,
    new Date(Number.NaN),
    new Date(8.64e15),
    "+275760-09-13T00:00:00.000Z",
    "-000001-01-01T00:00:00.000Z",
    "0000-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59.999-01:00",
    { __proto__: null, status: "open" },
    { toString: null, valueOf: null },
    Object.freeze([]),
    new Map([["a", 1]]),
    new Set([1]),
    [undefined, null],
  ];
}

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...specials()) },
  {
    weight: 3,
    arbitrary: fc.anything({
      withBigInt: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withSparseArray: true,
      withTypedArray: true,
      maxDepth: 4,
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
);

/** A valid value with one field (at any depth) replaced by a hostile one. */
export function corrupt<T>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown> = hostile): fc.Arbitrary<unknown> {
  return fc.tuple(valid, bad, fc.nat()).map(([value, bad, pick]) => {
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    const slots: { parent: Record<string, unknown>; key: string }[] = [];
    const walk = (v: unknown): void => {
      if (typeof v !== "object" || v === null) return;
      for (const key of Object.keys(v)) {
        slots.push({ parent: v as Record<string, unknown>, key });
        walk((v as Record<string, unknown>)[key]);
      }
    };
    walk(copy);
    if (slots.length === 0) return bad;
    const slot = slots[pick % slots.length] as { parent: Record<string, unknown>; key: string };
    slot.parent[slot.key] = bad;
    return copy;
  });
}

/** Trouble that survives JSON: what a webhook body or a database row can carry. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    null,
    "",
    " ",
    1e308,
    -1e308,
    8.64e15,
    -8.64e15,
    253_402_300_800_000,
    -62_167_219_200_001,
    "9999-12-31T23:59:59.999-01:00",
    "0000-01-01T00:00:00+01:00",
    "2026-02-30T10:00:00Z",
    "x".repeat(20_000),
    "__proto__",
    "constructor",
    { __proto__: null },
    [[[[[[[[[[[]]]]]]]]]]],
    { count: 0, unit: "month" },
    { count: 1e9, unit: "day" },
  ),
);

export { runs } from "./setup.js";
