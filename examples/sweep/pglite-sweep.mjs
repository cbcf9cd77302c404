// A scheduled sweep against a real database: Client Hub records stored as JSONB beside their
// `next_due_at` (what `clientHub.nextDueAt` says, in an indexed column), every event and effect
// appended to a log, and a sweep that loads and advances only the records that are due —
// `WHERE next_due_at <= now` — instead of advancing every record on every tick.
//
// The database is PGlite (`@electric-sql/pglite`: Postgres compiled to WebAssembly, in-process),
// a dev dependency of this repository used only here. Run with `npm run demo`; `npm test` runs
// it too and checks it against advancing every record (scripts/check-sweep.mjs).
import { PGlite } from "@electric-sql/pglite";
import { clientHub } from "leadrules/client-hub";
import { parseClientHubEvent, parseClientHubRecord } from "leadrules/parse";

const SCHEMA = `
  create table hub_record (
    id text primary key,
    state jsonb not null,
    next_due_at timestamptz            -- clientHub.nextDueAt(state); null: nothing armed
  );
  create index hub_record_due on hub_record (next_due_at) where next_due_at is not null;
  create table hub_log (
    seq serial primary key,
    record_id text not null references hub_record (id),
    at timestamptz not null,
    kind text not null,                -- 'event', 'effect' or 'moved'
    body jsonb not null
  );`;

/** Stores a record's new state and its wake-up instant, and appends what happened. */
async function save(tx, id, step, at, kind, body) {
  await tx.query("update hub_record set state = $2, next_due_at = $3 where id = $1", [
    id,
    step.state,
    clientHub.nextDueAt(step.state),
  ]);
  await tx.query("insert into hub_log (record_id, at, kind, body) values ($1, $2, $3, $4)", [id, at, kind, body]);
  for (const effect of step.effects) {
    await tx.query("insert into hub_log (record_id, at, kind, body) values ($1, $2, 'effect', $3)", [id, at, effect]);
  }
}

/** Reads a stored state back through the parser: a row is outside input like any other. */
function read(row) {
  const parsed = parseClientHubRecord(row.state);
  if (!parsed.ok) throw new Error(`record ${row.id}: ${parsed.error.message}`);
  return parsed.value;
}

/** Creates a record from the subscription's contact. */
export async function create(db, id, input) {
  const made = clientHub.initial(input);
  if (!made.ok) throw new Error(made.error.message);
  await db.query("insert into hub_record (id, state, next_due_at) values ($1, $2, $3)", [
    id,
    made.value,
    clientHub.nextDueAt(made.value),
  ]);
}

/** Applies one event from outside (a webhook body) to one record, in a transaction. */
export async function apply(db, id, body) {
  const event = parseClientHubEvent(body);
  if (!event.ok) return `refused: ${event.error.message}`;
  return db.transaction(async (tx) => {
    const { rows } = await tx.query("select id, state from hub_record where id = $1 for update", [id]);
    const step = clientHub.transition(read(rows[0]), event.value);
    if (!step.ok) return `refused: ${step.error.message}`;
    await save(tx, id, step.value, event.value.at, "event", body);
    return clientHub.label(step.value.state);
  });
}

/** The sweep: advances only the records due at `now`. Returns what it loaded and what moved. */
export async function sweep(db, now) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      "select id, state from hub_record where next_due_at <= $1 order by next_due_at, id for update",
      [now],
    );
    const moved = [];
    for (const row of rows) {
      const before = read(row);
      const step = clientHub.advance(before, now);
      if (step.ignored !== null) throw new Error(`record ${row.id}: ${step.ignored.message}`);
      await save(tx, row.id, step, now, "moved", { from: before.status, to: step.state.status });
      moved.push(`${row.id}: ${clientHub.label(before)} → ${clientHub.label(step.state)}`);
    }
    return { loaded: rows.length, moved };
  });
}

/** Every record's state, by id. */
export async function states(db) {
  const { rows } = await db.query("select id, state, next_due_at from hub_record order by id");
  return rows.map((row) => ({ id: row.id, state: read(row), nextDueAt: row.next_due_at }));
}

/** A fresh in-memory database with the tables. */
export async function open() {
  const db = new PGlite();
  await db.exec(SCHEMA);
  return db;
}

/** Three clients, a month of daily sweeps, one check-in call logged on the way. */
export async function demo(log = console.log) {
  const db = await open();
  try {
    const contact = (contactId, at, nextContactDate) => ({
      subscriptionId: "sub-42",
      contactId,
      at,
      timeZone: "Europe/London",
      nextContactDate,
    });
    await create(db, "ada", contact("ada", "2026-01-31T10:00:00Z", "2026-02-10"));
    await create(db, "ben", contact("ben", "2026-01-31T10:00:00Z", "2026-02-20"));
    await create(db, "cy", contact("cy", "2026-01-31T10:00:00Z", "2026-06-01"));
    const sweeps = [];
    for (let day = 1; day <= 28; day++) {
      const now = `2026-02-${String(day).padStart(2, "0")}T07:00:00.000Z`;
      const result = await sweep(db, now);
      sweeps.push({ now, ...result });
      for (const line of result.moved) log(`${now.slice(0, 10)} sweep: ${line}`);
      if (day === 12) {
        const call = {
          type: "callLogged",
          at: "2026-02-12T11:00:00Z",
          actor: "owner",
          direction: "outbound",
          outcome: "Connected",
          callType: "Check In - Call",
        };
        log(`2026-02-12 ada logs a connected check-in call: ${await apply(db, "ada", call)}`);
      }
    }
    const loaded = sweeps.reduce((n, s) => n + s.loaded, 0);
    log(`\n28 daily sweeps loaded ${loaded} rows in all (advancing every record daily: ${28 * 3})`);
    const { rows } = await db.query("select kind, count(*)::int as n from hub_log group by kind order by kind");
    log(`log: ${rows.map((r) => `${r.n} ${r.kind}`).join(", ")}`);
    for (const { id, state, nextDueAt } of await states(db)) {
      log(`${id.padEnd(4)} ${clientHub.label(state).padEnd(18)} next due ${nextDueAt?.toISOString() ?? "—"}`);
    }
    return { sweeps, final: await states(db) };
  } finally {
    await db.close();
  }
}

// Run directly: the demo. (Imported: nothing runs.)
if (import.meta.url === `file://${process.argv[1]}`) await demo();
