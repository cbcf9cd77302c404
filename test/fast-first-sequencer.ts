import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Mutation runs only: the test files that took least time last run go first. Stryker's vitest
 * runner stops at the first failing test (bail), so a mutant that a quick example test kills no
 * longer waits for the slow properties that vitest's own order (longest first) puts ahead of it.
 * A mutant that survives runs every covering test either way.
 */
export class FastFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const cost = (spec: TestSpecification): number => {
      const key = `${spec.project.name}:${spec.moduleId.slice(this.ctx.config.root.length + 1)}`;
      return cache.getFileTestResults(key)?.duration ?? cache.getFileStats(key)?.size ?? 0;
    };
    return [...files].sort((a, b) => cost(a) - cost(b));
  }
}
