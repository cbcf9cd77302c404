// Merges Stryker reports of separate runs (one per module: `stryker run --mutate "src/<module>/**"
// --incrementalFile <file>`) into one incremental file, so a baseline can be refreshed module by
// module and each module's result kept as soon as its run ends. Test ids are numbered per report,
// so every test is re-keyed by its file and name into one numbering, and each mutant's killedBy
// and coveredBy follow. A source file in two reports keeps the later report's result. A report
// may be limited to some source files: `report.json#src/hubspot/host.ts` takes only files under
// those comma-separated prefixes, `report.json#!src/hubspot/host.ts` all but them (two people
// re-testing two files of one module from the same baseline, say).
//
//   node scripts/merge-mutation-reports.mjs <out.json> <report.json[#prefixes]>...
import { readFileSync, writeFileSync } from "node:fs";

const [out, ...inputs] = process.argv.slice(2);
if (out === undefined || inputs.length === 0) {
  console.error("usage: node scripts/merge-mutation-reports.mjs <out.json> <report.json>...");
  process.exit(2);
}
let merged;
const ids = new Map(); // "file\0name" -> merged id
const testFiles = {};
for (const input of inputs) {
  const [path, only = ""] = input.split("#");
  const exclude = only.startsWith("!");
  const prefixes = (exclude ? only.slice(1) : only).split(",").filter((p) => p !== "");
  const wanted = (file) => prefixes.length === 0 || prefixes.some((p) => file.startsWith(p)) !== exclude;
  const report = JSON.parse(readFileSync(path, "utf8"));
  merged ??= { ...report, files: {}, testFiles: {} };
  const local = new Map(); // this report's id -> merged id
  for (const [file, { tests, ...rest }] of Object.entries(report.testFiles ?? {})) {
    testFiles[file] ??= { ...rest, tests: [] };
    for (const test of tests) {
      const key = `${file}\0${test.name}`;
      if (!ids.has(key)) {
        ids.set(key, String(ids.size));
        testFiles[file].tests.push({ ...test, id: ids.get(key) });
      }
      local.set(test.id, ids.get(key));
    }
  }
  // An id the report's test files do not list (a test file that failed to load, which
  // test/load-failure-reporter.ts reports as a failed test of its own) is kept as it is.
  const remap = (list) => list?.map((id) => local.get(id) ?? id);
  for (const [file, result] of Object.entries(report.files)) {
    if (!wanted(file)) continue;
    merged.files[file] = {
      ...result,
      mutants: result.mutants.map((m) => ({ ...m, killedBy: remap(m.killedBy), coveredBy: remap(m.coveredBy) })),
    };
  }
}
merged.testFiles = testFiles;
writeFileSync(out, `${JSON.stringify(merged)}\n`);
const mutants = Object.values(merged.files).reduce((n, f) => n + f.mutants.length, 0);
console.log(`${out}: ${Object.keys(merged.files).length} files, ${mutants} mutants, ${ids.size} tests`);
