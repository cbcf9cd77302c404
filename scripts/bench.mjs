// `npm run bench`: builds (quietly), then runs every bench in bench/, one process each, in order.
// `npm run bench -- --write` also writes each bench's figures to bench/results/<name>.json (with
// the machine, the date and the load average) and then rewrites the docs' `<!-- bench:… -->`
// blocks from them (scripts/bench-figures.mjs --write): commit both. Name benches to run only
// those: `npm run bench -- --write workload guard`. BENCH_QUICK=1 runs them at a small size and
// writes nothing (bench/results.mjs). A bench that misses a target still writes its figures; the
// run goes on and exits 1 at the end.
import { spawnSync } from "node:child_process";

const tsx = ["--import", "tsx"];
const benches = [
  ["cold-import", ["bench/cold-import.mjs"]],
  ["workload", [...tsx, "bench/workload.bench.ts"]],
  ["lead-status", [...tsx, "bench/lead-status.bench.ts"]],
  ["call-result", [...tsx, "bench/call-result.bench.ts"]],
  ["client-hub", [...tsx, "bench/client-hub.bench.ts"]],
  ["calendar", [...tsx, "bench/calendar.bench.ts"]],
  ["guard", [...tsx, "bench/guard.bench.ts"]],
  ["tally", ["--max-old-space-size=8192", "--expose-gc", ...tsx, "bench/tally.bench.ts"]],
  ["postgres", ["bench/postgres.bench.mjs"]],
  ["tally-threads", ["--max-old-space-size=8192", "bench/tally-threads.bench.mjs"]],
];
const args = process.argv.slice(2);
const write = args.includes("--write");
const names = args.filter((a) => !a.startsWith("--"));
const unknown = names.filter((n) => !benches.some(([name]) => name === n));
if (unknown.length > 0) {
  console.error(`no bench named ${unknown.join(", ")} (${benches.map(([n]) => n).join(", ")})`);
  process.exit(2);
}
const node = (argv, env = process.env) => spawnSync(process.execPath, argv, { stdio: "inherit", env }).status;
if (node(["scripts/build-quietly.mjs"]) !== 0) process.exit(1);
const env = write ? { ...process.env, BENCH_WRITE: "1" } : process.env;
const failed = [];
for (const [name, argv] of benches) {
  if (names.length > 0 && !names.includes(name)) continue;
  console.log(`\n# ${name}`);
  if (node(argv, { ...env, BENCH_COMMAND: ["node", ...argv].join(" ") }) !== 0) failed.push(name);
}
if (write && process.env.BENCH_QUICK !== "1") {
  console.log("");
  if (node(["scripts/bench-figures.mjs", "--write"]) !== 0) failed.push("bench-figures");
}
if (failed.length > 0) {
  console.error(`\nexited non-zero (a target missed or a check failed): ${failed.join(", ")}`);
  process.exit(1);
}
