import { defineConfig } from "vitest/config";
import { FastFirstSequencer } from "./test/fast-first-sequencer.js";
import { LoadFailureAsFailedTest } from "./test/load-failure-reporter.js";
import { persistentThreads } from "./test/persistent-threads.js";

// Mutation runs: the runtime tests of the rules only. Type tests and coverage add nothing to a
// mutant's verdict. The integrators' kit tests are left out too: they test src/testing (not
// mutated), the generated JSON Schemas, the docs' @examples and the HTTP example (which imports
// the built package), and they cover nearly every line, so each would run for thousands of mutants
// without judging a rule that the module's own tests do not already judge. The fuzz suite (nothing
// throws, over every export) and the round-trip property (every lifecycle and tally against its
// parser) and the deep fuzz over the built package are left out for the same reason: each covers every module, and with them a run took
// over two hours instead of half an hour.
export default defineConfig({
  // One worker thread per Stryker runner for the whole mutation run, with a fresh module graph for
  // every mutant (see test/persistent-threads.ts). Stryker's runner passes `pool: "threads"` over
  // this file's options, so the pool is set on the resolved config, where vitest reads it per run.
  plugins: [
    {
      name: "leadrules:persistent-threads",
      configureVitest({ project, vitest }) {
        for (const config of [vitest.config, project.config]) {
          config.pool = persistentThreads.name;
          config.poolRunner = persistentThreads;
        }
      },
    },
  ],
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [
      "**/node_modules/**",
      "test/testing/**",
      "test/schemas.test.ts",
      "test/api-examples.test.ts",
      "test/http.test.ts",
      "test/fuzz.test.ts",
      "test/deep-fuzz.test.ts",
      "test/roundtrip.prop.test.ts",
    ],
    // The same fixed seed and hang guard as `npm test` (vitest.config.ts): Stryker's dry run failed
    // CI when a heavy property passed vitest's 5 s default on a loaded machine. A mutant that
    // loops is still caught by Stryker's own timeout (timeoutMS in stryker.config.json).
    setupFiles: ["test/setup.ts"],
    // One module graph per mutant run, not one per test file: Stryker's runner gives vitest one
    // worker (maxWorkers 1), which takes every covering test file at once when isolation is off.
    // The persistent thread (plugins, above) evaluates every module again for the next run, so
    // nothing a mutant built (a lazy preset, a cache) outlives its run. A surviving mutant in code
    // every file covers re-ran ~100 files, each importing fast-check, the setup and src/ afresh:
    // the dry run took 57 s isolated, 12 s not.
    isolate: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // The heavy properties run a tenth of their cases per mutant, and the calendar's exhaustive oracle
    // walks a tenth of the offset changes (`runs` and `every` in test/setup.ts).
    env: { LEADRULES_MUTATION: "1" },
    // A mutant that breaks a module's import fails the test files importing it: count that as a
    // failed test (see test/load-failure-reporter.ts). No console reporter: Stryker reads the
    // results from vitest's state and nobody reads the output, while vitest's default reporter
    // still rendered every killed mutant's failure (stack, source frame, diff) for nothing.
    reporters: [new LoadFailureAsFailedTest()],
    // Quick test files first: a killed mutant stops at its first failing test (see the sequencer).
    sequence: { sequencer: FastFirstSequencer },
  },
});
