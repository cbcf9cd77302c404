// Issue 21, point 3: "every lifecycle verb refuses, naming the field, any event value its parser
// would refuse (outcome, call type, direction, …)". For every lifecycle, on generated events and on
// events with one value spoiled (at any depth, by what a webhook body can carry): `transition`
// alone and parse-then-transition agree — both refuse, or both give the same result.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callRecord } from "../src/call-result/record.js";
import { CALL_ACTORS } from "../src/call-result/results.js";
import { parseCallFacts, parseLoggedCall } from "../src/call-result/schema.js";
import { clientHub } from "../src/client-hub/pipeline.js";
import { booking } from "../src/lead-status/booking.js";
import { consultation } from "../src/lead-status/consultation.js";
import { parseBookingEvent, parseClientHubEvent, parseConsultationEvent } from "../src/parse/index.js";
import * as kit from "../src/testing/index.js";
import { corrupt, hostileJson, runs } from "./hostile.js";

const RUNS = runs(400);
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

type Parsed = { ok: true; value: unknown } | { ok: false; error: unknown };
interface Case {
  readonly transition: (s: unknown, e: unknown) => { ok: boolean; value?: unknown; error?: { field?: string } };
  readonly parse: (input: unknown) => Parsed;
  readonly state: fc.Arbitrary<unknown>;
  readonly event: fc.Arbitrary<unknown>;
}

// The call record has no event parser of its own: its event is a logged call (parseLoggedCall),
// a type and an actor.
function parseCallLogged(input: unknown): Parsed {
  if (typeof input !== "object" || input === null) return { ok: false, error: "not an object" };
  const { type, actor, ...call } = input as Record<string, unknown>;
  if (type !== "callLogged" || !(CALL_ACTORS as readonly unknown[]).includes(actor)) return { ok: false, error: type };
  const parsed = parseLoggedCall(call);
  return parsed.ok ? { ok: true, value: { type, actor, ...parsed.value } } : parsed;
}

const NAMES = ["consultation", "booking", "call record", "Client Hub"] as const;

function withId(event: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(event, fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }))
    .map(([e, id]) => (id === undefined ? e : { ...(e as object), id }));
}

// Built inside the tests, never while the file loads.
function cases(): Record<(typeof NAMES)[number], Case> {
  const loggedCall = fc
    .tuple(kit.loggedCall(), fc.constantFrom(...CALL_ACTORS))
    .map(([call, actor]) => ({ type: "callLogged", actor, ...call }));
  return {
    consultation: {
      transition: consultation.transition as Case["transition"],
      parse: parseConsultationEvent,
      state: kit.consultationState({ maxLength: 10, ids: "s" }),
      event: withId(kit.consultationEvent()),
    },
    booking: {
      transition: booking.transition as Case["transition"],
      parse: parseBookingEvent,
      state: kit.bookingState({ maxLength: 10, ids: "s" }),
      event: withId(kit.bookingEvent()),
    },
    "call record": {
      transition: callRecord.transition as Case["transition"],
      parse: parseCallLogged,
      state: kit.callRecordState({ maxLength: 6, ids: "s" }),
      event: withId(loggedCall),
    },
    "Client Hub": {
      transition: clientHub.transition as Case["transition"],
      parse: parseClientHubEvent,
      state: kit.clientHubRecord({ maxLength: 10, ids: "s" }),
      event: withId(kit.clientHubEvent()),
    },
  };
}

describe("verbs are boundaries for their own vocabulary", () => {
  for (const name of NAMES) {
    it(`${name}: transition and parse-then-transition agree on generated and spoiled events`, () => {
      const { transition, parse, state, event } = cases()[name];
      fc.assert(
        fc.property(state, fc.oneof(event, corrupt(event, hostileJson)), (s, e) => {
          const input = json(e);
          const direct = transition(s, input);
          const parsed = parse(input);
          if (!parsed.ok) {
            expect(direct.ok, `the parser refuses ${JSON.stringify(input)?.slice(0, 300)}`).toBe(false);
            return;
          }
          expect(transition(s, parsed.value)).toEqual(direct);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("logCall is a boundary for the facts' vocabulary", () => {
  it("logCall and parseCallFacts-then-logCall agree on generated and spoiled facts", () => {
    const facts = withId(kit.callFacts());
    const record = kit.callRecordState({ maxLength: 6, ids: "s" });
    fc.assert(
      fc.property(record, fc.oneof(facts, corrupt(facts, hostileJson)), (r, f) => {
        const input = json(f);
        const at = kit.DEFAULT_FROM + 30 * 86_400_000;
        const direct = callRecord.logCall(r, input as never, at, "agent");
        const parsed = parseCallFacts(input);
        if (!parsed.ok) {
          expect(direct.ok, `the parser refuses ${JSON.stringify(input)?.slice(0, 300)}`).toBe(false);
          return;
        }
        expect(callRecord.logCall(r, parsed.value, at, "agent")).toEqual(direct);
      }),
      { numRuns: RUNS },
    );
  });
});
