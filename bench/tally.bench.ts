// npm run bench (third part), run with `node --expose-gc --import tsx`:
// (1) the first-contact sheet over 10,000,000 seeded events across 50 programs, beside a
//     hand-written counting loop over the same events (both must agree); target ≥ 0.5 of its speed;
// (2) first-contact deduplication over 1,000,000 distinct leads (3 contacts each on average, in
//     random order), beside a hand-written Map-based loop; heap bytes retained per distinct lead
//     (target ≤ 150 B);
// (3) the cost of merging two 1,000-program tallies;
// (4) merging 1,000 stored tallies at once;
// (5) addToSheet one event at a time: 1, 10,000 and 1,000,000 events, per add, then reading the
//     last tally; beside tallySheet of the same events. Target: the cost per add stays flat.
// Only ratios and measured figures are printed; nothing is asserted on absolute times. Figures:
// bench/results.mjs.
import {
  addToSheet,
  emptySheet,
  mergeSheets,
  OUTCOMES,
  type SheetEvent,
  type SheetTally,
  SOURCES,
  sheetPages,
  tallySheet,
} from "../src/tally/sheet.js";
import { startBench } from "./results.mjs";
import { best, rng } from "./support.js";

const bench = startBench("tally", "node --max-old-space-size=8192 --expose-gc --import tsx bench/tally.bench.ts");
const figures: Record<string, unknown> = {};
const r2 = (x: number): number => Math.round(100 * x) / 100;
const eventsPerSecond = (n: number, ms: number): number => Math.round((n / ms) * 1000);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error("run with node --expose-gc --import tsx bench/tally.bench.ts");

const T0 = Date.parse("2026-11-01T00:00:00Z");
const SOURCE_IDS = Object.keys(SOURCES) as (keyof typeof SOURCES)[];
const OUTCOME_IDS = Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[];
const PROGRAMS = Array.from({ length: 50 }, (_, i) => `Program ${i}`);
const perSecond = (n: number, ms: number): string =>
  `${(((n / ms) * 1000) / 1e6).toLocaleString("en-US", { maximumFractionDigits: 2 })} M events/s`;

// The sheet as plain numbers, for comparing the two implementations.
function totals(t: SheetTally): string {
  const out: string[] = [];
  for (const page of sheetPages(t)) {
    for (const p of page.programs) {
      out.push(
        [
          p.program,
          ...Object.values(p.sources),
          ...Object.values(p.outcomes),
          p.transferCalls,
          p.nonAdmissionsLeads,
        ].join(","),
      );
    }
    out.push(`page,${page.junkCalls},${page.missedCalls}`);
  }
  return out.sort().join("\n");
}

// ---- (1) 10,000,000 events across 50 programs ----
{
  const N = bench.quick ? 100_000 : 10_000_000;
  const random = rng(1);
  const events: SheetEvent[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const at = T0 + Math.floor(random() * 30 * 86_400_000);
    const program = PROGRAMS[Math.floor(random() * PROGRAMS.length)] as string;
    const r = random();
    events[i] =
      r < 0.8
        ? {
            type: "firstContact",
            at,
            program,
            source: SOURCE_IDS[Math.floor(random() * 4)] as keyof typeof SOURCES,
            outcome: OUTCOME_IDS[Math.floor(random() * 3)] as keyof typeof OUTCOMES,
          }
        : r < 0.88
          ? { type: "transferCall", at, program }
          : r < 0.95
            ? { type: "nonAdmissionsLead", at, program }
            : r < 0.98
              ? { type: "junkCall", at }
              : { type: "missedCall", at };
  }
  // The hand-written loop: a Map of count arrays, a switch, no checks.
  const handWritten = (): { programs: Map<string, Float64Array>; junk: number; missed: number } => {
    const programs = new Map<string, Float64Array>();
    let junk = 0;
    let missed = 0;
    for (let i = 0; i < N; i++) {
      const e = events[i] as SheetEvent;
      if (e.type === "junkCall") junk++;
      else if (e.type === "missedCall") missed++;
      else {
        let c = programs.get(e.program);
        if (c === undefined) {
          c = new Float64Array(9);
          programs.set(e.program, c);
        }
        if (e.type === "firstContact") {
          c[SOURCE_IDS.indexOf(e.source)] = (c[SOURCE_IDS.indexOf(e.source)] as number) + 1;
          c[4 + OUTCOME_IDS.indexOf(e.outcome)] = (c[4 + OUTCOME_IDS.indexOf(e.outcome)] as number) + 1;
        } else if (e.type === "transferCall") c[7] = (c[7] as number) + 1;
        else if (e.type === "nonAdmissionsLead") c[8] = (c[8] as number) + 1;
      }
    }
    return { programs, junk, missed };
  };
  const lib = tallySheet(events).tally;
  const hand = handWritten();
  const handTotals = [...hand.programs]
    .map(([p, c]) => [p, ...Array.from(c)].join(","))
    .concat(`page,${hand.junk},${hand.missed}`)
    .sort()
    .join("\n");
  if (totals(lib) !== handTotals) throw new Error("leadrules and the hand-written loop disagree");
  const libMs = best(3, () => tallySheet(events));
  const handMs = best(3, handWritten);
  const dayMs = best(3, () => tallySheet(events, { unit: "day", timeZone: "America/New_York" }));
  console.log(
    `First-contact sheet, ${N.toLocaleString("en-US")} events across ${PROGRAMS.length} programs (best of 3)`,
  );
  console.log(`  leadrules tallySheet            ${libMs.toFixed(0)} ms  ${perSecond(N, libMs)}`);
  console.log(`  hand-written counting loop      ${handMs.toFixed(0)} ms  ${perSecond(N, handMs)}`);
  console.log(`  ratio leadrules / hand-written: ${(handMs / libMs).toFixed(2)} (target ≥ 0.5); same sheet`);
  console.log(`  leadrules with day buckets (America/New_York): ${dayMs.toFixed(0)} ms  ${perSecond(N, dayMs)}`);
  figures.sheet = {
    events: N,
    programs: PROGRAMS.length,
    eventsPerSecond: {
      leadrules: eventsPerSecond(N, libMs),
      handWritten: eventsPerSecond(N, handMs),
      leadrulesByDay: eventsPerSecond(N, dayMs),
    },
    ratio: { value: r2(handMs / libMs), target: 0.5 },
  };
}

// ---- (2) deduplication over 1,000,000 distinct leads ----
{
  const LEADS = bench.quick ? 10_000 : 1_000_000;
  const random = rng(2);
  const makeEvents = (): SheetEvent[] => {
    const events: SheetEvent[] = [];
    for (let l = 0; l < LEADS; l++) {
      const leadId = `lead-${l.toString(36).padStart(6, "0")}`;
      const contacts = 1 + Math.floor(random() * 5);
      for (let c = 0; c < contacts; c++) {
        events.push({
          type: "firstContact",
          at: T0 + Math.floor(random() * 30 * 86_400_000),
          program: PROGRAMS[Math.floor(random() * PROGRAMS.length)] as string,
          source: SOURCE_IDS[Math.floor(random() * 4)] as keyof typeof SOURCES,
          outcome: OUTCOME_IDS[Math.floor(random() * 3)] as keyof typeof OUTCOMES,
          leadId,
        });
      }
    }
    for (let i = events.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [events[i], events[j]] = [events[j] as SheetEvent, events[i] as SheetEvent];
    }
    return events;
  };
  let events: SheetEvent[] | undefined = makeEvents();
  const count = events.length;
  const handWritten = (es: readonly SheetEvent[]): Map<string, Float64Array> => {
    const first = new Map<string, Extract<SheetEvent, { type: "firstContact" }>>();
    for (const e of es) {
      if (e.type !== "firstContact" || e.leadId === undefined) continue;
      const seen = first.get(e.leadId);
      if (seen === undefined || (e.at as number) < (seen.at as number)) first.set(e.leadId, e);
    }
    const programs = new Map<string, Float64Array>();
    for (const e of first.values()) {
      let c = programs.get(e.program);
      if (c === undefined) {
        c = new Float64Array(9);
        programs.set(e.program, c);
      }
      c[SOURCE_IDS.indexOf(e.source)] = (c[SOURCE_IDS.indexOf(e.source)] as number) + 1;
      c[4 + OUTCOME_IDS.indexOf(e.outcome)] = (c[4 + OUTCOME_IDS.indexOf(e.outcome)] as number) + 1;
    }
    return programs;
  };
  const es = events;
  const lib = tallySheet(es).tally;
  const hand = handWritten(es);
  const handTotals = [...hand]
    .map(([p, c]) => [p, ...Array.from(c)].join(","))
    .concat("page,0,0")
    .sort()
    .join("\n");
  if (totals(lib) !== handTotals) throw new Error("dedup: leadrules and the hand-written loop disagree");
  const libMs = best(3, () => tallySheet(es));
  const handMs = best(3, () => handWritten(es));
  // Heap retained by the tally alone: the events (and their strings) are dropped first, so the
  // lead ids the tally keeps are counted.
  events = undefined;
  gc();
  gc();
  const base = process.memoryUsage().heapUsed;
  // Built in its own frame: a temporary holding the events in this frame's registers would keep
  // them alive through the measurement.
  const build = (): SheetTally => tallySheet(makeEvents()).tally;
  let kept: SheetTally | undefined = build();
  gc();
  gc();
  const withTally = process.memoryUsage().heapUsed;
  const leads = kept.leads.ids.length;
  kept = undefined;
  console.log(
    `\nFirst-contact deduplication, ${LEADS.toLocaleString("en-US")} distinct leads in ${count.toLocaleString("en-US")} contacts (best of 3)`,
  );
  console.log(`  leadrules tallySheet            ${libMs.toFixed(0)} ms  ${perSecond(count, libMs)}`);
  console.log(`  hand-written Map loop           ${handMs.toFixed(0)} ms  ${perSecond(count, handMs)}`);
  console.log(`  ratio leadrules / hand-written: ${(handMs / libMs).toFixed(2)}; same sheet`);
  console.log(
    `  heap retained by the tally: ${((withTally - base) / leads).toFixed(0)} B per distinct lead (target ≤ 150 B), lead ids included`,
  );
  figures.dedup = {
    leads: LEADS,
    contacts: count,
    eventsPerSecond: { leadrules: eventsPerSecond(count, libMs), handWritten: eventsPerSecond(count, handMs) },
    ratio: r2(handMs / libMs),
    heapBytesPerLead: { value: Math.round((withTally - base) / leads), target: 150 },
  };
}

// ---- (3) merging two 1,000-program tallies ----
{
  const random = rng(3);
  const shard = (): SheetTally => {
    const events: SheetEvent[] = [];
    for (let p = 0; p < 1000; p++) {
      for (let k = 0; k < 5; k++) {
        events.push({
          type: "firstContact",
          at: T0,
          program: `Program ${p}`,
          source: SOURCE_IDS[Math.floor(random() * 4)] as keyof typeof SOURCES,
          outcome: OUTCOME_IDS[Math.floor(random() * 3)] as keyof typeof OUTCOMES,
        });
      }
      events.push({ type: "transferCall", at: T0, program: `Program ${p}` });
    }
    return tallySheet(events).tally;
  };
  const a = shard();
  const b = shard();
  const runs = bench.quick ? 10 : 1000;
  const ms = best(3, () => {
    for (let i = 0; i < runs; i++) mergeSheets(a, b);
  });
  console.log(
    `\nMerging two 1,000-program tallies: ${((ms / runs) * 1000).toFixed(0)} µs per merge (best of 3 × ${runs})`,
  );
  figures.mergeTwo = { programs: 1000, microsecondsPerMerge: Math.round((ms / runs) * 1000) };
}

// ---- (4) merging 1,000 stored tallies at once ----
// A day's shards (one per function invocation, say), each stored as JSON: 1,000 tallies of 20
// programs, 30 leads and 5 notes each, read back and merged in one call. Folding them one by one
// (mergeSheets(acc, next)) copies the growing total every time; one call sorts all rows once.
{
  const random = rng(4);
  const day = { unit: "day", timeZone: "America/New_York" } as const;
  const stored: string[] = [];
  const SHARDS = bench.quick ? 50 : 1000;
  for (let s = 0; s < SHARDS; s++) {
    const events: SheetEvent[] = [];
    for (let i = 0; i < 30; i++) {
      events.push({
        type: "firstContact",
        at: T0 + Math.floor(random() * 7 * 86_400_000),
        program: `Program ${Math.floor(random() * 20)}`,
        source: SOURCE_IDS[Math.floor(random() * 4)] as keyof typeof SOURCES,
        outcome: OUTCOME_IDS[Math.floor(random() * 3)] as keyof typeof OUTCOMES,
        leadId: `L${Math.floor(random() * 20_000)}`,
      });
    }
    for (let i = 0; i < 5; i++) {
      events.push({ type: "note", at: T0 + i, program: `Program ${i}`, text: `shard ${s} note ${i}` });
    }
    stored.push(JSON.stringify(tallySheet(events, day).tally));
  }
  const tallies = stored.map((text) => JSON.parse(text) as SheetTally);
  let merged: SheetTally | undefined;
  const once = best(3, () => {
    const result = mergeSheets(...tallies);
    if (!result.ok) throw new Error(result.error.message);
    merged = result.value;
  });
  let folded: SheetTally | undefined;
  const fold = best(1, () => {
    let acc = tallies[0] as SheetTally;
    for (const t of tallies.slice(1)) {
      const result = mergeSheets(acc, t);
      if (!result.ok) throw new Error(result.error.message);
      acc = result.value;
    }
    folded = acc;
  });
  const same = JSON.stringify(merged) === JSON.stringify(folded);
  console.log(
    `\nMerging ${SHARDS.toLocaleString("en-US")} stored tallies (${merged?.leads.ids.length} leads): ${once.toFixed(0)} ms in one call ` +
      `(target < 1,000 ms) ${once < 1000 ? "met" : "NOT MET"}; folding one by one ${fold.toFixed(0)} ms; ` +
      `same tally: ${same ? "yes" : "NO"}`,
  );
  if (once >= 1000 || !same) process.exitCode = 1;
  figures.mergeStored = {
    tallies: SHARDS,
    leads: merged?.leads.ids.length ?? 0,
    oneCallMs: Math.round(once),
    targetMs: 1000,
    foldedMs: Math.round(fold),
    same,
  };
}

// ---- (5) addToSheet, one event at a time ----
// Half the events carry a lead id (a million distinct leads at the top size), the rest are counts,
// notes and page calls over 50 programs. Adds are timed alone, then the first read of the last
// tally (which builds it), then tallySheet over the same events for comparison.
{
  const random = rng(5);
  const event = (i: number): SheetEvent => {
    const at = T0 + Math.floor(random() * 30 * 86_400_000);
    const program = PROGRAMS[i % PROGRAMS.length] as string;
    const r = random();
    if (r < 0.8)
      return {
        type: "firstContact",
        at,
        program,
        source: SOURCE_IDS[i % 4] as keyof typeof SOURCES,
        outcome: OUTCOME_IDS[i % 3] as keyof typeof OUTCOMES,
        // Half of all events carry a lead id, as before: those drawn under 0.5.
        ...(r < 0.5 ? { leadId: `L${i}` } : {}),
      };
    if (r < 0.9) return { type: "junkCall", at };
    return { type: "note", at, program, text: `note ${i}` };
  };
  const day = { unit: "day", timeZone: "America/New_York" } as const;
  console.log("\naddToSheet, one event at a time (day buckets in America/New_York):");
  const adds: Record<string, unknown>[] = [];
  figures.addToSheet = adds;
  for (const n of bench.quick ? [1, 1_000, 10_000] : [1, 10_000, 1_000_000]) {
    const events = Array.from({ length: n }, (_, i) => event(i));
    const start = { ...emptySheet(), period: day };
    let last: SheetTally = start;
    const addMs = best(n === 1_000_000 ? 1 : 3, () => {
      let t: SheetTally = start;
      for (const e of events) {
        const r = addToSheet(t, e);
        if (!r.ok) throw new Error(r.error.message);
        t = r.value;
      }
      last = t;
    });
    const t0 = performance.now();
    const read = JSON.stringify(last);
    const readMs = performance.now() - t0;
    const batchMs = best(n === 1_000_000 ? 1 : 3, () => tallySheet(events, day));
    const same = read === JSON.stringify(tallySheet(events, day).tally);
    console.log(
      `  ${n.toLocaleString("en-US").padStart(9)} events: ${((addMs / n) * 1000).toFixed(2)} µs per add ` +
        `(${addMs.toFixed(1)} ms in all); first read of the last tally ${readMs.toFixed(1)} ms; ` +
        `tallySheet of the same ${batchMs.toFixed(1)} ms; same tally: ${same ? "yes" : "NO"}`,
    );
    if (!same) process.exitCode = 1;
    adds.push({
      events: n,
      microsecondsPerAdd: r2((addMs / n) * 1000),
      firstReadMs: Math.round(readMs * 10) / 10,
      tallySheetMs: Math.round(batchMs * 10) / 10,
      same,
    });
  }
}
bench.finish(figures);
