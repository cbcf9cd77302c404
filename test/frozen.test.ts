// Issue 20, point 3: every exported table and preset of every entry is frozen all the way down.
// A caller cannot change the rules for the whole process (`CALL_RESULTS.emailOnly.countsAs =
// "nothing"` used to change classify everywhere): in strict mode (every ES module) an assignment
// throws a TypeError, and in any mode it changes nothing.
import { describe, expect, it } from "vitest";
import * as callResult from "../src/call-result/index.js";
import * as clientHub from "../src/client-hub/index.js";
import * as cliniko from "../src/cliniko/index.js";
import * as hubspot from "../src/hubspot/index.js";
import * as root from "../src/index.js";
import * as leadStatus from "../src/lead-status/index.js";
import * as reports from "../src/lead-status/reports.js";
import * as parse from "../src/parse/index.js";
import * as schemas from "../src/schemas/index.js";
import * as tally from "../src/tally/index.js";
import * as testing from "../src/testing/index.js";

const ENTRIES = {
  root,
  leadStatus,
  reports,
  clientHub,
  callResult,
  tally,
  parse,
  testing,
  schemas,
  hubspot,
  cliniko,
} as const;

/** Every exported value that is not a function, once, named by the first entry exporting it. */
function exportedValues(): Map<unknown, string> {
  const seen = new Map<unknown, string>();
  for (const [entry, module] of Object.entries(ENTRIES)) {
    for (const [name, value] of Object.entries(module as Record<string, unknown>)) {
      if (typeof value !== "function" && !seen.has(value)) seen.set(value, `${entry}:${name}`);
    }
  }
  return seen;
}

/** A property's value, through its getter when it has one. */
const read = (holder: object, d: PropertyDescriptor): unknown => ("value" in d ? d.value : d.get?.call(holder));

/** The paths of everything reachable that is not frozen. */
function unfrozen(value: unknown, path: string, out: string[], seen = new Set<unknown>()): string[] {
  if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) return out;
  seen.add(value);
  if (!Object.isFrozen(value)) out.push(path);
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    // A preset built on first use (lazyPreset) reads through getters: follow them too.
    if (d !== undefined) unfrozen(read(value, d), `${path}.${String(key)}`, out, seen);
  }
  return out;
}

/** A path to a leaf (a primitive) in a value, as [holder, key], or undefined. */
function leaf(value: object): [Record<PropertyKey, unknown>, PropertyKey] | undefined {
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d === undefined) continue;
    const v: unknown = read(value, d);
    if (typeof v !== "object" || v === null) return [value as Record<PropertyKey, unknown>, key];
    const deeper = leaf(v);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

describe("exported tables and presets are deeply frozen", () => {
  it("every exported non-function value of every entry, all the way down", () => {
    const values = exportedValues();
    const objects = [...values].filter(([v]) => typeof v === "object" && v !== null);
    // 39 rule tables (HUBSPOT_OWN_SOURCES and HUBSPOT_PRIMARY_LABELS the latest) and 4 lifecycle
    // presets in the rules entries, PARSE_LIMITS, TIME_ZONES and 19 JSON Schemas: a new export is
    // covered without being listed.
    expect(objects.length).toBe(66);
    const problems = objects.flatMap(([value, name]) => unfrozen(value, name, []));
    expect(problems).toEqual([]);
  });

  it("an assignment, an addition or a deletion throws (strict mode) and changes nothing", () => {
    for (const [value, name] of exportedValues()) {
      if (typeof value !== "object" || value === null) continue;
      const before = JSON.stringify(value);
      const target = leaf(value);
      if (target !== undefined) {
        const [holder, key] = target;
        const old = holder[key];
        expect(() => {
          holder[key] = "changed";
        }, `${name}: assignment`).toThrow(TypeError);
        expect(holder[key], name).toBe(old);
        expect(() => {
          delete holder[key];
        }, `${name}: deletion`).toThrow(TypeError);
      }
      expect(() => {
        (value as Record<string, unknown>).addedByACaller = 1;
      }, `${name}: addition`).toThrow(TypeError);
      if (Array.isArray(value)) expect(() => value.push("x"), `${name}: push`).toThrow(TypeError);
      expect(JSON.stringify(value), name).toBe(before);
    }
  });

  it("CALL_RESULTS.emailOnly.countsAs cannot be changed, so classify keeps the playbook's answer", () => {
    const { CALL_RESULTS, callRecord, classify, DEFAULT_CAMPAIGN } = callResult;
    expect(() => {
      (CALL_RESULTS.emailOnly as { countsAs: string }).countsAs = "nothing";
    }).toThrow(TypeError);
    expect(CALL_RESULTS.emailOnly.countsAs).toBe("lead");
    const record = callRecord.initial(0);
    if (!record.ok) throw new Error(record.error.message);
    const facts = { reached: "decisionMaker", pitched: true, said: "emailOnly" } as const;
    const result = classify(facts, record.value, DEFAULT_CAMPAIGN, 0);
    expect(result).toMatchObject({ ok: true, value: { result: "emailOnly", countsAs: "lead" } });
  });

  it("the presets' options cannot be retuned in place", () => {
    const { consultation, CONSULTATION_DEFAULTS } = leadStatus;
    expect(() => {
      (consultation.options as { followUpLimit: number }).followUpLimit = 1;
    }).toThrow(TypeError);
    expect(() => {
      (CONSULTATION_DEFAULTS as { followUpLimit: number }).followUpLimit = 1;
    }).toThrow(TypeError);
    expect(consultation.options.followUpLimit).toBe(6);
  });
});
