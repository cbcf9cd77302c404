// npm run bench: no cost cliffs in the calendar's caches (issue 19). Cost per call of Client Hub
// `advance` as the number of distinct zone spellings in one process grows from 1 to 10,000 (every
// cache is a bounded LRU: none is cleared wholesale), and cost per event of a day-bucketed sheet
// tally as its span grows from 1 to 10 years (the bucket memo is keyed by UTC day). Each row is
// the best of 3 runs over the same seeded data; nothing is asserted on absolute times.
import { buildClientHub, CLIENT_HUB_DEFAULTS, type ClientHubRecord, clientHub } from "../src/client-hub/pipeline.js";
import { bucketer } from "../src/tally/period.js";
import { type SheetEvent, tallySheet } from "../src/tally/sheet.js";
import { best, rng } from "./support.js";

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-05T09:30:00.000Z");
const CALLS = 50_000;

// Distinct spellings: the runtime's zones, then their letter-case variants.
const zones = Intl.supportedValuesOf("timeZone");
const spelling = (i: number): string => {
  const zone = zones[i % zones.length] as string;
  const variant = Math.floor(i / zones.length);
  return [...zone].map((c, k) => ((variant >> k) & 1 ? c.toUpperCase() : c.toLowerCase())).join("");
};

console.log(`Client Hub advance, ${CALLS.toLocaleString("en-US")} calls, by distinct zone spellings (best of 3)`);
for (const distinct of [1, 64, 65, 418, 1000, 10_000]) {
  const random = rng(19);
  const records: ClientHubRecord[] = [];
  const now: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const at = T0 + Math.floor(random() * 300 * DAY);
    const made = clientHub.initial({ subscriptionId: "s", contactId: "c", at, timeZone: spelling(i % distinct) });
    if (!made.ok) throw new Error(made.error.message);
    records.push({ ...made.value, timeZone: spelling(i % distinct) });
    now.push(at + Math.floor(random() * 60 * DAY));
  }
  // One long-lived lifecycle, warmed by a first pass: the steady state a host process sees (before,
  // past 64 zones the memo was cleared wholesale and every call recomputed).
  const hub = buildClientHub(CLIENT_HUB_DEFAULTS);
  for (let i = 0; i < CALLS; i++) hub.advance(records[i] as ClientHubRecord, now[i] as number);
  const ms = best(3, () => {
    for (let i = 0; i < CALLS; i++) hub.advance(records[i] as ClientHubRecord, now[i] as number);
  });
  console.log(`  ${String(distinct).padStart(6)} zones  ${((ms / CALLS) * 1e6).toFixed(0).padStart(6)} ns/call`);
}

const EVENTS = 200_000;
console.log(`Sheet tally by day in Europe/London, ${EVENTS.toLocaleString("en-US")} events, by span (best of 3)`);
for (const years of [1, 2, 5, 10]) {
  const random = rng(1919);
  const events: SheetEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    events.push({
      type: "firstContact",
      at: T0 + Math.floor(random() * years * 365 * DAY),
      program: "Ridge",
      source: "web",
      outcome: "keptOpen",
    });
  }
  const spec = { unit: "day", timeZone: "Europe/London" } as const;
  const ms = best(3, () => tallySheet(events, spec));
  const times = events.map((e) => e.at as number);
  const bucketing = best(3, () => {
    const bucketOf = bucketer(spec);
    for (const t of times) bucketOf(t);
  });
  console.log(
    `  ${String(years).padStart(2)} years  tallySheet ${((ms / EVENTS) * 1e6).toFixed(0).padStart(5)} ns/event, of which bucketing ${((bucketing / EVENTS) * 1e6).toFixed(0).padStart(5)} ns/event`,
  );
}
