// npm run bench (call results): `classify` over 1,000,000 seeded calls (facts + the record's history
// + the campaign), beside a hand-written if/else classifier over the same calls that produces the
// same answer — Last Contact, result, what it does to the record, what it counts as, the effects
// with their due times — and must agree on every call; then `validate` over the classified calls.
// Prints throughput and the ratio (target ≥ 0.5); nothing is asserted on absolute times. Figures:
// bench/results.mjs.
import { type Campaign, DEFAULT_CAMPAIGN } from "../src/call-result/campaign.js";
import { type CallFacts, classify, toLoggedCall } from "../src/call-result/classify.js";
import { newRecord } from "../src/call-result/record.js";
import type { CallRecord } from "../src/call-result/record-state.js";
import { validate } from "../src/call-result/validate.js";
import { startBench } from "./results.mjs";
import { best, rng } from "./support.js";

const bench = startBench("call-result", "node --import tsx bench/call-result.bench.ts");
const N = bench.quick ? 20_000 : 1_000_000;
const T0 = Date.parse("2026-11-02T09:00:00Z");
const DAY = 86_400_000;
const campaign: Campaign = {
  ...DEFAULT_CAMPAIGN,
  id: "bench",
  qualifyingRange: { min: 10, max: 50, unit: "computers" },
};

const random = rng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const fresh = newRecord(T0);
const RECORDS: readonly CallRecord[] = [
  fresh,
  { ...fresh, blockedAttempts: 1 },
  { ...fresh, blockedAttempts: 2 },
  { ...fresh, status: "pendingTask", leadResult: "emailFollowUp", lastResult: "emailFollowUp" },
  { ...fresh, leadResult: "emailOnly" },
];
const RECEPTION = [
  "dmUnavailable",
  "screenedOut",
  "takeMessage",
  "emailInfo",
  "blocked",
  "handledByParentCompany",
  "outsourced",
  "wrongNumber",
  "doNotCallAgain",
] as const;
const facts: CallFacts[] = new Array(N);
const records: CallRecord[] = new Array(N);
const at = T0 + DAY;
for (let i = 0; i < N; i++) {
  records[i] = pick(RECORDS);
  const r = random();
  const callBackAt = at + Math.floor(random() * 90) * DAY;
  facts[i] =
    r < 0.3
      ? { reached: "nobody", via: pick(["companyVoicemail", "directLineVoicemail", "noAnswer"] as const), callBackAt }
      : r < 0.65
        ? { reached: "reception", said: pick(RECEPTION), putThroughToVoicemail: random() < 0.3, callBackAt }
        : (pick([
            { reached: "decisionMaker", pitched: false, said: "cantTalkNow", callBackAt },
            { reached: "decisionMaker", pitched: random() < 0.5, said: "notInterested" },
            { reached: "decisionMaker", pitched: false, said: "inTalksWithSalesRep" },
            { reached: "decisionMaker", pitched: true, said: "existingClient" },
            { reached: "decisionMaker", pitched: true, said: "notQualified", measured: pick([5, 8, 150, 400]) },
            { reached: "decisionMaker", pitched: true, said: "emailOnly" },
            { reached: "decisionMaker", pitched: true, said: "emailAndCallBack", callBackAt },
            { reached: "decisionMaker", pitched: true, said: "callBackNoEmail", callBackAt },
            { reached: "decisionMaker", pitched: true, said: "appointment", mode: "inPerson" },
          ] as const) as CallFacts);
}

// The hand-written classifier: the same rules as plain if/else over strings.
interface Hand {
  lastContact: string;
  result: string;
  record: string;
  countsAs: string;
  effects: unknown[];
  callBackAt: string | null;
}
const INTRO = { type: "introEmail", template: "Intro Email", to: "decisionMaker", cc: [], bcc: [] };
function answer(lastContact: string, result: string, record: CallRecord, due?: number): Hand {
  const effects: unknown[] = [];
  const callBackAt = due === undefined ? null : new Date(due).toISOString();
  if (callBackAt !== null) effects.push({ type: "followUpTask", dueAt: callBackAt });
  let status = "closed";
  let countsAs = "nothing";
  if (result === "noContact") status = "open";
  else if (
    result === "emailFollowUp" ||
    result === "nurtureEmailSent" ||
    result === "nurtureNoEmailSent" ||
    result === "followUp"
  )
    status = "pendingTask";
  if (
    result === "emailOnly" ||
    result === "emailFollowUp" ||
    result === "nurtureEmailSent" ||
    result === "nurtureNoEmailSent"
  ) {
    countsAs = record.leadResult === null ? "lead" : "nothing";
  }
  if (result === "appointmentBooked") countsAs = "appointment";
  if (result === "emailOnly" || result === "emailFollowUp" || result === "nurtureEmailSent") effects.push(INTRO);
  if (result === "removeFromDatabase") effects.push({ type: "doNotCall" });
  return { lastContact, result, record: status, countsAs, effects, callBackAt };
}
function handWritten(f: CallFacts, record: CallRecord, c: Campaign): Hand {
  const lead = record.status === "pendingTask";
  // The bound by calendar date (the default campaign's zone is UTC).
  const within = (due: number): boolean => Math.floor(due / DAY) - Math.floor(at / DAY) <= c.emailFollowUpWeeks * 7;
  if (f.reached === "nobody") {
    if (f.via === "wrongNumber" || f.via === "duplicate") return answer("noContact", f.via, record);
    return lead
      ? answer("noContact", "followUp", record, f.callBackAt as number)
      : answer("noContact", "noContact", record);
  }
  if (f.reached === "reception") {
    const s = f.said;
    if (
      s === "handledByParentCompany" ||
      s === "handledOverseas" ||
      s === "outsourced" ||
      s === "wrongNumber" ||
      s === "duplicate" ||
      s === "notAGoodFit"
    ) {
      return answer("reception", s, record);
    }
    if (s === "doNotCallAgain") return answer("reception", "removeFromDatabase", record);
    if (s === "blocked" && !lead && record.blockedAttempts >= c.deadEndMinBlockedAttempts)
      return answer("reception", "deadEndOrBlocked", record);
    return lead
      ? answer("reception", "followUp", record, f.callBackAt as number)
      : answer("reception", "noContact", record);
  }
  switch (f.said) {
    case "cantTalkNow":
      return lead
        ? answer(
            "decisionMaker",
            within(f.callBackAt as number) ? "followUp" : "nurtureNoEmailSent",
            record,
            f.callBackAt as number,
          )
        : answer("reception", "noContact", record, f.callBackAt as number);
    case "notInterested":
      return answer("decisionMaker", lead || f.pitched ? "pitchedNotInterested" : "notInterestedNoPitch", record);
    case "inTalksWithSalesRep":
      return answer("decisionMaker", "notInterestedNoPitch", record);
    case "existingClient":
      return answer("decisionMaker", "existingClient", record);
    case "notQualified": {
      const range = c.qualifyingRange as NonNullable<Campaign["qualifyingRange"]>;
      return answer(
        "decisionMaker",
        (f.measured as number) < (range.min as number) ? "notQualifiedBelowMin" : "notQualifiedAboveMax",
        record,
      );
    }
    case "emailOnly":
      return answer("decisionMaker", lead ? "pitchedNotInterested" : "emailOnly", record);
    case "emailAndCallBack": {
      const due = f.callBackAt as number;
      if (lead) return answer("decisionMaker", within(due) ? "followUp" : "nurtureEmailSent", record, due);
      return answer("decisionMaker", within(due) ? "emailFollowUp" : "nurtureEmailSent", record, due);
    }
    case "callBackNoEmail": {
      const due = f.callBackAt as number;
      return answer("decisionMaker", lead && within(due) ? "followUp" : "nurtureNoEmailSent", record, due);
    }
    default:
      return answer("decisionMaker", "appointmentBooked", record);
  }
}

const out = new Array<Hand>(N);
let disagree = 0;
for (let i = 0; i < N; i++) {
  const r = classify(facts[i] as CallFacts, records[i] as CallRecord, campaign, at);
  const h = handWritten(facts[i] as CallFacts, records[i] as CallRecord, campaign);
  const mine = r.ok
    ? JSON.stringify([
        r.value.lastContact,
        r.value.result,
        r.value.recordStatus,
        r.value.countsAs,
        r.value.effects,
        r.value.callBackAt,
      ])
    : r.error.code;
  if (mine !== JSON.stringify([h.lastContact, h.result, h.record, h.countsAs, h.effects, h.callBackAt])) disagree++;
}
if (disagree > 0) {
  console.error(`classify and the hand-written classifier disagree on ${disagree} calls`);
  bench.report();
  process.exit(1);
}
const lib = best(3, () => {
  for (let i = 0; i < N; i++) classify(facts[i] as CallFacts, records[i] as CallRecord, campaign, at);
});
const hand = best(3, () => {
  for (let i = 0; i < N; i++) out[i] = handWritten(facts[i] as CallFacts, records[i] as CallRecord, campaign);
});
const logged = facts.map((f, i) => {
  const r = classify(f, records[i] as CallRecord, campaign, at);
  return r.ok ? toLoggedCall(r.value, at) : { at, lastContact: "reception" as const, result: "noContact" };
});
let violations = 0;
const check = best(3, () => {
  violations = 0;
  for (let i = 0; i < N; i++) violations += validate(logged[i] as never, records[i] as CallRecord, campaign).length;
});
const rate = (ms: number): string => `${(((N / ms) * 1000) / 1e6).toFixed(2)} M calls/s`;
console.log(`Call results, ${N.toLocaleString("en-US")} seeded calls (best of 3)`);
console.log(`  leadrules classify (with effects and rule ids)  ${lib.toFixed(0)} ms  ${rate(lib)}`);
console.log(`  hand-written if/else classifier (same output)  ${hand.toFixed(0)} ms  ${rate(hand)}`);
console.log(
  `  ratio classify / hand-written: ${(hand / lib).toFixed(2)} (target ≥ 0.5); agree on all ${N.toLocaleString("en-US")} calls`,
);
console.log(
  `  leadrules validate over the classified calls   ${check.toFixed(0)} ms  ${rate(check)} (${violations} violations)`,
);
const perSecond = (ms: number): number => Math.round((N / ms) * 1000);
bench.finish({
  calls: N,
  callsPerSecond: { classify: perSecond(lib), handWritten: perSecond(hand), validate: perSecond(check) },
  ratio: { value: Math.round((100 * hand) / lib) / 100, target: 0.5 },
  violations,
});
