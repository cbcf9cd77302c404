// The README's "Bad input" contract, checked on the built package (dist/, ESM and CJS; `npm test`
// builds before vitest runs): every function of every entry, and every method of every lifecycle
// they export, is called with valid arguments in which one hostile value is planted at one path —
// every path of every argument, in turn, for every hostile value below (JSON values, and values
// JSON cannot hold: Symbol, BigInt, null-prototype objects, Proxies, throwing getters, cycles).
// A call passes when it returns (0 throws), and when every state and tally in what it returns —
// not a value the caller handed in and got back unchanged — is read back by its parser (0
// unreadable outputs). The last-resort guard's answers (`unreadable`) are counted and printed.
// Valid arguments come from the testing kit with the fixed seed (test/setup.ts), `runs(1)` of each.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardCatches } from "../src/core/guard.js";
import { hubSpotSignatureV3 } from "../src/hubspot/signature.js";
import { runs } from "./setup.js";

type Module = Record<string, unknown>;
type Fn = (...args: unknown[]) => unknown;

// A HubSpot webhook change, and a request carrying it signed as HubSpot signs it (v3, at the fuzz's
// `later`), so that hostile values in the records, mappers and batch reach planHubSpotWebhook's
// planner: an unsigned request stops at its 401.
const HUB_CHANGE = {
  eventId: 1,
  subscriptionId: 2,
  portalId: 3,
  occurredAt: 1_764_000_000_000,
  subscriptionType: "deal.propertyChange",
  attemptNumber: 0,
  objectId: 4,
  propertyName: "contact_ratio",
  propertyValue: "1 month",
};
const HUB_REQUEST = {
  method: "POST",
  uri: "https://example.com/a",
  body: JSON.stringify([HUB_CHANGE]),
  timestamp: String(Date.parse("2026-12-23T09:00:00.000Z")),
};
const HUB_SIGNED = await hubSpotSignatureV3({ ...HUB_REQUEST, signature: null }, "secret");
if (!HUB_SIGNED.ok) throw new Error("the fuzz's webhook fixture could not be signed");
const HUB_SIGNATURE = HUB_SIGNED.value;

const ENTRIES = {
  leadrules: "index",
  "leadrules/lead-status": "lead-status/index",
  "leadrules/lead-status/reports": "lead-status/reports",
  "leadrules/client-hub": "client-hub/index",
  "leadrules/call-result": "call-result/index",
  "leadrules/tally": "tally/index",
  "leadrules/hubspot": "hubspot/index",
  "leadrules/cliniko": "cliniko/index",
  "leadrules/parse": "parse/index",
  "leadrules/testing": "testing/index",
  "leadrules/schemas": "schemas/index",
} as const;

const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

async function load(format: "esm" | "cjs" | "src"): Promise<Record<string, Module>> {
  if (format === "src") {
    const out: Record<string, Module> = {};
    for (const [entry, file] of Object.entries(ENTRIES)) {
      out[entry] = (await import(fileURLToPath(new URL(`../src/${file}.ts`, import.meta.url)))) as Module;
    }
    return out;
  }
  if (!existsSync(dist("index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const require = createRequire(import.meta.url);
  const out: Record<string, Module> = {};
  for (const [entry, file] of Object.entries(ENTRIES)) {
    out[entry] = (format === "esm" ? await import(dist(`${file}.js`)) : require(dist(`${file}.cjs`))) as Module;
  }
  return out;
}

/** Every callable of a module: its functions, and the methods of each lifecycle it exports. */
function callables(module: Module): [string, Fn][] {
  const out: [string, Fn][] = [];
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === "function") out.push([name, value as Fn]);
    else if (typeof value === "object" && value !== null && "transition" in value) {
      for (const [method, fn] of Object.entries(value)) {
        if (typeof fn === "function") out.push([`${name}.${method}`, (fn as Fn).bind(value)]);
      }
    }
  }
  return out;
}

/** Hostile values, each made fresh (a planted cycle or getter must not leak into the next call). */
function hostiles(): [string, () => unknown][] {
  const thrower = (): never => {
    throw new Error("boom");
  };
  return [
    ["null", () => null],
    ["undefined", () => undefined],
    ['""', () => ""],
    ["0", () => 0],
    ["-1", () => -1],
    ["1e308", () => 1e308],
    ["8.64e15", () => 8.64e15],
    ["MAX_SAFE_INTEGER", () => Number.MAX_SAFE_INTEGER],
    ["true", () => true],
    ['"\\u0000"', () => "\u0000"],
    ['"__proto__"', () => "__proto__"],
    ["20,000 characters", () => "x".repeat(20_000)],
    ["{}", () => ({})],
    ["[]", () => []],
    ["[[[[[[[[]]]]]]]]", () => [[[[[[[[]]]]]]]]],
    ['"2026-02-30T10:00:00Z"', () => "2026-02-30T10:00:00Z"],
    ["NaN", () => Number.NaN],
    ["Symbol", () => Symbol("s")],
    ["BigInt", () => 10n],
    ["function", () => () => 1],
    ["null prototype", () => Object.create(null)],
    [
      "cycle",
      () => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return o;
      },
    ],
    [
      "Proxy that throws",
      () => new Proxy({}, { get: thrower, ownKeys: thrower, has: thrower, getPrototypeOf: thrower }),
    ],
    ["getter that throws", () => Object.defineProperty({}, "status", { get: thrower, enumerable: true })],
    ["Date", () => new Date(0)],
  ];
}

type Path = readonly (string | number)[];

/** Every path into the arguments (objects and arrays, depth ≤ 6, at most `max` per argument list). */
function paths(args: readonly unknown[], max = 160): Path[] {
  const out: Path[] = [];
  const walk = (value: unknown, path: Path, depth: number): void => {
    out.push(path);
    if (typeof value !== "object" || value === null || depth >= 6 || out.length >= max) return;
    for (const key of Object.keys(value)) {
      if (out.length >= max) return;
      walk((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    }
  };
  args.forEach((arg, i) => {
    walk(arg, [i], 0);
  });
  return out;
}

/** A deep copy of plain data (functions, frozen lifecycles and campaigns kept by reference). */
function copy(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copy);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
}

function plant(args: readonly unknown[], path: Path, bad: unknown): unknown[] {
  const out = args.map(copy);
  if (path.length === 1) {
    out[path[0] as number] = bad;
    return out;
  }
  let parent = out as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (typeof next !== "object" || next === null) return out;
    if (Object.isFrozen(next)) {
      parent[key] = Array.isArray(next) ? [...next] : { ...next };
    }
    parent = parent[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (bad === undefined) delete parent[last];
  else parent[last] = bad;
  return out;
}

/** Every object reachable from a value (the caller's own objects, handed back unchanged, are skipped). */
function reachable(value: unknown, into = new Set<object>(), depth = 0): Set<object> {
  if (typeof value !== "object" || value === null || into.has(value) || depth > 40) return into;
  into.add(value);
  if (isProxyLike(value)) return into;
  try {
    for (const key of Object.keys(value)) reachable((value as Record<string, unknown>)[key], into, depth + 1);
  } catch {
    // a Proxy or a getter: nothing of it is ours to check
  }
  return into;
}
const proxies = new WeakSet<object>();
const isProxyLike = (value: object): boolean => proxies.has(value);

interface Tally {
  calls: number;
  planted: number;
  paths: number;
  jsonGuardHits: string[];
  pending: Promise<void>[];
  throws: string[];
  unreadable: string[];
  guardHits: number;
  outputsRead: number;
  /** The guard's count of the exceptions it answered (src only: core/guard is internal). */
  catches: (() => number) | undefined;
}

describe("the contract on the built package: a hostile value at every path of valid arguments", () => {
  // The source too (where coverage is measured), then the two builds a host loads.
  for (const format of ["src", "esm", "cjs"] as const) {
    it(`${format}: every export of every entry; 0 throws, 0 unreadable outputs`, async () => {
      const lib = await load(format);
      const root = lib.leadrules as Module;
      const parse = lib["leadrules/parse"] as Module;
      const kit = lib["leadrules/testing"] as Module;
      const hub = lib["leadrules/hubspot"] as Module;
      const fixtures = buildFixtures(root, kit, hub);
      const readers = buildReaders(root, parse);
      const tally: Tally = {
        calls: 0,
        planted: 0,
        paths: 0,
        jsonGuardHits: [],
        pending: [],
        throws: [],
        unreadable: [],
        guardHits: 0,
        outputsRead: 0,
        catches: format === "src" ? guardCatches : undefined,
      };
      const seen = new Set<string>();
      const noFixture: string[] = [];
      const bad = [
        ...hostiles(),
        ...fc
          .sample(fc.jsonValue({ maxDepth: 2 }), { numRuns: runs(3), seed: 7 })
          .map((v, i): [string, () => unknown] => [`fc.jsonValue #${i}`, () => structuredClone(v)]),
      ];
      for (const [entry, module] of Object.entries(lib)) {
        for (const [name, fn] of callables(module)) {
          seen.add(name);
          const lists = fixtures[name];
          if (lists === undefined) noFixture.push(`${entry}: ${name}`);
          const argLists = lists?.() ?? [[]];
          // A fixture list that came out empty would test nothing: say so (it fails below).
          if (lists !== undefined && argLists.length === 0) noFixture.push(`${entry}: ${name} (fixture list empty)`);
          for (const args of argLists) {
            // The valid call itself first: its outputs obey the round-trip law too.
            check(tally, readers, `${entry} ${name} (valid arguments)`, fn, args.map(copy), name, true);
            for (const path of paths(args)) {
              tally.paths++;
              for (const [label, make] of bad) {
                const value = make();
                if (label === "Proxy that throws") proxies.add(value as object);
                const call = plant(args, path, value);
                tally.planted++;
                const json = !NOT_JSON.has(label);
                check(tally, readers, `${entry} ${name} at ${path.join(".")} = ${label}`, fn, call, name, json);
              }
            }
          }
        }
      }
      await Promise.all(tally.pending);
      console.log(
        `deep fuzz (${format}): ${tally.calls} calls, ${tally.paths} paths × ${bad.length} hostile values = ` +
          `${tally.planted} plantings, ${seen.size} callables, ` +
          `${tally.outputsRead} states and tallies read back, throws ${tally.throws.length}, ` +
          `unreadable outputs ${tally.unreadable.length}, guard hits ${tally.guardHits} ` +
          `(of which on JSON values: ${tally.jsonGuardHits.length})` +
          (noFixture.length > 0 ? `; whole arguments only (no valid fixture): ${noFixture.join(", ")}` : ""),
      );
      const summary = (list: string[]): string[] => {
        const byKind = new Map<string, string>();
        for (const line of list) byKind.set(line.split(" at ")[0] as string, line);
        return [...byKind.values()].slice(0, 200);
      };
      expect(summary(tally.unreadable)).toEqual([]);
      expect(summary(tally.jsonGuardHits)).toEqual([]);
      expect(summary(tally.throws)).toEqual([]);
      expect(noFixture).toEqual([]);
      // The figure docs/contract.md states is this run's: a callable added or removed fails here.
      const stated = /— (\d+) callables —/.exec(readFileSync(new URL("../docs/contract.md", import.meta.url), "utf8"));
      expect(Number(stated?.[1]), "docs/contract.md's count of callables").toBe(seen.size);
    });
  }
});

// Definition-time builders and the testing kit throw by design (documented `@throws`: a TypeError
// or RangeError naming the option; `checkAdapter`, a test helper, rejects with what it finds); any
// other throw or rejection is a failure.
const THROWS_BY_DESIGN =
  /^(build(Consultation|Booking|ClientHub|CallRecord)|consultationEvent|consultationState|consultationLog|bookingEvent|bookingState|bookingLog|clientHubEvent|clientHubRecord|clientHubLog|callRecordState|callRecordLog|callFacts|loggedCall|campaignInput|dialFacts|instant|invalidInput|newClientHubRecord|newLead|sheetEvent|(consultation|booking|clientHub|callRecord)Commands|checkAdapter)$/;

// The hostile values JSON cannot hold (any other is one a database row or a webhook body can carry).
const NOT_JSON = new Set([
  "undefined",
  "NaN",
  "Symbol",
  "BigInt",
  "function",
  "null prototype",
  "cycle",
  "Proxy that throws",
  "getter that throws",
  "Date",
]);

function check(
  tally: Tally,
  readers: Readers,
  where: string,
  fn: Fn,
  args: unknown[],
  name: string,
  json: boolean,
): void {
  tally.calls++;
  let out: unknown;
  const before = tally.catches?.();
  try {
    out = fn(...args);
    // A JSON value must be answered by a check, never by the guard catching an exception (the
    // guard's fallback may look like any empty answer, so its own count is what is read).
    if (json && before !== undefined && tally.catches?.() !== before) tally.jsonGuardHits.push(`${where} (caught)`);
  } catch (error) {
    const by = THROWS_BY_DESIGN.test(name) && (error instanceof TypeError || error instanceof RangeError);
    if (!by) tally.throws.push(`${where}: ${String((error as Error)?.message ?? error).slice(0, 120)}`);
    return;
  }
  if (out instanceof Promise) {
    tally.pending.push(
      out.then(
        (value) => inspect(tally, readers, where, args, value, json),
        (error) => {
          const by = THROWS_BY_DESIGN.test(name) && (error instanceof TypeError || error instanceof RangeError);
          if (!by) tally.throws.push(`${where}: rejected: ${String((error as Error)?.message ?? error).slice(0, 120)}`);
        },
      ),
    );
    return;
  }
  inspect(tally, readers, where, args, out, json);
}

function inspect(tally: Tally, readers: Readers, where: string, args: unknown[], out: unknown, json: boolean): void {
  const mine = reachable(args);
  const visit = (value: unknown, depth: number): void => {
    if (typeof value !== "object" || value === null || depth > 6 || mine.has(value)) return;
    const record = value as Record<string, unknown>;
    if (record.code === "unreadable") {
      tally.guardHits++;
      if (json) tally.jsonGuardHits.push(where);
    }
    const reader = readerOf(readers, record);
    if (reader !== undefined) {
      tally.outputsRead++;
      let read: { ok: boolean; error?: { message?: string } };
      try {
        read = reader(record) as typeof read;
      } catch (error) {
        tally.throws.push(`${where}: reading the output threw: ${String((error as Error)?.message).slice(0, 120)}`);
        return;
      }
      if (!read.ok) tally.unreadable.push(`${where}: ${read.error?.message?.slice(0, 160)}`);
      return;
    }
    for (const key of Object.keys(record)) visit(record[key], depth + 1);
  };
  try {
    visit(out, 0);
  } catch (error) {
    tally.throws.push(`${where}: reading the output threw: ${String((error as Error)?.message).slice(0, 120)}`);
  }
}

type Reader = (value: unknown) => unknown;
type Readers = Record<string, Reader>;

function buildReaders(root: Module, parse: Module): Readers {
  const p = parse as Record<string, Fn>;
  const hub = root.clientHub as { options: unknown };
  return {
    consultation: (v) => (p.parseConsultationState as Reader)(v),
    booking: (v) => (p.parseBookingState as Reader)(v),
    clientHub: (v) => (p.parseClientHubRecord as Fn)(v, hub.options),
    callRecord: (v) => (p.parseCallRecord as Reader)(v),
    firstContactSheet: (v) => (p.parseSheetTally as Reader)(v),
    figures: (v) => (p.parseFigureTally as Reader)(v),
  };
}

function readerOf(readers: Readers, value: Record<string, unknown>): Reader | undefined {
  if (typeof value.lifecycle === "string" && "schemaVersion" in value) return readers[value.lifecycle];
  if (value.version === 1 && value.kind === "firstContactSheet") return readers.firstContactSheet;
  if (value.version === 1 && typeof value.kind === "string" && "rows" in value) return readers.figures;
  return undefined;
}

/** Valid argument lists for every callable, by name (built inside the test). */
function buildFixtures(root: Module, kit: Module, hub: Module): Record<string, () => unknown[][]> {
  const sample = <T>(arb: unknown, n = runs(1)): T[] => fc.sample(arb as fc.Arbitrary<T>, { numRuns: n, seed: 42 });
  const k = kit as Record<string, (o?: unknown) => unknown>;
  const r = root as Record<string, Fn>;
  const call = (name: string, ...args: unknown[]): unknown => (r[name] as Fn)(...args);
  const at = "2026-11-23T09:00:00.000Z";
  const later = "2026-12-23T09:00:00.000Z";
  const cs = () => sample(k.consultationState?.());
  const bs = () => sample(k.bookingState?.());
  const hs = () => sample(k.clientHubRecord?.());
  const rs = () => sample(k.callRecordState?.());
  const cev = () => sample(k.consultationEvent?.());
  const bev = () => sample(k.bookingEvent?.());
  const hev = () => sample(k.clientHubEvent?.());
  const facts = () => sample(k.callFacts?.());
  const sheetEvents = () => sample(k.sheetEvent?.(), 3);
  const dials = () => sample(k.dialFacts?.(), 3);
  const period = { unit: "isoWeek", timeZone: "Europe/London" };
  const sheet = () => (call("tallySheet", sheetEvents(), period) as { tally: unknown }).tally;
  const shifts = () => (call("tallyShifts", dials()) as { tally: unknown }).tally;
  const leadFacts = [{ division: "North", createdAt: at, booked: true }];
  const leads = () => (call("tallyLeadFigures", leadFacts, period) as { tally: unknown }).tally;
  const statuses = () => (call("tallyStatuses", [{ status: "sold", at }], period) as { tally: unknown }).tally;
  const campaign = root.DEFAULT_CAMPAIGN;
  const lifecycle = (
    name: string,
    states: () => unknown[],
    events: () => unknown[],
    actor: string,
    initial: unknown,
  ): Record<string, () => unknown[][]> => ({
    [`${name}.transition`]: () => states().flatMap((s) => events().map((e) => [s, e])),
    [`${name}.advance`]: () => states().map((s) => [s, later]),
    [`${name}.allowedEvents`]: () => states().map((s) => [s, actor, later]),
    [`${name}.replay`]: () => states().map((s) => [s, events()]),
    [`${name}.refold`]: () => states().map((s) => [s, events(), { carriedOut: [], now: later }]),
    [`${name}.nextDueAt`]: () => states().map((s) => [s]),
    [`${name}.label`]: () => states().map((s) => [s]),
    [`${name}.initial`]: () => [[initial]],
  });
  const logged = () => sample(k.loggedCall?.());
  // The kit's facts may all be refused at this seed (a call back before the call): one known-good
  // classification first, so the functions that take one are always called.
  const emailOnly = { reached: "decisionMaker", pitched: true, said: "emailOnly" };
  const classification = () =>
    [emailOnly, ...facts()].flatMap((f) => {
      const c = call("classify", f, rs()[0], campaign, at) as { ok: boolean; value?: unknown };
      return c.ok ? [c.value] : [];
    });
  const page = () => (call("sheetPages", sheet()) as unknown[])[0] ?? {};
  const hubspotCall = {
    properties: { hs_timestamp: at, hs_call_disposition: "f240bbac-87c9-4f6e-bf70-924b57d47db7" },
  };
  const change = HUB_CHANGE;
  const appointment = {
    id: "1",
    created_at: at,
    updated_at: at,
    archived_at: null,
    starts_at: at,
    cancelled_at: null,
    did_not_arrive: false,
    patient_arrived: false,
    patient: { links: { self: "https://api.cliniko.com/v1/patients/1" } },
  };
  // HubSpot pipeline stage ids by Client Hub stage, as a portal configures them.
  const stageIds = () => ({
    completed: "1",
    callPreparation: "2",
    call1: "3",
    call2: "4",
    call3: "5",
    summaryOfCall: "6",
    unsuccessfulCall: "7",
  });
  const stageMap = () => {
    const m = (hub.clientHubStageMap as (...a: unknown[]) => { ok: boolean; value?: unknown })(stageIds());
    return m.ok ? m.value : {};
  };
  // The HubSpot host loop's input: one stored Client Hub record and a batch of its events.
  const hubBatchInput = () => {
    const state = hs()[0];
    return {
      lifecycle: root.clientHub,
      records: { "4": { state, snapshot: state, log: [], carriedOut: [] } },
      batch: {
        events: hev().map((event, index) => ({ index, id: `e${index}`, objectId: "4", type: "t", event })),
        ignored: [],
        rejected: [],
      },
      now: later,
      stages: stageMap(),
    };
  };
  const table: Record<string, () => unknown[][]> = {
    ...lifecycle("consultation", cs, cev, "franchisee", at),
    // The standalone verbs of the consultation preset: the same arguments as its methods.
    consultationTransition: () => cs().flatMap((s) => cev().map((e) => [s, e])),
    consultationInitial: () => [[at]],
    ...lifecycle("booking", bs, bev, "user", { at, name: "Ann" }),
    ...lifecycle("clientHub", hs, hev, "owner", {
      subscriptionId: "s",
      contactId: "c",
      at,
      timeZone: "Europe/London",
    }),
    ...lifecycle(
      "callRecord",
      rs,
      () => logged().map((c) => ({ ...(c as object), type: "callLogged", actor: "agent" })),
      "agent",
      at,
    ),
    "callRecord.logCall": () => rs().flatMap((s) => facts().map((f) => [s, f, at, "agent"])),
    "callRecord.allowedResults": () => rs().map((s) => [s, "decisionMaker"]),
    "clientHub.isCheckIn": () => hev().map((e) => [e]),
    ok: () => [[1]],
    err: () => [[{ code: "x", message: "x" }]],
    stateDiagram: () => [[(root.consultation as { definition: unknown }).definition]],
    hasActiveAppointment: () => bs().map((s) => [s]),
    leadForNewClient: () => [[{ at, patient: { id: "p", name: "Ann" } }, { createLeadsForNewClients: true }]],
    classify: () => rs().flatMap((s) => facts().map((f) => [f, s, campaign, at])),
    logCall: () => rs().flatMap((s) => facts().map((f) => [s, f, campaign, at, "agent"])),
    validate: () => rs().flatMap((s) => logged().map((c) => [c, s, campaign])),
    isExistingLead: () => rs().map((s) => [s]),
    resultFlags: () => [[campaign, "followUp"]],
    toLoggedCall: () => classification().map((c) => [c, at]),
    shiftFacts: () => classification().map((c) => [c, "ann", "2026-11-23 am"]),
    reconcile: () => [
      [[{ subscriptionId: "s", contactId: "c" }], [{ id: "s", contacts: [{ id: "c", primary: true }] }]],
    ],
    tallySheet: () => [[sheetEvents(), period]],
    addToSheet: () => [[sheet(), sheetEvents()[0]]],
    emptySheet: () => [[]],
    mergeSheets: () => [[sheet(), sheet()]],
    sheetPages: () => [[sheet()]],
    leadContacts: () => [[sheet()]],
    renderSheetCsv: () => [[page()]],
    renderSheetMarkdown: () => [[page()]],
    tallyShifts: () => [[dials()]],
    shiftFigures: () => [[shifts()]],
    tallyLeadFigures: () => [[leadFacts, period]],
    tallyStatuses: () => [[[{ status: "sold", at }], period]],
    periodFigures: () => [[leads()], [statuses()]],
    emptyFigures: () => [["shiftFigures"]],
    mergeFigures: () => [[shifts(), shifts()]],
    leadFigures: () => [[bs(), { from: at, to: later, now: later, timeZone: "Europe/London" }]],
    newLeadsFromLastWeekNotBooked: () => [[bs(), later, "Europe/London"]],
    bookedLastMonthThenCancelled: () => [[bs(), later, "Europe/London"]],
    ownerLeadsNotBookedThisYear: () => [[bs(), "Ann", later, "Europe/London"]],
    // The parsers: their own valid input.
    parseConsultationState: () => cs().map((s) => [s]),
    parseBookingState: () => bs().map((s) => [s]),
    parseClientHubRecord: () => hs().map((s) => [s]),
    parseCallRecord: () => rs().map((s) => [s, campaign]),
    parseConsultationEvent: () => cev().map((e) => [e]),
    parseBookingEvent: () => bev().map((e) => [e]),
    parseClientHubEvent: () => hev().map((e) => [e]),
    parseCallFacts: () => facts().map((f) => [f]),
    parseLoggedCall: () => logged().map((c) => [c]),
    parseNewLead: () => [[{ at, name: "Ann" }]],
    parseSheetEvent: () => sheetEvents().map((e) => [e]),
    parseSheetTally: () => [[sheet()]],
    parseFigureTally: () => [[shifts()], [leads()]],
    parseDialFacts: () => dials().map((d) => [d]),
    parseConsultationOptions: () => [[{ followUpLimit: 3 }]],
    parseBookingSettings: () => [[{ eagerPatientShipping: true }]],
    parseClientHubOptions: () => [[{ preparationDays: 3 }]],
    parseSubscription: () => [[{ id: "s", contacts: [{ id: "c", primary: true }] }]],
    createConsultationLifecycle: () => [[{ followUpLimit: 2 }]],
    createBookingLifecycle: () => [[{ lockOwnerWhenAssociated: true }]],
    createClientHubLifecycle: () => [[{ preparationDays: 3 }]],
    createCampaign: () => sample<unknown>(k.campaignInput?.()).map((c) => [c]),
    // HubSpot and Cliniko adapters.
    callFactsFromHubSpot: () => [[hubspotCall]],
    callFactsToHubSpot: () => facts().map((f) => [f]),
    callLoggedFromHubSpot: () => [[hubspotCall, { outcome: "Connected" }]],
    callLoggedToHubSpot: () => hev().map((e) => [e]),
    hasHubSpotValue: () => [["x"]],
    readHubSpotCheckbox: () => [["true", "p"]],
    writeHubSpotCheckbox: () => [[true]],
    readHubSpotNumber: () => [["12", "p"]],
    writeHubSpotNumber: () => [[12]],
    readHubSpotDateTime: () => [[at, "p"]],
    writeHubSpotDateTime: () => [[at]],
    readHubSpotDate: () => [["1764892800000", "p"]],
    writeHubSpotDate: () => [["2026-12-05"]],
    hubSpotDateOfInstant: () => [[at, "Europe/London"]],
    hubSpotSignedUri: () => [["https://example.com/a?b=c"]],
    hubSpotSignatureV3: () => [
      [{ method: "POST", uri: "https://example.com/a", body: "{}", timestamp: "1" }, "secret"],
    ],
    verifyHubSpotSignatureV3: () => [
      [{ method: "POST", uri: "https://example.com/a", body: "{}", timestamp: "1", signature: "x" }, "secret", 1],
    ],
    clientHubStageMap: () => [[stageIds()]],
    clientHubStageOf: () => [["3", stageMap()]],
    hubSpotStageIdOf: () => [["call1", stageMap()]],
    webhookEventId: () => [[change]],
    readWebhookEvent: () => [[change]],
    readWebhookBatch: () => [[[change], { "deal.propertyChange": hub.contactRatioSetFrom }]],
    contactRatioSetFrom: () => [[change]],
    taskCompletedFrom: () => [
      [
        {
          ...change,
          subscriptionType: "task.propertyChange",
          propertyName: "hs_task_status",
          propertyValue: "COMPLETED",
        },
      ],
    ],
    stageDraggedFrom: () => [[stageMap()]],
    stageDragDecision: () =>
      hs().map((s) => [s, { type: "stageDragged", at, id: "d", stage: "completed", changeSource: "CRM_UI" }]),
    planHubSpotBatch: () => [[hubBatchInput()]],
    planHubSpotWebhook: () => [
      [
        { ...HUB_REQUEST, signature: HUB_SIGNATURE },
        { ...hubBatchInput(), secret: "secret", mappers: { "deal.propertyChange": hub.taskCompletedFrom } },
      ],
    ],
    subscriptionFromAssociations: () => [
      [
        "9001",
        {
          results: [
            { toObjectId: 151, associationTypes: [{ category: "USER_DEFINED", typeId: 37, label: "Primary" }] },
          ],
        },
      ],
    ],
    readClinikoAppointment: () => [[appointment]],
    bookingEventFromCliniko: () => [[appointment, bs()[0]]],
    // The testing kit: its options.
    ...Object.fromEntries(
      [
        "consultationEvent",
        "consultationState",
        "consultationLog",
        "bookingEvent",
        "bookingState",
        "bookingLog",
        "clientHubEvent",
        "clientHubRecord",
        "clientHubLog",
        "callRecordState",
        "callRecordLog",
        "callFacts",
        "loggedCall",
        "campaignInput",
        "dialFacts",
        "instant",
        "newClientHubRecord",
        "newLead",
        "sheetEvent",
      ].map((name) => [name, () => [[{ from: at, days: 30 }]]]),
    ),
    invalidInput: () => [[k.consultationEvent?.()]],
    consultationCommands: () => [[{}]],
    bookingCommands: () => [[{}]],
    clientHubCommands: () => [[{}]],
    callRecordCommands: () => [[{}]],
    checkAdapter: () => [[]],
    buildConsultation: () => [[root.CONSULTATION_DEFAULTS]],
    buildBooking: () => [[root.BOOKING_DEFAULTS]],
    buildClientHub: () => [[root.CLIENT_HUB_DEFAULTS]],
    buildCallRecord: () => [[campaign]],
  };
  return table;
}
