// Mutation runs only (vitest.stryker.config.ts). A mutant that makes a module throw while it is
// imported (say, a table emptied at module level, so the preset built from it throws) fails every
// test file that imports it before a single test is collected. Stryker's vitest runner builds a
// mutant's verdict from the collected tests alone, so it saw no failing test and scored such
// mutants "Survived" with 0 tests run (a known runner limitation: stryker-js#6150, #6209). This
// reporter turns each test file that failed to load into one failed test, so the runner sees the
// failure the suite actually reports. It changes no verdict of a file that loaded.
import type { RunnerTestCase, RunnerTestFile } from "vitest";
import type { Reporter, TestModule } from "vitest/node";

export class LoadFailureAsFailedTest implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    for (const module of modules) {
      const file = (module as unknown as { task: RunnerTestFile }).task;
      if (file.result?.state !== "fail" || file.tasks.length > 0) continue;
      const failed = {
        type: "test",
        id: `${file.id}_load`,
        name: "the test file loads",
        mode: "run",
        meta: {},
        file,
        suite: file,
        timeout: 0,
        annotations: [],
        result: { state: "fail", errors: file.result.errors ?? [] },
      };
      file.tasks.push(failed as unknown as RunnerTestCase);
    }
  }
}
