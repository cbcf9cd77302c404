import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Campaign, DEFAULT_CAMPAIGN, resultFlags } from "../../src/call-result/campaign.js";
import { type CallFacts, classify, toLoggedCall } from "../../src/call-result/classify.js";
import { buildCallRecord, callRecord, newRecord } from "../../src/call-result/record.js";
import type { CallRecord } from "../../src/call-result/record-state.js";
import { type BuiltInResult, CALL_RESULTS } from "../../src/call-result/results.js";
import { parseCallRecord } from "../../src/call-result/schema.js";
import { validate } from "../../src/call-result/validate.js";
import { callRecordState, TIME_ZONES } from "../../src/testing/arbitraries.js";
import { deepFreeze, unwrap } from "../helpers.js";
import { runs } from "../setup.js";
import { DAY, facts, T0 } from "./arbitraries.js";

const campaign: fc.Arbitrary<Campaign> = fc.record({
  id: fc.constant("c"),
  emailFollowUpWeeks: fc.constantFrom(2, 4, 6),
  timeZone: fc.constantFrom(...TIME_ZONES),
  deadEndMinBlockedAttempts: fc.integer({ min: 0, max: 3 }),
  emailOnlyHns: fc.boolean(),
  wantsConsultantFollowUp: fc.boolean(),
  recycleNoPitchAfterDays: fc.constant(null),
  qualifyingRange: fc.option(fc.constant({ min: 10, max: 50, unit: "computers" }), { nil: null }),
  customResults: fc.constant([]),
});

/** Plays a run of calls on one record: each call classified, then logged through the lifecycle. */
function play(c: Campaign, calls: readonly [CallFacts, number][]): { states: CallRecord[]; leads: number } {
  const lifecycle = buildCallRecord(c);
  let state = newRecord(T0);
  const states = [state];
  let leads = 0;
  let at = T0;
  for (const [f, gap] of calls) {
    at += gap;
    const classified = classify(f, state, c, at);
    if (state.status === "closed") {
      // a closed record takes no call, whatever is logged
      expect(classified.ok).toBe(false);
      const forced = lifecycle.transition(state, {
        type: "callLogged",
        actor: "agent",
        at,
        lastContact: "reception",
        result: "noContact",
      });
      expect(forced.ok).toBe(false);
    }
    if (!classified.ok) continue;
    if (classified.value.countsAs === "lead") leads++;
    state = unwrap(
      lifecycle.transition(state, { type: "callLogged", actor: "agent", ...toLoggedCall(classified.value, at) }),
    ).state;
    states.push(state);
  }
  return { states, leads };
}
const calls = () => fc.array(fc.tuple(facts(T0), fc.integer({ min: 0, max: 3 * DAY })), { maxLength: 25 });

describe("call-result properties", () => {
  it("classification is total, and whatever it returns passes validate; DM-only results only with the DM", () => {
    fc.assert(
      fc.property(
        campaign,
        fc.array(fc.tuple(facts(T0), fc.integer({ min: 0, max: DAY })), { maxLength: 8 }),
        facts(T0 + 9 * DAY),
        (c, history, f) => {
          const record = play(c, history).states.at(-1) as CallRecord;
          fc.pre(record.status !== "closed");
          const at = T0 + 9 * DAY;
          const result = classify(f, record, c, at);
          if (!result.ok) {
            expect(["notEnabled", "noQualifyingRange", "qualifies", "invalidFacts"]).toContain(result.error.code);
            return;
          }
          expect(validate(toLoggedCall(result.value, at), record, c)).toEqual([]);
          const flags = resultFlags(c, result.value.result);
          if (flags?.who === "decisionMakerOnly") expect(result.value.lastContact).toBe("decisionMaker");
        },
      ),
    );
  });

  it("a record counts at most one lead whatever the sequence; closed records stay closed", () => {
    fc.assert(
      fc.property(campaign, calls(), (c, cs) => {
        const { states, leads } = play(c, cs);
        expect(leads).toBeLessThanOrEqual(1);
        expect(leads).toBe(states.at(-1)?.leadResult === null ? 0 : 1);
        const closedAt = states.findIndex((s) => s.status === "closed");
        if (closedAt >= 0) expect(states.slice(closedAt).every((s) => s === states[closedAt])).toBe(true);
      }),
    );
  });

  it("records survive a JSON round trip, and nothing is mutated", () => {
    fc.assert(
      fc.property(campaign, calls(), facts(T0 + 80 * DAY), (c, cs, f) => {
        const states = play(c, cs).states;
        for (const s of states) expect(unwrap(parseCallRecord(JSON.parse(JSON.stringify(s))))).toEqual(s);
        const last = deepFreeze(states.at(-1) as CallRecord);
        const frozen = deepFreeze(f);
        const snapshot = JSON.stringify([last, frozen]);
        classify(frozen, last, c, T0 + 80 * DAY);
        validate({ at: T0 + 80 * DAY, lastContact: "reception", result: "followUp" }, last, c);
        expect(JSON.stringify([last, frozen])).toBe(snapshot);
      }),
    );
  });

  it("never throws on hostile input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (f, r, call) => {
        const record = { ...newRecord(T0), ...(typeof r === "object" && r !== null ? r : {}) } as CallRecord;
        classify(f as CallFacts, record, DEFAULT_CAMPAIGN, T0);
        validate(
          {
            at: T0,
            lastContact: "reception",
            result: "noContact",
            ...(typeof call === "object" && call !== null ? call : {}),
          },
          record,
          DEFAULT_CAMPAIGN,
        );
        parseCallRecord(r);
      }),
    );
  });
});

describe("allowedResults and validate agree", () => {
  it("a result is offered exactly when a call logged with it (details right) passes validate", () => {
    const lastContacts = ["noContact", "reception", "decisionMaker"] as const;
    fc.assert(
      fc.property(callRecordState(), fc.constantFrom(...lastContacts), (record, lastContact) => {
        const at = Date.parse(record.updatedAt) + 60_000;
        const allowed = new Set(callRecord.allowedResults(record, lastContact));
        for (const result of Object.keys(CALL_RESULTS) as BuiltInResult[]) {
          // The details each result needs: a task where one is required, a call back inside or
          // beyond the email follow-up bound for the results that depend on it.
          const weeks = DEFAULT_CAMPAIGN.emailFollowUpWeeks * 7 * 86_400_000;
          const callBackAt =
            result === "emailFollowUp"
              ? at + 86_400_000
              : result.startsWith("nurture")
                ? at + weeks + 86_400_000
                : null;
          const flags = resultFlags(DEFAULT_CAMPAIGN, result);
          const task = flags?.effects.includes("followUpTask") ? { dueAt: callBackAt ?? at + 86_400_000 } : null;
          const violations = validate({ at, lastContact, result, callBackAt, task }, record, DEFAULT_CAMPAIGN);
          expect(violations.length === 0, `${result} with ${lastContact}: ${JSON.stringify(violations)}`).toBe(
            allowed.has(result),
          );
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
