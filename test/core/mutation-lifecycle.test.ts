// Pins the lifecycle engine's documented answers where the mutation run found them unchecked: the
// last-resort guard's fallbacks, the stored-state refusals and their messages, the brand that
// spares a lifecycle's own states a second check, the ids a move keeps, and refold's order.
// A small lifecycle is defined here with the core API (not a preset), so the mutation run credits
// these tests with the engine code they run.
import { describe, expect, it } from "vitest";
import { guardCatches, UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import { createLifecycle, type LifecycleDefinition } from "../../src/core/lifecycle.js";

type S = "open" | "held" | "shut";
type A = "a" | "b";
type E =
  | { type: "note"; at: number | string; actor: A; id?: string }
  | { type: "shutIt"; at: number | string; actor: A; id?: string }
  | { type: "spoil"; at: number | string; actor: A; id?: string }
  | { type: "wipe"; at: number | string; actor: A; id?: string }
  | { type: "fork"; at: number | string; actor: A; id?: string }
  | { type: "hold"; at: number | string; actor: A; id?: string };
interface St {
  status: S;
  updatedAt: string;
  notes: number;
  flag?: string;
  meta?: { n: number } | null;
  appliedIds?: readonly string[];
}

const events: LifecycleDefinition<S, A, St, E, string>["events"] = {
  note: {
    from: "open",
    to: "same",
    by: ["b"],
    apply: (s, _, at) => ({ state: { ...s, updatedAt: at, notes: s.notes + 1 }, effects: [`note ${s.notes + 1}`] }),
  },
  shutIt: {
    from: ["open"],
    to: "shut",
    apply: (s, _, at) => ({ state: { ...s, status: "shut", updatedAt: at }, effects: ["shut"] }),
  },
  spoil: {
    from: "open",
    to: "same",
    by: ["a"],
    apply: (s, _, at) => ({ state: { ...s, updatedAt: at, flag: "bad" }, effects: [] }),
  },
  // Builds its state from scratch: the ids the record applied are not in it.
  wipe: {
    from: "open",
    to: "same",
    by: ["a"],
    apply: (s, _, at) => ({ state: { status: s.status, updatedAt: at, notes: 0, meta: { n: 1 } }, effects: [] }),
  },
  hold: {
    from: ["open"],
    to: "held",
    apply: (s, _, at) => ({ state: { ...s, status: "held", updatedAt: at, meta: { n: 0 } }, effects: [] }),
  },
  // A branching rule with no `by`: nobody may send it.
  fork: {
    from: ["open"],
    to: [{ to: "held", when: "always" }],
    apply: (s, _, at) => ({ state: { ...s, status: "held", updatedAt: at }, effects: [] }),
  },
};
const base: Omit<LifecycleDefinition<S, A, St, E, string>, "stateCheck"> = {
  name: "probe",
  initialStatus: "open",
  statuses: {
    open: { label: "Open", setBy: ["a", "b"], closes: false },
    held: { label: "Held", setBy: ["a"], closes: false },
    shut: { label: "Shut", setBy: ["a"], closes: true },
  },
  events,
  timers: [
    // Always due (even before the record's last change); builds its state without the ids.
    {
      from: "held",
      to: "open",
      label: "at once",
      dueAt: () => 0,
      apply: (s, at) => ({
        state: { status: "open", updatedAt: at, notes: s.notes, meta: s.meta },
        effects: ["released"],
      }),
    },
    // Due past the instant domain once notes reach 1000: never reached.
    {
      from: "open",
      to: "held",
      label: "never",
      dueAt: (s) => (s.notes >= 1000 ? 9e15 : Number.NaN),
      apply: (s, at) => ({ state: { ...s, status: "held", updatedAt: at }, effects: [] }),
    },
  ],
};
const stateCheck = (v: unknown): string | undefined => {
  const s = v as St;
  if (s.flag === "bad") return "flag";
  if (s.notes === -1) return "";
  if (s.meta === null) return "meta.x";
  if (s.meta?.n === -1) return "meta.n";
  return undefined;
};
const checked = () => createLifecycle<S, A, St, E, string>({ ...base, stateCheck });
const unchecked = () => createLifecycle<S, A, St, E, string>(base);

const T0 = "2020-01-01T00:00:00.000Z";
const MS0 = Date.parse(T0);
const open: St = { status: "open", updatedAt: T0, notes: 0 };
const hint = "(a stored state read without its parser?)";
const throwing = () =>
  new Proxy([] as never, {
    get() {
      throw new Error("no");
    },
  });
const unreadable = { code: "unreadable", message: UNREADABLE_MESSAGE, event: "", status: "", actor: "" };

describe("the last-resort guard's answers, per verb", () => {
  // docs/contract.md: a value that throws while it is read is answered with the documented "unreadable" value.
  it("answers a state or an event that throws when read with the unreadable value", () => {
    const life = checked();
    const state = throwing();
    const before = guardCatches();
    expect(life.transition(open, throwing())).toStrictEqual({ ok: false, error: unreadable });
    const advanced = life.advance(state, MS0);
    expect(advanced.state).toBe(state);
    expect(advanced.effects).toStrictEqual([]);
    expect(advanced.ignored).toStrictEqual(unreadable);
    expect(Object.keys(advanced)).toStrictEqual(["state", "effects", "ignored"]);
    expect(life.allowedEvents(state, "a")).toStrictEqual([]);
    expect(life.replay(open, throwing())).toStrictEqual({
      state: open,
      effects: [],
      rejected: [{ index: 0, rejection: unreadable }],
    });
    expect(life.refold(open, throwing())).toStrictEqual({
      state: open,
      effects: [],
      rejected: [{ index: 0, rejection: unreadable }],
      toCarryOut: [],
      noLongerHold: [],
      ignored: unreadable,
    });
    expect(life.nextDueAt(state)).toBeNull();
    expect(guardCatches() - before).toBe(6);
  });

  it("answers null or a state with no object in it with a documented refusal, not the guard's", () => {
    const life = checked();
    const before = guardCatches();
    const n = null as unknown as St;
    expect(life.transition(n, { type: "nope", at: 1, actor: "a" } as unknown as E)).toMatchObject({
      ok: false,
      error: { code: "unknownEvent", field: "type" },
    });
    expect(life.transition(n, { type: "note", at: 1, actor: "b", id: 5 } as unknown as E)).toMatchObject({
      ok: false,
      error: { code: "invalidId", field: "id" },
    });
    expect(life.transition(n, { type: "note", at: "never", actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "invalidInstant", field: "at" },
    });
    expect(life.advance(n, MS0).ignored).toMatchObject({ code: "invalidState", field: "status" });
    expect(life.refold(open, [null as unknown as E]).rejected).toMatchObject([
      { index: 0, rejection: { code: "unknownEvent" } },
    ]);
    expect(guardCatches()).toBe(before);
  });
});

describe("stored-state refusals", () => {
  // docs/errors.md: a stored state its parser refuses is answered with invalidState naming the field.
  it("names an unknown status, with an empty event and actor", () => {
    expect(checked().advance({ ...open, status: "nope" as S }, MS0).ignored).toStrictEqual({
      code: "invalidState",
      message: `status "nope" is not a status of the probe lifecycle ${hint}`,
      event: "",
      status: "nope",
      actor: "",
      field: "status",
    });
  });

  it("names the field the state's check refuses, and what it holds there", () => {
    const life = checked();
    expect(life.advance({ ...open, meta: { n: -1 } }, MS0).ignored).toStrictEqual({
      code: "invalidState",
      message: `meta.n: -1 is not what a probe state holds there ${hint}`,
      event: "",
      status: "open",
      actor: "",
      field: "meta.n",
    });
    // A path through null reads as undefined, never throws.
    const before = guardCatches();
    expect(life.advance({ ...open, meta: null }, MS0).ignored).toMatchObject({
      message: `meta.x: undefined is not what a probe state holds there ${hint}`,
      field: "meta.x",
    });
    expect(guardCatches()).toBe(before);
    const whole = { ...open, notes: -1 };
    const refusal = life.advance(whole, MS0).ignored;
    expect(refusal?.field).toBe("");
    expect(refusal?.message).toBe(`the state: an object is not what a probe state holds there ${hint}`);
  });

  it("refuses stored ids its parser refuses, and accepts valid ones", () => {
    const life = checked();
    expect(life.advance({ ...open, appliedIds: [1 as unknown as string] }, MS0).ignored).toMatchObject({
      code: "invalidState",
      field: "appliedIds",
      message: `appliedIds: an array of 1 is not what a probe state holds there ${hint}`,
    });
    expect(life.advance({ ...open, appliedIds: ["x"] }, MS0)).toStrictEqual({
      state: { ...open, appliedIds: ["x"] },
      effects: [],
      ignored: null,
    });
  });

  it("refuses a retried delivery to a spoiled stored state instead of calling it a duplicate", () => {
    const spoiled = { ...open, flag: "bad", appliedIds: ["x"] };
    expect(checked().transition(spoiled, { type: "note", at: MS0, actor: "b", id: "x" })).toMatchObject({
      ok: false,
      error: { code: "invalidState", field: "flag", event: "note", actor: "b" },
    });
  });

  it("checks the copy it moves: ids that read differently the second time are refused", () => {
    let reads = 0;
    const state = {
      ...open,
      get appliedIds() {
        reads++;
        return reads === 1 ? ["x"] : [1];
      },
    } as unknown as St;
    expect(checked().transition(state, { type: "note", at: MS0, actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "invalidState", field: "appliedIds" },
    });
  });
});

describe("the lifecycle's own states", () => {
  // A state the lifecycle built is sound by construction: the verbs do not check it again.
  it("moves its own state without checking it again, and checks a copy of it from outside", () => {
    const life = checked();
    const spoiled = life.transition(open, { type: "spoil", at: MS0, actor: "a" });
    expect(spoiled.ok).toBe(true);
    if (!spoiled.ok) return;
    const own = spoiled.value.state;
    expect(life.advance(own, MS0 + 1).ignored).toBeNull();
    expect(life.allowedEvents(own, "b")).toStrictEqual(["note"]);
    expect(life.transition(own, { type: "note", at: MS0 + 1, actor: "b" }).ok).toBe(true);
    // The same fields in a plain object are a stored state: checked.
    expect(life.transition({ ...own }, { type: "note", at: MS0 + 1, actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "invalidState", field: "flag" },
    });
    expect(life.advance({ ...own }, MS0 + 1).ignored).toMatchObject({ code: "invalidState", field: "flag" });
  });

  it("freezes what it builds all the way down, and leaves the caller's object as it was", () => {
    const life = checked();
    const mine = { ...open, meta: { n: 0 } };
    const r = life.transition(mine, { type: "wipe", at: MS0, actor: "a" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.isFrozen(r.value.state)).toBe(true);
    expect(Object.isFrozen(r.value.state.meta)).toBe(true);
    expect(Object.isFrozen(mine)).toBe(false);
    expect(Object.isFrozen(mine.meta)).toBe(false);
    expect(r.value.state.meta).not.toBe(mine.meta);
  });

  it("brands a timer's move of its own state, not of a state from outside", () => {
    const life = checked();
    const outside: St = { status: "held", updatedAt: T0, notes: 0, meta: { n: 0 } };
    const moved = life.advance(outside, MS0 + 5);
    expect(moved.state).toStrictEqual({
      status: "open",
      updatedAt: "1970-01-01T00:00:00.000Z",
      notes: 0,
      meta: { n: 0 },
    });
    // The move shares the caller's parts: they are not frozen under the caller.
    expect(Object.isFrozen(outside.meta)).toBe(false);
    expect(Object.isFrozen(moved.state)).toBe(false);
    const again = life.advance(moved.state, MS0 + 5);
    expect(again.ignored).toBeNull();
  });

  it("brands and freezes a timer's move of a state it built itself", () => {
    const life = checked();
    const step = life.transition(open, { type: "hold", at: MS0, actor: "a" });
    if (!step.ok) throw new Error("hold refused");
    const moved = life.advance(step.value.state, MS0 + 5);
    expect(moved.state).toStrictEqual({
      status: "open",
      updatedAt: "1970-01-01T00:00:00.000Z",
      notes: 0,
      meta: { n: 0 },
    });
    expect(moved.effects).toStrictEqual(["released"]);
    expect(Object.isFrozen(moved.state)).toBe(true);
  });

  it("without a state check, moves the caller's state as given (no copy)", () => {
    const when = new Date(0);
    const state = { ...open, when } as unknown as St;
    const r = unchecked().transition(state, { type: "note", at: MS0, actor: "b" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.value.state as unknown as { when: Date }).when).toBe(when);
    expect(Object.isFrozen(r.value.state)).toBe(false);
    // With a state check, the state is checked, copied (JSON) and frozen.
    const c = checked().transition(state, { type: "note", at: MS0, actor: "b" });
    if (!c.ok) throw new Error("note refused");
    expect((c.value.state as unknown as { when: unknown }).when).toBe("1970-01-01T00:00:00.000Z");
    expect(Object.isFrozen(c.value.state)).toBe(true);
  });
});

describe("the ids a record applied travel with it, whatever the move", () => {
  it("keeps the ids through a transition whose rule builds its state from scratch", () => {
    const r = checked().transition({ ...open, appliedIds: ["x"] }, { type: "wipe", at: MS0, actor: "a" });
    expect(r).toStrictEqual({
      ok: true,
      value: { state: { status: "open", updatedAt: T0, notes: 0, meta: { n: 1 }, appliedIds: ["x"] }, effects: [] },
    });
    // No ids: none are added (not even an undefined key).
    const none = checked().transition(open, { type: "wipe", at: MS0, actor: "a" });
    expect(none).toStrictEqual({
      ok: true,
      value: { state: { status: "open", updatedAt: T0, notes: 0, meta: { n: 1 } }, effects: [] },
    });
  });

  it("returns the state itself when no move is due, with or without ids", () => {
    const life = checked();
    for (const state of [open, { ...open, appliedIds: ["x"] }]) {
      const r = life.advance(state, MS0 + 1000);
      expect(r.state).toBe(state);
      expect(r.effects).toStrictEqual([]);
      expect(r.ignored).toBeNull();
    }
  });

  it("keeps the ids through a timer's move, and adds none to a record without", () => {
    const held: St = { status: "held", updatedAt: T0, notes: 2, appliedIds: ["x"] };
    expect(checked().advance(held, MS0).state).toStrictEqual({
      status: "open",
      updatedAt: "1970-01-01T00:00:00.000Z",
      notes: 2,
      meta: undefined,
      appliedIds: ["x"],
    });
    const bare: St = { status: "held", updatedAt: T0, notes: 2 };
    const moved = checked().advance(bare, MS0).state;
    expect(Object.keys(moved)).toStrictEqual(["status", "updatedAt", "notes", "meta"]);
  });
});

describe("refusals", () => {
  it("decides a refusal before it reads the instant for a status without timers", () => {
    // shut closes the record: refused as closed, whatever the instant.
    const shut: St = { ...open, status: "shut" };
    expect(checked().transition(shut, { type: "note", at: "never", actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "closed", event: "note", status: "shut", actor: "b" },
    });
    expect(checked().transition(shut, { type: "note", at: "never", actor: "b" }).ok).toBe(false);
  });

  it("answers the same refusal for the lifecycle's own actors with one frozen value", () => {
    const life = checked();
    const shut: St = { ...open, status: "shut" };
    const one = life.transition(shut, { type: "note", at: MS0, actor: "b" });
    const two = life.transition(shut, { type: "note", at: MS0 + 9, actor: "b" });
    expect(one).toBe(two);
    expect(Object.isFrozen(one)).toBe(true);
  });

  it("never takes an actor that only reads like one of the lifecycle's own for it", () => {
    const life = checked();
    expect(life.transition(open, { type: "note", at: MS0, actor: "b" }).ok).toBe(true);
    const lookalike = ["b"] as unknown as A;
    expect(life.transition(open, { type: "note", at: MS0, actor: lookalike })).toMatchObject({
      ok: false,
      error: { code: "actorNotPermitted", field: "actor" },
    });
  });

  it("lets nobody send a branching event with no senders of its own", () => {
    const life = checked();
    expect(life.transition(open, { type: "fork", at: MS0, actor: "a" })).toMatchObject({
      ok: false,
      error: { code: "actorNotPermitted", message: "a may not send fork: only  may" },
    });
    expect(life.allowedEvents(open, "a")).not.toContain("fork");
  });
});

describe("the order check and states that are not objects", () => {
  // domain rules: an event before the record's last change is outOfOrder — compared as instants, not as text.
  it("compares a last change stored with an offset as an instant", () => {
    const offset = { ...open, updatedAt: "2020-01-01T05:00:00+05:00" };
    expect(unchecked().transition(offset, { type: "note", at: MS0 + 3_600_000, actor: "b" }).ok).toBe(true);
    expect(unchecked().transition(offset, { type: "note", at: MS0 - 1, actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "outOfOrder", field: "at" },
    });
  });

  it("refuses a state that is not an object with a documented answer, not the guard's", () => {
    const before = guardCatches();
    expect(checked().transition(5 as unknown as St, { type: "note", at: MS0, actor: "b" })).toMatchObject({
      ok: false,
      error: { code: "unknownStatus", field: "status" },
    });
    expect(checked().allowedEvents(null as unknown as St, "a", "never")).toStrictEqual([]);
    expect(guardCatches()).toBe(before);
  });
});

describe("allowedEvents and nextDueAt", () => {
  it("answers from the state as it stands when now is before the last change", () => {
    // advance ignores such a now (outOfOrder): the events are those of the unmoved state.
    const held: St = { status: "held", updatedAt: new Date(MS0 + 100).toISOString(), notes: 0 };
    expect(checked().advance(held, MS0 + 50).ignored).toMatchObject({ code: "outOfOrder", field: "now" });
    expect(checked().allowedEvents(held, "b", MS0 + 50)).toStrictEqual(["note"]);
    expect(checked().allowedEvents(held, "b", "never")).toStrictEqual(["note"]);
  });

  it("answers [] for a state of an unknown status with an unusable now, without the guard", () => {
    const before = guardCatches();
    expect(checked().allowedEvents({ ...open, status: "nope" as S }, "a", "never")).toStrictEqual([]);
    expect(guardCatches()).toBe(before);
  });

  it("answers null for a status without timers and for a due instant past the domain", () => {
    const before = guardCatches();
    expect(checked().nextDueAt({ ...open, status: "shut" })).toBeNull();
    expect(checked().nextDueAt({ ...open, notes: 1000 })).toBeNull();
    expect(checked().nextDueAt({ ...open, status: "held" })).toBe(T0);
    expect(guardCatches()).toBe(before);
  });
});

describe("refold", () => {
  it("skips an id met again in one log, even when its first delivery was refused", () => {
    const r = checked().refold(open, [
      { type: "shutIt", at: MS0, actor: "b", id: "x" },
      { type: "shutIt", at: MS0 + 1, actor: "a", id: "x" },
    ]);
    expect(r.rejected).toMatchObject([{ index: 0, rejection: { code: "actorNotPermitted" } }]);
    expect(r.state).toStrictEqual(open);
  });

  it("folds events of one instant and no id in the order logged", () => {
    const r = checked().refold(open, [
      { type: "note", at: MS0 + 1, actor: "b" },
      { type: "shutIt", at: MS0 + 1, actor: "a" },
      { type: "note", at: MS0, actor: "b" },
    ]);
    expect(r.effects).toStrictEqual(["note 1", "note 2", "shut"]);
    expect(r.rejected).toStrictEqual([]);
    const s = checked().refold(open, [
      { type: "shutIt", at: MS0 + 1, actor: "a" },
      { type: "note", at: MS0 + 1, actor: "b" },
      { type: "note", at: MS0 + 1, actor: "b" },
    ]);
    expect(s.effects).toStrictEqual(["shut"]);
    expect(s.rejected.map((x) => x.index)).toStrictEqual([1, 2]);
  });

  it("folds events of one instant by id, whatever order they arrived in", () => {
    const r = checked().refold(open, [
      { type: "note", at: MS0, actor: "b", id: "b" },
      { type: "shutIt", at: MS0, actor: "a", id: "a" },
    ]);
    expect(r.effects).toStrictEqual(["shut"]);
    expect(r.rejected.map((x) => x.index)).toStrictEqual([0]);
  });
});
