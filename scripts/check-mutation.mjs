// After `stryker run`: the mutation score of each module (src/<module>/) must reach the break
// threshold on its own, not only the whole of src/ — a well-tested module must not carry a
// weakly tested one. Reads Stryker's JSON report and prints one line per module. Every module that
// stryker.config.json mutates (a folder of src/ with a file other than index.ts; src/testing is
// left out there) must be in the report: a module missing from it fails, not passes. A report path
// may be given (default reports/mutation/mutation.json): an incremental file is a report too.
import { readFileSync } from "node:fs";
import { mutatedModules } from "./lib/mutated-modules.mjs";

const THRESHOLD = JSON.parse(readFileSync("stryker.config.json", "utf8")).thresholds.break;
const report = JSON.parse(readFileSync(process.argv[2] ?? "reports/mutation/mutation.json", "utf8"));
const modules = new Map();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const name = file.replace(/\\/g, "/").split("/")[1];
  const m = modules.get(name) ?? { detected: 0, valid: 0 };
  for (const { status } of mutants) {
    if (status === "Killed" || status === "Timeout") m.detected++;
    if (["Killed", "Timeout", "Survived", "NoCoverage"].includes(status)) m.valid++;
  }
  modules.set(name, m);
}
let failed = 0;
const expected = mutatedModules();
for (const name of expected) {
  if (!modules.has(name)) {
    failed++;
    console.log(`✗ src/${name}: not in the mutation report (run a full \`npm run mutate\`)`);
  }
}
for (const [name, { detected, valid }] of [...modules].sort()) {
  const score = valid === 0 ? 100 : (detected / valid) * 100;
  const ok = score >= THRESHOLD;
  if (!ok) failed++;
  console.log(
    `${ok ? "✓" : "✗"} src/${name}: mutation score ${score.toFixed(2)}% (${detected}/${valid}), threshold ${THRESHOLD}%`,
  );
}
process.exit(failed === 0 ? 0 : 1);
