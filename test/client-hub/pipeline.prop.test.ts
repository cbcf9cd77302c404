import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CALL_OUTCOMES,
  CHECK_IN_STAGES,
  CLIENT_HUB_DEFAULTS,
  CLIENT_HUB_STAGES,
  type ClientHubCall,
  type ClientHubEffect,
  type ClientHubEvent,
  type ClientHubRecord,
  type ClientHubStage,
  type ContactRatio,
  clientHub,
} from "../../src/client-hub/pipeline.js";
import { parseClientHubRecord } from "../../src/client-hub/schema.js";
import { deepFreeze, unwrap } from "../helpers.js";

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-01T09:00:00Z");
const ZONES = ["UTC", "America/New_York", "Europe/London", "Australia/Sydney"] as const;
const RANK: Record<ClientHubStage, number> = {
  completed: 0,
  callPreparation: 1,
  call1: 2,
  call2: 3,
  call3: 4,
  summaryOfCall: 5,
  unsuccessfulCall: 5,
};

const ratio: fc.Arbitrary<ContactRatio> = fc.constantFrom(...CLIENT_HUB_DEFAULTS.contactRatios);
const record: fc.Arbitrary<ClientHubRecord> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    offset: fc.integer({ min: 0, max: 400 * DAY }),
    ratio,
    nextIn: fc.option(fc.integer({ min: -10, max: 120 }), { nil: undefined }),
  })
  .map(({ zone, offset, ratio, nextIn }) => {
    const at = T0 + offset;
    const next = nextIn === undefined ? undefined : new Date(at + nextIn * DAY).toISOString().slice(0, 10);
    return unwrap(
      clientHub.initial({
        subscriptionId: "s",
        contactId: "c",
        at,
        timeZone: zone,
        contactRatio: ratio,
        nextContactDate: next,
      }),
    );
  });

const loggedCall: fc.Arbitrary<ClientHubCall> = fc.record(
  {
    outcome: fc.constantFrom(...CALL_OUTCOMES),
    callType: fc.constantFrom("Check In - Call", "Check In - WhatsApp", "Other"),
    direction: fc.constantFrom("inbound" as const, "outbound" as const),
    finalAttempt: fc.boolean(),
  },
  { requiredKeys: ["outcome", "callType", "direction"] },
);

/** One step of a random history: let time pass, or something happens (at the current time). */
type Action =
  | { readonly kind: "wait"; readonly ms: number }
  | { readonly kind: "event"; readonly event: (at: number) => ClientHubEvent };
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 * DAY }).map((ms) => ({ kind: "wait" as const, ms })) },
  {
    weight: 4,
    arbitrary: fc.tuple(loggedCall, fc.constantFrom("owner" as const, "system" as const)).map(([call, actor]) => ({
      kind: "event" as const,
      event: (at: number) => ({ type: "callLogged" as const, at, actor, ...call }),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      kind: "event" as const,
      event: (at: number) => ({ type: "emailedInstead" as const, at, actor: "owner" as const }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.option(ratio, { nil: undefined }).map((r) => ({
      kind: "event" as const,
      event: (at: number): ClientHubEvent =>
        r === undefined
          ? { type: "taskCompleted", at, actor: "owner" }
          : { type: "taskCompleted", at, actor: "owner", contactRatio: r },
    })),
  },
  {
    weight: 1,
    arbitrary: ratio.map((r) => ({
      kind: "event" as const,
      event: (at: number): ClientHubEvent => ({ type: "contactRatioSet", at, actor: "owner", contactRatio: r }),
    })),
  },
);

interface Trace {
  readonly states: ClientHubRecord[];
  readonly effects: ClientHubEffect[][];
}

/** Plays a history, recording every state reached and the effects of each step. */
function play(start: ClientHubRecord, actions: readonly Action[]): Trace {
  let now = Date.parse(start.updatedAt);
  let state = start;
  const states = [state];
  const effects: ClientHubEffect[][] = [];
  for (const a of actions) {
    if (a.kind === "wait") {
      now += a.ms;
      const step = clientHub.advance(state, now);
      state = step.state;
      effects.push([...step.effects]);
    } else {
      const result = clientHub.transition(state, a.event(now));
      if (!result.ok) continue;
      state = result.value.state;
      effects.push([...result.value.effects]);
    }
    states.push(state);
  }
  return { states, effects };
}

const tasks = (effects: readonly ClientHubEffect[]): string[] =>
  effects.flatMap((e) => (e.type === "task" ? [e.task] : []));

describe("client-hub properties", () => {
  it("advance is idempotent at a fixed now", () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 0, max: 200 * DAY }), (start, later) => {
        const now = Date.parse(start.updatedAt) + later;
        const once = clientHub.advance(start, now);
        expect(clientHub.advance(once.state, now)).toEqual({ state: once.state, effects: [], ignored: null });
      }),
    );
  });

  it("advancing to t1 then t2 equals advancing straight to t2: same state, same effects in total", () => {
    fc.assert(
      fc.property(
        record,
        fc.integer({ min: 0, max: 60 * DAY }),
        fc.integer({ min: 0, max: 60 * DAY }),
        (start, a, b) => {
          const t0 = Date.parse(start.updatedAt);
          const [t1, t2] = a <= b ? [t0 + a, t0 + b] : [t0 + b, t0 + a];
          const first = clientHub.advance(start, t1);
          const second = clientHub.advance(first.state, t2);
          const direct = clientHub.advance(start, t2);
          expect(second.state).toEqual(direct.state);
          expect([...first.effects, ...second.effects]).toEqual(direct.effects);
        },
      ),
    );
  });

  it("stages only move forward within a cycle, and every task is emitted exactly once per cycle", () => {
    fc.assert(
      fc.property(record, fc.array(action, { maxLength: 40 }), (start, actions) => {
        const { states, effects } = play(start, actions);
        let cycleTasks = new Set<string>();
        for (let i = 1; i < states.length; i++) {
          const before = states[i - 1] as ClientHubRecord;
          const after = states[i] as ClientHubRecord;
          const step = effects[i - 1] as ClientHubEffect[];
          if (after.status === before.status) {
            expect(tasks(step)).toEqual([]);
          } else if (after.status === "completed") {
            // a cycle ends only through the task, which sends the NPS survey
            expect(["summaryOfCall", "unsuccessfulCall"]).toContain(before.status);
            expect(step).toEqual([{ type: "sendNpsSurvey" }]);
          } else {
            expect(RANK[after.status]).toBeGreaterThan(RANK[before.status]);
          }
          for (const t of tasks(step)) {
            expect(cycleTasks.has(t)).toBe(false);
            cycleTasks.add(t);
          }
          if (after.status === "completed" && before.status !== "completed") cycleTasks = new Set();
          expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
        }
      }),
    );
  });

  it("every state reached survives a JSON round trip and parses back as itself", () => {
    fc.assert(
      fc.property(record, fc.array(action, { maxLength: 30 }), (start, actions) => {
        for (const state of play(start, actions).states) {
          const copy = JSON.parse(JSON.stringify(state));
          expect(copy).toEqual(state);
          expect(unwrap(parseClientHubRecord(copy))).toEqual(state);
        }
      }),
    );
  });

  it("no input is mutated, and a refusal leaves the record as it was", () => {
    fc.assert(
      fc.property(
        record,
        fc.array(action, { maxLength: 20 }),
        action,
        fc.integer({ min: -5 * DAY, max: 30 * DAY }),
        (start, actions, last, dt) => {
          const state = deepFreeze(play(start, actions).states.at(-1) as ClientHubRecord);
          const snapshot = JSON.stringify(state);
          const at = Date.parse(state.updatedAt) + dt;
          clientHub.advance(state, at);
          if (last.kind === "event") {
            const event = deepFreeze(last.event(at));
            const result = clientHub.transition(state, event);
            if (!result.ok) expect(typeof result.error.message).toBe("string");
            if (dt < 0) expect(result.ok).toBe(false);
          }
          expect(JSON.stringify(state)).toBe(snapshot);
        },
      ),
    );
  });

  it("never throws, whatever the record and the event", () => {
    const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.object());
    const hostileRecord = fc.record({
      lifecycle: fc.constant("clientHub"),
      schemaVersion: fc.constant(1),
      subscriptionId: fc.string(),
      contactId: fc.string(),
      status: fc.oneof(fc.constantFrom(...(Object.keys(CLIENT_HUB_STAGES) as ClientHubStage[])), fc.string()),
      updatedAt: fc.oneof(fc.constant("2026-01-01T00:00:00.000Z"), fc.string()),
      timeZone: fc.oneof(fc.constantFrom(...ZONES), fc.string()),
      contactRatio: fc.oneof(ratio, fc.record({ count: fc.integer(), unit: fc.string() })),
      lastContactAt: fc.oneof(fc.constant("2026-01-01T00:00:00.000Z"), fc.string()),
      nextContactDate: fc.oneof(fc.constant("2026-02-01"), fc.string()),
    });
    const hostileEvent = fc.record({
      type: fc.oneof(fc.constantFrom("callLogged", "emailedInstead", "taskCompleted", "contactRatioSet"), fc.string()),
      at: fc.oneof(fc.integer({ min: T0, max: T0 + 400 * DAY }), junk),
      actor: fc.oneof(fc.constantFrom("owner", "system"), junk),
      outcome: fc.oneof(fc.constantFrom(...CALL_OUTCOMES), junk),
      callType: fc.oneof(fc.constant("Check In - Call"), junk),
      finalAttempt: fc.oneof(fc.boolean(), junk),
      contactRatio: fc.oneof(ratio, junk),
    });
    fc.assert(
      fc.property(hostileRecord, hostileEvent, junk, (state, event, now) => {
        const r = state as unknown as ClientHubRecord;
        clientHub.advance(r, now as number);
        clientHub.allowedEvents(r, "owner", T0 + 30 * DAY);
        const result = clientHub.transition(r, event as unknown as ClientHubEvent);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        clientHub.label(r);
      }),
    );
  });
});

describe("client-hub model-based sequences", () => {
  interface Model {
    now: number;
  }
  interface Real {
    state: ClientHubRecord;
  }
  const predictCall = (stage: ClientHubStage, call: ClientHubCall): ClientHubStage | "refused" => {
    if (call.finalAttempt === true && stage !== "call3") return "refused";
    if (clientHub.isCheckIn(call))
      return (CHECK_IN_STAGES as readonly string[]).includes(stage) || stage === "unsuccessfulCall"
        ? "summaryOfCall"
        : stage;
    if (stage !== "call3") return stage;
    // In Call 3 a check-in that does not connect ends the attempts (or a call marked final).
    return call.finalAttempt === true || call.callType !== "Other" ? "unsuccessfulCall" : stage;
  };
  class Wait implements fc.Command<Model, Real> {
    constructor(readonly ms: number) {}
    check = (): boolean => true;
    run(m: Model, r: Real): void {
      m.now += this.ms;
      r.state = clientHub.advance(r.state, m.now).state;
    }
    toString = (): string => `wait ${this.ms}`;
  }
  class Call implements fc.Command<Model, Real> {
    constructor(readonly call: ClientHubCall) {}
    check = (): boolean => true;
    run(m: Model, r: Real): void {
      const stage = clientHub.advance(r.state, m.now).state.status;
      const expected = predictCall(stage, this.call);
      const result = clientHub.transition(r.state, { type: "callLogged", at: m.now, actor: "owner", ...this.call });
      if (expected === "refused") {
        expect(result.ok).toBe(false);
        return;
      }
      r.state = unwrap(result).state;
      expect(r.state.status).toBe(expected);
      if (expected === "unsuccessfulCall") expect(r.state.contactRatio).toEqual({ count: 1, unit: "month" });
    }
    toString = (): string => `call ${JSON.stringify(this.call)}`;
  }
  class Complete implements fc.Command<Model, Real> {
    check = (): boolean => true;
    run(m: Model, r: Real): void {
      const stage = clientHub.advance(r.state, m.now).state.status;
      const result = clientHub.transition(r.state, { type: "taskCompleted", at: m.now, actor: "owner" });
      const done = stage === "summaryOfCall" || stage === "unsuccessfulCall";
      expect(result.ok).toBe(done);
      if (!result.ok) return;
      expect(result.value.state.status).toBe("completed");
      expect(result.value.effects.at(-1)).toEqual({ type: "sendNpsSurvey" });
      // the next contact date is never before the day the cycle was measured from
      expect(result.value.state.nextContactDate >= result.value.state.lastContactAt.slice(0, 10)).toBe(true);
      r.state = result.value.state;
    }
    toString = (): string => "complete the task";
  }
  const commands = [
    fc.integer({ min: 0, max: 15 * DAY }).map((ms) => new Wait(ms)),
    loggedCall.map((c) => new Call(c)),
    fc.constant(new Complete()),
  ];

  it("calls, tasks and time agree with the rules at every step", () => {
    fc.assert(
      fc.property(record, fc.commands(commands, { maxCommands: 40 }), (start, cmds) => {
        fc.modelRun(() => ({ model: { now: Date.parse(start.updatedAt) }, real: { state: start } }), cmds);
      }),
    );
  });
});
