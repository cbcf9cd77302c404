import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// One entry per subpath export. Add a module here, in package.json "exports"/"typesVersions"
// and in .size-limit.json together.
const entries = {
  index: "src/index.ts",
  "lead-status/index": "src/lead-status/index.ts",
  "lead-status/reports": "src/lead-status/reports.ts",
  "client-hub/index": "src/client-hub/index.ts",
  "tally/index": "src/tally/index.ts",
  "call-result/index": "src/call-result/index.ts",
  "testing/index": "src/testing/index.ts",
  "schemas/index": "src/schemas/index.ts",
  "parse/index": "src/parse/index.ts",
  "hubspot/index": "src/hubspot/index.ts",
  "cliniko/index": "src/cliniko/index.ts",
};

// leadrules/testing loads fast-check (an optional peer) with a top-level `await import()` so a
// missing fast-check gets a plain message. CommonJS has no top-level await: there the same file
// uses `require` in the same try/catch.
const requireFastCheck: NonNullable<Options["esbuildPlugins"]>[number] = {
  name: "require-fast-check",
  setup(build) {
    build.onLoad({ filter: /src[\\/]testing[\\/]fast-check\.ts$/ }, ({ path }) => {
      const source = readFileSync(path, "utf8");
      const contents = source.replace('await import("fast-check")', 'require("fast-check")');
      if (contents === source) throw new Error("src/testing/fast-check.ts no longer has the import to replace");
      return { contents, loader: "ts" };
    });
  },
};

// Both formats: one self-contained file per entry, dependencies left as imports. Node without a
// bundler pays per module file it loads: with shared chunks (ESM until 0.2.0), importing
// leadrules/lead-status loaded 9 files; one file cut its in-process import by about a third
// (docs/performance.md, "Cold start", has the figures). A consumer's bundler still drops what it
// does not use ("sideEffects": false and the /* @__PURE__ */ marks survive), and no entry imports a
// dependency it does not need. The price: two subpaths in one bundle carry the core code they
// share twice; a host that wants several modules imports the root, `leadrules`, which holds every
// rule in one file and tree-shakes the same way.
const selfContained = {
  entry: entries,
  bundle: true,
  splitting: false,
  target: "es2022",
  platform: "neutral",
} as const satisfies Options;

export default defineConfig([
  { ...selfContained, format: ["esm"] },
  // CommonJS: the same, with fast-check loaded by `require` (above).
  { ...selfContained, format: ["cjs"], esbuildPlugins: [requireFastCheck] },
  // Declarations for both formats (.d.ts and .d.cts): one self-contained file per entry, built
  // one entry at a time, so no hash-named chunk is shared between entries and every name a reader
  // meets in node_modules is the public one (a shared chunk re-exports one-letter aliases).
  ...Object.entries(entries).map(
    ([name, path]): Options => ({
      entry: { [name]: path },
      format: ["esm", "cjs"],
      dts: { only: true },
    }),
  ),
]);
