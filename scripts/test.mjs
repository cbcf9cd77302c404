// `npm test`: every check the package must pass, in order, ending with "N passed, N failed".
// Vitest's tests count one each (from its JSON report); every other check counts as one.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const bin = (name) => join("node_modules", ".bin", name);
const steps = [
  ["typecheck (src)", bin("tsc"), ["-p", "tsconfig.json"]],
  ["typecheck (tests, scripts, bench)", bin("tsc"), ["-p", "tsconfig.test.json", "--noEmit"]],
  ["lint", bin("biome"), ["ci", "."]],
  [
    "vitest",
    bin("vitest"),
    ["run", "--coverage", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"],
  ],
  ["API reference (typedoc: no warnings, no undocumented export, no broken link)", bin("typedoc"), []],
  ["build", bin("tsup"), [], () => rmSync("dist", { recursive: true, force: true })],
  ["publint --strict", bin("publint"), ["--strict"]],
  ["attw --pack .", bin("attw"), ["--pack", "."]],
  ["size-limit", bin("size-limit"), []],
  ["README size table is current", process.execPath, ["scripts/size-table.mjs"]],
  ["bundle contents", process.execPath, ["scripts/check-bundle.mjs"]],
  ["cold import in Node: what each entry loads", process.execPath, ["scripts/check-cold-import.mjs"]],
  ["the PGlite sweep example against a real embedded database", process.execPath, ["scripts/check-sweep.mjs"]],
  [
    "many workers, one database: examples/postgres/ on a real PostgreSQL server (4 worker processes, webhooks, a SIGKILL)",
    process.execPath,
    ["scripts/check-postgres.mjs"],
  ],
  [
    "packed tarball installed in a consumer: every entry, declarations, every example (ESM and CJS)",
    process.execPath,
    ["scripts/check-package.mjs"],
  ],
];

let passed = 0;
let failed = 0;
const failures = [];
for (const [name, command, args, before] of steps) {
  console.log(`\n━━ ${name}`);
  before?.();
  if (name === "vitest") rmSync("reports/vitest.json", { force: true });
  const run = spawnSync(command, args, { stdio: "inherit" });
  const ok = run.status === 0;
  if (name === "vitest" && existsSync("reports/vitest.json")) {
    const report = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // Coverage thresholds or a crashed file fail the run without failing a test: count that too.
    if (!ok && report.numFailedTests === 0) failed++;
    if (!ok) failures.push(name);
    continue;
  }
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}
if (failures.length > 0) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
