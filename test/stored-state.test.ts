// A stored state that skipped its parser is refused, never moved (issue 20, point 1a), and a value
// that throws when read is answered by the last-resort guard with `unreadable` (point 1b). The deep
// fuzz (test/deep-fuzz.test.ts) plants values at every path; these examples pin each lifecycle's
// state check field by field, in the tests mutation testing runs.
import { describe, expect, it } from "vitest";
import { callRecord } from "../src/call-result/record.js";
import { clientHub } from "../src/client-hub/pipeline.js";
import { guardCatches, hostCall } from "../src/core/guard.js";
import { booking } from "../src/lead-status/booking.js";
import { consultation } from "../src/lead-status/consultation.js";

const AT = "2026-11-02T09:00:00.000Z";
const LATER = "2026-11-03T09:00:00.000Z";

interface Verbs {
  transition(state: never, event: never): { ok: boolean; error?: { code: string; field?: string } };
  advance(
    state: never,
    now: string,
  ): { state: unknown; effects: readonly unknown[]; ignored: { code: string; field?: string } | null };
  allowedEvents(state: never, actor: never, now?: string): readonly string[];
  nextDueAt(state: never): string | null;
}

function stateOf<T>(r: { ok: boolean; value?: T; error?: { message: string } }): T {
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}

// Each lifecycle, a valid state, an event it accepts from that state, an actor, and the fields to
// spoil (every field of the stored state, plus a nested one where the state has nesting).
function cases(): [string, Verbs, Record<string, unknown>, Record<string, unknown>, string, string[]][] {
  const lead = stateOf(consultation.initial(AT)) as unknown as Record<string, unknown>;
  const followUp = consultation.transition(lead as never, { type: "followUpLogged", at: AT, actor: "franchisee" });
  const inFollowUp = (followUp.ok ? followUp.value.state : lead) as unknown as Record<string, unknown>;
  const bookingLead = stateOf(booking.initial({ at: AT, patient: { id: "p1", name: "Ann" } })) as unknown as Record<
    string,
    unknown
  >;
  const record = stateOf(callRecord.initial(AT)) as unknown as Record<string, unknown>;
  const hub = stateOf(
    clientHub.initial({ subscriptionId: "s", contactId: "c", at: AT, timeZone: "Europe/London" }),
  ) as unknown as Record<string, unknown>;
  return [
    [
      "consultation",
      consultation as unknown as Verbs,
      inFollowUp,
      { type: "markedLost", at: LATER, actor: "franchisee" },
      "franchisee",
      [...Object.keys(inFollowUp).filter((k) => k !== "status"), "followUp.number", "followUp.dueAt"],
    ],
    [
      "booking",
      booking as unknown as Verbs,
      bookingLead,
      { type: "markedLost", at: LATER, actor: "user" },
      "user",
      Object.keys(bookingLead).filter((k) => k !== "status"),
    ],
    [
      "call record",
      callRecord as unknown as Verbs,
      record,
      {
        type: "callLogged",
        actor: "agent",
        at: LATER,
        lastContact: "decisionMaker",
        result: "emailOnly",
        callBackAt: null,
        task: null,
        blocked: false,
      },
      "agent",
      Object.keys(record).filter((k) => k !== "status"),
    ],
    [
      "Client Hub",
      clientHub as unknown as Verbs,
      hub,
      { type: "contactRatioSet", at: LATER, actor: "owner", contactRatio: { count: 1, unit: "month" } },
      "owner",
      Object.keys(hub).filter((k) => k !== "status"),
    ],
  ];
}

function spoil(state: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, tail] = path.split(".") as [string, string | undefined];
  if (tail === undefined) return { ...state, [head]: value };
  return { ...state, [head]: { ...(state[head] as object), [tail]: value } };
}

describe("a stored state that skipped its parser is refused, never moved", () => {
  it("every field of every lifecycle's state: transition refuses it naming the field, advance moves nothing", () => {
    for (const [name, lifecycle, state, event, actor, fields] of cases()) {
      expect(lifecycle.transition(state as never, event as never).ok, `${name}: the valid state`).toBe(true);
      for (const field of fields) {
        for (const value of [Symbol("s"), 10n, { nested: true }]) {
          const bad = spoil(state, field, value);
          const refused = lifecycle.transition(bad as never, event as never);
          const code = field === "appliedIds" ? "invalidId" : "invalidState";
          expect(refused, `${name} ${field}`).toMatchObject({ ok: false, error: { code } });
          // The field at fault, or a key inside it (an object planted where a value belongs).
          expect(`${refused.error?.field}.`.startsWith(`${field}.`), `${name} ${field}: ${refused.error?.field}`).toBe(
            true,
          );
          const moved = lifecycle.advance(bad as never, "2030-01-01T00:00:00Z");
          expect(moved.state, `${name} ${field}: advance returns it as it was`).toBe(bad);
          expect(moved.effects).toEqual([]);
          expect(`${moved.ignored?.field}.`.startsWith(`${field}.`), `${name} ${field}`).toBe(true);
          expect(lifecycle.allowedEvents(bad as never, actor as never)).toEqual([]);
          expect(lifecycle.allowedEvents(bad as never, actor as never, LATER)).toEqual([]);
          expect(lifecycle.nextDueAt(bad as never)).toBeNull();
        }
      }
    }
  });

  it("a state that throws when read is answered `unreadable` by the guard, and each answer is counted", () => {
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error("read");
        },
        has: () => {
          throw new Error("has");
        },
      },
    );
    for (const [name, lifecycle, , event] of cases()) {
      const before = guardCatches();
      expect(lifecycle.transition(proxy as never, event as never), name).toMatchObject({
        ok: false,
        error: { code: "unreadable" },
      });
      expect(lifecycle.advance(proxy as never, LATER).ignored, name).toMatchObject({ code: "unreadable" });
      expect(lifecycle.nextDueAt(proxy as never)).toBeNull();
      expect(guardCatches(), name).toBeGreaterThan(before);
    }
  });
});

describe("hostCall: the host's own exceptions pass through the guard", () => {
  it("an error thrown by the host's callback reaches the host unchanged; a thrown text becomes an Error with it as cause", () => {
    const bug = new Error("bug in the host");
    expect(() =>
      hostCall(() => {
        throw bug;
      }),
    ).toThrow(bug);
    try {
      hostCall(() => {
        throw "text";
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).cause).toBe("text");
    }
    expect(hostCall((n: number) => n * 2, 21)).toBe(42);
  });
});

describe("Client Hub: a zone is stored canonical (issue 19, one zone model)", () => {
  it("a stored record in another spelling is refused by the verbs; its parser reads it back canonical", async () => {
    const { parseClientHubRecord } = await import("../src/parse/index.js");
    const made = clientHub.initial({ subscriptionId: "s", contactId: "c", at: AT, timeZone: "America/Santiago" });
    if (!made.ok) throw new Error(made.error.message);
    const spelled = { ...made.value, timeZone: "america/santiago" };
    const event = {
      type: "contactRatioSet",
      at: LATER,
      actor: "owner",
      contactRatio: { count: 1, unit: "month" },
    } as const;
    expect(clientHub.transition(spelled, event)).toMatchObject({
      ok: false,
      error: { code: "invalidState", field: "timeZone" },
    });
    expect(clientHub.advance(spelled, "2030-01-01T00:00:00Z").state).toBe(spelled);
    const read = parseClientHubRecord(spelled);
    expect(read).toMatchObject({ ok: true, value: { timeZone: "America/Santiago" } });
    if (read.ok) expect(clientHub.transition(read.value, event).ok).toBe(true);
  });
});
