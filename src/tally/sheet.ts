import type { Period } from "../core/calendar.js";
import { type CounterRow, compareKeys, inc, normaliseCounter, PairCounter, unsafeCount } from "../core/counter.js";
import { describeValue } from "../core/describe.js";
import { deepFreeze } from "../core/freeze.js";
import { guarded, UNREADABLE_MESSAGE, unreadable } from "../core/guard.js";
import { isName, isText } from "../core/limits.js";
import { err, ok, type Result } from "../core/result.js";
import { type Instant, toEpochMs, toIso } from "../core/time.js";
import { periodProblem, sheetProblem } from "./check.js";
import {
  Buckets,
  bucketer,
  bucketFits,
  canonicalPeriod,
  outsideDomain,
  type PeriodSpec,
  periodLabel,
  periodOfBucket,
  samePeriod,
} from "./period.js";

/** Section 1 of the sheet: where the lead came from, with the playbook's labels. */
export const SOURCES = /* @__PURE__ */ deepFreeze({
  web: "Web leads",
  educationConsultant: "EC Calls",
  mentalHealthProvider: "MHP/Hospital/Other Program",
  otherReferral: "Other referral source",
} as const);
/** Where a lead came from. */
export type Source = keyof typeof SOURCES;

/** Section 2 of the sheet: what was done with the lead, with the playbook's labels. */
export const OUTCOMES = /* @__PURE__ */ deepFreeze({
  closedOut: "Totals 50% (closed out lead)",
  keptOpen: "Totals 70% (kept open-following up)",
  passedToAdmissions: "Totals 90% (passed to admissions)",
} as const);
/** What was done with a lead at its first contact. */
export type Outcome = keyof typeof OUTCOMES;

const SOURCE_IDS = /* @__PURE__ */ Object.keys(SOURCES) as Source[];
const OUTCOME_IDS = /* @__PURE__ */ Object.keys(OUTCOMES) as Outcome[];
/** The counted fields of one program, in the order of a tally's rows. */
export const PROGRAM_FIELDS = /* @__PURE__ */ deepFreeze(
  /* @__PURE__ */ (() => [...SOURCE_IDS, ...OUTCOME_IDS, "transferCalls", "nonAdmissionsLeads"] as const)(),
);
/** The page-level counted fields, in the order of a tally's rows. */
export const PAGE_FIELDS = /* @__PURE__ */ deepFreeze(["junkCalls", "missedCalls"] as const);
const TRANSFER = 7;
const NON_ADMISSIONS = 8;

/** Something to mark on the first-contact sheet. */
export type SheetEvent =
  | {
      /** A first point of contact: an incoming call answered, or a web inquiry answered by call or email. */
      readonly type: "firstContact";
      readonly at: Instant;
      readonly program: string;
      readonly source: Source;
      readonly outcome: Outcome;
      /**
       * The lead's id: only the lead's earliest contact is tallied, across batches and shards.
       * Leave it out only when your system already sends first contacts alone.
       */
      readonly leadId?: string;
    }
  | { readonly type: "transferCall"; readonly at: Instant; readonly program: string }
  | { readonly type: "nonAdmissionsLead"; readonly at: Instant; readonly program: string }
  | { readonly type: "note"; readonly at: Instant; readonly program: string; readonly text: string }
  | { readonly type: "junkCall"; readonly at: Instant }
  | { readonly type: "missedCall"; readonly at: Instant };

/** What a first contact was: `[bucket, program, source, outcome]`. */
export type ContactKind = readonly [bucket: string, program: string, source: Source, outcome: Outcome];

/**
 * The first contacts of identified leads, one per lead (the earliest), as columns: lead `ids`
 * sorted, the instant of each one's first contact (`at`, epoch ms) and its `kind` (an index into
 * the tally's `kinds`). Columns keep a million leads in well under 150 bytes each.
 */
export interface LeadColumns {
  readonly ids: readonly string[];
  readonly at: readonly number[];
  readonly kind: readonly number[];
}

/** A lead's tallied first contact, as {@link leadContacts} lists it. */
export interface LeadContact {
  readonly leadId: string;
  /** When the first contact happened, ISO UTC (like every instant leadrules returns). */
  readonly at: string;
  readonly bucket: string;
  readonly program: string;
  readonly source: Source;
  readonly outcome: Outcome;
}

/** A note: `[bucket, program, at (epoch ms), text]`. */
export type NoteRow = readonly [bucket: string, program: string, at: number, text: string];

/**
 * The first-contact sheet as a mergeable tally: plain, sorted, JSON-serialisable data. Build it
 * with {@link tallySheet}, combine with {@link mergeSheets}, read it with {@link sheetPages}.
 */
export interface SheetTally {
  readonly kind: "firstContactSheet";
  readonly version: 1;
  /** How events are bucketed (`null`: one bucket, `""`). */
  readonly period: PeriodSpec | null;
  /** `[[bucket, program], counts in PROGRAM_FIELDS order]`: first contacts without a lead id, transfers, non-admissions. */
  readonly programs: readonly CounterRow[];
  /** `[[bucket], [junkCalls, missedCalls]]`. */
  readonly page: readonly CounterRow[];
  /** First contacts with a lead id, one per lead (the earliest). */
  readonly leads: LeadColumns;
  /** The kinds of contact the leads refer to, sorted. */
  readonly kinds: readonly ContactKind[];
  /** Notes, sorted. */
  readonly notes: readonly NoteRow[];
}

/** Why an event was left out of a tally. */
export interface RejectedEvent {
  /** The event's position in the batch. */
  readonly index: number;
  /** `invalidEvent`; `invalidPeriod` when the batch's period is not one (every event is refused). */
  readonly code: "invalidEvent" | "invalidPeriod" | "invalidInstant" | "unreadable";
  /** The field at fault (`""` for the event itself). */
  readonly field: string;
  readonly message: string;
}

/** A tally and the events that could not be tallied. */
export interface TallyResult<T> {
  readonly tally: T;
  readonly rejected: readonly RejectedEvent[];
}

/** The last-resort guard's refusal of a whole batch (core/guard.ts): the input threw when read. @internal */
export const UNREADABLE_EVENT: RejectedEvent = /* @__PURE__ */ Object.freeze({
  index: 0,
  code: "unreadable",
  field: "",
  message: UNREADABLE_MESSAGE,
});

/**
 * The rejection of one item of a batch that threw when it was read: {@link UNREADABLE_EVENT} at
 * its index.
 *
 * @param index - the item's index
 * @returns the rejection
 */
export function unreadableAt(index: number): RejectedEvent {
  return { ...UNREADABLE_EVENT, index };
}

/**
 * The error value for tallies that cannot be merged or read: bucketed by different periods
 * (`tallyMismatch`), not a tally at all (`invalidTally`: a stored tally that skipped the parser;
 * `index` says which argument), a count that would pass `Number.MAX_SAFE_INTEGER`
 * (`countOverflow`, naming the `field`), or a kind of figures that is not one (`unknownKind`,
 * from `emptyFigures`).
 */
export interface TallyError {
  readonly code: "tallyMismatch" | "invalidTally" | "countOverflow" | "unknownKind" | "unreadable";
  readonly message: string;
  readonly index?: number;
  /** The counted field that would overflow (`countOverflow`), or `kind` (`unknownKind`). */
  readonly field?: string;
}

/**
 * The empty first-contact sheet: the identity of {@link mergeSheets} for every tally, whatever its
 * period (a tally with nothing in it has no period, so it merges with any).
 *
 * @returns the empty tally
 * @example
 * emptySheet().leads; // => { "ids": [], "at": [], "kind": [] }
 */
export function emptySheet(): SheetTally {
  return {
    kind: "firstContactSheet",
    version: 1,
    period: null,
    programs: [],
    page: [],
    leads: { ids: [], at: [], kind: [] },
    kinds: [],
    notes: [],
  };
}

const isEmpty = (t: SheetTally): boolean =>
  t.programs.length === 0 && t.page.length === 0 && t.leads.ids.length === 0 && t.notes.length === 0;
const sheetFields = /* @__PURE__ */ (() => ({ program: PROGRAM_FIELDS.length, page: PAGE_FIELDS.length }))();
/** What is wrong with a value as a sheet tally, or undefined (see tally/check.ts). */
const sheetTallyProblem = (t: unknown): string | undefined =>
  sheetProblem(t, sheetFields, Object.keys(SOURCES), Object.keys(OUTCOMES));

/**
 * The refusal of a whole batch: not an array, or a period that is not one. Every event (or the
 * batch itself, at index 0) is listed, and nothing is tallied.
 *
 * @param events - the batch
 * @param period - its period
 * @returns the rejected list, or undefined when the batch can be tallied
 */
export function batchProblem(events: unknown, period: unknown): RejectedEvent[] | undefined {
  if (!Array.isArray(events)) {
    return [
      { index: 0, code: "invalidEvent", field: "", message: `events must be an array, not ${describeValue(events)}` },
    ];
  }
  const problem = periodProblem(period);
  if (problem === undefined) return undefined;
  // Array.from, not map: a hole is an event too, listed like every other (map skips holes and
  // would hand back a list with holes of its own).
  return Array.from(events, (_, index) => ({ index, code: "invalidPeriod", field: "period", message: problem }));
}

const has = (table: object, key: unknown): boolean => typeof key === "string" && Object.hasOwn(table, key);
const INSTANT = "must be a valid instant (Date, ISO-8601 with Z or an offset, or epoch ms)";
const TEXT = "must be a non-empty string (10,000 characters at most)";

/** The field at fault in an event, with its message, or undefined when the event is valid. */
export function eventProblem(event: unknown): readonly [field: string, message: string] | undefined {
  if (typeof event !== "object" || event === null) return ["", "must be an object"];
  const e = event as Record<string, unknown>;
  const type = e.type;
  if (Number.isNaN(toEpochMs(e.at))) return ["at", INSTANT];
  switch (type) {
    case "firstContact":
      if (!isName(e.program)) return ["program", TEXT];
      if (!has(SOURCES, e.source)) return ["source", `must be one of ${SOURCE_IDS.join(", ")}`];
      if (!has(OUTCOMES, e.outcome)) return ["outcome", `must be one of ${OUTCOME_IDS.join(", ")}`];
      if (e.leadId !== undefined && !isName(e.leadId)) return ["leadId", `${TEXT}, when given`];
      return undefined;
    case "note":
      if (!isText(e.text)) return ["text", "must be a string (10,000 characters at most)"];
      return isName(e.program) ? undefined : ["program", TEXT];
    case "transferCall":
    case "nonAdmissionsLead":
      return isName(e.program) ? undefined : ["program", TEXT];
    case "junkCall":
    case "missedCall":
      return undefined;
    default:
      return ["type", `${describeValue(type)} is not a sheet event`];
  }
}

/**
 * Collects first contacts by lead id, keeping each lead's earliest; at the same instant, the
 * smaller `[bucket, program, source, outcome]`, so the choice never depends on arrival order.
 * Kinds are interned, instants kept in a typed array: a few dozen bytes per lead while it runs.
 */
class LeadBuilder {
  readonly #slots = new Map<string, number>();
  readonly #ids: string[] = [];
  #at = new Float64Array(1024);
  #kind = new Int32Array(1024);
  readonly #kinds: ContactKind[] = [];
  readonly #intern = new Map<string, Map<string, Int32Array>>();

  /** Adds one contact. */
  add(leadId: string, atMs: number, bucket: string, program: string, source: Source, outcome: Outcome): void {
    const k = this.#kindOf(bucket, program, source, outcome);
    const slot = this.#slots.get(leadId);
    if (slot === undefined) {
      const n = this.#ids.length;
      if (n === this.#at.length) {
        const at = new Float64Array(n * 2);
        at.set(this.#at);
        this.#at = at;
        const kind = new Int32Array(n * 2);
        kind.set(this.#kind);
        this.#kind = kind;
      }
      this.#slots.set(leadId, n);
      this.#ids.push(leadId);
      this.#at[n] = atMs;
      this.#kind[n] = k;
      return;
    }
    const seenAt = this.#at[slot] as number;
    const seenKind = this.#kind[slot] as number;
    if (
      atMs < seenAt ||
      (atMs === seenAt && compareKeys(this.#kinds[k] as ContactKind, this.#kinds[seenKind] as ContactKind) < 0)
    ) {
      this.#at[slot] = atMs;
      this.#kind[slot] = k;
    }
  }

  #kindOf(bucket: string, program: string, source: Source, outcome: Outcome): number {
    let programs = this.#intern.get(bucket);
    if (programs === undefined) {
      programs = new Map();
      this.#intern.set(bucket, programs);
    }
    let table = programs.get(program);
    if (table === undefined) {
      table = new Int32Array(12);
      programs.set(program, table);
    }
    const cell = SOURCE_IDS.indexOf(source) * 3 + OUTCOME_IDS.indexOf(outcome);
    let k = (table[cell] as number) - 1;
    if (k < 0) {
      k = this.#kinds.length;
      this.#kinds.push([bucket, program, source, outcome]);
      table[cell] = k + 1;
    }
    return k;
  }

  /** The canonical columns: ids sorted, kinds sorted and only those in use. */
  finish(): { leads: LeadColumns; kinds: ContactKind[] } {
    // The default sort compares UTF-16 code units, like `<`, and is much faster than sorting
    // indices with a comparator; the slots are then found again through the map.
    const order = [...this.#ids].sort().map((id) => this.#slots.get(id) as number);
    const ids = this.#ids;
    const used = [...new Set(order.map((i) => this.#kind[i] as number))].sort((x, y) =>
      compareKeys(this.#kinds[x] as ContactKind, this.#kinds[y] as ContactKind),
    );
    const remap = new Map(used.map((old, i) => [old, i]));
    return {
      leads: {
        ids: order.map((i) => ids[i] as string),
        at: order.map((i) => this.#at[i] as number),
        kind: order.map((i) => remap.get(this.#kind[i] as number) as number),
      },
      kinds: used.map((k) => this.#kinds[k] as ContactKind),
    };
  }
}

/**
 * Lists the first contacts of a tally's identified leads, one per lead, sorted by lead id.
 *
 * @param tally - a sheet tally (anything else has no contacts: read stored tallies with
 *   `parseSheetTally` to learn what is wrong with them)
 * @returns the contacts
 * @example
 * leadContacts(emptySheet()); // => []
 */
export function leadContacts(tally: SheetTally): LeadContact[] {
  return guarded(
    (): LeadContact[] => {
      if (sheetTallyProblem(tally) !== undefined) return [];
      return tally.leads.ids.map((leadId, i) => {
        const [bucket, program, source, outcome] = tally.kinds[tally.leads.kind[i] as number] as ContactKind;
        return { leadId, at: toIso(tally.leads.at[i] as number), bucket, program, source, outcome };
      });
    },
    () => [],
  );
}

/**
 * Tallies a batch of sheet events. Invalid events are listed with their index and field and left
 * out; the rest are tallied. For each lead id only the earliest contact counts, whatever order the
 * events arrive in. Runs in one pass with local, mutable counters (the result is plain data).
 *
 * @param events - the events, from any source (each is checked)
 * @param period - how to bucket them (default: one bucket)
 * @returns the tally and the rejected events
 * @example
 * tallySheet([{ type: "firstContact", at: 0, program: "Ridge", source: "web", outcome: "keptOpen" }]).tally.programs;
 * // => [[["", "Ridge"], [1, 0, 0, 0, 0, 1, 0, 0, 0]]]
 */
export function tallySheet(events: readonly SheetEvent[], period: PeriodSpec | null = null): TallyResult<SheetTally> {
  return guarded(
    (): TallyResult<SheetTally> => {
      const refused = batchProblem(events, period);
      if (refused !== undefined) return { tally: emptySheet(), rejected: refused };
      const spec = canonicalPeriod(period);
      // Rows are counted by numbers: the period's index (see Buckets) and the program's, interned here.
      const buckets = spec === null ? null : new Buckets(spec);
      const programIds = new Map<string, number>();
      const programNames: string[] = [];
      const programOf = (program: string): number => {
        let id = programIds.get(program);
        if (id === undefined) {
          id = programNames.length;
          programNames.push(program);
          programIds.set(program, id);
        }
        return id;
      };
      const programs = new PairCounter(PROGRAM_FIELDS.length);
      const page = new PairCounter(PAGE_FIELDS.length);
      const leads = new LeadBuilder();
      const notes: NoteRow[] = [];
      const rejected: RejectedEvent[] = [];
      for (let index = 0; index < events.length; index++) {
        let event: SheetEvent;
        let problem: ReturnType<typeof eventProblem>;
        // Each event is read (and checked) on its own: one that throws when read is listed as
        // unreadable at its index, and the rest of the batch is still counted.
        try {
          event = events[index] as SheetEvent;
          problem = eventProblem(event);
        } catch {
          rejected.push(unreadableAt(index));
          continue;
        }
        if (problem !== undefined) {
          rejected.push({
            index,
            code: "invalidEvent",
            field: problem[0],
            message: `${problem[0] || "event"} ${problem[1]}`,
          });
          continue;
        }
        const atMs = toEpochMs(event.at);
        if (!bucketFits(spec, atMs)) {
          rejected.push(outsideDomain(index, "at"));
          continue;
        }
        const bucket = buckets === null ? 0 : buckets.indexOf(atMs);
        switch (event.type) {
          case "firstContact": {
            if (event.leadId === undefined) {
              const row = programs.row(bucket, programOf(event.program));
              programs.add(row, SOURCE_IDS.indexOf(event.source));
              programs.add(row, 4 + OUTCOME_IDS.indexOf(event.outcome));
              break;
            }
            leads.add(event.leadId, atMs, nameOf(buckets, bucket), event.program, event.source, event.outcome);
            break;
          }
          case "transferCall":
            programs.add(programs.row(bucket, programOf(event.program)), TRANSFER);
            break;
          case "nonAdmissionsLead":
            programs.add(programs.row(bucket, programOf(event.program)), NON_ADMISSIONS);
            break;
          case "note":
            notes.push([nameOf(buckets, bucket), event.program, atMs, event.text]);
            break;
          case "junkCall":
            page.add(page.row(bucket, 0), 0);
            break;
          case "missedCall":
            page.add(page.row(bucket, 0), 1);
            break;
        }
      }
      // Rows sorted by numbers in the order of their keys: buckets (ISO instants of years 0000–9999, all
      // the same length) sort as their periods do in time, programs by name.
      const bucketRanks = buckets?.ranks();
      const rank = (b: number): number => (bucketRanks === undefined ? 0 : (bucketRanks[b] as number));
      const n = programNames.length;
      // Programs are few: sorted by name (code units, as keys compare), then numbered.
      const order = new Int32Array(n);
      [...programNames.keys()]
        .sort((x, y) => compareKeys([programNames[x] as string], [programNames[y] as string]))
        .forEach((p, k) => {
          order[p] = k;
        });
      const tally: SheetTally = {
        kind: "firstContactSheet",
        version: 1,
        period: spec,
        programs: programs.rows(
          (b, p) => [nameOf(buckets, b), programNames[p] as string],
          (b, p) => rank(b) * n + (order[p] as number),
        ),
        page: page.rows((b) => [nameOf(buckets, b)], rank),
        ...leads.finish(),
        notes: notes.sort(compareNotes),
      };
      return { tally: isEmpty(tally) ? emptySheet() : tally, rejected };
    },
    () => ({ tally: emptySheet(), rejected: [UNREADABLE_EVENT] }),
  );
}

/** The bucket of a period index (`""`: the one bucket of an unbucketed tally). */
const nameOf = (buckets: Buckets | null, index: number): string => (buckets === null ? "" : buckets.name(index));

/** The order of notes in a tally. */
export function compareNotes(a: NoteRow, b: NoteRow): number {
  return compareKeys([a[0], a[1]], [b[0], b[1]]) || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}

/**
 * Merges the identified leads of two tallies (or normalises one), earliest contact first.
 *
 * @param parts - tallies' lead columns and kinds
 * @returns canonical columns and kinds
 */
export function mergeLeads(...parts: readonly Pick<SheetTally, "leads" | "kinds">[]): {
  leads: LeadColumns;
  kinds: ContactKind[];
} {
  const builder = new LeadBuilder();
  for (const { leads, kinds } of parts) {
    leads.ids.forEach((id, i) => {
      const [bucket, program, source, outcome] = kinds[leads.kind[i] as number] as ContactKind;
      builder.add(id, leads.at[i] as number, bucket, program, source, outcome);
    });
  }
  return builder.finish();
}

/**
 * Merges first-contact sheets, any number of them: counts add up, and for a lead seen in several
 * the earliest contact wins. Associative and commutative, with {@link emptySheet} as identity —
 * so shards can be tallied anywhere and merged in any order. Tallies with something in them must
 * be bucketed alike. Each argument is checked (a stored tally may have skipped
 * `parseSheetTally`); the merge takes one sort of all their rows: linear in their total size, up
 * to that sort.
 *
 * @param tallies - the tallies
 * @returns the merged tally, or a `tallyMismatch` / `invalidTally` / `countOverflow` error
 * @example
 * mergeSheets(emptySheet(), emptySheet()).ok; // => true
 */
export function mergeSheets(...tallies: readonly SheetTally[]): Result<SheetTally, TallyError> {
  return guarded((): Result<SheetTally, TallyError> => {
    for (let index = 0; index < tallies.length; index++) {
      const problem = sheetTallyProblem(tallies[index]);
      if (problem !== undefined) return err({ code: "invalidTally", message: `tally ${index}: ${problem}`, index });
    }
    const full = tallies.filter((t) => !isEmpty(t));
    const first = full[0];
    if (first === undefined) return ok(emptySheet());
    if (!full.every((t) => samePeriod(t.period, first.period))) {
      return err({ code: "tallyMismatch", message: "the tallies are bucketed by different periods or time zones" });
    }
    const programs = normaliseCounter(full.flatMap((t) => t.programs));
    const page = normaliseCounter(full.flatMap((t) => t.page));
    const overflow = sheetOverflow(programs, page);
    if (overflow !== undefined) return err(overflow);
    return ok({
      kind: "firstContactSheet",
      version: 1,
      period: canonicalPeriod(first.period),
      programs,
      page,
      ...mergeLeads(...full),
      notes: full.flatMap((t) => t.notes).sort(compareNotes),
    });
  }, unreadable);
}

/** The `countOverflow` refusal of merged sheet rows with a count past the safe integers, or undefined. */
function sheetOverflow(programs: readonly CounterRow[], page: readonly CounterRow[]): TallyError | undefined {
  for (const [rows, fields] of [
    [programs, PROGRAM_FIELDS],
    [page, PAGE_FIELDS],
  ] as const) {
    const at = unsafeCount(rows);
    if (at !== undefined) {
      const field = fields[at.field] as string;
      return {
        code: "countOverflow",
        message: `${field} of ${JSON.stringify(at.key)} would pass Number.MAX_SAFE_INTEGER: refused rather than rounded`,
        field,
      };
    }
  }
  return undefined;
}

// addToSheet in amortised O(1): a tally it returns is a version of a chain — a checked, private
// copy of the tally it started from (`base`) plus the events added since (`log`, copied as they
// arrived, so a caller changing its event objects later changes nothing). Adding to the newest
// version appends to the log; its fields (programs, page, leads, kinds, notes) are built the first
// time they are read, in one pass like tallySheet + mergeSheets, and kept. Adding to an older
// version forks the chain (one copy of the log up to it). A version read is no longer trusted as
// the chain's (its fields are plain, writable data the caller may have changed): adding to it
// checks it and starts a new chain. When the log grows as long as the base, the chain is rebuilt
// around the built tally, so its memory stays proportional to the tally's size.

interface Chain {
  /** The tally the chain starts from: checked, canonical, private. */
  readonly base: SheetTally;
  /** The events added since, as the plain values needed to replay them. */
  readonly log: SheetEvent[];
  /** The largest count in `base`: counts stay exact while it plus the log's length is safe. */
  readonly maxCount: number;
  /** `base`'s size in rows, leads and notes, for when to rebuild. */
  readonly size: number;
  readonly bucketOf: (atMs: number) => string;
}

interface Version {
  readonly chain: Chain;
  readonly length: number;
  /** The built tally, once a field has been read. */
  built?: SheetTally;
}

/**
 * The private key under which an unread tally from addToSheet keeps its place in its chain: a
 * non-enumerable own property, so JSON, spreading, `Object.keys` and `structuredClone` never see
 * it, and no other code can name it.
 */
const VERSION: unique symbol = Symbol("leadrules.addToSheet");
type Lazy = Record<PropertyKey, unknown> & { [VERSION]?: Version };

const LAZY = ["programs", "page", "leads", "kinds", "notes"] as const;
type LazyKey = (typeof LAZY)[number];

const copyRows = (rows: readonly CounterRow[]): CounterRow[] => rows.map(([k, c]) => [[...k], [...c]]);

function startChain(tally: SheetTally): Chain {
  const base: SheetTally = {
    kind: "firstContactSheet",
    version: 1,
    period: canonicalPeriod(tally.period),
    programs: copyRows(tally.programs),
    page: copyRows(tally.page),
    leads: { ids: [...tally.leads.ids], at: [...tally.leads.at], kind: [...tally.leads.kind] },
    kinds: tally.kinds.map((k) => [...k] as unknown as ContactKind),
    notes: tally.notes.map((n) => [...n] as unknown as NoteRow),
  };
  let maxCount = 0;
  for (const rows of [base.programs, base.page]) {
    for (const [, counts] of rows) for (const n of counts) maxCount = Math.max(maxCount, n);
  }
  return {
    base,
    log: [],
    maxCount,
    size: base.programs.length + base.page.length + base.leads.ids.length + base.notes.length,
    bucketOf: bucketer(base.period),
  };
}

/** The tally of a version: its chain's base merged with the first `length` events of its log. */
function build({ chain, length }: Version): SheetTally {
  const added = tallySheet(chain.log.slice(0, length), chain.base.period).tally;
  // Counts were checked on the way in (see addToSheet), so the merge cannot refuse.
  const built = (mergeSheets(chain.base, added) as { ok: true; value: SheetTally }).value;
  // The merge reuses its inputs' rows and notes; the built tally is handed to the caller as plain,
  // writable data, so nothing in it may be shared with the chain's private base (or a caller's
  // edit of one version would change every unread version of the chain).
  return {
    ...built,
    programs: copyRows(built.programs),
    page: copyRows(built.page),
    leads: { ids: [...built.leads.ids], at: [...built.leads.at], kind: [...built.leads.kind] },
    kinds: built.kinds.map((k) => [...k] as unknown as ContactKind),
    notes: built.notes.map((n) => [...n] as unknown as NoteRow),
  };
}

/** Builds an unread tally's fields and turns them into plain data properties. */
function field(t: Lazy, key: LazyKey): unknown {
  const version = t[VERSION] as Version;
  version.built ??= build(version);
  const built = version.built;
  // A tally frozen before it was read keeps its accessors (and its place in the chain).
  if (Object.getOwnPropertyDescriptor(t, key)?.configurable === true) {
    for (const k of LAZY) {
      Object.defineProperty(t, k, { value: built[k], enumerable: true, configurable: true, writable: true });
    }
    delete t[VERSION];
  }
  return built[key];
}

function assign(t: Lazy, key: LazyKey, value: unknown): void {
  field(t, key);
  Object.defineProperty(t, key, { value, enumerable: true, configurable: true, writable: true });
}

/** A tally whose counted fields are built when first read (then plain data properties). */
function lazyTally(version: Version): SheetTally {
  const period = version.chain.base.period;
  const t: Lazy = {
    kind: "firstContactSheet",
    version: 1,
    period: period === null ? null : { ...period },
    get programs() {
      return field(this, "programs");
    },
    set programs(v) {
      assign(this, "programs", v);
    },
    get page() {
      return field(this, "page");
    },
    set page(v) {
      assign(this, "page", v);
    },
    get leads() {
      return field(this, "leads");
    },
    set leads(v) {
      assign(this, "leads", v);
    },
    get kinds() {
      return field(this, "kinds");
    },
    set kinds(v) {
      assign(this, "kinds", v);
    },
    get notes() {
      return field(this, "notes");
    },
    set notes(v) {
      assign(this, "notes", v);
    },
  };
  Object.defineProperty(t, VERSION, { value: version, configurable: true });
  return t as unknown as SheetTally;
}

/** The event's fields, copied (the caller's object may change later). */
function snapshot(event: SheetEvent, atMs: number): SheetEvent {
  switch (event.type) {
    case "firstContact":
      return event.leadId === undefined
        ? { type: event.type, at: atMs, program: event.program, source: event.source, outcome: event.outcome }
        : {
            type: event.type,
            at: atMs,
            program: event.program,
            source: event.source,
            outcome: event.outcome,
            leadId: event.leadId,
          };
    case "note":
      return { type: event.type, at: atMs, program: event.program, text: event.text };
    case "transferCall":
    case "nonAdmissionsLead":
      return { type: event.type, at: atMs, program: event.program };
    default:
      return { type: event.type, at: atMs };
  }
}

/**
 * Adds one event to a sheet. Amortised O(1) per event, whatever the tally's size: the tally it
 * returns holds the events added since the last tally you read, and builds its counted fields
 * (`programs`, `page`, `leads`, `kinds`, `notes`) the first time one of them is read — then they
 * are plain data, like any tally's. So adding a million events one by one and reading the last
 * tally costs about what {@link tallySheet} of them costs; reading every intermediate tally costs a
 * build each (linear in the tally's size), as any immutable sorted tally must. The first add to a
 * tally that did not come unread from `addToSheet` checks it (linear) and copies it.
 *
 * @param tally - the tally
 * @param event - the event (checked)
 * @returns the new tally, or the rejected event (`index` 0), or the tally's error (`invalidTally`;
 *   `countOverflow` when a count would pass `Number.MAX_SAFE_INTEGER`)
 * @example
 * addToSheet(emptySheet(), { type: "junkCall", at: 0 }).ok; // => true
 */
export function addToSheet(tally: SheetTally, event: SheetEvent): Result<SheetTally, RejectedEvent | TallyError> {
  return guarded((): Result<SheetTally, RejectedEvent | TallyError> => {
    let version =
      typeof tally === "object" && tally !== null && Object.hasOwn(tally, VERSION)
        ? ((tally as unknown as Lazy)[VERSION] as Version)
        : undefined;
    if (version === undefined) {
      const problem = sheetTallyProblem(tally);
      if (problem !== undefined) return err({ code: "invalidTally", message: problem, index: 0 });
      version = { chain: startChain(tally), length: 0 };
    }
    let { chain } = version;
    const problem = eventProblem(event);
    if (problem !== undefined) {
      return err({
        index: 0,
        code: "invalidEvent",
        field: problem[0],
        message: `${problem[0] || "event"} ${problem[1]}`,
      });
    }
    const atMs = toEpochMs(event.at);
    if (!bucketFits(chain.base.period, atMs)) return err(outsideDomain(0, "at"));
    chain.bucketOf(atMs); // warms the chain's bucket cache, so building later is quick
    if (chain.maxCount + version.length + 1 > Number.MAX_SAFE_INTEGER) {
      // Only a base holding counts near 2^53 gets here: add eagerly, so an overflow is refused now.
      const single = tallySheet([event], chain.base.period).tally;
      return mergeSheets(build(version), single);
    }
    if (chain.log.length !== version.length || version.length >= Math.max(1024, chain.size)) {
      if (version.length >= Math.max(1024, chain.size)) {
        // Rebuild around the built tally: the log never outgrows the base.
        chain = startChain(build(version));
      } else {
        // An older version: fork, so the versions already handed out keep their meaning.
        chain = { ...chain, log: chain.log.slice(0, version.length) };
      }
      version = { chain, length: chain.log.length };
    }
    chain.log.push(snapshot(event, atMs));
    return ok(lazyTally({ chain, length: version.length + 1 }));
  }, unreadable);
}

/** One program's section of the sheet. */
export interface ProgramSheet {
  readonly program: string;
  /** Section 1. */
  readonly sources: { readonly [K in Source]: number };
  /** Never entered: the sum of the four sources. */
  readonly totalIncoming: number;
  /** Section 2. */
  readonly outcomes: { readonly [K in Outcome]: number };
  /** Section 3 (outside total incoming). */
  readonly transferCalls: number;
  readonly nonAdmissionsLeads: number;
  readonly notes: readonly string[];
}

/** One sheet: a period's programs, and the page-level junk and missed calls. */
export interface SheetPage {
  /** The period, or `null` for an unbucketed tally. */
  readonly period: Period | null;
  /** The period's name in the tally's zone (`2026-11-23`, `week of 2026-11-23`, `2026-11`), or `""`. */
  readonly label: string;
  /** Programs, sorted by name. */
  readonly programs: readonly ProgramSheet[];
  readonly junkCalls: number;
  readonly missedCalls: number;
}

/**
 * Reads a tally as sheets, one per period, laid out like the playbook's page: per program the
 * four sources, total incoming (derived), the three outcomes, transfers, non-admissions and notes;
 * junk and missed calls for the page.
 *
 * @param tally - the tally (anything else has no pages: read stored tallies with `parseSheetTally`
 *   to learn what is wrong with them)
 * @returns the pages, in period order
 * @example
 * sheetPages(emptySheet()); // => []
 */
export function sheetPages(tally: SheetTally): SheetPage[] {
  return guarded(
    (): SheetPage[] => {
      if (sheetTallyProblem(tally) !== undefined) return [];
      const counts = new Map<string, Map<string, number[]>>();
      const notes = new Map<string, string[]>();
      const slot = (bucket: string, program: string): number[] => {
        let programs = counts.get(bucket);
        if (programs === undefined) {
          programs = new Map();
          counts.set(bucket, programs);
        }
        let row = programs.get(program);
        if (row === undefined) {
          row = new Array<number>(PROGRAM_FIELDS.length).fill(0);
          programs.set(program, row);
        }
        return row;
      };
      for (const [[bucket, program], values] of tally.programs) {
        const row = slot(bucket as string, program as string);
        values.forEach((n, i) => {
          row[i] = (row[i] as number) + n;
        });
      }
      const perKind = new Array<number>(tally.kinds.length).fill(0);
      for (const k of tally.leads.kind) inc(perKind, k);
      tally.kinds.forEach(([bucket, program, source, outcome], k) => {
        const row = slot(bucket, program);
        inc(row, SOURCE_IDS.indexOf(source), perKind[k]);
        inc(row, 4 + OUTCOME_IDS.indexOf(outcome), perKind[k]);
      });
      for (const [bucket, program, , text] of tally.notes) {
        slot(bucket, program);
        const key = JSON.stringify([bucket, program]);
        notes.set(key, [...(notes.get(key) ?? []), text]);
      }
      const pageCounts = new Map(tally.page.map(([[bucket], values]) => [bucket as string, values]));
      for (const bucket of pageCounts.keys()) if (!counts.has(bucket)) counts.set(bucket, new Map());
      return [...counts.keys()].sort().map((bucket) => {
        const programs = [...(counts.get(bucket) as Map<string, number[]>)]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([program, row]): ProgramSheet => {
            const n = (i: number): number => row[i] as number;
            return {
              program,
              sources: { web: n(0), educationConsultant: n(1), mentalHealthProvider: n(2), otherReferral: n(3) },
              totalIncoming: n(0) + n(1) + n(2) + n(3),
              outcomes: { closedOut: n(4), keptOpen: n(5), passedToAdmissions: n(6) },
              transferCalls: n(TRANSFER),
              nonAdmissionsLeads: n(NON_ADMISSIONS),
              notes: notes.get(JSON.stringify([bucket, program])) ?? [],
            };
          });
        const page = pageCounts.get(bucket) ?? [0, 0];
        return {
          period: periodOfBucket(tally.period, bucket),
          label: periodLabel(tally.period, bucket),
          programs,
          junkCalls: page[0] as number,
          missedCalls: page[1] as number,
        };
      });
    },
    () => [],
  );
}
