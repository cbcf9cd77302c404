// Issue 20, point 2: the testing kit's arbitraries check their options when they are made, as
// fast-check checks its own constraints: an impossible option throws a RangeError naming the
// function and the option, at once — never a hang (`{ days: 8.64e15 }`), never an error from deep
// inside fast-check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_INSTANT_MS } from "../../src/core/time.js";
import * as kit from "../../src/testing/arbitraries.js";

const LAST_FROM = MAX_INSTANT_MS - 1000 * 86_400_000;
type Make = (options?: unknown) => unknown;
const RANGED = {
  instant: kit.instant,
  consultationEvent: kit.consultationEvent,
  bookingEvent: kit.bookingEvent,
  newLead: kit.newLead,
  newClientHubRecord: kit.newClientHubRecord,
  clientHubEvent: kit.clientHubEvent,
  sheetEvent: kit.sheetEvent,
} as Record<string, Make>;
const LOGS = {
  consultationLog: kit.consultationLog,
  consultationState: kit.consultationState,
  bookingLog: kit.bookingLog,
  bookingState: kit.bookingState,
  callRecordState: kit.callRecordState,
  clientHubRecord: kit.clientHubRecord,
} as Record<string, Make>;

describe("the testing kit refuses impossible options with a RangeError naming them", () => {
  it("days far past year 9999 throws at once instead of hanging", () => {
    const started = Date.now();
    expect(() => kit.instant({ days: 8.64e15 })).toThrow(
      new RangeError(
        `instant: days must be a number from 0 to ${Math.floor((LAST_FROM - kit.DEFAULT_FROM) / 86_400_000)} (instants stay within year 9999), not 8640000000000000`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("every ranged arbitrary checks days and from, and names itself", () => {
    for (const [name, make] of Object.entries(RANGED)) {
      expect(() => make({ days: -1 }), name).toThrow(new RegExp(`^${name}: days must be a number from 0 to \\d+`));
      expect(() => make({ days: Number.NaN }), name).toThrow(RangeError);
      expect(() => make({ days: "7" }), name).toThrow(/days must be a number/);
      expect(() => make({ from: 1.5 }), name).toThrow(
        new RangeError(
          `${name}: from must be epoch milliseconds (an integer) from -62167219200000 to ${LAST_FROM}, not 1.5`,
        ),
      );
      expect(() => make({ from: LAST_FROM + 1 }), name).toThrow(RangeError);
      expect(() => make(null), name).toThrow(new RangeError(`${name}: options must be an object, not null`));
      expect(() => make({ from: LAST_FROM, days: 0 }), name).not.toThrow();
    }
  });

  it("every log arbitrary checks maxLength and from", () => {
    for (const [name, make] of Object.entries(LOGS)) {
      expect(() => make({ maxLength: -1 }), name).toThrow(
        new RangeError(`${name}: maxLength must be an integer from 0 to 2147483647, not -1`),
      );
      expect(() => make({ maxLength: 2 ** 31 }), name).toThrow(RangeError);
      expect(() => make({ maxLength: 2.5 }), name).toThrow(RangeError);
      expect(() => make({ from: Number.POSITIVE_INFINITY }), name).toThrow(/from must be epoch milliseconds/);
      expect(() => make([]), name).toThrow(new RangeError(`${name}: options must be an object, not an array of 0`));
      expect(() => make({ maxLength: 0 }), name).not.toThrow();
    }
  });

  it("callFacts and loggedCall check their instant", () => {
    expect(() => kit.callFacts(8.64e15)).toThrow(
      new RangeError(
        `callFacts: at must be epoch milliseconds (an integer) from -62167219200000 to ${LAST_FROM}, not 8640000000000000`,
      ),
    );
    expect(() => kit.loggedCall(Number.NaN)).toThrow(/^loggedCall: at must be epoch milliseconds/);
  });

  it("the edges of the range still generate instants the library reads", () => {
    const late = fc.sample(kit.instant({ from: LAST_FROM - 1000 * 86_400_000, days: 1000 }), 20);
    expect(late.every((at) => Date.parse(at) <= MAX_INSTANT_MS)).toBe(true);
    const early = fc.sample(kit.instant({ from: -62_167_219_200_000, days: 0 }), 3);
    expect(early).toEqual(["0000-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z"]);
  });
});
