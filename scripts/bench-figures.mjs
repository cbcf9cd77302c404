// Every figure in the docs (the files listed below) that depends on the machine (bench
// rates, times, ratios) sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, rendered
// from bench/results/*.json by scripts/lib/bench-figures.mjs with the machine, date and load it was
// measured under. `npm test` runs this without arguments: it fails when a block differs from what
// its results file renders (a figure typed by hand, or results not rendered yet), and when a rate,
// a ratio or a measured time is typed outside a block (what counts: `typedFigures` in the lib). `node scripts/bench-figures.mjs --write` (npm run
// bench:figures; `npm run bench -- --write` runs it after the benches) rewrites the blocks.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { BLOCK, blocks, readResult, renderBlock, typedFigures } from "./lib/bench-figures.mjs";

// The docs a reader takes figures from: README.md, CONTRIBUTING.md, docs/**/*.md but docs/api/
// (generated from the TSDoc) and every README.md under examples/. CHANGELOG.md is left out on
// purpose: it is dated history, each entry saying what a release measured when it was cut.
const markdown = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .sort()
        .flatMap((f) => {
          const path = `${dir}/${f}`;
          if (path === "docs/api" || f === "node_modules") return [];
          return statSync(path).isDirectory() ? markdown(path) : f.endsWith(".md") ? [path] : [];
        })
    : [];
const files = [
  "README.md",
  "CONTRIBUTING.md",
  ...markdown("docs"),
  ...markdown("examples").filter((f) => f.endsWith("/README.md")),
].filter((f) => existsSync(f));

const write = process.argv.includes("--write");
let stale = 0;
let typed = 0;
let count = 0;
const seen = new Set();
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const opened = [...text.matchAll(/<!-- bench:([a-z-]+) -->/g)].length;
  const next = text.replace(BLOCK, (_, name) => {
    count++;
    seen.add(name);
    return `<!-- bench:${name} -->\n${renderBlock(name)}\n<!-- /bench:${name} -->`;
  });
  if ([...text.matchAll(BLOCK)].length !== opened)
    throw new Error(`${file}: a <!-- bench:… --> without its end marker`);
  // Outside the blocks and the code: no typed machine figure (line numbers of the file as it is).
  for (const f of typedFigures(text)) {
    typed++;
    console.error(`${file}:${f.line}: a machine figure typed outside a bench block (${f.figure}): ${f.text}`);
  }
  if (next === text) continue;
  if (write) {
    writeFileSync(file, next);
    console.log(`${file}: bench figures written`);
  } else {
    stale++;
    console.error(`${file}: a bench block differs from what bench/results/ renders`);
  }
}
// Every results file must be readable (machine, date, load, source), rendered or not.
for (const f of existsSync("bench/results") ? readdirSync("bench/results") : []) {
  if (f.endsWith(".json")) readResult(f.slice(0, -5));
}
if (stale > 0) console.error("run `npm run bench:figures` (node scripts/bench-figures.mjs --write) and commit");
if (typed > 0) console.error("move each into a bench block (npm run bench -- --write) or point to one");
if (stale > 0 || typed > 0) process.exit(1);
const missing = Object.keys(blocks).filter((b) => !seen.has(b));
if (!write) {
  console.log(
    `✓ ${count} bench blocks match bench/results/${missing.length > 0 ? `; not placed in any doc: ${missing.join(", ")}` : ""}`,
  );
}
