import { describe, expect, it } from "vitest";
import { type Campaign, DEFAULT_CAMPAIGN } from "../../src/call-result/campaign.js";
import { newRecord } from "../../src/call-result/record.js";
import type { CallRecord } from "../../src/call-result/record-state.js";
import { type LoggedCall, validate } from "../../src/call-result/validate.js";

const AT = Date.parse("2026-11-23T10:00:00Z");
const DAY = 86_400_000;
const fresh = () => newRecord(AT - DAY);
const lead = (): CallRecord => ({
  ...fresh(),
  status: "pendingTask",
  lastResult: "nurtureEmailSent",
  leadResult: "nurtureEmailSent",
});
const task = { dueAt: AT + 7 * DAY };
// Widened to any result id (`<string>`): these tests log ids the campaign does not have, on purpose.
const v = (
  call: Partial<LoggedCall<string>>,
  record: CallRecord<string> = fresh(),
  campaign: Campaign<string> = DEFAULT_CAMPAIGN,
) =>
  validate({ at: AT, lastContact: "decisionMaker", result: "noContact", ...call }, record, campaign).map((x) => [
    x.code,
    x.field,
    x.suggested,
  ]);

describe("validate", () => {
  // "Remove From Database" is what someone asks for on the call.
  it("Remove From Database with Last Contact No Contact: nobody spoke, so nobody asked", () => {
    expect(v({ lastContact: "noContact", result: "removeFromDatabase" })).toEqual([
      ["nobodyAskedForRemoval", "lastContact", undefined],
    ]);
    expect(v({ lastContact: "reception", result: "removeFromDatabase" })).toEqual([]);
  });

  // "how about I touch base with you in a couple of days, or next week? If they agree you log it as
  // Email Follow Up" and "if they say yes then log the task in 2 to 3 days": the playbook's own
  // Email Follow Ups come sooner than its "1 week to 4 weeks" and "3 days to 4 weeks"; the bound
  // that decides is the upper one (beyond it, Nurture). The call back must only be after the call.
  it("Email Follow Up: a call back in a couple of days is right; one before the call is not", () => {
    expect(v({ result: "emailFollowUp", callBackAt: AT + 2 * DAY, task: { dueAt: AT + 2 * DAY } })).toEqual([]);
    expect(v({ result: "emailFollowUp", callBackAt: AT - DAY, task: { dueAt: AT + DAY } })).toEqual([
      ["callBackInPast", "callBackAt", undefined],
    ]);
  });

  it("a right call has no violations", () => {
    expect(v({ lastContact: "reception", result: "noContact" })).toEqual([]);
    expect(v({ result: "emailFollowUp", callBackAt: AT + 7 * DAY, task })).toEqual([]);
    expect(v({ lastContact: "reception", result: "followUp", task }, lead())).toEqual([]);
  });

  // "(This is a Decision Maker only field call result)"
  it("a DM-only result without DM contact", () => {
    for (const result of [
      "notInterestedNoPitch",
      "pitchedNotInterested",
      "existingClient",
      "appointmentBooked",
      "emailOnly",
    ]) {
      expect(v({ lastContact: "reception", result })).toEqual([["decisionMakerOnly", "lastContact", undefined]]);
    }
    const [violation] = validate({ at: AT, lastContact: "noContact", result: "emailOnly" }, fresh(), DEFAULT_CAMPAIGN);
    expect(violation?.message).toBe('"Email Only" is a Decision Maker only result, but the Last Contact is No Contact');
  });

  // "Email Only - HNS (This is a Reception only call result) … do not use … unless you have permission"
  it("a reception-only result without reception, or without the permission", () => {
    const hns = { ...DEFAULT_CAMPAIGN, emailOnlyHns: true };
    expect(v({ lastContact: "decisionMaker", result: "emailOnlyHns" }, fresh(), hns)).toEqual([
      ["receptionOnly", "lastContact", undefined],
    ]);
    expect(v({ lastContact: "reception", result: "emailOnlyHns" })).toEqual([["notEnabled", "result", undefined]]);
    expect(v({ lastContact: "reception", result: "emailOnlyHns" }, fresh(), hns)).toEqual([]);
  });

  it("a campaign-only result in a campaign that does not enable it", () => {
    expect(v({ result: "wantsConsultantFollowUp" })).toEqual([["notEnabled", "result", undefined]]);
    expect(
      v({ result: "wantsConsultantFollowUp" }, fresh(), { ...DEFAULT_CAMPAIGN, wantsConsultantFollowUp: true }),
    ).toEqual([]);
  });

  // "the call log Follow Up, should never be used if we only spoke to the Receptionist, it is only to
  // be used if we actually previously spoke to the DM"
  it("Follow Up on a record with no DM lead", () => {
    expect(v({ lastContact: "reception", result: "followUp", task })).toEqual([
      ["noLeadToFollowUp", "result", "noContact"],
    ]);
  });

  // "When calling these records we must not leave the Last Call Result call log as either Email
  // Follow Up or Nurture, otherwise our system and stats will consider this as a new lead generated."
  it("a repeat lead result on an existing lead should be Follow Up", () => {
    expect(v({ result: "emailFollowUp", callBackAt: AT + 7 * DAY, task }, lead())).toEqual([
      ["repeatLead", "result", "followUp"],
    ]);
    expect(v({ result: "emailOnly" }, lead())).toEqual([["repeatLead", "result", "followUp"]]);
    expect(v({ lastContact: "reception", result: "noContact" }, lead())).toEqual([
      ["shouldBeFollowUp", "result", "followUp"],
    ]);
    // a DM asking for a call back further out than 4 weeks rolls the nurture forward: allowed
    expect(v({ result: "nurtureEmailSent", callBackAt: AT + 40 * DAY, task }, lead())).toEqual([]);
  });

  // "Nurture … they've asked for us to touch base in 1 to 12 months or longer": on an existing lead
  // too, a call back within 4 weeks is Follow Up (the task rolled forward), never Nurture; and
  // validate agrees with classify on fresh and existing records alike.
  it("on an existing lead, Nurture within 4 weeks should be Follow Up; a DM's Follow Up beyond it should be Nurture", () => {
    for (const result of ["nurtureEmailSent", "nurtureNoEmailSent"]) {
      expect(v({ result, callBackAt: AT + 14 * DAY, task }, lead())).toEqual([
        ["callBackWithinBound", "result", "followUp"],
      ]);
    }
    expect(v({ result: "followUp", callBackAt: AT + 14 * DAY, task }, lead())).toEqual([]);
    expect(v({ result: "followUp", callBackAt: AT + 40 * DAY, task }, lead())).toEqual([
      ["callBackBeyondBound", "result", undefined],
    ]);
    // Not reaching the DM, any call back is Follow Up.
    expect(v({ lastContact: "reception", result: "followUp", callBackAt: AT + 40 * DAY, task }, lead())).toEqual([]);
  });

  it("Email Follow Up beyond 4 weeks should be Nurture; Nurture with an email within 4 weeks should be Email Follow Up", () => {
    expect(v({ result: "emailFollowUp", callBackAt: AT + 29 * DAY, task })).toEqual([
      ["callBackBeyondBound", "result", "nurtureEmailSent"],
    ]);
    expect(v({ result: "nurtureEmailSent", callBackAt: AT + 14 * DAY, task })).toEqual([
      ["callBackWithinBound", "result", "emailFollowUp"],
    ]);
    expect(v({ result: "nurtureEmailSent", callBackAt: AT + 60 * DAY, task })).toEqual([]);
    expect(v({ result: "nurtureNoEmailSent", callBackAt: AT + 14 * DAY, task })).toEqual([]);
  });

  // "Important – You must log a follow up task after logging the call as Email Follow Up"
  it("a result that needs a task logged without one", () => {
    for (const result of ["emailFollowUp", "nurtureEmailSent", "nurtureNoEmailSent"]) {
      expect(v({ result, callBackAt: AT + 60 * DAY }).map((x) => x[0])).toContain("taskMissing");
    }
    expect(v({ lastContact: "reception", result: "followUp", task: null }, lead())).toEqual([
      ["taskMissing", "task", undefined],
    ]);
  });

  // "…we do not really count it as a Last Contact: Decision Maker, we just log it as Last Contact:
  // Reception, Last Call Result: No Contact (Call back)"
  it("No Contact with the DM as Last Contact is the cut-short exception logged wrong", () => {
    expect(v({ lastContact: "decisionMaker", result: "noContact" })).toEqual([
      ["dmCutShortIsReception", "lastContact", undefined],
    ]);
    expect(v({ lastContact: "decisionMaker", result: "noContact" }, lead())).toEqual([
      ["dmCutShortIsReception", "lastContact", "followUp"],
    ]);
  });

  it("a task whose due time is not an instant, on any result", () => {
    for (const t of [{ dueAt: "soon" }, "tomorrow", 5]) {
      expect(v({ lastContact: "reception", result: "noContact", task: t as never })).toEqual([
        ["invalidInstant", "task", undefined],
      ]);
    }
  });

  it("a call back in the past, or not an instant", () => {
    expect(v({ result: "emailFollowUp", callBackAt: AT - 1, task })).toEqual([
      ["callBackInPast", "callBackAt", undefined],
    ]);
    expect(v({ result: "emailFollowUp", callBackAt: "next week", task })).toEqual([
      ["invalidInstant", "callBackAt", undefined],
    ]);
  });

  it("dead end too early, and never with the DM", () => {
    expect(v({ lastContact: "reception", result: "deadEndOrBlocked" })).toEqual([
      ["deadEndTooEarly", "result", "noContact"],
    ]);
    expect(v({ lastContact: "reception", result: "deadEndOrBlocked" }, { ...fresh(), blockedAttempts: 2 })).toEqual([]);
    expect(v({ lastContact: "noContact", result: "deadEndOrBlocked" }, { ...fresh(), blockedAttempts: 2 })).toEqual([]);
    expect(v({ lastContact: "decisionMaker", result: "deadEndOrBlocked" }, { ...fresh(), blockedAttempts: 2 })).toEqual(
      [["receptionOrNone", "lastContact", undefined]],
    );
  });

  it("reports every violation at once, and bad input as violations", () => {
    expect(
      v({ lastContact: "reception", result: "emailFollowUp", callBackAt: AT + 40 * DAY }).map((x) => x[0]),
    ).toEqual(["decisionMakerOnly", "callBackBeyondBound", "taskMissing"]);
    expect(v({ result: "maybe" })).toEqual([["unknownResult", "result", undefined]]);
    expect(v({ lastContact: "ceo" as "reception" })).toEqual([["unknownLastContact", "lastContact", undefined]]);
    expect(v({ at: "tuesday", lastContact: "reception" })).toEqual([["invalidInstant", "at", undefined]]);
    expect(v({ lastContact: "reception" }, { ...fresh(), status: "closed", lastResult: "wrongNumber" })).toEqual([
      ["recordClosed", "result", undefined],
    ]);
    expect(v({ result: 7 as unknown as string })).toEqual([["unknownResult", "result", undefined]]);
  });
});
