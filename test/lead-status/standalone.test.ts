// The consultation preset's standalone verbs (issue 27, point 2): the same answers as the preset's
// methods, and one brand between them (each trusts the states the other built).
import { describe, expect, it } from "vitest";
import { consultation, consultationInitial, consultationTransition } from "../../src/lead-status/index.js";

const at = "2026-11-02T09:00:00Z";

describe("consultationTransition and consultationInitial", () => {
  it("answer as consultation.transition and consultation.initial do", () => {
    expect(consultationInitial(at)).toEqual(consultation.initial(at));
    expect(consultationInitial("nope")).toEqual(consultation.initial("nope"));
    const lead = consultationInitial(at);
    if (!lead.ok) throw new Error("unreachable");
    const events = [
      { type: "followUpLogged", at, actor: "franchisee" },
      { type: "consultationBooked", at, actor: "franchisee" },
      { type: "markedLost", at: "2026-11-01T09:00:00Z", actor: "careCentre" },
      { type: "nope", at, actor: "system" },
    ] as const;
    for (const event of events) {
      expect(consultationTransition(lead.value, event as never)).toEqual(
        consultation.transition(lead.value, event as never),
      );
    }
  });

  it("share the preset's brand: a state either built is frozen and moved by the other", () => {
    const lead = consultationInitial(at);
    if (!lead.ok) throw new Error("unreachable");
    const first = consultationTransition(lead.value, { type: "followUpLogged", at, actor: "franchisee" });
    if (!first.ok) throw new Error("unreachable");
    expect(Object.isFrozen(first.value.state)).toBe(true);
    const second = consultation.transition(first.value.state, {
      type: "followUpLogged",
      at: "2026-11-04T09:00:00Z",
      actor: "franchisee",
    });
    if (!second.ok) throw new Error("unreachable");
    expect(second.value.state.followUp?.number).toBe(2);
    const third = consultationTransition(second.value.state, {
      type: "markedCold",
      at: "2026-11-05T09:00:00Z",
      actor: "system",
    });
    expect(third.ok && third.value.state.status).toBe("cold");
  });

  it("check a stored state from outside before moving it, and answer a Proxy that throws as a value", () => {
    const spoiled = {
      lifecycle: "consultation",
      schemaVersion: 1,
      status: "new",
      updatedAt: at,
      followUp: 3,
      transferableToCareCentre: null,
    };
    const refused = consultationTransition(spoiled as never, { type: "markedCold", at, actor: "system" });
    expect(refused.ok ? undefined : refused.error.code).toBe("invalidState");
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
      },
    );
    const answer = consultationTransition(proxy as never, { type: "markedCold", at, actor: "system" });
    expect(answer.ok ? undefined : answer.error.code).toBe("unreadable");
    expect(consultationInitial(proxy as never).ok).toBe(false);
  });
});
