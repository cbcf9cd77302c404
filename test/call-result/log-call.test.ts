import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Campaign, DEFAULT_CAMPAIGN } from "../../src/call-result/campaign.js";
import {
  type CallFacts,
  classify,
  NO_PITCH_ANSWERS,
  RECEPTION_ANSWERS,
  RECEPTION_PHRASES,
  toLoggedCall,
} from "../../src/call-result/classify.js";
import { buildCallRecord, callRecord, logCall, newRecord } from "../../src/call-result/record.js";
import type { CallRecord } from "../../src/call-result/record-state.js";
import { parseCallFacts } from "../../src/call-result/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { runs } from "../setup.js";
import { DAY, facts, T0 } from "./arbitraries.js";

const AT = Date.parse("2026-11-23T10:00:00Z");
const fresh = () => newRecord(AT - DAY);

describe("logCall: from the agent's facts to the record update in one call", () => {
  // "If the person, says "No thanks" then log the call as Email Only"
  it("classifies, logs, and returns the record, its effects and the classification", () => {
    const step = unwrap(
      logCall(fresh(), { reached: "decisionMaker", pitched: true, said: "emailOnly" }, DEFAULT_CAMPAIGN, AT, "agent"),
    );
    expect(step.state).toMatchObject({ status: "closed", lastResult: "emailOnly", leadResult: "emailOnly" });
    expect(step.classification?.result).toBe("emailOnly");
    expect(step.effects.map((e) => e.type)).toEqual(["introEmail"]);
  });

  it("is classify followed by transition, for every campaign, record and facts", () => {
    const campaigns: Campaign[] = [
      DEFAULT_CAMPAIGN,
      { ...DEFAULT_CAMPAIGN, id: "strict", deadEndMinBlockedAttempts: 0, emailOnlyHns: true },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...campaigns),
        fc.array(facts(T0), { maxLength: 6 }),
        facts(T0 + 10 * DAY),
        (c, history, f) => {
          const lifecycle = buildCallRecord(c);
          let record: CallRecord = newRecord(T0);
          for (const [i, h] of history.entries()) {
            const r = logCall(record, h, c, T0 + i * 1000, "agent");
            if (r.ok) record = r.value.state;
          }
          const at = T0 + 10 * DAY;
          const combined = logCall(record, f, c, at, "system");
          const classified = classify(f, record, c, at);
          if (!classified.ok) {
            expect(combined).toEqual(classified);
            return;
          }
          const logged = lifecycle.transition(record, {
            type: "callLogged",
            actor: "system",
            ...toLoggedCall(classified.value, at),
          });
          expect(combined).toEqual(
            logged.ok ? { ok: true, value: { ...logged.value, classification: classified.value } } : logged,
          );
          // The lifecycle's own verb answers the same.
          expect(lifecycle.logCall(record, f, at, "system")).toEqual(combined);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("refuses what transition refuses, and a bad campaign, as values", () => {
    const closed = unwrap(
      logCall(fresh(), { reached: "decisionMaker", pitched: true, said: "emailOnly" }, DEFAULT_CAMPAIGN, AT, "agent"),
    ).state;
    expect(
      unwrapErr(logCall(closed, { reached: "nobody", via: "noAnswer" }, DEFAULT_CAMPAIGN, AT + DAY, "agent")),
    ).toMatchObject({ code: "invalidFacts", field: "record" });
    expect(
      unwrapErr(logCall(fresh(), { reached: "nobody", via: "noAnswer" }, DEFAULT_CAMPAIGN, AT, "intern" as never)),
    ).toMatchObject({ code: "actorNotPermitted", field: "actor" });
    expect(unwrapErr(logCall(fresh(), { reached: "nobody", via: "noAnswer" }, null as never, AT, "agent"))).toEqual({
      code: "invalidFacts",
      field: "campaign",
      message: "campaign must be a campaign (see createCampaign)",
    });
    expect(
      unwrapErr(logCall(fresh(), { reached: "nobody", via: "noAnswer" }, { id: "x" } as never, AT, "agent")).field,
    ).toBe("campaign");
    expect(
      unwrapErr(logCall(fresh(), { reached: "nobody", via: "noAnswer" }, { customResults: [] } as never, AT, "agent"))
        .field,
    ).toBe("campaign");
    expect(
      unwrapErr(logCall(null as never, { reached: "nobody", via: "noAnswer" }, DEFAULT_CAMPAIGN, AT, "agent")),
    ).toEqual({
      code: "invalidFacts",
      field: "record",
      message: "record must be a call record",
    });
    // A custom campaign's lifecycle is built for the call.
    const custom = { ...DEFAULT_CAMPAIGN, id: "hns", emailOnlyHns: true };
    expect(
      unwrap(logCall(fresh(), { reached: "reception", said: "emailExecutiveAssistant" }, custom, AT, "agent")).state
        .lastResult,
    ).toBe("emailOnlyHns");
    expect(
      unwrapErr(
        logCall(fresh(), { reached: "reception", said: "emailExecutiveAssistant" }, DEFAULT_CAMPAIGN, AT, "agent"),
      ).code,
    ).toBe("notEnabled");
    expect(callRecord.logCall(fresh(), { reached: "nobody", via: "noAnswer" }, AT, "agent").ok).toBe(true);
    // allowedResults answers an unknown Last Contact with nothing, whatever it is.
    for (const odd of ["dm", "", "toString", 5, null, Object.create(null)]) {
      expect(callRecord.allowedResults(fresh(), odd as never)).toEqual([]);
    }
    expect(callRecord.allowedResults(fresh(), "reception")).toContain("noContact");
  });
});

describe("reception answers and the playbook's words", () => {
  it("every reception answer has the playbook phrase it stands for, and nothing else does", () => {
    expect(Object.keys(RECEPTION_PHRASES)).toEqual([...RECEPTION_ANSWERS]);
    for (const phrase of Object.values(RECEPTION_PHRASES)) expect(phrase.length).toBeGreaterThan(10);
  });

  // "If you spoke to the receptionist and she put you through but you got the DM's voice mail … the
  // result should be logged as Reception."
  it("put through to the DM's voicemail needs no made-up `said`", () => {
    const alone = unwrap(
      classify({ reached: "reception", putThroughToVoicemail: true }, fresh(), DEFAULT_CAMPAIGN, AT),
    );
    const withSaid = unwrap(
      classify(
        { reached: "reception", said: "dmUnavailable", putThroughToVoicemail: true },
        fresh(),
        DEFAULT_CAMPAIGN,
        AT,
      ),
    );
    expect(alone).toEqual(withSaid);
    expect([alone.lastContact, alone.result, alone.rules]).toEqual([
      "reception",
      "noContact",
      ["voicemailAfterPutThrough"],
    ]);
    expect(unwrap(parseCallFacts({ reached: "reception", putThroughToVoicemail: true }))).toEqual({
      reached: "reception",
      putThroughToVoicemail: true,
    });
    expect(parseCallFacts({ reached: "reception", putThroughToVoicemail: false }).ok).toBe(false);
    expect(parseCallFacts({ reached: "reception" }).ok).toBe(false);
    expect(
      unwrapErr(
        classify({ reached: "reception", putThroughToVoicemail: false } as never, fresh(), DEFAULT_CAMPAIGN, AT),
      ).field,
    ).toBe("said");
  });

  it("pitched may be left out only where no pitch can have happened", () => {
    expect(NO_PITCH_ANSWERS).toEqual(["cantTalkNow", "wrongNumber", "duplicate"]);
    const later = AT + DAY;
    const noPitch: Extract<CallFacts, { reached: "decisionMaker" }>[] = [
      { reached: "decisionMaker", said: "cantTalkNow", callBackAt: later },
      { reached: "decisionMaker", said: "wrongNumber" },
      { reached: "decisionMaker", said: "duplicate" },
    ];
    for (const f of noPitch) {
      expect((unwrap(parseCallFacts(f)) as { said?: string }).said).toBe(f.said);
      expect(unwrap(classify(f, fresh(), DEFAULT_CAMPAIGN, AT)).pitched).toBe(false);
    }
    // Elsewhere it decides the result (Not Interested with or without a pitch): it must be said.
    for (const said of ["notInterested", "emailOnly", "existingClient"]) {
      expect(parseCallFacts({ reached: "decisionMaker", said }).ok).toBe(false);
      expect(unwrapErr(classify({ reached: "decisionMaker", said } as never, fresh(), DEFAULT_CAMPAIGN, AT))).toEqual({
        code: "invalidFacts",
        field: "pitched",
        message: "pitched must be true or false (it may be left out only where no pitch can have happened)",
      });
    }
    expect(
      unwrapErr(
        classify(
          { reached: "decisionMaker", said: "wrongNumber", pitched: "yes" } as never,
          fresh(),
          DEFAULT_CAMPAIGN,
          AT,
        ),
      ).field,
    ).toBe("pitched");
  });
});

// Issue 21: "A webhook retry of the same call applies twice: logCall sends a second Intro Email, a
// second follow-up task, and rewrites Last Call Result."
describe("logCall: facts with an id are logged once", () => {
  it("a retry is a no-op that says so — no Intro Email twice, even though the record is now closed", () => {
    const facts: CallFacts = { reached: "decisionMaker", pitched: true, said: "emailOnly", id: "hs-call-1" };
    const first = unwrap(logCall(fresh(), facts, DEFAULT_CAMPAIGN, AT, "agent"));
    expect(first.state).toMatchObject({ status: "closed", appliedIds: ["hs-call-1"] });
    expect(first.duplicate).toBeUndefined();
    expect(first.effects.map((e) => e.type)).toEqual(["introEmail"]);
    const retry = logCall(first.state, facts, DEFAULT_CAMPAIGN, AT + 1000, "agent");
    expect(retry).toEqual({
      ok: true,
      value: { state: first.state, effects: [], duplicate: true, classification: null },
    });
    // Without the id the closed record refuses the call: the id is what makes the retry harmless.
    const { id: _, ...anonymous } = facts;
    expect(unwrapErr(logCall(first.state, anonymous, DEFAULT_CAMPAIGN, AT + 1000, "agent")).field).toBe("record");
  });

  it("an id that is not one is refused naming id, and parseCallFacts refuses it too", () => {
    const facts = { reached: "nobody", via: "noAnswer", id: "" } as const;
    expect(unwrapErr(logCall(fresh(), facts, DEFAULT_CAMPAIGN, AT, "agent"))).toMatchObject({
      code: "invalidId",
      field: "id",
    });
    expect(parseCallFacts(facts).ok).toBe(false);
    expect(parseCallFacts({ ...facts, id: "x".repeat(200) }).ok).toBe(true);
    expect(parseCallFacts({ ...facts, id: "x".repeat(201) }).ok).toBe(false);
  });
});

describe("logCall is a boundary for the facts' vocabulary", () => {
  // "Reception put you through and you got the DM's voicemail" is a yes or a no, as parseCallFacts reads it.
  it("a putThroughToVoicemail that is not a boolean is refused naming it", () => {
    const facts = { reached: "reception", said: "dmUnavailable", putThroughToVoicemail: "true" } as never;
    expect(parseCallFacts(facts).ok).toBe(false);
    expect(unwrapErr(logCall(fresh(), facts, DEFAULT_CAMPAIGN, AT, "agent"))).toEqual({
      code: "invalidFacts",
      field: "putThroughToVoicemail",
      message: 'putThroughToVoicemail "true" is not one of true, false',
    });
    const put = unwrap(
      logCall(fresh(), { reached: "reception", putThroughToVoicemail: true }, DEFAULT_CAMPAIGN, AT, "agent"),
    );
    expect(put.classification?.rules).toContain("voicemailAfterPutThrough");
  });
});
