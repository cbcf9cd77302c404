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
// Each module's result is kept in reports/inc-<module>.json as soon as its run ends. Without
// arguments every module is tested afresh: all seven files are removed first. `--resume` keeps
// the files already there (an interrupted refresh goes on where it stopped); naming modules
// re-tests only those, merged with the other modules' files of an earlier refresh. The merged
// file replaces stryker-incremental.json only when every module reaches the threshold; otherwise
// it stays in reports/incremental-merged.json.
//
//   node scripts/mutate-refresh.mjs [--resume] [module...]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { mutatedModules } from "./lib/mutated-modules.mjs";

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("-"));
const asked = args.filter((a) => !a.startsWith("-"));
const all = mutatedModules();
const wrongFlags = flags.filter((f) => f !== "--resume");
const unknown = asked.filter((m) => !all.includes(m));
if (wrongFlags.length > 0 || unknown.length > 0) {
  console.error(
    `mutate-refresh: ${[...wrongFlags.map((f) => `unknown option ${f}`), ...unknown.map((m) => `no module src/${m}`)].join(", ")}` +
      `\nusage: node scripts/mutate-refresh.mjs [--resume] [module...] (modules: ${all.join(", ")})`,
  );
  process.exit(2);
}
const resume = flags.includes("--resume");
const modules = asked.length > 0 ? asked : all;
const fileOf = (name) => `reports/inc-${name}.json`;

const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { stdio: "inherit" });
  if (result.error !== undefined) console.error(`mutate-refresh: ${command} did not start: ${result.error.message}`);
  return result.status ?? 1;
};

// Named modules are merged with the others' files: say now, not after the runs, if one is missing.
const absent = all.filter((name) => !modules.includes(name) && !existsSync(fileOf(name)));
if (absent.length > 0) {
  console.error(`mutate-refresh: no earlier result to merge with for ${absent.map(fileOf).join(", ")}: run them too`);
  process.exit(1);
}
if (run("node", ["scripts/check-mutation-pool.mjs"]) !== 0) process.exit(1);
mkdirSync("reports", { recursive: true });
if (!resume && asked.length === 0) for (const name of all) rmSync(fileOf(name), { force: true });
const started = Date.now();
const times = [];
for (const name of modules) {
  const file = fileOf(name);
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
  // Stryker exits non-zero when the module scores under the break threshold, after writing its
  // file: keep going, so that the check below says which modules fail.
  if (!existsSync(file)) {
    console.error(`mutate-refresh: the run of src/${name} wrote no ${file} (status ${status})`);
    process.exit(1);
  }
}
const merged = "reports/incremental-merged.json";
if (run("node", ["scripts/merge-mutation-reports.mjs", merged, ...all.map(fileOf)]) !== 0) process.exit(1);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`mutate-refresh: ${times.join("; ")}; ${Math.floor(seconds / 60)} min ${seconds % 60} s in all`);
if (run("node", ["scripts/check-mutation.mjs", merged]) !== 0) {
  console.error(`mutate-refresh: stryker-incremental.json left as it was; the merged result is ${merged}`);
  process.exit(1);
}
renameSync(merged, "stryker-incremental.json");
console.log("mutate-refresh: stryker-incremental.json written");
