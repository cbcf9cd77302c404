// The README's table of every subpath and its gzip size, generated from size-limit's own
// measurements (.size-limit.json). `node scripts/size-table.mjs --write` rewrites the block;
// without --write it fails when the README's table is stale (run by npm test after the build).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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

const begin = "<!-- generated:size-table -->";
const end = "<!-- /generated:size-table -->";
const readme = readFileSync("README.md", "utf8");
const start = readme.indexOf(begin);
const stop = readme.indexOf(end);
if (start === -1 || stop === -1) throw new Error("README.md has no generated:size-table block");
const next = `${readme.slice(0, start + begin.length)}\n${table}\n${readme.slice(stop)}`;
if (process.argv.includes("--write")) {
  writeFileSync("README.md", next);
  console.log("README.md size table written");
} else if (next !== readme) {
  console.error("README.md's size table is stale: run `npm run build && node scripts/size-table.mjs --write`");
  console.error(table);
  process.exit(1);
} else console.log("✓ README.md's size table matches size-limit");
