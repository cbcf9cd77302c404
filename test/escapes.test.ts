// Issue 27, point 4: the escapes the deep fuzz found from outside, in the guard's own corners. Each
// case fails without its fix: the guard's own reading of a value (a message describing it, the
// options of a parser, one item of a batch) is inside the guard.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN } from "../src/call-result/campaign.js";
import { buildCallRecord } from "../src/call-result/record.js";
import { parseClientHubRecord } from "../src/client-hub/schema.js";
import { describeValue } from "../src/core/describe.js";
import { booking } from "../src/lead-status/booking.js";
import { buildConsultation } from "../src/lead-status/consultation.js";
import { parseBookingState } from "../src/lead-status/schema.js";
import { emptyFigures, tallyLeadFigures, tallyShifts, tallyStatuses } from "../src/tally/figures.js";
import { tallySheet } from "../src/tally/sheet.js";
import { consultationEvent, instant } from "../src/testing/arbitraries.js";
import {
  bookingCommands,
  callRecordCommands,
  clientHubCommands,
  consultationCommands,
} from "../src/testing/commands.js";
import { unwrap } from "./helpers.js";

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
};
const throwingArray = (): object =>
  new Proxy([], {
    get() {
      throw 1;
    },
  });
const throwing = (): object =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("read");
      },
      ownKeys() {
        throw new Error("read");
      },
      has() {
        throw new Error("read");
      },
    },
  );

describe("describeValue never throws, whatever it is given", () => {
  it("a revoked Proxy and an array Proxy whose length throws are described, not thrown", () => {
    expect(describeValue(revoked())).toBe("a Proxy");
    expect(describeValue(throwingArray())).toBe("a Proxy");
    expect(describeValue([1, 2])).toBe("an array of 2");
  });

  it("so a builder given one throws its documented TypeError naming the option", () => {
    expect(() => buildConsultation(revoked() as never)).toThrow(
      new TypeError("buildConsultation: its options could not be read (a Proxy or a getter that throws?)"),
    );
    expect(() => emptyFigures(revoked() as never)).not.toThrow();
  });

  it("and the testing kit's arbitraries throw their RangeError, not the value's exception", () => {
    expect(() => instant(throwingArray() as never)).toThrow(RangeError);
    expect(() => instant(revoked() as never)).toThrow(RangeError);
  });
});

describe("parseClientHubRecord reads its options inside the guard", () => {
  it("options that throw when read answer unreadable, never throw", () => {
    const answer = parseClientHubRecord({}, throwing() as never);
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.issues[0]?.code).toBe("unreadable");
    const ratios = parseClientHubRecord({}, { contactRatios: [throwing()] } as never);
    expect(ratios.ok).toBe(false);
  });
});

describe("buildCallRecord checks recycleNoPitchAfterDays, as createCampaign does", () => {
  it("a Symbol, a string, 1e308 or 0 is a TypeError naming the option", () => {
    for (const value of [Symbol("x"), "x", 1e308, 0, 1.5]) {
      expect(() => buildCallRecord({ ...DEFAULT_CAMPAIGN, recycleNoPitchAfterDays: value } as never)).toThrow(
        /^buildCallRecord: campaign\.recycleNoPitchAfterDays must be null or a whole number of days from 1 to 3660/,
      );
    }
    expect(
      buildCallRecord({ ...DEFAULT_CAMPAIGN, recycleNoPitchAfterDays: 3660 }).campaign.recycleNoPitchAfterDays,
    ).toBe(3660);
  });
});

describe("tallies list every item: holes under an invalid period, and items that throw when read", () => {
  const bad = { unit: "fortnight", timeZone: "UTC" } as never;
  it("an invalid period lists every index, a hole included, in a list without holes", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const events = [{}, , {}] as never[];
    for (const run of [
      () => tallySheet(events, bad),
      () => tallyStatuses(events, bad),
      () => tallyLeadFigures(events, bad),
    ]) {
      const { rejected } = run();
      expect(rejected.map((r) => r.index)).toEqual([0, 1, 2]);
      expect(Object.keys(rejected)).toEqual(["0", "1", "2"]);
      expect(rejected.every((r) => r.code === "invalidPeriod")).toBe(true);
    }
  });

  it("one item that throws when read is listed unreadable at its index; the others are counted", () => {
    const sheet = tallySheet([{ type: "junkCall", at: 0 }, throwing() as never, { type: "missedCall", at: 0 }]);
    expect(sheet.rejected).toEqual([expect.objectContaining({ index: 1, code: "unreadable" })]);
    expect(sheet.tally.page).toEqual([[[""], [1, 1]]]);

    const shift = { agent: "ann", shift: "am", dmReached: true, pitched: false, lead: false, appointment: false };
    const shifts = tallyShifts([shift, throwing() as never, shift]);
    expect(shifts.rejected).toEqual([expect.objectContaining({ index: 1, code: "unreadable" })]);
    expect(shifts.tally.rows).toEqual([
      [
        ["ann", "am"],
        [2, 2, 0, 0, 0],
      ],
    ]);

    const statuses = tallyStatuses([throwing() as never, { status: "cold", at: 0 }]);
    expect(statuses.rejected).toEqual([expect.objectContaining({ index: 0, code: "unreadable" })]);
    expect(statuses.tally.rows).toEqual([[["", "cold"], [1]]]);
  });
});

describe("the testing kit throws a RangeError naming the option, never fast-check's or a plain Error", () => {
  it("command kits check maxCommands, from and lifecycle", () => {
    for (const make of [consultationCommands, bookingCommands, callRecordCommands, clientHubCommands]) {
      expect(() => make({ maxCommands: true } as never)).toThrow(RangeError);
      expect(() => make({ maxCommands: true } as never)).toThrow(/maxCommands must be an integer/);
      expect(() => make({ maxCommands: -1 })).toThrow(/maxCommands/);
      expect(() => make({ from: Number.NaN })).toThrow(RangeError);
      expect(() => make({ from: 1e300 })).toThrow(/from must be epoch milliseconds/);
      expect(() => make({ lifecycle: {} } as never)).toThrow(/lifecycle must be a lifecycle/);
      expect(make({ maxCommands: 3 }).initial).toBeTruthy();
    }
  });

  it("a lead or record the lifecycle refuses is a RangeError naming the options", () => {
    expect(() => bookingCommands({ lead: { name: 5 } } as never)).toThrow(RangeError);
    expect(() => clientHubCommands({ record: { timeZone: "Mars/Olympus" } } as never)).toThrow(RangeError);
  });

  it("days too small to be a millisecond are 0 ms, not a fast-check error", () => {
    expect(() => consultationEvent({ days: 5e-324 })).not.toThrow();
    const sample = fc.sample(consultationEvent({ days: 5e-324 }), { numRuns: 5, seed: 1 });
    expect(sample).toHaveLength(5);
    expect(() => instant({ days: Number.NaN })).toThrow(RangeError);
  });
});

// The review of issue 27's trust: a state from outside is checked, then copied, and the copy moves
// and is trusted from then on. The copy must be what was checked: JSON.stringify's copy called a
// `toJSON` and copied its answer, and a getter may answer differently on a second read.
describe("a checked outside state is the state that moves", () => {
  const stored = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(unwrap(booking.initial({ at: "2026-01-01T00:00:00Z", name: "Ana", owner: "u1" }))));
  const comment = { type: "commented", at: "2026-01-02T00:00:00Z", actor: "user", text: "call back" } as const;
  const readsBack = (result: ReturnType<typeof booking.transition>): void => {
    if (!result.ok) {
      expect(result.error.code).toBe("invalidState");
      return;
    }
    expect(parseBookingState(result.value.state).ok).toBe(true);
    // Trusted from now on: the next verb skips the check, so what it holds must read back too.
    const next = booking.transition(result.value.state, { ...comment, at: "2026-01-03T00:00:00Z" });
    expect(next.ok && parseBookingState(next.value.state).ok).toBe(true);
  };

  it("a non-enumerable toJSON answering another state: refused, never moved as that state", () => {
    const state = stored();
    Object.defineProperty(state, "toJSON", { value: () => ({ ...state, name: 12345, extra: "x" }) });
    const result = booking.transition(state as never, comment);
    expect(result.ok).toBe(false);
    readsBack(result);
  });

  it("a getter that answers a spoiled value on its second read is refused or copied sound", () => {
    const state = stored();
    let reads = 0;
    Object.defineProperty(state, "name", {
      enumerable: true,
      get: () => (++reads === 1 ? "Ana" : 12345),
    });
    readsBack(booking.transition(state as never, comment));
  });
});
