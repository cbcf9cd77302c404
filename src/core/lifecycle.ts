import { isoText } from "./civil.js";
import { describeValue } from "./describe.js";
import { deepFreeze } from "./freeze.js";
import { guard, UNREADABLE_MESSAGE } from "./guard.js";
import { APPLIED_IDS_CAP, effectDiff, isApplied, isEventId, MAX_EVENT_ID_LENGTH, remember } from "./identity.js";
import { err, ok, type Result } from "./result.js";
import { type Instant, MAX_INSTANT_MS, MIN_INSTANT_MS, toEpochMs, toIso } from "./time.js";

/**
 * A check of a stored value (see core/vocabulary.ts): `undefined` when it passes, else the path
 * under it of the first field at fault (`""`: the value itself).
 */
export type Check = (value: unknown) => string | undefined;

/** What the metadata table says about one status. */
export interface StatusMeta<A extends string> {
  /** The playbook's label, verbatim. */
  readonly label: string;
  /** Who may move a record into this status. */
  readonly setBy: readonly A[];
  /** Whether the status closes the record (a closed record accepts no further event). */
  readonly closes: boolean;
}

/** The metadata table of a lifecycle: one entry per status. */
export type StatusTable<S extends string, A extends string> = { readonly [K in S]: StatusMeta<A> };

/** What every lifecycle state has: its status and the instant of its last change (ISO UTC). */
export interface LifecycleState<S extends string = string> {
  readonly status: S;
  readonly updatedAt: string;
  /**
   * The ids of the last events applied (the last `APPLIED_IDS_LIMIT`, and every one applied at the
   * record's current instant up to `APPLIED_IDS_CAP`; oldest first), present once
   * an event with an `id` has been applied: a redelivery of one of them is a no-op.
   */
  readonly appliedIds?: readonly string[];
}

/** What every lifecycle event has: its type, when it happened, and who did it. */
export interface LifecycleEvent<T extends string = string, A extends string = string> {
  readonly type: T;
  readonly at: Instant;
  readonly actor: A;
  /**
   * The event's idempotency key (1–200 characters), e.g. a webhook's delivery id: an event whose
   * id the record has already applied changes nothing and says so (`duplicate: true`).
   */
  readonly id?: string;
}

/** A state and the effects (work for the host, as data) that reaching it requires. */
export interface Step<St, Ef> {
  readonly state: St;
  readonly effects: readonly Ef[];
  /**
   * Present (`true`) when the event's `id` was one the record had already applied: the state is
   * returned as it was and there are no effects. A retried delivery is not an error.
   */
  readonly duplicate?: true;
}

/**
 * What `advance` did: the state and effects, and `ignored` — why the given `now` was not used,
 * or `null` when it was. An invalid instant is ignored (`invalidInstant`), and so is a `now`
 * before the record's last change at which a move was due (`outOfOrder`): a clock behind the
 * record must not move it back in time. A stored state its parser would refuse is not moved
 * (`invalidState`, `field` = the path), nor one that throws when read (`unreadable`). Either way
 * the state is returned as it was.
 */
export interface AdvanceStep<St, Ef> extends Step<St, Ef> {
  readonly ignored: Rejection | null;
}

/** Why the engine itself refused an event, whatever the lifecycle. */
export type EngineRejectionCode =
  | "unknownEvent"
  | "unknownStatus"
  | "invalidInstant"
  | "outOfOrder"
  | "closed"
  | "notAllowedFrom"
  | "actorNotPermitted"
  | "invalidLog"
  | "invalidId"
  | "invalidState"
  | "unreadable";

/** A refused event, as a value: the reason, the event type, the status and actor involved. */
export interface Rejection<C extends string = never> {
  readonly code: EngineRejectionCode | C;
  readonly message: string;
  readonly event: string;
  readonly status: string;
  readonly actor: string;
  /** The event field at fault, when one is. */
  readonly field?: string;
}

/** A data guard's refusal: a lifecycle-specific code and a plain-English reason. */
export interface Refusal<C extends string> {
  readonly code: C;
  readonly message: string;
  readonly field?: string;
}

/**
 * One way an event whose target depends on its data can move a record, for diagrams and docs:
 * from which statuses (default: the rule's), to which, and in plain English when.
 */
export interface Branch<S extends string> {
  readonly from?: readonly S[];
  readonly to: S;
  readonly when: string;
}

/** One row of a transition table: which event moves which statuses where, for whom. */
export interface EventRule<S extends string, A extends string, St, Ev, Ef, C extends string> {
  /** Statuses the event is accepted from; `"open"` means every status that does not close. */
  readonly from: readonly S[] | "open";
  /**
   * The status the event leads to; `"same"` leaves the status as it is; a list of branches when
   * the event's data decides (then `apply` picks the status, and the event may also move nothing).
   */
  readonly to: S | "same" | readonly Branch<S>[];
  /** Who may send it; defaults to the target status's `setBy`. Required unless `to` is one status. */
  readonly by?: readonly A[];
  /** A guard on the state alone (it also hides the event from `allowedEvents`). */
  readonly when?: (state: St) => Refusal<C> | undefined;
  /** A guard on the event's data. */
  readonly check?: (state: St, event: Ev, atMs: number) => Refusal<C> | undefined;
  /**
   * Whether an event dated before the record's last change is applied anyway, at the last change,
   * instead of being refused `outOfOrder`: for a fact whose own timestamp precedes the record (the
   * appointment a lead was created for). Default: never.
   */
  readonly late?: (state: St, event: Ev, atMs: number) => boolean;
  /** Builds the next state and its effects; `at` is the event instant as ISO UTC. */
  readonly apply: (state: St, event: Ev, at: string, atMs: number) => Step<St, Ef>;
}

/** A time-based move: from one status to another once `dueAt(state)` has come. */
export interface TimerRule<S extends string, St, Ef> {
  readonly from: S;
  readonly to: S;
  /** A plain-English description for diagrams, e.g. "2 h after follow-up 6 is due". */
  readonly label: string;
  /**
   * Epoch ms at which the move is due, or `NaN` when it is not armed. `updatedAtMs` is the state's
   * `updatedAt` as epoch ms when the engine has it at hand (after a move it has just applied), so
   * the timer need not parse it again; `NaN` when it has not (then parse `updatedAt` if needed).
   */
  readonly dueAt: (state: St, updatedAtMs: number) => number;
  /** Builds the moved state, whose `updatedAt` is `at`: the due instant as ISO UTC. */
  readonly apply: (state: St, at: string) => Step<St, Ef>;
}

/** A complete, table-driven lifecycle definition. */
export interface LifecycleDefinition<
  S extends string,
  A extends string,
  St extends LifecycleState<S>,
  Ev extends LifecycleEvent<string, A>,
  Ef,
  C extends string = never,
> {
  readonly name: string;
  readonly initialStatus: S;
  readonly statuses: StatusTable<S, A>;
  readonly events: { readonly [T in Ev["type"]]: EventRule<S, A, St, Extract<Ev, { type: T }>, Ef, C> };
  readonly timers: readonly TimerRule<S, St, Ef>[];
  /** Events a closed status still accepts (host's choice; none by default). */
  readonly closedAccepts?: { readonly [K in S]?: readonly Ev["type"][] };
  /**
   * Formats a timer's due instant (epoch ms) as ISO UTC; default `isoText`. A lifecycle whose timers
   * fall on the same instants again and again (day starts) may memoise it.
   */
  readonly formatDue?: (ms: number) => string;
  /**
   * The check of a stored state (a row read without its parser): the path of the first field its
   * parser would refuse, or `undefined`. `status` and `appliedIds` are the engine's own checks and
   * need no rule here. A state it faults is never moved: `transition` refuses it `invalidState`
   * with `field` = the path, `advance` ignores its `now` with the same rejection, `allowedEvents`
   * is empty and `nextDueAt` is `null`.
   */
  readonly stateCheck?: Check;
}

/** The result of folding an event log: the final state, all effects, and what was refused. */
export interface Replay<St, Ef, C extends string> extends Step<St, Ef> {
  readonly rejected: readonly { readonly index: number; readonly rejection: Rejection<C> }[];
}

/**
 * What `refold` found: the state in-order delivery gives (and every effect that history requires,
 * what was refused), the effects the host has not carried out yet (`toCarryOut`), and those it
 * carried out that the in-order history does not require (`noLongerHold`: undo or cancel them).
 */
export interface Refold<St, Ef, C extends string> extends Replay<St, Ef, C> {
  readonly toCarryOut: readonly Ef[];
  readonly noLongerHold: readonly Ef[];
  /**
   * Why `now` was not advanced to, as `advance` says it (`invalidInstant`, or `outOfOrder` for a
   * `now` before the refolded record's last change); `null` when it was, or no `now` was given.
   */
  readonly ignored: Rejection<"invalidInstant" | "outOfOrder"> | null;
}

/** What `refold` is given besides the snapshot and the log. */
export interface RefoldOptions<Ef> {
  /** The effects the host has carried out since the snapshot (default none). */
  readonly carriedOut?: readonly Ef[];
  /** Advance the refolded record to this instant too (what a sweep has done since). */
  readonly now?: Instant;
}

/** The verbs every leadrules lifecycle exposes. */
export interface Lifecycle<
  S extends string,
  A extends string,
  St extends LifecycleState<S>,
  Ev extends LifecycleEvent<string, A>,
  Ef,
  C extends string = never,
> {
  /** The definition the lifecycle was built from (tables, timers); used for diagrams. */
  readonly definition: LifecycleDefinition<S, A, St, Ev, Ef, C>;
  /** The metadata table: label, who may set it, whether it closes. */
  readonly statuses: StatusTable<S, A>;
  /**
   * Applies every time-based move due at `event.at`, then the event. A refusal leaves the state
   * as it was (the caller's object is never changed).
   */
  transition(state: St, event: Ev): Result<Step<St, Ef>, Rejection<C>>;
  /**
   * Applies every time-based move due at `now`, in order. An invalid `now`, one before the
   * record's last change while a move is due, or a stored state its parser would refuse moves
   * nothing and says why in `ignored`.
   */
  advance(state: St, now: Instant): AdvanceStep<St, Ef>;
  /** The event types this actor may send now (after the moves due at `now`, when given). */
  allowedEvents(state: St, actor: A, now?: Instant): readonly Ev["type"][];
  /** Folds an event log with `transition`; refused events leave the state unchanged and are listed. */
  replay(start: St, events: readonly Ev[]): Replay<St, Ef, C>;
  /**
   * Converges a record whose deliveries came late, out of order or more than once: folds the
   * stored event log onto the record's last snapshot in `at` order (ties by `id`, then log order;
   * later copies of an id dropped), advances to `now` when given, and compares the effects that
   * history requires with those the host has carried out (a multiset difference).
   */
  refold(snapshot: St, log: readonly Ev[], options?: RefoldOptions<Ef>): Refold<St, Ef, C>;
  /**
   * The instant (ISO UTC) at which `advance` would next move the record, or `null` when no time
   * move is armed: store it in an indexed column and advance only the records that are due
   * (`WHERE next_due_at <= now()`) instead of every record. Advancing to just before it moves
   * nothing; advancing to it moves.
   */
  nextDueAt(state: St): string | null;
}

/** The properties every lifecycle has, for the presets built on first use (`lazyPreset`). */
export const LIFECYCLE_KEYS = [
  "definition",
  "statuses",
  "transition",
  "advance",
  "allowedEvents",
  "replay",
  "refold",
  "nextDueAt",
] as const;

// Events reach `transition` from hosts' code; a non-string type or actor must not crash a message,
// and a 10 MB one is not copied into it.
const show = (v: unknown): string =>
  typeof v === "string" ? (v.length > 64 ? `${v.slice(0, 64)}…` : v) : `(${v === null ? "null" : typeof v})`;
const MAX_TIMER_MOVES = 64;
const NO_EFFECTS: readonly never[] = Object.freeze([]);

// Why `advance` did not use its `now` (module level: it is built only on that rare path).
function ignoredNow(code: "invalidInstant" | "outOfOrder", state: unknown): Rejection {
  const message = code === "outOfOrder" ? "now is before the record's last change" : "now must be a valid instant";
  return {
    code,
    message,
    event: "",
    status: show((state as { status?: unknown } | null)?.status),
    actor: "",
    field: "now",
  };
}

// Whether `at` (ISO, from toIso) is before `updatedAt`. Canonical 24-character ISO UTC strings
// (years 0000–9999) compare as text, which spares a Date.parse per event; anything else is parsed.
function appliedIdsOk(ids: unknown): boolean {
  if (!Array.isArray(ids) || ids.length > APPLIED_IDS_CAP) return false;
  // Index by index: every() would skip the holes of a sparse array.
  for (let i = 0; i < ids.length; i++) if (!isEventId(ids[i])) return false;
  return true;
}
function isBefore(at: string, atMs: number, updatedAt: string): boolean {
  return at.length === 24 && updatedAt?.length === 24 ? at < updatedAt : atMs < Date.parse(updatedAt);
}
const has = (o: object, k: unknown): boolean => typeof k === "string" && Object.hasOwn(o, k);

/**
 * The label of a status from a metadata table, or the status itself when the table has no such
 * status (a stored state from elsewhere); never throws, whatever the status is.
 *
 * @param statuses - a metadata table
 * @param status - the candidate status
 * @returns the label
 * @example
 * statusLabel({ open: { label: "Open", setBy: [], closes: false } }, "open"); // => "Open"
 */
export function statusLabel(statuses: StatusTable<string, string>, status: unknown): string {
  return has(statuses, status) ? (statuses[status as string] as StatusMeta<string>).label : show(status);
}

/**
 * The part of a lifecycle a transition needs, built from its definition: the compiled tables, the
 * brand of its own states, and `transition` itself (guarded). The standalone verbs (e.g.
 * `consultationTransition`) are built from it alone, so a bundle that only transitions carries no
 * `advance`, `replay`, `refold` or diagram code; `createLifecycle` builds the other verbs on it.
 * A lifecycle and the standalone verbs built on one engine share its brand. @internal
 */
export interface LifecycleEngine<
  S extends string,
  A extends string,
  St extends LifecycleState<S>,
  Ev extends LifecycleEvent<string, A>,
  Ef,
  C extends string = never,
> {
  readonly definition: LifecycleDefinition<S, A, St, Ev, Ef, C>;
  /** `transition`, behind the last-resort guard. */
  readonly transition: (state: St, event: Ev) => Result<Step<St, Ef>, Rejection<C>>;
  /** Brands and freezes a state the lifecycle built (from one of its own, or new); returns it. */
  readonly own: <T extends St>(next: T) => T;
  /** Whether a value carries the lifecycle's brand (reads nothing of it). */
  readonly isOwn: (value: unknown) => boolean;
  /** Why a stored state is not one the verbs move, or `undefined`. */
  readonly storedRefusal: (state: St) => Rejection | undefined;
  /** Applies every time-based move due at `nowMs`, collecting effects. */
  readonly advanceTo: (state: St, nowMs: number, effects: Ef[]) => St;
  /** Each event type's rule, with its `from` statuses and senders as sets. */
  readonly compiled: Readonly<
    Record<
      string,
      { readonly rule: EventRule<S, A, St, Ev, Ef, C>; readonly from: Set<string>; readonly by: Set<string> }
    >
  >;
  /** Whether a closed status accepts an event type (the host's `closedAccepts`). */
  readonly accepts: (status: string, type: string) => boolean;
  /** The timers, by the status they leave from. */
  readonly timersByStatus: Readonly<Record<string, readonly TimerRule<S, St, Ef>[]>>;
  /** The last-resort guard's rejection. */
  readonly unreadable: Rejection;
}

/**
 * Builds the transition part of a lifecycle from its definition (see {@link LifecycleEngine}).
 *
 * @param def - the lifecycle's tables
 * @returns the engine
 * @example
 * lifecycleEngine(trafficLightDefinition).transition(red, { type: "go", at: 0, actor: "driver" }).ok; // => true
 */
export function lifecycleEngine<
  S extends string,
  A extends string,
  St extends LifecycleState<S>,
  Ev extends LifecycleEvent<string, A>,
  Ef,
  C extends string = never,
>(def: LifecycleDefinition<S, A, St, Ev, Ef, C>): LifecycleEngine<S, A, St, Ev, Ef, C> {
  type Rule = EventRule<S, A, St, Ev, Ef, C>;
  type Answer = Result<never, Rejection<C>> | null;
  const statusNames = Object.keys(def.statuses) as S[];
  const rules = def.events as unknown as Record<string, Rule>;
  const compiled: Record<
    string,
    { rule: Rule; from: Set<string>; by: Set<string>; decided: Record<string, Record<string, Answer>> }
  > = Object.create(null);
  for (const type of Object.keys(rules)) {
    const rule = rules[type] as Rule;
    const from = rule.from === "open" ? statusNames.filter((s) => !def.statuses[s].closes) : rule.from;
    const by = rule.by ?? (typeof rule.to === "string" && rule.to !== "same" ? def.statuses[rule.to].setBy : []);
    compiled[type] = { rule, from: new Set(from), by: new Set(by), decided: Object.create(null) };
  }
  // The states this lifecycle built itself (see `own`) carry its brand: a private field, invisible
  // to JSON, spread, Object.keys and Proxies, that no other code can add (each lifecycle has its
  // own). They are sound by construction and deeply frozen, so the verbs do not check them again.
  // A state from outside is checked once, by the verb it is given to; what that verb returns is
  // the lifecycle's own. A WeakSet did the same at ~1.6 µs per state added; a brand costs ~20 ns.
  const Own = class extends Stamp {
    #own = true;
    // Only an object can carry it (`#own in` a primitive throws).
    static has(value: unknown): boolean {
      return typeof value === "object" && value !== null && #own in value;
    }
  };
  // Only a lifecycle whose stored states are checked has checks to spare.
  const trusts = def.stateCheck !== undefined;
  const timersByStatus: Record<string, TimerRule<S, St, Ef>[]> = Object.create(null);
  for (const timer of def.timers) {
    const list = timersByStatus[timer.from] ?? [];
    list.push(timer);
    timersByStatus[timer.from] = list;
  }
  const closedAccepts = (def.closedAccepts ?? {}) as Record<string, readonly string[] | undefined>;
  const actorNames = new Set<unknown>(Object.values(compiled).flatMap((e) => [...e.by]));

  const accepts = (status: string, type: string): boolean => closedAccepts[status]?.includes(type) ?? false;
  const formatDue = def.formatDue ?? isoText;

  // The moves a lifecycle applies build their states as they see fit; the ids a record has
  // applied are the engine's, and travel with it whatever the move.
  function keepIds(from: St, to: St): St {
    const ids = from?.appliedIds;
    return ids === undefined || to === from || to.appliedIds === ids ? to : { ...to, appliedIds: ids };
  }

  function advanceTo(state: St, nowMs: number, effects: Ef[]): St {
    return keepIds(state, movesTo(state, nowMs, effects));
  }

  function movesTo(state: St, nowMs: number, effects: Ef[]): St {
    let current = state;
    // After a move the state's last change is the move's own instant: handed to the next timer.
    let updatedMs = Number.NaN;
    for (let moves = 0; moves < MAX_TIMER_MOVES; moves++) {
      const timers = typeof current?.status === "string" ? timersByStatus[current.status] : undefined;
      if (timers === undefined) return current;
      let next: Step<St, Ef> | undefined;
      let due = Number.NaN;
      for (const timer of timers) {
        due = timer.dueAt(current, updatedMs);
        if (due <= nowMs) {
          next = timer.apply(current, formatDue(due));
          break;
        }
      }
      if (next === undefined) return current;
      for (const effect of next.effects) effects.push(effect);
      current = next.state;
      updatedMs = due;
    }
    return current;
  }

  function reject(
    code: Rejection<C>["code"],
    message: string,
    event: Ev,
    status: string,
    field?: string,
  ): Result<never, Rejection<C>> {
    const rejection: { -readonly [K in keyof Rejection<C>]: Rejection<C>[K] } = {
      code,
      message,
      event: show(event?.type),
      status: show(status),
      actor: show(event?.actor),
    };
    if (field !== undefined) rejection.field = field;
    return err(rejection);
  }

  // Whether `status` (already known to be in the table) turns `type` from `actor` away: a closed
  // status (unless the host lets it accept the event), a status the event does not leave from, an
  // actor who may not send it. The answer depends on those three names alone, so for the
  // lifecycle's own actors it is worked out once and the same frozen value returned after that:
  // batch jobs replay millions of events to closed records.
  function statusRefusal(
    status: S,
    meta: StatusMeta<A>,
    entry: (typeof compiled)[string],
    event: Ev,
    type: string,
  ): Result<never, Rejection<C>> | undefined {
    const actor = event.actor;
    if (!actorNames.has(actor)) return decide(status, meta, entry, event, type);
    entry.decided[status] ??= Object.create(null);
    const byActor = entry.decided[status] as Record<string, Answer>;
    let answer = byActor[actor];
    if (answer === undefined) {
      const refused = decide(status, meta, entry, event, type);
      if (refused !== undefined) Object.freeze((refused as { error: object }).error);
      answer = refused === undefined ? null : (Object.freeze(refused) as Answer);
      byActor[actor] = answer;
    }
    return answer ?? undefined;
  }
  function decide(
    status: S,
    meta: StatusMeta<A>,
    entry: (typeof compiled)[string],
    event: Ev,
    type: string,
  ): Result<never, Rejection<C>> | undefined {
    if (meta.closes) {
      if (!accepts(status, type)) {
        return reject("closed", `"${meta.label}" closes the record: it accepts no ${type} event`, event, status);
      }
    } else if (!entry.from.has(status)) {
      return reject("notAllowedFrom", `${type} is not allowed from "${meta.label}"`, event, status);
    }
    if (!entry.by.has(event.actor)) {
      return reject(
        "actorNotPermitted",
        `${show(event.actor)} may not send ${type}: only ${[...entry.by].join(" or ")} may`,
        event,
        status,
        "actor",
      );
    }
    return undefined;
  }

  // Refusals are decided before any instant is formatted: most events a batch job replays are
  // refused (a closed record, a status the event does not leave from), and formatting an ISO
  // string costs more than every check together. A status with no timers cannot move before the
  // event, so its checks run first; a status with timers is advanced to the event's instant first.
  // Hosts call this from plain JavaScript: an event or a state that is not an object is refused
  // like any other (read with `?.`), never trusted.
  function transition(state: St, event: Ev): Result<Step<St, Ef>, Rejection<C>> {
    const type = event?.type;
    // The brand check reads nothing of its argument (a Proxy's traps do not run).
    const sound = Own.has(state);
    const entry = typeof type === "string" ? compiled[type] : undefined;
    if (entry === undefined) {
      return reject(
        "unknownEvent",
        `"${show(type)}" is not an event of the ${def.name} lifecycle`,
        event,
        state?.status,
        "type",
      );
    }
    // An id the record has applied is a retried delivery: nothing happens, and the step says so.
    const id = event.id;
    if (id !== undefined) {
      if (!isEventId(id)) {
        return reject(
          "invalidId",
          `id must be a non-empty string of at most ${MAX_EVENT_ID_LENGTH} characters`,
          event,
          state?.status,
          "id",
        );
      }
      if (isApplied(state, id)) {
        const stored = storedRefusal(state);
        return stored === undefined
          ? ok({ state, effects: NO_EFFECTS, duplicate: true })
          : reject(stored.code, stored.message, event, stored.status, stored.field);
      }
    }
    // A stored state that skipped its parser with ids its parser refuses is refused, not moved (the
    // ids would be written back).
    const storedIds: unknown = sound ? undefined : state?.appliedIds;
    if (storedIds !== undefined && !appliedIdsOk(storedIds)) {
      return reject(
        "invalidId",
        `appliedIds must be a list of at most ${APPLIED_IDS_CAP} event ids (a stored state read without its parser?), got ${describeValue(storedIds)}`,
        event,
        state?.status,
        "appliedIds",
      );
    }
    // A state of the lifecycle's own has one of its statuses by construction.
    const known = sound || has(def.statuses, state?.status);
    const timed = known && timersByStatus[state.status] !== undefined;
    if (known && !timed) {
      const refused = statusRefusal(state.status, def.statuses[state.status], entry, event, type);
      if (refused !== undefined) return refused;
    }
    const atMs = toEpochMs(event.at);
    if (Number.isNaN(atMs)) {
      return reject(
        "invalidInstant",
        `at must be a valid instant (Date, ISO-8601 with offset, or epoch ms)`,
        event,
        state?.status,
        "at",
      );
    }
    // A known status: the rest of the stored state is checked before anything moves it (a refused
    // event, decided above, never needs it).
    const fault = known && !sound ? def.stateCheck?.(state) : undefined;
    if (fault !== undefined) return reject("invalidState", stateMessage(fault, state), event, state.status, fault);
    // Only the moves due before the event add effects: no list is allocated for a status without timers.
    const effects: Ef[] = timed ? [] : (NO_EFFECTS as unknown as Ef[]);
    // A checked state from outside is copied once, so what the moves build from it shares nothing
    // with the caller's objects (the new state is frozen, and the caller's object stays as it was).
    // The copy is what moves and is trusted from then on, so it is what is checked: JSON.stringify
    // calls a `toJSON`, and a getter may answer differently on a second read.
    const base = sound || !trusts ? state : plainCopy(state);
    if (known && base !== state) {
      const ids: unknown = base.appliedIds;
      const again = ids !== undefined && !appliedIdsOk(ids) ? "appliedIds" : def.stateCheck?.(base);
      if (again !== undefined) return reject("invalidState", stateMessage(again, base), event, base.status, again);
    }
    const current = timed ? advanceTo(base, atMs, effects) : base;
    const status = current?.status;
    if (!sound && !has(def.statuses, status)) {
      return reject(
        "unknownStatus",
        `"${show(status)}" is not a status of the ${def.name} lifecycle`,
        event,
        status,
        "status",
      );
    }
    if (timed) {
      const refused = statusRefusal(status, def.statuses[status], entry, event, type);
      if (refused !== undefined) return refused;
    }
    const rule = entry.rule;
    const refusal = rule.when?.(current) ?? rule.check?.(current, event, atMs);
    if (refusal !== undefined) return reject(refusal.code, refusal.message, event, status, refusal.field);
    // The one formatting of the event's instant; the order check compares it with the stored text.
    // In arithmetic (isoText): toISOString was ~30 % of a workload's time.
    let at = isoText(atMs);
    let appliedMs = atMs;
    if (isBefore(at, atMs, base.updatedAt)) {
      if (rule.late?.(current, event, atMs) !== true) {
        return reject(
          "outOfOrder",
          `the event happened at ${at}, before the last change at ${base.updatedAt}`,
          event,
          base.status,
          "at",
        );
      }
      at = base.updatedAt;
      appliedMs = Date.parse(at);
    }
    const applied = rule.apply(current, event, at, appliedMs);
    const ids = current.appliedIds;
    const step =
      id !== undefined
        ? {
            state: { ...applied.state, appliedIds: remember(ids, id, Date.parse(current.updatedAt) === appliedMs) },
            effects: applied.effects,
          }
        : ids !== undefined && applied.state.appliedIds !== ids
          ? { state: { ...applied.state, appliedIds: ids }, effects: applied.effects }
          : applied;
    own(step.state);
    if (effects.length === 0) return ok(step);
    for (const effect of step.effects) effects.push(effect);
    return ok({ state: step.state, effects });
  }

  // A state this lifecycle built from a sound one of its own (never the caller's object): frozen
  // all the way down (a field set in place throws in strict mode, as on the tables) and trusted
  // from then on. Its parts from the state it was built from are frozen already.
  function own<T extends St>(next: T): T {
    if (trusts && !Own.has(next)) freezeNew(new Own(next as object));
    return next;
  }

  function storedRefusal(state: St): Rejection | undefined {
    if (Own.has(state)) return undefined;
    const status: unknown = state?.status;
    if (!has(def.statuses, status)) {
      return {
        code: "invalidState",
        message: `status ${describeValue(status)} is not a status of the ${def.name} lifecycle (a stored state read without its parser?)`,
        event: "",
        status: show(status),
        actor: "",
        field: "status",
      };
    }
    const ids: unknown = state.appliedIds;
    const fault = ids !== undefined && !appliedIdsOk(ids) ? "appliedIds" : def.stateCheck?.(state);
    if (fault === undefined) return undefined;
    return {
      code: "invalidState",
      message: stateMessage(fault, state),
      event: "",
      status: show(status),
      actor: "",
      field: fault,
    };
  }
  function stateMessage(fault: string, state: St): string {
    let value: unknown = state;
    for (const key of fault === "" ? [] : fault.split(".")) value = (value as Record<string, unknown> | null)?.[key];
    return `${fault === "" ? "the state" : fault}: ${describeValue(value)} is not what a ${def.name} state holds there (a stored state read without its parser?)`;
  }

  // The last-resort guard (see core/guard.ts): a state or an event that throws when read (a Proxy,
  // a getter) is answered with an "unreadable" value; the fallbacks read nothing of it.
  const unreadable: Rejection = Object.freeze({
    code: "unreadable",
    message: UNREADABLE_MESSAGE,
    event: "",
    status: "",
    actor: "",
  });
  const refused = err(unreadable);
  const guardedTransition = guard(transition, () => refused);
  return {
    definition: def,
    transition: guardedTransition,
    own,
    isOwn: Own.has,
    storedRefusal,
    advanceTo,
    compiled,
    accepts,
    timersByStatus,
    unreadable,
  };
}

/**
 * Builds the verbs of a lifecycle from its definition. Pure: the returned object holds no
 * mutable state.
 *
 * @param def - the lifecycle's tables
 * @param engine - its transition part, when it is shared with standalone verbs (default: built here)
 * @returns the lifecycle
 * @example
 * const light = createLifecycle(trafficLightDefinition);
 * light.transition(light.initial, { type: "go", at: 0, actor: "driver" }).ok; // => true
 */
export function createLifecycle<
  S extends string,
  A extends string,
  St extends LifecycleState<S>,
  Ev extends LifecycleEvent<string, A>,
  Ef,
  C extends string = never,
>(
  def: LifecycleDefinition<S, A, St, Ev, Ef, C>,
  engine: LifecycleEngine<S, A, St, Ev, Ef, C> = lifecycleEngine(def),
): Lifecycle<S, A, St, Ev, Ef, C> {
  const { own, storedRefusal, advanceTo, compiled, accepts, timersByStatus, unreadable } = engine;
  const guardedTransition = engine.transition;
  const isOwn = engine.isOwn;
  function advance(state: St, now: Instant): AdvanceStep<St, Ef> {
    const nowMs = toEpochMs(now);
    if (Number.isNaN(nowMs)) {
      return { state, effects: [], ignored: ignoredNow("invalidInstant", state) };
    }
    // The brand is read once: a state of the lifecycle's own needs no check.
    const sound = isOwn(state);
    const stored = sound ? undefined : storedRefusal(state);
    if (stored !== undefined) return { state, effects: [], ignored: stored };
    const effects: Ef[] = [];
    const moved = advanceTo(state, nowMs, effects);
    // Only a move that is due needs the order check (a `now` before the last change moves nothing),
    // so the stored instant is read only then.
    // Nothing was due (most ticks): the shared empty list.
    if (moved === state) return { state, effects: NO_EFFECTS, ignored: null };
    if (nowMs >= Date.parse(state.updatedAt)) {
      // A move of the lifecycle's own state is its own too (a state from outside may share parts
      // with what the move built: it is checked again when it comes back).
      if (sound) own(moved);
      return { state: moved, effects, ignored: null };
    }
    return { state, effects: [], ignored: ignoredNow("outOfOrder", state) };
  }

  function allowedEvents(state: St, actor: A, now?: Instant): readonly Ev["type"][] {
    // The stored state is checked once: by advance when there is a `now` (a spoiled state is in its
    // `ignored`), here otherwise. A `now` that is not usable leaves the state where it is.
    let current = state;
    if (now === undefined) {
      if (storedRefusal(state) !== undefined) return [];
    } else {
      const moved = advance(state, now);
      const code = moved.ignored?.code;
      if (code !== undefined && code !== "invalidInstant" && code !== "outOfOrder") return [];
      current = moved.state;
    }
    const status = current?.status;
    if (!has(def.statuses, status)) return [];
    const closes = def.statuses[status].closes;
    const allowed: Ev["type"][] = [];
    for (const type of Object.keys(compiled)) {
      const entry = compiled[type] as (typeof compiled)[string];
      const fromOk = closes ? accepts(status, type) : entry.from.has(status);
      if (fromOk && entry.by.has(actor) && entry.rule.when?.(current) === undefined) {
        allowed.push(type as Ev["type"]);
      }
    }
    return allowed;
  }

  function replay(start: St, events: readonly Ev[]): Replay<St, Ef, C> {
    if (!Array.isArray(events)) {
      const rejection = {
        code: "invalidLog",
        message: "events must be an array of events",
        event: "",
        status: show(start?.status),
        actor: "",
      } as const;
      return { state: start, effects: [], rejected: [{ index: 0, rejection }] };
    }
    // Every index, holes included: a hole is refused like any value that is not an event, never
    // skipped without a word (forEach would skip it).
    return fold(
      start,
      Array.from(events, (event: Ev, index) => ({ event, index, id: "" })),
    );
  }

  // Transitions a state through events in the order given, collecting effects and refusals; an id
  // met again (after the first, in this fold) is skipped: the same delivery twice in one log.
  function fold(
    start: St,
    entries: readonly { readonly event: Ev; readonly index: number; readonly id: string }[],
  ): Replay<St, Ef, C> {
    let state = start;
    const effects: Ef[] = [];
    const rejected: { index: number; rejection: Rejection<C> }[] = [];
    const seen = new Set<string>();
    for (const { event, index, id } of entries) {
      if (id !== "") {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      const result = guardedTransition(state, event);
      if (result.ok) {
        state = result.value.state;
        for (const effect of result.value.effects) effects.push(effect);
      } else {
        rejected.push({ index, rejection: result.error });
      }
    }
    return { state, effects, rejected };
  }

  function refold(snapshot: St, log: readonly Ev[], options?: RefoldOptions<Ef>): Refold<St, Ef, C> {
    const carriedOut: unknown = options?.carriedOut;
    const done = Array.isArray(carriedOut) ? (carriedOut as Ef[]) : [];
    if (!Array.isArray(log)) {
      const refused = replay(snapshot, log);
      return { ...refused, ...effectDiff(refused.effects, done), ignored: null };
    }
    // In-order delivery: by instant (an invalid one last: it is refused wherever it stands), then
    // by id (so events at one instant fold the same whatever order they arrived in), then as logged.
    const order = Array.from(log, (event: Ev, index) => {
      const ms = toEpochMs(event?.at);
      const id: unknown = event?.id;
      return { event, index, ms: Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms, id: isEventId(id) ? id : "" };
    });
    order.sort((a, b) =>
      a.ms !== b.ms ? (a.ms < b.ms ? -1 : 1) : a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.index - b.index,
    );
    const folded = fold(snapshot, order);
    let state = folded.state;
    const effects = [...folded.effects];
    const { rejected } = folded;
    let ignored: Rejection<"invalidInstant" | "outOfOrder"> | null = null;
    if (options?.now !== undefined) {
      const moved = advance(state, options.now);
      state = moved.state;
      ignored = moved.ignored;
      for (const effect of moved.effects) effects.push(effect);
    }
    return { state, effects, rejected, ...effectDiff(effects, done), ignored };
  }

  function nextDueAt(state: St): string | null {
    if (storedRefusal(state) !== undefined) return null;
    const timers = typeof state?.status === "string" ? timersByStatus[state.status] : undefined;
    if (timers === undefined) return null;
    let due = Number.NaN;
    for (const timer of timers) {
      const at = timer.dueAt(state, Number.NaN);
      if (!(at >= due)) due = Number.isNaN(at) ? due : at;
    }
    // advance never moves a record before its last change; a due instant past the instant domain
    // (only a hand-made record has one) is never reached.
    const since = Date.parse(state.updatedAt);
    const next = since > due ? since : due;
    return next >= MIN_INSTANT_MS && next <= MAX_INSTANT_MS ? toIso(next) : null;
  }

  // Why a stored state is not one the verbs move: an unknown status, ids or a field its parser
  // refuses (the state's own check). Read with `?.`: the state may be anything.
  return {
    definition: def,
    statuses: def.statuses,
    transition: guardedTransition,
    advance: guard(advance, (state) => ({ state, effects: [], ignored: unreadable })),
    allowedEvents: guard(allowedEvents, () => []),
    replay: guard(replay, (start) => ({ state: start, effects: [], rejected: [{ index: 0, rejection: unreadable }] })),
    refold: guard(refold, (snapshot) => ({
      state: snapshot,
      effects: [],
      rejected: [{ index: 0, rejection: unreadable }],
      toCarryOut: [],
      noLongerHold: [],
      ignored: unreadable,
    })),
    nextDueAt: guard(nextDueAt, () => null),
  };
}

// The base of each lifecycle's brand: its constructor returns the object it is given, so the
// subclass's private field is added to that object (a plain object stays a plain object).
class Stamp {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the brand is added to the given object
    return target;
  }
}

// Freezes a state the lifecycle built: the object itself, and those of its parts that are new (a
// part it shares with the state it was built from is frozen already and is not walked again).
function freezeNew(state: object): void {
  Object.freeze(state);
  for (const key in state) {
    const part: unknown = (state as Record<string, unknown>)[key];
    if (typeof part === "object" && part !== null && !Object.isFrozen(part)) deepFreeze(part);
  }
}

// A copy of a checked state: its check allows JSON data only (instants as text, finite numbers).
// The copy is checked again before it moves (a `toJSON` or a getter may answer something else).
const plainCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value));
