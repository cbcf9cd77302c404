// A worker process of the PostgreSQL host pattern: run as many as you like against one database.
// It works two pg-boss queues until told to stop: `hub-due` (a record's next move, when the
// database's clock reaches it) and `hub-effect` (an effect carried out under its key). Nothing
// here reads this machine's clock to decide what is due.
//
// Started with child_process.fork by scripts/check-postgres.mjs and bench/postgres.bench.mjs; in
// production you run it (or its two `work` calls inside your own process) under a supervisor.
// Environment:
//   LEADRULES_PG        JSON connection settings for pg.Pool (host, port, user, …; ssl for TLS)
//   LEADRULES_QUEUE     JSON options: { pollMs, batchSize, maintenanceSeconds, timeouts, only,
//                       graceSeconds }
//                       (`only`: work that one queue; the benchmark's workers move records only)
//   LEADRULES_SINK      "none": effects are not carried out (the benchmark); otherwise each is a
//                       row in `hub_effect_sink`, keyed by the effect's key, standing in for the
//                       CRM's API called with the key as its idempotency key
//   LEADRULES_REFUSE    a record id whose effects the receiver always refuses (the poison check)
//   LEADRULES_HOOK      "pause": in its first record's transaction (or that of the record
//                       LEADRULES_HOOK_RECORD), before the commit, the worker says
//                       { type: "paused", id, job } and waits for ever (the check kills or
//                       freezes it there)
// IPC: answers { type: "ready" } once started; { cmd: "exit" } stops it cleanly.
import pg from "pg";
import { CONNECTION_TIMEOUTS, createBoss, DUE, EFFECT, runDue, runEffects, work } from "./host.mjs";

const connection = JSON.parse(process.env.LEADRULES_PG ?? "{}");
const options = JSON.parse(process.env.LEADRULES_QUEUE ?? "{}");
const timeouts = { ...CONNECTION_TIMEOUTS, ...options.timeouts };
const name = process.env.LEADRULES_WORKER ?? String(process.pid);

const pool = new pg.Pool({ ...connection, ...timeouts, max: 3 });
// An idle connection closed by the server (a restart, a failover) is replaced on the next query;
// without this listener it would end the process.
pool.on("error", () => {});
const boss = createBoss(connection, {
  ...timeouts,
  max: 3,
  maintenanceIntervalSeconds: options.maintenanceSeconds ?? 60,
  application_name: `leadrules-worker-${name}`,
});
boss.on("error", () => {}); // the same, for pg-boss's own pool; it retries on its next poll
const host = { pool, boss, graceSeconds: options.graceSeconds ?? 0 };

const refuse = process.env.LEADRULES_REFUSE;
const perform =
  process.env.LEADRULES_SINK === "none"
    ? async () => {}
    : async ({ key, recordId, effect }) => {
        await pool.query("insert into hub_effect_attempt (key, record_id, worker) values ($1, $2, $3)", [
          key,
          recordId,
          name,
        ]);
        if (recordId === refuse) throw new Error(`the receiver refuses ${key}`);
        await pool.query(
          `insert into hub_effect_sink (key, record_id, effect, worker) values ($1, $2, $3, $4)
           on conflict (key) do nothing`,
          [key, recordId, effect, name],
        );
      };

let paused = false;
const hookRecord = process.env.LEADRULES_HOOK_RECORD;
const beforeCommit =
  process.env.LEADRULES_HOOK === "pause"
    ? async (jobs) => {
        const job = jobs.find((j) => hookRecord === undefined || j.data.id === hookRecord);
        if (paused || job === undefined) return;
        paused = true;
        process.send?.({ type: "paused", id: job.data.id, job: job.id });
        await new Promise(() => {}); // holds the row lock and the uncommitted writes until killed
      }
    : undefined;

// Orphaned (the parent died): leave at once; an open transaction rolls back with the connection.
process.on("disconnect", () => process.exit(1));
process.on("error", () => process.exit(1)); // a message to a parent that has gone (EPIPE)

const stop = new AbortController();
await boss.start();
const loops = [];
if (options.only !== EFFECT)
  loops.push(
    work(boss, DUE, (jobs) => runDue(host, jobs, { beforeCommit }), {
      batchSize: options.batchSize ?? 10,
      pollMs: options.pollMs ?? 1000,
      signal: stop.signal,
    }),
  );
if (options.only !== DUE)
  loops.push(
    work(boss, EFFECT, (jobs) => runEffects(host, jobs, perform), {
      batchSize: options.batchSize ?? 10,
      pollMs: options.pollMs ?? 1000,
      signal: stop.signal,
    }),
  );
process.on("message", async (message) => {
  if (message.cmd !== "exit") return;
  stop.abort();
  await Promise.all(loops);
  await boss.stop({ graceful: false, wait: true }).catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
});
process.send?.({ type: "ready" });
