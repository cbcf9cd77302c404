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

/**
 * Every function of a module, and every method of every lifecycle-like object in it, with each
 * one's parameter names (read from its source).
 */
function callables(module: Record<string, unknown>): [string, (...args: unknown[]) => unknown, string[]][] {
  const named = (fn: unknown): string[] => {
    const list = /^[^(]*\(([^)]*)\)/.exec(String(fn))?.[1] ?? "";
    return list
      .split(",")
      .map((p) =>
        p
          .trim()
          .replace(/^\.\.\./, "")
          .replace(/[\s=?.].*$/, ""),
      )
      .filter((p) => p !== "");
  };
  const out: [string, (...args: unknown[]) => unknown, string[]][] = [];
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === "function") out.push([name, value as (...args: unknown[]) => unknown, named(value)]);
    else if (typeof value === "object" && value !== null && "transition" in value) {
      for (const [method, fn] of Object.entries(value)) {
        if (typeof fn === "function")
          out.push([`${name}.${method}`, fn.bind(value) as (...args: unknown[]) => unknown, named(fn)]);
      }
    }
  }
  return out;
}

const instants = fc.oneof(kit.instant(), fc.integer({ min: 0, max: 4e12 }), fc.constant("2026-11-23T09:00:00Z"));
const states = fc.oneof(kit.consultationState(), kit.bookingState(), kit.callRecordState(), kit.clientHubRecord());
const callLogged = kit.loggedCall().map((c) => ({ ...c, type: "callLogged", actor: "agent" }));
const events = fc.oneof(
  kit.consultationEvent(),
  kit.bookingEvent(),
  kit.clientHubEvent(),
  kit.sheetEvent(),
  callLogged,
);
const period = fc.option(
  fc.record({ unit: fc.constantFrom("day", "isoWeek", "month"), timeZone: fc.constantFrom(...kit.TIME_ZONES) }),
  { nil: null },
);
const leadFacts = fc.array(
  fc.record({ division: fc.constantFrom("", "North"), createdAt: instants, booked: fc.boolean() }),
  { maxLength: 4 },
);
const statusFacts = fc.array(fc.record({ status: fc.constantFrom("sold", "cold"), at: instants }), { maxLength: 4 });
const tallies = fc.oneof(
  fc.tuple(fc.array(kit.sheetEvent(), { maxLength: 4 }), period).map(([e, p]) => root.tallySheet(e, p).tally),
  fc.array(kit.dialFacts(), { maxLength: 4 }).map((d) => root.tallyShifts(d).tally),
  fc.tuple(leadFacts, period).map(([l, p]) => root.tallyLeadFigures(l, p as never).tally),
  fc.tuple(statusFacts, period).map(([f, p]) => root.tallyStatuses(f, p as never).tally),
);
const actors = fc.constantFrom("franchisee", "system", "agent", "owner", "coordinator", "manager");

/** Plausible values for a parameter, by its name (valid ones of every meaning the name has here). */
function plausible(name: string): fc.Arbitrary<unknown> {
  const byName: Record<string, fc.Arbitrary<unknown>> = {
    state: states,
    start: states,
    record: fc.oneof(kit.callRecordState(), kit.clientHubRecord()),
    event: events,
    events: fc.array(events, { maxLength: 4 }),
    now: instants,
    at: instants,
    actor: actors,
    facts: fc.oneof(kit.callFacts(), statusFacts),
    campaign: fc.constant(root.DEFAULT_CAMPAIGN),
    c: fc.tuple(kit.callFacts(), kit.callRecordState(), instants).map(([f, r, at]) => {
      const c = root.classify(f, r, root.DEFAULT_CAMPAIGN, at);
      return c.ok ? c.value : f;
    }),
    call: callLogged,
    calls: fc.array(kit.dialFacts(), { maxLength: 4 }),
    lastContact: fc.constantFrom("noContact", "reception", "decisionMaker"),
    result: fc.constantFrom("noContact", "emailOnly", "followUp"),
    tally: tallies,
    tallies: fc.array(tallies, { maxLength: 3 }),
    page: tallies.map((t) => root.sheetPages(t as never)[0] ?? {}),
    period,
    kind: fc.constantFrom("shiftFigures", "leadFigures", "statusCounts"),
    leads: fc.oneof(fc.array(kit.bookingState(), { maxLength: 3 }), leadFacts),
    query: fc.record({
      from: instants,
      to: instants,
      now: instants,
      timeZone: fc.constantFrom(...kit.TIME_ZONES),
    }),
    agent: fc.constantFrom("ann", "bo"),
    shift: fc.constantFrom("2026-11-23 am"),
    input: fc.oneof(states, events, kit.newLead(), kit.newClientHubRecord(), kit.callFacts(), kit.campaignInput()),
  };
  return byName[name] ?? fc.oneof(hostile, states, events, instants);
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
          { numRuns: RUNS },
        );
      });
    }
  }
  // Random argument lists rarely get every other argument right, so a guard behind an early
  // refusal (say, `classify` reading its record once `facts` and `at` are valid) would never be
  // reached. Here each argument is drawn by its parameter name from plausible values (valid
  // states, events, instants, campaigns, tallies…), and then one of them is made hostile.
  for (const [entry, module] of Object.entries(modules)) {
    for (const [name, fn, names] of callables(module)) {
      if (BUILDERS.has(name) || names.length === 0) continue;
      it(`${entry}: ${name} with one bad argument among plausible ones`, () => {
        const args = fc.tuple(...names.map(plausible));
        fc.assert(
          fc.property(args, fc.nat(), hostile, fc.boolean(), (valid, pick, bad, spoil) => {
            const call = [...valid];
            if (spoil) call[pick % call.length] = bad;
            fn(...call);
          }),
          { numRuns: RUNS },
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
          { numRuns: 60 },
        );
      }
    }
  });
});
