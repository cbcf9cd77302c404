import { statSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Mutation runs only: the smallest test files go first, ties by path. Stryker's vitest runner
 * stops at the first failing test (bail), so a mutant that a quick example test kills no longer
 * waits for the slow properties that vitest's own order (longest first) puts ahead of it. A mutant
 * that survives runs every covering test either way.
 *
 * The order is the files' sizes, never the durations in vitest's cache: those differ from machine
 * to machine (and a CI clone's `npm test` writes its own), and the order decides which test is
 * credited with code built lazily on first use (a preset, a zod schema) in the one shared worker
 * (`isolate: false`). With the order of the machine that took the baseline, the incremental file
 * matches the coverage a fresh clone measures, and its results are reused, not re-tested.
 */
export class FastFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const size = new Map(files.map((spec) => [spec, statSync(spec.moduleId).size]));
    return [...files].sort(
      (a, b) =>
        (size.get(a) ?? 0) - (size.get(b) ?? 0) || (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0),
    );
  }
}
