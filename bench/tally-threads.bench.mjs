// npm run bench: tallies at scale. A month of 10,000,000 first-contact events (1 in 10 with a lead
// id, among 300,000 leads, so a lead's first contact must win across threads), bucketed by day
// in America/New_York:
// - split into 8 ranges of 1,250,000 across worker threads (tinypool, one thread per core): each
//   task generates its own range (bench/tally-events.mjs: event i is a function of i, so nothing
//   is shipped between threads but the tallies) and tallies it; the main thread merges the 8
//   tallies with one mergeSheets;
// - against one single-threaded tallySheet over all 10,000,000 events in one array.
// The two must be the same tally (asserted). Printed for each: wall time, CPU time (all threads:
// on a machine shared with other jobs the wall time says more about the load than about the
// code), and memory.
// Run with `node --max-old-space-size=8192 bench/tally-threads.bench.mjs` (npm run bench does).
// Figures: bench/results.mjs (BENCH_QUICK=1: 200,000 events).
import { deepStrictEqual } from "node:assert/strict";
import { availableParallelism } from "node:os";
import { mergeSheets, sheetPages, tallySheet } from "leadrules/tally";
import { Tinypool } from "tinypool";
import { startBench } from "./results.mjs";
import { eventsOf, LEADS, PERIOD } from "./tally-events.mjs";

const bench = startBench("tally-threads", "node --max-old-space-size=8192 bench/tally-threads.bench.mjs");
const N = bench.quick ? 200_000 : 10_000_000;
const threads = availableParallelism();
const mb = (bytes) => `${Math.round(bytes / 2 ** 20).toLocaleString("en-US")} MB`;
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const RANGES = 8;
const cpuOf = (since) => {
  const { user, system } = process.cpuUsage(since);
  return Math.round((user + system) / 1e5) / 10;
};
const cpuSeconds = (since) => `${cpuOf(since).toFixed(1)} s CPU`;
const kPerSecond = (ms) => `${Math.round(N / ms).toLocaleString("en-US")} k events/s`;

console.log(
  `Tallies at scale: ${N.toLocaleString("en-US")} first-contact events in a month, ${LEADS.toLocaleString("en-US")} lead ids, by day (machine: ${threads} cores)`,
);

// 1. Worker threads.
const pool = new Tinypool({
  filename: new URL("./tally-events.mjs", import.meta.url).href,
  name: "tallyRange",
  minThreads: threads,
  maxThreads: threads,
});
let threaded;
let threadedMs;
let threadedCpu;
let threadedCpuSeconds;
let mergeMs;
try {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const size = Math.ceil(N / RANGES);
  const parts = await Promise.all(
    Array.from({ length: RANGES }, (_, t) => pool.run({ from: t * size, to: Math.min(N, (t + 1) * size) })),
  );
  const m0 = performance.now();
  const merged = mergeSheets(...parts);
  mergeMs = performance.now() - m0;
  if (!merged.ok) throw new Error(merged.error.message);
  threaded = merged.value;
  threadedMs = performance.now() - t0;
  threadedCpu = cpuSeconds(cpu0);
  threadedCpuSeconds = cpuOf(cpu0);
} finally {
  await pool.destroy();
}
const threadedRss = maxRss();
console.log(
  `  ${threads} worker threads (tinypool), ${RANGES} ranges, one mergeSheets: ${(threadedMs / 1000).toFixed(1)} s (${threadedCpu}), ` +
    `${kPerSecond(threadedMs)}, generating the events included (the merge: ${(mergeMs / 1000).toFixed(1)} s); peak RSS of the process ${mb(threadedRss)}`,
);

// 2. One thread, one tallySheet over every event.
const g0 = performance.now();
const cpu1 = process.cpuUsage();
const events = eventsOf(0, N);
const generateMs = performance.now() - g0;
const heapWithEvents = process.memoryUsage().heapUsed;
const s0 = performance.now();
const { tally: single, rejected } = tallySheet(events, PERIOD);
const singleMs = performance.now() - s0;
const singleCpu = cpuSeconds(cpu1);
const singleCpuSeconds = cpuOf(cpu1);
if (rejected.length > 0) throw new Error(`${rejected.length} events rejected`);
console.log(
  `  one thread, one tallySheet: ${((generateMs + singleMs) / 1000).toFixed(1)} s (${singleCpu}): ` +
    `${(generateMs / 1000).toFixed(1)} s building the array, ${(singleMs / 1000).toFixed(1)} s tallying, ${kPerSecond(singleMs)}; ` +
    `heap with the events ${mb(heapWithEvents)}, peak RSS ${mb(maxRss())}`,
);

// 3. The same tally.
deepStrictEqual(threaded, single);
const leads = single.leads.ids.length;
const days = sheetPages(single).length;
console.log(
  `  same tally: ${leads.toLocaleString("en-US")} leads counted once each, ${days} daily pages; ` +
    `speed-up, wall time with generation: ${((generateMs + singleMs) / threadedMs).toFixed(2)}×`,
);
const s1 = (ms) => Math.round(ms / 100) / 10;
const MB = (bytes) => Math.round(bytes / 2 ** 20);
bench.finish({
  events: N,
  leads: LEADS,
  threaded: {
    threads,
    ranges: RANGES,
    seconds: s1(threadedMs),
    cpuSeconds: threadedCpuSeconds,
    mergeSeconds: s1(mergeMs),
    eventsPerSecond: Math.round((N / threadedMs) * 1000),
    peakRssMB: MB(threadedRss),
  },
  single: {
    seconds: s1(generateMs + singleMs),
    cpuSeconds: singleCpuSeconds,
    buildSeconds: s1(generateMs),
    tallySeconds: s1(singleMs),
    eventsPerSecond: Math.round((N / singleMs) * 1000),
    heapWithEventsMB: MB(heapWithEvents),
    peakRssMB: MB(maxRss()),
  },
  speedUp: Math.round(((generateMs + singleMs) / threadedMs) * 100) / 100,
});
