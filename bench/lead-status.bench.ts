// npm run bench: the consultation lifecycle over 1,000,000 seeded events spread over 10,000 leads,
// beside (a) a hand-written switch reducer producing the same ISO-string states, (b) the same
// switch over epoch milliseconds (no representation at all: the physical limit), (c) robot3 and
// (d) XState 5's pure transition() on the same machine. All must end in identical states; the
// script prints throughput and ratios only (no absolute times are asserted anywhere). Figures:
// bench/results.mjs.
import * as robot from "robot3";
import { assign, createMachine, initialTransition, type SnapshotFrom, transition as xTransition } from "xstate";
import {
  type ConsultationEvent,
  type ConsultationState,
  type ConsultationStatus,
  consultation,
} from "../src/lead-status/consultation.js";
import { startBench } from "./results.mjs";
import { best, rng } from "./support.js";

const bench = startBench("lead-status", "node --import tsx bench/lead-status.bench.ts");
const LEADS = bench.quick ? 1_000 : 10_000;
const EVENTS = bench.quick ? 20_000 : 1_000_000;
const HOUR = 3_600_000;
const T0 = Date.parse("2026-01-01T00:00:00.000Z");

type Ev = ConsultationEvent & { readonly at: number };
const TYPES: readonly [ConsultationEvent["type"], number][] = [
  ["followUpLogged", 60],
  ["consultationBooked", 10],
  ["consultationRescheduled", 4],
  ["consultationCancelled", 6],
  ["followUpScheduleMoved", 2],
  ["markedCold", 2],
  ["markedLost", 1],
  ["markedDnc", 1],
  ["markedOutOfArea", 1],
  ["markedUnserviceable", 1],
  ["cancelledAndDnc", 1],
  ["enrolmentCompleted", 1],
];
const TOTAL = TYPES.reduce((n, [, w]) => n + w, 0);
const ACTORS = ["system", "franchisee", "careCentre"] as const;

function generate(): { lead: Int32Array; events: Ev[] } {
  const random = rng(20261123);
  const clock = new Float64Array(LEADS).fill(T0);
  const lead = new Int32Array(EVENTS);
  const events: Ev[] = new Array(EVENTS);
  for (let i = 0; i < EVENTS; i++) {
    const l = Math.floor(random() * LEADS);
    clock[l] = (clock[l] as number) + Math.floor(random() * 60 * HOUR);
    let pick = random() * TOTAL;
    let type: ConsultationEvent["type"] = "followUpLogged";
    for (const [t, w] of TYPES) {
      pick -= w;
      if (pick < 0) {
        type = t;
        break;
      }
    }
    const actor = ACTORS[Math.floor(random() * 3)] as ConsultationEvent["actor"];
    lead[i] = l;
    events[i] = (
      type === "followUpLogged" ? { type, at: clock[l], actor, notes: "n" } : { type, at: clock[l], actor }
    ) as Ev;
  }
  return { lead, events };
}

// (a) The hand-written switch: the same rules, written out by hand.
const CLOSED = new Set(["consultationCancelledDnc", "unserviceable", "outOfArea", "dnc", "lost", "sold"]);
const BOOKABLE = new Set(["new", "followUp", "consultationCancelled", "moveScheduleFollowUp", "cold"]);
const FOLLOWABLE = new Set(["new", "consultationCancelled", "moveScheduleFollowUp", "followUp"]);
const make = (
  status: ConsultationStatus,
  updatedAt: string,
  followUp: ConsultationState["followUp"] = null,
  transferableToCareCentre: boolean | null = null,
): ConsultationState => ({
  lifecycle: "consultation",
  schemaVersion: 1,
  status,
  updatedAt,
  followUp,
  transferableToCareCentre,
});

function switchAdvance(s: ConsultationState, at: number): ConsultationState {
  if (
    (s.status === "followUp" || s.status === "moveScheduleFollowUp") &&
    s.followUp !== null &&
    s.followUp.number >= 6
  ) {
    const cold = Date.parse(s.followUp.dueAt) + 2 * HOUR;
    if (cold <= at) return make("cold", new Date(cold).toISOString());
  }
  return s;
}

function switchReduce(state: ConsultationState, e: Ev): ConsultationState {
  const at = e.at;
  const s = switchAdvance(state, at);
  if (CLOSED.has(s.status)) return state;
  const user = e.actor !== "system";
  const iso = (): string => new Date(at).toISOString();
  switch (e.type) {
    case "consultationBooked":
      return !user && BOOKABLE.has(s.status) ? make("consultationBooked", iso()) : state;
    case "consultationRescheduled":
      return !user && (s.status === "consultationBooked" || s.status === "consultationRescheduled")
        ? make("consultationRescheduled", iso())
        : state;
    case "consultationCancelled":
      return !user && (s.status === "consultationBooked" || s.status === "consultationRescheduled")
        ? make("consultationCancelled", iso())
        : state;
    case "followUpLogged": {
      if (!user || !FOLLOWABLE.has(s.status)) return state;
      const number = s.followUp === null ? 1 : s.followUp.number + 1;
      if (number > 6) return state;
      const loggedAt = iso();
      return make("followUp", loggedAt, {
        number,
        loggedAt,
        dueAt: new Date(at + 48 * HOUR).toISOString(),
        notes: e.notes ?? "",
      });
    }
    case "followUpScheduleMoved":
      return e.actor === "careCentre" ? make("moveScheduleFollowUp", iso(), s.followUp) : state;
    case "cancelledAndDnc":
      return e.actor === "careCentre" ? make("consultationCancelledDnc", iso()) : state;
    case "markedUnserviceable":
      return user ? make("unserviceable", iso()) : state;
    case "markedOutOfArea":
      return user ? make("outOfArea", iso(), null, e.transferableToCareCentre ?? false) : state;
    case "markedDnc":
      return user ? make("dnc", iso()) : state;
    case "markedCold":
      return s.status !== "cold" ? make("cold", iso()) : state;
    case "markedLost":
      return user ? make("lost", iso()) : state;
    case "enrolmentCompleted":
      return !user ? make("sold", iso()) : state;
  }
}

// (b) The same switch with no representation: instants stay epoch milliseconds, follow-ups are
// numbers. What any implementation of these rules costs at the least; converted to the stored
// shape only at the end, for the comparison.
interface MsState {
  readonly status: ConsultationStatus;
  readonly updatedAt: number;
  readonly followUp: number; // 0 = none
  readonly loggedAt: number;
  readonly dueAt: number;
  readonly notes: string;
  readonly transferable: boolean | null;
}
const msMake = (status: ConsultationStatus, updatedAt: number): MsState => ({
  status,
  updatedAt,
  followUp: 0,
  loggedAt: 0,
  dueAt: 0,
  notes: "",
  transferable: null,
});
function msAdvance(s: MsState, at: number): MsState {
  if ((s.status === "followUp" || s.status === "moveScheduleFollowUp") && s.followUp >= 6 && s.dueAt + 2 * HOUR <= at)
    return msMake("cold", s.dueAt + 2 * HOUR);
  return s;
}
function msReduce(state: MsState, e: Ev): MsState {
  const at = e.at;
  const s = msAdvance(state, at);
  if (CLOSED.has(s.status)) return state;
  const user = e.actor !== "system";
  switch (e.type) {
    case "consultationBooked":
      return !user && BOOKABLE.has(s.status) ? msMake("consultationBooked", at) : state;
    case "consultationRescheduled":
      return !user && (s.status === "consultationBooked" || s.status === "consultationRescheduled")
        ? msMake("consultationRescheduled", at)
        : state;
    case "consultationCancelled":
      return !user && (s.status === "consultationBooked" || s.status === "consultationRescheduled")
        ? msMake("consultationCancelled", at)
        : state;
    case "followUpLogged": {
      if (!user || !FOLLOWABLE.has(s.status) || s.followUp >= 6) return state;
      return {
        status: "followUp",
        updatedAt: at,
        followUp: s.followUp + 1,
        loggedAt: at,
        dueAt: at + 48 * HOUR,
        notes: e.notes ?? "",
        transferable: null,
      };
    }
    case "followUpScheduleMoved":
      return e.actor === "careCentre"
        ? { ...s, status: "moveScheduleFollowUp", updatedAt: at, transferable: null }
        : state;
    case "cancelledAndDnc":
      return e.actor === "careCentre" ? msMake("consultationCancelledDnc", at) : state;
    case "markedUnserviceable":
      return user ? msMake("unserviceable", at) : state;
    case "markedOutOfArea":
      return user ? { ...msMake("outOfArea", at), transferable: e.transferableToCareCentre ?? false } : state;
    case "markedDnc":
      return user ? msMake("dnc", at) : state;
    case "markedCold":
      return s.status !== "cold" ? msMake("cold", at) : state;
    case "markedLost":
      return user ? msMake("lost", at) : state;
    case "enrolmentCompleted":
      return !user ? msMake("sold", at) : state;
  }
}
const iso = (ms: number): string => new Date(ms).toISOString();
const fromMs = (s: MsState): ConsultationState =>
  make(
    s.status,
    iso(s.updatedAt),
    s.followUp === 0 ? null : { number: s.followUp, loggedAt: iso(s.loggedAt), dueAt: iso(s.dueAt), notes: s.notes },
    s.transferable,
  );

// (c) The same machine in robot3 (a small, fast state-machine library): an interpreted service per
// lead, guards and reducers as robot3 writes them, ISO strings in its context. The cold timer is a
// TICK event sent before an event to a lead in followUp or moveScheduleFollowUp (the statuses of a
// round, the only ones with a timer: a schedule move keeps the round's follow-up).
interface RCtx {
  updatedAt: string;
  followUp: ConsultationState["followUp"];
  transferable: boolean | null;
}
type REv = Ev | { type: "TICK"; at: number };
const rUser = robot.guard((_: RCtx, e: REv) => "actor" in e && e.actor !== "system");
const rSystem = robot.guard((_: RCtx, e: REv) => "actor" in e && e.actor === "system");
const rCc = robot.guard((_: RCtx, e: REv) => "actor" in e && e.actor === "careCentre");
const rStamp = robot.reduce(
  (_: RCtx, e: REv): RCtx => ({ updatedAt: new Date(e.at).toISOString(), followUp: null, transferable: null }),
);
const rGo = (event: string, target: string, who: typeof rUser) => robot.transition(event, target, who, rStamp);
const rOpen = [
  robot.transition(
    "followUpScheduleMoved",
    "moveScheduleFollowUp",
    rCc,
    robot.reduce((c: RCtx, e: REv): RCtx => ({ updatedAt: iso(e.at), followUp: c.followUp, transferable: null })),
  ),
  rGo("cancelledAndDnc", "consultationCancelledDnc", rCc),
  rGo("markedUnserviceable", "unserviceable", rUser),
  robot.transition(
    "markedOutOfArea",
    "outOfArea",
    rUser,
    robot.reduce(
      (_: RCtx, e: REv): RCtx => ({
        updatedAt: new Date(e.at).toISOString(),
        followUp: null,
        transferable: "transferableToCareCentre" in e ? (e.transferableToCareCentre ?? false) : false,
      }),
    ),
  ),
  rGo("markedDnc", "dnc", rUser),
  rGo("markedLost", "lost", rUser),
  robot.transition("markedCold", "cold", rStamp),
  rGo("enrolmentCompleted", "sold", rSystem),
];
const rBook = rGo("consultationBooked", "consultationBooked", rSystem);
const rFollowUp = robot.transition(
  "followUpLogged",
  "followUp",
  robot.guard((c: RCtx, e: REv) => "actor" in e && e.actor !== "system" && (c.followUp?.number ?? 0) < 6),
  robot.reduce((c: RCtx, e: REv): RCtx => {
    const at = new Date(e.at).toISOString();
    const number = c.followUp === null ? 1 : c.followUp.number + 1;
    const notes = "notes" in e ? (e.notes ?? "") : "";
    return {
      updatedAt: at,
      transferable: null,
      followUp: { number, loggedAt: at, dueAt: iso(e.at + 48 * HOUR), notes },
    };
  }),
);
// The cold timer, in both statuses of a round (a schedule move keeps the follow-up and its timer).
const rCold = robot.transition(
  "TICK",
  "cold",
  robot.guard(
    (c: RCtx, e: REv) =>
      c.followUp !== null && c.followUp.number >= 6 && Date.parse(c.followUp.dueAt) + 2 * HOUR <= e.at,
  ),
  robot.reduce(
    (c: RCtx): RCtx => ({
      updatedAt: iso(Date.parse(c.followUp?.dueAt ?? "") + 2 * HOUR),
      followUp: null,
      transferable: null,
    }),
  ),
);
const rBookedMoves = [
  rGo("consultationRescheduled", "consultationRescheduled", rSystem),
  rGo("consultationCancelled", "consultationCancelled", rSystem),
];
const robotMachine = robot.createMachine(
  "new",
  {
    new: robot.state(...rOpen, rBook, rFollowUp),
    consultationBooked: robot.state(...rOpen, ...rBookedMoves),
    consultationRescheduled: robot.state(...rOpen, ...rBookedMoves),
    consultationCancelled: robot.state(...rOpen, rBook, rFollowUp),
    followUp: robot.state(...rOpen, rBook, rFollowUp, rCold),
    moveScheduleFollowUp: robot.state(...rOpen, rBook, rFollowUp, rCold),
    cold: robot.state(...rOpen.filter((_, i) => i !== 6), rBook),
    consultationCancelledDnc: robot.state(),
    unserviceable: robot.state(),
    outOfArea: robot.state(),
    dnc: robot.state(),
    lost: robot.state(),
    sold: robot.state(),
  },
  (): RCtx => ({ updatedAt: iso(T0), followUp: null, transferable: null }),
);
const fromRobot = (service: { machine: { current: string }; context: RCtx }): ConsultationState =>
  make(
    service.machine.current as ConsultationStatus,
    service.context.updatedAt,
    service.context.followUp,
    service.context.transferable,
  );

// (d) The same machine in XState 5, run with its pure transition(). The cold timer becomes a TICK
// event sent before each event (XState's own delayed transitions need a running actor and a clock).
interface Ctx {
  followUp: ConsultationState["followUp"];
  updatedAt: string;
  transferable: boolean | null;
}
type XEv = Ev | { type: "TICK"; at: number };
const isUser = ({ event }: { event: XEv }): boolean => "actor" in event && event.actor !== "system";
const isSystem = ({ event }: { event: XEv }): boolean => "actor" in event && event.actor === "system";
const isCc = ({ event }: { event: XEv }): boolean => "actor" in event && event.actor === "careCentre";
const stamp = ({ event }: { event: XEv }): Partial<Ctx> => ({
  updatedAt: new Date(event.at).toISOString(),
  followUp: null,
  transferable: null,
});
const go = (target: string, guard: typeof isUser) => ({ target, guard, actions: { type: "stamp" as const } });
const open = {
  followUpScheduleMoved: { target: "moveScheduleFollowUp", guard: isCc, actions: { type: "move" as const } },
  cancelledAndDnc: go("consultationCancelledDnc", isCc),
  markedUnserviceable: go("unserviceable", isUser),
  markedOutOfArea: { target: "outOfArea", guard: isUser, actions: { type: "outOfArea" as const } },
  markedDnc: go("dnc", isUser),
  markedLost: go("lost", isUser),
  markedCold: { target: "cold", actions: { type: "stamp" as const } },
  enrolmentCompleted: go("sold", isSystem),
};
const book = { consultationBooked: go("consultationBooked", isSystem) };
const followUp = {
  followUpLogged: { target: "followUp", guard: isUser, actions: { type: "followUp" as const }, reenter: true },
};
// The statuses of a round: a seventh follow-up is refused, and the lead goes cold 2 h after the
// sixth is due.
const round = {
  followUpLogged: {
    ...followUp.followUpLogged,
    guard: (a: { context: Ctx; event: XEv }) => isUser(a) && (a.context.followUp?.number ?? 0) < 6,
  },
  TICK: {
    target: "cold",
    guard: ({ context, event }: { context: Ctx; event: XEv }) =>
      context.followUp !== null &&
      context.followUp.number >= 6 &&
      Date.parse(context.followUp.dueAt) + 2 * HOUR <= event.at,
    actions: { type: "goCold" as const },
  },
};
const machine = createMachine(
  {
    types: {} as { context: Ctx; events: XEv },
    id: "consultation",
    initial: "new",
    context: { followUp: null, updatedAt: new Date(T0).toISOString(), transferable: null },
    states: {
      new: { on: { ...open, ...book, ...followUp } },
      consultationBooked: {
        on: {
          ...open,
          consultationRescheduled: go("consultationRescheduled", isSystem),
          consultationCancelled: go("consultationCancelled", isSystem),
        },
      },
      consultationRescheduled: {
        on: {
          ...open,
          consultationRescheduled: go("consultationRescheduled", isSystem),
          consultationCancelled: go("consultationCancelled", isSystem),
        },
      },
      consultationCancelled: { on: { ...open, ...book, ...followUp } },
      followUp: { on: { ...open, ...book, ...round } },
      // A schedule move keeps the follow-up: the count goes on and the cold timer still runs.
      moveScheduleFollowUp: { on: { ...open, ...book, ...round } },
      cold: { on: { ...open, ...book, markedCold: undefined } },
      consultationCancelledDnc: { type: "final" },
      unserviceable: { type: "final" },
      outOfArea: { type: "final" },
      dnc: { type: "final" },
      lost: { type: "final" },
      sold: { type: "final" },
    },
  },
  {
    actions: {
      stamp: assign(({ event }) => stamp({ event })),
      move: assign(({ event }) => ({ updatedAt: new Date(event.at).toISOString(), transferable: null })),
      outOfArea: assign(({ event }) => ({ ...stamp({ event }), transferable: false })),
      goCold: assign(({ context }) => ({
        updatedAt: new Date(Date.parse(context.followUp?.dueAt ?? "") + 2 * HOUR).toISOString(),
        followUp: null,
      })),
      followUp: assign(({ context, event }) => {
        const at = new Date(event.at).toISOString();
        const number = context.followUp === null ? 1 : context.followUp.number + 1;
        const notes = "notes" in event ? (event.notes ?? "") : "";
        return {
          updatedAt: at,
          transferable: null,
          followUp: { number, loggedAt: at, dueAt: new Date(event.at + 48 * HOUR).toISOString(), notes },
        };
      }),
    },
  },
);
const fromX = (snap: SnapshotFrom<typeof machine>): ConsultationState =>
  make(snap.value as ConsultationStatus, snap.context.updatedAt, snap.context.followUp, snap.context.transferable);

const time = (run: () => void, repeats = 3): number => best(repeats, run);

const { lead, events } = generate();
const initial = consultation.initial(T0);
if (!initial.ok) throw new Error("initial");
const fresh = (): ConsultationState[] => new Array(LEADS).fill(initial.value);

let lr = fresh();
const leadrulesMs = time(() => {
  lr = fresh();
  for (let i = 0; i < EVENTS; i++) {
    const l = lead[i] as number;
    const result = consultation.transition(lr[l] as ConsultationState, events[i] as Ev);
    if (result.ok) lr[l] = result.value.state;
  }
});
let sw = fresh();
const switchMs = time(() => {
  sw = fresh();
  for (let i = 0; i < EVENTS; i++) {
    const l = lead[i] as number;
    sw[l] = switchReduce(sw[l] as ConsultationState, events[i] as Ev);
  }
});
let ms: MsState[] = [];
const msMs = time(() => {
  ms = new Array(LEADS).fill(msMake("new", T0));
  for (let i = 0; i < EVENTS; i++) {
    const l = lead[i] as number;
    ms[l] = msReduce(ms[l] as MsState, events[i] as Ev);
  }
});
type RService = { machine: { current: string }; context: RCtx; send: (e: REv) => void };
let rs: RService[] = [];
const robotMs = time(() => {
  rs = Array.from({ length: LEADS }, () => robot.interpret(robotMachine, () => {}) as unknown as RService);
  for (let i = 0; i < EVENTS; i++) {
    const service = rs[lead[i] as number] as RService;
    const e = events[i] as Ev;
    // Only a lead in a round (followUp, moveScheduleFollowUp) has a timer; sparing the others the TICK is robot3's best case.
    if (service.machine.current === "followUp" || service.machine.current === "moveScheduleFollowUp")
      service.send({ type: "TICK", at: e.at });
    service.send(e);
  }
});
// Bring every lead to the same final instant so pending cold moves are applied everywhere.
const end = events.reduce((max, e) => Math.max(max, e.at), T0) + 1000 * HOUR;
lr = lr.map((s) => consultation.advance(s, end).state);
sw = sw.map((s) => switchAdvance(s, end));
const msFinal = ms.map((s) => fromMs(msAdvance(s, end)));
const robotFinal = rs.map((service) => {
  service.send({ type: "TICK", at: end });
  return fromRobot(service);
});

const [x0] = initialTransition(machine);
let xs: SnapshotFrom<typeof machine>[] = new Array(LEADS).fill(x0);
const xstateMs = time(() => {
  xs = new Array(LEADS).fill(x0);
  for (let i = 0; i < EVENTS; i++) {
    const l = lead[i] as number;
    const e = events[i] as Ev;
    let snap = xs[l] as SnapshotFrom<typeof machine>;
    [snap] = xTransition(machine, snap, { type: "TICK", at: e.at });
    [snap] = xTransition(machine, snap, e);
    xs[l] = snap;
  }
}, 1);
const xFinal = xs.map((s) => fromX(xTransition(machine, s, { type: "TICK", at: end })[0]));

const same = (a: readonly ConsultationState[], b: readonly ConsultationState[]): number =>
  a.filter((s, i) => JSON.stringify(s) !== JSON.stringify(b[i])).length;
const diffs = {
  switch: same(lr, sw),
  "epoch-ms switch": same(lr, msFinal),
  robot3: same(lr, robotFinal),
  xstate: same(lr, xFinal),
};
const rate = (ms: number): string => `${(((EVENTS / ms) * 1000) / 1e6).toFixed(2)} M events/s`;
const statuses = new Map<string, number>();
for (const s of lr) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);

console.log(`consultation lifecycle: ${EVENTS.toLocaleString("en")} events over ${LEADS.toLocaleString("en")} leads`);
console.log(`final statuses: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(`leadrules        ${rate(leadrulesMs)}`);
console.log(`switch (ISO)     ${rate(switchMs)}`);
console.log(`switch (ms)      ${rate(msMs)}`);
console.log(`robot3           ${rate(robotMs)}`);
console.log(`xstate           ${rate(xstateMs)}`);
console.log(
  `states identical: ${Object.entries(diffs)
    .map(([k, n]) => `${k} ${n === 0 ? "yes" : `NO (${n} differ)`}`)
    .join(", ")}`,
);
const check = (label: string, ratio: number, target: number, digits = 2): boolean => {
  const met = ratio >= target;
  console.log(`${label} = ${ratio.toFixed(digits)} (target >= ${target}) ${met ? "met" : "NOT MET"}`);
  return met;
};
const met = [
  check("leadrules/robot3", robotMs / leadrulesMs, 1.0),
  check("leadrules/switch (ms)", msMs / leadrulesMs, 0.1),
  check("leadrules/switch (ISO)", switchMs / leadrulesMs, 0.5),
];
console.log(`leadrules/xstate = ${(xstateMs / leadrulesMs).toFixed(1)}`);
if (Object.values(diffs).every((n) => n === 0)) {
  const perSecond = (ms: number): number => Math.round((EVENTS / ms) * 1000);
  const ratio = (ms: number): number => Math.round((100 * ms) / leadrulesMs) / 100;
  bench.finish({
    events: EVENTS,
    leads: LEADS,
    eventsPerSecond: {
      leadrules: perSecond(leadrulesMs),
      switchIso: perSecond(switchMs),
      switchMs: perSecond(msMs),
      robot3: perSecond(robotMs),
      xstate: perSecond(xstateMs),
    },
    ratios: {
      robot3: { value: ratio(robotMs), target: 1 },
      switchMs: { value: ratio(msMs), target: 0.1 },
      switchIso: { value: ratio(switchMs), target: 0.5 },
      xstate: { value: ratio(xstateMs), target: null },
    },
  });
} else {
  bench.report();
  console.log("lead-status: not written (the implementations' states differ)");
}
if (Object.values(diffs).some((n) => n !== 0) || met.includes(false)) process.exit(1);
