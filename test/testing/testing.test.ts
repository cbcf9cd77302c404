// leadrules/testing: every valid arbitrary passes its boundary parser, every invalid one is refused
// there, and the command kits accept a faithful adapter and catch a faulty one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCampaign, parseCallFacts, parseCallRecord, parseLoggedCall } from "../../src/call-result/schema.js";
import { clientHub } from "../../src/client-hub/pipeline.js";
import { parseClientHubEvent, parseClientHubRecord } from "../../src/client-hub/schema.js";
import type { InvalidInput, Result } from "../../src/core/result.js";
import { consultation } from "../../src/lead-status/consultation.js";
import {
  parseBookingEvent,
  parseBookingState,
  parseConsultationEvent,
  parseConsultationState,
  parseNewLead,
} from "../../src/lead-status/schema.js";
import { tallyShifts } from "../../src/tally/figures.js";
import { parseDialFacts, parseSheetEvent } from "../../src/tally/schema.js";
import { tallySheet } from "../../src/tally/sheet.js";
import {
  type Adapter,
  bookingCommands,
  bookingEvent,
  bookingState,
  type CommandKit,
  callFacts,
  callRecordCommands,
  callRecordState,
  campaignInput,
  checkAdapter,
  clientHubCommands,
  clientHubEvent,
  clientHubRecord,
  consultationCommands,
  consultationEvent,
  consultationLog,
  consultationState,
  dialFacts,
  instant,
  invalidInput,
  loggedCall,
  newClientHubRecord,
  newLead,
  sheetEvent,
} from "../../src/testing/index.js";

type Parser = (input: unknown) => Result<unknown, InvalidInput>;

const boundaries: [string, fc.Arbitrary<object>, Parser][] = [
  ["consultation event", consultationEvent(), parseConsultationEvent],
  ["consultation state", consultationState(), parseConsultationState],
  ["booking event", bookingEvent(), parseBookingEvent],
  ["booking state", bookingState(), parseBookingState],
  ["new lead", newLead(), parseNewLead],
  ["call facts", callFacts(), parseCallFacts],
  ["campaign", campaignInput(), createCampaign],
  ["logged call", loggedCall(), parseLoggedCall],
  ["call record", callRecordState(), parseCallRecord],
  ["client hub event", clientHubEvent(), parseClientHubEvent],
  ["client hub record", clientHubRecord(), (input) => parseClientHubRecord(input)],
  ["sheet event", sheetEvent(), parseSheetEvent],
  ["dial facts", dialFacts(), parseDialFacts],
];

describe("leadrules/testing arbitraries", () => {
  for (const [name, valid, parse] of boundaries) {
    it(`every generated ${name} passes its parser, also after a JSON round trip`, () => {
      fc.assert(
        fc.property(valid, (value) => {
          const parsed = parse(JSON.parse(JSON.stringify(value)));
          if (!parsed.ok) throw new Error(parsed.error.message);
        }),
        { numRuns: 200 },
      );
    });

    it(`every invalidInput(${name}) is refused with an invalidInput error naming the problem`, () => {
      fc.assert(
        fc.property(invalidInput(valid), (value) => {
          const parsed = parse(value);
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) {
            expect(parsed.error.code).toBe("invalidInput");
            expect(parsed.error.issues.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 200 },
      );
    });
  }

  it("instants fall in the range asked for", () => {
    fc.assert(
      fc.property(instant({ from: 0, days: 2 }), (at) => {
        const ms = Date.parse(at);
        expect(ms >= 0 && ms <= 2 * 86_400_000).toBe(true);
      }),
    );
  });

  it("logs are in time order, and new Client Hub records are accepted", () => {
    fc.assert(
      fc.property(consultationLog(), newClientHubRecord(), (log, input) => {
        const times = log.map((e) => Date.parse(String(e.at)));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(clientHub.initial(input).ok).toBe(true);
      }),
    );
  });

  it("sheet events and dial facts tally without rejections", () => {
    fc.assert(
      fc.property(fc.array(sheetEvent()), fc.array(dialFacts()), (events, dials) => {
        expect(tallySheet(events).rejected).toEqual([]);
        expect(tallyShifts(dials).rejected).toEqual([]);
      }),
    );
  });
});

/** The adapter an integrator would write, over leadrules itself: it must always agree. */
function faithful<S, E>(lifecycle: {
  transition(state: S, event: E): Result<{ state: S }, unknown>;
}): (initial: S) => Adapter<S, E> {
  return (initial) => {
    let stored = JSON.stringify(initial);
    return {
      async apply(event) {
        const step = lifecycle.transition(JSON.parse(stored) as S, JSON.parse(JSON.stringify(event)) as E);
        if (step.ok) stored = JSON.stringify(step.value.state);
        return step.ok;
      },
      read: () => JSON.parse(stored) as S,
    };
  };
}

describe("leadrules/testing command kits", () => {
  const kits: [CommandKit<never, never>, unknown][] = [
    [consultationCommands() as never, consultation],
    [bookingCommands() as never, undefined],
    [callRecordCommands() as never, undefined],
    [clientHubCommands() as never, clientHub],
  ];

  it("a faithful adapter passes every kit", async () => {
    const { booking } = await import("../../src/lead-status/booking.js");
    const { callRecord } = await import("../../src/call-result/record.js");
    const lifecycles = [consultation, booking, callRecord, clientHub];
    for (const [i, [kit]] of kits.entries()) {
      await checkAdapter(kit, faithful(lifecycles[i] as never), { numRuns: 40 });
    }
  });

  it("an adapter that drops follow-up notes is caught, with the event and both states in the message", async () => {
    const lossy = (initial: never): Adapter<never, never> => {
      const inner = faithful(consultation as never)(initial);
      return {
        apply: (event) => inner.apply({ ...(event as object), notes: undefined } as never),
        read: () => inner.read() as never,
      };
    };
    await expect(checkAdapter(consultationCommands() as never, lossy, { numRuns: 100, seed: 1 })).rejects.toThrow(
      /consultation: after [\s\S]* the adapter holds/,
    );
  });

  it("an adapter that accepts everything is caught", async () => {
    const eager = (initial: never): Adapter<never, never> => ({ apply: () => true, read: () => initial });
    await expect(checkAdapter(bookingCommands() as never, eager, { numRuns: 50, seed: 2 })).rejects.toThrow(
      /the adapter accepted [\s\S]* but leadrules refuses it|the adapter holds/,
    );
  });

  it("kits start from the playbook's first status and can be used with fc.asyncModelRun directly", async () => {
    expect(consultationCommands().initial.status).toBe("new");
    expect(bookingCommands().initial.status).toBe("lead");
    expect(callRecordCommands().initial.status).toBe("open");
    const kit = clientHubCommands({ maxCommands: 5 });
    const adapter = faithful(clientHub as never)(kit.initial as never);
    await fc.assert(
      fc.asyncProperty(kit.commands, (cmds) =>
        fc.asyncModelRun(() => ({ model: kit.model(), real: adapter as never }), cmds as never),
      ),
      { numRuns: 1 },
    );
  });
});
