// Issue 28 point 2: every parser's issue names the field at fault, unions included. For every
// parser of leadrules/parse (the module entries re-export the same functions) and every field of
// valid inputs — the documented examples and what leadrules/testing generates — a wrong-typed value
// at that field is refused with an issue whose path is that field (or a field inside it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENTRIES } from "../scripts/schemas.js";
import * as callResult from "../src/call-result/index.js";
import * as clientHub from "../src/client-hub/index.js";
import * as leadStatus from "../src/lead-status/index.js";
import * as parse from "../src/parse/index.js";
import * as tally from "../src/tally/index.js";
import {
  bookingEvent,
  bookingState,
  callFacts,
  callRecordState,
  campaignInput,
  clientHubEvent,
  clientHubRecord,
  consultationEvent,
  consultationState,
  dialFacts,
  loggedCall,
  newLead,
  sheetEvent,
} from "../src/testing/index.js";
import { EXAMPLES } from "./schema-examples.js";

type Parser = (input: unknown) => { ok: boolean; error?: { issues: readonly { path: string }[] } };
const parserOf = (name: string): Parser => {
  const entry = ENTRIES.find((e) => e.name === name);
  // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test looks each parser up by name
  return parse[entry?.parser as keyof typeof parse] as unknown as Parser;
};

// Wrong-typed values: one of each other JSON type, among them the two issue 28 found named by no
// field (a checkbox's "false" where a boolean goes), plus an epoch-ms string where an ISO instant goes.
const VALUES: readonly unknown[] = [true, "false", 7, { odd: 1 }, ["odd"], null];
const kind = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const ISO = /^\d{4}-\d\d-\d\dT/;
const wrongFor = (value: unknown): unknown[] => [
  ...VALUES.filter((v) => kind(v) !== kind(value)),
  ...(typeof value === "string" && ISO.test(value) ? ["1767225600000"] : []),
];

// Every path of a JSON value (objects and arrays, 4 levels deep), with the value there.
function fields(value: unknown, path: readonly string[] = [], out: [string[], unknown][] = []): [string[], unknown][] {
  if (path.length > 0) out.push([[...path], value]);
  if (path.length < 4 && typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) fields(inner, [...path, key], out);
  }
  return out;
}

function replaced(value: unknown, path: readonly string[], wrong: unknown): unknown {
  if (path.length === 0) return wrong;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as object) };
  (copy as Record<string, unknown>)[head] = replaced((value as Record<string, unknown>)[head], rest, wrong);
  return copy;
}

// The check itself: returns the first field whose wrong value is refused without naming it.
function unnamed(parser: Parser, valid: unknown): string | undefined {
  const json: unknown = JSON.parse(JSON.stringify(valid));
  for (const [path, value] of fields(json)) {
    const field = path.join(".");
    for (const wrong of wrongFor(value)) {
      const parsed = parser(replaced(json, path, wrong));
      if (parsed.ok) continue;
      const named = parsed.error?.issues.some((i) => i.path === field || i.path.startsWith(`${field}.`));
      if (!named) {
        return `${field} = ${JSON.stringify(wrong)}: ${JSON.stringify(parsed.error?.issues)}`;
      }
    }
  }
  return undefined;
}

describe("every parser names the field at fault", () => {
  it("the module entries export the parsers of leadrules/parse, not other ones", () => {
    for (const module of [callResult, clientHub, leadStatus, tally] as Record<string, unknown>[]) {
      for (const [name, fn] of Object.entries(module)) {
        if (!/^parse[A-Z]/.test(name)) continue;
        expect(fn, name).toBe((parse as Record<string, unknown>)[name]);
      }
    }
  });

  it('parseCallFacts: a checkbox "false" or an epoch-ms string is named by its field, not ""', () => {
    const wrongPitch = parse.parseCallFacts({
      reached: "decisionMaker",
      pitched: "false",
      said: "emailAndCallBack",
      callBackAt: "2026-11-30T09:00:00Z",
    });
    expect(wrongPitch.ok || wrongPitch.error.issues).toEqual([
      { path: "pitched", message: "expected boolean, got string" },
    ]);
    const epochText = parse.parseCallFacts({
      reached: "decisionMaker",
      pitched: true,
      said: "emailAndCallBack",
      callBackAt: "1767225600000",
    });
    expect(epochText.ok || epochText.error.issues.map((i) => i.path)).toEqual(["callBackAt"]);
    const unknownAnswer = parse.parseCallFacts({ reached: "decisionMaker", pitched: true, said: "maybe" });
    expect(unknownAnswer.ok || unknownAnswer.error.issues.map((i) => i.path)).toEqual(["said"]);
  });

  for (const [name, examples] of Object.entries(EXAMPLES)) {
    it(`${name}: every field of every documented example`, () => {
      const parser = parserOf(name);
      for (const example of examples) expect(unnamed(parser, example)).toBeUndefined();
    });
  }

  const generated: [string, fc.Arbitrary<unknown>][] = [
    ["consultation-event", consultationEvent()],
    ["consultation-state", consultationState()],
    ["booking-event", bookingEvent()],
    ["booking-state", bookingState()],
    ["new-lead", newLead()],
    ["call-facts", callFacts()],
    ["campaign", campaignInput()],
    ["logged-call", loggedCall()],
    ["call-record", callRecordState()],
    ["client-hub-event", clientHubEvent()],
    ["client-hub-record", clientHubRecord()],
    ["sheet-event", sheetEvent()],
    ["dial-facts", dialFacts()],
  ];
  for (const [name, arbitrary] of generated) {
    it(`${name}: every field of what leadrules/testing generates (property)`, () => {
      const parser = parserOf(name);
      fc.assert(
        fc.property(arbitrary, (value) => {
          const json: unknown = JSON.parse(JSON.stringify(value));
          // Only what the parser reads: a generated value it refuses is another test's business.
          fc.pre(parser(json).ok);
          expect(unnamed(parser, json)).toBeUndefined();
        }),
        { numRuns: 40 },
      );
    });
  }
});
