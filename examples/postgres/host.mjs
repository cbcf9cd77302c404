// The Client Hub pipeline hosted on a real PostgreSQL server, for many workers at once, on a
// maintained job queue (pg-boss) instead of a home-made sweep: docs/integrations.md explains the
// pattern, why pg-boss, and what it guarantees. In short:
//
// - `hub_record`: one row per record, the state as JSONB, its `next_due_at` (what
//   `clientHub.nextDueAt` says), a `version` that every write bumps, and `due_job`: the id of the
//   record's one queued job.
// - A record's next move is a job of the queue `hub-due`, keyed by the record (`singletonKey`),
//   scheduled at `nextDueAt` and replaced by every write. pg-boss hands it to whichever worker is
//   free once the **database's** clock reaches it; the job locks the row, advances it to the
//   database's `now()`, writes the new state, its effects and the next job, and completes itself,
//   all in one transaction.
// - Each effect is a job of the queue `hub-effect` whose id is derived from its key (record id,
//   version, index): inserted once per key, retried with exponential backoff up to a limit, then
//   kept `failed` and copied to the dead-letter queue `hub-effect-dead`.
// - Webhook deliveries are applied optimistically: read the row without a lock, decide with the
//   pure library, write only if the version is still the one read, else read again. The delivery
//   id, the new state, its effect jobs and the replaced due job are written in one transaction.
// - A job whose worker hangs or dies is failed by pg-boss's supervisor once its lease
//   (`expireInSeconds`) has passed, and retried elsewhere; `idle_in_transaction_session_timeout`
//   and `lock_timeout` bound what a hung worker's open transaction can hold.
//
// Plain ES module over `pg` (node-postgres) and `pg-boss`; the server comes from you. This folder
// is not in the published package (its database and queue are dev dependencies here); `npm test`
// runs it against a real server (scripts/check-postgres.mjs) and `npm run bench` measures it
// (bench/postgres.bench.mjs).
import { createHash, randomUUID } from "node:crypto";
import { clientHub } from "leadrules/client-hub";
import { parseClientHubEvent, parseClientHubRecord } from "leadrules/parse";
import PgBoss from "pg-boss";

export const DUE = "hub-due";
export const EFFECT = "hub-effect";
export const DEAD = "hub-effect-dead";

export const SCHEMA = `
  create table if not exists hub_record (
    id text primary key,
    state jsonb not null,
    version bigint not null default 1,      -- bumped by every write: the optimistic lock
    next_due_at timestamptz,                -- clientHub.nextDueAt(state); null: nothing armed
    due_job uuid,                           -- the record's queued job in ${DUE}
    quarantined_at timestamptz,             -- set when the parser refused the stored state
    quarantine_reason text
  );
  create index if not exists hub_record_due on hub_record (next_due_at) where next_due_at is not null;
  create table if not exists hub_delivery (
    id text primary key,                    -- the sender's delivery id: a retry is a duplicate
    record_id text not null,
    received_at timestamptz not null default now(),
    outcome text not null,                  -- 'applied', 'refused' or 'invalid'
    detail jsonb not null
  );
  create index if not exists hub_delivery_received on hub_delivery (received_at);`;

/**
 * Settings for every connection of the pattern: a statement that runs away, a lock held too long
 * and a transaction left open by a hung process are cut off by the server, not waited for.
 * `pg.Pool` passes these to the server at connect time. The figures are a starting point; the test
 * uses shorter ones (docs/integrations.md, "Timeouts").
 */
export const CONNECTION_TIMEOUTS = {
  statement_timeout: 30_000,
  lock_timeout: 5_000,
  idle_in_transaction_session_timeout: 60_000,
  connectionTimeoutMillis: 10_000,
};

/**
 * The queues and their policies. `leaseSeconds` is how long a worker may hold a job before pg-boss
 * fails it and another worker retries it; `effectTries` how many times an effect is attempted
 * before it is a dead letter.
 */
export async function setup(pool, boss, { leaseSeconds = 300, effectTries = 8, retryDelaySeconds = 10 } = {}) {
  await pool.query(SCHEMA);
  const queues = new Set((await boss.getQueues()).map((q) => q.name));
  const ensure = async (name, options) => {
    if (queues.has(name)) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  };
  await ensure(DEAD, { retentionMinutes: 60 * 24 * 365 });
  // A due job waits as long as it must: pg-boss discards a queued job once `keep_until`
  // (start_after + retention) has passed, so a record due long ago must not lose its job.
  // `short`: at most one queued job per record (a second is refused, which would be a bug here).
  await ensure(DUE, {
    policy: "short",
    expireInSeconds: leaseSeconds,
    retryLimit: 1_000_000, // a record's move is retried until it is made
    retryDelay: retryDelaySeconds,
    retryBackoff: false,
    retentionMinutes: 60 * 24 * 365 * 10, // pg-boss counts it in int4 seconds: at most ~68 years
  });
  await ensure(EFFECT, {
    expireInSeconds: leaseSeconds,
    retryLimit: effectTries - 1,
    retryDelay: retryDelaySeconds,
    retryBackoff: true,
    retentionMinutes: 60 * 24 * 30,
    deadLetter: DEAD,
  });
}

/**
 * A pg-boss instance for this pattern. The caller must keep an `'error'` listener on it (pg-boss
 * re-emits its pool's errors: without a listener, a server restart ends the process).
 */
export function createBoss(connection, options = {}) {
  return new PgBoss({
    ...connection,
    ...CONNECTION_TIMEOUTS,
    schedule: false, // no cron here; a clock-free host needs none
    ...options,
  });
}

/**
 * Runs `fn(client)` in a transaction on a client of its own; rolls back if it throws. While the
 * client is checked out it has an `'error'` listener: a connection the server closes (restart,
 * failover) is then an error of this call, not an unhandled event that ends the process, and the
 * broken client is discarded instead of returned to the pool.
 */
export async function transaction(pool, fn) {
  const client = await pool.connect();
  let broken;
  const onError = (error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    await client.query("begin");
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw broken ?? error;
  } finally {
    client.off("error", onError);
    client.release(broken ?? false);
  }
}

/**
 * When a record's job starts: `nextDueAt` plus the host's grace period (`graceSeconds`, 0 if
 * unset). A job advances the record to the database's `now()` minus the same grace, so a call
 * dated just before a move, delivered a few minutes late, still lands before the record moves
 * past it (docs/integrations.md, "A grace period"). String arithmetic: no clock is read.
 */
export function startAt(dueAt, graceSeconds = 0) {
  return dueAt === null ? null : new Date(Date.parse(dueAt) + graceSeconds * 1000).toISOString();
}

/** pg-boss's `db` option: its statements run on this client, inside this transaction. */
const within = (client) => ({ executeSql: (text, values) => client.query(text, values) });

/** A UUID from the effect's key: pg-boss refuses a second job with the same id. */
export function effectJobId(key) {
  const h = createHash("sha1").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The effect jobs of one write, each keyed `record@version#index`. */
async function sendEffects(boss, client, id, version, effects) {
  for (let i = 0; i < effects.length; i++) {
    const key = `${id}@${version}#${i}`;
    await boss.send(EFFECT, { key, recordId: id, effect: effects[i] }, { id: effectJobId(key), db: within(client) });
  }
}

/**
 * Replaces the record's queued job: deletes `oldJob` (if any) and queues one at `dueAt` (if any).
 * Returns the new job's id, or null. In the caller's transaction.
 */
async function replaceDueJob({ boss, graceSeconds }, client, id, oldJob, dueAt) {
  if (oldJob) await boss.deleteJob(DUE, oldJob, { db: within(client) });
  if (dueAt === null) return null;
  const startAfter = startAt(dueAt, graceSeconds);
  const job = await boss.send(DUE, { id }, { singletonKey: id, startAfter, db: within(client) });
  if (job === null) throw new Error(`record ${id} already has a queued job`);
  return job;
}

/**
 * Inserts new records with their due jobs, in one transaction: `[{ id, input }]`, `input` as for
 * `clientHub.initial`.
 */
export async function createRecords({ pool, boss, graceSeconds }, records) {
  const rows = [];
  for (const { id, input } of records) {
    const made = clientHub.initial(input);
    if (!made.ok) throw new Error(`record ${id}: ${made.error.message}`);
    rows.push({ id, state: made.value, due: clientHub.nextDueAt(made.value) });
  }
  await transaction(pool, async (client) => {
    const jobs = rows.map((r) => ({ id: effectJobId(`due:${r.id}:1`), due: r.due, record: r.id }));
    await client.query(
      `insert into hub_record (id, state, next_due_at, due_job)
       select id, state::jsonb, due, job from unnest($1::text[], $2::text[], $3::timestamptz[], $4::uuid[]) as u(id, state, due, job)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => JSON.stringify(r.state)),
        rows.map((r) => r.due),
        jobs.map((j) => (j.due === null ? null : j.id)),
      ],
    );
    const armed = jobs.filter((j) => j.due !== null);
    if (armed.length > 0) {
      await boss.insert(
        armed.map((j) => ({
          id: j.id,
          name: DUE,
          data: { id: j.record },
          singletonKey: j.record,
          startAfter: startAt(j.due, graceSeconds),
        })),
        { db: within(client) },
      );
    }
  });
}

/**
 * The handler of a batch of `hub-due` jobs, in one transaction: locks their records (in id order:
 * two workers never deadlock), advances each to the database's `now()`, writes the moved states,
 * their effect jobs and each record's next due job, quarantines a record its parser refuses (with
 * the reason), and completes the batch's jobs. If anything throws, nothing is written and the
 * worker fails the batch's jobs: pg-boss retries them. `beforeCommit` is a test hook (the check
 * kills or freezes a worker there). Returns how many records moved.
 */
export async function runDue({ pool, boss, graceSeconds = 0 }, jobs, { beforeCommit } = {}) {
  return transaction(pool, async (client) => {
    const db = within(client);
    const mine = new Set(jobs.map((j) => j.id));
    const { rows } = await client.query(
      `select id, state, version, due_job, quarantine_reason, now() - make_interval(secs => $2) as now
       from hub_record where id = any($1::text[]) and quarantine_reason is null order by id for update`,
      [[...new Set(jobs.map((j) => j.data.id))], graceSeconds],
    );
    const moved = { ids: [], states: [], versions: [], due: [], jobs: [] };
    const quarantined = { ids: [], reasons: [] };
    const replaced = [];
    const queued = [];
    const effects = [];
    for (const row of rows) {
      // A queued job of this record other than the batch's own is replaced (or dropped).
      const other = row.due_job !== null && !mine.has(row.due_job) ? row.due_job : null;
      const parsed = parseClientHubRecord(row.state);
      const step = parsed.ok ? clientHub.advance(parsed.value, row.now.toISOString()) : undefined;
      const refused = !parsed.ok ? parsed.error.message : step.ignored?.message;
      if (refused !== undefined) {
        quarantined.ids.push(row.id);
        quarantined.reasons.push(refused);
        if (other !== null) replaced.push(other);
        continue;
      }
      // Nothing moved only if the job ran before its time (it cannot: it starts at next_due_at);
      // the record is then re-armed all the same, so it never loses its job.
      const version = Number(row.version) + 1;
      const due = clientHub.nextDueAt(step.state);
      const next = due === null ? null : randomUUID();
      if (other !== null) replaced.push(other);
      if (next !== null)
        queued.push({
          id: next,
          name: DUE,
          data: { id: row.id },
          singletonKey: row.id,
          startAfter: startAt(due, graceSeconds),
        });
      moved.ids.push(row.id);
      moved.states.push(JSON.stringify(step.state));
      moved.versions.push(version);
      moved.due.push(due);
      moved.jobs.push(next);
      step.effects.forEach((effect, i) => {
        const key = `${row.id}@${version}#${i}`;
        effects.push({ id: effectJobId(key), name: EFFECT, data: { key, recordId: row.id, effect } });
      });
    }
    if (replaced.length > 0) await boss.deleteJob(DUE, replaced, { db });
    // The batch's own jobs are `active`, so the records' new jobs do not collide with them.
    if (queued.length > 0) {
      await boss.insert(queued, { db });
      const made = await client.query("select count(*)::int as n from pgboss.job where name = $1 and id = any($2)", [
        DUE,
        queued.map((q) => q.id),
      ]);
      if (made.rows[0].n !== queued.length) throw new Error("a record already had a queued job");
    }
    if (moved.ids.length > 0) {
      await client.query(
        `update hub_record h set state = u.state::jsonb, version = u.version, next_due_at = u.due, due_job = u.job
         from unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::uuid[]) as u(id, state, version, due, job)
         where h.id = u.id`,
        [moved.ids, moved.states, moved.versions, moved.due, moved.jobs],
      );
    }
    if (quarantined.ids.length > 0) {
      await client.query(
        `update hub_record h set quarantined_at = now(), quarantine_reason = q.reason, next_due_at = null, due_job = null
         from unnest($1::text[], $2::text[]) as q(id, reason) where h.id = q.id`,
        [quarantined.ids, quarantined.reasons],
      );
    }
    if (effects.length > 0) await boss.insert(effects, { db }); // once per key: the id is the key's
    await boss.complete(DUE, [...mine], null, { db });
    await beforeCommit?.(jobs);
    return moved.ids.length;
  });
}

/**
 * The handler of a batch of `hub-effect` jobs: `perform({ key, recordId, effect })` carries each
 * out (pass `key` to the receiving system as its idempotency key). Each job on its own: one that
 * throws is failed (pg-boss retries it with backoff, and after the queue's last try keeps it
 * `failed` and copies it to `hub-effect-dead`); the others complete.
 */
export async function runEffects({ boss }, jobs, perform) {
  for (const job of jobs) {
    try {
      await perform(job.data);
    } catch (error) {
      await boss.fail(EFFECT, job.id, { message: String(error?.message ?? error) });
      continue;
    }
    await boss.complete(EFFECT, job.id);
  }
}

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * A worker's loop over one queue: fetches up to `batchSize` jobs whose start time the database's
 * clock has reached (pg-boss's `fetch` claims them) and runs `handle(jobs)`; if it throws, fails
 * the batch's jobs (pg-boss retries them). Waits `pollMs` when nothing is due or the database is
 * unreachable. Runs until `signal` aborts. Awaits every call: a server restart is a failed fetch
 * or a failed batch, retried, never an unhandled rejection.
 */
export async function work(boss, name, handle, { batchSize = 10, pollMs = 1000, signal, onError } = {}) {
  while (!signal?.aborted) {
    let jobs = [];
    try {
      jobs = await boss.fetch(name, { batchSize });
    } catch (error) {
      onError?.(error);
    }
    if (jobs.length === 0) {
      await pause(pollMs);
      continue;
    }
    try {
      await handle(jobs);
    } catch (error) {
      onError?.(error);
      const message = { message: String(error?.message ?? error) };
      await boss
        .fail(
          name,
          jobs.map((j) => j.id),
          message,
        )
        .catch(() => {});
    }
  }
}

// Refusals that an earlier delivery can cure: the record is not yet where the event applies
// (a task completed before the call that opened it arrived). Answered "retry later", not
// recorded, so the sender's retry applies it once the earlier delivery has landed.
const NOT_YET = new Set(["notAllowedFrom"]);

/**
 * Applies one webhook delivery `{ id, recordId, body }` and answers like an HTTP handler would:
 * `{ status, outcome, … }` with 200 (applied, refused, or a duplicate answered as before), 400
 * (the body is not an event: recorded, so retries get the same answer), 404 (no such record),
 * 409 (not yet applicable, or the record is quarantined: retry later, nothing recorded).
 * Optimistic: reads without a lock, decides with the library, writes only if the version is
 * unchanged, else reads again (up to `attempts` times, then 409). The delivery id, the state, its
 * effect jobs and the record's replaced due job are one transaction. `host` is
 * `{ pool, boss, graceSeconds? }`, as for `runDue`.
 */
export async function deliver(host, { id, recordId, body }, { attempts = 20 } = {}) {
  const { pool } = host;
  const seen = await pool.query("select outcome, detail from hub_delivery where id = $1", [id]);
  if (seen.rows[0] !== undefined) return answer(seen.rows[0], true);
  const event = parseClientHubEvent(body);
  if (!event.ok) {
    const detail = { message: event.error.message, issues: event.error.issues };
    return record(pool, id, recordId, "invalid", detail);
  }
  for (let attempt = 0; attempt < attempts; attempt++) {
    const { rows } = await pool.query("select state, version, quarantine_reason from hub_record where id = $1", [
      recordId,
    ]);
    const row = rows[0];
    if (row === undefined) return { status: 404, outcome: "unknownRecord" };
    const stored = row.quarantine_reason === null ? parseClientHubRecord(row.state) : undefined;
    if (stored === undefined || !stored.ok) return { status: 409, outcome: "quarantined" };
    const step = clientHub.transition(stored.value, event.value);
    if (!step.ok && NOT_YET.has(step.error.code)) return { status: 409, outcome: "notYet", code: step.error.code };
    const written = step.ok
      ? await transaction(pool, async (client) => {
          if (!(await claimDelivery(client, id, recordId, "applied", { status: step.value.state.status })))
            return "duplicate";
          const version = Number(row.version) + 1;
          const due = clientHub.nextDueAt(step.value.state);
          const update = await client.query(
            `update hub_record set state = $3, version = $4, next_due_at = $5 where id = $1 and version = $2
             returning due_job`,
            [recordId, row.version, step.value.state, version, due],
          );
          if (update.rowCount === 0) throw STALE;
          // The row is now locked by this transaction: its queued job is the one it returned.
          const next = await replaceDueJob(host, client, recordId, update.rows[0].due_job, due);
          await client.query("update hub_record set due_job = $2 where id = $1", [recordId, next]);
          await sendEffects(host.boss, client, recordId, version, step.value.effects);
          return "applied";
        }).catch(stale)
      : // A refusal is recorded only if the row is still the one it was decided on.
        await transaction(pool, async (client) => {
          const same = await client.query("select 1 from hub_record where id = $1 and version = $2 for share", [
            recordId,
            row.version,
          ]);
          if (same.rowCount === 0) throw STALE;
          const { code, message, field } = step.error;
          return (await claimDelivery(client, id, recordId, "refused", { code, message, field }))
            ? "refused"
            : "duplicate";
        }).catch(stale);
    if (written === "stale") continue;
    if (written === "duplicate") {
      const again = await pool.query("select outcome, detail from hub_delivery where id = $1", [id]);
      return answer(again.rows[0], true);
    }
    return written === "applied"
      ? { status: 200, outcome: "applied", stage: step.ok ? step.value.state.status : undefined, attempt }
      : { status: 200, outcome: "refused", code: step.ok ? undefined : step.error.code, attempt };
  }
  return { status: 409, outcome: "contended" };
}

const STALE = new Error("the record changed since it was read");
const stale = (error) => {
  if (error === STALE) return "stale";
  throw error;
};

/** Records the delivery id; false if another transaction already recorded it (a duplicate). */
async function claimDelivery(client, id, recordId, outcome, detail) {
  const inserted = await client.query(
    `insert into hub_delivery (id, record_id, outcome, detail) values ($1, $2, $3, $4)
     on conflict (id) do nothing`,
    [id, recordId, outcome, detail],
  );
  return inserted.rowCount === 1;
}

async function record(pool, id, recordId, outcome, detail) {
  const fresh = await transaction(pool, (client) => claimDelivery(client, id, recordId, outcome, detail));
  if (!fresh) {
    const again = await pool.query("select outcome, detail from hub_delivery where id = $1", [id]);
    return answer(again.rows[0], true);
  }
  return answer({ outcome, detail }, false);
}

function answer({ outcome, detail }, duplicate) {
  const status = outcome === "invalid" ? 400 : 200;
  return { status, outcome, duplicate, ...(outcome === "refused" ? { code: detail.code } : {}) };
}
