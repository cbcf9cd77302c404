import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

// One entry per subpath export. Add a module here, in package.json "exports"/"typesVersions"
// and in .size-limit.json together.
const entries = {
  index: "src/index.ts",
  "lead-status/index": "src/lead-status/index.ts",
  "client-hub/index": "src/client-hub/index.ts",
  "tally/index": "src/tally/index.ts",
  "call-result/index": "src/call-result/index.ts",
  "testing/index": "src/testing/index.ts",
  "schemas/index": "src/schemas/index.ts",
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
    esbuildPlugins: [requireFastCheck],
    target: "es2022",
    platform: "neutral",
  },
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
