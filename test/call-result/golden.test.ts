// Every branch of classify and validate with its whole answer: the rule ids a manager reads, the
// plain-English messages, the flags for shift figures. Reviewed by hand against the playbook.
import { describe, expect, it } from "vitest";
import { type Campaign, DEFAULT_CAMPAIGN } from "../../src/call-result/campaign.js";
import { type CallFacts, classify } from "../../src/call-result/classify.js";
import { buildCallRecord, newRecord } from "../../src/call-result/record.js";
import type { CallRecord } from "../../src/call-result/record-state.js";
import { type LoggedCall, validate } from "../../src/call-result/validate.js";

const AT = Date.parse("2026-11-23T10:00:00Z");
const DAY = 86_400_000;
const fresh = () => newRecord(AT - DAY);
const lead = (): CallRecord => ({
  ...fresh(),
  status: "pendingTask",
  leadResult: "emailFollowUp",
  lastResult: "emailFollowUp",
});
const everything: Campaign = {
  ...DEFAULT_CAMPAIGN,
  id: "all",
  emailOnlyHns: true,
  wantsConsultantFollowUp: true,
  qualifyingRange: { min: 10, max: 50, unit: "computers" },
};
const dm = { reached: "decisionMaker", pitched: true } as const;

function answer(facts: unknown, record: CallRecord<string> = fresh(), campaign: Campaign<string> = everything): string {
  const r = classify(facts as CallFacts, record, campaign, AT);
  if (!r.ok) return `error ${r.error.code} [${r.error.field}] ${r.error.message}`;
  const c = r.value;
  return [
    `${c.lastContact} ${c.result} → ${c.recordStatus}, counts ${c.countsAs}`,
    `rules ${c.rules.join(" ")}`,
    `dm ${c.dmReached} pitched ${c.pitched} blocked ${c.blocked} mode ${c.appointmentMode} callBack ${c.callBackAt}`,
    `effects ${c.effects.map((e) => e.type).join(" ")}`,
  ].join(" | ");
}

describe("classify, whole answers", () => {
  it("nobody", () => {
    expect(answer({ reached: "nobody", via: "companyVoicemail" })).toMatchInlineSnapshot(
      `"noContact noContact → open, counts nothing | rules nobodySpokenTo | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "nobody", via: "directLineVoicemail" })).toMatchInlineSnapshot(
      `"noContact noContact → open, counts nothing | rules directLineVoicemail | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "nobody", via: "wrongNumber" })).toMatchInlineSnapshot(
      `"noContact wrongNumber → closed, counts nothing | rules wrongNumber | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "nobody", via: "duplicate" })).toMatchInlineSnapshot(
      `"noContact duplicate → closed, counts nothing | rules duplicate | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "nobody", via: "noAnswer", callBackAt: AT + DAY }, lead())).toMatchInlineSnapshot(
      `"noContact followUp → pendingTask, counts nothing | rules nobodySpokenTo followUpOnExistingLead | dm false pitched false blocked false mode null callBack 2026-11-24T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ reached: "nobody", via: "pigeon" })).toMatchInlineSnapshot(
      `"error invalidFacts [via] via is not a known way of reaching nobody"`,
    );
  });

  it("reception", () => {
    expect(answer({ reached: "reception", said: "dmUnavailable" })).toMatchInlineSnapshot(
      `"reception noContact → open, counts nothing | rules nobodySpokenTo | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "reception", said: "takeMessage", putThroughToVoicemail: true })).toMatchInlineSnapshot(
      `"reception noContact → open, counts nothing | rules voicemailAfterPutThrough receptionNoIsNotANo | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "reception", said: "blocked" })).toMatchInlineSnapshot(
      `"reception noContact → open, counts nothing | rules blockedTooEarly | dm false pitched false blocked true mode null callBack null | effects "`,
    );
    expect(
      answer(
        { reached: "reception", said: "blocked", putThroughToVoicemail: true },
        { ...fresh(), blockedAttempts: 2 },
      ),
    ).toMatchInlineSnapshot(
      `"reception deadEndOrBlocked → closed, counts nothing | rules voicemailAfterPutThrough deadEndAfterRepeatedBlocks | dm false pitched false blocked true mode null callBack null | effects "`,
    );
    expect(answer({ reached: "reception", said: "blocked", callBackAt: AT + DAY }, lead())).toMatchInlineSnapshot(
      `"reception followUp → pendingTask, counts nothing | rules blockedTooEarly followUpOnExistingLead | dm false pitched false blocked true mode null callBack 2026-11-24T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ reached: "reception", said: "emailInfo", callBackAt: AT + DAY }, lead())).toMatchInlineSnapshot(
      `"reception followUp → pendingTask, counts nothing | rules receptionNoIsNotANo followUpOnExistingLead | dm false pitched false blocked false mode null callBack 2026-11-24T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ reached: "reception", said: "emailExecutiveAssistant" })).toMatchInlineSnapshot(
      `"reception emailOnlyHns → closed, counts nothing | rules hnsPermission | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "reception", said: "outsourced" })).toMatchInlineSnapshot(
      `"reception outsourced → closed, counts nothing | rules companyLevel | dm false pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ reached: "reception", said: "wantsConsultant" })).toMatchInlineSnapshot(
      `"reception wantsConsultantFollowUp → closed, counts nothing | rules wantsConsultant | dm false pitched false blocked false mode null callBack null | effects ownerChange"`,
    );
    expect(answer({ reached: "reception", said: "doNotCallAgain" })).toMatchInlineSnapshot(
      `"reception removeFromDatabase → closed, counts nothing | rules doNotCallAgain | dm false pitched false blocked false mode null callBack null | effects doNotCall"`,
    );
    expect(answer({ reached: "reception", said: "maybe" })).toMatchInlineSnapshot(
      `"error invalidFacts [said] said is not a known reception answer"`,
    );
    expect(answer({ reached: "reception", said: "dmUnavailable", callBackAt: "soon" })).toMatchInlineSnapshot(
      `"error invalidFacts [callBackAt] callBackAt must be a valid instant"`,
    );
    expect(answer({ reached: "reception", said: "dmUnavailable" }, lead())).toMatchInlineSnapshot(
      `"error invalidFacts [callBackAt] "Follow Up" needs callBackAt: the follow-up task's due time"`,
    );
  });

  it("the decision maker", () => {
    expect(answer({ ...dm, pitched: false, said: "cantTalkNow", callBackAt: AT + DAY })).toMatchInlineSnapshot(
      `"reception noContact → open, counts nothing | rules dmCutShort | dm false pitched false blocked false mode null callBack 2026-11-24T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ ...dm, pitched: false, said: "cantTalkNow", callBackAt: AT + DAY }, lead())).toMatchInlineSnapshot(
      `"decisionMaker followUp → pendingTask, counts nothing | rules followUpOnExistingLead | dm true pitched false blocked false mode null callBack 2026-11-24T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ ...dm, pitched: false, said: "cantTalkNow", callBackAt: AT })).toMatchInlineSnapshot(
      `"reception noContact → open, counts nothing | rules dmCutShort | dm false pitched false blocked false mode null callBack 2026-11-23T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ ...dm, pitched: false, said: "cantTalkNow", callBackAt: AT - 1 })).toMatchInlineSnapshot(
      `"error invalidFacts [callBackAt] callBackAt must not be before the call"`,
    );
    expect(answer({ ...dm, said: "notInterested" })).toMatchInlineSnapshot(
      `"decisionMaker pitchedNotInterested → closed, counts nothing | rules pitchedAndDeclined | dm true pitched true blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, pitched: false, said: "notInterested" })).toMatchInlineSnapshot(
      `"decisionMaker notInterestedNoPitch → closed, counts nothing | rules notInterestedBeforePitch | dm true pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, pitched: false, said: "notInterested" }, lead())).toMatchInlineSnapshot(
      `"decisionMaker pitchedNotInterested → closed, counts nothing | rules alreadyPitchedLead | dm true pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, pitched: false, said: "inTalksWithSalesRep" })).toMatchInlineSnapshot(
      `"decisionMaker notInterestedNoPitch → closed, counts nothing | rules inTalksWithSalesRep | dm true pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "existingClient" })).toMatchInlineSnapshot(
      `"decisionMaker existingClient → closed, counts nothing | rules existingClient | dm true pitched true blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "emailOnly" })).toMatchInlineSnapshot(
      `"decisionMaker emailOnly → closed, counts lead | rules emailNoCallBack introEmailToDmOnly | dm true pitched true blocked false mode null callBack null | effects introEmail"`,
    );
    expect(answer({ ...dm, said: "emailOnly" }, lead())).toMatchInlineSnapshot(
      `"decisionMaker pitchedNotInterested → closed, counts nothing | rules alreadyPitchedLead | dm true pitched true blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "emailOnly" }, { ...fresh(), leadResult: "emailOnly" })).toMatchInlineSnapshot(
      `"decisionMaker emailOnly → closed, counts nothing | rules emailNoCallBack introEmailToDmOnly firstLeadOnly | dm true pitched true blocked false mode null callBack null | effects introEmail"`,
    );
    expect(answer({ ...dm, said: "emailAndCallBack", callBackAt: AT + 28 * DAY })).toMatchInlineSnapshot(
      `"decisionMaker emailFollowUp → pendingTask, counts lead | rules emailCallBackWithinBound introEmailToDmOnly | dm true pitched true blocked false mode null callBack 2026-12-21T10:00:00.000Z | effects followUpTask introEmail"`,
    );
    expect(answer({ ...dm, said: "emailAndCallBack", callBackAt: AT + 29 * DAY })).toMatchInlineSnapshot(
      `"decisionMaker nurtureEmailSent → pendingTask, counts lead | rules callBackBeyondBound introEmailToDmOnly | dm true pitched true blocked false mode null callBack 2026-12-22T10:00:00.000Z | effects followUpTask introEmail"`,
    );
    expect(answer({ ...dm, said: "emailAndCallBack", callBackAt: AT + 3 * DAY }, lead())).toMatchInlineSnapshot(
      `"decisionMaker followUp → pendingTask, counts nothing | rules followUpOnExistingLead | dm true pitched true blocked false mode null callBack 2026-11-26T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ ...dm, said: "callBackNoEmail", callBackAt: AT + 3 * DAY })).toMatchInlineSnapshot(
      `"decisionMaker nurtureNoEmailSent → pendingTask, counts lead | rules callBackNoEmail | dm true pitched true blocked false mode null callBack 2026-11-26T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ ...dm, said: "callBackNoEmail", callBackAt: AT + 3 * DAY }, lead())).toMatchInlineSnapshot(
      `"decisionMaker followUp → pendingTask, counts nothing | rules followUpOnExistingLead | dm true pitched true blocked false mode null callBack 2026-11-26T10:00:00.000Z | effects followUpTask"`,
    );
    expect(answer({ ...dm, said: "appointment", mode: "video" })).toMatchInlineSnapshot(
      `"decisionMaker appointmentBooked → closed, counts appointment | rules appointmentBooked | dm true pitched true blocked false mode video callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "appointment", mode: "fax" })).toMatchInlineSnapshot(
      `"error invalidFacts [mode] mode must be inPerson, phone or video"`,
    );
    expect(answer({ ...dm, pitched: false, said: "handledOverseas" })).toMatchInlineSnapshot(
      `"decisionMaker handledOverseas → closed, counts nothing | rules companyLevel | dm true pitched false blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "wantsConsultant" })).toMatchInlineSnapshot(
      `"decisionMaker wantsConsultantFollowUp → closed, counts nothing | rules wantsConsultant | dm true pitched true blocked false mode null callBack null | effects ownerChange"`,
    );
    expect(answer({ ...dm, said: "wantsConsultant" }, fresh(), DEFAULT_CAMPAIGN)).toMatchInlineSnapshot(
      `"error notEnabled [said] "Wants Consultant Follow Up" is not enabled in campaign default"`,
    );
    expect(answer({ ...dm, said: "maybe" })).toMatchInlineSnapshot(
      `"error invalidFacts [said] said is not a known decision-maker answer"`,
    );
  });

  it("not qualified", () => {
    expect(answer({ ...dm, said: "notQualified", measured: 9 })).toMatchInlineSnapshot(
      `"decisionMaker notQualifiedBelowMin → closed, counts nothing | rules belowMinimum | dm true pitched true blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "notQualified", measured: 10 })).toMatchInlineSnapshot(
      `"error qualifies [measured] 10 computers is within the qualifying range (10 to 50)"`,
    );
    expect(answer({ ...dm, said: "notQualified", measured: 50 })).toMatchInlineSnapshot(
      `"error qualifies [measured] 50 computers is within the qualifying range (10 to 50)"`,
    );
    expect(answer({ ...dm, said: "notQualified", measured: 51 })).toMatchInlineSnapshot(
      `"decisionMaker notQualifiedAboveMax → closed, counts nothing | rules aboveMaximum | dm true pitched true blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "notQualified", measured: Number.NaN })).toMatchInlineSnapshot(
      `"error invalidFacts [measured] measured must be a number"`,
    );
    expect(answer({ ...dm, said: "notQualified", measured: "8" })).toMatchInlineSnapshot(
      `"error invalidFacts [measured] measured must be a number"`,
    );
    expect(answer({ ...dm, said: "notQualified", measured: 8 }, fresh(), DEFAULT_CAMPAIGN)).toMatchInlineSnapshot(
      `"error noQualifyingRange [measured] campaign default has no qualifying range"`,
    );
    const noMin = { ...everything, qualifyingRange: { min: null, max: null, unit: "seats" } };
    expect(answer({ ...dm, said: "notQualified", measured: 8 }, fresh(), noMin)).toMatchInlineSnapshot(
      `"error qualifies [measured] 8 seats is within the qualifying range (any to any)"`,
    );
    const solar = {
      ...everything,
      customResults: [
        {
          id: "noRoof",
          label: "Not Qualified - No Roof",
          who: "decisionMakerOnly" as const,
          record: "closed" as const,
          countsAs: "nothing" as const,
          effects: [],
          notQualified: true,
        },
        {
          id: "pool",
          label: "Has a pool",
          who: "decisionMakerOnly" as const,
          record: "closed" as const,
          countsAs: "nothing" as const,
          effects: [],
        },
      ],
    };
    expect(answer({ ...dm, said: "notQualified", reason: "noRoof" }, fresh(), solar)).toMatchInlineSnapshot(
      `"decisionMaker noRoof → closed, counts nothing | rules campaignNotQualified | dm true pitched true blocked false mode null callBack null | effects "`,
    );
    expect(answer({ ...dm, said: "notQualified", reason: "pool" }, fresh(), solar)).toMatchInlineSnapshot(
      `"error invalidFacts [reason] "pool" is not a not-qualified result of campaign all"`,
    );
  });

  it("bad calls", () => {
    expect(answer(null)).toMatchInlineSnapshot(`"error invalidFacts [] facts must be an object"`);
    expect(answer("reception")).toMatchInlineSnapshot(`"error invalidFacts [] facts must be an object"`);
    expect(answer({ reached: "ceo" })).toMatchInlineSnapshot(
      `"error invalidFacts [reached] reached must be nobody, reception or decisionMaker"`,
    );
    expect(answer({ reached: "nobody", via: "noAnswer" }, { ...fresh(), status: "closed" })).toMatchInlineSnapshot(
      `"error invalidFacts [record] the record is closed: it is off the list"`,
    );
    const r = classify({ reached: "nobody", via: "noAnswer" }, fresh(), everything, "yesterday");
    expect(r.ok ? "" : r.error.message).toMatchInlineSnapshot(`"at must be a valid instant"`);
  });
});

function violations(
  call: Partial<LoggedCall<string>>,
  record: CallRecord<string> = fresh(),
  campaign: Campaign<string> = DEFAULT_CAMPAIGN,
): string[] {
  return validate({ at: AT, lastContact: "reception", result: "noContact", ...call }, record, campaign).map(
    (v) => `${v.code} [${v.field}]${v.suggested === undefined ? "" : ` → ${v.suggested}`}: ${v.message}`,
  );
}

describe("validate, whole messages", () => {
  it("every violation's message", () => {
    expect(violations({ at: "now" })).toMatchInlineSnapshot(`
      [
        "invalidInstant [at]: at must be a valid instant",
      ]
    `);
    expect(violations({}, { ...fresh(), status: "closed", lastResult: "wrongNumber" })).toMatchInlineSnapshot(`
      [
        "recordClosed [result]: the record is closed (wrongNumber): it is off the list",
      ]
    `);
    expect(violations({}, { ...fresh(), status: "closed" })).toMatchInlineSnapshot(`
      [
        "recordClosed [result]: the record is closed (closed): it is off the list",
      ]
    `);
    expect(violations({ lastContact: "ceo" as "reception" })).toMatchInlineSnapshot(`
      [
        "unknownLastContact [lastContact]: lastContact must be noContact, reception or decisionMaker",
      ]
    `);
    expect(violations({ result: "nope" })).toMatchInlineSnapshot(`
      [
        "unknownResult [result]: "nope" is not a result of campaign default",
      ]
    `);
    expect(violations({ result: "wantsConsultantFollowUp" })).toMatchInlineSnapshot(`
      [
        "notEnabled [result]: "Wants Consultant Follow Up" is not enabled in campaign default",
      ]
    `);
    expect(
      violations({ lastContact: "noContact", result: "emailOnlyHns" }, fresh(), everything),
    ).toMatchInlineSnapshot(`
      [
        "receptionOnly [lastContact]: "Email Only - HNS" is a Reception only result, but the Last Contact is No Contact",
      ]
    `);
    expect(
      violations({ lastContact: "decisionMaker", result: "deadEndOrBlocked" }, { ...fresh(), blockedAttempts: 3 }),
    ).toMatchInlineSnapshot(`
      [
        "receptionOrNone [lastContact]: "Dead End or Blocked" is for calls that never reach the Decision Maker",
      ]
    `);
    expect(violations({ lastContact: "reception", result: "followUp", task: { dueAt: AT } })).toMatchInlineSnapshot(`
      [
        "noLeadToFollowUp [result] → noContact: "Follow Up" is only for a record where we already spoke to the DM and have a lead to follow up",
      ]
    `);
    expect(violations({ lastContact: "decisionMaker", result: "emailOnly" }, lead())).toMatchInlineSnapshot(`
      [
        "repeatLead [result] → followUp: this record is already a lead: a follow-up call is logged as "Follow Up", never as "Email Only" again",
      ]
    `);
    expect(violations({ lastContact: "reception", result: "noContact" }, lead())).toMatchInlineSnapshot(`
      [
        "shouldBeFollowUp [result] → followUp: a follow-up call on an existing lead that does not reach the DM is logged as "Follow Up", not No Contact",
      ]
    `);
    expect(violations({ lastContact: "decisionMaker", result: "noContact" }, lead())).toMatchInlineSnapshot(`
      [
        "dmCutShortIsReception [lastContact] → followUp: a DM on an existing lead who cannot talk now is logged as "Follow Up", with the task rolled forward",
      ]
    `);
    expect(violations({ lastContact: "decisionMaker", result: "noContact" })).toMatchInlineSnapshot(`
      [
        "dmCutShortIsReception [lastContact]: a DM who cuts you short before the pitch is logged with Last Contact "Reception", No Contact and a task to call back",
      ]
    `);
    expect(
      violations({ lastContact: "decisionMaker", result: "emailFollowUp", callBackAt: "later", task: { dueAt: AT } }),
    ).toMatchInlineSnapshot(`
      [
        "invalidInstant [callBackAt]: callBackAt must be a valid instant",
      ]
    `);
    expect(
      violations({ lastContact: "decisionMaker", result: "emailFollowUp", callBackAt: AT - 1, task: { dueAt: AT } }),
    ).toMatchInlineSnapshot(`
      [
        "callBackInPast [callBackAt]: callBackAt is before the call itself",
      ]
    `);
    expect(
      violations({ lastContact: "decisionMaker", result: "emailFollowUp", callBackAt: AT, task: { dueAt: AT } }),
    ).toMatchInlineSnapshot(`[]`);
    expect(
      violations({
        lastContact: "decisionMaker",
        result: "emailFollowUp",
        callBackAt: AT + 28 * DAY,
        task: { dueAt: AT },
      }),
    ).toMatchInlineSnapshot(`[]`);
    expect(
      violations({
        lastContact: "decisionMaker",
        result: "emailFollowUp",
        callBackAt: AT + 29 * DAY,
        task: { dueAt: AT },
      }),
    ).toMatchInlineSnapshot(`
      [
        "callBackBeyondBound [result] → nurtureEmailSent: the call back is more than 4 weeks away: that is Nurture - Email Sent",
      ]
    `);
    expect(
      violations({
        lastContact: "decisionMaker",
        result: "nurtureEmailSent",
        callBackAt: AT + 28 * DAY,
        task: { dueAt: AT },
      }),
    ).toMatchInlineSnapshot(`
      [
        "callBackWithinBound [result] → emailFollowUp: an email and a call back within 4 weeks is Email Follow Up",
      ]
    `);
    expect(
      violations({
        lastContact: "decisionMaker",
        result: "nurtureEmailSent",
        callBackAt: AT + 29 * DAY,
        task: { dueAt: AT },
      }),
    ).toMatchInlineSnapshot(`[]`);
    expect(
      violations({ lastContact: "decisionMaker", result: "nurtureEmailSent", callBackAt: null, task: { dueAt: AT } }),
    ).toMatchInlineSnapshot(`[]`);
    expect(
      violations({ lastContact: "decisionMaker", result: "nurtureNoEmailSent", task: { dueAt: "x" } }),
    ).toMatchInlineSnapshot(`
      [
        "invalidInstant [task]: task.dueAt must be a valid instant",
      ]
    `);
    expect(
      violations({ lastContact: "reception", result: "deadEndOrBlocked" }, { ...fresh(), blockedAttempts: 1 }),
    ).toMatchInlineSnapshot(`
      [
        "deadEndTooEarly [result] → noContact: Dead End or Blocked is a last resort: 1 earlier blocked attempt(s), 2 needed",
      ]
    `);
  });
});

describe("the record, whole states", () => {
  it("a new record, and what each call changes", () => {
    expect(newRecord(AT)).toMatchInlineSnapshot(`
      {
        "appointments": 0,
        "blockedAttempts": 0,
        "doNotCall": false,
        "lastContact": null,
        "lastResult": null,
        "leadResult": null,
        "lifecycle": "callRecord",
        "ownedByClient": false,
        "reopensAt": null,
        "schemaVersion": 1,
        "status": "open",
        "updatedAt": "2026-11-23T10:00:00.000Z",
      }
    `);
    const lifecycle = buildCallRecord(everything);
    const log = (call: Partial<LoggedCall>, record: CallRecord = fresh()) =>
      lifecycle.transition(record, {
        type: "callLogged",
        actor: "agent",
        at: AT,
        lastContact: "reception",
        result: "noContact",
        ...call,
      });
    expect(log({ blocked: false })).toMatchInlineSnapshot(`
      {
        "ok": true,
        "value": {
          "effects": [],
          "state": {
            "appointments": 0,
            "blockedAttempts": 0,
            "doNotCall": false,
            "lastContact": "reception",
            "lastResult": "noContact",
            "leadResult": null,
            "lifecycle": "callRecord",
            "ownedByClient": false,
            "reopensAt": null,
            "schemaVersion": 1,
            "status": "open",
            "updatedAt": "2026-11-23T10:00:00.000Z",
          },
        },
      }
    `);
    expect(
      log({ lastContact: "decisionMaker", result: "emailOnly" }, { ...fresh(), doNotCall: true, ownedByClient: true }),
    ).toMatchInlineSnapshot(`
      {
        "ok": true,
        "value": {
          "effects": [
            {
              "bcc": [],
              "cc": [],
              "template": "Intro Email",
              "to": "decisionMaker",
              "type": "introEmail",
            },
          ],
          "state": {
            "appointments": 0,
            "blockedAttempts": 0,
            "doNotCall": true,
            "lastContact": "decisionMaker",
            "lastResult": "emailOnly",
            "leadResult": "emailOnly",
            "lifecycle": "callRecord",
            "ownedByClient": true,
            "reopensAt": null,
            "schemaVersion": 1,
            "status": "closed",
            "updatedAt": "2026-11-23T10:00:00.000Z",
          },
        },
      }
    `);
    expect(log({ result: "emailOnlyHns" })).toMatchInlineSnapshot(`
      {
        "ok": true,
        "value": {
          "effects": [],
          "state": {
            "appointments": 0,
            "blockedAttempts": 0,
            "doNotCall": false,
            "lastContact": "reception",
            "lastResult": "emailOnlyHns",
            "leadResult": null,
            "lifecycle": "callRecord",
            "ownedByClient": false,
            "reopensAt": null,
            "schemaVersion": 1,
            "status": "closed",
            "updatedAt": "2026-11-23T10:00:00.000Z",
          },
        },
      }
    `);
    expect(log({ lastContact: "reception", result: "pitchedNotInterested", task: null })).toMatchInlineSnapshot(`
      {
        "error": {
          "actor": "agent",
          "code": "decisionMakerOnly",
          "event": "callLogged",
          "field": "lastContact",
          "message": ""Pitched - Not Interested" is a Decision Maker only result, but the Last Contact is Reception",
          "status": "open",
        },
        "ok": false,
      }
    `);
    expect(lifecycle.initial("yesterday")).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "invalidInput",
          "issues": [
            {
              "message": "expected a valid instant",
              "path": "at",
            },
          ],
          "message": "Invalid call record: at: expected a valid instant",
        },
        "ok": false,
      }
    `);
  });
});
