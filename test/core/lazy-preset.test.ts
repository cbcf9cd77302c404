// The built-in presets (consultation, booking, clientHub, callRecord) are built on first use, not
// when their module loads: importing leadrules/lead-status builds nothing, and the first call pays
// the build once. These tests pin what a caller sees: the same keys and values as a preset built
// eagerly, one build, frozen all the way down.
import { describe, expect, it } from "vitest";
import { buildCallRecord, callRecord, DEFAULT_CAMPAIGN } from "../../src/call-result/index.js";
import { buildClientHub, CLIENT_HUB_DEFAULTS, clientHub } from "../../src/client-hub/index.js";
import { lazyPreset } from "../../src/core/freeze.js";
import {
  BOOKING_DEFAULTS,
  booking,
  buildBooking,
  buildConsultation,
  CONSULTATION_DEFAULTS,
  consultation,
} from "../../src/lead-status/index.js";

describe("lazyPreset", () => {
  it("builds nothing until a property is read, then builds once and reads through", () => {
    let builds = 0;
    const preset = lazyPreset(
      () => {
        builds++;
        return { size: 2, twice: (n: number): number => n * 2 };
      },
      ["size"],
      ["twice"],
    );
    expect(builds).toBe(0);
    expect(Object.keys(preset)).toEqual(["size", "twice"]);
    expect(preset.size).toBe(2);
    expect(preset.twice(4)).toBe(8);
    const { twice } = preset;
    expect(twice(5)).toBe(10);
    expect(builds).toBe(1);
  });

  it("the shell and what it built are frozen: an assignment throws and changes nothing", () => {
    const preset = lazyPreset(() => ({ table: { a: 1 } }), ["table"], []);
    expect(Object.isFrozen(preset)).toBe(true);
    expect(Object.isFrozen(preset.table)).toBe(true);
    expect(() => {
      (preset as { table: unknown }).table = {};
    }).toThrow(TypeError);
    expect(() => {
      (preset.table as { a: number }).a = 2;
    }).toThrow(TypeError);
    expect(preset.table).toEqual({ a: 1 });
  });

  it("each built-in preset has exactly the keys, options and tables of the eagerly built one", () => {
    const pairs: [string, object, object][] = [
      ["consultation", consultation, buildConsultation(CONSULTATION_DEFAULTS)],
      ["booking", booking, buildBooking(BOOKING_DEFAULTS)],
      ["clientHub", clientHub, buildClientHub(CLIENT_HUB_DEFAULTS)],
      ["callRecord", callRecord, buildCallRecord(DEFAULT_CAMPAIGN)],
    ];
    for (const [name, lazy, eager] of pairs) {
      expect(Object.keys(lazy), name).toEqual(Object.keys(eager));
      for (const [key, value] of Object.entries(eager)) {
        const got = (lazy as Record<string, unknown>)[key];
        expect(typeof got, `${name}.${key}`).toBe(typeof value);
        // The definition holds the rules' closures: compare what JSON can see of it.
        if (typeof value !== "function") expect(JSON.stringify(got), `${name}.${key}`).toBe(JSON.stringify(value));
      }
    }
  });
});
