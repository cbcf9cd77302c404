import { Worker } from "node:worker_threads";
import type { PoolRunnerInitializer } from "vitest/node";

type PoolOptions = Parameters<PoolRunnerInitializer["createPoolWorker"]>[0];
type PoolWorker = ReturnType<PoolRunnerInitializer["createPoolWorker"]>;

/**
 * Mutation runs only (vitest.stryker.config.ts): vitest's `threads` pool, except that the worker
 * thread outlives the run. Stryker's vitest runner starts one vitest run per mutant, and vitest
 * stops its worker when a run ends, so every mutant paid for a new thread, vitest's worker runtime
 * and the native imports of fast-check and zod (about 0.3 s of a ~0.35 s run of a small test file,
 * measured on 2026-12-07) before its first test.
 *
 * What a mutant built must still not outlive its run, so the thread's entry
 * (test/persistent-thread-entry.mjs) evaluates every module of the run again for the next one,
 * keeping only the code it fetched; `scripts/check-mutation-pool.mjs` (the first step of
 * `npm run mutate`) checks that a module's state is fresh on the next run and that the thread is
 * the same. The thread is replaced every `RECYCLE_AFTER` runs: vitest's worker keeps a small
 * closure per run, which must not grow for a whole refresh.
 *
 * Built on vitest's `PoolRunnerInitializer` (custom pools) and `vitest/worker`'s `init`, both
 * marked experimental; vitest is pinned (package.json), and that check fails if an upgrade
 * changes what a run re-evaluates.
 */
const RECYCLE_AFTER = 200;

let shared: Worker | undefined;
let runs = 0;

class PersistentThread implements PoolWorker {
  readonly name = "persistent-threads";
  private readonly listeners: [string, (arg: unknown) => void][] = [];
  private thread: Worker | undefined;
  constructor(private readonly options: PoolOptions) {}
  on(event: string, callback: (arg: unknown) => void): void {
    this.listeners.push([event, callback]);
    this.current().on(event, callback);
  }
  off(event: string, callback: (arg: unknown) => void): void {
    const i = this.listeners.findIndex(([e, c]) => e === event && c === callback);
    if (i !== -1) this.listeners.splice(i, 1);
    this.current().off(event, callback);
  }
  send(message: unknown): void {
    this.current().postMessage(message);
  }
  deserialize(data: unknown): unknown {
    return data;
  }
  async start(): Promise<void> {
    if (shared !== undefined && runs >= RECYCLE_AFTER) {
      const old = shared;
      shared = undefined;
      await old.terminate();
    }
    if (shared === undefined) {
      runs = 0;
      const thread = new Worker(new URL("./persistent-thread-entry.mjs", import.meta.url), {
        env: this.options.env,
        execArgv: this.options.execArgv,
        stdout: true,
        stderr: true,
      });
      // Stryker ends its runner process when the mutation run is over: the thread must not keep it.
      thread.unref();
      thread.once("exit", () => {
        if (shared === thread) shared = undefined;
      });
      thread.stdout.pipe(process.stdout);
      thread.stderr.pipe(process.stderr);
      shared = thread;
    }
    runs++;
    this.thread = shared;
  }
  /** The run is over: the listeners vitest attached for it go, the thread stays for the next run. */
  async stop(): Promise<void> {
    const thread = this.current();
    for (const [event, callback] of this.listeners.splice(0)) thread.off(event, callback);
    this.thread = undefined;
  }
  private current(): Worker {
    if (this.thread === undefined) throw new Error("persistent-threads: the worker was not started");
    return this.thread;
  }
}

export const persistentThreads: PoolRunnerInitializer = {
  name: "persistent-threads",
  createPoolWorker: (options) => new PersistentThread(options),
};
