// A full refresh of Stryker's baseline (stryker-incremental.json), one Stryker run per module of
// src/, merged at the end (`npm run mutate:refresh`; stryker.md, "Refreshing the baseline").
//
// Why not one `stryker run` over all of src/: a run instruments every file it mutates, so in one
// run over src/ every test of a core mutant also goes through the instrumented code of every
// other module, and the dry run (which measures each test's time for the timeouts) runs with
// coverage counters in all of src/. A timed-out mutant then waited 1.5 × that slow dry-run time
// plus the dry run's whole overhead (~15 s) before its runner was restarted. A module's own run
// instruments that module only; every mutant is still tested, against the same tests.
//
// Each module's result is kept in reports/inc-<module>.json as soon as its run ends; `--resume`
// skips the modules whose file is already there (after an interrupted refresh). Without it every
// module is tested afresh (its old file is removed first).
//
//   node scripts/mutate-refresh.mjs [--resume] [module...]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { mutatedModules } from "./lib/mutated-modules.mjs";

const args = process.argv.slice(2);
const resume = args.includes("--resume");
const all = mutatedModules();
const asked = args.filter((a) => !a.startsWith("--"));
const unknown = asked.filter((m) => !all.includes(m));
if (unknown.length > 0) {
  console.error(`mutate-refresh: no such module under src/: ${unknown.join(", ")} (modules: ${all.join(", ")})`);
  process.exit(2);
}
const modules = asked.length > 0 ? asked : all;

const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { stdio: "inherit" });
  return result.status ?? 1;
};

if (run("node", ["scripts/check-mutation-pool.mjs"]) !== 0) process.exit(1);
mkdirSync("reports", { recursive: true });
const started = Date.now();
const times = [];
for (const name of modules) {
  const file = `reports/inc-${name}.json`;
  if (resume && existsSync(file)) {
    times.push(`${name}: kept ${file}`);
    continue;
  }
  rmSync(file, { force: true });
  const t = Date.now();
  const status = run("npx", [
    "stryker",
    "run",
    "--mutate",
    `src/${name}/**/*.ts,!src/**/index.ts`,
    "--incrementalFile",
    file,
  ]);
  times.push(`${name}: ${Math.round((Date.now() - t) / 1000)} s`);
  // Stryker exits non-zero when the module scores under the break threshold: keep going, so the
  // merged file and the check below say which modules fail.
  if (!existsSync(file)) {
    console.error(`mutate-refresh: the run of src/${name} wrote no ${file} (status ${status})`);
    process.exit(1);
  }
}
const files = all.map((name) => `reports/inc-${name}.json`);
const missing = files.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`mutate-refresh: not merged, no result yet for ${missing.join(", ")}`);
  process.exit(1);
}
if (run("node", ["scripts/merge-mutation-reports.mjs", "stryker-incremental.json", ...files]) !== 0) process.exit(1);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`mutate-refresh: ${times.join("; ")}; ${Math.floor(seconds / 60)} min ${seconds % 60} s in all`);
process.exit(run("node", ["scripts/check-mutation.mjs", "stryker-incremental.json"]));
