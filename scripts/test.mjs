// `npm test`: every check the package must pass, in order, ending with "N passed, N failed" (CI
// reads that line). Vitest's tests count one each (from its JSON report); every other check counts
// as one. Each step prints one line — ✓ or ✗, its name, how long it took — and its own output only
// when it fails (then in full: vitest's failures with fast-check's seed and counterexample, a
// compiler's errors, …). A passing step's output is kept back, except the lines that are warnings:
// a warning that means nothing is fixed where it comes from, not hidden here.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { steps } from "./lib/test-steps.mjs";

// A line that is a warning, as the tools here print them (esbuild's "▲ [WARNING]", npm's "npm warn",
// "Warning:", "(!)" from rollup). Passing steps print these and nothing else.
const WARNING = /^\s*(▲ \[WARNING\]|npm warn\b|\(!\)|warn(ing)?\b[:!]?)/i;

/** Runs a command with its stdout and stderr captured, in order, in one file. */
function capture(command, args) {
  const dir = mkdtempSync(join(tmpdir(), "leadrules-test-"));
  const file = join(dir, "output.log");
  const fd = openSync(file, "w");
  const started = performance.now();
  try {
    const run = spawnSync(command, args, { stdio: ["ignore", fd, fd] });
    closeSync(fd);
    const output = readFileSync(file, "utf8") + (run.error ? `\n${run.error}\n` : "");
    return { ok: run.status === 0, output, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let passed = 0;
let failed = 0;
const failures = [];
const total = performance.now();
for (const [name, command, args, before] of steps) {
  before?.();
  if (name === "vitest") rmSync("reports/vitest.json", { force: true });
  const { ok, output, seconds } = capture(command, args);
  let detail = "";
  let stepFailed = !ok;
  const report =
    name === "vitest" && existsSync("reports/vitest.json")
      ? JSON.parse(readFileSync("reports/vitest.json", "utf8"))
      : undefined;
  if (report !== undefined) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    detail = `: ${report.numPassedTests} passed, ${report.numFailedTests} failed`;
    // Coverage thresholds or a crashed file fail the run without failing a test: count that too.
    if (!ok && report.numFailedTests === 0) failed++;
  } else if (ok && name !== "vitest") passed++;
  else {
    failed++;
    stepFailed = true;
  }
  console.log(`${stepFailed ? "✗" : "✓"} ${name}${detail} (${seconds.toFixed(1)} s)`);
  if (stepFailed) {
    failures.push(name);
    console.log(`${output.trimEnd()}\n`);
  } else {
    const warnings = output.split("\n").filter((line) => WARNING.test(line));
    if (warnings.length > 0) console.log(warnings.map((line) => `  ${line.trim()}`).join("\n"));
  }
}
if (failures.length > 0) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`(${((performance.now() - total) / 1000).toFixed(0)} s in all)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
