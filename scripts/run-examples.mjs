// `npm run demo` (after a quiet build): runs every example in examples/ against the built package
// (they import "leadrules/…", which resolves to dist/ through the package's own exports).
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

for (const file of readdirSync("examples")
  .filter((f) => /\.(mjs|cjs)$/.test(f))
  .sort()) {
  console.log(`\n▶ examples/${file}\n`);
  execFileSync(process.execPath, [`examples/${file}`], { stdio: "inherit" });
}

// The sweep example needs PGlite (a dev dependency), so it lives in its own folder.
console.log("\n▶ examples/sweep/pglite-sweep.mjs\n");
execFileSync(process.execPath, ["examples/sweep/pglite-sweep.mjs"], { stdio: "inherit" });
