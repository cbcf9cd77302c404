// The engine's edges, pinned value by value: where a guard, a bound or a message has one exact
// answer, a test says it (the fuzz suite only checks that nothing throws).
import { describe, expect, it } from "vitest";
import { createLifecycle, type LifecycleDefinition, statusLabel } from "../../src/core/lifecycle.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../../src/core/time.js";

type S = "open" | "waiting" | "shut";
type A = "a" | "b" | "c";
type E = { type: "wait"; at: number | string; actor: A } | { type: "touch"; at: number | string; actor: A };
interface St {
  status: S;
  updatedAt: string;
  due: readonly number[];
}
const def: LifecycleDefinition<S, A, St, E, string> = {
  name: "edges",
  initialStatus: "open",
  statuses: {
    open: { label: "Open", setBy: ["a", "b"], closes: false },
    waiting: { label: "Waiting", setBy: ["a", "b"], closes: false },
    shut: { label: "Shut", setBy: [], closes: true },
  },
  events: {
    wait: {
      from: ["open"],
      to: "waiting",
      apply: (s, _, at) => ({ state: { ...s, status: "waiting", updatedAt: at }, effects: ["waiting"] }),
    },
    // `to: "same"` without `by`: nobody may send it.
    touch: { from: "open", to: "same", apply: (s, _, at) => ({ state: { ...s, updatedAt: at }, effects: [] }) },
  },
  // Two timers on one status: the earlier one is next, whichever is listed first.
  timers: [0, 1].map((i) => ({
    from: "waiting" as const,
    to: "shut" as const,
    label: `timer ${i}`,
    dueAt: (s: St) => s.due[i] ?? Number.NaN,
    apply: (s: St, at: string) => ({
      state: { ...s, status: "shut" as const, updatedAt: at },
      effects: [`timer ${i}`],
    }),
  })),
};
const edges = () => createLifecycle(def);
const iso = (ms: number): string => new Date(ms).toISOString();
const open = (): St => ({ status: "open", updatedAt: iso(0), due: [] });
const waiting = (due: number[], updatedAt = 0): St => ({ status: "waiting", updatedAt: iso(updatedAt), due });

describe("engine edges", () => {
  it('an event with `to: "same"` and no `by` is open to nobody, with the allowed list said', () => {
    expect(edges().transition(open(), { type: "touch", at: 1, actor: "a" })).toStrictEqual({
      ok: false,
      error: {
        code: "actorNotPermitted",
        message: "a may not send touch: only  may",
        event: "touch",
        status: "open",
        actor: "a",
        field: "actor",
      },
    });
    expect(edges().allowedEvents(open(), "a")).toEqual(["wait"]);
  });

  it("names every actor who may send an event, joined with or", () => {
    const refused = edges().transition(open(), { type: "wait", at: 1, actor: "c" });
    expect(refused.ok ? "" : refused.error.message).toBe("c may not send wait: only a or b may");
  });

  it("shows a long actor or status cut at 64 characters, a short one whole", () => {
    const at64 = "x".repeat(64);
    const message = (actor: string): string => {
      const r = edges().transition(open(), { type: "wait", at: 1, actor: actor as A });
      return r.ok ? "" : r.error.message;
    };
    expect(message(at64)).toBe(`${at64} may not send wait: only a or b may`);
    expect(message(`${at64}y`)).toBe(`${at64}… may not send wait: only a or b may`);
    expect(statusLabel(def.statuses, `${at64}z`)).toBe(`${at64}…`);
    expect(statusLabel(def.statuses, at64)).toBe(at64);
    expect(statusLabel(def.statuses, 7)).toBe("(number)");
    expect(statusLabel(def.statuses, null)).toBe("(null)");
  });

  it("a refusal without a field has no `field` key at all", () => {
    const r = edges().transition({ ...open(), status: "shut" }, { type: "wait", at: 1, actor: "a" });
    expect(r).toStrictEqual({
      ok: false,
      error: {
        code: "closed",
        message: '"Shut" closes the record: it accepts no wait event',
        event: "wait",
        status: "shut",
        actor: "a",
      },
    });
    expect(r.ok || "field" in r.error).toBe(false);
  });

  it("compares stored instants that are not canonical by their time, not their text", () => {
    // 10:00+02:00 is 08:00Z: an event at 09:00Z comes after it, though its text sorts first.
    const offset: St = { ...open(), updatedAt: "2026-11-23T10:00:00+02:00" };
    expect(edges().transition(offset, { type: "wait", at: "2026-11-23T09:00:00Z", actor: "a" }).ok).toBe(true);
    const refused = edges().transition(offset, { type: "wait", at: "2026-11-23T07:00:00Z", actor: "a" });
    expect(refused.ok ? "" : refused.error.message).toBe(
      "the event happened at 2026-11-23T07:00:00.000Z, before the last change at 2026-11-23T10:00:00+02:00",
    );
    // A state with no updatedAt at all (the engine does not check stored states: the parsers and
    // each lifecycle's guards do) has nothing to be out of order with; no crash.
    expect(edges().transition({ status: "open" } as never, { type: "wait", at: 1, actor: "a" }).ok).toBe(true);
  });

  it("a status or type that only pretends to be a string is unknown", () => {
    const pretender = { toString: () => "waiting" };
    const state = { ...waiting([5]), status: pretender } as never;
    expect(edges().advance(state, 100)).toMatchObject({
      state,
      effects: [],
      ignored: { code: "invalidState", field: "status" },
    });
    expect(edges().nextDueAt(state)).toBeNull();
    const r = edges().transition(open(), { type: { toString: () => "wait" }, at: 1, actor: "a" } as never);
    expect(r).toMatchObject({ ok: false, error: { code: "unknownEvent", field: "type" } });
    expect(edges().transition(null as never, { type: "wait", at: 1, actor: "a" })).toMatchObject({
      ok: false,
      error: { code: "unknownStatus", status: "(undefined)" },
    });
    expect(edges().transition({ status: 7 } as never, { type: "wait", at: 1, actor: "a" })).toMatchObject({
      ok: false,
      error: { code: "unknownStatus", status: "(number)" },
    });
  });

  it("the next due instant is the earliest armed timer's, whichever order they are listed in", () => {
    expect(edges().nextDueAt(waiting([10, 5]))).toBe(iso(5));
    expect(edges().nextDueAt(waiting([5, 10]))).toBe(iso(5));
    expect(edges().nextDueAt(waiting([Number.NaN, 7]))).toBe(iso(7));
    expect(edges().nextDueAt(waiting([7, Number.NaN]))).toBe(iso(7));
    expect(edges().nextDueAt(waiting([Number.NaN, Number.NaN]))).toBeNull();
    expect(edges().nextDueAt(open())).toBeNull();
    // Never before the last change: a timer due earlier fires at it.
    expect(edges().nextDueAt(waiting([5], 20))).toBe(iso(20));
    expect(edges().advance(waiting([10, 5]), 5)).toMatchObject({ state: { status: "shut" }, effects: ["timer 1"] });
  });

  it("the next due instant stays inside the instant domain, both ends included", () => {
    const first = waiting([MIN_INSTANT_MS], MIN_INSTANT_MS);
    expect(edges().nextDueAt(first)).toBe("0000-01-01T00:00:00.000Z");
    expect(edges().nextDueAt(waiting([MAX_INSTANT_MS]))).toBe("9999-12-31T23:59:59.999Z");
    expect(edges().nextDueAt(waiting([MAX_INSTANT_MS + 1]))).toBeNull();
    expect(edges().nextDueAt(waiting([8.64e15]))).toBeNull();
  });

  it("advance says why it ignored now, and only then", () => {
    expect(edges().advance(waiting([5]), 4)).toStrictEqual({ state: waiting([5]), effects: [], ignored: null });
    const late = waiting([5], 50);
    expect(edges().advance(late, 40).ignored?.code).toBe("outOfOrder");
    expect(edges().advance(late, 50)).toMatchObject({ state: { status: "shut" }, ignored: null });
    expect(edges().advance(open(), Number.POSITIVE_INFINITY).ignored?.code).toBe("invalidInstant");
    expect(edges().allowedEvents(late, "a", 40)).toEqual([]);
    expect(edges().allowedEvents(open(), "a", "not an instant")).toEqual(["wait"]);
  });
});
