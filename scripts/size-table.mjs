// Every figure in README.md, CONTRIBUTING.md and docs/*.md that the code determines, generated
// here and nowhere typed by hand (run by npm test after the build; fails when one is stale):
// - the README's table of every subpath and its gzip size (size-limit's own measurements);
// - inline figures, each between `<!-- figure:KEY -->` and `<!-- /figure -->`:
//   `gzip:NAME` (size-limit entry NAME of .size-limit.json, e.g. "leadrules/cliniko: everything")
//   and `files:SPECIFIER` (how many of leadrules' own built files Node reads when it imports
//   SPECIFIER: the static import graph of its ESM entry in dist/);
// - `npm test`'s step list (scripts/lib/test-steps.mjs) between `<!-- generated:test-steps -->`
//   markers.
// After a merge: `npm run docs:figures` (builds, then `node scripts/size-table.mjs --write`);
// idempotent, so a second run changes nothing. Machine-dependent figures (bench rates) are not
// here: the benches write them to bench/results/ and scripts/bench-figures.mjs renders them.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { steps } from "./lib/test-steps.mjs";

const results = JSON.parse(
  execFileSync(join("node_modules", ".bin", "size-limit"), ["--json", "--config", ".size-limit.mjs"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }),
);
const config = JSON.parse(readFileSync(".size-limit.json", "utf8"));
const kb = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;
const rows = results.map((r) => {
  const entry = config.find((c) => c.name === r.name);
  const at = r.name.indexOf(": ");
  const subpath = r.name.slice(0, at);
  const what = r.name.slice(at + 2);
  const imported = entry.import === "*" ? "* as m" : entry.import;
  return `| \`${subpath}\` | ${what} | \`import ${imported} from "${subpath}"\` | ${kb(r.size)} | ${entry.limit} |`;
});
const table = ["| Subpath | What | Import | gzip | Limit |", "| --- | --- | --- | ---: | ---: |", ...rows].join("\n");

const pkg = JSON.parse(readFileSync("package.json", "utf8"));

/** The built files Node reads for `specifier`: its ESM entry and every relative static import. */
function filesLoaded(specifier) {
  const subpath = specifier === pkg.name ? "." : `.${specifier.slice(pkg.name.length)}`;
  const target = pkg.exports[subpath]?.import?.default;
  if (target === undefined) throw new Error(`figure files:${specifier}: no such export`);
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build)`);
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(resolve(dirname(file), m[1]));
    }
  };
  visit(resolve(target));
  return seen.size;
}

function figure(key) {
  const colon = key.indexOf(":");
  const kind = key.slice(0, colon);
  const arg = key.slice(colon + 1);
  if (kind === "gzip") {
    const r = results.find((x) => x.name === arg);
    if (r === undefined) throw new Error(`figure ${key}: no size-limit entry named "${arg}"`);
    return kb(r.size);
  }
  if (kind === "files") return String(filesLoaded(arg));
  throw new Error(`figure ${key}: unknown kind "${kind}" (gzip, files)`);
}

const stepList = steps.map(([name], i) => `${i + 1}. ${name}`).join("\n");

function block(text, name, body, file) {
  const begin = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const start = text.indexOf(begin);
  if (start === -1) return text;
  const stop = text.indexOf(end, start);
  if (stop === -1) throw new Error(`${file}: ${begin} without ${end}`);
  return `${text.slice(0, start + begin.length)}\n${body}\n${text.slice(stop)}`;
}

const files = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync("docs")
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
].filter((f) => existsSync(f));
const write = process.argv.includes("--write");
let stale = 0;
let count = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  let next = block(text, "size-table", table, file);
  next = block(next, "test-steps", stepList, file);
  next = next.replace(/<!-- figure:([^>]+?) -->(.*?)<!-- \/figure -->/g, (_, key) => {
    count++;
    return `<!-- figure:${key} -->${figure(key)}<!-- /figure -->`;
  });
  if (file === "README.md" && !next.includes("<!-- generated:size-table -->")) {
    throw new Error("README.md has no generated:size-table block");
  }
  if (next === text) continue;
  if (write) {
    writeFileSync(file, next);
    console.log(`${file}: figures written`);
  } else {
    stale++;
    console.error(`${file}: a generated figure is stale`);
  }
}
if (stale > 0) {
  console.error("run `npm run docs:figures` (builds, then `node scripts/size-table.mjs --write`) and commit");
  process.exit(1);
}
if (!write) console.log(`✓ the size table, ${count} inline figures and the step list match the code`);
