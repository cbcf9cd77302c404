// Issue 28 point 2: every parser's issue names the field at fault, unions included. For every
// parser of leadrules/parse (the module entries re-export the same functions) and every field of
// valid inputs — the documented examples and what leadrules/testing generates — a wrong-typed value
// at that field is refused with an issue whose path is that field (or a field inside it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENTRIES } from "../scripts/schemas.js";
import * as callResult from "../src/call-result/index.js";
import * as clientHub from "../src/client-hub/index.js";
import * as cliniko from "../src/cliniko/index.js";
import * as hubspot from "../src/hubspot/index.js";
import * as leadStatus from "../src/lead-status/index.js";
import * as parse from "../src/parse/index.js";
import * as tally from "../src/tally/index.js";
import { EXAMPLES, GENERATED } from "./schema-examples.js";

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

  const generated = GENERATED();
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

// The field adapters read CRM and PMS payloads: their issues name the payload's field too — a
// HubSpot property by its name (`hs_call_disposition`, as HubSpot's UI shows it) or the field's
// path, a Cliniko field by its path.
describe("every adapter names the field at fault", () => {
  // A HubSpot issue names a property by its name: it stands at `properties.<name>` in the payload.
  const named = (path: string, at: string, hubSpot: boolean): boolean => {
    const full = hubSpot && at !== "id" && !at.includes(".") ? `properties.${at}` : at;
    return full === path || full.startsWith(`${path}.`);
  };
  function unnamedIn(read: (input: unknown) => Result, valid: unknown): string | undefined {
    const json: unknown = JSON.parse(JSON.stringify(valid));
    for (const [path, value] of fields(json)) {
      const field = path.join(".");
      for (const wrong of wrongFor(value)) {
        const parsed = read(replaced(json, path, wrong));
        if (parsed.ok) continue;
        const issues = parsed.error?.issues ?? [];
        if (!issues.some((i) => named(field, i.property ?? i.field ?? "", i.property !== undefined))) {
          return `${field} = ${JSON.stringify(wrong)}: ${JSON.stringify(issues)}`;
        }
      }
    }
    return undefined;
  }
  type Result = { ok: boolean; error?: { issues: readonly { property?: string; field?: string }[] } };
  const checkIn = {
    id: "512",
    properties: {
      hs_timestamp: "1772445600000",
      hs_call_disposition: "f240bbac-87c9-4f6e-bf70-924b57d47db7",
      hs_call_direction: "OUTBOUND",
      hs_activity_type: "Check In - Call",
    },
  };
  const pitched = {
    id: "513",
    properties: {
      hs_timestamp: "1772445600000",
      hs_call_disposition: "f240bbac-87c9-4f6e-bf70-924b57d47db7",
      leadrules_reached: "decisionMaker",
      leadrules_pitched: "true",
      leadrules_said: "emailAndCallBack",
      leadrules_call_back_at: "2026-03-20T09:00:00Z",
    },
  };
  const appointment = {
    id: 1,
    created_at: "2016-06-28T21:33:26Z",
    updated_at: "2016-07-22T15:10:08Z",
    starts_at: "2016-07-21T03:45:00Z",
    cancelled_at: null,
    archived_at: null,
    did_not_arrive: false,
    patient_arrived: false,
    patient: { links: { self: "https://api.cliniko.com/v1/patients/82" } },
  };

  it("callLoggedFromHubSpot, callFactsFromHubSpot and readClinikoAppointment: every field of a valid payload", () => {
    expect(hubspot.callLoggedFromHubSpot(checkIn).ok).toBe(true);
    expect(hubspot.callFactsFromHubSpot(pitched).ok).toBe(true);
    expect(cliniko.readClinikoAppointment(appointment).ok).toBe(true);
    expect(unnamedIn(hubspot.callLoggedFromHubSpot as (input: unknown) => Result, checkIn)).toBeUndefined();
    expect(unnamedIn(hubspot.callFactsFromHubSpot as (input: unknown) => Result, pitched)).toBeUndefined();
    expect(unnamedIn(cliniko.readClinikoAppointment as (input: unknown) => Result, appointment)).toBeUndefined();
  });
});
