// toIso formats years 1970–9999 by integer arithmetic (issue 27: every accepted event formats one
// or two instants); it must agree with Date#toISOString everywhere, fractions and edges included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_INSTANT_MS, MIN_INSTANT_MS, toIso } from "../../src/core/time.js";

describe("toIso agrees with Date#toISOString", () => {
  it("on every instant of the domain, whole or fractional", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }),
          fc.double({ min: 0, max: MAX_INSTANT_MS, noNaN: true }),
        ),
        (ms) => {
          expect(toIso(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("at the edges: the epoch, -0, leap days, the last millisecond, and throws on NaN as before", () => {
    for (const ms of [0, -0, -1, 951_782_400_000, 951_868_799_999, 4_107_542_400_000, MAX_INSTANT_MS, MIN_INSTANT_MS]) {
      expect(toIso(ms)).toBe(new Date(ms).toISOString());
    }
    expect(() => toIso(Number.NaN)).toThrow(RangeError);
  });
});
