// size-limit's configuration (`npm run size`, and `npm test`, which pass `--config .size-limit.mjs`):
// the checks and their limits are data in .size-limit.json; this file adds one esbuild setting.
//
// esbuild's code splitting writes, at the top of each ESM entry in dist/, bare imports of the
// chunks its chunks depend on (`import "../chunk-….js";`), so that Node fetches them early.
// Bundling dist/ with "sideEffects": false, esbuild drops those bare imports and warns
// ("ignored-bare-import") — 26 warnings, 330 lines per size-limit run. Dropping them is right and
// changes nothing: every chunk is still reached through the named imports of the chunk that uses
// it, which is what the bundle is measured with. A user's esbuild does not print this warning at
// all (it is silenced for packages in node_modules), so only this warning class is silenced here,
// for these measurements; every other esbuild message still shows.
import { readFileSync } from "node:fs";

const checks = JSON.parse(readFileSync(new URL("./.size-limit.json", import.meta.url), "utf8"));

export default checks.map((check) => ({
  ...check,
  modifyEsbuildConfig: (config) => ({
    ...config,
    logOverride: { ...config.logOverride, "ignored-bare-import": "silent" },
  }),
}));
