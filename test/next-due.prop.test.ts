// nextDueAt(state): the instant at which advance would next move the record, or null. A host can
// store it in an indexed column and sweep only what is due. The law, for every lifecycle: advancing
// to just before it moves nothing; advancing to it moves; with null, nothing ever moves by time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN } from "../src/call-result/campaign.js";
import { buildCallRecord, callRecord } from "../src/call-result/record.js";
import { clientHub } from "../src/client-hub/pipeline.js";
import { MAX_INSTANT_MS } from "../src/core/time.js";
import { booking } from "../src/lead-status/booking.js";
import { consultation } from "../src/lead-status/consultation.js";
import * as kit from "../src/testing/index.js";
import { runs } from "./setup.js";

interface Timed<S> {
  nextDueAt(state: S): string | null;
  advance(state: S, now: number): { state: S; effects: readonly unknown[]; ignored: { code: string } | null };
}

// The lifecycle and its states come as functions, called inside each test: building either while the
// file loads (describe-time code runs outside every test) would make the builder's code "static" for
// mutation testing (README, "Develop").
function law<S>(name: string, make: () => Timed<S>, arbitrary: () => fc.Arbitrary<S>): void {
  it(`${name}: advancing to just before nextDueAt moves nothing, advancing to it moves`, () => {
    const lifecycle = make();
    const states = arbitrary();
    let due = 0;
    fc.assert(
      fc.property(states, (state) => {
        const next = lifecycle.nextDueAt(state);
        if (next === null) {
          expect(lifecycle.advance(state, MAX_INSTANT_MS).state).toBe(state);
          return;
        }
        due++;
        const at = Date.parse(next);
        expect(lifecycle.advance(state, at - 1).state).toBe(state);
        expect(lifecycle.advance(state, at).state).not.toEqual(state);
      }),
      { numRuns: 400 },
    );
    if (name !== "booking" && name !== "call record") expect(due).toBeGreaterThan(0);
  });
  it(`${name}: advance says when it ignored now, and then moves nothing`, () => {
    const lifecycle = make();
    const states = arbitrary();
    fc.assert(
      fc.property(states, fc.integer({ min: -3 * 86_400_000, max: 60 * 86_400_000 }), (state, offset) => {
        const now = Date.parse((state as { updatedAt: string }).updatedAt) + offset;
        const step = lifecycle.advance(state, now);
        if (step.ignored !== null) {
          // Only a clock behind the record is ignored (the instant is valid here)…
          expect(step.ignored.code).toBe("outOfOrder");
          expect(offset).toBeLessThan(0);
          expect(step).toMatchObject({ state, effects: [] });
        } else if (offset < 0) {
          // …and a clock behind the record moves nothing either way.
          expect(step.state).toBe(state);
        }
        expect(lifecycle.advance(state, Number.NaN).ignored?.code).toBe("invalidInstant");
      }),
      { numRuns: runs(200) },
    );
  });
}

describe("nextDueAt", () => {
  law(
    "consultation",
    () => consultation,
    () => kit.consultationState({ maxLength: 14 }),
  );
  law(
    "booking",
    () => booking,
    () => kit.bookingState(),
  );
  law(
    "call record",
    () => callRecord,
    () => kit.callRecordState(),
  );
  law(
    "Client Hub",
    () => clientHub,
    () => kit.clientHubRecord(),
  );
  const recycling = () => buildCallRecord({ ...DEFAULT_CAMPAIGN, recycleNoPitchAfterDays: 30 });
  law("call record, recycling No Pitch", recycling, () =>
    kit.callRecordState().map((r) => ({
      ...r,
      status: "closed" as const,
      lastResult: "notInterestedNoPitch",
      reopensAt: new Date(Date.parse(r.updatedAt) + 30 * 86_400_000).toISOString(),
    })),
  );

  it("Follow up 6 is due 48 hours after it was logged; the lead goes cold 2 hours later", () => {
    let state = consultation.initial(0);
    for (let n = 0; n < 6 && state.ok; n++) {
      const step = consultation.transition(state.value, { type: "followUpLogged", at: n * 1000, actor: "franchisee" });
      state = step.ok ? { ok: true, value: step.value.state } : state;
    }
    if (!state.ok) throw new Error("setup");
    expect(consultation.nextDueAt(state.value)).toBe(new Date(5000 + 50 * 3_600_000).toISOString());
    expect(consultation.nextDueAt(null as never)).toBeNull();
  });
});
