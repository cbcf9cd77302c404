import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN } from "../../src/call-result/campaign.js";
import { buildCallRecord, type CallLoggedEvent, callRecord, newRecord } from "../../src/call-result/record.js";
import { type BuiltInResult, CALL_RESULTS, type ResultFlags } from "../../src/call-result/results.js";
import { createCampaign, parseCallFacts, parseCallRecord, parseLoggedCall } from "../../src/call-result/schema.js";
import { stateDiagram } from "../../src/core/diagram.js";
import { deepFreeze, unwrap, unwrapErr } from "../helpers.js";

const AT = Date.parse("2026-11-23T10:00:00Z");
const DAY = 86_400_000;
const start = () => unwrap(callRecord.initial(AT - DAY));
const log = (over: Partial<CallLoggedEvent>): CallLoggedEvent => ({
  type: "callLogged",
  at: AT,
  actor: "agent",
  lastContact: "decisionMaker",
  result: "noContact",
  ...over,
});

describe("the record lifecycle", () => {
  // "Open records mean the record is still in play … Closed records … will fall off the list."
  it("every result's flag decides whether the record stays, leaves with a task, or closes", () => {
    for (const [id, flags] of Object.entries(CALL_RESULTS) as [BuiltInResult, ResultFlags][]) {
      const campaign = { ...DEFAULT_CAMPAIGN, emailOnlyHns: true, wantsConsultantFollowUp: true };
      const lifecycle = buildCallRecord(campaign);
      const record =
        id === "followUp"
          ? { ...start(), status: "pendingTask" as const, leadResult: "emailFollowUp" as const }
          : id === "deadEndOrBlocked"
            ? { ...start(), blockedAttempts: 2 }
            : start();
      const lastContact = flags.who === "decisionMakerOnly" ? "decisionMaker" : "reception";
      const callBackAt = id === "emailFollowUp" ? AT + 7 * DAY : AT + 60 * DAY;
      const result = lifecycle.transition(
        record,
        log({ lastContact, result: id, callBackAt, task: { dueAt: callBackAt } }),
      );
      expect(unwrap(result).state.status).toBe(flags.record);
    }
  });

  it("logs an Email Follow Up: off the list, a lead, the task and the Intro Email", () => {
    const step = unwrap(
      callRecord.transition(
        start(),
        log({ result: "emailFollowUp", callBackAt: AT + 7 * DAY, task: { dueAt: AT + 7 * DAY } }),
      ),
    );
    expect(step.state).toMatchObject({
      status: "pendingTask",
      leadResult: "emailFollowUp",
      lastContact: "decisionMaker",
      lastResult: "emailFollowUp",
    });
    expect(step.effects).toEqual([
      { type: "followUpTask", dueAt: new Date(AT + 7 * DAY).toISOString() },
      { type: "introEmail", template: "Intro Email", to: "decisionMaker", cc: [], bcc: [] },
    ]);
    // then the follow-ups: the lead is counted once
    const next = unwrap(
      callRecord.transition(
        step.state,
        log({ at: AT + 7 * DAY, lastContact: "reception", result: "followUp", task: { dueAt: AT + 9 * DAY } }),
      ),
    );
    expect(next.state).toMatchObject({ status: "pendingTask", leadResult: "emailFollowUp", lastResult: "followUp" });
    const booked = unwrap(callRecord.transition(next.state, log({ at: AT + 9 * DAY, result: "appointmentBooked" })));
    expect(booked.state).toMatchObject({ status: "closed", leadResult: "emailFollowUp", appointments: 1 });
  });

  it("the cut-short exception keeps the record open with a task", () => {
    const step = unwrap(
      callRecord.transition(start(), log({ lastContact: "reception", result: "noContact", task: { dueAt: AT + DAY } })),
    );
    expect(step.state.status).toBe("open");
    expect(step.effects).toEqual([{ type: "followUpTask", dueAt: new Date(AT + DAY).toISOString() }]);
  });

  it("counts blocked attempts towards a dead end", () => {
    let state = start();
    for (let i = 0; i < 2; i++)
      state = unwrap(callRecord.transition(state, log({ at: AT + i, lastContact: "reception", blocked: true }))).state;
    expect(state.blockedAttempts).toBe(2);
    expect(
      unwrap(callRecord.transition(state, log({ at: AT + 5, lastContact: "reception", result: "deadEndOrBlocked" })))
        .state.status,
    ).toBe("closed");
  });

  it("Remove From Database sets do-not-call; Wants Consultant Follow Up moves the owner", () => {
    const removed = unwrap(
      callRecord.transition(start(), log({ lastContact: "reception", result: "removeFromDatabase" })),
    );
    expect(removed.state.doNotCall).toBe(true);
    expect(removed.effects).toEqual([{ type: "doNotCall" }]);
    const consultant = buildCallRecord({ ...DEFAULT_CAMPAIGN, wantsConsultantFollowUp: true });
    const moved = unwrap(consultant.transition(start(), log({ result: "wantsConsultantFollowUp" })));
    expect(moved.state.ownedByClient).toBe(true);
    expect(moved.effects).toEqual([{ type: "ownerChange", to: "clientLicence" }]);
  });

  it("refuses a call that breaks the playbook, naming the first problem and listing all, the record unchanged", () => {
    const record = deepFreeze(start());
    const error = unwrapErr(
      callRecord.transition(
        record,
        log({ lastContact: "reception", result: "emailFollowUp", callBackAt: AT + 40 * DAY }),
      ),
    );
    expect(error.code).toBe("decisionMakerOnly");
    expect(error.field).toBe("lastContact");
    expect(error.message).toContain("needs a follow-up task");
  });

  // "once logged as some form or not interested it calls off the list"
  it("a closed record stays closed", () => {
    const closed = unwrap(callRecord.transition(start(), log({ result: "pitchedNotInterested" }))).state;
    expect(unwrapErr(callRecord.transition(closed, log({ at: AT + DAY }))).code).toBe("closed");
    expect(callRecord.allowedResults(closed, "decisionMaker")).toEqual([]);
    expect(callRecord.advance(closed, AT + 1000 * DAY).state.status).toBe("closed");
  });

  // "…we do not count these as 'real no's' and would probably try them again in 1 to 3 months"
  it("a campaign may recycle Not Interested - No Pitch after a delay (off by default)", () => {
    const recycling = buildCallRecord({ ...DEFAULT_CAMPAIGN, recycleNoPitchAfterDays: 60 });
    const closed = unwrap(recycling.transition(start(), log({ result: "notInterestedNoPitch" }))).state;
    expect(closed.reopensAt).toBe(new Date(AT + 60 * DAY).toISOString());
    expect(recycling.advance(closed, AT + 60 * DAY - 1).state.status).toBe("closed");
    expect(recycling.advance(closed, AT + 60 * DAY)).toEqual({
      state: { ...closed, status: "open", updatedAt: new Date(AT + 60 * DAY).toISOString(), reopensAt: null },
      effects: [],
      ignored: null,
    });
    const pitched = unwrap(recycling.transition(start(), log({ result: "pitchedNotInterested" }))).state;
    expect(recycling.advance(pitched, AT + 999 * DAY).state.status).toBe("closed");
    expect(unwrap(callRecord.transition(start(), log({ result: "notInterestedNoPitch" }))).state.reopensAt).toBeNull();
  });

  it("lists the results allowed now for a Last Contact", () => {
    // Dead End or Blocked is "a last resort": not offered before the campaign's blocked attempts
    expect(callRecord.allowedResults(start(), "reception")).toEqual([
      "noContact",
      "handledByParentCompany",
      "handledOverseas",
      "outsourced",
      "wrongNumber",
      "duplicate",
      "notAGoodFit",
      "removeFromDatabase",
    ]);
    expect(callRecord.allowedResults({ ...start(), blockedAttempts: 2 }, "reception")).toContain("deadEndOrBlocked");
    // nobody spoke: nobody asked to be removed
    expect(callRecord.allowedResults(start(), "noContact")).not.toContain("removeFromDatabase");
    // the DM who cuts you short is Reception + No Contact, so No Contact is not offered with the DM
    expect(callRecord.allowedResults(start(), "decisionMaker")).not.toContain("noContact");
    const pending = { ...start(), status: "pendingTask" as const, leadResult: "nurtureNoEmailSent" as const };
    expect(callRecord.allowedResults(pending, "decisionMaker")).toContain("followUp");
    expect(callRecord.allowedResults(pending, "decisionMaker")).not.toContain("emailFollowUp");
    const custom = buildCallRecord({
      ...DEFAULT_CAMPAIGN,
      customResults: [
        {
          id: "noRoof",
          label: "Not Qualified - No Roof",
          who: "decisionMakerOnly",
          record: "closed",
          countsAs: "nothing",
          effects: [],
        },
      ],
    });
    expect(custom.allowedResults(start(), "decisionMaker")).toContain("noRoof");
  });

  it("draws the record's lifecycle", () => {
    const diagram = stateDiagram(callRecord.definition);
    expect(diagram).toContain("open --> pendingTask : callLogged (Email Follow Up, Nurture or Follow Up)");
    expect(diagram).toContain("pendingTask --> closed : callLogged (a closing result)");
    expect(stateDiagram(buildCallRecord({ ...DEFAULT_CAMPAIGN, recycleNoPitchAfterDays: 30 }).definition)).toContain(
      "closed --> open : 30 days after Not Interested - No Pitch (campaign option)",
    );
  });

  it("names itself in refusals", () => {
    const error = unwrapErr(callRecord.transition(start(), { ...log({}), type: "callMade" as "callLogged" }));
    expect(error.message).toBe('"callMade" is not an event of the call record lifecycle');
  });

  it("initial refuses a bad instant; replay folds a log", () => {
    expect(unwrapErr(callRecord.initial("now")).issues[0]?.path).toBe("at");
    const r = callRecord.replay(start(), [
      log({ lastContact: "reception" }),
      log({ result: "emailOnly" }),
      log({ result: "emailOnly" }),
    ]);
    expect(r.state.leadResult).toBe("emailOnly");
    expect(r.rejected.map((x) => x.rejection.code)).toEqual(["closed"]);
    expect(newRecord("2026-01-01T00:00:00.000Z").updatedAt).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("call-result boundaries", () => {
  it("campaigns: defaults, custom results need every flag, ids must be unique, ranges the right way round", () => {
    expect(unwrap(createCampaign({ id: "c" }))).toEqual({ ...DEFAULT_CAMPAIGN, id: "c" });
    const error = unwrapErr(
      createCampaign({
        id: "solar",
        qualifyingRange: { min: 50, max: 10, unit: "panels" },
        customResults: [
          { id: "notQualifiedNoRoof" },
          { id: "emailOnly", label: "x", who: "any", record: "closed", countsAs: "nothing", effects: [] },
          { id: "a", label: "A", who: "any", record: "closed", countsAs: "nothing", effects: [] },
          { id: "a", label: "A2", who: "any", record: "closed", countsAs: "nothing", effects: [] },
        ],
      }),
    );
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "qualifyingRange.min",
        "customResults.0.label",
        "customResults.0.who",
        "customResults.0.record",
        "customResults.0.countsAs",
        "customResults.0.effects",
      ]),
    );
    const dup = unwrapErr(
      createCampaign({
        id: "x",
        customResults: [
          { id: "emailOnly", label: "x", who: "any", record: "closed", countsAs: "nothing", effects: [] },
          { id: "a", label: "A", who: "any", record: "closed", countsAs: "nothing", effects: [] },
          { id: "a", label: "A2", who: "any", record: "closed", countsAs: "nothing", effects: [] },
        ],
      }),
    );
    expect(dup.issues).toEqual([
      { path: "customResults.0.id", message: '"emailOnly" is already a result id' },
      { path: "customResults.2.id", message: '"a" is already a result id' },
    ]);
    expect(createCampaign({ id: "x", emailFollowUpWeeks: 0 }).ok).toBe(false);
  });

  it("facts, logged calls and records from outside", () => {
    expect(parseCallFacts({ reached: "reception", said: "screenedOut" }).ok).toBe(true);
    expect(
      parseCallFacts({
        reached: "decisionMaker",
        pitched: true,
        said: "emailAndCallBack",
        callBackAt: "2026-12-01T10:00:00+01:00",
      }),
    ).toEqual({
      ok: true,
      value: {
        reached: "decisionMaker",
        pitched: true,
        said: "emailAndCallBack",
        callBackAt: "2026-12-01T09:00:00.000Z",
      },
    });
    expect(unwrapErr(parseCallFacts({ reached: "ceo" })).issues).toEqual([
      { path: "reached", message: "must be nobody, reception or decisionMaker" },
    ]);
    expect(parseCallFacts({ reached: "reception", said: "maybe" }).ok).toBe(false);
    expect(parseCallFacts(null).ok).toBe(false);
    expect(
      unwrapErr(parseLoggedCall({ at: 0, lastContact: "dm", result: "" }))
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(["lastContact", "result"]);
    expect(unwrap(parseCallRecord(JSON.parse(JSON.stringify(start()))))).toEqual(start());
    expect(parseCallRecord({ ...start(), status: "limbo" }).ok).toBe(false);
  });
});

// Issue 21: "every lifecycle verb refuses, naming the field, any event value its parser would refuse".
describe("the record's verb is a boundary for its own vocabulary", () => {
  it("a blocked that is not a boolean is refused naming blocked, as parseLoggedCall refuses it", () => {
    const record = unwrap(callRecord.initial(AT - DAY));
    const call = { at: AT, lastContact: "reception", result: "noContact", blocked: null } as const;
    expect(parseLoggedCall(call).ok).toBe(false);
    expect(unwrapErr(callRecord.transition(record, { type: "callLogged", actor: "agent", ...call } as never))).toEqual({
      code: "invalidInput",
      message: "blocked null is not one of true, false",
      event: "callLogged",
      status: "open",
      actor: "agent",
      field: "blocked",
    });
    const blocked = unwrap(
      callRecord.transition(record, { type: "callLogged", actor: "agent", ...call, blocked: true }),
    );
    expect(blocked.state.blockedAttempts).toBe(1);
    const left = unwrap(
      callRecord.transition(record, {
        type: "callLogged",
        actor: "agent",
        at: AT,
        lastContact: "reception",
        result: "noContact",
      }),
    );
    expect(left.state.blockedAttempts).toBe(0);
  });
});
