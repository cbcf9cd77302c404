import type { Arbitrary, AsyncCommand, Parameters } from "fast-check";
import { type CallFacts, classify, toLoggedCall } from "../call-result/classify.js";
import { type CallLoggedEvent, type CallRecordLifecycle, callRecord } from "../call-result/record.js";
import type { CallRecord } from "../call-result/record-state.js";
import type { BuiltInResult } from "../call-result/results.js";
import {
  type ClientHubEvent,
  type ClientHubLifecycle,
  type ClientHubRecord,
  clientHub,
  type NewClientHubRecord,
} from "../client-hub/pipeline.js";
import { describeValue } from "../core/describe.js";
import type { Rejection, Step } from "../core/lifecycle.js";
import type { Result } from "../core/result.js";
import {
  type BookingEvent,
  type BookingLifecycle,
  type BookingState,
  booking,
  type NewLead,
} from "../lead-status/booking.js";
import {
  type ConsultationEvent,
  type ConsultationLifecycle,
  type ConsultationState,
  consultation,
} from "../lead-status/consultation.js";
import {
  bookingTemplate,
  checkFrom,
  checkOptions,
  clientHubTemplate,
  consultationTemplate,
  DEFAULT_FROM,
  factsTemplate,
  loggedCallTemplate,
  shifted,
} from "./arbitraries.js";
import { fc } from "./fast-check.js";

/**
 * Your code under test: whatever stores a lead or record and applies events to it (a repository
 * over your database, a webhook handler, a queue consumer). Both methods may be async.
 */
export interface Adapter<S, E> {
  /** Applies one event. Resolves to `true` when it was accepted, `false` when it was refused. */
  apply(event: E): boolean | Promise<boolean>;
  /** The state it now holds (read back from your store). */
  read(): S | Promise<S>;
}

/** The reference the commands check your adapter against: leadrules' own state after each event. */
export interface Model<S> {
  state: S;
  /** Epoch ms of the last event sent: the next one is at or after it. */
  clock: number;
}

/** A lifecycle's verbs the commands need. */
interface Transitions<S, E> {
  transition(state: S, event: E): Result<Step<S, unknown>, Rejection<string>>;
}

/** A model-based command set for one lifecycle, ready for `fc.asyncModelRun`. */
export interface CommandKit<S, E> {
  /** The lifecycle's name, for messages. */
  readonly name: string;
  /** The state both the model and your adapter start from. */
  readonly initial: S;
  /** A fresh model holding `initial`, for `fc.asyncModelRun(() => ({ model: kit.model(), real }), cmds)`. */
  model(): Model<S>;
  /** Sequences of events (in time order) to send to your adapter. */
  readonly commands: Arbitrary<Iterable<AsyncCommand<Model<S>, Adapter<S, E>>>>;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

class SendEvent<S, E> implements AsyncCommand<Model<S>, Adapter<S, E>> {
  constructor(
    private readonly name: string,
    private readonly lifecycle: Transitions<S, E>,
    private readonly gap: number,
    private readonly template: Template<S, E>,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: Model<S>, adapter: Adapter<S, E>): Promise<void> {
    const at = model.clock + this.gap;
    const event = this.template.make(model, at);
    const expected = this.lifecycle.transition(model.state, event);
    const accepted = await adapter.apply(event);
    if (accepted !== expected.ok) {
      const why = expected.ok
        ? "leadrules accepts it"
        : `leadrules refuses it (${expected.error.code}: ${expected.error.message})`;
      throw new Error(`${this.name}: the adapter ${accepted ? "accepted" : "refused"} ${canonical(event)}, but ${why}`);
    }
    if (expected.ok) {
      model.state = expected.value.state;
      model.clock = at;
    }
    const held = await adapter.read();
    if (canonical(held) !== canonical(model.state)) {
      throw new Error(
        `${this.name}: after ${canonical(event)} the adapter holds ${canonical(held)}, leadrules ${canonical(model.state)}`,
      );
    }
  }

  toString(): string {
    return `${this.template.label} after ${this.gap} ms`;
  }
}

/** How a command makes its event from the model at its instant, and what fast-check prints for it. */
interface Template<S, E> {
  readonly label: string;
  make(model: Model<S>, at: number): E;
}

const gap: Arbitrary<number> = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 6 * 3_600_000 }),
  fc.integer({ min: 40 * 3_600_000, max: 60 * 3_600_000 }),
  fc.integer({ min: 5 * 86_400_000, max: 40 * 86_400_000 }),
);

function kit<S, E>(
  name: string,
  lifecycle: Transitions<S, E>,
  initial: S,
  templates: Arbitrary<Template<S, E>>,
  maxCommands: number,
): CommandKit<S, E> {
  const command = fc
    .tuple(gap, templates)
    .map(([g, make]): AsyncCommand<Model<S>, Adapter<S, E>> => new SendEvent(name, lifecycle, g, make));
  const clock = Date.parse((initial as { readonly updatedAt: string }).updatedAt);
  return { name, initial, model: () => ({ state: initial, clock }), commands: fc.commands([command], { maxCommands }) };
}

/**
 * A command kit's options, checked as the arbitraries check theirs: `maxCommands` and `from`
 * (a RangeError naming the option, never fast-check's error from deep inside), and the lifecycle.
 * @throws RangeError naming the option
 */
function checkKit<L>(
  options: unknown,
  fn: string,
  preset: L,
): { readonly maxCommands: number; readonly from: number; readonly lifecycle: L; readonly o: Record<string, unknown> } {
  const o = checkOptions(options, fn);
  const maxCommands = o.maxCommands ?? 30;
  if (!(Number.isInteger(maxCommands) && (maxCommands as number) >= 0 && (maxCommands as number) <= 2 ** 31 - 1)) {
    throw new RangeError(
      `${fn}: maxCommands must be an integer from 0 to 2147483647, not ${describeValue(maxCommands)}`,
    );
  }
  const from = checkFrom(o.from ?? DEFAULT_FROM, `${fn}: from`);
  const lifecycle = o.lifecycle ?? preset;
  const verbs = lifecycle as { initial?: unknown; transition?: unknown } | null;
  if (typeof verbs?.initial !== "function" || typeof verbs.transition !== "function") {
    throw new RangeError(`${fn}: lifecycle must be a lifecycle of leadrules, not ${describeValue(lifecycle)}`);
  }
  return { maxCommands: maxCommands as number, from, lifecycle: lifecycle as L, o };
}

/** The initial state a kit starts from, or a RangeError naming the options that made it impossible. */
function kitInitial<S>(
  made: { readonly ok: true; readonly value: S } | { readonly ok: false; readonly error: { readonly message: string } },
  fn: string,
  option: string,
): S {
  if (!made.ok) throw new RangeError(`${fn}: ${option} make no valid initial state: ${made.error.message}`);
  return made.value;
}

/** Templates from an event arbitrary generated at 0: shifted onto the command's instant. */
function fromEvents<S, E>(events: Arbitrary<E>): Arbitrary<Template<S, E>> {
  return events.map((e) => ({ label: JSON.stringify(e), make: (_: Model<S>, at: number) => shifted(e, at) }));
}

/** Options of every command kit. */
export interface CommandOptions {
  /** Most events in one sequence. Default 30. */
  readonly maxCommands?: number;
  /** When the lead or record is created (epoch ms). Default {@link DEFAULT_FROM}. */
  readonly from?: number;
}

/**
 * Model-based commands for the consultation lifecycle: random events in time order, each checked
 * against leadrules (accepted or refused alike, then the state read back).
 *
 * @param options - sequence length, start instant, and a tuned lifecycle (default: the playbook's)
 * @returns the command kit
 * @example
 * consultationCommands().initial.status; // => "new"
 */
export function consultationCommands(
  options: CommandOptions & { readonly lifecycle?: ConsultationLifecycle } = {},
): CommandKit<ConsultationState, ConsultationEvent> {
  const { lifecycle, from, maxCommands } = checkKit(options, "consultationCommands", consultation);
  return kit(
    "consultation",
    lifecycle,
    kitInitial(lifecycle.initial(from), "consultationCommands", "from and lifecycle"),
    fromEvents(consultationTemplate()),
    maxCommands,
  );
}

/**
 * Model-based commands for the booking lifecycle.
 *
 * @param options - sequence length, start instant, the new lead, and a tuned lifecycle
 * @returns the command kit
 * @example
 * bookingCommands().initial.status; // => "lead"
 */
export function bookingCommands(
  options: CommandOptions & { readonly lifecycle?: BookingLifecycle; readonly lead?: Omit<NewLead, "at"> } = {},
): CommandKit<BookingState, BookingEvent> {
  const { lifecycle, from, maxCommands, o } = checkKit(options, "bookingCommands", booking);
  const lead = checkOptions(o.lead ?? { name: "Tim Jones", patient: null, owner: "sam" }, "bookingCommands: lead");
  return kit(
    "booking",
    lifecycle,
    kitInitial(
      lifecycle.initial({ ...(lead as Omit<NewLead, "at">), at: from }),
      "bookingCommands",
      "from, lead and lifecycle",
    ),
    fromEvents(bookingTemplate()),
    maxCommands,
  );
}

/**
 * Model-based commands for a call record: mostly calls classified from random facts on the
 * model's current record (as an agent's tool would log them), sometimes any logged call at all.
 *
 * @param options - sequence length, start instant, and the campaign's record lifecycle
 * @returns the command kit
 * @example
 * callRecordCommands().initial.status; // => "open"
 */
export function callRecordCommands(
  options: CommandOptions & { readonly lifecycle?: CallRecordLifecycle } = {},
): CommandKit<CallRecord, CallLoggedEvent> {
  const { lifecycle, from, maxCommands } = checkKit(options, "callRecordCommands", callRecord);
  const fromFacts = factsTemplate().map(
    (facts: CallFacts): Template<CallRecord, CallLoggedEvent> => ({
      label: `classified ${JSON.stringify(facts)}`,
      make: (model, at) => {
        const c = classify(shifted(facts, at), model.state, lifecycle.campaign, at);
        const call = c.ok
          ? toLoggedCall(c.value, at)
          : // Deliberately not a result id: the lifecycle must refuse it.
            { at: new Date(at).toISOString(), lastContact: "noContact" as const, result: "noAnswer" as BuiltInResult };
        return { ...call, type: "callLogged", actor: "agent" };
      },
    }),
  );
  const raw = loggedCallTemplate().map(
    (call): Template<CallRecord, CallLoggedEvent> => ({
      label: JSON.stringify(call),
      make: (_, at) => ({ ...shifted(call, at), type: "callLogged", actor: "agent" }),
    }),
  );
  return kit(
    "call record",
    lifecycle,
    kitInitial(lifecycle.initial(from), "callRecordCommands", "from and lifecycle"),
    fc.oneof({ weight: 3, arbitrary: fromFacts }, { weight: 1, arbitrary: raw }),
    maxCommands,
  );
}

/**
 * Model-based commands for a Client Hub record: logged calls, emails, completed tasks and ratio
 * changes, days apart, so the stages move with time between them.
 *
 * @param options - sequence length, the new record (default: created at `from` in Europe/London), and a tuned pipeline
 * @returns the command kit
 * @example
 * clientHubCommands().initial.status; // => "completed"
 */
export function clientHubCommands(
  options: CommandOptions & {
    readonly lifecycle?: ClientHubLifecycle;
    readonly record?: Omit<NewClientHubRecord, "at">;
  } = {},
): CommandKit<ClientHubRecord, ClientHubEvent> {
  const { lifecycle, from, maxCommands, o } = checkKit(options, "clientHubCommands", clientHub);
  const record = checkOptions(
    o.record ?? { subscriptionId: "sub-1", contactId: "c-1", timeZone: "Europe/London" },
    "clientHubCommands: record",
  );
  return kit(
    "client hub",
    lifecycle,
    kitInitial(
      lifecycle.initial({ ...(record as Omit<NewClientHubRecord, "at">), at: from }),
      "clientHubCommands",
      "from, record and lifecycle",
    ),
    fromEvents(clientHubTemplate()),
    maxCommands,
  );
}

/**
 * Runs a command kit against adapters you make: for each generated sequence a fresh adapter starts
 * from `kit.initial`, every event goes to it and to leadrules, and the first disagreement fails with
 * the shrunk sequence. Resolves when every run agrees; rejects with fast-check's report otherwise.
 *
 * @param kit - the lifecycle's commands
 * @param makeAdapter - builds a fresh adapter holding `initial` (e.g. inserts it into a test database)
 * @param parameters - fast-check parameters (`numRuns`, `seed`, …)
 * @returns a promise that resolves when every run agreed
 * @example
 * await checkAdapter(consultationCommands(), (initial) => {
 *   let state = initial;
 *   return {
 *     apply: (event) => {
 *       const step = consultation.transition(state, event);
 *       if (step.ok) state = step.value.state;
 *       return step.ok;
 *     },
 *     read: () => state,
 *   };
 * }, { numRuns: 20 }); // => undefined
 */
export async function checkAdapter<S, E>(
  kit: CommandKit<S, E>,
  makeAdapter: (initial: S) => Adapter<S, E> | Promise<Adapter<S, E>>,
  parameters: Parameters<[Iterable<AsyncCommand<Model<S>, Adapter<S, E>>>]> = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(kit.commands, async (commands) => {
      const real = await makeAdapter(kit.initial);
      await fc.asyncModelRun(() => ({ model: kit.model(), real }), commands);
    }),
    // Print why a run failed (the event and both states) in the report itself, not only in `cause`.
    { includeErrorInReport: true, ...parameters },
  );
}
