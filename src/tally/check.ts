import { describeValue } from "../core/describe.js";
import { isName, isText } from "../core/limits.js";
import { isTimeZone, MAX_INSTANT_MS, MIN_INSTANT_MS } from "../core/time.js";

// Stored tallies reach mergeSheets, mergeFigures and the readers straight from hosts' storage.
// This checks one in a single pass, without zod (the tally entry never loads it): the same rules
// as parseSheetTally / parseFigureTally (test/tally/check.test.ts holds the two to agreement), so a
// tally these functions accept is one the parsers read back. Cheap: one look at each value.

const isArray = Array.isArray;
/** A count as tallies store it: a safe, non-negative integer. */
export const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isMs = (v: unknown): boolean => typeof v === "number" && v >= MIN_INSTANT_MS && v <= MAX_INSTANT_MS;
const UNITS = ["day", "isoWeek", "month"];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/**
 * Whether a string can be a bucket of a bucketed tally: `""`, or an instant as tallies write
 * buckets (ISO UTC with milliseconds, years 0000–9999). The readers turn a bucket into its period:
 * anything else (`"\u0000"`) has none.
 */
export const isBucket = (b: unknown): boolean =>
  b === "" || (typeof b === "string" && ISO_UTC.test(b) && isMs(Date.parse(b)));
const BUCKET = 'must be "" or an ISO UTC instant (a period\'s start) in a bucketed tally';

/**
 * The first bucket of a structurally valid tally that is not one, as `[path, message]`, or
 * undefined. Unbucketed tallies (`period: null`) take any string. Shared by the check and the
 * parsers, so the two agree.
 *
 * @param t - a sheet tally, or a figures tally whose key starts with a bucket
 * @returns the path and problem, or undefined
 */
export function bucketProblem(t: {
  readonly period: unknown;
  readonly programs?: readonly (readonly [readonly string[], unknown])[];
  readonly page?: readonly (readonly [readonly string[], unknown])[];
  readonly rows?: readonly (readonly [readonly string[], unknown])[];
  readonly kinds?: readonly (readonly [string, ...unknown[]])[];
  readonly notes?: readonly (readonly [string, ...unknown[]])[];
}): readonly [path: string, message: string] | undefined {
  if (t.period === null) return undefined;
  for (const name of ["programs", "page", "rows"] as const) {
    const rows = t[name] ?? [];
    for (let i = 0; i < rows.length; i++) {
      if (!isBucket((rows[i] as readonly [readonly string[], unknown])[0][0])) return [`${name}.${i}.0.0`, BUCKET];
    }
  }
  for (const name of ["kinds", "notes"] as const) {
    const rows = t[name] ?? [];
    for (let i = 0; i < rows.length; i++) {
      if (!isBucket((rows[i] as readonly [string])[0])) return [`${name}.${i}.0`, BUCKET];
    }
  }
  return undefined;
}
const bucketMessage = (p: readonly [string, string] | undefined): string | undefined =>
  p === undefined ? undefined : `${p[0]} ${p[1]}`;

/** What is wrong with a period spec (`null` is the unbucketed period), or undefined. */
export function periodProblem(period: unknown): string | undefined {
  if (period === null) return undefined;
  if (typeof period !== "object" || isArray(period))
    return `period must be null or { unit, timeZone }, not ${describeValue(period)}`;
  const p = period as Record<string, unknown>;
  if (Object.keys(p).some((k) => k !== "unit" && k !== "timeZone"))
    return "period has a field other than unit and timeZone";
  if (!UNITS.includes(p.unit as string))
    return `period.unit must be day, isoWeek or month, not ${describeValue(p.unit)}`;
  if (!isTimeZone(p.timeZone))
    return `period.timeZone must be an IANA time-zone name, not ${describeValue(p.timeZone)}`;
  return undefined;
}

// Every index, holes included (every() skips the holes of a sparse array, and a hole is not a value).
function all(list: readonly unknown[], test: (value: unknown) => boolean): boolean {
  for (let i = 0; i < list.length; i++) if (!test(list[i])) return false;
  return true;
}

function rowsProblem(rows: unknown, name: string, keyLength: number, width: number): string | undefined {
  if (!isArray(rows)) return `${name} must be an array`;
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    const ok =
      isArray(row) &&
      row.length === 2 &&
      isArray(row[0]) &&
      row[0].length === keyLength &&
      all(row[0], isText) &&
      isArray(row[1]) &&
      row[1].length === width &&
      all(row[1], isCount);
    if (!ok) return `${name}.${i} must be [key of ${keyLength} strings, ${width} counts]`;
  }
  return undefined;
}

const KEYS_SHEET = ["kind", "version", "period", "programs", "page", "leads", "kinds", "notes"];

/**
 * What is wrong with a value as a first-contact sheet tally, or undefined when it is one.
 *
 * @param tally - anything
 * @param fields - the counted fields of a program row and of a page row
 * @param sources - the source ids
 * @param outcomes - the outcome ids
 * @returns a plain-English problem naming the field, or undefined
 */
export function sheetProblem(
  tally: unknown,
  fields: { readonly program: number; readonly page: number },
  sources: readonly string[],
  outcomes: readonly string[],
): string | undefined {
  if (typeof tally !== "object" || tally === null || isArray(tally))
    return `not a sheet tally: ${describeValue(tally)}`;
  const t = tally as Record<string, unknown>;
  if (t.kind !== "firstContactSheet") return `kind must be "firstContactSheet", not ${describeValue(t.kind)}`;
  if (t.version !== 1) return "version must be 1";
  const extra = Object.keys(t).find((k) => !KEYS_SHEET.includes(k));
  if (extra !== undefined) return `${describeValue(extra)} is not a field of a sheet tally`;
  const problem =
    periodProblem(t.period) ??
    rowsProblem(t.programs, "programs", 2, fields.program) ??
    rowsProblem(t.page, "page", 1, fields.page);
  if (problem !== undefined) return problem;
  const kinds = t.kinds;
  if (!isArray(kinds)) return "kinds must be an array";
  for (let i = 0; i < kinds.length; i++) {
    const k: unknown = kinds[i];
    if (
      !isArray(k) ||
      k.length !== 4 ||
      !isText(k[0]) ||
      !isName(k[1]) ||
      !sources.includes(k[2]) ||
      !outcomes.includes(k[3])
    ) {
      return `kinds.${i} must be [bucket, program, source, outcome]`;
    }
  }
  const leads = t.leads;
  if (typeof leads !== "object" || leads === null || isArray(leads)) return "leads must be { ids, at, kind }";
  const { ids, at, kind } = leads as Record<string, unknown>;
  if (Object.keys(leads).length !== 3 || !isArray(ids) || !isArray(at) || !isArray(kind)) {
    return "leads must be { ids, at, kind }, three arrays";
  }
  if (ids.length !== at.length || ids.length !== kind.length)
    return "leads: ids, at and kind must have the same length";
  for (let i = 0; i < ids.length; i++) {
    if (!isName(ids[i])) return `leads.ids.${i} must be a non-empty string`;
    if (!isMs(at[i])) return `leads.at.${i} must be epoch milliseconds within years 0000–9999`;
    if (!isCount(kind[i]) || (kind[i] as number) >= kinds.length) return `leads.kind.${i} must be an index into kinds`;
  }
  const notes = t.notes;
  if (!isArray(notes)) return "notes must be an array";
  for (let i = 0; i < notes.length; i++) {
    const n: unknown = notes[i];
    if (!isArray(n) || n.length !== 4 || !isText(n[0]) || !isName(n[1]) || !isMs(n[2]) || !isText(n[3])) {
      return `notes.${i} must be [bucket, program, at, text]`;
    }
  }
  return bucketMessage(bucketProblem(t as Parameters<typeof bucketProblem>[0]));
}

/**
 * What is wrong with a value as a figures tally of one of the kinds, or undefined.
 *
 * @param tally - anything
 * @param widths - the number of counted fields of each kind
 * @returns a plain-English problem naming the field, or undefined
 */
export function figuresProblem(tally: unknown, widths: Readonly<Record<string, number>>): string | undefined {
  if (typeof tally !== "object" || tally === null || isArray(tally))
    return `not a figures tally: ${describeValue(tally)}`;
  const t = tally as Record<string, unknown>;
  const kind = t.kind;
  if (typeof kind !== "string" || !Object.hasOwn(widths, kind))
    return `kind ${describeValue(kind)} is not a kind of figures`;
  if (t.version !== 1) return "version must be 1";
  if (Object.keys(t).some((k) => !["kind", "version", "period", "rows"].includes(k))) {
    return "a figures tally has only kind, version, period and rows";
  }
  return (
    periodProblem(t.period) ??
    rowsProblem(t.rows, "rows", 2, widths[kind] as number) ??
    // Shift figures are keyed by agent and shift, not by bucket.
    (kind === "shiftFigures" ? undefined : bucketMessage(bucketProblem(t as Parameters<typeof bucketProblem>[0])))
  );
}
