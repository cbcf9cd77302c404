// The Client Hub pipeline hosted on a real PostgreSQL server, for many workers at once:
// docs/integrations.md explains the pattern and what it guarantees. In short:
//
// - `hub_record`: one row per record, the state as JSONB, its `next_due_at` (what
//   `clientHub.nextDueAt` says) in an indexed column, and a `version` that every write bumps.
// - Sweeps claim due rows in small batches (`FOR UPDATE SKIP LOCKED LIMIT n`), each in a short
//   transaction: workers never wait for each other, and a webhook waits at most for one batch.
//   Each row is parsed with the library's own parser and advanced on its own; a row the parser
//   refuses is quarantined with the reason, and the rest of the batch moves.
// - Webhook deliveries are applied optimistically: read the row without a lock, decide with the
//   pure library, write only if the version is still the one read, else read again and retry.
//   The delivery id is recorded in the same transaction as the new state and its effects, so a
//   retried delivery changes nothing and a lost race loses nothing.
// - Effects go to an outbox in the same transaction as the state that produced them; outbox
//   workers claim them with SKIP LOCKED and carry each out under its idempotency key.
//
// Plain ES module over `pg` (node-postgres); the server comes from you. This folder is not in the
// published package (its database is a dev dependency here); `npm test` runs it against a real
// server (scripts/check-postgres.mjs) and `npm run bench` measures it (bench/postgres.bench.mjs).
import { clientHub } from "leadrules/client-hub";
import { parseClientHubEvent, parseClientHubRecord } from "leadrules/parse";

export const SCHEMA = `
  create table if not exists hub_record (
    id text primary key,
    state jsonb not null,
    version bigint not null default 1,      -- bumped by every write: the optimistic lock
    next_due_at timestamptz,                -- clientHub.nextDueAt(state); null: nothing armed
    quarantined_at timestamptz,             -- set when the parser refused the stored state
    quarantine_reason text
  );
  -- What a sweep reads: due rows that are not quarantined, oldest first.
  create index if not exists hub_record_due on hub_record (next_due_at)
    where next_due_at is not null and quarantine_reason is null;
  create table if not exists hub_delivery (
    id text primary key,                    -- the sender's delivery id: a retry is a duplicate
    record_id text not null,
    received_at timestamptz not null default now(),
    outcome text not null,                  -- 'applied', 'refused' or 'invalid'
    detail jsonb not null
  );
  create table if not exists hub_outbox (
    id bigserial primary key,
    key text not null unique,               -- idempotency key: record id, version, index
    record_id text not null,
    effect jsonb not null,
    created_at timestamptz not null default now(),
    done_at timestamptz
  );
  create index if not exists hub_outbox_pending on hub_outbox (id) where done_at is null;`;

/** Creates the tables and indexes (idempotent). */
export async function setup(db) {
  await db.query(SCHEMA);
}

/** Inserts new records in one statement: `[{ id, input }]`, `input` as for `clientHub.initial`. */
export async function createRecords(db, records) {
  const ids = [];
  const states = [];
  const due = [];
  for (const { id, input } of records) {
    const made = clientHub.initial(input);
    if (!made.ok) throw new Error(`record ${id}: ${made.error.message}`);
    ids.push(id);
    states.push(JSON.stringify(made.value));
    due.push(clientHub.nextDueAt(made.value));
  }
  await db.query(
    `insert into hub_record (id, state, next_due_at)
     select id, state::jsonb, due from unnest($1::text[], $2::text[], $3::timestamptz[]) as u(id, state, due)`,
    [ids, states, due],
  );
}

/** Runs `fn(client)` in a transaction on a client of its own; rolls back if it throws. */
async function transaction(pool, fn) {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** A record's effects as outbox rows, keyed by the version that produced them. */
function outboxRows(id, version, effects) {
  return effects.map((effect, i) => ({ key: `${id}@${version}#${i}`, id, effect: JSON.stringify(effect) }));
}

async function insertOutbox(client, rows) {
  if (rows.length === 0) return;
  await client.query(
    `insert into hub_outbox (key, record_id, effect)
     select key, id, effect::jsonb from unnest($1::text[], $2::text[], $3::text[]) as u(key, id, effect)`,
    [rows.map((r) => r.key), rows.map((r) => r.id), rows.map((r) => r.effect)],
  );
}

/**
 * One sweep batch, in one short transaction: claims up to `limit` rows due at `now` that no
 * other transaction holds (`SKIP LOCKED`), parses and advances each on its own, writes the moved
 * states (version + 1) and their effects, quarantines the rows the parser refuses, commits.
 * `beforeCommit(ids)` is a test hook (the check kills a worker there). Returns what it did.
 */
export async function sweepBatch(pool, now, { limit = 100, beforeCommit } = {}) {
  return transaction(pool, async (client) => {
    const { rows } = await client.query(
      `select id, state, version from hub_record
       where next_due_at <= $1 and quarantine_reason is null
       order by next_due_at limit $2 for update skip locked`,
      [now, limit],
    );
    const moved = { ids: [], states: [], versions: [], due: [] };
    const quarantined = [];
    const effects = [];
    for (const row of rows) {
      const parsed = parseClientHubRecord(row.state);
      if (!parsed.ok) {
        quarantined.push({ id: row.id, reason: parsed.error.message });
        continue;
      }
      const step = clientHub.advance(parsed.value, now);
      if (step.ignored !== null) {
        quarantined.push({ id: row.id, reason: step.ignored.message });
        continue;
      }
      const version = Number(row.version) + 1;
      moved.ids.push(row.id);
      moved.states.push(JSON.stringify(step.state));
      moved.versions.push(version);
      moved.due.push(clientHub.nextDueAt(step.state));
      effects.push(...outboxRows(row.id, version, step.effects));
    }
    if (moved.ids.length > 0) {
      await client.query(
        `update hub_record h set state = u.state::jsonb, version = u.version, next_due_at = u.due
         from unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[]) as u(id, state, version, due)
         where h.id = u.id`,
        [moved.ids, moved.states, moved.versions, moved.due],
      );
    }
    await insertOutbox(client, effects);
    if (quarantined.length > 0) {
      await client.query(
        `update hub_record h set quarantined_at = now(), quarantine_reason = q.reason
         from unnest($1::text[], $2::text[]) as q(id, reason) where h.id = q.id`,
        [quarantined.map((q) => q.id), quarantined.map((q) => q.reason)],
      );
    }
    await beforeCommit?.(rows.map((r) => r.id));
    return { claimed: rows.length, moved: moved.ids.length, effects: effects.length, quarantined };
  });
}

const pause = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Sweeps in batches until no row is due at `now`. When a claim finds nothing free but due rows
 * remain (another worker holds them, or a dead worker's transaction is being rolled back), it
 * waits and claims again: it returns only once nothing is left due. `onBatch` sees each batch.
 */
export async function sweepUntilDone(pool, now, { limit = 100, beforeCommit, onBatch } = {}) {
  const total = { batches: 0, moved: 0, effects: 0, quarantined: [] };
  for (;;) {
    const batch = await sweepBatch(pool, now, { limit, beforeCommit });
    if (batch.claimed > 0) {
      total.batches++;
      total.moved += batch.moved;
      total.effects += batch.effects;
      total.quarantined.push(...batch.quarantined);
      onBatch?.(batch);
      continue;
    }
    const { rows } = await pool.query(
      "select exists (select 1 from hub_record where next_due_at <= $1 and quarantine_reason is null) as due",
      [now],
    );
    if (!rows[0].due) return total;
    await pause(5);
  }
}

/**
 * Carries out one batch of pending effects: claims up to `limit` with SKIP LOCKED, calls
 * `perform(row)` for each (row: `{ key, record_id, effect }`; pass `key` to the receiving system
 * as the idempotency key), marks them done, commits. A worker that dies between `perform` and
 * the commit leaves them pending: the next claim carries them out again — at least once, and
 * exactly once where the receiver honours the key. Returns how many it carried out.
 */
export async function drainBatch(pool, perform, { limit = 100 } = {}) {
  return transaction(pool, async (client) => {
    const { rows } = await client.query(
      `select id, key, record_id, effect from hub_outbox where done_at is null
       order by id limit $1 for update skip locked`,
      [limit],
    );
    for (const row of rows) await perform(row);
    if (rows.length > 0) {
      await client.query("update hub_outbox set done_at = now() where id = any($1::bigint[])", [rows.map((r) => r.id)]);
    }
    return rows.length;
  });
}

/** Drains the outbox until nothing is pending (waiting for rows other workers hold). */
export async function drainUntilDone(pool, perform, { limit = 100 } = {}) {
  let performed = 0;
  for (;;) {
    const n = await drainBatch(pool, perform, { limit });
    performed += n;
    if (n > 0) continue;
    const { rows } = await pool.query("select exists (select 1 from hub_outbox where done_at is null) as pending");
    if (!rows[0].pending) return performed;
    await pause(5);
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
 * unchanged, else reads again (up to `attempts` times, then 409).
 */
export async function deliver(pool, { id, recordId, body }, { attempts = 20 } = {}) {
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
          const update = await client.query(
            "update hub_record set state = $3, version = $4, next_due_at = $5 where id = $1 and version = $2",
            [recordId, row.version, step.value.state, version, clientHub.nextDueAt(step.value.state)],
          );
          if (update.rowCount === 0) throw STALE;
          await insertOutbox(client, outboxRows(recordId, version, step.value.effects));
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
