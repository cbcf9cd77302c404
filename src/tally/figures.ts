import type { Period } from "../core/calendar.js";
import { CounterBuilder, type CounterRow, inc, normaliseCounter, unsafeCount } from "../core/counter.js";
import { describeValue } from "../core/describe.js";
import type { DialFacts } from "../core/dial.js";
import { deepFreeze } from "../core/freeze.js";
import { guarded, unreadable } from "../core/guard.js";
import { isName, isText } from "../core/limits.js";
import { err, ok, type Result } from "../core/result.js";
import { type Instant, toEpochMs } from "../core/time.js";
import { figuresProblem } from "./check.js";
import {
  bucketer,
  bucketFits,
  canonicalPeriod,
  outsideDomain,
  type PeriodSpec,
  periodLabel,
  periodOfBucket,
  samePeriod,
} from "./period.js";
import {
  batchProblem,
  type RejectedEvent,
  type TallyError,
  type TallyResult,
  UNREADABLE_EVENT,
  unreadableAt,
} from "./sheet.js";

/** The kinds of counted figures, with the fields each counts (in row order). */
export const FIGURE_FIELDS = /* @__PURE__ */ deepFreeze({
  shiftFigures: ["dials", "dmsReached", "pitched", "leads", "appointments"],
  leadFigures: ["additionalLeads", "additionalLeadsBooked"],
  statusCounts: ["leads"],
} as const);
/** A kind of counted figures. */
export type FigureKind = keyof typeof FIGURE_FIELDS;

/**
 * Counted figures as a mergeable tally: rows `[key, counts]` sorted by key. The key is
 * `[agent, shift]` for shift figures, `[bucket, division]` for lead figures and `[bucket, status]`
 * for status counts.
 */
export interface FigureTally<K extends FigureKind = FigureKind> {
  readonly kind: K;
  readonly version: 1;
  readonly period: PeriodSpec | null;
  readonly rows: readonly CounterRow[];
}

/** A ratio that says so when its denominator is zero, instead of NaN or Infinity. */
export type Ratio =
  | { readonly numerator: number; readonly denominator: number; readonly value: number }
  | { readonly numerator: number; readonly denominator: 0; readonly value: null };

/**
 * A ratio, with `value: null` when the denominator is zero.
 *
 * @param numerator - the top
 * @param denominator - the bottom
 * @returns the ratio
 * @example
 * ratio(1, 0); // => { numerator: 1, denominator: 0, value: null }
 */
export function ratio(numerator: number, denominator: number): Ratio {
  return denominator === 0
    ? { numerator, denominator: 0, value: null }
    : { numerator, denominator, value: numerator / denominator };
}

/**
 * The empty figures tally of a kind: the identity of {@link mergeFigures} for every tally of that
 * kind, whatever its period (a tally with nothing in it has no period). A kind known only at run
 * time (`string`, `unknown`) takes the second signature: a name that is not a kind gets the error
 * value `unknownKind`, never a tally the parser would refuse.
 *
 * @param kind - which figures
 * @returns the empty tally, or an `unknownKind` error for a name that is not a kind
 * @example
 * emptyFigures("shiftFigures").rows; // => []
 * emptyFigures("nope" as unknown); // => { code: "unknownKind", message: "kind must be shiftFigures, leadFigures or statusCounts, not \"nope\"", field: "kind" }
 */
export function emptyFigures<K extends FigureKind>(kind: K): FigureTally<K>;
export function emptyFigures(kind: unknown): FigureTally | TallyError;
export function emptyFigures(kind: unknown): FigureTally | TallyError {
  if (typeof kind !== "string" || !Object.hasOwn(FIGURE_FIELDS, kind)) {
    return {
      code: "unknownKind",
      message: `kind must be shiftFigures, leadFigures or statusCounts, not ${describeValue(kind)}`,
      field: "kind",
    };
  }
  return empty(kind as FigureKind);
}

const empty = <K extends FigureKind>(kind: K): FigureTally<K> => ({ kind, version: 1, period: null, rows: [] });

const WIDTHS: Readonly<Record<string, number>> = /* @__PURE__ */ (() =>
  Object.fromEntries(Object.entries(FIGURE_FIELDS).map(([kind, fields]) => [kind, fields.length])))();

/**
 * Merges figures tallies of one kind, any number of them: counts add up. Associative and
 * commutative, with the empty tally of the kind as identity; tallies with something in them must
 * be bucketed alike. Each argument is checked (a stored tally may have skipped
 * `parseFigureTally`); one sort of all their rows.
 * Counts are refused, not rounded, before they leave the safe integers: a sum past
 * `Number.MAX_SAFE_INTEGER` is the error `countOverflow`, naming the `field` and the row's key.
 *
 * @param tallies - tallies of one kind
 * @returns the merged tally, or a `tallyMismatch` / `invalidTally` / `countOverflow` error
 * @example
 * mergeFigures(emptyFigures("statusCounts"), emptyFigures("shiftFigures")).ok; // => false
 */
export function mergeFigures<K extends FigureKind>(
  ...tallies: readonly FigureTally<K>[]
): Result<FigureTally<K>, TallyError> {
  return guarded((): Result<FigureTally<K>, TallyError> => {
    for (let index = 0; index < tallies.length; index++) {
      const problem = figuresProblem(tallies[index], WIDTHS);
      if (problem !== undefined) return err({ code: "invalidTally", message: `tally ${index}: ${problem}`, index });
    }
    const first = tallies[0];
    if (first === undefined)
      return err({
        code: "invalidTally",
        message: "nothing to merge: give at least one tally (emptyFigures(kind) for none)",
      });
    const mixed = tallies.find((t) => t.kind !== first.kind);
    if (mixed !== undefined)
      return err({ code: "tallyMismatch", message: `cannot merge ${first.kind} with ${mixed.kind}` });
    const full = tallies.filter((t) => t.rows.length > 0);
    const lead = full[0];
    if (lead === undefined) return ok(empty(first.kind));
    if (!full.every((t) => samePeriod(t.period, lead.period))) {
      return err({ code: "tallyMismatch", message: "the tallies are bucketed by different periods or time zones" });
    }
    const rows = normaliseCounter(full.flatMap((t) => t.rows));
    const overflow = countOverflow(rows, FIGURE_FIELDS[first.kind]);
    if (overflow !== undefined) return err(overflow);
    return ok({ kind: first.kind, version: 1, period: canonicalPeriod(lead.period), rows });
  }, unreadable);
}

/**
 * The `countOverflow` refusal of merged rows holding a count past `Number.MAX_SAFE_INTEGER`, or
 * undefined when every count is exact.
 *
 * @param rows - merged counter rows
 * @param fields - the names of their counted fields
 * @returns the error naming the field and the row's key, or undefined
 */
export function countOverflow(rows: readonly CounterRow[], fields: readonly string[]): TallyError | undefined {
  const at = unsafeCount(rows);
  if (at === undefined) return undefined;
  const field = fields[at.field] as string;
  return {
    code: "countOverflow",
    message: `${field} of ${JSON.stringify(at.key)} would pass Number.MAX_SAFE_INTEGER: refused rather than rounded`,
    field,
  };
}

const isFlag = (v: unknown): v is boolean => typeof v === "boolean";

function collect<E, K extends FigureKind>(
  kind: K,
  period: PeriodSpec | null,
  items: readonly E[],
  problem: (item: E) => readonly [string, string] | undefined,
  count: (item: E, builder: CounterBuilder, bucketOf: (ms: number) => string) => void,
  timeOf?: (item: E) => { readonly field: string; readonly at: unknown },
): TallyResult<FigureTally<K>> {
  const refused = batchProblem(items, period);
  if (refused !== undefined) return { tally: empty(kind), rejected: refused };
  const builder = new CounterBuilder(FIGURE_FIELDS[kind].length);
  const spec = canonicalPeriod(period);
  const bucketOf = bucketer(spec);
  const rejected: RejectedEvent[] = [];
  // A plain loop, not forEach: a hole in a sparse array is an item too (rejected, not skipped).
  for (let index = 0; index < items.length; index++) {
    let item: E;
    let p: readonly [string, string] | undefined;
    let time: { readonly field: string; readonly at: unknown } | undefined;
    // Each item is read on its own: one that throws when read is listed as unreadable at its
    // index, and the rest of the batch is still counted.
    try {
      item = items[index] as E;
      p = typeof item === "object" && item !== null ? problem(item) : (["", "must be an object"] as const);
      time = p === undefined && timeOf !== undefined ? timeOf(item) : undefined;
    } catch {
      rejected.push(unreadableAt(index));
      continue;
    }
    if (time !== undefined && !bucketFits(spec, toEpochMs(time.at))) rejected.push(outsideDomain(index, time.field));
    else if (p === undefined) count(item, builder, bucketOf);
    else rejected.push({ index, code: "invalidEvent", field: p[0], message: `${p[0] || "event"} ${p[1]}` });
  }
  const rows = builder.rows();
  return { tally: rows.length === 0 ? empty(kind) : { kind, version: 1, period: spec, rows }, rejected };
}

/**
 * Tallies call-campaign shift figures: every fact is one dial, counted per agent and shift.
 *
 * @param calls - per-dial facts (each is checked)
 * @returns the tally and the rejected facts
 * @example
 * tallyShifts([{ agent: "ann", shift: "2026-11-23 am", dmReached: true, pitched: true, lead: false, appointment: true }]).tally.rows;
 * // => [[["ann", "2026-11-23 am"], [1, 1, 1, 0, 1]]]
 */
export function tallyShifts(calls: readonly DialFacts[]): TallyResult<FigureTally<"shiftFigures">> {
  return guarded(
    (): TallyResult<FigureTally<"shiftFigures">> => {
      return collect(
        "shiftFigures",
        null,
        calls,
        (c) => {
          if (!isName(c.agent)) return ["agent", "must be a non-empty string"];
          if (!isName(c.shift)) return ["shift", "must be a non-empty string"];
          for (const f of ["dmReached", "pitched", "lead", "appointment"] as const) {
            if (!isFlag(c[f])) return [f, "must be true or false"];
          }
          return undefined;
        },
        (c, builder) => {
          const row = builder.at2(c.agent, c.shift);
          inc(row, 0);
          if (c.dmReached) inc(row, 1);
          if (c.pitched) inc(row, 2);
          if (c.lead) inc(row, 3);
          if (c.appointment) inc(row, 4);
        },
      );
    },
    () => ({ tally: emptyFigures("shiftFigures"), rejected: [UNREADABLE_EVENT] }),
  );
}

/** One agent's figures for one shift. */
export interface ShiftFigures {
  readonly agent: string;
  readonly shift: string;
  readonly dials: number;
  readonly dmsReached: number;
  readonly pitched: number;
  readonly leads: number;
  readonly appointments: number;
  /** Appointments ÷ DMs pitched. */
  readonly closingRatio: Ratio;
}

/**
 * Reads shift figures, with the closing ratio (appointments ÷ DMs pitched).
 *
 * @param tally - a shift figures tally (anything else has no rows: read stored tallies with
 *   `parseFigureTally` to learn what is wrong with them)
 * @returns one entry per agent and shift, sorted
 * @example
 * shiftFigures(emptyFigures("shiftFigures")); // => []
 */
export function shiftFigures(tally: FigureTally<"shiftFigures">): ShiftFigures[] {
  return guarded(
    (): ShiftFigures[] => {
      if (figuresProblem(tally, WIDTHS) !== undefined || tally.kind !== "shiftFigures") return [];
      return tally.rows.map(([[agent, shift], [dials, dmsReached, pitched, leads, appointments]]) => ({
        agent: agent as string,
        shift: shift as string,
        dials: dials as number,
        dmsReached: dmsReached as number,
        pitched: pitched as number,
        leads: leads as number,
        appointments: appointments as number,
        closingRatio: ratio(appointments as number, pitched as number),
      }));
    },
    () => [],
  );
}

/** A lead, as lead figures need it: its division (`""` for the top level), creation and whether it is booked. */
export interface LeadFact {
  readonly division: string;
  readonly createdAt: Instant;
  readonly booked: boolean;
}

/**
 * Tallies Additional Leads and Additional Leads Booked by division and period (the period of the
 * lead's creation). Give one fact per lead.
 *
 * @param leads - one fact per lead (each is checked)
 * @param period - the periods, e.g. months in the practice's zone
 * @returns the tally and the rejected facts
 * @example
 * tallyLeadFigures([{ division: "", createdAt: 0, booked: true }], { unit: "month", timeZone: "UTC" }).tally.rows;
 * // => [[["1970-01-01T00:00:00.000Z", ""], [1, 1]]]
 */
export function tallyLeadFigures(
  leads: readonly LeadFact[],
  period: PeriodSpec,
): TallyResult<FigureTally<"leadFigures">> {
  return guarded(
    (): TallyResult<FigureTally<"leadFigures">> => {
      return collect(
        "leadFigures",
        period,
        leads,
        (l) => {
          if (!isText(l.division)) return ["division", 'must be a string ("" for the top level)'];
          if (Number.isNaN(toEpochMs(l.createdAt))) return ["createdAt", "must be a valid instant"];
          return isFlag(l.booked) ? undefined : ["booked", "must be true or false"];
        },
        (l, builder, bucketOf) => {
          const row = builder.at2(bucketOf(toEpochMs(l.createdAt)), l.division);
          inc(row, 0);
          if (l.booked) inc(row, 1);
        },
        (l) => ({ field: "createdAt", at: l.createdAt }),
      );
    },
    () => ({ tally: emptyFigures("leadFigures"), rejected: [UNREADABLE_EVENT] }),
  );
}

/** A lead's status at an instant, for counts per status. */
export interface StatusFact {
  readonly status: string;
  readonly at: Instant;
}

/**
 * Counts leads per status (and per period of `at`, when a period is given).
 *
 * @param facts - one fact per lead (each is checked)
 * @param period - how to bucket (default: one bucket)
 * @returns the tally and the rejected facts
 * @example
 * tallyStatuses([{ status: "cold", at: 0 }, { status: "cold", at: 1 }]).tally.rows; // => [[["", "cold"], [2]]]
 */
export function tallyStatuses(
  facts: readonly StatusFact[],
  period: PeriodSpec | null = null,
): TallyResult<FigureTally<"statusCounts">> {
  return guarded(
    (): TallyResult<FigureTally<"statusCounts">> => {
      return collect(
        "statusCounts",
        period,
        facts,
        (f) => {
          if (!isName(f.status)) return ["status", "must be a non-empty string"];
          return Number.isNaN(toEpochMs(f.at)) ? ["at", "must be a valid instant"] : undefined;
        },
        (f, builder, bucketOf) => {
          inc(builder.at2(bucketOf(toEpochMs(f.at)), f.status), 0);
        },
        (f) => ({ field: "at", at: f.at }),
      );
    },
    () => ({ tally: emptyFigures("statusCounts"), rejected: [UNREADABLE_EVENT] }),
  );
}

/** One row of lead figures or status counts, with its period. */
export interface PeriodFigures {
  readonly period: Period | null;
  /** The period's name in the tally's zone (`2026-11-23`, `week of 2026-11-23`, `2026-11`), or `""`, as on sheet pages. */
  readonly label: string;
  /** The division (lead figures) or the status (status counts). */
  readonly key: string;
  readonly counts: { readonly [field: string]: number };
}

/**
 * Reads lead figures or status counts as rows with their periods.
 *
 * @param tally - a lead figures or status counts tally (anything else has no rows)
 * @returns one entry per period and key, sorted
 * @example
 * periodFigures(tallyStatuses([{ status: "sold", at: 0 }]).tally); // => [{ period: null, label: "", key: "sold", counts: { leads: 1 } }]
 */
export function periodFigures(tally: FigureTally<"leadFigures" | "statusCounts">): PeriodFigures[] {
  return guarded(
    (): PeriodFigures[] => {
      if (figuresProblem(tally, WIDTHS) !== undefined || (tally.kind as string) === "shiftFigures") return [];
      const fields = FIGURE_FIELDS[tally.kind] as readonly string[];
      return tally.rows.map(([[bucket, key], values]) => ({
        period: periodOfBucket(tally.period, bucket as string),
        label: periodLabel(tally.period, bucket as string),
        key: key as string,
        counts: Object.fromEntries(fields.map((f, i) => [f, values[i] as number])),
      }));
    },
    () => [],
  );
}
