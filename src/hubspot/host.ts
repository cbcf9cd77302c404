// The HubSpot host loop as one pure function: a webhook batch (read by `readWebhookBatch`) and the
// stored records it touches in; what to write, what to carry out, what to undo, which scheduled
// moves no longer hold, and a report out. A record is stored as its last snapshot, the log of every
// event applied since, and the effects carried out since; every batch is folded with `refold`, so
// deliveries in any order, retried or late, give the record that in-order delivery gives.
//
// Stage drags: a person who drags a Client Hub ticket to another stage in HubSpot's board changes
// `hs_pipeline_stage`. The library's stages move by calls, tasks and time, so a drag is read as
// the event it stands for when there is one (Summary of call / Unsuccessful call → Completed: the
// stage's task is done; Call 3 → Unsuccessful call: the client was emailed instead); a drag to the
// stage the record is in, or one the host's own write caused (its `changeSource`), is an echo and
// means nothing; any other drag is reverted (the record's stage is written back).

import type {
  ClientHubEffect,
  ClientHubEvent,
  ClientHubLifecycle,
  ClientHubRecord,
  ClientHubStage,
} from "../client-hub/pipeline.js";
import { describeValue } from "../core/describe.js";
import { guard, guarded, guardedAsync, UNREADABLE_MESSAGE } from "../core/guard.js";
import type { Rejection } from "../core/lifecycle.js";
import { err, ok, type Result } from "../core/result.js";
import { type Instant, toEpochMs } from "../core/time.js";
import { type HubSpotError, hasHubSpotValue, hubSpotError, unreadableHubSpot } from "./properties.js";
import { type HubSpotSignatureError, type HubSpotSignedRequest, verifyHubSpotSignatureV3 } from "./signature.js";
import { clientHubStageOf, type HubSpotStageMap, hubSpotStageIdOf } from "./stages.js";
import {
  type HubSpotBatch,
  type HubSpotChange,
  type HubSpotChangeMapper,
  type HubSpotIgnored,
  readWebhookBatch,
} from "./webhooks.js";

const STAGE_PROPERTY = "hs_pipeline_stage";

/** A Client Hub record's `hs_pipeline_stage` changed in HubSpot: read by {@link stageDraggedFrom}. */
export interface StageDragged {
  readonly type: "stageDragged";
  /** When the stage changed (ISO UTC). */
  readonly at: string;
  /** The change's identity key. */
  readonly id: string;
  /** The stage it was moved to. */
  readonly stage: ClientHubStage;
  /** Who changed it, as HubSpot says (`changeSource`: `"CRM_UI"`, `"INTEGRATION"`, …), or `null`. */
  readonly changeSource: string | null;
}

/** What a stage drag means for the record: nothing, an event, or a move to write back. */
export type StageDragDecision =
  /** The record is in that stage already, or the host's own write caused the change. */
  | { readonly kind: "echo" }
  /** The drag stands for this event (a task done, the client emailed instead). */
  | { readonly kind: "event"; readonly event: ClientHubEvent }
  /** The drag stands for no event: write the record's own stage back. */
  | { readonly kind: "revert"; readonly stage: ClientHubStage };

/**
 * The change sources a host's own writes come back with (`changeSource` of the webhook): a write
 * through the CRM API by an app. A stage change from one of them is the echo of the host's move.
 */
export const HUBSPOT_OWN_SOURCES: readonly string[] = /* @__PURE__ */ Object.freeze(["INTEGRATION", "API"]);

/**
 * A mapper for `hs_pipeline_stage` changes of Client Hub records (tickets or a custom object):
 * the stage id → a {@link StageDragged}, decided later against the record by
 * {@link stageDragDecision} (or by {@link planHubSpotBatch}). A cleared stage means nothing; a stage
 * id not in the map is refused naming `hs_pipeline_stage`.
 *
 * @param map - the portal's stage map ({@link clientHubStageMap})
 * @returns the mapper
 * @example
 * const map = { completed: "1000", callPreparation: "1001", call1: "1002", call2: "1003", call3: "1004", summaryOfCall: "1005", unsuccessfulCall: "1006" };
 * const change = { id: "k", type: "ticket.propertyChange", portalId: 33, objectId: "5", propertyName: "hs_pipeline_stage", propertyValue: "1000", occurredAt: "2026-03-02T10:00:00.000Z", eventId: 1, attemptNumber: 0, changeSource: "CRM_UI" };
 * const dragged = stageDraggedFrom(map)(change);
 * dragged.ok && dragged.value?.stage; // => "completed"
 */
export function stageDraggedFrom(map: HubSpotStageMap): HubSpotChangeMapper<StageDragged> {
  return guard((change: HubSpotChange): Result<StageDragged | null, HubSpotError> => {
    if (typeof change !== "object" || change === null) {
      return err(hubSpotError("invalidPayload", "change", change, "must be a change read by readWebhookEvent"));
    }
    const value = change.propertyValue;
    if (!hasHubSpotValue(value)) return ok(null);
    const stage = clientHubStageOf(value, map);
    if (!stage.ok) return stage;
    return ok({
      type: "stageDragged",
      at: change.occurredAt,
      id: change.id,
      stage: stage.value,
      changeSource: typeof change.changeSource === "string" ? change.changeSource : null,
    });
  }, unreadableHubSpot);
}

/**
 * Decides what a stage drag means for the record it moved: an echo (the record is in that stage,
 * or `changeSource` is one of the host's own), the event it stands for (Summary of call or
 * Unsuccessful call → Completed: `taskCompleted`; Call 3 → Unsuccessful call: `emailedInstead`;
 * actor `owner`, the drag's `at` and `id`), or a revert to the record's stage.
 *
 * @param record - the record as the host holds it (after its other events)
 * @param drag - the drag, from {@link stageDraggedFrom}
 * @param ownSources - the change sources of the host's own writes (default {@link HUBSPOT_OWN_SOURCES})
 * @returns the decision, or an error naming what is not a record or a drag
 * @example
 * const drag = { type: "stageDragged", at: "2026-03-02T10:00:00.000Z", id: "k", stage: "call2", changeSource: "CRM_UI" } as const;
 * const record = { status: "call1" } as Parameters<typeof stageDragDecision>[0];
 * stageDragDecision(record, drag); // => { ok: true, value: { kind: "revert", stage: "call1" } }
 */
export function stageDragDecision(
  record: ClientHubRecord,
  drag: StageDragged,
  ownSources: readonly string[] = HUBSPOT_OWN_SOURCES,
): Result<StageDragDecision, HubSpotError> {
  return guarded((): Result<StageDragDecision, HubSpotError> => {
    const status: unknown = record?.status;
    if (typeof status !== "string") {
      return err(hubSpotError("invalidPayload", "record", record, "must be a Client Hub record"));
    }
    if (typeof drag !== "object" || drag === null || drag.type !== "stageDragged" || typeof drag.stage !== "string") {
      return err(hubSpotError("invalidPayload", "drag", drag, "must be a drag read by stageDraggedFrom"));
    }
    if (!Array.isArray(ownSources)) {
      return err(hubSpotError("invalidPayload", "ownSources", ownSources, "must be a list of change sources"));
    }
    if (drag.stage === status || (typeof drag.changeSource === "string" && ownSources.includes(drag.changeSource))) {
      return ok({ kind: "echo" });
    }
    const base = { at: drag.at, actor: "owner" as const, ...(typeof drag.id === "string" ? { id: drag.id } : {}) };
    if (drag.stage === "completed" && (status === "summaryOfCall" || status === "unsuccessfulCall")) {
      return ok({ kind: "event", event: { type: "taskCompleted", ...base } });
    }
    if (drag.stage === "unsuccessfulCall" && status === "call3") {
      return ok({ kind: "event", event: { type: "emailedInstead", ...base } });
    }
    return ok({ kind: "revert", stage: status as ClientHubStage });
  }, unreadableHubSpot);
}

/**
 * A Client Hub record as the host stores it: the state it wrote last, the snapshot its log folds
 * onto, every event applied since the snapshot, and every effect carried out since. A new record
 * is `{ state, snapshot: state, log: [], carriedOut: [] }`.
 */
export interface HubSpotStoredRecord {
  readonly state: ClientHubRecord;
  readonly snapshot: ClientHubRecord;
  readonly log: readonly ClientHubEvent<string>[];
  readonly carriedOut: readonly ClientHubEffect[];
}

/** What {@link planHubSpotBatch} is given. */
export interface HubSpotBatchInput {
  /** The Client Hub lifecycle (`clientHub`, or one built with the portal's options). */
  readonly lifecycle: Pick<ClientHubLifecycle<string>, "refold" | "nextDueAt">;
  /** The stored records the batch may touch, by record id (the HubSpot object id of the record). */
  readonly records: Readonly<Record<string, HubSpotStoredRecord>>;
  /** The batch, as `readWebhookBatch` read it. */
  readonly batch: HubSpotBatch<ClientHubEvent<string> | StageDragged>;
  /** When the batch is applied: every touched record is advanced to it. */
  readonly now: Instant;
  /** The portal's stage map: when given, a write carries the `hs_pipeline_stage` to set. */
  readonly stages?: HubSpotStageMap;
  /** Other objects' ids (a task's) → the id of the record their events belong to. */
  readonly recordOf?: Readonly<Record<string, string>>;
  /** The change sources of the host's own writes (default {@link HUBSPOT_OWN_SOURCES}). */
  readonly ownSources?: readonly string[];
  /** Advance every given record to `now`, with or without events (a sweep: pass the due records). */
  readonly sweep?: boolean;
}

/** One item of the batch, as the plan reports it. */
export interface HubSpotPlanItem {
  readonly index: number;
  readonly id: string;
  readonly recordId: string;
}

/** What happened to each item of the batch. */
export interface HubSpotPlanReport {
  /** Events now in their record's history. */
  readonly applied: readonly HubSpotPlanItem[];
  /** Events the record's log holds already (a retry), or a second copy in the batch. */
  readonly duplicates: readonly HubSpotPlanItem[];
  /** Events kept in the log but refused where they fall in its order (a later delivery may cure them). */
  readonly refused: readonly (HubSpotPlanItem & { readonly rejection: Rejection<string> })[];
  /** Stage changes that were the record's own stage or the host's own write. */
  readonly echoes: readonly HubSpotPlanItem[];
  /** Stage drags that stand for no event: the record's stage is written back. */
  readonly reverted: readonly (HubSpotPlanItem & { readonly stage: ClientHubStage })[];
  /** Events about objects with no stored record (not ours, or not created yet). */
  readonly unknown: readonly { readonly index: number; readonly id: string; readonly objectId: string }[];
  /** Records not advanced to `now`, and why (`now` before their last change). */
  readonly notAdvanced: readonly { readonly recordId: string; readonly rejection: Rejection<string> }[];
  /** The batch's own `ignored` and `rejected`, as `readWebhookBatch` listed them. */
  readonly ignored: readonly HubSpotIgnored[];
  readonly rejected: HubSpotBatch<unknown>["rejected"];
}

/** One record to write. */
export interface HubSpotWrite {
  readonly recordId: string;
  /** The stored record to write (in one transaction with the effects to carry out). */
  readonly record: HubSpotStoredRecord;
  /** When to advance it next (`lifecycle.nextDueAt`): schedule it, or store it in an indexed column. */
  readonly nextDueAt: string | null;
  /** HubSpot properties to set on the record's object: `hs_pipeline_stage` when its stage moved or a drag is reverted. */
  readonly properties: Readonly<Record<string, string>>;
}

/** What to do after a batch: writes, effects to carry out and to undo, scheduled moves to cancel, a report. */
export interface HubSpotPlan {
  /** Records to write, by record id. */
  readonly write: readonly HubSpotWrite[];
  /** Effects to carry out (create the task, send the survey), in history order per record. */
  readonly carryOut: readonly { readonly recordId: string; readonly effect: ClientHubEffect }[];
  /** Effects carried out that the history no longer requires: close or undo them. */
  readonly undo: readonly { readonly recordId: string; readonly effect: ClientHubEffect }[];
  /** Scheduled moves that no longer hold: the record's previous `nextDueAt`, when it changed. */
  readonly unschedule: readonly { readonly recordId: string; readonly dueAt: string }[];
  readonly report: HubSpotPlanReport;
}

interface Incoming {
  readonly index: number;
  readonly id: string;
  readonly ms: number;
  readonly event: ClientHubEvent<string> | StageDragged;
}

const byTime = (a: Incoming, b: Incoming): number =>
  a.ms !== b.ms ? (a.ms < b.ms ? -1 : 1) : a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.index - b.index;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
// Equal as data whatever the order of keys (a record read back from PostgreSQL's JSONB has its keys
// in JSONB's order, not the order the library wrote them in).
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * The batch host loop, pure: folds each touched record's stored log, plus the batch's new events,
 * onto its snapshot with `refold` (in `at` order, ties by id; a retried or repeated delivery is
 * dropped by its identity key), advances it to `now`, decides stage drags against the result
 * ({@link stageDragDecision}), and answers what to write, what to carry out and undo, which
 * scheduled moves to cancel, and what became of every item. Any order or duplication of a batch
 * gives the same writes; so does splitting it into several batches, with one exception: a stage
 * drag is decided against the record when it arrives, so a drag delivered in an earlier batch than
 * the call it follows is reverted (docs/hubspot.md, "Stage drags").
 *
 * @param input - the lifecycle, the stored records, the batch, `now`, and the portal's stage map
 * @returns the plan, or an error naming the input field at fault
 * @example
 * // With `clientHub` from "leadrules/client-hub" as the lifecycle (docs/hubspot.md, "The host loop");
 * // without one, the plan is refused naming the field:
 * const batch = { events: [], ignored: [], rejected: [] };
 * const plan = planHubSpotBatch({ lifecycle: {} as never, records: {}, batch, now: "2026-02-10T11:00:00Z" });
 * plan.ok || plan.error.property; // => "lifecycle"
 */
export function planHubSpotBatch(input: HubSpotBatchInput): Result<HubSpotPlan, HubSpotError> {
  return guarded((): Result<HubSpotPlan, HubSpotError> => {
    const bad = (field: string, value: unknown, shape: string): Result<never, HubSpotError> =>
      err(hubSpotError("invalidPayload", field, value, `must be ${shape}, got ${describeValue(value)}`));
    if (!isObject(input)) return bad("input", input, "{ lifecycle, records, batch, now }");
    const { lifecycle, records, batch, stages, recordOf } = input;
    const ownSources = input.ownSources ?? HUBSPOT_OWN_SOURCES;
    if (typeof lifecycle?.refold !== "function" || typeof lifecycle.nextDueAt !== "function") {
      return bad("lifecycle", lifecycle, "the Client Hub lifecycle");
    }
    if (!isObject(records)) return bad("records", records, "an object of stored records by id");
    if (
      !isObject(batch) ||
      !Array.isArray(batch.events) ||
      !Array.isArray(batch.ignored) ||
      !Array.isArray(batch.rejected)
    ) {
      return bad("batch", batch, "a batch read by readWebhookBatch");
    }
    const nowMs = toEpochMs(input.now);
    if (Number.isNaN(nowMs)) return bad("now", input.now, "an instant");
    if (stages !== undefined && !isObject(stages)) return bad("stages", stages, "a stage map");
    if (recordOf !== undefined && !isObject(recordOf)) return bad("recordOf", recordOf, "an object of record ids");
    if (!Array.isArray(ownSources) || !ownSources.every((s) => typeof s === "string")) {
      return bad("ownSources", ownSources, "a list of change sources");
    }
    if (input.sweep !== undefined && typeof input.sweep !== "boolean")
      return bad("sweep", input.sweep, "true or false");
    const checked = new Map<string, HubSpotStoredRecord>();
    const storedOf = (recordId: string): HubSpotStoredRecord | undefined | Result<never, HubSpotError> => {
      if (!Object.hasOwn(records, recordId)) return undefined;
      const stored: unknown = records[recordId];
      if (
        !isObject(stored) ||
        !isObject(stored.state) ||
        !isObject(stored.snapshot) ||
        !Array.isArray(stored.log) ||
        !Array.isArray(stored.carriedOut)
      ) {
        return bad(`records.${recordId}`, stored, "{ state, snapshot, log, carriedOut }");
      }
      return stored as unknown as HubSpotStoredRecord;
    };

    // The batch's items by record, each kept once by its identity key.
    const byRecord = new Map<string, Incoming[]>();
    const report = {
      applied: [] as HubSpotPlanItem[],
      duplicates: [] as HubSpotPlanItem[],
      refused: [] as (HubSpotPlanItem & { rejection: Rejection<string> })[],
      echoes: [] as HubSpotPlanItem[],
      reverted: [] as (HubSpotPlanItem & { stage: ClientHubStage })[],
      unknown: [] as { index: number; id: string; objectId: string }[],
      notAdvanced: [] as { recordId: string; rejection: Rejection<string> }[],
      ignored: [...batch.ignored] as HubSpotIgnored[],
      rejected: [...batch.rejected] as { index: number; error: HubSpotError }[],
    };
    for (let i = 0; i < batch.events.length; i++) {
      const item: unknown = batch.events[i];
      if (
        !isObject(item) ||
        typeof item.id !== "string" ||
        typeof item.objectId !== "string" ||
        !isObject(item.event)
      ) {
        return bad(`batch.events.${i}`, item, "an event read by readWebhookBatch");
      }
      const index = typeof item.index === "number" ? item.index : i;
      const objectId = item.objectId;
      const recordId =
        recordOf !== undefined && Object.hasOwn(recordOf, objectId) ? String(recordOf[objectId]) : objectId;
      const stored = storedOf(recordId);
      if (stored !== undefined && "ok" in stored) return stored;
      if (stored === undefined) {
        report.unknown.push({ index, id: item.id, objectId });
        continue;
      }
      checked.set(recordId, stored);
      // The event carries its identity key, so the record itself knows a retry (`duplicate: true`).
      const given = item.event as unknown as ClientHubEvent<string> | StageDragged;
      const event = typeof given.id === "string" ? given : { ...given, id: item.id };
      const list = byRecord.get(recordId) ?? [];
      list.push({ index, id: event.id as string, ms: toEpochMs(event.at), event });
      byRecord.set(recordId, list);
    }
    if (input.sweep === true) {
      for (const recordId of Object.keys(records)) {
        const stored = storedOf(recordId);
        if (stored !== undefined && "ok" in stored) return stored;
        if (stored !== undefined) checked.set(recordId, stored);
        if (!byRecord.has(recordId)) byRecord.set(recordId, []);
      }
    }

    const write: HubSpotWrite[] = [];
    const carryOut: { recordId: string; effect: ClientHubEffect }[] = [];
    const undo: { recordId: string; effect: ClientHubEffect }[] = [];
    const unschedule: { recordId: string; dueAt: string }[] = [];
    for (const recordId of [...byRecord.keys()].sort()) {
      const stored = checked.get(recordId) as HubSpotStoredRecord;
      const incoming = (byRecord.get(recordId) as Incoming[]).sort(byTime);
      const known = new Set<string>();
      for (const event of stored.log) if (typeof event?.id === "string") known.add(event.id);
      const log: ClientHubEvent<string>[] = [...stored.log];
      const drags: Incoming[] = [];
      const fresh: Incoming[] = [];
      for (const item of incoming) {
        if (known.has(item.id)) {
          report.duplicates.push({ index: item.index, id: item.id, recordId });
          continue;
        }
        known.add(item.id);
        if (item.event.type === "stageDragged") drags.push(item);
        else {
          fresh.push(item);
          log.push(item.event as ClientHubEvent<string>);
        }
      }
      const options = { carriedOut: stored.carriedOut, now: nowMs };
      let folded = lifecycle.refold(stored.snapshot, log, options);
      let revert = false;
      for (const item of drags) {
        const decided = stageDragDecision(folded.state, item.event as StageDragged, ownSources);
        const at = { index: item.index, id: item.id, recordId };
        if (!decided.ok) {
          report.rejected.push({ index: item.index, error: decided.error });
          continue;
        }
        if (decided.value.kind === "echo") {
          report.echoes.push(at);
          continue;
        }
        if (decided.value.kind === "event") {
          const tried = lifecycle.refold(stored.snapshot, [...log, decided.value.event], options);
          if (!tried.rejected.some((r) => r.index === log.length)) {
            log.push(decided.value.event);
            folded = tried;
            report.applied.push(at);
            continue;
          }
        }
        revert = true;
        report.reverted.push({ ...at, stage: folded.state.status });
      }
      const refusedAt = new Map(folded.rejected.map((r) => [r.index, r.rejection]));
      fresh.forEach((item, k) => {
        const rejection = refusedAt.get(stored.log.length + k);
        const at = { index: item.index, id: item.id, recordId };
        if (rejection === undefined) report.applied.push(at);
        else report.refused.push({ ...at, rejection });
      });
      if (folded.ignored !== null) report.notAdvanced.push({ recordId, rejection: folded.ignored });
      const state = folded.state;
      const moved = state.status !== stored.state.status;
      const properties: Record<string, string> = {};
      if (stages !== undefined && (moved || revert)) {
        const stageId = hubSpotStageIdOf(state.status, stages);
        if (stageId !== "") properties[STAGE_PROPERTY] = stageId;
      }
      for (const effect of folded.toCarryOut) carryOut.push({ recordId, effect });
      for (const effect of folded.noLongerHold) undo.push({ recordId, effect });
      const before = lifecycle.nextDueAt(stored.state);
      const nextDueAt = lifecycle.nextDueAt(state);
      if (before !== null && before !== nextDueAt) unschedule.push({ recordId, dueAt: before });
      const changed =
        log.length !== stored.log.length ||
        revert ||
        folded.toCarryOut.length > 0 ||
        folded.noLongerHold.length > 0 ||
        !same(state, stored.state);
      if (changed) {
        write.push({
          recordId,
          record: { state, snapshot: stored.snapshot, log, carriedOut: folded.effects },
          nextDueAt,
          properties,
        });
      }
    }
    return ok({ write, carryOut, undo, unschedule, report });
  }, unreadableHubSpot);
}

/** What {@link planHubSpotWebhook} is given besides the request. */
export interface HubSpotWebhookOptions<M> extends Omit<HubSpotBatchInput, "batch"> {
  /** The app's client secret (signature v3). */
  readonly secret: string;
  /** The mappers by `"<type>:<propertyName>"` or `"<type>"`, as `readWebhookBatch` takes them. */
  readonly mappers: M;
}

/** Why a webhook request was not planned, with the HTTP status to answer. */
export interface HubSpotWebhookRefusal {
  /** 401: the signature (or its timestamp) is refused; 400: the body is not a batch, or an input is not what it should be. */
  readonly status: 400 | 401;
  readonly error: HubSpotError | HubSpotSignatureError;
}

/**
 * The whole webhook as one call: checks the v3 signature on the raw body at `now`, reads the batch
 * with the mappers, and plans it against the stored records ({@link planHubSpotBatch}). Pure but
 * async (Web Crypto); the promise never rejects (a mapper of yours that throws has a bug, and its
 * exception reaches you).
 *
 * @param request - the request as HubSpot signed it (method, URI, raw body, the two headers)
 * @param options - the secret, `now`, the lifecycle, the mappers, the stored records, the stage map
 * @returns the plan, or the status to answer and the error naming the header or field at fault
 * @example
 * // `lifecycle`: `clientHub` from "leadrules/client-hub" (docs/integrations.md shows a whole host).
 * const request = { method: "POST", uri: "https://example.com/hubspot", body: "[]", timestamp: "1772445600000", signature: "x" };
 * const planned = await planHubSpotWebhook(request, { secret: "s", now: 1772445600000, lifecycle: {} as never, mappers: {}, records: {} });
 * planned.ok ? 200 : planned.error.status; // => 401
 */
export function planHubSpotWebhook<const M extends Readonly<Record<string, HubSpotChangeMapper<unknown>>>>(
  request: HubSpotSignedRequest,
  options: HubSpotWebhookOptions<M>,
): Promise<Result<HubSpotPlan, HubSpotWebhookRefusal>> {
  const refuse = (status: 400 | 401, error: HubSpotError | HubSpotSignatureError) => err({ status, error });
  return guardedAsync(
    async (): Promise<Result<HubSpotPlan, HubSpotWebhookRefusal>> => {
      if (!isObject(options)) {
        return refuse(400, hubSpotError("invalidPayload", "options", options, "must be the webhook's options"));
      }
      const { secret, now, mappers, ...rest } = options;
      const signed = await verifyHubSpotSignatureV3(request, secret, now);
      if (!signed.ok) return refuse(signed.error.code === "invalidRequest" ? 400 : 401, signed.error);
      const body = guarded(
        (): unknown => JSON.parse(request.body),
        () => NOT_JSON,
      );
      if (body === NOT_JSON) {
        return refuse(400, hubSpotError("invalidPayload", "body", request.body, "must be a JSON array of events"));
      }
      const batch = readWebhookBatch(body, mappers);
      if (!batch.ok) return refuse(400, batch.error);
      const plan = planHubSpotBatch({
        ...rest,
        now,
        batch: batch.value as HubSpotBatch<ClientHubEvent<string> | StageDragged>,
      });
      return plan.ok ? plan : refuse(400, plan.error);
    },
    () => refuse(400, { code: "unreadable", message: UNREADABLE_MESSAGE, property: "", value: undefined }),
  );
}
const NOT_JSON = Symbol("not JSON");
