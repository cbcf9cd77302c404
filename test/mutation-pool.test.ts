// The mutation runs' persistent worker thread (test/persistent-threads.ts) must evaluate every
// module again for each run: `scripts/check-mutation-pool.mjs` (the first step of `npm run mutate`)
// runs this file several times in one vitest context, as Stryker does, and reads what it records.
// Under `npm test` it is one plain run.
import { expect, it } from "vitest";
import { box } from "./mutation-pool-state.js";

const counter = globalThis as { leadrulesPoolRuns?: number };

it("a module's state starts fresh in every run", ({ task }) => {
  box.runs++;
  counter.leadrulesPoolRuns = (counter.leadrulesPoolRuns ?? 0) + 1;
  Object.assign(task.meta, { moduleRuns: box.runs, threadRuns: counter.leadrulesPoolRuns });
  expect(box.runs).toBe(1);
});
