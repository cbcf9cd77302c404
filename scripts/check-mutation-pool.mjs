#!/usr/bin/env node
// The first step of `npm run mutate`: checks that the mutation runs' worker thread
// (test/persistent-threads.ts) serves run after run, as Stryker's vitest runner drives it (one
// vitest context, one `start` per mutant, `pool: "threads"` passed over the config), and that every
// run evaluates the modules again, so nothing a mutant built reaches the next mutant's tests.
// Fails with a message if a vitest upgrade changes either.
import path from "node:path";
import { createVitest } from "vitest/node";

const RUNS = 4;
const file = path.resolve("test/mutation-pool.test.ts");
const ctx = await createVitest("test", {
  config: "vitest.stryker.config.ts",
  pool: "threads",
  coverage: { enabled: false },
  maxWorkers: 1,
  watch: false,
  bail: 1,
  reporters: [],
});
const problems = [];
if (ctx.config.pool !== "persistent-threads") problems.push(`the mutation config's pool is ${ctx.config.pool}`);
const seen = [];
for (let run = 1; run <= RUNS; run++) {
  ctx.state.filesMap.clear();
  await ctx.start([file]);
  const test = ctx.state.getFiles().flatMap((f) => f.tasks)[0];
  const meta = test?.meta ?? {};
  seen.push(`${meta.moduleRuns}/${meta.threadRuns}`);
  if (test?.result?.state !== "pass" || meta.moduleRuns !== 1) problems.push(`run ${run}: a module kept its state`);
  if (meta.threadRuns !== run) problems.push(`run ${run}: the worker thread was not the one of run 1`);
}
await ctx.close();
if (problems.length > 0) {
  console.error(`check-mutation-pool: ${problems.join("; ")} (module/thread runs: ${seen.join(", ")})`);
  process.exit(1);
}
console.log(`check-mutation-pool: ${RUNS} runs in one worker thread, modules fresh in each`);
process.exit(0);
