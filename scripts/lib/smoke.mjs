// One scenario through every module of the installed package, printed as JSON. The runtime check
// (scripts/check-consumer.mjs) runs it on Node 20, Node 18, Bun and Deno and compares the outputs
// byte for byte: the rules, the time-zone maths and the error values must not depend on the runtime.
import * as root from "leadrules";
import { callRecord, classify, DEFAULT_CAMPAIGN, validate } from "leadrules/call-result";
import { clientHub } from "leadrules/client-hub";
import { booking, consultation } from "leadrules/lead-status";
import { parseConsultationEvent } from "leadrules/parse";
import { consultationEvent } from "leadrules/schemas";
import { mergeSheets, renderSheetCsv, sheetPages, tallySheet } from "leadrules/tally";

const out = {};
const value = (result) => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

// Lead statuses: follow-ups 1–6, then Cold 2 hours after the sixth is due.
let lead = value(consultation.initial("2026-11-02T09:00:00Z"));
let at = Date.parse("2026-11-02T09:00:00Z");
for (let n = 0; n < 6; n++, at += 48 * 3_600_000) {
  lead = value(
    consultation.transition(lead, { type: "followUpLogged", at, actor: "franchisee", notes: `call ${n}` }),
  ).state;
}
out.consultation = consultation.advance(lead, at + 2 * 3_600_000);
out.refused = consultation.transition(out.consultation.state, { type: "enrolmentCompleted", at: 0, actor: "system" });
out.parsed = parseConsultationEvent({ type: "consultationBooked", at: "next tuesday", actor: "calendar" });
out.booking = booking.initial({ at: "2026-11-02T09:00:00Z", patient: { id: "p1", name: "Tim Cook" } });

// Call results.
const record = value(callRecord.initial("2026-11-23T09:00:00Z"));
out.classified = classify(
  { reached: "reception", said: "screenedOut" },
  record,
  DEFAULT_CAMPAIGN,
  "2026-11-23T10:00:00Z",
);
out.violations = validate(
  { at: "2026-11-23T10:05:00Z", lastContact: "reception", result: "pitchedNotInterested" },
  record,
  DEFAULT_CAMPAIGN,
);

// Client Hub, across a DST change in London (29 March 2026).
const hub = value(
  clientHub.initial({ subscriptionId: "s", contactId: "ada", at: "2026-02-28T10:00:00Z", timeZone: "Europe/London" }),
);
out.clientHub = clientHub.advance(hub, "2026-04-10T00:00:00Z");

// Tallies: two shards merged, rendered as CSV.
const day = { unit: "day", timeZone: "America/New_York" };
const contact = (leadId, hour, outcome) => ({
  type: "firstContact",
  at: `2026-03-08T${hour}:00:00-04:00`,
  program: "Blue Ridge",
  source: "web",
  outcome,
  leadId,
});
const a = tallySheet([contact("L1", "09", "keptOpen"), contact("L2", "10", "closedOut")], day);
const b = tallySheet(
  [contact("L1", "08", "passedToAdmissions"), { type: "junkCall", at: "2026-03-08T11:00:00Z" }],
  day,
);
const merged = value(mergeSheets(a.tally, b.tally));
out.csv = sheetPages(merged).map(renderSheetCsv);

out.exports = Object.keys(root).length;
out.schema = consultationEvent.title;
console.log(JSON.stringify(out, null, 1));
