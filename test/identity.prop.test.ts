// Issue 21: deliveries repeat and arrive out of order (HubSpot: "deliveries can repeat, arrive out
// of order"). For every lifecycle: (1) a sequence with duplicates inserted gives the state and the
// effects of the sequence without them; (2) `refold` of any permutation and duplication of a
// record's log gives the state of in-order delivery, and tells the host exactly which effects it
// still owes and which it carried out that no longer hold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callRecord } from "../src/call-result/record.js";
import { clientHub } from "../src/client-hub/pipeline.js";
import { booking } from "../src/lead-status/booking.js";
import { consultation } from "../src/lead-status/consultation.js";
import * as kit from "../src/testing/index.js";
import { unwrap } from "./helpers.js";
import { runs } from "./hostile.js";

const RUNS = runs(150);
const DAY = 86_400_000;

interface Event {
  readonly at: string;
  readonly id?: string;
}
interface Verbs {
  transition(
    s: unknown,
    e: unknown,
  ): { ok: boolean; value?: { state: unknown; effects: readonly unknown[]; duplicate?: true } };
  replay(s: unknown, log: readonly unknown[]): { state: unknown; effects: readonly unknown[] };
  advance(s: unknown, now: unknown): { state: unknown; effects: readonly unknown[] };
  refold(
    s: unknown,
    log: readonly unknown[],
    o?: { carriedOut?: readonly unknown[]; now?: unknown },
  ): { state: unknown; effects: readonly unknown[]; toCarryOut: readonly unknown[]; noLongerHold: readonly unknown[] };
}
interface Case {
  readonly verbs: Verbs;
  readonly start: fc.Arbitrary<unknown>;
  readonly log: fc.Arbitrary<readonly Event[]>;
}

const NAMES = ["consultation", "booking", "call record", "Client Hub"] as const;

// Built inside the tests, never while the file loads.
function cases(): Record<(typeof NAMES)[number], Case> {
  const from = kit.DEFAULT_FROM;
  const opts = { ids: "e", maxLength: 16, from: from + 1 };
  return {
    consultation: {
      verbs: consultation as unknown as Verbs,
      start: fc.constant(unwrap(consultation.initial(from))),
      log: kit.consultationLog(opts) as unknown as fc.Arbitrary<readonly Event[]>,
    },
    booking: {
      verbs: booking as unknown as Verbs,
      start: fc.constant(unwrap(booking.initial({ at: from, name: "", patient: { id: "p1", name: "Tim" } }))),
      log: kit.bookingLog(opts) as unknown as fc.Arbitrary<readonly Event[]>,
    },
    "call record": {
      verbs: callRecord as unknown as Verbs,
      start: fc.constant(unwrap(callRecord.initial(from))),
      log: kit.callRecordLog(opts) as unknown as fc.Arbitrary<readonly Event[]>,
    },
    "Client Hub": {
      verbs: clientHub as unknown as Verbs,
      // The next contact date a few days out, so the calls and their tasks fall within the log.
      start: fc
        .tuple(kit.newClientHubRecord({ from, days: 0 }), fc.integer({ min: 0, max: 8 }))
        .map(([input, days]) =>
          unwrap(
            clientHub.initial({ ...input, nextContactDate: new Date(from + days * DAY).toISOString().slice(0, 10) }),
          ),
        ),
      log: kit.clientHubLog(opts) as unknown as fc.Arbitrary<readonly Event[]>,
    },
  };
}

const ms = (e: Event): number => Date.parse(e.at);
/** In-order delivery: by instant, then by id. */
const inOrder = (log: readonly Event[]): Event[] =>
  [...log].sort((a, b) => ms(a) - ms(b) || ((a.id ?? "") < (b.id ?? "") ? -1 : (a.id ?? "") > (b.id ?? "") ? 1 : 0));
/**
 * The events in order, a millisecond apart at least: no two at one instant. (A refused event's id
 * is not remembered — a refusal changes nothing — so its retry is judged afresh: in order it is
 * refused again; out of order, `refold` is the way to converge.)
 */
const strictlyOrdered = (log: readonly Event[]): Event[] =>
  inOrder(log).map((e, i) => ({ ...e, at: new Date(ms(e) + i).toISOString() }));
const key = (v: unknown): string => JSON.stringify(v);
const bag = (xs: readonly unknown[]): string[] => xs.map(key).sort();
/** xs + ys − zs, as multisets. */
function plusMinus(xs: readonly unknown[], ys: readonly unknown[], zs: readonly unknown[]): string[] {
  const out = [...bag(xs), ...bag(ys)];
  for (const z of bag(zs)) {
    const i = out.indexOf(z);
    expect(i, `removed effect ${z} was never there`).toBeGreaterThanOrEqual(0);
    out.splice(i, 1);
  }
  return out.sort();
}

describe("a retried delivery changes nothing (issue 21, point 1)", () => {
  for (const name of NAMES) {
    it(`${name}: a sequence with duplicates inserted gives the state and effects of the sequence without them`, () => {
      const { verbs, start, log } = cases()[name];
      fc.assert(
        fc.property(
          start,
          log.map(strictlyOrdered),
          fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
          (s, events, picks) => {
            // Each pick re-delivers event i again somewhere after its first delivery.
            const deliveries: Event[] = [...events];
            for (const [i, j] of picks) {
              if (events.length === 0) break;
              const original = events[i % events.length] as Event;
              const first = deliveries.indexOf(original);
              const at = first + 1 + (j % (deliveries.length - first));
              deliveries.splice(at, 0, { ...original });
            }
            const plain = verbs.replay(s, events);
            const retried = verbs.replay(s, deliveries);
            expect(retried.state).toEqual(plain.state);
            expect(retried.effects).toEqual(plain.effects);
            // Step by step: a copy of an applied event says it is a duplicate, with no effects.
            let state = s;
            const applied = new Set<string>();
            for (const d of deliveries) {
              const step = verbs.transition(state, d);
              if (!step.ok || step.value === undefined) continue;
              if (applied.has(d.id as string)) {
                expect(step.value).toEqual({ state, effects: [], duplicate: true });
              } else {
                expect(step.value.duplicate).toBeUndefined();
                applied.add(d.id as string);
              }
              state = step.value.state;
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

describe("refold converges whatever the order and repeats of deliveries (issue 21, point 2)", () => {
  for (const name of NAMES) {
    it(`${name}: any permutation and duplication of a log refolds to in-order delivery, and the effects balance`, () => {
      const { verbs, start, log } = cases()[name];
      fc.assert(
        fc.property(
          start,
          log,
          fc.array(fc.nat(), { maxLength: 8 }),
          fc.array(fc.integer(), { minLength: 30, maxLength: 30 }),
          fc.option(fc.integer({ min: 0, max: 40 * DAY }), { nil: undefined }),
          (s, events, dupes, shuffle, wait) => {
            const copies = events.length === 0 ? [] : dupes.map((i) => ({ ...(events[i % events.length] as Event) }));
            const deliveries = [...events, ...copies]
              .map((e, i) => ({ e, k: shuffle[i % shuffle.length] as number, i }))
              .sort((a, b) => a.k - b.k || a.i - b.i)
              .map(({ e }) => e);
            // The host applies deliveries as they come (late ones are refused), carrying out effects.
            let live = s;
            const carriedOut: unknown[] = [];
            for (const d of deliveries) {
              const step = verbs.transition(live, d);
              if (step.ok && step.value !== undefined) {
                live = step.value.state;
                carriedOut.push(...step.value.effects);
              }
            }
            const last = events.reduce((m, e) => Math.max(m, ms(e)), kit.DEFAULT_FROM);
            const now = wait === undefined ? undefined : new Date(last + wait).toISOString();
            const expected = verbs.replay(s, inOrder(events));
            const moved =
              now === undefined ? { state: expected.state, effects: [] } : verbs.advance(expected.state, now);
            const refolded = verbs.refold(s, deliveries, now === undefined ? { carriedOut } : { carriedOut, now });
            expect(refolded.state).toEqual(moved.state);
            expect(refolded.effects).toEqual([...expected.effects, ...moved.effects]);
            // What the host did, plus what it still owes, minus what no longer holds, is what the
            // in-order history requires.
            expect(plusMinus(carriedOut, refolded.toCarryOut, refolded.noLongerHold)).toEqual(bag(refolded.effects));
            // Once the host has caught up, a second refold owes nothing and takes nothing back.
            const again = verbs.refold(s, deliveries, {
              carriedOut: refolded.effects,
              ...(now === undefined ? {} : { now }),
            });
            expect(again.toCarryOut).toEqual([]);
            expect(again.noLongerHold).toEqual([]);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
