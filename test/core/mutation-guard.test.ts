// Pins the last-resort guard's two kinds of exception (an input's, answered; a host callback's,
// passed on) and the builders' option checks, where the mutation run found them unchecked.
import { describe, expect, it } from "vitest";
import { guard, guardCatches, guarded, guardMethods, hostCall } from "../../src/core/guard.js";
import { numberIn, requireOptions } from "../../src/core/options.js";

describe("guard and hostCall", () => {
  // guard.ts: "an exception thrown by a callback the host supplied … passes through every guard to the host, unchanged".
  it("passes on an exception of the host's callback, unchanged and uncounted", () => {
    const bug = new Error("host bug");
    const before = guardCatches();
    const f = guard(
      () =>
        hostCall(() => {
          throw bug;
        }),
      () => "answered",
    );
    expect(() => f()).toThrow(bug);
    expect(guardCatches()).toBe(before);
  });

  it("answers any other exception with the fallback and counts it", () => {
    const before = guardCatches();
    const throwing = (value: unknown) =>
      guarded(
        () => {
          throw value;
        },
        () => "answered",
      );
    expect(throwing(new Error("input"))).toBe("answered");
    expect(throwing(null)).toBe("answered");
    expect(throwing(7)).toBe("answered");
    expect(throwing("x")).toBe("answered");
    expect(guardCatches() - before).toBe(4);
  });

  it("passes on a host callback's thrown non-object as an Error whose cause is that value", () => {
    for (const value of [null, undefined, "x", 3]) {
      let thrown: unknown;
      try {
        guard(
          () =>
            hostCall(() => {
              throw value;
            }),
          () => "answered",
        )();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toBe(String(value));
      expect((thrown as Error).cause).toBe(value);
    }
  });

  it("guardMethods guards each listed method with its fallback, and leaves the others", () => {
    const g = guardMethods(
      {
        f: (o: { a: number }) => o.a,
        h: (o: { a: number }) => o.a,
      },
      { f: () => -1 },
    );
    expect(g.f(null as never)).toBe(-1);
    expect(g.f({ a: 2 })).toBe(2);
    expect(() => g.h(null as never)).toThrow(TypeError);
  });
});

describe("requireOptions and numberIn", () => {
  it("names an option that throws when read", () => {
    const options = {
      get limit(): number {
        throw new Error("no");
      },
    };
    expect(() => requireOptions("buildX", "options", options, [["limit", () => true, "anything"]])).toThrow(
      new TypeError("buildX: options.limit could not be read (a Proxy or a getter that throws?)"),
    );
    expect(() =>
      requireOptions("buildX", "options", { limit: 1 }, [
        [
          "limit",
          () => {
            throw new Error("no");
          },
          "anything",
        ],
      ]),
    ).toThrow(new TypeError("buildX: options.limit could not be read (a Proxy or a getter that throws?)"));
  });

  it("numberIn takes numbers from min to max, both included, and nothing else", () => {
    const test = numberIn(0, 10);
    expect([0, 0.5, 10].map(test)).toStrictEqual([true, true, true]);
    expect([-0.1, 10.1, "5", null, Number.NaN].map(test)).toStrictEqual([false, false, false, false, false]);
    expect(() => requireOptions("buildX", "options", { rate: "5" }, [["rate", test, "a number from 0 to 10"]])).toThrow(
      new TypeError('buildX: options.rate must be a number from 0 to 10, not "5"'),
    );
  });
});
