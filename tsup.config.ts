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

// The calendar maths (core/calendar.ts) as an entry of its own, internal (not exported): esbuild
// then keeps it in a chunk of its own, so the imports of date-fns and @date-fns/tz (which declares
// no "sideEffects": false) sit only in that chunk. A consumer's bundler drops the whole chunk, and
// them with it, when nothing of the calendar is used (importing only a lifecycle).
const calendarChunk = { "internal/calendar": "src/core/calendar.ts" };

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
  // ESM: one file per entry plus shared chunks (code splitting), dependencies left as imports.
  // Node without a bundler pays per module file it loads (a file per source file cost a lifecycle
  // import ~5 ms); a consumer's bundler still drops what it does not use ("sideEffects": false and
  // the /* @__PURE__ */ marks survive), and no entry imports a dependency it does not need.
  {
    entry: { ...Object.fromEntries(Object.entries(entries).filter(([name]) => name !== "index")), ...calendarChunk },
    format: ["esm"],
    bundle: true,
    splitting: true,
    target: "es2022",
    platform: "neutral",
  },
  // The root entry, `leadrules`, is every rule in one file (and the calendar maths in a second):
  // it is what a host imports when it wants it all, and in Node a file per shared chunk would cost
  // more than the code itself. (Importing the root and a subpath in one bundle would carry the
  // shared code twice: import one or the other.)
  {
    entry: { index: entries.index, "internal/calendar-root": calendarChunk["internal/calendar"] },
    format: ["esm"],
    bundle: true,
    splitting: true,
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
