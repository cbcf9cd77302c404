import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildConsultation,
  CONSULTATION_DEFAULTS,
  CONSULTATION_STATUSES,
  type ConsultationEvent,
  type ConsultationLifecycle,
  type ConsultationState,
  consultation,
} from "../../src/lead-status/consultation.js";
import { parseConsultationEvent, parseConsultationState } from "../../src/lead-status/schema.js";
import { deepFreeze, unwrap } from "../helpers.js";
import { runs } from "../setup.js";
import {
  CONSULTATION_EVENT_TYPES,
  consultationEventAt,
  consultationLog,
  HOUR,
  hostileEvent,
  T0,
} from "./arbitraries.js";

const start = (lifecycle: ConsultationLifecycle = consultation): ConsultationState => unwrap(lifecycle.initial(T0));
const reach = (events: readonly ConsultationEvent[], lifecycle = consultation): ConsultationState =>
  lifecycle.replay(start(lifecycle), events).state;
const lastAt = (events: readonly ConsultationEvent[]): number => (events.length === 0 ? T0 : Number(events.at(-1)?.at));
const options = fc.record({
  followUpLimit: fc.integer({ min: 1, max: 8 }),
  followUpDueAfterHours: fc.integer({ min: 0, max: 72 }),
  coldAfterHours: fc.integer({ min: 0, max: 5 }),
});

describe("consultation properties", () => {
  it("no (state, event) pair throws, and a refusal leaves the state as it was", () => {
    fc.assert(
      fc.property(consultationLog(), hostileEvent, (log, event) => {
        const state = deepFreeze(reach(log));
        const before = JSON.stringify(state);
        const result = consultation.transition(state, event as ConsultationEvent);
        expect(JSON.stringify(state)).toBe(before);
        if (!result.ok) expect(typeof result.error.message).toBe("string");
      }),
    );
  });

  it("closed statuses absorb every event", () => {
    const closing = CONSULTATION_EVENT_TYPES.filter((t) => t.startsWith("marked") && t !== "markedCold");
    fc.assert(
      fc.property(
        consultationLog(10),
        fc.constantFrom(...closing, "cancelledAndDnc", "enrolmentCompleted"),
        (log, closer) => {
          const at = lastAt(log);
          const closed = consultation.transition(reach(log), {
            type: closer,
            at,
            actor: closer === "enrolmentCompleted" ? "system" : "careCentre",
          });
          fc.pre(closed.ok);
          if (!closed.ok) return;
          const state = closed.value.state;
          expect(CONSULTATION_STATUSES[state.status].closes).toBe(true);
          for (const type of CONSULTATION_EVENT_TYPES) {
            for (const actor of ["system", "franchisee", "careCentre"] as const) {
              const result = consultation.transition(state, { type, at: at + 1000 * HOUR, actor });
              expect(result.ok).toBe(false);
              if (!result.ok) expect(result.error.code).toBe("closed");
            }
          }
          expect(consultation.advance(state, at + 10_000 * HOUR).state).toBe(state);
        },
      ),
    );
  });

  it("the follow-up number never exceeds the limit, whatever the options", () => {
    fc.assert(
      fc.property(options, consultationLog(60), (opts, log) => {
        const lifecycle = buildConsultation({ ...CONSULTATION_DEFAULTS, ...opts });
        let state = start(lifecycle);
        for (const event of log) {
          const result = lifecycle.transition(state, event);
          if (result.ok) state = result.value.state;
          expect(state.followUp?.number ?? 0).toBeLessThanOrEqual(opts.followUpLimit);
        }
      }),
    );
  });

  it("advance is idempotent at a fixed now and never moves a lead backwards in time", () => {
    fc.assert(
      fc.property(options, consultationLog(), fc.integer({ min: -100 * HOUR, max: 2000 * HOUR }), (opts, log, dt) => {
        const lifecycle = buildConsultation({ ...CONSULTATION_DEFAULTS, ...opts });
        const state = reach(log, lifecycle);
        const now = lastAt(log) + dt;
        const once = lifecycle.advance(state, now);
        const twice = lifecycle.advance(once.state, now);
        expect(twice.state).toEqual(once.state);
        expect(twice.effects).toEqual([]);
        const before = Date.parse(state.updatedAt);
        const after = Date.parse(once.state.updatedAt);
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after).toBeLessThanOrEqual(Math.max(now, before));
        if (now < before) expect(once.state).toBe(state);
      }),
    );
  });

  it("advancing to t1 then t2 equals advancing straight to t2", () => {
    fc.assert(
      fc.property(consultationLog(), fc.nat(300 * HOUR), fc.nat(300 * HOUR), (log, a, b) => {
        const state = reach(log);
        const t1 = lastAt(log) + Math.min(a, b);
        const t2 = lastAt(log) + Math.max(a, b);
        const stepwise = consultation.advance(consultation.advance(state, t1).state, t2);
        expect(stepwise.state).toEqual(consultation.advance(state, t2).state);
      }),
    );
  });

  it("replay(log) equals folding transition", () => {
    fc.assert(
      fc.property(consultationLog(), (log) => {
        let state = start();
        const effects: unknown[] = [];
        const rejected: number[] = [];
        log.forEach((event, index) => {
          const result = consultation.transition(state, event);
          if (result.ok) {
            state = result.value.state;
            effects.push(...result.value.effects);
          } else rejected.push(index);
        });
        const replayed = consultation.replay(start(), log);
        expect(replayed.state).toEqual(state);
        expect(replayed.effects).toEqual(effects);
        expect(replayed.rejected.map((r) => r.index)).toEqual(rejected);
      }),
    );
  });

  it("an accepted event leads to the status its table row names, and only allowed events are accepted", () => {
    fc.assert(
      fc.property(consultationLog(), fc.nat(), (log, seed) => {
        const state = reach(log);
        const at = lastAt(log);
        const event = fc.sample(consultationEventAt(at), { seed, numRuns: 1 })[0] as ConsultationEvent;
        const result = consultation.transition(state, event);
        const allowed = consultation.allowedEvents(state, event.actor, at);
        if (result.ok) {
          expect(result.value.state.status).toBe(consultation.definition.events[event.type].to);
          expect(allowed).toContain(event.type);
        } else if (result.error.code !== "invalidDueAt") {
          expect(allowed).not.toContain(event.type);
        }
      }),
    );
  });

  it("states and events survive a JSON round trip through the parsers", () => {
    fc.assert(
      fc.property(consultationLog(), (log) => {
        const state = reach(log);
        expect(unwrap(parseConsultationState(JSON.parse(JSON.stringify(state))))).toEqual(state);
        for (const event of log) {
          const parsed = unwrap(parseConsultationEvent(JSON.parse(JSON.stringify(event))));
          expect(Date.parse(String(parsed.at))).toBe(event.at);
        }
      }),
    );
  });

  it("deep-frozen inputs are never mutated", () => {
    fc.assert(
      fc.property(consultationLog(), (log) => {
        const frozen = deepFreeze(structuredClone(log));
        const before = JSON.stringify(frozen);
        consultation.replay(deepFreeze(start()), frozen);
        consultation.advance(deepFreeze(reach(log)), T0 + 10_000 * HOUR);
        expect(JSON.stringify(frozen)).toBe(before);
      }),
    );
  });
});

// Model-based: a deliberately naive reference model of the rule book, driven by fc.commands.
interface Model {
  status: string;
  followUp: number;
  dueMs: number;
  now: number;
}
interface Real {
  state: ConsultationState;
}
const LIMIT = 6;
// A schedule move ("Move/Schedule Follow Up for") keeps the round: the count and the due time.
const IN_ROUND = new Set(["followUp", "moveScheduleFollowUp"]);
const coldAt = (m: Model): number =>
  IN_ROUND.has(m.status) && m.followUp >= LIMIT ? m.dueMs + 2 * HOUR : Number.POSITIVE_INFINITY;
const settle = (m: Model, at: number): void => {
  if (at >= coldAt(m)) {
    m.status = "cold";
    m.followUp = 0;
  }
  m.now = at;
};
const CLOSED = new Set(["consultationCancelledDnc", "unserviceable", "outOfArea", "dnc", "lost", "sold"]);

class Wait implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    const at = m.now + this.ms;
    settle(m, at);
    r.state = consultation.advance(r.state, at).state;
    expect(r.state.status).toBe(m.status);
  }
  toString = (): string => `wait(${this.ms / HOUR}h)`;
}

class Send implements fc.Command<Model, Real> {
  constructor(
    readonly type: ConsultationEvent["type"],
    readonly actor: ConsultationEvent["actor"],
  ) {}
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    settle(m, m.now);
    const expected = this.expect(m);
    const previous = m.status;
    const result = consultation.transition(r.state, {
      type: this.type,
      at: m.now,
      actor: this.actor,
    } as ConsultationEvent);
    expect(result.ok).toBe(expected !== undefined);
    if (result.ok && expected !== undefined) {
      r.state = result.value.state;
      m.status = expected;
      if (expected === "followUp") {
        m.followUp += 1;
        m.dueMs = m.now + 48 * HOUR;
      } else if (!(expected === "moveScheduleFollowUp" && IN_ROUND.has(previous))) m.followUp = 0;
      expect(r.state.status).toBe(m.status);
      expect(r.state.followUp?.number ?? 0).toBe(m.followUp);
    }
  }
  // The rule book, restated independently of the tables.
  private expect(m: Model): string | undefined {
    if (CLOSED.has(m.status)) return undefined;
    const user = this.actor !== "system";
    const cc = this.actor === "careCentre";
    const s = m.status;
    switch (this.type) {
      case "consultationBooked":
        return !user && ["new", "followUp", "consultationCancelled", "moveScheduleFollowUp", "cold"].includes(s)
          ? "consultationBooked"
          : undefined;
      case "consultationRescheduled":
        return !user && ["consultationBooked", "consultationRescheduled"].includes(s)
          ? "consultationRescheduled"
          : undefined;
      case "consultationCancelled":
        return !user && ["consultationBooked", "consultationRescheduled"].includes(s)
          ? "consultationCancelled"
          : undefined;
      case "followUpLogged":
        return user &&
          ["new", "consultationCancelled", "moveScheduleFollowUp", "followUp"].includes(s) &&
          m.followUp < LIMIT
          ? "followUp"
          : undefined;
      case "followUpScheduleMoved":
        return cc ? "moveScheduleFollowUp" : undefined;
      case "cancelledAndDnc":
        return cc ? "consultationCancelledDnc" : undefined;
      case "markedUnserviceable":
        return user ? "unserviceable" : undefined;
      case "markedOutOfArea":
        return user ? "outOfArea" : undefined;
      case "markedDnc":
        return user ? "dnc" : undefined;
      case "markedLost":
        return user ? "lost" : undefined;
      case "markedCold":
        return s !== "cold" ? "cold" : undefined;
      case "enrolmentCompleted":
        return !user ? "sold" : undefined;
    }
  }
  toString = (): string => `${this.type}(${this.actor})`;
}

describe("consultation model-based sequences", () => {
  it("agree with a simple reference model of the rule book", () => {
    const commands = [
      fc.integer({ min: 0, max: 60 * HOUR }).map((ms) => new Wait(ms)),
      fc
        .tuple(
          fc.constantFrom(...CONSULTATION_EVENT_TYPES),
          fc.constantFrom("system", "franchisee", "careCentre" as const),
        )
        .map(([type, actor]) => new Send(type, actor)),
      fc.constantFrom("franchisee", "careCentre" as const).map((actor) => new Send("followUpLogged", actor)),
    ];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        fc.modelRun(
          () => ({ model: { status: "new", followUp: 0, dueMs: 0, now: T0 }, real: { state: start() } }),
          cmds,
        );
      }),
      { numRuns: runs(200) },
    );
  });
});

// "Care Center status, if you are moving schedule" moves the schedule of the current round; it never
// restarts the count, so "if you have done the 6 follow ups, 2 hours after the schedule called,
// system will update the status" holds however many schedule moves come between.
describe("follow-ups across Care Center schedule moves", () => {
  it("the count goes on across any moves, follow-up 7 is refused, and the lead goes cold 2 h after 6 is due", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 30 * HOUR }), { minLength: 30, maxLength: 30 }),
        (moves, gaps) => {
          let state = start();
          let at = T0;
          let gap = 0;
          const next = () => {
            at += gaps[gap++ % gaps.length] as number;
            return at;
          };
          for (let n = 1; n <= 6; n++) {
            // Moves come before follow-up n: within the round, none restarts it.
            for (let k = 0; k < (moves[n - 1] as number); k++) {
              state = unwrap(
                consultation.transition(state, { type: "followUpScheduleMoved", at: next(), actor: "careCentre" }),
              ).state;
              if (state.status === "cold") return; // the sixth was due and 2 h passed: checked below
            }
            const logged = consultation.transition(state, {
              type: "followUpLogged",
              at: next(),
              actor: "careCentre",
              dueAt: at + 48 * HOUR,
            });
            state = unwrap(logged).state;
            expect(state.followUp?.number).toBe(n);
          }
          const due = Date.parse(state.followUp?.dueAt ?? "");
          // More moves after the sixth: still follow-up 6, no seventh, cold at due + 2 h.
          for (const extra of moves) {
            const moveAt = at + extra * HOUR;
            if (moveAt >= due + 2 * HOUR) break;
            at = moveAt;
            state = unwrap(
              consultation.transition(state, { type: "followUpScheduleMoved", at, actor: "careCentre" }),
            ).state;
            expect(state.followUp?.number).toBe(6);
          }
          const seventh = consultation.transition(state, { type: "followUpLogged", at, actor: "careCentre" });
          expect(seventh.ok || seventh.error.code).toBe("followUpLimitReached");
          expect(consultation.advance(state, due + 2 * HOUR - 1).state.status).not.toBe("cold");
          expect(consultation.advance(state, due + 2 * HOUR).state.status).toBe("cold");
        },
      ),
    );
  });
});
