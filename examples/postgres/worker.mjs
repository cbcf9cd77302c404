// A sweep-and-outbox worker process: run as many as you like against one database. Started with
// child_process.fork by scripts/check-postgres.mjs and bench/postgres.bench.mjs, it takes its
// connection from LEADRULES_PG (JSON for pg.Pool) and its orders as IPC messages:
//   { cmd: "sweep", now, limit, pause?, drain? }
//                                         sweep everything due at `now`, then (unless `drain` is
//                                         false) drain the outbox;
//                                         answers { type: "done", … }. With `pause`, it stops in
//                                         its first batch after writing, before committing, and
//                                         says { type: "paused", ids } (the check kills it there).
//   { cmd: "drain" }                      drain the outbox; answers { type: "drained", performed }.
//   { cmd: "exit" }
// In production the orders come from a timer (every few minutes: sweep to now minus a grace
// period, see docs/integrations.md), not from a parent process.
import pg from "pg";
import { drainUntilDone, sweepUntilDone } from "./host.mjs";

const pool = new pg.Pool({ ...JSON.parse(process.env.LEADRULES_PG ?? "{}"), max: 2 });
// An idle connection closed by the server (a restart, a failover) is replaced on the next query.
pool.on("error", () => {});
const name = process.env.LEADRULES_WORKER ?? String(process.pid);
// Carrying out an effect: here, a row in `hub_effect_sink`, written outside the outbox
// transaction, standing in for the CRM's API (create a task, send the NPS survey) called with
// the effect's key as its idempotency key. LEADRULES_SINK=none skips it (the benchmark).
const perform =
  process.env.LEADRULES_SINK === "none"
    ? async () => {}
    : async (row) => {
        await pool.query("insert into hub_effect_sink (key, record_id, effect, worker) values ($1, $2, $3, $4)", [
          row.key,
          row.record_id,
          row.effect,
          name,
        ]);
      };

// Orphaned (the parent died): leave at once; an open transaction rolls back with the connection.
process.on("disconnect", () => process.exit(1));
process.on("error", () => process.exit(1)); // a message to a parent that has gone (EPIPE)

process.on("message", async (message) => {
  try {
    if (message.cmd === "sweep") {
      let paused = false;
      const beforeCommit = message.pause
        ? async (ids) => {
            if (paused || ids.length < 2) return;
            paused = true;
            process.send?.({ type: "paused", ids });
            await new Promise(() => {}); // holds the batch's locks and uncommitted writes until killed
          }
        : undefined;
      const swept = await sweepUntilDone(pool, message.now, { limit: message.limit, beforeCommit });
      const performed = message.drain === false ? 0 : await drainUntilDone(pool, perform, { limit: message.limit });
      process.send?.({ type: "done", ...swept, performed });
    } else if (message.cmd === "drain") {
      process.send?.({ type: "drained", performed: await drainUntilDone(pool, perform) });
    } else if (message.cmd === "exit") {
      await pool.end();
      process.exit(0);
    }
  } catch (error) {
    process.send?.({ type: "error", message: String(error?.stack ?? error) });
  }
});
process.send?.({ type: "ready" });
