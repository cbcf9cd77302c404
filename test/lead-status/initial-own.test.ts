// Issue 27, point 1: "a state the library itself returned is trusted". A new lead from `initial`
// is the lifecycle's own state, like every state a verb returns: frozen, and moved by the first
// verb it is given to without the stored-state check and the copy a state from outside gets.
import { describe, expect, it } from "vitest";
import { booking, consultation, consultationInitial } from "../../src/lead-status/index.js";

const at = "2026-11-02T09:00:00Z";

describe("a new lead is the lifecycle's own state", () => {
  it("consultation.initial and consultationInitial return a frozen state", () => {
    for (const lead of [consultation.initial(at), consultationInitial(at)]) {
      if (!lead.ok) throw new Error("unreachable");
      expect(Object.isFrozen(lead.value)).toBe(true);
      // The same state as before: only its brand and its freezing are new.
      expect(lead.value).toStrictEqual({
        lifecycle: "consultation",
        schemaVersion: 1,
        status: "new",
        updatedAt: "2026-11-02T09:00:00.000Z",
        followUp: null,
        transferableToCareCentre: null,
      });
    }
  });

  it("booking.initial returns a frozen state, its patient and appointments too", () => {
    const lead = booking.initial({ at, patient: { id: "p1", name: "Tim Cook" } });
    if (!lead.ok) throw new Error("unreachable");
    expect(Object.isFrozen(lead.value)).toBe(true);
    expect(Object.isFrozen(lead.value.patient)).toBe(true);
    expect(Object.isFrozen(lead.value.appointments)).toBe(true);
  });

  it("booking: a comment on a new lead keeps its patient object (trusted, not copied)", () => {
    // "Comment" keeps every other field of the state: the patient of a trusted state is carried
    // over as it is; a state from outside is copied first, so its patient would be a copy.
    const lead = booking.initial({ at, patient: { id: "p1", name: "Tim Cook" } });
    if (!lead.ok) throw new Error("unreachable");
    const event = { type: "commented", at: "2026-11-02T10:00:00Z", actor: "user", text: "called" } as const;
    const own = booking.transition(lead.value, event);
    if (!own.ok) throw new Error("unreachable");
    expect(own.value.state.patient).toBe(lead.value.patient);
    const outside = booking.transition({ ...lead.value }, event);
    if (!outside.ok) throw new Error("unreachable");
    expect(outside.value.state.patient).not.toBe(lead.value.patient);
    expect(outside.value.state).toStrictEqual(own.value.state);
  });

  it("a refused new lead has no state", () => {
    expect(consultation.initial("nope").ok).toBe(false);
    expect(booking.initial({ at, name: "" }).ok).toBe(false);
  });

  it("booking: a lead built from a getter that answers differently on its second read is not trusted", () => {
    // A host's input object whose patient id reads "p1" when checked and "" when copied: the lead
    // is not a state the parser reads back, so it is not branded, and its first verb refuses it.
    let reads = 0;
    const patient = {
      get id() {
        reads++;
        return reads === 1 ? "p1" : "";
      },
      name: "Tim Cook",
    };
    const lead = booking.initial({ at, patient });
    if (!lead.ok) throw new Error("unreachable");
    expect(lead.value.patient?.id).toBe("");
    expect(Object.isFrozen(lead.value)).toBe(false);
    const moved = booking.transition(lead.value, {
      type: "commented",
      at: "2026-11-02T10:00:00Z",
      actor: "user",
      text: "called",
    });
    expect(moved.ok ? undefined : moved.error.code).toBe("invalidState");
  });
});
