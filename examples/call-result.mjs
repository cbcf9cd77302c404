// An agent's morning on a cold-calling campaign: each call classified from what happened, applied
// to its record, one hand-logged call checked, and the shift's figures tallied. Run with `npm run demo`.
import { buildCallRecord, classify, shiftFacts, toLoggedCall, validate } from "leadrules/call-result";
import { createCampaign } from "leadrules/parse";
import { shiftFigures, tallyShifts } from "leadrules/tally";

const made = createCampaign({ id: "it-msp", qualifyingRange: { min: 10, max: 50, unit: "computers" } });
if (!made.ok) throw new Error(made.error.message);
const campaign = made.value;
const lifecycle = buildCallRecord(campaign);
const day = Date.parse("2026-11-23T09:00:00+11:00");
const hours = (h) => day + h * 3_600_000;
const days = (d) => day + d * 86_400_000;

const calls = [
  ["Acme Tyres", { reached: "reception", said: "screenedOut" }],
  ["Bolt Logistics", { reached: "decisionMaker", pitched: false, said: "cantTalkNow", callBackAt: days(1) }],
  ["Cobalt Dental", { reached: "decisionMaker", pitched: true, said: "notQualified", measured: 8 }],
  ["Delta Print", { reached: "decisionMaker", pitched: true, said: "emailAndCallBack", callBackAt: days(7) }],
  ["Echo Foods", { reached: "decisionMaker", pitched: true, said: "emailAndCallBack", callBackAt: days(60) }],
  ["Fjord Legal", { reached: "decisionMaker", pitched: true, said: "appointment", mode: "inPerson" }],
  ["Gamma Plumbing", { reached: "reception", said: "blocked" }],
];

const dials = [];
calls.forEach(([company, facts], i) => {
  const at = hours(i * 0.5);
  const record = lifecycle.initial(day - 86_400_000).value;
  const c = classify(facts, record, campaign, at);
  if (!c.ok) {
    console.log(`${company.padEnd(15)} cannot classify: ${c.error.message}`);
    return;
  }
  const step = lifecycle.transition(record, { type: "callLogged", actor: "agent", ...toLoggedCall(c.value, at) });
  if (!step.ok) throw new Error(step.error.message);
  const effects = step.value.effects.map((e) => (e.type === "followUpTask" ? `task ${e.dueAt.slice(0, 10)}` : e.type));
  console.log(
    `${company.padEnd(15)} ${c.value.lastContact.padEnd(13)} ${c.value.result.padEnd(21)} record ${step.value.state.status.padEnd(11)} ${c.value.countsAs.padEnd(11)} ${effects.join(", ")}`,
  );
  console.log(`${"".padEnd(15)} because: ${c.value.rules.join(", ")}`);
  dials.push(shiftFacts(c.value, "ann", "2026-11-23 am"));
});

console.log("\nA call logged by hand: reception, 'Pitched - Not Interested', on a fresh record");
const fresh = lifecycle.initial(day).value;
for (const v of validate({ at: hours(4), lastContact: "reception", result: "pitchedNotInterested" }, fresh, campaign)) {
  console.log(`  ✗ ${v.code}: ${v.message}`);
}
console.log("A call logged by hand: 'Email Follow Up' with the call back in 6 weeks and no task");
for (const v of validate(
  { at: hours(4), lastContact: "decisionMaker", result: "emailFollowUp", callBackAt: days(42) },
  fresh,
  campaign,
)) {
  console.log(`  ✗ ${v.code}: ${v.message}${v.suggested ? ` (log ${v.suggested})` : ""}`);
}

const [figures] = shiftFigures(tallyShifts(dials).tally);
console.log(
  `\nShift ${figures.shift}, ${figures.agent}: ${figures.dials} dials, ${figures.dmsReached} DMs, ${figures.pitched} pitched, ${figures.leads} leads, ${figures.appointments} appointment(s), closing ratio ${(figures.closingRatio.value * 100).toFixed(0)}%`,
);
