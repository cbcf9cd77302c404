// `npm test` step: the PGlite sweep example (examples/sweep/pglite-sweep.mjs) against a real
// embedded Postgres. The law it relies on: sweeping only the records whose stored `next_due_at`
// is due gives exactly the states that advancing every record on every tick gives. Checked here
// on 40 records with scattered contact dates over 150 daily sweeps, with check-in calls logged
// along the way; after each sweep no record may be left due, and a second sweep at the same
// instant must load nothing. Runs against the built package (npm test builds before this step).
import assert from "node:assert/strict";
import { clientHub } from "leadrules/client-hub";
import { apply, create, demo, open, states, sweep } from "../examples/sweep/pglite-sweep.mjs";

let seed = 20261129;
const next = (n) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % n;
};
const DAY = 86_400_000;
const start = Date.parse("2026-01-01T10:00:00Z");
const zones = ["Europe/London", "Australia/Sydney", "America/New_York", "UTC"];

const db = await open();
try {
  const brute = new Map();
  for (let i = 0; i < 40; i++) {
    const id = `r${String(i).padStart(2, "0")}`;
    const nextContactDate = new Date(start + (3 + next(120)) * DAY).toISOString().slice(0, 10);
    const input = { subscriptionId: "s", contactId: id, at: start, timeZone: zones[i % 4], nextContactDate };
    await create(db, id, input);
    const made = clientHub.initial(input);
    assert.ok(made.ok);
    brute.set(id, made.value);
  }
  let loaded = 0;
  for (let day = 1; day <= 150; day++) {
    const now = new Date(start + day * DAY - 3 * 3_600_000).toISOString();
    const result = await sweep(db, now);
    loaded += result.loaded;
    for (const [id, state] of brute) brute.set(id, clientHub.advance(state, now).state);
    const { rows } = await db.query("select count(*)::int as n from hub_record where next_due_at <= $1", [now]);
    assert.equal(rows[0].n, 0, `records left due after the sweep at ${now}`);
    assert.equal((await sweep(db, now)).loaded, 0, `a second sweep at ${now} loaded records`);
    // Now and then a check-in call on a record that is in a call stage, at the sweep's instant + 1 h.
    const inCall = [...brute].filter(([, s]) => s.status.startsWith("call") && s.status !== "callPreparation");
    if (inCall.length > 0 && next(3) === 0) {
      const [id, state] = inCall[next(inCall.length)];
      const at = new Date(Date.parse(now) + 3_600_000).toISOString();
      const connected = next(2) === 0;
      const call = {
        type: "callLogged",
        at,
        actor: "owner",
        direction: "outbound",
        outcome: connected ? "Connected" : "No answer",
        callType: "Check In - Call",
      };
      await apply(db, id, call);
      const step = clientHub.transition(state, call);
      if (step.ok) brute.set(id, step.value.state);
    }
  }
  const stored = await states(db);
  assert.equal(stored.length, 40);
  for (const { id, state, nextDueAt } of stored) {
    assert.deepEqual(state, brute.get(id), `record ${id}: the sweep and advancing every record disagree`);
    assert.equal(nextDueAt?.toISOString() ?? null, clientHub.nextDueAt(state), `record ${id}: stale next_due_at`);
  }
  assert.ok(loaded < (40 * 150) / 10, `the sweeps loaded ${loaded} rows: not only the due ones`);
  console.log(
    `✓ sweep ≡ advancing every record: 40 records, 150 daily sweeps, ${loaded} rows loaded (not ${40 * 150})`,
  );
} finally {
  await db.close();
}

// The example's own scenario runs and ends where its comments say.
const lines = [];
const { final } = await demo((line) => lines.push(line));
assert.deepEqual(
  final.map((r) => [r.id, r.state.status]),
  [
    ["ada", "summaryOfCall"],
    ["ben", "call2"],
    ["cy", "completed"],
  ],
);
console.log(`✓ examples/sweep/pglite-sweep.mjs: ${lines.length} lines, final stages as shown`);
