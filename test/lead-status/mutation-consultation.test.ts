// The consultation lifecycle, pinned where mutation testing found it unjudged: the check of a
// stored state that skipped its parser (which states it accepts, which it refuses and the field it
// names), the guards of `initial` and `label`, the follow-up limit and the Out of Area hint of a
// tuned lifecycle, and the diagram's start and timer.
//
// Each verdict is asked of a lifecycle built in the test (`buildConsultation`,
// `createConsultationLifecycle`) as well as of the preset: the preset's rules are built once, on
// first use, so only a lifecycle built here is sure to run the rules under test in this test.
import { describe, expect, it } from "vitest";
import { stateDiagram } from "../../src/core/diagram.js";
import {
  buildConsultation,
  CONSULTATION_DEFAULTS,
  type ConsultationEvent,
  type ConsultationLifecycle,
  type ConsultationState,
  consultation,
  consultationInitial,
} from "../../src/lead-status/consultation.js";
import { createConsultationLifecycle } from "../../src/lead-status/create.js";
import { HOUR, iso, unwrap, unwrapErr } from "../helpers.js";

const T0 = Date.parse("2026-11-02T09:00:00.000Z");
const AT = iso(T0);
const LATER = iso(T0 + HOUR);
const NOW = iso(T0 + 1000 * HOUR);

const lifecycles = (options: Partial<typeof CONSULTATION_DEFAULTS> = {}): [string, ConsultationLifecycle][] => [
  ["built", buildConsultation({ ...CONSULTATION_DEFAULTS, ...options })],
  ["created", unwrap(createConsultationLifecycle(options))],
  ...(Object.keys(options).length === 0 ? [["preset", consultation] as [string, ConsultationLifecycle]] : []),
];

// A state as a database row gives it back: plain JSON, not the lifecycle's own object.
const row = (extra: Partial<ConsultationState> = {}): ConsultationState =>
  JSON.parse(JSON.stringify({ ...unwrap(consultation.initial(AT)), ...extra }));
const round = (number: number): ConsultationState["followUp"] => ({ number, loggedAt: AT, dueAt: AT, notes: "n" });
const logged = (at = LATER): ConsultationEvent => ({ type: "followUpLogged", at, actor: "franchisee" });

const throwing = new Proxy(
  {},
  {
    get: () => {
      throw new Error("read");
    },
    has: () => {
      throw new Error("has");
    },
    getPrototypeOf: () => {
      throw new Error("prototype");
    },
  },
);
const UNREADABLE = {
  ok: false,
  error: {
    code: "invalidInput",
    issues: [{ path: "", code: "unreadable" }],
  },
};

describe("a stored consultation state that skipped its parser", () => {
  it("in a follow-up is moved on: the next follow-up continues the count", () => {
    // "From a follow-up it counts up (Follow up 1 → 2 …)"
    for (const [name, lifecycle] of lifecycles()) {
      const step = unwrap(lifecycle.transition(row({ status: "followUp", followUp: round(2) }), logged()));
      expect(step.state.followUp?.number, name).toBe(3);
      expect(step.effects, name).toEqual([{ type: "followUpTask", number: 3, dueAt: iso(T0 + 49 * HOUR), notes: "" }]);
    }
  });

  it("in a schedule move, with the round's follow-up or without one, is moved on", () => {
    // "the next follow-up continues the count … States stored before (a schedule move with
    // followUp: null) read as before: the next follow-up is 1."
    for (const [name, lifecycle] of lifecycles()) {
      const during = row({ status: "moveScheduleFollowUp", followUp: round(4) });
      expect(unwrap(lifecycle.transition(during, logged())).state.followUp?.number, name).toBe(5);
      const before = row({ status: "moveScheduleFollowUp", followUp: null });
      expect(unwrap(lifecycle.transition(before, logged())).state.followUp?.number, name).toBe(1);
    }
  });

  it("with a follow-up numbered below 1 is refused invalidState naming followUp.number", () => {
    // "FollowUp.number: 1 to the follow-up limit"
    for (const [name, lifecycle] of lifecycles()) {
      for (const number of [0, -1, 1.5]) {
        const bad = row({ status: "followUp", followUp: round(number) });
        expect(lifecycle.transition(bad, logged()), `${name} ${number}`).toMatchObject({
          ok: false,
          error: { code: "invalidState", field: "followUp.number" },
        });
        expect(lifecycle.advance(bad, NOW).ignored, name).toMatchObject({
          code: "invalidState",
          field: "followUp.number",
        });
      }
    }
  });

  it("in followUp without its follow-up, or elsewhere with one, is refused naming followUp", () => {
    // "present when status is followUp, and in moveScheduleFollowUp when the schedule move was made
    // during a round; null otherwise"
    for (const [name, lifecycle] of lifecycles()) {
      const missing = row({ status: "followUp", followUp: null });
      expect(lifecycle.transition(missing, logged()), name).toMatchObject({
        ok: false,
        error: { code: "invalidState", field: "followUp", status: "followUp" },
      });
      expect(lifecycle.advance(missing, NOW), name).toMatchObject({
        state: missing,
        effects: [],
        ignored: { code: "invalidState", field: "followUp" },
      });
      for (const status of ["new", "consultationCancelled"] as const) {
        const stray = row({ status, followUp: round(1) });
        expect(lifecycle.transition(stray, logged()), `${name} ${status}`).toMatchObject({
          ok: false,
          error: { code: "invalidState", field: "followUp" },
        });
      }
    }
  });

  it("holds a transfer hint exactly when Out of Area: otherwise refused naming transferableToCareCentre", () => {
    // "Out of Area stores transferableToCareCentre (from the event, else the outOfAreaTransferable option)"
    for (const [name, lifecycle] of lifecycles()) {
      for (const hint of [true, false]) {
        const kept = row({ status: "outOfArea", transferableToCareCentre: hint });
        expect(lifecycle.advance(kept, NOW), `${name} ${hint}`).toMatchObject({ state: kept, ignored: null });
        // A closed lead: the event is refused `closed`, not the state.
        expect(lifecycle.transition(kept, logged()), name).toMatchObject({ ok: false, error: { code: "closed" } });
      }
      const missing = row({ status: "outOfArea", transferableToCareCentre: null });
      expect(lifecycle.advance(missing, NOW).ignored, name).toMatchObject({
        code: "invalidState",
        field: "transferableToCareCentre",
      });
      const stray = row({ status: "new", transferableToCareCentre: true });
      expect(lifecycle.transition(stray, logged()), name).toMatchObject({
        ok: false,
        error: { code: "invalidState", field: "transferableToCareCentre" },
      });
    }
  });

  it("Out of Area with its hint is moved when the options let the closed status accept an event", () => {
    // "Closed leads accept nothing (code: "closed"), unless your options say otherwise (closedAccepts)"
    for (const [name, lifecycle] of lifecycles({ closedAccepts: { outOfArea: ["consultationBooked"] } })) {
      const booked = { type: "consultationBooked", at: LATER, actor: "system" } as const;
      const kept = row({ status: "outOfArea", transferableToCareCentre: true });
      expect(unwrap(lifecycle.transition(kept, booked)).state.status, name).toBe("consultationBooked");
      expect(lifecycle.transition(row({ status: "outOfArea" }), booked), name).toMatchObject({
        ok: false,
        error: { code: "invalidState", field: "transferableToCareCentre" },
      });
    }
  });
});

describe("initial and label are guarded: a value that throws when read gets the documented answer", () => {
  it("initial answers an invalidInput whose one issue is unreadable", () => {
    // "an issue { path: "", code: "unreadable" } of an invalidInput"
    for (const [name, lifecycle] of lifecycles()) {
      const answer = lifecycle.initial(throwing as never);
      expect(answer, name).toMatchObject(UNREADABLE);
      expect(unwrapErr(answer).message, name).toMatch(/^Invalid consultation lead: /);
    }
    expect(consultationInitial(throwing as never)).toMatchObject(UNREADABLE);
    expect(unwrapErr(consultationInitial(throwing as never)).message).toMatch(/^Invalid consultation lead: /);
  });

  it("label answers the empty text", () => {
    // "Readers of the library's own values (label, …) … answer as for nothing ("")"
    for (const [name, lifecycle] of lifecycles()) expect(lifecycle.label(throwing as never), name).toBe("");
  });

  it("and a readable value is answered as usual", () => {
    // "The label to show for a state: "Follow up 3" for the third follow-up."
    for (const [name, lifecycle] of lifecycles()) {
      expect(lifecycle.initial(AT), name).toEqual({ ok: true, value: row() });
      expect(lifecycle.label(row({ status: "followUp", followUp: round(3) })), name).toBe("Follow up 3");
    }
  });
});

describe("a tuned lifecycle", () => {
  it("refuses the follow-up after its limit with followUpLimitReached", () => {
    // "There is no Follow up 7: the seventh is refused with followUpLimitReached" (limit tuned to 2)
    for (const [name, lifecycle] of lifecycles({ followUpLimit: 2 })) {
      const replayed = lifecycle.replay(unwrap(lifecycle.initial(AT)), [logged(AT), logged()]);
      expect(replayed.rejected, name).toEqual([]);
      const second = replayed.state;
      expect(second.followUp?.number, name).toBe(2);
      expect(lifecycle.transition(second, logged(iso(T0 + 2 * HOUR))), name).toMatchObject({
        ok: false,
        error: { code: "followUpLimitReached", event: "followUpLogged", status: "followUp" },
      });
    }
  });

  it("refuses an Out of Area event whose transfer hint is not a boolean, naming the field", () => {
    // "transition refuses, naming the field, every event value its parser refuses"
    for (const [name, lifecycle] of lifecycles({ outOfAreaTransferable: true })) {
      const event = { type: "markedOutOfArea", at: LATER, actor: "franchisee", transferableToCareCentre: "yes" };
      expect(lifecycle.transition(unwrap(lifecycle.initial(AT)), event as never), name).toMatchObject({
        ok: false,
        error: { code: "invalidEvent", field: "transferableToCareCentre" },
      });
      const given = { ...event, transferableToCareCentre: false } as ConsultationEvent;
      expect(unwrap(lifecycle.transition(unwrap(lifecycle.initial(AT)), given)).state.transferableToCareCentre).toBe(
        false,
      );
    }
  });

  it("draws its diagram from New, with the automatic Cold after its own limit and delay", () => {
    // "Cold, automatically. At Follow up 6 …, once 2 hours have passed since its due time" (tuned: 4, 3 h)
    for (const [name, lifecycle] of lifecycles({ followUpLimit: 4, coldAfterHours: 3 })) {
      const diagram = stateDiagram(lifecycle.definition).split("\n");
      expect(diagram, name).toContain("  [*] --> new");
      expect(diagram, name).toContain("  followUp --> cold : markedCold, 3 h after follow up 4 is due");
      expect(diagram, name).toContain("  moveScheduleFollowUp --> cold : markedCold, 3 h after follow up 4 is due");
    }
  });
});
