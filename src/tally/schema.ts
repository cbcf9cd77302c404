import * as z from "zod/mini";
import { normaliseCounter, unsafeCount } from "../core/counter.js";
import type { DialFacts } from "../core/dial.js";
import { err, type InvalidInput, invalidInput, type Result } from "../core/result.js";
import { instantSchema, lazy, parseWith } from "../core/schema.js";
import { isTimeZone, MAX_INSTANT_MS, MIN_INSTANT_MS } from "../core/time.js";
import { bucketProblem } from "./check.js";
import { FIGURE_FIELDS, type FigureTally } from "./figures.js";
import {
  compareNotes,
  mergeLeads,
  OUTCOMES,
  PAGE_FIELDS,
  PROGRAM_FIELDS,
  type SheetEvent,
  type SheetTally,
  SOURCES,
} from "./sheet.js";

const text = () => z.string().check(z.minLength(1));

// Rows listed twice are summed when read: a sum past Number.MAX_SAFE_INTEGER is refused, not
// stored inexactly.
const overflowIssue = (rows: Parameters<typeof unsafeCount>[0], name: string, fields: readonly string[]) => {
  const at = unsafeCount(rows);
  return at === undefined
    ? undefined
    : {
        path: name,
        message: `${fields[at.field]} of ${JSON.stringify(at.key)} sums past Number.MAX_SAFE_INTEGER (countOverflow)`,
      };
};

const schemas = /* @__PURE__ */ lazy(() => {
  const at = instantSchema();
  const source = z.enum(Object.keys(SOURCES) as [keyof typeof SOURCES]);
  const outcome = z.enum(Object.keys(OUTCOMES) as [keyof typeof OUTCOMES]);
  const event = z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("firstContact"),
      at,
      program: text(),
      source,
      outcome,
      leadId: z.optional(text()),
    }),
    z.strictObject({ type: z.literal("transferCall"), at, program: text() }),
    z.strictObject({ type: z.literal("nonAdmissionsLead"), at, program: text() }),
    z.strictObject({ type: z.literal("note"), at, program: text(), text: z.string() }),
    z.strictObject({ type: z.literal("junkCall"), at }),
    z.strictObject({ type: z.literal("missedCall"), at }),
  ]);
  const period = z.nullable(
    z.strictObject({
      unit: z.enum(["day", "isoWeek", "month"]),
      timeZone: z
        .string()
        .check(z.refine(isTimeZone, { message: 'must be an IANA time-zone name such as "Europe/London"' })),
    }),
  );
  const count = z.int().check(z.minimum(0));
  const rows = (keyLength: number, width: number) =>
    z.array(z.tuple([z.array(z.string()).check(z.length(keyLength)), z.array(count).check(z.length(width))]));
  const ms = z.number().check(
    z.refine((v) => v >= MIN_INSTANT_MS && v <= MAX_INSTANT_MS, {
      message: "must be epoch milliseconds within years 0000–9999",
    }),
  );
  const sheet = z
    .strictObject({
      kind: z.literal("firstContactSheet"),
      version: z.literal(1, { message: "unsupported version: this version of leadrules reads version 1" }),
      period,
      programs: rows(2, PROGRAM_FIELDS.length),
      page: rows(1, PAGE_FIELDS.length),
      leads: z
        .strictObject({ ids: z.array(text()), at: z.array(ms), kind: z.array(z.int().check(z.minimum(0))) })
        .check(
          z.refine((l) => l.ids.length === l.at.length && l.ids.length === l.kind.length, {
            message: "ids, at and kind must have the same length",
          }),
        ),
      kinds: z.array(z.tuple([z.string(), text(), source, outcome])),
      notes: z.array(z.tuple([z.string(), text(), ms, z.string()])),
    })
    .check(
      z.refine((t) => t.leads.kind.every((k) => k < t.kinds.length), {
        message: "every lead's kind must be an index into kinds",
        path: ["leads", "kind"],
      }),
    );
  const figures = z.discriminatedUnion("kind", [
    ...(Object.keys(FIGURE_FIELDS) as (keyof typeof FIGURE_FIELDS)[]).map((kind) =>
      z.strictObject({
        kind: z.literal(kind),
        version: z.literal(1, { message: "unsupported version: this version of leadrules reads version 1" }),
        period,
        rows: rows(2, FIGURE_FIELDS[kind].length),
      }),
    ),
  ] as unknown as [z.ZodMiniObject]);
  const flag = z.boolean();
  const dial = z.strictObject({
    agent: text(),
    shift: text(),
    dmReached: flag,
    pitched: flag,
    lead: flag,
    appointment: flag,
  });
  return { event, sheet, figures, dial };
});

/**
 * Reads a sheet event from outside. Instants are normalised to ISO UTC; every issue is listed.
 *
 * @param input - untrusted input
 * @returns the event, or an error value naming each bad field
 * @example
 * parseSheetEvent({ type: "firstContact", at: 0, program: "Ridge", source: "tv", outcome: "keptOpen" }).ok; // => false
 */
export function parseSheetEvent(input: unknown): Result<SheetEvent, InvalidInput> {
  return parseWith(schemas().event, "sheet event", input) as Result<SheetEvent, InvalidInput>;
}

/**
 * Reads a stored first-contact sheet tally (from JSON). Rows are put back in order; a lead listed
 * twice keeps its earliest contact; kinds no lead uses are dropped.
 *
 * @param input - untrusted input
 * @returns the tally, or an error value naming each bad field
 * @example
 * parseSheetTally({ kind: "firstContactSheet", version: 1, period: null, programs: [], page: [], leads: { ids: [], at: [], kind: [] }, kinds: [], notes: [] }).ok; // => true
 */
export function parseSheetTally(input: unknown): Result<SheetTally, InvalidInput> {
  const parsed = parseWith(schemas().sheet, "sheet tally", input);
  if (!parsed.ok) return parsed;
  const t = parsed.value as unknown as SheetTally;
  const bucket = bucketProblem(t);
  if (bucket !== undefined) return err(invalidInput("sheet tally", [{ path: bucket[0], message: bucket[1] }]));
  const programs = normaliseCounter(t.programs);
  const page = normaliseCounter(t.page);
  const overflow = overflowIssue(programs, "programs", PROGRAM_FIELDS) ?? overflowIssue(page, "page", PAGE_FIELDS);
  if (overflow !== undefined) return err(invalidInput("sheet tally", [overflow]));
  return {
    ok: true,
    value: { ...t, programs, page, ...mergeLeads(t), notes: [...t.notes].sort(compareNotes) },
  };
}

/**
 * Reads a stored figures tally (shift figures, lead figures or status counts).
 *
 * @param input - untrusted input
 * @returns the tally, or an error value naming each bad field
 * @example
 * parseFigureTally({ kind: "statusCounts", version: 1, period: null, rows: [[["", "sold"], [3]]] }).ok; // => true
 */
export function parseFigureTally(input: unknown): Result<FigureTally, InvalidInput> {
  const parsed = parseWith(schemas().figures, "figures tally", input);
  if (!parsed.ok) return parsed;
  const t = parsed.value as unknown as FigureTally;
  const bucket = t.kind === "shiftFigures" ? undefined : bucketProblem(t);
  if (bucket !== undefined) return err(invalidInput("figures tally", [{ path: bucket[0], message: bucket[1] }]));
  const rows = normaliseCounter(t.rows);
  const overflow = overflowIssue(rows, "rows", FIGURE_FIELDS[t.kind]);
  if (overflow !== undefined) return err(invalidInput("figures tally", [overflow]));
  return { ok: true, value: { ...t, rows } };
}

/**
 * Reads one dial's facts from outside (a queue, a webhook), as `tallyShifts` counts them. Every
 * issue is listed. (`tallyShifts` also checks each fact itself, so a batch never throws.)
 *
 * @param input - untrusted input
 * @returns the facts, or an error value naming each bad field
 * @example
 * parseDialFacts({ agent: "ann", shift: "2026-11-23 am", dmReached: true, pitched: true, lead: true, appointment: false }).ok; // => true
 */
export function parseDialFacts(input: unknown): Result<DialFacts, InvalidInput> {
  return parseWith(schemas().dial, "dial facts", input) as Result<DialFacts, InvalidInput>;
}

/** The zod schemas behind the parsers; internal (not exported by the package), read by scripts/schemas.ts. */
export { schemas as tallySchemas };
