// npx tsx bench/guard.bench.ts: what the contract costs on the hot path. (1) The stored-state check
// (`stateCheck`, core/vocabulary.ts): each verb on a lifecycle built from the same definition with
// and without it — transition on accepted events (the check runs only once an event is not
// refused by its status), transition on refused events (it never runs), advance with nothing due
// (it runs every call), Client Hub advance. (2) The last-resort guard (core/guard.ts): one more
// guard layer around a verb, the cost every guarded call pays once. Best of 7 runs, ns per call;
// the same seeded data for each side; nothing is asserted (ratios for the README, not a test).
// Figures: bench/results.mjs.

import { clientHub } from "../src/client-hub/pipeline.js";
import { guard } from "../src/core/guard.js";
import { createLifecycle } from "../src/core/lifecycle.js";
import { consultation } from "../src/lead-status/consultation.js";
import { startBench } from "./results.mjs";
import { best, rng } from "./support.js";

const bench = startBench("guard", "node --import tsx bench/guard.bench.ts");
const N = bench.quick ? 5_000 : 200_000;
const rows: { name: string; checkedNs: number; uncheckedNs: number; extraNs: number }[] = [];
const T0 = Date.parse("2026-01-01T00:00:00.000Z");

function lifecycles<L extends { definition: object }>(preset: L): { checked: L; unchecked: L } {
  const checked = createLifecycle(preset.definition as never) as unknown as L;
  const unchecked = createLifecycle({ ...preset.definition, stateCheck: undefined } as never) as unknown as L;
  return { checked, unchecked };
}

const ns = (ms: number): string => ((ms * 1e6) / N).toFixed(0).padStart(5);

// Each side runs three times, alternating, and the best run counts: the side measured first would
// otherwise pay for the JIT's warm-up.
function pair(a: () => void, b: () => void): [number, number] {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    x = Math.min(x, best(3, a));
    y = Math.min(y, best(3, b));
  }
  return [x, y];
}

function row(name: string, [checked, unchecked]: [number, number]): void {
  const extra = ((checked - unchecked) * 1e6) / N;
  const perCall = (ms: number): number => Math.round((ms * 1e6) / N);
  rows.push({ name, checkedNs: perCall(checked), uncheckedNs: perCall(unchecked), extraNs: Math.round(extra) });
  console.log(
    `${name.padEnd(58)} ${ns(checked)} ns  ${ns(unchecked)} ns  ${extra >= 0 ? "+" : ""}${extra.toFixed(0)} ns`,
  );
}

const random = rng(20261130);
const { checked: c1, unchecked: c0 } = lifecycles(consultation);
// Accepted events: a follow-up logged on a lead with one pending, a booking on a new lead.
const states = Array.from({ length: 64 }, (_, i) => {
  const at = T0 + i * 3_600_000;
  const lead = consultation.initial(at);
  if (!lead.ok) throw new Error("initial");
  const step = consultation.transition(lead.value, { type: "followUpLogged", at, actor: "franchisee", notes: "n" });
  if (!step.ok) throw new Error("followUpLogged");
  return step.value.state;
});
const accepted = states.map((_, i) => ({
  type: "followUpLogged" as const,
  at: T0 + i * 3_600_000 + 60_000 + Math.floor(random() * 1000),
  actor: "franchisee" as const,
  notes: "n",
}));
// Refused: enrolment is the system's. A follow-up lead has a timer (the check runs before the
// timers, so before this refusal); a new lead has none (its status refuses the event first).
const refused = states.map((_, i) => ({
  type: "enrolmentCompleted" as const,
  at: T0 + i,
  actor: "franchisee" as const,
}));
const fresh = states.map((_, i) => {
  const lead = consultation.initial(T0 + i);
  if (!lead.ok) throw new Error("initial");
  return lead.value;
});

console.log(`${"".padEnd(58)} checked  unchecked  the check`);
for (const [name, from, events] of [
  ["consultation.transition, accepted (follow-up logged)", states, accepted],
  ["consultation.transition, refused after the check (timed status)", states, refused],
  ["consultation.transition, refused before the check (new lead)", fresh, refused],
] as const) {
  const run = (l: typeof consultation) => () => {
    for (let i = 0; i < N; i++) l.transition(from[i & 63] as never, events[i & 63] as never);
  };
  row(name, pair(run(c1), run(c0)));
}
{
  const run = (l: typeof consultation) => () => {
    for (let i = 0; i < N; i++) l.advance(states[i & 63] as never, T0 + 3_600_000 * (i & 63) + 1);
  };
  row("consultation.advance, nothing due", pair(run(c1), run(c0)));
  const due = (l: typeof consultation) => () => {
    for (let i = 0; i < N; i++) l.nextDueAt(states[i & 63] as never);
  };
  row("consultation.nextDueAt (follow-up pending)", pair(due(c1), due(c0)));
}
{
  const { checked: h1, unchecked: h0 } = lifecycles(clientHub);
  const records = Array.from({ length: 64 }, (_, i) => {
    const r = clientHub.initial({
      subscriptionId: `s${i}`,
      contactId: "c",
      at: T0 + i * 86_400_000,
      timeZone: "Europe/London",
    });
    if (!r.ok) throw new Error("initial");
    return r.value;
  });
  const run = (l: typeof clientHub) => () => {
    for (let i = 0; i < N; i++) l.advance(records[i & 63] as never, T0 + 86_400_000 * (i & 63) + 1);
  };
  row("clientHub.advance, nothing due", pair(run(h1), run(h0)));
  const due = (l: typeof clientHub) => () => {
    for (let i = 0; i < N; i++) l.nextDueAt(records[i & 63] as never);
  };
  row("clientHub.nextDueAt", pair(due(h1), due(h0)));
}
{
  const twice = guard(consultation.transition, () => {
    throw new Error("unreachable");
  });
  const run = (transition: typeof consultation.transition) => () => {
    for (let i = 0; i < N; i++) transition(states[i & 63] as never, accepted[i & 63] as never);
  };
  row("one more guard layer around transition (accepted)", pair(run(twice), run(consultation.transition)));
}
bench.finish({ calls: N, rows });
