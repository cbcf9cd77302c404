// `npm test`'s steps, in the order scripts/test.mjs runs them: [name, command, args, before?].
// Kept apart so scripts/size-table.mjs can write the list into the docs (a stale list fails).
import { rmSync } from "node:fs";
import { join } from "node:path";

const bin = (name) => join("node_modules", ".bin", name);
export const steps = [
  ["typecheck (src)", bin("tsc"), ["-p", "tsconfig.json"]],
  ["typecheck (tests, scripts, bench)", bin("tsc"), ["-p", "tsconfig.test.json", "--noEmit"]],
  ["lint", bin("biome"), ["ci", "."]],
  // Before vitest: test/deep-fuzz.test.ts calls the built package (dist/, ESM and CJS).
  ["build", bin("tsup"), [], () => rmSync("dist", { recursive: true, force: true })],
  [
    "vitest",
    bin("vitest"),
    // The dot reporter: one character per test, then every failure in full and the summary.
    ["run", "--coverage", "--reporter=dot", "--reporter=json", "--outputFile.json=reports/vitest.json"],
  ],
  ["API reference (typedoc: no warnings, no undocumented export, no broken link)", bin("typedoc"), []],
  [
    "every TypeScript/JavaScript block in README.md and docs/ compiles against dist/ and runs",
    bin("tsx"),
    ["scripts/check-doc-snippets.ts"],
  ],
  ["publint --strict", bin("publint"), ["--strict"]],
  ["attw --pack .", bin("attw"), ["--pack", "."]],
  ["size-limit", bin("size-limit"), ["--config", ".size-limit.mjs"]],
  [
    "README and docs figures are current (sizes, files per entry, this step list)",
    process.execPath,
    ["scripts/size-table.mjs"],
  ],
  [
    "bench figures in the docs are what bench/results/ renders, with machine, date and load; none typed",
    process.execPath,
    ["scripts/bench-figures.mjs"],
  ],
  ["bundle contents", process.execPath, ["scripts/check-bundle.mjs"]],
  ["cold import in Node: what each entry loads", process.execPath, ["scripts/check-cold-import.mjs"]],
  ["the PGlite sweep example against a real embedded database", process.execPath, ["scripts/check-sweep.mjs"]],
  [
    "examples/postgres/ on pg-boss and a real PostgreSQL server: 4 workers with a SIGKILL and skewed clocks, a server restart, a hung worker, a poison effect",
    process.execPath,
    ["scripts/check-postgres.mjs"],
  ],
  [
    "packed tarball installed in a consumer: every entry, declarations, every example (ESM and CJS)",
    process.execPath,
    ["scripts/check-package.mjs"],
  ],
];
