// A day at the Hive, tallied in two shards (say, two function invocations), merged, stored as
// JSON, read back and printed as the sheet — plus one agent's shift figures. Run with `npm run demo`.

import { parseSheetTally } from "leadrules/parse";
import {
  mergeSheets,
  renderSheetCsv,
  renderSheetMarkdown,
  sheetPages,
  shiftFigures,
  tallySheet,
  tallyShifts,
} from "leadrules/tally";

const day = { unit: "day", timeZone: "America/New_York" };
const morning = [
  {
    type: "firstContact",
    at: "2026-11-23T09:05:00-05:00",
    program: "Blue Ridge",
    source: "web",
    outcome: "keptOpen",
    leadId: "L-101",
  },
  {
    type: "firstContact",
    at: "2026-11-23T09:40:00-05:00",
    program: "Blue Ridge",
    source: "educationConsultant",
    outcome: "passedToAdmissions",
    leadId: "L-102",
  },
  { type: "transferCall", at: "2026-11-23T10:00:00-05:00", program: "Aspen Lodge" },
  { type: "junkCall", at: "2026-11-23T10:30:00-05:00" },
];
const afternoon = [
  // L-101 again: not a first contact, so not tallied
  {
    type: "firstContact",
    at: "2026-11-23T13:00:00-05:00",
    program: "Blue Ridge",
    source: "web",
    outcome: "passedToAdmissions",
    leadId: "L-101",
  },
  {
    type: "firstContact",
    at: "2026-11-23T13:30:00-05:00",
    program: "Aspen Lodge",
    source: "mentalHealthProvider",
    outcome: "closedOut",
    leadId: "L-201",
  },
  {
    type: "note",
    at: "2026-11-23T14:00:00-05:00",
    program: "Aspen Lodge",
    text: "Hospital social worker will call back",
  },
  { type: "missedCall", at: "2026-11-23T16:55:00-05:00" },
  { type: "firstContact", at: "yesterday", program: "Blue Ridge", source: "web", outcome: "keptOpen" },
];

const shard1 = tallySheet(morning, day);
const shard2 = tallySheet(afternoon, day);
for (const r of shard2.rejected) console.log(`rejected event #${r.index}: ${r.message}`);

const merged = mergeSheets(shard1.tally, shard2.tally);
if (!merged.ok) throw new Error(merged.error.message);
const stored = JSON.stringify(merged.value);
console.log(`stored tally: ${stored.length} bytes of JSON\n`);

const read = parseSheetTally(JSON.parse(stored));
if (!read.ok) throw new Error(read.error.message);
for (const page of sheetPages(read.value)) {
  console.log(renderSheetMarkdown(page));
  console.log(renderSheetCsv(page).split("\r\n").slice(0, 3).join("\n"), "\n…\n");
}

const shifts = tallyShifts([
  { agent: "ann", shift: "2026-11-23 am", dmReached: true, pitched: true, lead: true, appointment: true },
  { agent: "ann", shift: "2026-11-23 am", dmReached: true, pitched: true, lead: false, appointment: false },
  { agent: "ann", shift: "2026-11-23 am", dmReached: false, pitched: false, lead: false, appointment: false },
  { agent: "bo", shift: "2026-11-23 am", dmReached: false, pitched: false, lead: false, appointment: false },
]);
for (const f of shiftFigures(shifts.tally)) {
  const closing = f.closingRatio.value === null ? "n/a (no DM pitched)" : `${(f.closingRatio.value * 100).toFixed(0)}%`;
  console.log(
    `${f.agent} ${f.shift}: ${f.dials} dials, ${f.dmsReached} DMs, ${f.pitched} pitched, ${f.appointments} appointments, closing ratio ${closing}`,
  );
}
