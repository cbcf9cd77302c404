// Issue 21: "A webhook retry of the same call applies twice … Events and facts have no identity."
// Rule book (Client Hub): "The same delivery applied twice (a webhook retry) changes nothing the
// second time and emits no effect; deliveries that arrive late converge to the record that
// in-order delivery gives."
import { describe, expect, it } from "vitest";
import { clientHub } from "../../src/client-hub/pipeline.js";
import {
  APPLIED_IDS_CAP,
  APPLIED_IDS_LIMIT,
  boundedEventId,
  effectDiff,
  isApplied,
  isEventId,
  MAX_EVENT_ID_LENGTH,
  remember,
} from "../../src/core/identity.js";
import { type BookingEvent, type BookingState, booking } from "../../src/lead-status/booking.js";
import { type ConsultationEvent, consultation } from "../../src/lead-status/consultation.js";
import { parseBookingState, parseClientHubRecord, parseConsultationState } from "../../src/parse/index.js";
import { startRecord } from "../client-hub/fixtures.js";
import { deepFreeze, unwrap, unwrapErr } from "../helpers.js";

const T0 = Date.parse("2026-03-02T09:00:00.000Z");
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const lead = (): BookingState => unwrap(booking.initial({ at: T0, name: "Tim" }));
const comment = (minutes: number, id?: string, text = `note ${minutes}`): BookingEvent => ({
  type: "commented",
  at: iso(T0 + minutes * MIN),
  actor: "user",
  text,
  callBackAt: iso(T0 + (minutes + 60) * MIN),
  ...(id === undefined ? {} : { id }),
});

describe("event ids: the pieces", () => {
  it("an id is a non-empty string of at most 200 characters", () => {
    expect(MAX_EVENT_ID_LENGTH).toBe(200);
    expect(isEventId("a")).toBe(true);
    expect(isEventId("x".repeat(200))).toBe(true);
    expect(isEventId("x".repeat(201))).toBe(false);
    expect(isEventId("")).toBe(false);
    expect(isEventId(7)).toBe(false);
    expect(isEventId(null)).toBe(false);
  });

  it("a state remembers the last 32 applied ids once time moves on, and every id of its current instant", () => {
    expect(APPLIED_IDS_LIMIT).toBe(32);
    expect(APPLIED_IDS_CAP).toBe(1000);
    expect(remember(undefined, "a", false)).toEqual(["a"]);
    expect(remember("not a list", "a", true)).toEqual(["a"]);
    const full = Array.from({ length: 32 }, (_, i) => `id${i}`);
    const next = remember(full, "new", false);
    expect(next).toHaveLength(32);
    expect(next[0]).toBe("id1");
    expect(next[31]).toBe("new");
    const almost = full.slice(0, 31);
    expect(remember(almost, "new", false)).toEqual([...almost, "new"]);
    // At the same instant nothing is forgotten (its redelivery would not be refused outOfOrder)…
    expect(remember(full, "new", true)).toEqual([...full, "new"]);
    // …up to the cap.
    const capped = Array.from({ length: 1000 }, (_, i) => `id${i}`);
    const over = remember(capped, "new", true);
    expect(over).toHaveLength(1000);
    expect([over[0], over[999]]).toEqual(["id1", "new"]);
    expect(remember(capped.slice(1), "new", true)).toHaveLength(1000);
  });

  it("a redelivery after 33 events at one instant is still a duplicate (found in review)", () => {
    const at = "2026-03-03T10:00:00.000Z";
    let state = lead();
    for (let i = 0; i <= 32; i++) {
      state = unwrap(
        booking.transition(state, { type: "commented", at, actor: "user", text: `c${i}`, id: `d${i}` }),
      ).state;
    }
    const again = unwrap(booking.transition(state, { type: "commented", at, actor: "user", text: "c0", id: "d0" }));
    expect(again).toMatchObject({ state, effects: [], duplicate: true });
    // Time moving on forgets all but the last 32, and the forgotten one is then refused outOfOrder.
    const later = unwrap(
      booking.transition(state, {
        type: "commented",
        at: "2026-03-03T10:00:00.001Z",
        actor: "user",
        text: "n",
        id: "n",
      }),
    ).state;
    expect(later.appliedIds).toHaveLength(32);
    expect(
      unwrapErr(booking.transition(later, { type: "commented", at, actor: "user", text: "c0", id: "d0" })).code,
    ).toBe("outOfOrder");
  });

  it("isApplied reads the state's ids, and nothing else", () => {
    expect(isApplied({ appliedIds: ["a", "b"] }, "b")).toBe(true);
    expect(isApplied({ appliedIds: ["a"] }, "b")).toBe(false);
    expect(isApplied({ appliedIds: [undefined] }, undefined)).toBe(false);
    expect(isApplied({ appliedIds: "ab" }, "a")).toBe(false);
    expect(isApplied(null, "a")).toBe(false);
  });

  it("effectDiff is a multiset difference, whatever the order of keys", () => {
    const a = { type: "task", task: "x", dueAt: "d" };
    const aReordered = { dueAt: "d", task: "x", type: "task" };
    const b = { type: "sendNpsSurvey" };
    expect(effectDiff([a, a, b], [aReordered])).toEqual({ toCarryOut: [a, b], noLongerHold: [] });
    expect(effectDiff([a], [a, a, b])).toEqual({ toCarryOut: [], noLongerHold: [a, b] });
    expect(effectDiff([], [])).toEqual({ toCarryOut: [], noLongerHold: [] });
    expect(effectDiff([[1, 2]], [[2, 1]])).toEqual({ toCarryOut: [[1, 2]], noLongerHold: [[2, 1]] });
    expect(effectDiff([null], [undefined])).toEqual({ toCarryOut: [null], noLongerHold: [undefined] });
  });
});

describe("transition: an id applied once is a no-op that says so", () => {
  it("the retry returns the record as it was, no effects, duplicate: true — not an error", () => {
    const first = unwrap(booking.transition(lead(), comment(0, "hs-1")));
    expect(first.state.appliedIds).toEqual(["hs-1"]);
    expect(first.effects).toHaveLength(1);
    expect(first.duplicate).toBeUndefined();
    const state = deepFreeze(first.state);
    const retry = booking.transition(state, comment(0, "hs-1"));
    expect(retry).toEqual({ ok: true, value: { state, effects: [], duplicate: true } });
    expect(unwrap(retry).state).toBe(state);
    // The id is the identity: a retry with another body is still the same delivery.
    expect(unwrap(booking.transition(state, comment(5, "hs-1"))).duplicate).toBe(true);
    // Even where the record would now refuse it (a closed lead), the retry is a duplicate.
    const lost = unwrap(
      booking.transition(state, { type: "markedLost", at: iso(T0 + MIN), actor: "user", id: "hs-2" }),
    );
    expect(unwrap(booking.transition(lost.state, comment(0, "hs-1"))).duplicate).toBe(true);
    expect(unwrapErr(booking.transition(lost.state, comment(2, "hs-3"))).code).toBe("closed");
  });

  it("an id that is not one is refused, naming the field", () => {
    expect(unwrapErr(booking.transition(lead(), comment(0, "")))).toEqual({
      code: "invalidId",
      message: "id must be a non-empty string of at most 200 characters",
      event: "commented",
      status: "lead",
      actor: "user",
      field: "id",
    });
    expect(unwrapErr(booking.transition(lead(), comment(0, "x".repeat(201)))).code).toBe("invalidId");
    expect(unwrap(booking.transition(lead(), comment(0, "x".repeat(200)))).state.appliedIds).toEqual(["x".repeat(200)]);
    const numeric = { ...comment(0), id: 42 } as unknown as BookingEvent;
    expect(unwrapErr(booking.transition(lead(), numeric)).field).toBe("id");
  });

  it("a refused event's id is not remembered: its retry is judged afresh", () => {
    const refused = comment(0, "hs-9");
    const lost = unwrap(booking.transition(lead(), { type: "markedLost", at: iso(T0), actor: "user" })).state;
    expect(unwrapErr(booking.transition(lost, refused)).code).toBe("closed");
    expect(lost.appliedIds).toBeUndefined();
  });

  it("events without an id keep the ids the record has; a record never given one has none", () => {
    const withId = unwrap(booking.transition(lead(), comment(0, "a"))).state;
    expect(unwrap(booking.transition(withId, comment(1))).state.appliedIds).toEqual(["a"]);
    expect("appliedIds" in unwrap(booking.transition(lead(), comment(1))).state).toBe(false);
  });

  it("beyond the last 32, an id is forgotten: its late retry falls on the order rule (outOfOrder)", () => {
    let state = lead();
    for (let i = 0; i <= 32; i++) state = unwrap(booking.transition(state, comment(i, `c${i}`))).state;
    expect(state.appliedIds).toHaveLength(32);
    expect(state.appliedIds?.[0]).toBe("c1");
    expect(unwrap(booking.transition(state, comment(1, "c1"))).duplicate).toBe(true);
    expect(unwrapErr(booking.transition(state, comment(0, "c0"))).code).toBe("outOfOrder");
  });

  it("the ids survive moves that build a new state, timers included (consultation's Cold lead)", () => {
    let state = unwrap(consultation.initial(T0));
    for (let n = 1; n <= 6; n++) {
      const event: ConsultationEvent = {
        type: "followUpLogged",
        at: iso(T0 + n * 60 * MIN),
        actor: "franchisee",
        id: `f${n}`,
      };
      state = unwrap(consultation.transition(state, event)).state;
    }
    expect(state.appliedIds).toEqual(["f1", "f2", "f3", "f4", "f5", "f6"]);
    const cold = consultation.advance(state, iso(T0 + 30 * 24 * 60 * MIN));
    expect(cold.state.status).toBe("cold");
    expect(cold.state.appliedIds).toEqual(state.appliedIds);
    const booked = unwrap(
      consultation.transition(cold.state, {
        type: "consultationBooked",
        at: iso(T0 + 31 * 24 * 60 * MIN),
        actor: "system",
      }),
    );
    expect(booked.state.appliedIds).toEqual(state.appliedIds);
    expect(parseConsultationState(JSON.parse(JSON.stringify(booked.state)))).toEqual({ ok: true, value: booked.state });
  });

  it("the parsers read the ids back, and refuse more than 1,000 or a bad one", () => {
    const state = unwrap(booking.transition(lead(), comment(0, "a"))).state;
    expect(parseBookingState(JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, value: state });
    const many = { ...state, appliedIds: Array.from({ length: 1001 }, (_, i) => `i${i}`) };
    expect(parseBookingState(many).ok).toBe(false);
    expect(parseBookingState({ ...state, appliedIds: [""] }).ok).toBe(false);
    expect(parseBookingState({ ...state, appliedIds: Array.from({ length: 1000 }, (_, i) => `i${i}`) }).ok).toBe(true);
  });
});

describe("refold: a record's log folded in at order from its snapshot", () => {
  // Issue 21: "a call backdated in HubSpot's Log Call form that arrives after a sweep is refused
  // outOfOrder with no documented recovery". Playbook: "On the final call, you will either log a
  // successful call outcome, or communicate with the client via email".
  it("a connected check-in backdated before a sweep: the record the in-order history gives, and the effects to redo", () => {
    const snapshot = startRecord();
    const swept = clientHub.advance(snapshot, "2026-02-26T08:00:00Z");
    expect(swept.state.status).toBe("unsuccessfulCall");
    const backdated = {
      type: "callLogged",
      at: "2026-02-24T10:00:00Z",
      actor: "owner",
      id: "hubspot-call-77",
      outcome: "Connected",
      callType: "Check In - Call",
      direction: "outbound",
    } as const;
    // Live, it is too late: the record moved on after the call happened.
    expect(unwrapErr(clientHub.transition(swept.state, backdated)).code).toBe("outOfOrder");
    const refolded = clientHub.refold(snapshot, [backdated], {
      carriedOut: swept.effects,
      now: "2026-02-26T08:00:00Z",
    });
    expect(refolded.state).toMatchObject({
      status: "summaryOfCall",
      updatedAt: "2026-02-24T10:00:00.000Z",
      appliedIds: ["hubspot-call-77"],
    });
    expect(refolded.rejected).toEqual([]);
    expect(refolded.toCarryOut).toEqual([
      {
        type: "task",
        task: "summariseCall",
        title: "Summarise the call and set the Contact Ratio",
        dueAt: "2026-02-24T10:00:00.000Z",
      },
    ]);
    expect(refolded.noLongerHold).toEqual([
      {
        type: "task",
        task: "unsuccessfulCallCheckInEmail",
        title: "Unsuccessful call - check in email",
        dueAt: "2026-02-25T00:00:00.000Z",
      },
    ]);
    expect(parseClientHubRecord(JSON.parse(JSON.stringify(refolded.state)))).toEqual({
      ok: true,
      value: refolded.state,
    });
  });

  it("sorts by instant, then id, then log order; drops later copies of an id; an invalid instant goes last", () => {
    const events: BookingEvent[] = [
      comment(20, "b"),
      comment(10, "z", "first at 10"),
      comment(10, "y"),
      comment(20, "b"),
      { ...comment(30), at: "not a time" },
      comment(30),
    ];
    const refolded = booking.refold(lead(), events);
    expect(refolded.state.appliedIds).toEqual(["y", "z", "b"]);
    expect(refolded.state.comment?.text).toBe("note 30");
    expect(refolded.rejected.map((r) => [r.index, r.rejection.code])).toEqual([[4, "invalidInstant"]]);
    expect(refolded.effects).toHaveLength(4);
    expect(refolded.toCarryOut).toEqual(refolded.effects);
    expect(refolded.noLongerHold).toEqual([]);
  });

  it("events at one instant without ids fold in log order", () => {
    const first = comment(5, undefined, "first");
    const second = comment(5, undefined, "second");
    expect(booking.refold(lead(), [second, first]).state.comment?.text).toBe("first");
    expect(booking.refold(lead(), [first, second]).state.comment?.text).toBe("second");
    // With ids, the id decides, whatever the order they came in.
    const a = comment(5, "a", "a");
    const b = comment(5, "b", "b");
    expect(booking.refold(lead(), [b, a]).state.comment?.text).toBe("b");
    expect(booking.refold(lead(), [a, b]).state.comment?.text).toBe("b");
  });

  it("without now it does not advance; ids the snapshot has applied are duplicates", () => {
    const snapshot = startRecord();
    const plain = clientHub.refold(snapshot, []);
    expect(plain).toEqual({
      state: snapshot,
      effects: [],
      rejected: [],
      toCarryOut: [],
      noLongerHold: [],
      ignored: null,
    });
    const applied = unwrap(booking.transition(lead(), comment(0, "a"))).state;
    const again = booking.refold(applied, [comment(0, "a")], { carriedOut: "not a list" as never });
    expect(again).toEqual({
      state: applied,
      effects: [],
      rejected: [],
      toCarryOut: [],
      noLongerHold: [],
      ignored: null,
    });
  });

  it("a log that is not a list is one invalidLog refusal, and the host's effects no longer hold", () => {
    const snapshot = lead();
    const done = [{ type: "callBack", at: iso(T0), note: "x" }] as const;
    const refolded = booking.refold(snapshot, null as never, { carriedOut: done });
    expect(refolded.state).toBe(snapshot);
    expect(refolded.rejected.map((r) => r.rejection.code)).toEqual(["invalidLog"]);
    expect(refolded.toCarryOut).toEqual([]);
    expect(refolded.noLongerHold).toEqual(done);
  });
});

describe("boundedEventId: an adapter's identity key as an event id", () => {
  it("keeps a key of at most 200 characters and hashes a longer one, the same way every time", () => {
    expect(boundedEventId("hubspot:call:1")).toBe("hubspot:call:1");
    expect(boundedEventId("k".repeat(200))).toBe("k".repeat(200));
    const long = boundedEventId("k".repeat(201));
    expect(long).toMatch(/^#[0-9a-f]{16}$/);
    expect(boundedEventId("k".repeat(201))).toBe(long);
    expect(boundedEventId(`${"k".repeat(200)}j`)).not.toBe(long);
    expect(boundedEventId(`j${"k".repeat(200)}`)).not.toBe(boundedEventId(`${"k".repeat(200)}j`));
    // Pinned: the id is stored, so the hash must never change between versions.
    expect(boundedEventId("a".repeat(300))).toBe("#279e8f01157fea97");
    expect(long).toBe("#82cb0fe28647df1c");
  });
});

// A list with a hole at 0, as a database driver or a careless host can build one.
const sparse = (): string[] => {
  const list: string[] = [];
  list[1] = "a";
  return list;
};

describe("a stored state with ids its parser refuses", () => {
  // Found in review: transition moved such a state and wrote the bad ids back.
  it("is refused invalidId naming appliedIds, and not moved", () => {
    for (const appliedIds of ["abc", null, [1, 2], [""], Array.from({ length: 1001 }, (_, i) => `i${i}`), sparse()]) {
      const stored = { ...lead(), appliedIds } as unknown as BookingState;
      const refused = unwrapErr(booking.transition(stored, comment(1, "x")));
      expect(refused).toMatchObject({ code: "invalidId", field: "appliedIds" });
      expect(refused.message).toContain("appliedIds must be a list of at most 1000 event ids");
      expect(unwrapErr(booking.transition(stored, comment(1))).code).toBe("invalidId");
    }
    const fine = { ...lead(), appliedIds: Array.from({ length: 1000 }, (_, i) => `i${i}`) };
    expect(booking.transition(fine, comment(1, "x")).ok).toBe(true);
  });
});

describe("refold with what a host's store hands back", () => {
  // Found in review: a BigInt or a cycle in carriedOut threw, and an invalid now left no trace.
  it("compares any carried-out effects without throwing, and says why it did not advance to now", () => {
    const cyclic: Record<string, unknown> = { type: "callBack" };
    cyclic.self = cyclic;
    const done = [{ type: "x", n: 10n }, cyclic, Symbol.for("s"), () => 1] as never[];
    const folded = booking.refold(lead(), [comment(1, "a")], { carriedOut: done, now: "not an instant" });
    expect(folded.noLongerHold).toEqual(done);
    expect(folded.ignored).toMatchObject({ code: "invalidInstant" });
    expect(booking.refold(lead(), [comment(1, "a")], { now: T0 + 60_000 }).ignored).toBeNull();
    expect(booking.refold(lead(), [comment(1, "a")]).ignored).toBeNull();
    // Equal values in different key orders, BigInts included, still match one for one.
    expect(effectDiff([{ a: 1n, b: [1] }], [{ b: [1], a: 1n }])).toEqual({ toCarryOut: [], noLongerHold: [] });
    expect(effectDiff([{ a: 1n }], [{ a: 2n }]).toCarryOut).toEqual([{ a: 1n }]);
  });
});

describe("replay of a sparse log", () => {
  // Found with the duplicate scan: replay walked its log with forEach, which skips holes silently.
  it("refuses a hole at its index instead of skipping it", () => {
    const log: BookingEvent[] = [];
    log[1] = comment(1);
    const replayed = booking.replay(lead(), log);
    expect(replayed.rejected.map((r) => [r.index, r.rejection.code])).toEqual([[0, "unknownEvent"]]);
    expect(replayed.state.updatedAt).toBe(new Date(T0 + 60_000).toISOString());
  });
});
