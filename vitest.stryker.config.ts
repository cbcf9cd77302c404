import { defineConfig } from "vitest/config";

// Mutation runs: the runtime tests only (type tests and coverage add nothing to a mutant's verdict).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
  },
});
