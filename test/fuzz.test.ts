// Every exported function is a boundary: hosts call it from plain JavaScript with database rows and
// webhook bodies. This suite calls every function of every entry (and every method of every
// lifecycle they export or build) with arbitrary JavaScript values — fast-check's anything(), plus
// BigInt, cycles, deep nesting, null prototypes, extreme numbers and huge strings, alone or planted
// inside otherwise valid input — and fails on any thrown exception. Fixed seed, bounded runs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as root from "../src/index.js";
import * as parse from "../src/parse/index.js";
import * as kit from "../src/testing/index.js";
import { corrupt, hostile } from "./hostile.js";

// Inputs that look like what each kind of argument should be, valid or corrupted, or anything.
const near = fc.oneof(
  hostile,
  corrupt(kit.consultationEvent()),
  corrupt(kit.consultationState()),
  corrupt(kit.bookingEvent()),
  corrupt(kit.bookingState()),
  corrupt(kit.newLead()),
  corrupt(kit.callFacts()),
  corrupt(kit.callRecordState()),
  corrupt(kit.loggedCall()),
  corrupt(kit.campaignInput()),
  corrupt(kit.clientHubEvent()),
  corrupt(kit.clientHubRecord()),
  corrupt(kit.newClientHubRecord()),
  corrupt(kit.sheetEvent()),
  corrupt(kit.dialFacts()),
  corrupt(fc.array(kit.sheetEvent(), { maxLength: 4 })),
  corrupt(
    fc.record({ unit: fc.constantFrom("day", "isoWeek", "month"), timeZone: fc.constantFrom(...kit.TIME_ZONES) }),
  ),
  fc.array(hostile, { maxLength: 4 }),
);

const RUNS = 400;

/** Every function of a module, and every method of every lifecycle-like object in it. */
function callables(module: Record<string, unknown>): [string, (...args: unknown[]) => unknown][] {
  const out: [string, (...args: unknown[]) => unknown][] = [];
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === "function") out.push([name, value as (...args: unknown[]) => unknown]);
    else if (typeof value === "object" && value !== null && "transition" in value) {
      for (const [method, fn] of Object.entries(value)) {
        if (typeof fn === "function")
          out.push([`${name}.${method}`, fn.bind(value) as (...args: unknown[]) => unknown]);
      }
    }
  }
  return out;
}

// Definition-time builders: they take options the caller already validated and document the
// TypeError they throw on a malformed table (create…Lifecycle / createCampaign validate instead).
const BUILDERS = new Set(["buildConsultation", "buildBooking", "buildCallRecord", "buildClientHub"]);

describe("no export throws, whatever JavaScript value it is given", () => {
  const modules = { leadrules: root, "leadrules/parse": parse } as Record<string, Record<string, unknown>>;
  for (const [entry, module] of Object.entries(modules)) {
    for (const [name, fn] of callables(module)) {
      if (BUILDERS.has(name)) continue;
      it(`${entry}: ${name}`, () => {
        fc.assert(
          fc.property(fc.array(near, { minLength: 0, maxLength: 4 }), (args) => {
            fn(...args);
          }),
          { numRuns: RUNS, seed: 20261124 },
        );
      });
    }
  }
  it("the lifecycles built from validated options too", () => {
    const built = [
      parse.createConsultationLifecycle({ followUpLimit: 2 }),
      parse.createBookingLifecycle({ lockOwnerWhenAssociated: true, eagerPatientShipping: true }),
      parse.createClientHubLifecycle({ preparationDays: 3 }),
    ];
    for (const made of built) {
      expect(made.ok).toBe(true);
      if (!made.ok) continue;
      for (const [, fn] of callables({ lifecycle: made.value })) {
        fc.assert(
          fc.property(fc.array(near, { maxLength: 4 }), (args) => {
            fn(...args);
          }),
          { numRuns: 60, seed: 20261124 },
        );
      }
    }
  });
});
