import { defineConfig } from "tsup";

// One entry per subpath export. Add a module here, in package.json "exports"/"typesVersions"
// and in .size-limit.json together.
const entries = {
  index: "src/index.ts",
  "lead-status/index": "src/lead-status/index.ts",
  "client-hub/index": "src/client-hub/index.ts",
  "tally/index": "src/tally/index.ts",
  "call-result/index": "src/call-result/index.ts",
};

export default defineConfig([
  // ESM keeps one file per source file, so a consumer's bundler drops whole modules it does not
  // use ("sideEffects": false): importing only a transition never loads zod or @date-fns/tz.
  {
    entry: ["src/**/*.ts"],
    format: ["esm"],
    bundle: false,
    target: "es2022",
    platform: "neutral",
  },
  // CommonJS: one self-contained file per entry.
  {
    entry: entries,
    format: ["cjs"],
    bundle: true,
    splitting: false,
    target: "es2022",
    platform: "neutral",
  },
  // Declarations for both formats (.d.ts and .d.cts).
  {
    entry: entries,
    format: ["esm", "cjs"],
    dts: { only: true },
  },
]);
