import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { campaignZone, withinBound } from "../../src/call-result/bound.js";
import { type Campaign, DEFAULT_CAMPAIGN, resultFlags } from "../../src/call-result/campaign.js";
import { COMPANY_FINDINGS, NOBODY_VIA, RECEPTION_ANSWERS } from "../../src/call-result/classify.js";
import { newRecord } from "../../src/call-result/record.js";
import { createCampaign, parseCallFacts, parseCallRecord, parseLoggedCall } from "../../src/call-result/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { DAY, NO_ROOF, T0 } from "./arbitraries.js";

const CB = "2026-11-09T09:00:00.000Z";
const FINDINGS = Object.keys(COMPANY_FINDINGS);

/** One example of every documented shape of call facts (docs/call-result.md, "Call facts"). */
const WELL_FORMED: readonly Record<string, unknown>[] = [
  ...NOBODY_VIA.map((via) => ({ reached: "nobody", via })),
  { reached: "nobody", via: "noAnswer", callBackAt: CB, id: "call-1" },
  ...[...RECEPTION_ANSWERS, ...FINDINGS].map((said) => ({ reached: "reception", said })),
  { reached: "reception", said: "screenedOut", putThroughToVoicemail: false, callBackAt: CB, id: "call-2" },
  { reached: "reception", putThroughToVoicemail: true },
  { reached: "reception", putThroughToVoicemail: true, callBackAt: CB, id: "call-3" },
  { reached: "decisionMaker", said: "cantTalkNow", callBackAt: CB },
  { reached: "decisionMaker", pitched: false, said: "cantTalkNow", callBackAt: CB, id: "call-4" },
  ...["notInterested", "inTalksWithSalesRep", "existingClient", "emailOnly", ...FINDINGS].map((said) => ({
    reached: "decisionMaker",
    pitched: true,
    said,
    id: `dm-${said}`,
  })),
  { reached: "decisionMaker", pitched: true, said: "notQualified" },
  { reached: "decisionMaker", pitched: true, said: "notQualified", measured: 12, reason: "too small", id: "c5" },
  { reached: "decisionMaker", pitched: true, said: "emailAndCallBack", callBackAt: CB },
  { reached: "decisionMaker", pitched: false, said: "callBackNoEmail", callBackAt: CB, id: "c6" },
  { reached: "decisionMaker", pitched: true, said: "appointment", mode: "inPerson" },
];

const FULL_CAMPAIGN = {
  id: "solar",
  emailFollowUpWeeks: 6,
  timeZone: "Europe/London",
  deadEndMinBlockedAttempts: 3,
  emailOnlyHns: true,
  wantsConsultantFollowUp: true,
  recycleNoPitchAfterDays: 30,
  qualifyingRange: { min: 4, max: 4, unit: "kW" },
  customResults: [NO_ROOF],
};

const issues = (result: { ok: boolean }) => unwrapErr(result as Parameters<typeof unwrapErr>[0]);

describe("call-result parsers: exact answers for documented shapes and refusals", () => {
  // Kept first: the parsers' schemas are built on first use, so this test reads every shape.
  it("every documented shape reads back; each documented refusal is an error value naming its field", () => {
    for (const f of WELL_FORMED) expect(unwrap(parseCallFacts(f))).toEqual(f);
    expect(unwrap(createCampaign(FULL_CAMPAIGN))).toEqual(FULL_CAMPAIGN);
    const record = newRecord(T0);
    expect(unwrap(parseCallRecord(record))).toEqual(record);
    expect(unwrap(parseLoggedCall({ at: CB, lastContact: "decisionMaker", result: "emailOnly" }))).toEqual({
      at: CB,
      lastContact: "decisionMaker",
      result: "emailOnly",
    });

    // Reception that only put the call through must say it did.
    expect(parseCallFacts({ reached: "reception", putThroughToVoicemail: false }).ok).toBe(false);
    expect(parseCallFacts({ reached: "reception" }).ok).toBe(false);
    // A decision maker who could have been pitched must say whether they were.
    expect(parseCallFacts({ reached: "decisionMaker", said: "notInterested" }).ok).toBe(false);

    expect(issues(createCampaign({ id: "x", timeZone: "Mars/Olympus" }))).toEqual({
      code: "invalidInput",
      message: 'Invalid campaign: timeZone: must be an IANA time-zone name such as "Europe/London"',
      issues: [{ path: "timeZone", message: 'must be an IANA time-zone name such as "Europe/London"' }],
    });
    expect(issues(createCampaign({ id: "x", qualifyingRange: { min: 5, max: 4, unit: "kW" } }))).toEqual({
      code: "invalidInput",
      message: "Invalid campaign: qualifyingRange.min: min must not be above max",
      issues: [{ path: "qualifyingRange.min", message: "min must not be above max" }],
    });
    expect(
      unwrapErr(createCampaign({ id: "x", customResults: [NO_ROOF, { ...NO_ROOF }, { ...NO_ROOF, id: "emailOnly" }] }))
        .issues,
    ).toEqual([
      { path: "customResults.1.id", message: '"notQualifiedNoRoof" is already a result id' },
      { path: "customResults.2.id", message: '"emailOnly" is already a result id' },
    ]);
    expect(issues(parseCallRecord({ ...record, schemaVersion: 2 }))).toEqual({
      code: "invalidInput",
      message:
        "Invalid call record: schemaVersion: unsupported schemaVersion: this version of leadrules reads version 1",
      issues: [
        {
          path: "schemaVersion",
          message: "unsupported schemaVersion: this version of leadrules reads version 1",
        },
      ],
    });
  });

  it("a campaign's time zone is stored in its canonical spelling", () => {
    expect(unwrap(createCampaign({ id: "solar", timeZone: "australia/sydney" })).timeZone).toBe("Australia/Sydney");
    expect(unwrap(createCampaign({ id: "solar" })).timeZone).toBe(DEFAULT_CAMPAIGN.timeZone);
  });

  it("a qualifying range may be open at either end, never inverted, and has no other fields", () => {
    fc.assert(
      fc.property(fc.option(fc.integer()), fc.option(fc.integer()), (min, max) => {
        const parsed = createCampaign({ id: "x", qualifyingRange: { min, max, unit: "kW" } });
        expect(parsed.ok).toBe(min === null || max === null || min <= max);
      }),
    );
    expect(
      unwrapErr(createCampaign({ id: "x", qualifyingRange: { min: 1, max: 2, unit: "kW", extra: 1 } })).issues,
    ).toHaveLength(1);
  });

  it("a custom result needs every flag and no others", () => {
    const { notQualified: _optional, ...required } = NO_ROOF;
    expect(unwrap(createCampaign({ id: "x", customResults: [required] })).customResults).toEqual([required]);
    for (const flag of ["label", "who", "record", "countsAs", "effects"] as const) {
      const { [flag]: _dropped, ...missing } = NO_ROOF;
      expect(unwrapErr(createCampaign({ id: "x", customResults: [missing] })).issues.map((i) => i.path)).toEqual([
        `customResults.0.${flag}`,
      ]);
    }
    expect(createCampaign({ id: "x", customResults: [{ ...NO_ROOF, colour: "red" }] }).ok).toBe(false);
    expect(createCampaign({ id: "x", colour: "red" }).ok).toBe(false);
  });

  it("bad call facts are error values naming the field, never a crash", () => {
    expect(issues(parseCallFacts({ reached: "voicemail" }))).toEqual({
      code: "invalidInput",
      message: "Invalid call facts: reached: must be nobody, reception or decisionMaker",
      issues: [{ path: "reached", message: "must be nobody, reception or decisionMaker" }],
    });
    // Input that is not an object is refused as such, not blamed on `reached`.
    for (const bad of [null, "reception", 3, undefined]) {
      const error = unwrapErr(parseCallFacts(bad));
      expect(error.code).toBe("invalidInput");
      expect(error.message.startsWith("Invalid call facts")).toBe(true);
      expect(error.issues.map((i) => i.path)).not.toContain("reached");
      expect(error.issues.map((i) => i.code)).not.toContain("unreadable");
    }
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
        has() {
          throw new Error("boom");
        },
        ownKeys() {
          throw new Error("boom");
        },
        getOwnPropertyDescriptor() {
          throw new Error("boom");
        },
        getPrototypeOf() {
          throw new Error("boom");
        },
      },
    );
    const unreadable = unwrapErr(parseCallFacts(throwing));
    expect(unreadable.code).toBe("invalidInput");
    expect(unreadable.message.startsWith("Invalid call facts: the input could not be read")).toBe(true);
    expect(unreadable.issues.map((i) => i.code)).toEqual(["unreadable"]);
  });

  it("each parser names what it was reading", () => {
    const logged = unwrapErr(parseLoggedCall({ at: CB, lastContact: "decisionMaker" }));
    expect(logged.issues.map((i) => i.path)).toEqual(["result"]);
    expect(logged.message.startsWith("Invalid logged call: result: ")).toBe(true);
    expect(unwrapErr(parseCallRecord({ ...newRecord(T0), lastResult: "nope" })).message).toBe(
      'Invalid call record: lastResult: "nope" is not a result of campaign "default": pass the campaign that has it',
    );
  });
});

describe("campaign zone and result look-up", () => {
  const zoneless = (zone: unknown): Campaign<string> => ({ ...DEFAULT_CAMPAIGN, timeZone: zone as string });

  it("a campaign stored before campaigns had a zone reads as UTC", () => {
    const { timeZone: _none, ...old } = DEFAULT_CAMPAIGN;
    expect(campaignZone(old as unknown as Campaign<string>)).toBe("UTC");
    expect(campaignZone(zoneless("europe/london"))).toBe("Europe/London");
  });

  it("a zone the campaign cannot name reads as UTC in the Email Follow Up bound", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * DAY }), (later) => {
        const at = T0 + 13 * 3_600_000;
        expect(withinBound(zoneless("Mars/Olympus"), at, at + later)).toBe(
          withinBound(zoneless("UTC"), at, at + later),
        );
      }),
    );
  });

  it("only a string is a result id; a campaign's odd custom results never crash the look-up", () => {
    for (const notAnId of [["emailOnly"], { toString: () => "emailOnly" }, 42, null, undefined]) {
      expect(resultFlags(DEFAULT_CAMPAIGN, notAnId as string)).toBeUndefined();
    }
    const odd = { ...DEFAULT_CAMPAIGN, customResults: [null, NO_ROOF] } as unknown as Campaign<string>;
    expect(resultFlags(odd, "notQualifiedNoRoof")).toEqual(NO_ROOF);
    expect(resultFlags(odd, "nope")).toBeUndefined();
  });
});
