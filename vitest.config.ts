import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The examples import "leadrules/…" (the built package when run by node); under vitest the same
  // specifiers resolve to src/, so the HTTP example's test covers the source.
  resolve: {
    alias: [
      { find: /^leadrules$/, replacement: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
      {
        find: /^leadrules\/lead-status\/reports$/,
        replacement: fileURLToPath(new URL("./src/lead-status/reports.ts", import.meta.url)),
      },
      { find: /^leadrules\/([a-z-]+)$/, replacement: fileURLToPath(new URL("./src/$1/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // One fast-check seed for every property, fixed per commit (see test/setup.ts).
    setupFiles: ["test/setup.ts"],
    // No test's verdict may depend on the machine's speed: vitest's 5 s default failed CI on a
    // loaded 2-core machine. This is a hang guard only, far beyond any test's cost (the heaviest
    // take a few seconds); properties are bounded by their number of runs, never by time.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.test.json",
    },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/index.ts"],
      reporter: ["text-summary", "text"],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
    },
  },
});
