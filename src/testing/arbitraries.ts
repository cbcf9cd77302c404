import type { Arbitrary } from "fast-check";
import { DEFAULT_CAMPAIGN } from "../call-result/campaign.js";
import {
  type CallFacts,
  COMPANY_FINDINGS,
  type CompanyFinding,
  classify,
  NO_PITCH_ANSWERS,
  RECEPTION_ANSWERS,
  type ReceptionSaid,
  toLoggedCall,
} from "../call-result/classify.js";
import { type CallLoggedEvent, callRecord, newRecord } from "../call-result/record.js";
import type { CallRecord } from "../call-result/record-state.js";
import { CALL_RESULTS } from "../call-result/results.js";
import type { LoggedCall } from "../call-result/validate.js";
import {
  CALL_OUTCOMES,
  CLIENT_HUB_ACTORS,
  CLIENT_HUB_DEFAULTS,
  type ClientHubEvent,
  type ClientHubRecord,
  clientHub,
  type NewClientHubRecord,
} from "../client-hub/pipeline.js";
import { describeValue } from "../core/describe.js";
import type { DialFacts } from "../core/dial.js";
import { deepFreeze } from "../core/freeze.js";
import { defining } from "../core/guard.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../core/time.js";
import { BOOKING_ACTORS, type BookingEvent, type BookingState, booking, type NewLead } from "../lead-status/booking.js";
import {
  CONSULTATION_ACTORS,
  type ConsultationEvent,
  type ConsultationState,
  consultation,
} from "../lead-status/consultation.js";
import { OUTCOMES, type SheetEvent, SOURCES } from "../tally/sheet.js";
import { fc } from "./fast-check.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where generated time starts: 2026-01-01T00:00:00Z. Pass `from` to start elsewhere. */
export const DEFAULT_FROM = Date.parse("2026-01-01T00:00:00.000Z");

/** Where generated events happen: from `from` (epoch ms), spread over `days`. */
export interface TimeRange {
  /** Epoch ms of the earliest instant. Default {@link DEFAULT_FROM}. */
  readonly from?: number;
  /** How many days after `from` instants may fall. Default 60. */
  readonly days?: number;
}

/** How long a generated log is, and when it starts. */
export interface LogOptions {
  /** Most events in the log. */
  readonly maxLength?: number;
  /** Epoch ms of the first event. Default {@link DEFAULT_FROM}. */
  readonly from?: number;
  /**
   * Give every event an id: this prefix and the event's place in the log (`"s0"`, `"s1"`, …), so
   * ids are unique within the log. Default: no ids.
   */
  readonly ids?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

// Options are checked when an arbitrary is made, as fast-check checks its own constraints: an
// impossible one throws a RangeError naming the function and the option, at once (never a hang,
// never a fast-check error from deep inside). Generated instants stay within years 0000–9999 UTC,
// the library's instant domain, with room for the offsets templates add (call backs, due times,
// a log's gaps: a margin of 1,000 days).
const MARGIN = 1000 * DAY;
const LAST_FROM = MAX_INSTANT_MS - MARGIN;

/** @internal An epoch-ms option, checked. @throws RangeError naming it */
export function checkFrom(value: unknown, where: string): number {
  if (Number.isSafeInteger(value) && (value as number) >= MIN_INSTANT_MS && (value as number) <= LAST_FROM) {
    return value as number;
  }
  throw new RangeError(
    `${where} must be epoch milliseconds (an integer) from ${MIN_INSTANT_MS} to ${LAST_FROM}, not ${describeValue(value)}`,
  );
}

/** @internal Options as a plain copy, read once. @throws RangeError when they are not an object or cannot be read */
export function checkOptions(options: unknown, fn: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options === "object" && options !== null) {
    let copy: Record<string, unknown> | undefined;
    try {
      // Array.isArray throws on a revoked Proxy: the reading is inside the try too.
      copy = Array.isArray(options) ? undefined : { ...options };
    } catch {
      throw new RangeError(`${fn}: options could not be read (a Proxy or a getter that throws?)`);
    }
    if (copy !== undefined) return copy;
  }
  throw new RangeError(`${fn}: options must be an object, not ${describeValue(options)}`);
}

/** A time range's options, checked and resolved. @throws RangeError naming the option */
function checkRange(range: unknown, fn: string): { readonly from: number; readonly days: number } {
  const r = checkOptions(range, fn);
  const from = checkFrom(r.from ?? DEFAULT_FROM, `${fn}: from`);
  const days = r.days ?? 60;
  const most = Math.floor((LAST_FROM - from) / DAY);
  if (typeof days !== "number" || !(days >= 0 && days <= most)) {
    throw new RangeError(
      `${fn}: days must be a number from 0 to ${most} (instants stay within year 9999), not ${describeValue(days)}`,
    );
  }
  // Days become whole milliseconds (fast-check's bounds are integers): 5e-324 days is 0 ms.
  return { from, days: Math.floor(days * DAY) / DAY };
}

/** A log's options, checked and resolved. @throws RangeError naming the option */
function checkLog(
  options: unknown,
  fn: string,
  maxLength: number,
): { readonly from: number; readonly maxLength: number; readonly ids?: string } {
  const o = checkOptions(options, fn);
  const from = checkFrom(o.from ?? DEFAULT_FROM, `${fn}: from`);
  const length = o.maxLength ?? maxLength;
  if (!(Number.isInteger(length) && (length as number) >= 0 && (length as number) <= 2 ** 31 - 1)) {
    throw new RangeError(`${fn}: maxLength must be an integer from 0 to 2147483647, not ${describeValue(length)}`);
  }
  if (o.ids !== undefined && typeof o.ids !== "string") {
    throw new RangeError(`${fn}: ids must be a string (the prefix of the events' ids), not ${describeValue(o.ids)}`);
  }
  return o.ids === undefined
    ? { from, maxLength: length as number }
    : { from, maxLength: length as number, ids: o.ids };
}

/** @internal The value of a Result the generators built from valid input; anything else is a bug here. */
export function madeValue<T>(
  made: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly message: string } },
): T {
  /* v8 ignore next -- the generators only build from valid input */
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

/**
 * ISO-8601 UTC instants in a range, as states store them and as JSON carries them.
 *
 * @param range - where the instants fall
 * @returns an arbitrary of ISO strings
 * @example
 * fc.sample(instant({ days: 1 }), 5).every((at) => at.startsWith("2026-01-0")); // => true
 */
export function instant(range: TimeRange = {}): Arbitrary<string> {
  range = checkRange(range, "instant");
  const from = range.from ?? DEFAULT_FROM;
  return fc.integer({ min: from, max: from + (range.days ?? 60) * DAY }).map(iso);
}

// Events are generated with offsets from 0 and shifted onto a clock, so a sequence stays in order
// when fast-check shrinks it. `shifted` moves every instant field (also a task's due time).
const INSTANT_FIELDS = ["at", "dueAt", "callBackAt"] as const;

/** An event whose instants are ms offsets, moved onto `base`. @internal */
export function shifted<E>(template: E, base: number): E {
  const out: Record<string, unknown> = { ...(template as Record<string, unknown>) };
  for (const key of INSTANT_FIELDS) {
    const value = out[key];
    if (typeof value === "number") out[key] = iso(base + value);
  }
  const task = out.task as { dueAt?: unknown } | null | undefined;
  if (task != null && typeof task.dueAt === "number") out.task = { dueAt: iso(base + task.dueAt) };
  return out as E;
}

const within = (hours: number): Arbitrary<number> => fc.integer({ min: 0, max: hours * HOUR });

// ─── lead-status: consultation ───────────────────────────────────────────────────────────────────

// Every event type the lifecycle defines, read from it so the list cannot drift (when an arbitrary is
// made, not when the kit loads: the preset is built on first use).
const consultationEventTypes = (): ConsultationEvent["type"][] =>
  Object.keys(consultation.definition.events) as ConsultationEvent["type"][];

/** @internal A consultation event template: instants as ms offsets from 0, for {@link shifted}. */
export function consultationTemplate(): Arbitrary<ConsultationEvent> {
  return fc
    .record({
      type: fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(...consultationEventTypes()) },
        { weight: 1, arbitrary: fc.constant("followUpLogged" as const) },
      ),
      actor: fc.constantFrom(...CONSULTATION_ACTORS),
      notes: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      dueIn: fc.option(within(200), { nil: undefined }),
      transferable: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ type, actor, notes, dueIn, transferable }): ConsultationEvent => {
      if (type === "followUpLogged") {
        return {
          type,
          at: 0,
          actor,
          ...(notes === undefined ? {} : { notes }),
          ...(dueIn === undefined ? {} : { dueAt: dueIn }),
        };
      }
      if (type === "markedOutOfArea") {
        return {
          type,
          at: 0,
          actor,
          ...(transferable === undefined ? {} : { transferableToCareCentre: transferable }),
        };
      }
      return { type, at: 0, actor } as ConsultationEvent;
    });
}

/**
 * A well-typed consultation event — any type, any actor (so some are refused), with optional notes,
 * due times and the out-of-area transfer flag. Instants are ISO strings.
 *
 * @param range - where the event's instant falls
 * @returns an arbitrary of events
 * @example
 * fc.sample(consultationEvent(), 5).every((e) => parseConsultationEvent(e).ok); // => true
 */
export function consultationEvent(range: TimeRange = {}): Arbitrary<ConsultationEvent> {
  range = checkRange(range, "consultationEvent");
  return fc
    .tuple(fc.integer({ min: 0, max: (range.days ?? 60) * DAY }), consultationTemplate())
    .map(([offset, e]) => shifted(e, (range.from ?? DEFAULT_FROM) + offset));
}

/** A chronological list of templates' offsets: mostly hours apart, sometimes two days, sometimes none. */
const gap: Arbitrary<number> = fc.oneof(fc.constant(0), within(6), fc.integer({ min: 40 * HOUR, max: 60 * HOUR }));

function logOf<E>(template: Arbitrary<E>, maxLength: number, from: number, ids?: string): Arbitrary<E[]> {
  return fc.array(fc.tuple(gap, template), { maxLength }).map((steps) => {
    let at = from;
    return steps.map(([g, e], i) => {
      at += g;
      const event = shifted(e, at);
      return ids === undefined ? event : { ...event, id: `${ids}${i}` };
    });
  });
}

/**
 * A chronological log of consultation events (some of which the lifecycle refuses).
 *
 * @param options - `maxLength` (default 30) and where the log starts
 * @returns an arbitrary of event logs
 * @example
 * fc.sample(consultationLog({ maxLength: 3 }), 5).every((log) => log.length <= 3); // => true
 */
export function consultationLog(options: LogOptions = {}): Arbitrary<ConsultationEvent[]> {
  options = checkLog(options, "consultationLog", 30);
  return logOf(consultationTemplate(), options.maxLength ?? 30, options.from ?? DEFAULT_FROM, options.ids);
}

/**
 * A reachable consultation state: a new lead with a random log replayed onto it.
 *
 * @param options - `maxLength` of the log (default 30) and where it starts
 * @returns an arbitrary of states
 * @example
 * fc.sample(consultationState(), 5).every((s) => s.lifecycle === "consultation"); // => true
 */
export function consultationState(options: LogOptions = {}): Arbitrary<ConsultationState> {
  options = checkLog(options, "consultationState", 30);
  const from = options.from ?? DEFAULT_FROM;
  const start = madeValue(consultation.initial(from));
  return consultationLog({ ...options, from }).map((log) => consultation.replay(start, log).state);
}

// ─── lead-status: booking ────────────────────────────────────────────────────────────────────────

const patientArb = fc.constantFrom({ id: "p1", name: "Tim Jones" }, { id: "p2", name: "Ana Silva" });
const appointmentStatus = fc.constantFrom("booked", "attended", "cancelled", "didNotAttend" as const);

/** @internal Instants as ms offsets from 0, for {@link shifted}. */
export function bookingTemplate(): Arbitrary<BookingEvent> {
  return fc.oneof(
    patientArb.map((patient): BookingEvent => ({ type: "patientChosen", at: 0, actor: "user", patient })),
    patientArb.map((patient): BookingEvent => ({ type: "patientCreated", at: 0, actor: "user", patient })),
    fc.constantFrom(...BOOKING_ACTORS).map((actor): BookingEvent => ({ type: "markedBooked", at: 0, actor })),
    fc
      .tuple(fc.constantFrom("a1", "a2"), fc.constantFrom("p1", "p2"), fc.option(appointmentStatus, { nil: undefined }))
      .map(
        ([id, patientId, status]): BookingEvent => ({
          type: "appointmentDetected",
          at: 0,
          actor: "system",
          appointment: status === undefined ? { id, patientId } : { id, patientId, status },
        }),
      ),
    fc.tuple(fc.constantFrom("a1", "a2"), appointmentStatus).map(
      ([appointmentId, status]): BookingEvent => ({
        type: "appointmentUpdated",
        at: 0,
        actor: "system",
        appointmentId,
        status,
      }),
    ),
    fc.constant<BookingEvent>({ type: "markedLost", at: 0, actor: "user" }),
    fc.option(within(100), { nil: undefined }).map(
      (d): BookingEvent => ({
        type: "commented",
        at: 0,
        actor: "user",
        text: "Called, no answer",
        ...(d === undefined ? {} : { callBackAt: d }),
      }),
    ),
    fc
      .constantFrom("sam", "alex", null)
      .map((owner): BookingEvent => ({ type: "ownerChanged", at: 0, actor: "user", owner })),
  );
}

/**
 * A well-typed booking event (some are refused in some states).
 *
 * @param range - where the event's instant falls
 * @returns an arbitrary of events
 * @example
 * fc.sample(bookingEvent(), 5).every((e) => parseBookingEvent(e).ok); // => true
 */
export function bookingEvent(range: TimeRange = {}): Arbitrary<BookingEvent> {
  range = checkRange(range, "bookingEvent");
  return fc
    .tuple(fc.integer({ min: 0, max: (range.days ?? 60) * DAY }), bookingTemplate())
    .map(([offset, e]) => shifted(e, (range.from ?? DEFAULT_FROM) + offset));
}

/**
 * A new booking lead, with or without a patient, division, source and owner.
 *
 * @param range - where the lead's creation instant falls
 * @returns an arbitrary of new leads
 * @example
 * fc.sample(newLead(), 5).every((lead) => booking.initial(lead).ok); // => true
 */
export function newLead(range: TimeRange = {}): Arbitrary<NewLead> {
  range = checkRange(range, "newLead");
  // A lead needs a name or a patient: the name may be blank only when a patient is given.
  return fc
    .record(
      {
        at: instant(range),
        name: fc.constantFrom("Tim Jones", "Ana"),
        patient: fc.option(patientArb, { nil: null }),
        division: fc.option(fc.constantFrom("North", "South"), { nil: null }),
        source: fc.option(fc.constantFrom("Website", "Referral"), { nil: null }),
        owner: fc.option(fc.constantFrom("sam", "alex"), { nil: null }),
      },
      { requiredKeys: ["at", "name"] },
    )
    .chain((lead) => (lead.patient == null ? fc.constant(lead) : fc.constantFrom(lead, { ...lead, name: "" })));
}

/**
 * A chronological log of booking events.
 *
 * @param options - `maxLength` (default 30) and where the log starts
 * @returns an arbitrary of event logs
 * @example
 * fc.sample(bookingLog({ maxLength: 2 }), 5).every((log) => log.length <= 2); // => true
 */
export function bookingLog(options: LogOptions = {}): Arbitrary<BookingEvent[]> {
  options = checkLog(options, "bookingLog", 30);
  return logOf(bookingTemplate(), options.maxLength ?? 30, options.from ?? DEFAULT_FROM, options.ids);
}

/**
 * A reachable booking state: a new lead with a random log replayed onto it.
 *
 * @param options - `maxLength` of the log (default 30) and where it starts
 * @returns an arbitrary of states
 * @example
 * fc.sample(bookingState(), 5).every((s) => s.lifecycle === "booking"); // => true
 */
export function bookingState(options: LogOptions = {}): Arbitrary<BookingState> {
  options = checkLog(options, "bookingState", 30);
  const from = options.from ?? DEFAULT_FROM;
  return fc.tuple(newLead({ from, days: 0 }), bookingLog({ ...options, from })).map(([lead, log]) => {
    return booking.replay(madeValue(booking.initial(lead)), log).state;
  });
}

// ─── call-result ─────────────────────────────────────────────────────────────────────────────────

const FINDINGS = Object.keys(COMPANY_FINDINGS) as CompanyFinding[];

/** @internal Call facts with call backs as ms offsets after the call, for {@link shifted}. */
export function factsTemplate(): Arbitrary<CallFacts> {
  const later = fc.integer({ min: 0, max: 200 * DAY });
  return fc.oneof(
    fc.record(
      {
        reached: fc.constant("nobody" as const),
        via: fc.constantFrom(
          "companyVoicemail",
          "directLineVoicemail",
          "noAnswer",
          "wrongNumber",
          "duplicate" as const,
        ),
        callBackAt: later,
      },
      { requiredKeys: ["reached", "via"] },
    ),
    fc.record(
      {
        reached: fc.constant("reception" as const),
        said: fc.constantFrom<ReceptionSaid>(...RECEPTION_ANSWERS, ...FINDINGS),
        putThroughToVoicemail: fc.boolean(),
        callBackAt: later,
      },
      { requiredKeys: ["reached", "said"] },
    ),
    fc.record(
      {
        reached: fc.constant("reception" as const),
        putThroughToVoicemail: fc.constant(true as const),
        callBackAt: later,
      },
      { requiredKeys: ["reached", "putThroughToVoicemail"] },
    ),
    fc
      .tuple(
        fc.option(fc.boolean(), { nil: undefined }),
        fc.oneof(
          later.map((callBackAt) => ({ said: "cantTalkNow" as const, callBackAt })),
          fc
            .constantFrom(
              ...(["notInterested", "inTalksWithSalesRep", "existingClient", "emailOnly", ...FINDINGS] as const),
            )
            .map((said) => ({ said })),
          fc.integer({ min: 0, max: 300 }).map((measured) => ({ said: "notQualified" as const, measured })),
          later.map((callBackAt) => ({ said: "emailAndCallBack" as const, callBackAt })),
          later.map((callBackAt) => ({ said: "callBackNoEmail" as const, callBackAt })),
          fc
            .constantFrom("inPerson", "phone", "video" as const)
            .map((mode) => ({ said: "appointment" as const, mode })),
        ),
      )
      // `pitched` is left out now and then where no pitch can have happened, and said elsewhere.
      .map(([pitched, said]) =>
        pitched === undefined && (NO_PITCH_ANSWERS as readonly string[]).includes(said.said)
          ? ({ reached: "decisionMaker" as const, ...said } as CallFacts)
          : ({ reached: "decisionMaker" as const, pitched: pitched === true, ...said } as CallFacts),
      ),
  );
}

/**
 * What happened on a cold call: every branch `classify` knows (nobody, reception, the decision
 * maker), with call backs after `at`.
 *
 * @param at - the call's instant (epoch ms); call backs fall after it. Default {@link DEFAULT_FROM}.
 * @returns an arbitrary of call facts
 * @example
 * fc.sample(callFacts(), 5).every((facts) => parseCallFacts(facts).ok); // => true
 */
export function callFacts(at: number = DEFAULT_FROM): Arbitrary<CallFacts> {
  at = checkFrom(at, "callFacts: at");
  return factsTemplate().map((f) => shifted(f, at));
}

/**
 * Campaign settings as `createCampaign` reads them (all valid).
 *
 * @returns an arbitrary of campaign inputs
 * @example
 * fc.sample(campaignInput(), 5).every((input) => createCampaign(input).ok); // => true
 */
export function campaignInput(): Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      id: fc.constantFrom("it-msp", "dental", "legal"),
      emailFollowUpWeeks: fc.integer({ min: 1, max: 8 }),
      timeZone: fc.constantFrom(...TIME_ZONES),
      deadEndMinBlockedAttempts: fc.integer({ min: 0, max: 5 }),
      emailOnlyHns: fc.boolean(),
      wantsConsultantFollowUp: fc.boolean(),
      recycleNoPitchAfterDays: fc.option(fc.integer({ min: 1, max: 365 }), { nil: null }),
      qualifyingRange: fc.option(
        fc
          .tuple(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), fc.integer({ min: 0, max: 100 }))
          .map(([min, span]) => ({ min, max: min === null ? span : min + span, unit: "computers" })),
        { nil: null },
      ),
    },
    { requiredKeys: ["id"] },
  );
}

/**
 * A hand-logged call (Last Contact + Last Call Result) as `validate` and the record read it: either
 * what `classify` makes of random facts on a fresh record (valid), or any result with any Last
 * Contact (often a violation).
 *
 * @param at - the call's instant (epoch ms). Default {@link DEFAULT_FROM}.
 * @returns an arbitrary of logged calls
 * @example
 * fc.sample(loggedCall(), 5).every((call) => parseLoggedCall(call).ok); // => true
 */
export function loggedCall(at: number = DEFAULT_FROM): Arbitrary<LoggedCall> {
  at = checkFrom(at, "loggedCall: at");
  return loggedCallTemplate().map((c) => shifted(c, at));
}

/** @internal Instants as ms offsets from 0, for {@link shifted}. */
export function loggedCallTemplate(): Arbitrary<LoggedCall> {
  const fresh: CallRecord = newRecord(0);
  const classified = factsTemplate().chain((facts) => {
    const c = classify(facts, fresh, DEFAULT_CAMPAIGN, 0);
    if (!c.ok) return fc.constant(undefined);
    const logged = toLoggedCall(c.value, 0);
    // toLoggedCall writes ISO strings; turn them back into offsets so the call can be shifted.
    const back = (v: string | null): number | null => (v === null ? null : Date.parse(v));
    return fc.constant<LoggedCall>({
      ...logged,
      at: 0,
      callBackAt: back(logged.callBackAt),
      task: logged.task === null ? null : { dueAt: Date.parse(logged.task.dueAt) },
    });
  });
  const raw = fc.record(
    {
      at: fc.constant(0),
      lastContact: fc.constantFrom("noContact", "reception", "decisionMaker" as const),
      result: fc.constantFrom(...Object.keys(CALL_RESULTS)),
      callBackAt: fc.option(within(24 * 60), { nil: null }),
      task: fc.option(
        within(24 * 60).map((dueAt) => ({ dueAt })),
        { nil: null },
      ),
      blocked: fc.boolean(),
    },
    { requiredKeys: ["at", "lastContact", "result"] },
  );
  return fc.oneof(classified, raw).filter((c): c is LoggedCall => c !== undefined);
}

/**
 * A reachable call record: a fresh record with random logged calls applied in order.
 *
 * @param options - `maxLength` of the call log (default 12) and where it starts
 * @returns an arbitrary of call records
 * @example
 * fc.sample(callRecordState(), 5).every((r) => r.lifecycle === "callRecord"); // => true
 */
export function callRecordState(options: LogOptions = {}): Arbitrary<CallRecord> {
  options = checkLog(options, "callRecordState", 12);
  const from = options.from ?? DEFAULT_FROM;
  return callRecordLog({ ...options, from }).map((log) => {
    return callRecord.replay(madeValue(callRecord.initial(from)), log).state;
  });
}

/**
 * A chronological log of calls logged on a record (some of which the record refuses).
 *
 * @param options - `maxLength` (default 12), where the log starts, and ids
 * @returns an arbitrary of event logs
 * @example
 * fc.sample(callRecordLog({ maxLength: 2, ids: "c" }), 5).every((log) => log.every((e, i) => e.id === `c${i}`)); // => true
 */
export function callRecordLog(options: LogOptions = {}): Arbitrary<CallLoggedEvent[]> {
  options = checkLog(options, "callRecordLog", 12);
  const event = fc
    .tuple(loggedCallTemplate(), fc.constantFrom("agent", "system" as const))
    .map(([call, actor]): CallLoggedEvent => ({ ...call, type: "callLogged", actor }));
  return logOf(event, options.maxLength ?? 12, options.from ?? DEFAULT_FROM, options.ids);
}

// ─── client-hub ──────────────────────────────────────────────────────────────────────────────────

/** Time zones the generated Client Hub records use: both hemispheres' DST, and none. */
export const TIME_ZONES = /* @__PURE__ */ deepFreeze([
  "UTC",
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Kolkata",
] as const);

/**
 * What a new Client Hub record needs (`clientHub.initial`'s input), all valid.
 *
 * @param range - where the creation instant falls
 * @returns an arbitrary of new-record inputs
 * @example
 * fc.sample(newClientHubRecord(), 5).every((input) => clientHub.initial(input).ok); // => true
 */
export function newClientHubRecord(range: TimeRange = {}): Arbitrary<NewClientHubRecord> {
  range = checkRange(range, "newClientHubRecord");
  return fc.record(
    {
      subscriptionId: fc.constantFrom("sub-1", "sub-2"),
      contactId: fc.constantFrom("c-1", "c-2"),
      at: instant(range),
      timeZone: fc.constantFrom(...TIME_ZONES),
      contactRatio: fc.constantFrom(...CLIENT_HUB_DEFAULTS.contactRatios),
    },
    { requiredKeys: ["subscriptionId", "contactId", "at", "timeZone"] },
  );
}

/** @internal Instants as ms offsets from 0, for {@link shifted}. */
export function clientHubTemplate(): Arbitrary<ClientHubEvent> {
  const actor = fc.constantFrom(...CLIENT_HUB_ACTORS);
  const ratio = fc.constantFrom(...CLIENT_HUB_DEFAULTS.contactRatios);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .record(
          {
            actor,
            outcome: fc.constantFrom(...CALL_OUTCOMES),
            callType: fc.constantFrom("Check In - Call", "Check In - WhatsApp", "Other"),
            direction: fc.constantFrom("inbound", "outbound" as const),
            finalAttempt: fc.boolean(),
          },
          { requiredKeys: ["actor", "outcome", "callType", "direction"] },
        )
        .map((c): ClientHubEvent => ({ type: "callLogged", at: 0, ...c })),
    },
    actor.map((a): ClientHubEvent => ({ type: "emailedInstead", at: 0, actor: a })),
    fc.tuple(actor, fc.option(ratio, { nil: undefined })).map(
      ([a, r]): ClientHubEvent => ({
        type: "taskCompleted",
        at: 0,
        actor: a,
        ...(r === undefined ? {} : { contactRatio: r }),
      }),
    ),
    fc
      .tuple(actor, ratio)
      .map(([a, contactRatio]): ClientHubEvent => ({ type: "contactRatioSet", at: 0, actor: a, contactRatio })),
  );
}

/**
 * A well-typed Client Hub event: a logged call (any outcome, type, direction), an email sent
 * instead, a task completed, a Contact Ratio set.
 *
 * @param range - where the event's instant falls
 * @returns an arbitrary of events
 * @example
 * fc.sample(clientHubEvent(), 5).every((e) => parseClientHubEvent(e).ok); // => true
 */
export function clientHubEvent(range: TimeRange = {}): Arbitrary<ClientHubEvent> {
  range = checkRange(range, "clientHubEvent");
  return fc
    .tuple(fc.integer({ min: 0, max: (range.days ?? 60) * DAY }), clientHubTemplate())
    .map(([offset, e]) => shifted(e, (range.from ?? DEFAULT_FROM) + offset));
}

/**
 * A reachable Client Hub record: a new record moved through random events and waits.
 *
 * @param options - `maxLength` of the event log (default 20) and where it starts
 * @returns an arbitrary of records
 * @example
 * fc.sample(clientHubRecord(), 5).every((r) => r.lifecycle === "clientHub"); // => true
 */
export function clientHubRecord(options: LogOptions = {}): Arbitrary<ClientHubRecord> {
  options = checkLog(options, "clientHubRecord", 20);
  const from = options.from ?? DEFAULT_FROM;
  return fc
    .tuple(newClientHubRecord({ from, days: 0 }), clientHubLog({ maxLength: 20, ...options, from }))
    .map(([input, log]) => {
      return clientHub.replay(madeValue(clientHub.initial(input)), log).state;
    });
}

/**
 * A chronological log of Client Hub events, with waits of days between some (so the pipeline's
 * time moves happen between them).
 *
 * @param options - `maxLength` (default 20), where the log starts, and ids
 * @returns an arbitrary of event logs
 * @example
 * fc.sample(clientHubLog({ maxLength: 3 }), 5).every((log) => log.length <= 3); // => true
 */
export function clientHubLog(options: LogOptions = {}): Arbitrary<ClientHubEvent[]> {
  options = checkLog(options, "clientHubLog", 20);
  const template = fc.oneof(
    clientHubTemplate(),
    clientHubTemplate().map((e) => ({ ...e, at: 5 * DAY })),
  );
  return logOf(template, options.maxLength ?? 20, options.from ?? DEFAULT_FROM, options.ids);
}

// ─── tally ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A first-point-of-contact sheet event: first contacts (with or without a lead id), transfers,
 * non-admissions leads, notes, junk and missed calls.
 *
 * @param range - where the event's instant falls
 * @returns an arbitrary of sheet events
 * @example
 * tallySheet(fc.sample(sheetEvent(), 5)).rejected.length; // => 0
 */
export function sheetEvent(range: TimeRange = {}): Arbitrary<SheetEvent> {
  range = checkRange(range, "sheetEvent");
  const at = instant(range);
  const program = fc.constantFrom("Ridge", "Harbour", "Pines");
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        {
          type: fc.constant("firstContact" as const),
          at,
          program,
          source: fc.constantFrom(...(Object.keys(SOURCES) as (keyof typeof SOURCES)[])),
          outcome: fc.constantFrom(...(Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[])),
          leadId: fc.constantFrom("L1", "L2", "L3", "L4"),
        },
        { requiredKeys: ["type", "at", "program", "source", "outcome"] },
      ),
    },
    fc.record({ type: fc.constantFrom("transferCall", "nonAdmissionsLead" as const), at, program }),
    fc.record({ type: fc.constant("note" as const), at, program, text: fc.string({ maxLength: 30 }) }),
    fc.record({ type: fc.constantFrom("junkCall", "missedCall" as const), at }),
  );
}

/**
 * One dial's facts as `tallyShifts` reads them (what `shiftFacts` makes of a classification).
 *
 * @returns an arbitrary of dial facts
 * @example
 * tallyShifts(fc.sample(dialFacts(), 5)).rejected.length; // => 0
 */
export function dialFacts(): Arbitrary<DialFacts> {
  return fc
    .record({
      agent: fc.constantFrom("ann", "bo"),
      shift: fc.constantFrom("2026-11-23 am", "2026-11-23 pm"),
      dmReached: fc.boolean(),
      pitched: fc.boolean(),
      lead: fc.boolean(),
      appointment: fc.boolean(),
    })
    .map((f) => {
      // A pitch needs the decision maker; a lead or an appointment needs a pitch or the DM.
      const pitched = f.pitched && f.dmReached;
      return { ...f, pitched, lead: f.lead && f.dmReached, appointment: f.appointment && pitched };
    });
}

// ─── invalid input ───────────────────────────────────────────────────────────────────────────────

const NOT_AN_OBJECT = fc.constantFrom<unknown>(null, 0, 42.5, "", "not an object", true, [], [1, 2]);
const BAD_INSTANTS = fc.constantFrom<unknown>(
  "not a date",
  "2026-02-30T10:00:00Z",
  "2026-11-23T10:00:00",
  "",
  Number.NaN,
  {},
  true,
);

/**
 * Input that must be refused at the boundary, made from valid values: not an object at all, an
 * unknown extra field, a field of the wrong kind, or an instant that is not one. Every leadrules
 * parser refuses each of these with an `invalidInput` error naming the field.
 *
 * @param valid - an arbitrary of valid values (objects)
 * @returns an arbitrary of invalid input
 * @throws TypeError when `valid` cannot be read as an arbitrary
 * @example
 * fc.sample(invalidInput(consultationEvent()), 5).some((e) => parseConsultationEvent(e).ok); // => false
 */
export function invalidInput(valid: Arbitrary<object>): Arbitrary<unknown> {
  return defining("invalidInput", (): Arbitrary<unknown> => {
    const corrupted = valid.chain((value) => {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      const kinds: Arbitrary<unknown>[] = [
        NOT_AN_OBJECT,
        fc
          .tuple(fc.constantFrom("unexpectedField", "x-extra", "Type"), fc.jsonValue())
          .map(([k, v]) => ({ ...record, [k]: v })),
      ];
      if (keys.length > 0) {
        kinds.push(
          fc.constantFrom(...keys).map((key) => {
            const before = record[key];
            const wrong = typeof before === "object" && before !== null ? "not an object" : { unexpected: true };
            return { ...record, [key]: wrong };
          }),
        );
      }
      if ("at" in record) kinds.push(BAD_INSTANTS.map((at) => ({ ...record, at })));
      return fc.oneof(...kinds);
    });
    return corrupted;
  });
}
