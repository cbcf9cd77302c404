// Every figure in README.md, CONTRIBUTING.md and docs/*.md that depends on the machine (bench
// rates, times, ratios) sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, rendered
// from bench/results/*.json by scripts/lib/bench-figures.mjs with the machine, date and load it was
// measured under. `npm test` runs this without arguments: it fails when a block differs from what
// its results file renders (a figure typed by hand, or results not rendered yet), and when a rate
// or a µs/ns time is typed outside a block. `node scripts/bench-figures.mjs --write` (npm run
// bench:figures; `npm run bench -- --write` runs it after the benches) rewrites the blocks.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { blocks, readResult, renderBlock } from "./lib/bench-figures.mjs";

const files = [
  "README.md",
  "CONTRIBUTING.md",
  ...readdirSync("docs")
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
].filter((f) => existsSync(f));

// A machine figure typed in prose: a rate ("14 M events/s", "636/s") or a time in µs or ns.
const TYPED = [
  /\d[\d.,]*\s?(?:[kM] )?(?:events|records|calls|items|deliveries)\/s\b/,
  /\d[\d,]*\/s\b/,
  /\d[\d.,]*\s?(?:µs|ns)\b/,
];

const write = process.argv.includes("--write");
const BLOCK = /<!-- bench:([a-z-]+) -->\n[\s\S]*?\n?<!-- \/bench:\1 -->/g;
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
  // Outside the blocks and the code: no typed machine figure.
  let fenced = false;
  next
    .replace(BLOCK, (block) => block.replace(/[^\n]/g, ""))
    .split("\n")
    .forEach((line, i) => {
      if (line.startsWith("```")) fenced = !fenced;
      const prose = line.replace(/`[^`]*`/g, "");
      if (fenced || !TYPED.some((re) => re.test(prose))) return;
      typed++;
      console.error(`${file}: a machine figure typed outside a bench block, near line ${i + 1}: ${line.trim()}`);
    });
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
