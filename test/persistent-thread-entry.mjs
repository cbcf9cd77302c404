// The worker thread of test/persistent-threads.ts (mutation runs only): vitest's own threads worker,
// except that it keeps serving after a run ends, with a fresh module graph for every run.
import { parentPort } from "node:worker_threads";
import { init, runBaseTests, setupEnvironment } from "vitest/worker";

/**
 * Every module of the run is evaluated again by the next one (a mutant's lazily built presets and
 * caches must not outlive its run), but the code fetched from vitest's server is kept: the next
 * fetch of an unchanged module answers "cached" instead of sending the code again.
 */
function forgetEvaluations(modules) {
  for (const node of modules.idToModuleMap.values()) {
    node.evaluated = false;
    node.promise = undefined;
    node.exports = undefined;
    node.imports.clear();
    node.importers.clear();
  }
}

/** vitest's worker runs `method` on the run's files; the next run then evaluates every module again. */
const freshEachRun = (method) => async (state, traces) => {
  try {
    await runBaseTests(method, state, traces);
  } finally {
    forgetEvaluations(state.evaluatedModules);
  }
};

let first;
let rpcListener;
init({
  post: (response) => parentPort.postMessage(response),
  on: (callback) => {
    // The first listener is the worker's own; each later one is the RPC of one run, replaced by the next.
    if (first === undefined) first = callback;
    else {
      if (rpcListener !== undefined) parentPort.off("message", rpcListener);
      rpcListener = callback;
    }
    parentPort.on("message", callback);
  },
  off: (callback) => parentPort.off("message", callback),
  teardown: () => {},
  runTests: freshEachRun("run"),
  collectTests: freshEachRun("collect"),
  setup: setupEnvironment,
});
