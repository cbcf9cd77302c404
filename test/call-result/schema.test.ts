import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN, resultFlags } from "../../src/call-result/campaign.js";
import { newRecord } from "../../src/call-result/record.js";
import { CALL_RESULTS } from "../../src/call-result/results.js";
import { createCampaign, parseCallFacts, parseCallRecord, parseLoggedCall } from "../../src/call-result/schema.js";
import { validate } from "../../src/call-result/validate.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { facts, NO_ROOF, T0 } from "./arbitraries.js";

const iso = (ms: number): string => new Date(ms).toISOString();

describe("call-result schemas", () => {
  it("every well-formed set of facts parses back as itself (instants normalised)", () => {
    fc.assert(
      fc.property(facts(T0), (f) => {
        const parsed = unwrap(parseCallFacts(f));
        const expected =
          "callBackAt" in f && f.callBackAt !== undefined ? { ...f, callBackAt: iso(f.callBackAt as number) } : f;
        expect(parsed).toEqual(expected);
      }),
    );
  });

  it("facts in the wrong shape are refused, saying so", () => {
    for (const bad of [
      { reached: "reception", said: "appointment" },
      { reached: "nobody", via: "pigeon" },
      { reached: "decisionMaker", said: "emailOnly" },
      { reached: "decisionMaker", pitched: true, said: "appointment", mode: "telepathy" },
      { reached: "decisionMaker", pitched: true, said: "emailAndCallBack" },
      { reached: "reception", said: "screenedOut", extra: 1 },
    ]) {
      const error = unwrapErr(parseCallFacts(bad));
      expect(error.message.startsWith("Invalid call facts")).toBe(true);
    }
    expect(unwrapErr(parseCallFacts(null)).message.startsWith("Invalid call facts")).toBe(true);
    expect(unwrapErr(parseCallFacts({ reached: 3 })).issues).toEqual([
      { path: "reached", message: "must be nobody, reception or decisionMaker" },
    ]);
  });

  it("reads a logged call with every field, and refuses unknown fields", () => {
    expect(
      unwrap(
        parseLoggedCall({
          at: "2026-11-23T10:00:00+11:00",
          lastContact: "decisionMaker",
          result: "emailFollowUp",
          callBackAt: "2026-11-30T10:00:00+11:00",
          task: { dueAt: "2026-11-30T10:00:00+11:00" },
          blocked: false,
        }),
      ),
    ).toEqual({
      at: "2026-11-22T23:00:00.000Z",
      lastContact: "decisionMaker",
      result: "emailFollowUp",
      callBackAt: "2026-11-29T23:00:00.000Z",
      task: { dueAt: "2026-11-29T23:00:00.000Z" },
      blocked: false,
    });
    expect(
      parseLoggedCall({ at: 0, lastContact: "reception", result: "noContact", callBackAt: null, task: null }).ok,
    ).toBe(true);
    expect(
      unwrapErr(parseLoggedCall({ at: 0, lastContact: "reception", result: "noContact", note: "x" })).issues,
    ).toEqual([{ path: "note", message: "is not a known field" }]);
    expect(
      unwrapErr(parseLoggedCall({ at: 0, lastContact: "reception", result: "noContact", task: { due: 1 } }))
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(["task.due", "task.dueAt"]);
  });

  it("reads stored records and refuses other versions", () => {
    const record = newRecord(T0);
    expect(unwrap(parseCallRecord(record))).toEqual(record);
    expect(unwrapErr(parseCallRecord({ ...record, schemaVersion: 2 })).message).toContain("unsupported schemaVersion");
    expect(
      unwrapErr(parseCallRecord({ ...record, appointments: -1, lastResult: "" }))
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(["appointments", "lastResult"]);
  });

  // Result ids are a closed set (the type says so): a stored record or logged call holding an id
  // the campaign does not have is refused, naming the field; with its campaign it reads back.
  it("results must be the campaign's: the playbook's by default, a campaign's own when it is passed", () => {
    const solar = unwrap(
      createCampaign({
        id: "solar",
        customResults: [NO_ROOF],
      }),
    );
    const stored = { ...newRecord(T0), status: "closed", lastResult: "notQualifiedNoRoof", leadResult: "emailOnlyy" };
    expect(unwrapErr(parseCallRecord(stored)).issues).toEqual([
      {
        path: "lastResult",
        message: '"notQualifiedNoRoof" is not a result of campaign "default": pass the campaign that has it',
      },
      {
        path: "leadResult",
        message: '"emailOnlyy" is not a result of campaign "default": pass the campaign that has it',
      },
    ]);
    expect(unwrapErr(parseCallRecord(stored, solar)).issues).toEqual([
      {
        path: "leadResult",
        message: '"emailOnlyy" is not a result of campaign "solar": pass the campaign that has it',
      },
    ]);
    const ok = { ...stored, leadResult: null };
    expect(unwrap(parseCallRecord(ok, solar))).toEqual(ok);
    expect(unwrap(parseCallRecord({ ...ok, lastResult: "emailOnly" }))).toEqual({ ...ok, lastResult: "emailOnly" });
    const call = { at: iso(T0), lastContact: "decisionMaker", result: "notQualifiedNoRoof" };
    expect(unwrapErr(parseLoggedCall(call)).message).toBe(
      'Invalid logged call: result: "notQualifiedNoRoof" is not a result of campaign "default": pass the campaign that has it',
    );
    expect(unwrap(parseLoggedCall(call, solar))).toEqual(call);
    // A campaign that is not one reads as having no results of its own, and never throws.
    expect(parseCallRecord(ok, null as never).ok).toBe(false);
    expect(parseCallRecord({ ...ok, lastResult: "wrongNumber" }, 7 as never).ok).toBe(true);
  });

  it("a campaign's custom result takes every flag value the built-in ones can", () => {
    const customResults = Object.entries(CALL_RESULTS).map(([id, flags]) => ({
      ...flags,
      effects: [...flags.effects],
      id: `custom-${id}`,
    }));
    const campaign = unwrap(createCampaign({ id: "all", customResults }));
    expect(campaign.customResults).toHaveLength(Object.keys(CALL_RESULTS).length);
    expect(resultFlags(campaign, "custom-emailOnlyHns")?.permission).toBe("emailOnlyHns");
    expect(resultFlags(campaign, "custom-nope")).toBeUndefined();
    expect(resultFlags(DEFAULT_CAMPAIGN, "toString")).toBeUndefined();
  });

  it("qualifying ranges: open ends allowed, min above max refused", () => {
    expect(
      unwrapErr(createCampaign({ id: "x", qualifyingRange: { min: 50, max: 10, unit: "computers" } })).issues,
    ).toEqual([{ path: "qualifyingRange.min", message: "min must not be above max" }]);
    for (const range of [
      { min: 10, max: 10, unit: "computers" },
      { min: null, max: 5, unit: "computers" },
      { min: 5, max: null, unit: "computers" },
    ]) {
      expect(unwrap(createCampaign({ id: "x", qualifyingRange: range })).qualifyingRange).toEqual(range);
    }
    expect(
      unwrapErr(createCampaign({ id: "x", qualifyingRange: { min: 1, max: 2 } })).issues.map((i) => i.path),
    ).toEqual(["qualifyingRange.unit"]);
  });

  it("names the campaign in messages", () => {
    expect(DEFAULT_CAMPAIGN.id).toBe("default");
    expect(
      validate({ at: 0, lastContact: "reception", result: "nope" }, newRecord(0), DEFAULT_CAMPAIGN)[0]?.message,
    ).toBe('"nope" is not a result of campaign default');
    expect(unwrapErr(createCampaign({})).message.startsWith("Invalid campaign")).toBe(true);
  });
});
