// npm run bench: what importing each entry adds to a process start in Node without a bundler
// (an AWS Lambda shipped as node_modules, an integrator's test runner). Each entry is imported by
// its package name (so the built package in dist/ is measured, as installed) in a fresh process;
// the figure is the median of 20 starts minus the median of 20 starts that import an empty module,
// interleaved in the same run so machine noise falls on both alike. Figures: bench/results.mjs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBench } from "./results.mjs";

const bench = startBench("cold-import", "node bench/cold-import.mjs");
const RUNS = bench.quick ? 3 : 20;
const targets = {
  "leadrules/lead-status": 5,
  "leadrules/call-result": 5,
  "leadrules/client-hub": 15,
  "leadrules/tally": 15,
  leadrules: 15,
  "leadrules/lead-status/reports": null,
  "leadrules/parse": null,
};
const dir = mkdtempSync(join(tmpdir(), "leadrules-cold-"));
const empty = join(dir, "empty.mjs");
writeFileSync(empty, "export {};\n");
const script = (specifier) => `await import(${JSON.stringify(specifier)});`;
const time = (specifier) => {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script(specifier)], { stdio: "ignore" });
  if (run.status !== 0) throw new Error(`import("${specifier}") failed`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const specs = [empty, ...Object.keys(targets)];
const samples = new Map(specs.map((s) => [s, []]));
try {
  for (let i = 0; i < RUNS; i++) for (const s of specs) samples.get(s).push(time(s));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const base = median(samples.get(empty));
console.log(`cold import, unbundled Node ${process.version}: median of ${RUNS} process starts`);
console.log(`empty import                   ${base.toFixed(1)} ms (baseline)`);
let unmet = 0;
const round1 = (x) => Math.round(x * 10) / 10;
const entries = [];
for (const [specifier, target] of Object.entries(targets)) {
  const added = median(samples.get(specifier)) - base;
  entries.push({ specifier, addedMs: round1(added), targetMs: target });
  const verdict =
    target === null ? "" : added <= target ? `(target <= +${target} ms) met` : `(target <= +${target} ms) NOT MET`;
  if (target !== null && added > target) unmet++;
  console.log(`${specifier.padEnd(30)} +${added.toFixed(1)} ms ${verdict}`);
}
// In-process: the time `require` / `import` of leadrules/lead-status takes inside a started
// process (what a serverless handler's first line pays), median of RUNS processes (issue 27:
// target <= 2 ms).
const inProcess = (code) =>
  Number(
    spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }).stdout.trim() || Number.NaN,
  );
// Beside them, the same of an empty module (a .cjs and an .mjs file beside the first): what Node
// itself takes for a first `require` / `import` in a started process, which the lead-status figures
// include. Reported, not subtracted: the goal is on the figure a handler pays.
const emptyDir = mkdtempSync(join(tmpdir(), "leadrules-cold-"));
const emptyCjs = join(emptyDir, "empty.cjs");
const emptyMjs = join(emptyDir, "empty.mjs");
writeFileSync(emptyCjs, "module.exports = {};\n");
writeFileSync(emptyMjs, "export {};\n");
// What a first `require` / `import` of `specifier` takes inside a started process.
const requireCode = (specifier) =>
  `import { createRequire } from "node:module"; const require = createRequire(process.cwd() + "/"); const t = performance.now(); require(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
const importCode = (specifier) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
const requireMs = [];
const importMs = [];
const emptyRequireMs = [];
const emptyImportMs = [];
for (let i = 0; i < RUNS; i++) {
  emptyRequireMs.push(inProcess(requireCode(emptyCjs)));
  emptyImportMs.push(inProcess(importCode(emptyMjs)));
  requireMs.push(inProcess(requireCode("leadrules/lead-status")));
  importMs.push(inProcess(importCode("leadrules/lead-status")));
}
rmSync(emptyDir, { recursive: true, force: true });
const inProcessMs = { emptyRequire: round1(median(emptyRequireMs)), emptyImport: round1(median(emptyImportMs)) };
for (const [label, xs, key] of [
  ['in-process require("leadrules/lead-status")', requireMs, "require"],
  ['in-process import("leadrules/lead-status")', importMs, "import"],
]) {
  const m = median(xs);
  inProcessMs[key] = round1(m);
  if (!(m <= 2)) unmet++;
  console.log(`${label.padEnd(44)} ${m.toFixed(1)} ms (target <= 2 ms) ${m <= 2 ? "met" : "NOT MET"}`);
}
console.log(
  `in-process, an empty module (Node's own part): require ${inProcessMs.emptyRequire} ms, import ${inProcessMs.emptyImport} ms`,
);
bench.finish({ runs: RUNS, emptyImportMs: round1(base), entries, inProcess: { ...inProcessMs, targetMs: 2 } });
if (unmet > 0) process.exit(1);
