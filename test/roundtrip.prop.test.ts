// "Whatever the library accepts, its own parsers read back." Driven by hostile-but-JSON payloads
// (what a webhook body or a database row can carry, planted in otherwise valid input): whenever a
// lifecycle accepts an initial input, an event or a move in time, or a tally accepts events or
// merges stored tallies, the state or tally it returns survives JSON and its parser, unchanged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callRecord } from "../src/call-result/record.js";
import { clientHub } from "../src/client-hub/pipeline.js";
import { booking } from "../src/lead-status/booking.js";
import { consultation } from "../src/lead-status/consultation.js";
import {
  parseBookingState,
  parseCallRecord,
  parseClientHubRecord,
  parseConsultationState,
  parseFigureTally,
  parseSheetTally,
} from "../src/parse/index.js";
import { tallyLeadFigures, tallyShifts, tallyStatuses } from "../src/tally/figures.js";
import { mergeSheets, tallySheet } from "../src/tally/sheet.js";
import * as kit from "../src/testing/index.js";
import { corrupt, hostileJson, runs } from "./hostile.js";

const RUNS = runs(300);
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
type Parser = (input: unknown) => { ok: boolean; value?: unknown; error?: { message: string } };

/** The value survives JSON and the parser, unchanged. */
function readsBack(value: unknown, parse: Parser): void {
  const parsed = parse(json(value));
  expect(parsed.ok, parsed.error?.message).toBe(true);
  expect(parsed.value).toEqual(value);
}

/** An event with an id (an idempotency key) some of the time: the state then stores it. */
const withId = (event: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc
    .tuple(event, fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: undefined }))
    .map(([e, id]) => (id === undefined ? e : { ...(e as object), id }));

const NAMES = ["consultation", "booking", "call record", "Client Hub"] as const;

// Built inside the tests, never while the file loads. States come with applied ids of their own.
function lifecycles() {
  return {
    consultation: {
      lifecycle: consultation,
      state: kit.consultationState({ ids: "s" }),
      event: withId(kit.consultationEvent()),
      created: corrupt(fc.constant({ at: "2026-01-01T00:00:00Z" }), hostileJson).map((v) => (v as { at: unknown }).at),
      parse: parseConsultationState as Parser,
    },
    booking: {
      lifecycle: booking,
      state: kit.bookingState({ ids: "s" }),
      event: withId(kit.bookingEvent()),
      created: corrupt(kit.newLead(), hostileJson),
      parse: parseBookingState as Parser,
    },
    "call record": {
      lifecycle: callRecord,
      state: kit.callRecordState({ ids: "s" }),
      event: withId(kit.loggedCall().map((c) => ({ type: "callLogged", actor: "agent", ...c }))),
      created: corrupt(fc.constant({ at: "2026-01-01T00:00:00Z" }), hostileJson).map((v) => (v as { at: unknown }).at),
      parse: parseCallRecord as Parser,
    },
    "Client Hub": {
      lifecycle: clientHub,
      state: kit.clientHubRecord({ ids: "s" }),
      event: withId(kit.clientHubEvent()),
      created: corrupt(kit.newClientHubRecord(), hostileJson),
      parse: parseClientHubRecord as Parser,
    },
  } as const;
}

describe("whatever a lifecycle accepts, its parser reads back", () => {
  for (const name of NAMES) {
    it(`${name}: initial, transition, advance and refold with hostile JSON in their input`, () => {
      const { lifecycle, state, event, created, parse } = lifecycles()[name];
      const events = event as fc.Arbitrary<unknown>;
      const verbs = lifecycle as unknown as {
        initial: (input: unknown) => { ok: boolean; value?: unknown };
        transition: (s: unknown, e: unknown) => { ok: boolean; value?: { state: unknown } };
        advance: (s: unknown, now: unknown) => { state: unknown };
        refold: (s: unknown, log: unknown, o: unknown) => { state: unknown };
      };
      fc.assert(
        fc.property(
          created,
          state,
          fc.array(fc.oneof(events, corrupt(events, hostileJson)), { maxLength: 6 }),
          fc.oneof(hostileJson, kit.instant()),
          (input, start, log, now) => {
            const made = verbs.initial(input);
            if (made.ok) readsBack(made.value, parse);
            let current: unknown = start;
            for (const e of log) {
              const step = verbs.transition(current, json(e));
              if (step.ok && step.value !== undefined) {
                readsBack(step.value.state, parse);
                current = step.value.state;
              }
            }
            readsBack(verbs.advance(current, now).state, parse);
            readsBack(verbs.refold(start, json(log), { now }).state, parse);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

describe("whatever a tally accepts, its parser reads back", () => {
  const period = fc.oneof(
    fc.constantFrom(null, { unit: "day", timeZone: "Europe/London" }, { unit: "month", timeZone: "UTC" }),
    hostileJson,
  );
  it("the first-contact sheet: tallied from hostile events, merged from hostile stored tallies", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(kit.sheetEvent(), corrupt(kit.sheetEvent(), hostileJson)), { maxLength: 12 }),
        fc.array(fc.oneof(kit.sheetEvent(), corrupt(kit.sheetEvent(), hostileJson)), { maxLength: 12 }),
        period,
        fc.boolean(),
        (xs, ys, p, spoil) => {
          const a = tallySheet(json(xs) as never, p as never).tally;
          const b = tallySheet(json(ys) as never, p as never).tally;
          readsBack(a, parseSheetTally as Parser);
          const stored = spoil ? corrupt(fc.constant(b), hostileJson) : fc.constant(b);
          fc.assert(
            fc.property(stored, (bStored) => {
              const merged = mergeSheets(a, json(bStored) as never);
              if (merged.ok) readsBack(merged.value, parseSheetTally as Parser);
            }),
            { numRuns: 3 },
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("the figures: shifts, lead figures and status counts from hostile facts", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(kit.dialFacts(), corrupt(kit.dialFacts(), hostileJson)), { maxLength: 8 }),
        fc.array(
          corrupt(fc.record({ division: fc.string(), createdAt: kit.instant(), booked: fc.boolean() }), hostileJson),
          {
            maxLength: 8,
          },
        ),
        fc.array(corrupt(fc.record({ status: fc.string(), at: kit.instant() }), hostileJson), { maxLength: 8 }),
        period,
        (dials, leads, statuses, p) => {
          readsBack(tallyShifts(json(dials) as never).tally, parseFigureTally as Parser);
          readsBack(tallyLeadFigures(json(leads) as never, p as never).tally, parseFigureTally as Parser);
          readsBack(tallyStatuses(json(statuses) as never, p as never).tally, parseFigureTally as Parser);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
