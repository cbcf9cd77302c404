// Issue 28 point 1: the 4-week bound of Email Follow Up is by calendar date in the campaign's time
// zone, and classify, validate and logCall agree on fresh and existing records alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Campaign, DEFAULT_CAMPAIGN } from "../../src/call-result/campaign.js";
import { type CallFacts, classify, toLoggedCall } from "../../src/call-result/classify.js";
import { logCall, newRecord } from "../../src/call-result/record.js";
import type { CallRecord } from "../../src/call-result/record-state.js";
import { createCampaign } from "../../src/call-result/schema.js";
import { validate } from "../../src/call-result/validate.js";
import { startOfDateIn } from "../../src/core/calendar.js";
import { unwrap } from "../helpers.js";
import { facts } from "./arbitraries.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Every zone the runtime knows, however odd (half-hour offsets, DST at midnight, both hemispheres).
const ZONES = Intl.supportedValuesOf("timeZone");
const zone = fc.constantFrom(...ZONES);
const FROM = Date.parse("2000-01-01T00:00:00Z");
const TO = Date.parse("2040-01-01T00:00:00Z");
const instant = fc.integer({ min: FROM, max: TO });

// An oracle that shares no code with the library: the local date as Intl writes it, as a day number.
const formats = new Map<string, Intl.DateTimeFormat>();
function localDay(ms: number, timeZone: string): number {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, format);
  }
  return Date.parse(`${format.format(ms)}T00:00:00Z`) / DAY;
}
const localDate = (ms: number, timeZone: string): string =>
  new Date(localDay(ms, timeZone) * DAY).toISOString().slice(0, 10);

const campaignIn = (timeZone: string, weeks = 4): Campaign =>
  unwrap(createCampaign({ id: "c", timeZone, emailFollowUpWeeks: weeks }));
const fresh = (at: number): CallRecord => newRecord(at - DAY);
const existing = (at: number): CallRecord => ({
  ...fresh(at),
  status: "pendingTask",
  lastContact: "decisionMaker",
  lastResult: "emailFollowUp",
  leadResult: "emailFollowUp",
});
const emailAndCallBack = (callBackAt: number): CallFacts => ({
  reached: "decisionMaker",
  pitched: true,
  said: "emailAndCallBack",
  callBackAt,
});

describe("the Email Follow Up bound, by date in the campaign's time zone", () => {
  // "If the agreed call back date is further ahead than 4 weeks, log as Nurture"
  it("the date exactly 4 weeks after the call's date is within at any hour; the next date is beyond (every zone)", () => {
    fc.assert(
      fc.property(zone, instant, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (tz, at, f) => {
        const c = campaignIn(tz);
        const date = localDate(at, tz);
        for (const [days, expected] of [
          [28, "emailFollowUp"],
          [29, "nurtureEmailSent"],
        ] as const) {
          const start = startOfDateIn(date, tz, days);
          const end = startOfDateIn(date, tz, days + 1);
          const callBack = start + Math.floor(f * (end - start));
          expect(localDay(callBack, tz) - localDay(at, tz)).toBe(days);
          expect(unwrap(classify(emailAndCallBack(callBack), fresh(at), c, at)).result).toBe(expected);
        }
      }),
    );
  });

  it("within exactly when the call back's local date is at most 28 days after the call's (Intl oracle, every zone, DST between included)", () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 40 * DAY }), (tz, at, gap) => {
        const within = localDay(at + gap, tz) - localDay(at, tz) <= 28;
        const result = unwrap(classify(emailAndCallBack(at + gap), fresh(at), campaignIn(tz), at)).result;
        expect(result).toBe(within ? "emailFollowUp" : "nurtureEmailSent");
        // On an existing lead the same bound splits Follow Up from Nurture.
        const rolled = unwrap(classify(emailAndCallBack(at + gap), existing(at), campaignIn(tz), at)).result;
        expect(rolled).toBe(within ? "followUp" : "nurtureEmailSent");
      }),
    );
  });

  it("the same local time 4 weeks later across a DST change is within (seed: a call back in 4 weeks)", () => {
    // Sydney leaves DST on 5 April 2026: 28 days of wall time are 28 days + 1 hour of elapsed time.
    const at = Date.parse("2026-03-20T10:00:00+11:00");
    const fourWeeks = Date.parse("2026-04-17T10:00:00+10:00");
    expect(fourWeeks - at).toBe(28 * DAY + HOUR);
    const c = campaignIn("Australia/Sydney");
    expect(unwrap(classify(emailAndCallBack(fourWeeks), fresh(at), c, at)).result).toBe("emailFollowUp");
    expect(
      validate(
        {
          at,
          lastContact: "decisionMaker",
          result: "emailFollowUp",
          callBackAt: fourWeeks,
          task: { dueAt: fourWeeks },
        },
        fresh(at),
        c,
      ),
    ).toEqual([]);
    // In UTC, 23:30 on the call's date is in the next Sydney date: its 4 weeks end a day later.
    const late = Date.parse("2026-11-23T23:30:00Z");
    const monday = Date.parse("2026-12-22T12:00:00Z");
    expect(unwrap(classify(emailAndCallBack(monday), fresh(late), DEFAULT_CAMPAIGN, late)).result).toBe(
      "nurtureEmailSent",
    );
    expect(unwrap(classify(emailAndCallBack(monday), fresh(late), c, late)).result).toBe("emailFollowUp");
  });

  it("a campaign's time zone is validated and stored in its canonical spelling; UTC by default", () => {
    expect(unwrap(createCampaign({ id: "c" })).timeZone).toBe("UTC");
    expect(unwrap(createCampaign({ id: "c", timeZone: "europe/london" })).timeZone).toBe("Europe/London");
    const bad = createCampaign({ id: "c", timeZone: "Mars/Olympus" });
    expect(bad.ok || bad.error.issues.map((i) => i.path)).toEqual(["timeZone"]);
    const wrong = classify(emailAndCallBack(0), fresh(0), { ...DEFAULT_CAMPAIGN, timeZone: "Mars/Olympus" }, 0);
    expect(wrong.ok || wrong.error.field).toBe("campaign");
  });
});

describe("classify, validate and logCall agree on fresh and existing records", () => {
  const dmCallBack = (at: number) =>
    fc.record({
      reached: fc.constant("decisionMaker" as const),
      pitched: fc.boolean(),
      said: fc.constantFrom("emailAndCallBack" as const, "callBackNoEmail" as const, "cantTalkNow" as const),
      callBackAt: fc.integer({ min: 0, max: 60 * DAY }).map((gap) => at + gap),
    });
  it("whatever classify answers passes validate and is what logCall logs; Nurture only beyond the bound", () => {
    fc.assert(
      fc.property(
        zone,
        fc.constantFrom(1, 2, 4, 6),
        instant.chain((at) => fc.tuple(fc.constant(at), fc.oneof(dmCallBack(at), facts(at)), fc.boolean())),
        (tz, weeks, [at, f, isLead]) => {
          const c = campaignIn(tz, weeks);
          const record = isLead ? existing(at) : fresh(at);
          const classified = classify(f, record, c, at);
          if (!classified.ok) return;
          const { result, callBackAt } = classified.value;
          expect(validate(toLoggedCall(classified.value, at), record, c)).toEqual([]);
          const logged = unwrap(logCall(record, f, c, at, "agent"));
          expect(logged.state.lastResult).toBe(result);
          if (callBackAt === null || f.reached !== "decisionMaker") return;
          const within = localDay(Date.parse(callBackAt), tz) - localDay(at, tz) <= weeks * 7;
          if (result.startsWith("nurture") && (isLead || f.said === "emailAndCallBack")) expect(within).toBe(false);
          if (isLead)
            expect(result).toBe(
              within ? "followUp" : f.said === "emailAndCallBack" ? "nurtureEmailSent" : "nurtureNoEmailSent",
            );
        },
      ),
    );
  });
});
