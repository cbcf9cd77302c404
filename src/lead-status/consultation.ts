import { isoText } from "../core/civil.js";
import { deepFreeze, lazyPreset } from "../core/freeze.js";
import { defining, guarded, guardMethods, unreadableInput } from "../core/guard.js";
import {
  createLifecycle,
  LIFECYCLE_KEYS,
  type Lifecycle,
  type LifecycleDefinition,
  type LifecycleEngine,
  lifecycleEngine,
  type Refusal,
  type Rejection,
  type StatusTable,
  type Step,
  statusLabel,
} from "../core/lifecycle.js";
import { isText } from "../core/limits.js";
import { isBoolean, isRecord, numberIn, type OptionRule, requireOptions, wholeIn } from "../core/options.js";
import { err, type InvalidInput, ok, type Result } from "../core/result.js";
import { HOUR_MS, type Instant, MAX_INSTANT_MS, toEpochMs } from "../core/time.js";
import {
  both,
  type Check,
  engineField,
  exactly,
  is,
  nullable,
  storedInstant,
  storedText,
  strict,
} from "../core/vocabulary.js";

// What parseConsultationState reads, as the verbs check a stored state (see core/vocabulary.ts).
const stateCheck = (): Check =>
  both(
    strict({
      lifecycle: exactly("consultation"),
      schemaVersion: exactly(1),
      status: engineField,
      updatedAt: storedInstant,
      followUp: nullable(
        strict({
          number: is((v) => Number.isSafeInteger(v) && (v as number) >= 1),
          loggedAt: storedInstant,
          dueAt: storedInstant,
          notes: storedText,
        }),
      ),
      transferableToCareCentre: nullable(is(isBoolean)),
      appliedIds: engineField,
    }),
    (value) => {
      const s = value as ConsultationState;
      if (s.followUp === null ? s.status === "followUp" : !ROUND.includes(s.status)) return "followUp";
      return (s.status === "outOfArea") !== (s.transferableToCareCentre !== null)
        ? "transferableToCareCentre"
        : undefined;
    },
  );

/** Who acts on a consultation lead: the system (calendar, enrolment), a franchisee, the Care Center. */
export const CONSULTATION_ACTORS = /* @__PURE__ */ deepFreeze(["system", "franchisee", "careCentre"] as const);
/** Who acts on a consultation lead. */
export type ConsultationActor = (typeof CONSULTATION_ACTORS)[number];

const USERS = ["franchisee", "careCentre"] as const;

/**
 * The consultation lifecycle's status table, verbatim from the playbook "Lead statuses & when to
 * use": label, who may set the status, whether it closes the lead. Types, schemas, permissions and
 * diagrams are all derived from it.
 */
export const CONSULTATION_STATUSES = /* @__PURE__ */ deepFreeze({
  new: { label: "New Lead - No Action Yet", setBy: ["system"], closes: false },
  consultationBooked: { label: "Consultation Booked", setBy: ["system"], closes: false },
  consultationRescheduled: { label: "Consultation Rescheduled and Booked", setBy: ["system"], closes: false },
  consultationCancelled: { label: "Consultation Cancelled", setBy: ["system"], closes: false },
  followUp: { label: "Follow up", setBy: USERS, closes: false },
  moveScheduleFollowUp: { label: "Move/Schedule Follow Up for", setBy: ["careCentre"], closes: false },
  consultationCancelledDnc: { label: "Consultation Cancelled and DNC", setBy: ["careCentre"], closes: true },
  unserviceable: { label: "Unservicable Lead", setBy: USERS, closes: true },
  outOfArea: { label: "Out of Area", setBy: USERS, closes: true },
  dnc: { label: "DNC", setBy: USERS, closes: true },
  cold: { label: "Cold lead", setBy: ["system", "franchisee", "careCentre"], closes: false },
  lost: { label: "Not Sold - Lost", setBy: USERS, closes: true },
  sold: { label: "Sold", setBy: ["system"], closes: true },
} as const satisfies StatusTable<string, ConsultationActor>);

/** A status of the consultation lifecycle. */
export type ConsultationStatus = keyof typeof CONSULTATION_STATUSES;
/** A status that closes a consultation lead. */
export type ClosedConsultationStatus = {
  [K in ConsultationStatus]: (typeof CONSULTATION_STATUSES)[K]["closes"] extends true ? K : never;
}[ConsultationStatus];

/** The follow-up a lead in `followUp` is waiting on. */
export interface FollowUp {
  /** 1 to the follow-up limit (6 by default). */
  readonly number: number;
  /** When it was logged (ISO UTC). */
  readonly loggedAt: string;
  /** When it is due (ISO UTC): 48 hours after logging unless the user gave a time. */
  readonly dueAt: string;
  /** The notes that appear on the dashboard on the due day. */
  readonly notes: string;
}

/** A consultation lead's state: plain, readonly, JSON-serialisable. */
export interface ConsultationState {
  readonly lifecycle: "consultation";
  readonly schemaVersion: 1;
  readonly status: ConsultationStatus;
  /** The instant of the last change (ISO UTC). */
  readonly updatedAt: string;
  /**
   * The current round's follow-up: present when `status` is `followUp`, and in
   * `moveScheduleFollowUp` when the schedule move was made during a round (the count goes on from
   * it); `null` otherwise.
   */
  readonly followUp: FollowUp | null;
  /** Present exactly when `status` is `outOfArea`: a hint, not behaviour (see the docs). */
  readonly transferableToCareCentre: boolean | null;
  /** The ids of the last events applied (see `APPLIED_IDS_LIMIT`); present once one had an id. */
  readonly appliedIds?: readonly string[];
}

/** The fields every event carries: its type, when it happened, who sent it. */
export interface ConsultationEventBase<T extends string> {
  readonly type: T;
  /** When it happened: Date, ISO-8601 with offset, or epoch ms. */
  readonly at: Instant;
  readonly actor: ConsultationActor;
  /** An idempotency key (1–200 characters): a redelivery of an applied id is a no-op. */
  readonly id?: string;
}

/** Something that happened to a consultation lead. */
export type ConsultationEvent =
  | ConsultationEventBase<"consultationBooked">
  | ConsultationEventBase<"consultationRescheduled">
  | ConsultationEventBase<"consultationCancelled">
  | (ConsultationEventBase<"followUpLogged"> & { readonly notes?: string; readonly dueAt?: Instant })
  | ConsultationEventBase<"followUpScheduleMoved">
  | ConsultationEventBase<"cancelledAndDnc">
  | ConsultationEventBase<"markedUnserviceable">
  | (ConsultationEventBase<"markedOutOfArea"> & { readonly transferableToCareCentre?: boolean })
  | ConsultationEventBase<"markedDnc">
  | ConsultationEventBase<"markedCold">
  | ConsultationEventBase<"markedLost">
  | ConsultationEventBase<"enrolmentCompleted">;

/** The type of a consultation event. */
export type ConsultationEventType = ConsultationEvent["type"];

/** Work the host must do after a consultation transition. */
export type ConsultationEffect =
  | { readonly type: "followUpTask"; readonly number: number; readonly dueAt: string; readonly notes: string }
  | { readonly type: "doNotCall" };

/** Why a consultation event was refused beyond the engine's own reasons. */
export type ConsultationRefusalCode = "followUpLimitReached" | "invalidDueAt" | "invalidEvent" | "invalidInstant";

/** The tunable numbers and words of the consultation preset. */
export interface ConsultationOptions {
  /** How many follow-ups before a lead goes cold. Default 6. */
  readonly followUpLimit: number;
  /** Hours from logging a follow-up to its due time, when none is given. Default 48. */
  readonly followUpDueAfterHours: number;
  /** Hours after the last follow-up's due time before the lead goes cold. Default 2. */
  readonly coldAfterHours: number;
  /** Label overrides (the playbook's labels by default). */
  readonly labels: { readonly [K in ConsultationStatus]?: string };
  /** Default for `transferableToCareCentre` when an Out of Area event does not say. Default false. */
  readonly outOfAreaTransferable: boolean;
  /** Events a closed status still accepts. None by default. */
  readonly closedAccepts: { readonly [K in ClosedConsultationStatus]?: readonly ConsultationEventType[] };
}

/** The playbook's numbers: 6 follow-ups, 48 hours apart by default, cold 2 hours after the sixth. */
export const CONSULTATION_DEFAULTS: ConsultationOptions = /* @__PURE__ */ deepFreeze({
  followUpLimit: 6,
  followUpDueAfterHours: 48,
  coldAfterHours: 2,
  labels: {},
  outOfAreaTransferable: false,
  closedAccepts: {},
});

/** The consultation lifecycle's verbs, plus `initial`. */
export interface ConsultationLifecycle
  extends Lifecycle<
    ConsultationStatus,
    ConsultationActor,
    ConsultationState,
    ConsultationEvent,
    ConsultationEffect,
    ConsultationRefusalCode
  > {
  /** The options the lifecycle was built with. */
  readonly options: ConsultationOptions;
  /** A new lead, in `new`, created at `at`. An invalid instant is an error value naming `at`. */
  initial(at: Instant): Result<ConsultationState, InvalidInput>;
  /** The label to show for a state: "Follow up 3" for the third follow-up. */
  label(state: ConsultationState): string;
}

function make(
  status: ConsultationStatus,
  updatedAt: string,
  followUp: FollowUp | null = null,
  transferableToCareCentre: boolean | null = null,
): ConsultationState {
  return { lifecycle: "consultation", schemaVersion: 1, status, updatedAt, followUp, transferableToCareCentre };
}

const NONE: readonly never[] = [];
const DNC: readonly ConsultationEffect[] = [{ type: "doNotCall" }];
const BOOKABLE = ["new", "followUp", "consultationCancelled", "moveScheduleFollowUp", "cold"] as const;
const BOOKED = ["consultationBooked", "consultationRescheduled"] as const;
const FOLLOWABLE = ["new", "consultationCancelled", "moveScheduleFollowUp", "followUp"] as const;
// The statuses that carry the current round's follow-up: follow-up n, and the Care Center's
// schedule move of it ("Move/Schedule Follow Up for"), which does not start a new round.
const ROUND: readonly string[] = ["followUp", "moveScheduleFollowUp"];

// What the consultation verbs rely on (the create… parser checks the rest: status names, events).
// A function, not a table: a bundle of the preset alone drops it with the builder.
const CONSULTATION_RULES = (): readonly OptionRule[] => [
  ["followUpLimit", wholeIn(1, 1000), "a whole number from 1 to 1000"],
  ["followUpDueAfterHours", numberIn(0, 24 * 366), "a number of hours from 0 to 8784"],
  ["coldAfterHours", numberIn(0, 24 * 366), "a number of hours from 0 to 8784"],
  ["labels", isRecord, "an object"],
  ["outOfAreaTransferable", isBoolean, "true or false"],
  ["closedAccepts", isRecord, "an object"],
];
/**
 * Builds the consultation lifecycle from options that are already known to be valid. Use
 * {@link consultation} for the playbook's defaults, or `createConsultationLifecycle` to validate
 * options from outside.
 *
 * @param options - complete, valid options
 * @throws TypeError naming the option when options is not a valid one (a programmer error:
 *   read options from outside with `createConsultationLifecycle`)
 * @returns the lifecycle
 * @example
 * buildConsultation({ ...CONSULTATION_DEFAULTS, followUpLimit: 4 }).options.followUpLimit; // => 4
 */
export function buildConsultation(options: ConsultationOptions): ConsultationLifecycle {
  return defining("buildConsultation", (): ConsultationLifecycle => {
    requireOptions("buildConsultation", "options", options, CONSULTATION_RULES());
    return makeConsultation(options);
  });
}

type ConsultationDefinition = LifecycleDefinition<
  ConsultationStatus,
  ConsultationActor,
  ConsultationState,
  ConsultationEvent,
  ConsultationEffect,
  ConsultationRefusalCode
>;
type ConsultationEngine = LifecycleEngine<
  ConsultationStatus,
  ConsultationActor,
  ConsultationState,
  ConsultationEvent,
  ConsultationEffect,
  ConsultationRefusalCode
>;

// The lifecycle from options known to be valid: the preset's defaults (so a bundle of the preset
// alone carries no option checks), or options buildConsultation has checked. The preset and the
// standalone verbs share one engine (so one brand: each trusts the states the other built).
function makeConsultation(options: ConsultationOptions, engine?: ConsultationEngine): ConsultationLifecycle {
  const shared = engine ?? lifecycleEngine(consultationDefinition(options));
  const definition = shared.definition;
  const lifecycle = createLifecycle(definition, shared);
  return guardMethods(
    {
      ...lifecycle,
      options,
      initial: (at: Instant) => initialState(at, shared),
      label(state: ConsultationState): string {
        const label = statusLabel(definition.statuses, state?.status);
        return state?.followUp == null || state.status !== "followUp" ? label : `${label} ${state.followUp.number}`;
      },
    },
    { initial: () => unreadableInput("consultation lead"), label: () => "" },
  );
}

// A new lead is the lifecycle's own state: its first verb trusts it (no check, no copy).
function initialState(at: Instant, engine: ConsultationEngine): Result<ConsultationState, InvalidInput> {
  const ms = toEpochMs(at);
  if (Number.isNaN(ms)) {
    // Written out rather than built with invalidInput(): this is on the import of a lifecycle alone.
    return err({
      code: "invalidInput",
      message: "Invalid consultation lead: at: expected a valid instant",
      issues: [{ path: "at", message: "expected a valid instant" }],
    });
  }
  return ok(engine.own(make("new", isoText(ms))));
}

// The definition (tables, rules, timers) from options known to be valid.
function consultationDefinition(options: ConsultationOptions): ConsultationDefinition {
  {
    const statuses = {} as Record<ConsultationStatus, (typeof CONSULTATION_STATUSES)[ConsultationStatus]>;
    for (const key of Object.keys(CONSULTATION_STATUSES) as ConsultationStatus[]) {
      const meta = CONSULTATION_STATUSES[key];
      statuses[key] = { ...meta, label: options.labels[key] ?? meta.label } as typeof meta;
    }
    const dueAfterMs = options.followUpDueAfterHours * HOUR_MS;
    const coldAfterMs = options.coldAfterHours * HOUR_MS;
    const limit = options.followUpLimit;
    const to =
      (status: ConsultationStatus, effects: readonly ConsultationEffect[] = NONE) =>
      (_: ConsultationState, __: unknown, at: string): Step<ConsultationState, ConsultationEffect> => ({
        state: make(status, at),
        effects,
      });

    const definition: ConsultationDefinition = {
      name: "consultation",
      initialStatus: "new",
      statuses,
      stateCheck: stateCheck(),
      closedAccepts: options.closedAccepts,
      events: {
        consultationBooked: { from: BOOKABLE, to: "consultationBooked", apply: to("consultationBooked") },
        consultationRescheduled: { from: BOOKED, to: "consultationRescheduled", apply: to("consultationRescheduled") },
        consultationCancelled: { from: BOOKED, to: "consultationCancelled", apply: to("consultationCancelled") },
        followUpLogged: {
          from: FOLLOWABLE,
          to: "followUp",
          when: (state): Refusal<ConsultationRefusalCode> | undefined =>
            state.followUp != null && state.followUp.number >= limit
              ? {
                  code: "followUpLimitReached",
                  message: `follow up ${state.followUp.number} is the last one (the limit is ${limit}); the lead goes cold instead`,
                }
              : undefined,
          check: (_, event, atMs): Refusal<ConsultationRefusalCode> | undefined => {
            if (event.notes !== undefined && !isText(event.notes)) {
              return {
                code: "invalidEvent",
                message: "notes must be a string (10,000 characters at most)",
                field: "notes",
              };
            }
            // The default due time is written into the state: it must stay within years 0000–9999 UTC.
            if (event.dueAt === undefined)
              return atMs + dueAfterMs > MAX_INSTANT_MS
                ? {
                    code: "invalidInstant",
                    message: `the follow-up's due time (${options.followUpDueAfterHours} h after at) would fall after 9999-12-31T23:59:59.999Z`,
                    field: "at",
                  }
                : undefined;
            const due = toEpochMs(event.dueAt);
            if (Number.isNaN(due))
              return { code: "invalidDueAt", message: "dueAt must be a valid instant", field: "dueAt" };
            return due < atMs
              ? { code: "invalidDueAt", message: "dueAt must not be before the follow-up was logged", field: "dueAt" }
              : undefined;
          },
          apply: (state, event, at, atMs) => {
            const number = state.followUp == null ? 1 : state.followUp.number + 1;
            const dueAt = isoText(event.dueAt === undefined ? atMs + dueAfterMs : toEpochMs(event.dueAt));
            const notes = event.notes ?? "";
            return {
              state: make("followUp", at, { number, loggedAt: at, dueAt, notes }),
              effects: [{ type: "followUpTask", number, dueAt, notes }],
            };
          },
        },
        // A schedule move keeps the round's follow-up (its number and due time): the next follow-up
        // continues the count, and the lead still goes cold after the last one.
        followUpScheduleMoved: {
          from: "open",
          to: "moveScheduleFollowUp",
          apply: (state, _, at) => ({ state: make("moveScheduleFollowUp", at, state.followUp ?? null), effects: NONE }),
        },
        cancelledAndDnc: { from: "open", to: "consultationCancelledDnc", apply: to("consultationCancelledDnc", DNC) },
        markedUnserviceable: { from: "open", to: "unserviceable", apply: to("unserviceable") },
        markedOutOfArea: {
          from: "open",
          to: "outOfArea",
          check: (_, event): Refusal<ConsultationRefusalCode> | undefined =>
            event.transferableToCareCentre === undefined || typeof event.transferableToCareCentre === "boolean"
              ? undefined
              : {
                  code: "invalidEvent",
                  message: "transferableToCareCentre must be true or false",
                  field: "transferableToCareCentre",
                },
          apply: (_, event, at) => ({
            state: make("outOfArea", at, null, event.transferableToCareCentre ?? options.outOfAreaTransferable),
            effects: NONE,
          }),
        },
        markedDnc: { from: "open", to: "dnc", apply: to("dnc", DNC) },
        // From every open status but Cold itself.
        markedCold: { from: [...BOOKED, ...FOLLOWABLE], to: "cold", apply: to("cold") },
        markedLost: { from: "open", to: "lost", apply: to("lost") },
        enrolmentCompleted: { from: "open", to: "sold", apply: to("sold") },
      },
      timers: ROUND.map((from) => ({
        from: from as ConsultationStatus,
        to: "cold" as const,
        label: `${options.coldAfterHours} h after follow up ${limit} is due`,
        dueAt: (state: ConsultationState) =>
          state.followUp != null && state.followUp.number >= limit
            ? Date.parse(state.followUp.dueAt) + coldAfterMs
            : Number.NaN,
        apply: (_: ConsultationState, at: string): Step<ConsultationState, ConsultationEffect> => ({
          state: make("cold", at),
          effects: NONE,
        }),
      })),
    };
    return definition;
  }
}

/**
 * The consultation lifecycle with the playbook's defaults: follow-ups 1–6 due 48 hours after they
 * are logged, and an automatic Cold lead 2 hours after follow-up 6 is due.
 *
 * @example
 * const lead = consultation.initial("2026-11-02T09:00:00Z");
 * if (lead.ok) consultation.transition(lead.value, { type: "followUpLogged", at: "2026-11-02T09:00:00Z", actor: "franchisee" });
 * // => { ok: true, value: { state: { status: "followUp", ... }, effects: [{ type: "followUpTask", number: 1, dueAt: "2026-11-04T09:00:00.000Z", notes: "" }] } }
 */
export const consultation: ConsultationLifecycle = /* @__PURE__ */ lazyPreset(
  () => makeConsultation(CONSULTATION_DEFAULTS, defaultEngine()),
  LIFECYCLE_KEYS,
  ["options", "initial", "label"],
);

// The engine of the playbook's defaults, built on first use and shared by the preset and the
// standalone verbs below.
let defaults: ConsultationEngine | undefined;
const defaultEngine = (): ConsultationEngine => {
  defaults ??= lifecycleEngine(consultationDefinition(CONSULTATION_DEFAULTS));
  return defaults;
};

/**
 * `consultation.transition` as a standalone function (the playbook's defaults): applies every
 * time-based move due at `event.at`, then the event. Same answers, same checks of a stored state,
 * and the two trust each other's states; but a bundle that imports only this function (and
 * {@link consultationInitial}) leaves out the preset's other verbs (`advance`, `replay`, `refold`,
 * `allowedEvents`, `nextDueAt`, labels, builders): about half the bytes.
 *
 * @param state - the lead's state (one this lifecycle returned, or a stored one: checked once)
 * @param event - what happened
 * @returns the next state and the effects, or why the event was refused (the state is unchanged)
 * @example
 * const lead = consultationInitial("2026-11-02T09:00:00Z");
 * if (lead.ok) consultationTransition(lead.value, { type: "markedCold", at: "2026-11-02T10:00:00Z", actor: "franchisee" });
 * // => { ok: true, value: { state: { status: "cold", ... }, effects: [] } }
 */
export function consultationTransition(
  state: ConsultationState,
  event: ConsultationEvent,
): Result<Step<ConsultationState, ConsultationEffect>, Rejection<ConsultationRefusalCode>> {
  return defaultEngine().transition(state, event);
}

/**
 * `consultation.initial` as a standalone function: a new lead, in `new`, created at `at`.
 *
 * @param at - when the lead was created (Date, ISO-8601 with offset, or epoch ms)
 * @returns the state, or an error value naming `at` when it is not a valid instant
 * @example
 * consultationInitial("2026-11-02T09:00:00Z");
 * // => { ok: true, value: { lifecycle: "consultation", schemaVersion: 1, status: "new", updatedAt: "2026-11-02T09:00:00.000Z", followUp: null, transferableToCareCentre: null } }
 */
export function consultationInitial(at: Instant): Result<ConsultationState, InvalidInput> {
  return guarded(
    () => initialState(at, defaultEngine()),
    () => unreadableInput("consultation lead"),
  );
}
