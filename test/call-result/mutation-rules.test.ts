import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Campaign, DEFAULT_CAMPAIGN } from "../../src/call-result/campaign.js";
import { type CallFacts, classify, shiftFacts, toLoggedCall } from "../../src/call-result/classify.js";
import { buildCallRecord, callRecord, logCall, newRecord } from "../../src/call-result/record.js";
import type { CallRecord } from "../../src/call-result/record-state.js";
import { isExistingLead, type LoggedCall, validate } from "../../src/call-result/validate.js";
import { stateDiagram } from "../../src/core/diagram.js";

// README contract: "Bad input gets a clear error value: code + message naming the field, never a crash".
const AT = Date.parse("2026-11-23T10:00:00Z");
const DAY = 86_400_000;
const fresh = (): CallRecord<string> => newRecord(AT - DAY);
const call = (c: Partial<LoggedCall<string>> = {}): LoggedCall<string> =>
  ({ at: AT, lastContact: "decisionMaker", result: "noContact", ...c }) as LoggedCall<string>;
const asCampaign = (c: unknown) => c as Campaign<string>;
const asRecord = (r: unknown) => r as CallRecord<string>;

describe("validate: arguments that are not a call, a record or a campaign", () => {
  it("a call that is not an object is refused on field call", () => {
    for (const bad of [null, undefined, 42, "noContact"]) {
      const out = validate(bad as unknown as LoggedCall<string>, fresh(), DEFAULT_CAMPAIGN);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ code: "invalidInput", field: "call" });
      expect(out[0]?.message).toMatch(/call/);
    }
  });

  it("a record without a status or a blocked-attempts count is refused on field record", () => {
    const { status: _s, ...noStatus } = fresh();
    const { blockedAttempts: _b, ...noBlocked } = fresh();
    for (const bad of [null, 7, noStatus, noBlocked, { ...fresh(), blockedAttempts: "0" }]) {
      const out = validate(call(), asRecord(bad), DEFAULT_CAMPAIGN);
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ code: "invalidInput", field: "record" });
      expect(out[0]?.message).toMatch(/record/);
    }
  });

  it("a campaign missing its settings (or with an unknown time zone) is refused on field campaign", () => {
    const { customResults: _c, ...noCustom } = DEFAULT_CAMPAIGN;
    const bads: unknown[] = [
      null,
      "default",
      noCustom,
      { ...DEFAULT_CAMPAIGN, emailFollowUpWeeks: "4" },
      { ...DEFAULT_CAMPAIGN, deadEndMinBlockedAttempts: "3" },
      { ...DEFAULT_CAMPAIGN, timeZone: "Mars/Olympus_Mons" },
    ];
    for (const bad of bads) {
      const out = validate(call(), fresh(), asCampaign(bad));
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ code: "invalidInput", field: "campaign" });
      expect(out[0]?.message).toMatch(/campaign/);
    }
  });

  it("a well-formed No Contact call on a fresh record has no violation (property: any campaign zone)", () => {
    fc.assert(
      fc.property(fc.constantFrom("UTC", "Europe/London", "America/New_York", "Asia/Tokyo"), (timeZone) => {
        expect(validate(call({ lastContact: "noContact" }), fresh(), { ...DEFAULT_CAMPAIGN, timeZone })).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it("a call whose fields throw when read is an error value, not a crash", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
      },
    );
    const out = validate(hostile as LoggedCall<string>, fresh(), DEFAULT_CAMPAIGN);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ code: "invalidInput", field: "call" });
    expect(out[0]?.message.length).toBeGreaterThan(0);
  });

  it("an unknown result names itself and the campaign", () => {
    const out = validate(call({ result: "madeUp" }), fresh(), DEFAULT_CAMPAIGN);
    expect(out).toEqual([expect.objectContaining({ code: "unknownResult", field: "result" })]);
    expect(out[0]?.message).toContain("default");
    const notString = validate(call({ result: 7 as unknown as string }), fresh(), DEFAULT_CAMPAIGN);
    expect(notString).toEqual([expect.objectContaining({ code: "unknownResult", field: "result" })]);
  });

  it("a task that is not an object has no valid due time", () => {
    const out = validate(
      call({ result: "followUp", task: "tomorrow" as unknown as LoggedCall<string>["task"] }),
      fresh(),
      DEFAULT_CAMPAIGN,
    );
    expect(out).toContainEqual(expect.objectContaining({ code: "invalidInstant", field: "task" }));
  });

  it("No Contact logged without a call back has no call-back violation (null or absent)", () => {
    for (const callBackAt of [undefined, null]) {
      expect(
        validate(call({ lastContact: "noContact", callBackAt: callBackAt as never }), fresh(), DEFAULT_CAMPAIGN),
      ).toEqual([]);
    }
  });
});

describe("isExistingLead", () => {
  it("a DM lead waiting on its follow-up task is an existing lead; anything unreadable is not", () => {
    expect(isExistingLead({ ...fresh(), status: "pendingTask" })).toBe(true);
    expect(isExistingLead(fresh())).toBe(false);
    expect(isExistingLead(asRecord(null))).toBe(false);
    expect(isExistingLead(asRecord(undefined))).toBe(false);
  });
});

describe("newRecord", () => {
  it("a record added at an epoch time stores its ISO UTC instant", () => {
    expect(newRecord(AT).updatedAt).toBe("2026-11-23T10:00:00.000Z");
    expect(newRecord("2026-11-23T10:00:00.000Z").updatedAt).toBe("2026-11-23T10:00:00.000Z");
    expect(newRecord(AT).status).toBe("open");
  });
});

describe("buildCallRecord: campaign settings the record verbs rely on", () => {
  const refuses = (over: Record<string, unknown>, name: string) => {
    expect(() => buildCallRecord(asCampaign({ ...DEFAULT_CAMPAIGN, ...over }))).toThrow(name);
  };
  it("refuses a negative Email Follow Up bound, an unknown time zone, a fractional dead-end count", () => {
    refuses({ emailFollowUpWeeks: -1 }, "emailFollowUpWeeks");
    refuses({ timeZone: "Nowhere/Land" }, "timeZone");
    refuses({ deadEndMinBlockedAttempts: 1.5 }, "deadEndMinBlockedAttempts");
    refuses({ recycleNoPitchAfterDays: 0 }, "recycleNoPitchAfterDays");
  });
  it("accepts the edges: bound 0, no time zone given (UTC), recycle after 1 day", () => {
    const { timeZone: _t, ...noZone } = DEFAULT_CAMPAIGN;
    expect(() => buildCallRecord(asCampaign({ ...DEFAULT_CAMPAIGN, emailFollowUpWeeks: 0 }))).not.toThrow();
    expect(() => buildCallRecord(asCampaign(noZone))).not.toThrow();
    expect(() => buildCallRecord(asCampaign({ ...DEFAULT_CAMPAIGN, recycleNoPitchAfterDays: 1 }))).not.toThrow();
    expect(() => buildCallRecord(asCampaign({ ...DEFAULT_CAMPAIGN, deadEndMinBlockedAttempts: 0 }))).not.toThrow();
  });

  it("logCall with a campaign that skipped createCampaign is an error naming the setting", () => {
    const r = callRecord.initial(AT);
    if (!r.ok) throw new Error("initial");
    const step = logCall(
      r.value,
      { reached: "nobody", via: "noAnswer" } as never,
      asCampaign({ ...DEFAULT_CAMPAIGN, emailFollowUpWeeks: -2 }),
      AT,
      "agent",
    );
    expect(step.ok).toBe(false);
    if (!step.ok) {
      expect(step.error).toMatchObject({ code: "invalidFacts", field: "campaign" });
      expect(step.error.message).toContain("emailFollowUpWeeks");
    }
  });
});

describe("allowedResults", () => {
  const life = callRecord;
  it("nothing is allowed for an unknown last contact, an unreadable record or a closed one", () => {
    expect(life.allowedResults(fresh() as CallRecord<never>, "voicemail" as never)).toEqual([]);
    expect(life.allowedResults(null as never, "reception")).toEqual([]);
    const { blockedAttempts: _b, ...noCount } = fresh();
    expect(life.allowedResults(noCount as never, "reception")).toEqual([]);
    expect(life.allowedResults({ ...fresh(), status: "closed" } as CallRecord<never>, "reception")).toEqual([]);
    expect(life.allowedResults(fresh() as CallRecord<never>, "decisionMaker")).toContain("emailFollowUp");
  });
});

const hostile = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("boom");
      },
    },
  );

describe("classify: bad arguments are error values naming the field", () => {
  const dm = { reached: "decisionMaker", pitched: true, said: "emailOnly" } as CallFacts;
  it("a record that is not a call record is refused on field record", () => {
    for (const bad of [null, 3]) {
      const out = classify(dm, asRecord(bad), DEFAULT_CAMPAIGN, AT);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error).toMatchObject({ code: "invalidFacts", field: "record" });
    }
  });
  it("a campaign without its results or id, or with an unknown time zone, is refused on field campaign", () => {
    const { customResults: _c, ...noCustom } = DEFAULT_CAMPAIGN;
    for (const bad of [null, noCustom, { ...DEFAULT_CAMPAIGN, id: 7 }]) {
      const out = classify(dm, fresh(), asCampaign(bad), AT);
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error).toMatchObject({ code: "invalidFacts", field: "campaign" });
    }
    const zone = classify(dm, fresh(), asCampaign({ ...DEFAULT_CAMPAIGN, timeZone: "Nowhere/Land" }), AT);
    expect(zone.ok).toBe(false);
    if (!zone.ok) {
      expect(zone.error).toMatchObject({ code: "invalidFacts", field: "campaign" });
      expect(zone.error.message).toContain("timeZone");
    }
  });
  // "…what your closing ratio is based on how many decision makers you speak to that listen to you":
  // a pitch is to the decision maker, so a call that only reached reception is no pitch.
  it("a call that only reached reception is not pitched", () => {
    // Even when the agent's form says "pitched" on a call that never reached the DM.
    for (const facts of [
      { reached: "reception", said: "dmUnavailable", pitched: true },
      { reached: "nobody", via: "noAnswer", pitched: true },
    ]) {
      const out = classify(facts as unknown as CallFacts, fresh(), DEFAULT_CAMPAIGN, AT);
      expect(out.ok && out.value.pitched).toBe(false);
    }
    const pitched = classify(dm, fresh(), DEFAULT_CAMPAIGN, AT);
    expect(pitched.ok && pitched.value.pitched).toBe(true);
  });
});

describe("toLoggedCall and shiftFacts pass anything else on without its facts, never crash", () => {
  it("toLoggedCall of nothing or of an unreadable value has no result, call back, task or block", () => {
    for (const bad of [null, undefined, hostile()]) {
      const out = toLoggedCall(bad as never, AT);
      expect(out).toEqual({
        at: AT,
        lastContact: undefined,
        result: undefined,
        callBackAt: null,
        task: null,
        blocked: false,
      });
    }
  });
  it("a blocked reception call stays blocked in the logged call", () => {
    const c = classify({ reached: "reception", said: "blocked" } as CallFacts, fresh(), DEFAULT_CAMPAIGN, AT);
    if (!c.ok) throw new Error("classify");
    expect(toLoggedCall(c.value, AT).blocked).toBe(true);
    expect(toLoggedCall({ ...c.value, blocked: "yes" } as never, AT).blocked).toBe(false);
  });
  it("shiftFacts of nothing or of an unreadable value counts no lead and no appointment", () => {
    for (const bad of [null, undefined, hostile()]) {
      const out = shiftFacts(bad as never, "ann", "am");
      expect(out).toEqual({
        agent: "ann",
        shift: "am",
        dmReached: undefined,
        pitched: undefined,
        lead: false,
        appointment: false,
      });
    }
  });
});

describe("the record lifecycle", () => {
  // "…would probably try them again in 1 to 3 months": a campaign option, off by default. "Only log
  // the Last Contact as No Contact if we did not get to speak to anybody": the record stays open.
  it("the default campaign never reopens a closed record; No Contact keeps it open", () => {
    const diagram = stateDiagram(callRecord.definition);
    expect(diagram).not.toContain("closed --> open");
    expect(diagram).toContain("open --> open : callLogged (No Contact)");
  });
  it("unreadable arguments to initial, logCall and allowedResults are error values", () => {
    // An instant that throws when inspected (a Proxy) is unreadable input, not a crash.
    const bad = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("boom");
        },
      },
    );
    const init = callRecord.initial(bad as never);
    expect(init.ok).toBe(false);
    if (!init.ok) {
      expect(init.error.code).toBe("invalidInput");
      expect(init.error.message.length).toBeGreaterThan(0);
    }
    const step = callRecord.logCall(
      hostile() as never,
      { reached: "nobody", via: "noAnswer" } as CallFacts,
      AT,
      "agent",
    );
    expect(step.ok).toBe(false);
    expect(callRecord.allowedResults(hostile() as never, "reception")).toEqual([]);
  });
  it("a stored record its parser would refuse is refused, not logged", () => {
    const bads = [
      { ...fresh(), lastResult: "madeUp" },
      { ...fresh(), lastContact: "voicemail" },
      { ...fresh(), blockedAttempts: Number.MAX_SAFE_INTEGER },
    ];
    for (const bad of bads) {
      const out = callRecord.logCall(bad as never, { reached: "nobody", via: "noAnswer" } as CallFacts, AT, "agent");
      expect(out.ok).toBe(false);
    }
    const ok = callRecord.logCall(fresh() as never, { reached: "nobody", via: "noAnswer" } as CallFacts, AT, "agent");
    expect(ok.ok).toBe(true);
  });
});

describe("validate: messages explain the rule", () => {
  const lead = (): CallRecord<string> => ({
    ...fresh(),
    status: "pendingTask",
    lastResult: "nurtureEmailSent",
    leadResult: "nurtureEmailSent",
  });
  const task = { dueAt: AT + 7 * DAY };
  // "Nurture … they've asked for us to touch base in 1 to 12 months or longer"
  it("on an existing lead, Nurture within the bound and a DM's Follow Up beyond it name the bound", () => {
    const within = validate(
      call({ result: "nurtureEmailSent", callBackAt: AT + 14 * DAY, task }),
      lead(),
      DEFAULT_CAMPAIGN,
    );
    expect(within).toHaveLength(1);
    expect(within[0]?.message).toContain("4 weeks");
    expect(within[0]?.message).toContain("Follow Up");
    const beyond = validate(call({ result: "followUp", callBackAt: AT + 40 * DAY, task }), lead(), DEFAULT_CAMPAIGN);
    expect(beyond).toHaveLength(1);
    expect(beyond[0]?.message).toContain("4 weeks");
    expect(beyond[0]?.message).toContain("Nurture");
  });
  it("Remove From Database with No Contact says nobody spoke", () => {
    const out = validate(call({ lastContact: "noContact", result: "removeFromDatabase" }), fresh(), DEFAULT_CAMPAIGN);
    expect(out).toHaveLength(1);
    expect(out[0]?.message).toContain("Remove From Database");
  });
  it("an unknown Last Contact is refused on its own field, with nothing else read", () => {
    const out = validate(call({ lastContact: "voicemail" as never, result: "followUp" }), fresh(), DEFAULT_CAMPAIGN);
    expect(out).toEqual([expect.objectContaining({ code: "unknownLastContact", field: "lastContact" })]);
  });
  it("a record that throws when read is not an existing lead", () => {
    expect(isExistingLead(hostile() as never)).toBe(false);
  });
});
