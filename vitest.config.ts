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
