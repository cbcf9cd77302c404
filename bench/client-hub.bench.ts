// npm run bench: Client Hub `advance` over 100,000 seeded records, each jumped a random 0–60
// days, in UTC and in a DST zone (America/New_York). Beside it, the floor: the fastest honest
// hand-written equivalent — the same date calls (@date-fns/tz's TZDateMini and date-fns' addDays),
// memoised per zone and date (leadrules memoises nothing per lifecycle: its day starts come from
// core's bounded offset cache, see docs/client-hub.md), in a loop that builds no state and no tasks. Both must reach the same stage at the same instant for
// every record; the script prints records/s and the overhead ratio (leadrules time ÷ floor time,
// target ≤ 2). Nothing is asserted on absolute times. Each timed run starts with empty memos.
// Figures: bench/results.mjs.
import { TZDateMini } from "@date-fns/tz/date/mini";
import { addDays } from "date-fns/addDays";
import {
  buildClientHub,
  CLIENT_HUB_DEFAULTS,
  type ClientHubRecord,
  type ClientHubStage,
  clientHub,
} from "../src/client-hub/pipeline.js";
import { startBench } from "./results.mjs";
import { best, rng } from "./support.js";

const bench = startBench("client-hub", "node --import tsx bench/client-hub.bench.ts");
const RECORDS = bench.quick ? 5_000 : 100_000;
const zones: { zone: string; recordsPerSecond: number; floorRecordsPerSecond: number; ratio: number }[] = [];
const DAY = 86_400_000;
const T0 = Date.parse("2026-01-05T09:30:00.000Z");

function generate(timeZone: string): { records: ClientHubRecord[]; now: Float64Array } {
  const random = rng(20261123);
  const records: ClientHubRecord[] = new Array(RECORDS);
  const now = new Float64Array(RECORDS);
  for (let i = 0; i < RECORDS; i++) {
    const at = T0 + Math.floor(random() * 300 * DAY);
    const contactRatio =
      random() < 0.3 ? ({ count: 2, unit: "week" } as const) : ({ count: 1, unit: "month" } as const);
    const made = clientHub.initial({ subscriptionId: `s${i}`, contactId: `c${i}`, at, timeZone, contactRatio });
    if (!made.ok) throw new Error(made.error.message);
    records[i] = made.value;
    now[i] = at + Math.floor(random() * 60 * DAY);
  }
  return { records, now };
}

// The floor: only the date calls (memoised per zone and date, which date-fns needs to be fast), the
// comparisons and the stage bookkeeping.
function makeFloor(): (r: ClientHubRecord, now: number) => [ClientHubStage, number] {
  const starts = new Map<string, number>(); // zone|date|offset -> start of that day
  const later = new Map<string, number>(); // zone|instant -> 5 calendar days later
  const dayStart = (zone: string, date: string, offset: number): number => {
    const key = `${zone}|${date}|${offset}`;
    let ms = starts.get(key);
    if (ms === undefined) {
      ms = new TZDateMini(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + offset, zone).getTime();
      starts.set(key, ms);
    }
    return ms;
  };
  const fiveDaysLater = (zone: string, since: number): number => {
    const key = `${zone}|${since}`;
    let ms = later.get(key);
    if (ms === undefined) {
      ms = addDays(since, 5, { in: (v) => new TZDateMini(+new Date(v), zone) }).getTime();
      later.set(key, ms);
    }
    return ms;
  };
  return (r, now) => {
    const zone = r.timeZone;
    let stage: ClientHubStage = r.status;
    let since = Date.parse(r.updatedAt);
    for (;;) {
      let due: number;
      let next: ClientHubStage;
      if (stage === "completed") {
        due = dayStart(zone, r.nextContactDate, -5);
        next = "callPreparation";
      } else if (stage === "callPreparation") {
        due = dayStart(zone, r.nextContactDate, 0);
        next = "call1";
      } else if (stage === "call1" || stage === "call2" || stage === "call3") {
        due = fiveDaysLater(zone, since);
        next = stage === "call1" ? "call2" : stage === "call2" ? "call3" : "unsuccessfulCall";
      } else return [stage, since];
      if (due < since) due = since;
      if (due > now) return [stage, since];
      stage = next;
      since = due;
    }
  };
}

for (const zone of ["UTC", "America/New_York"]) {
  const { records, now } = generate(zone);
  const out: ClientHubRecord[] = new Array(RECORDS);
  const floorOut: [ClientHubStage, number][] = new Array(RECORDS);
  let tasks = 0;
  const check = makeFloor();
  // warm-up, and the agreement check
  for (let i = 0; i < RECORDS; i++) {
    const step = clientHub.advance(records[i] as ClientHubRecord, now[i] as number);
    out[i] = step.state;
    tasks += step.effects.length;
    floorOut[i] = check(records[i] as ClientHubRecord, now[i] as number);
  }
  let disagree = 0;
  const moved = new Map<string, number>();
  for (let i = 0; i < RECORDS; i++) {
    const a = out[i] as ClientHubRecord;
    const [stage, since] = floorOut[i] as [ClientHubStage, number];
    if (a.status !== stage || Date.parse(a.updatedAt) !== since) disagree++;
    moved.set(a.status, (moved.get(a.status) ?? 0) + 1);
  }
  if (disagree > 0) {
    console.error(`${zone}: leadrules and the floor disagree on ${disagree} records`);
    bench.report();
    process.exit(1);
  }
  // A fresh lifecycle per run, as a fresh memo for the floor.
  const lib = best(3, () => {
    const hub = buildClientHub(CLIENT_HUB_DEFAULTS);
    for (let i = 0; i < RECORDS; i++) out[i] = hub.advance(records[i] as ClientHubRecord, now[i] as number).state;
  });
  const floor = best(3, () => {
    const floorAdvance = makeFloor();
    for (let i = 0; i < RECORDS; i++) floorOut[i] = floorAdvance(records[i] as ClientHubRecord, now[i] as number);
  });
  const rate = (ms: number): string =>
    `${((RECORDS / ms) * 1000).toLocaleString("en-US", { maximumFractionDigits: 0 })} records/s`;
  console.log(`Client Hub advance, ${RECORDS.toLocaleString("en-US")} records jumped 0–60 days, ${zone} (best of 3)`);
  console.log(`  stages reached: ${[...moved].map(([s, n]) => `${s} ${n}`).join(", ")}; ${tasks} tasks`);
  console.log(`  leadrules advance       ${lib.toFixed(1)} ms  ${rate(lib)}`);
  console.log(`  hand-written floor      ${floor.toFixed(1)} ms  ${rate(floor)}`);
  const ratio = lib / floor;
  console.log(
    `  overhead ratio (leadrules ÷ floor): ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? "met" : "NOT MET"}; same stage and instant for every record`,
  );
  if (ratio > 2) process.exitCode = 1;
  zones.push({
    zone,
    recordsPerSecond: Math.round((RECORDS / lib) * 1000),
    floorRecordsPerSecond: Math.round((RECORDS / floor) * 1000),
    ratio: Math.round(100 * ratio) / 100,
  });
}
bench.finish({ records: RECORDS, target: 2, zones });
