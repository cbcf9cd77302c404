// The HubSpot host loop's promises that host.test.ts leaves open (issue 30): every bad input of
// planHubSpotBatch, stageDragDecision, stageDraggedFrom and planHubSpotWebhook answered with an
// error naming the field (README: "Bad input gets a clear error value: code + message naming the
// field, never a crash"), every batch item accounted for in the report ("nothing dropped without
// being reported"), and docs/hubspot.md's "Stage drags" and "The host loop" situations.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClientHubEvent, type ClientHubRecord, clientHub } from "../../src/client-hub/index.js";
import { UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import {
  type HubSpotBatchInput,
  type HubSpotStoredRecord,
  hubSpotSignatureV3,
  planHubSpotBatch,
  planHubSpotWebhook,
  readWebhookBatch,
  type StageDragged,
  stageDragDecision,
  stageDraggedFrom,
} from "../../src/hubspot/index.js";
import { checkInCall, startRecord } from "../client-hub/fixtures.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { STAGES } from "./fixtures.js";

const stageMap = () => ({ ...STAGES });
const fresh = (state: ClientHubRecord = startRecord()): HubSpotStoredRecord => ({
  state,
  snapshot: state,
  log: [],
  carriedOut: [],
});
const noBatch = () => ({ events: [], ignored: [], rejected: [] });
/** The plan for `events` (none ignored or rejected) delivered to the one stored record "77", at `now`. */
const planFor = (
  record: HubSpotStoredRecord,
  events: HubSpotBatchInput["batch"]["events"],
  now: HubSpotBatchInput["now"],
  extra: Pick<HubSpotBatchInput, "stages" | "recordOf" | "sweep"> = {},
) =>
  unwrap(
    planHubSpotBatch({
      lifecycle: clientHub,
      records: { "77": record },
      batch: { events, ignored: [], rejected: [] },
      now,
      ...extra,
    }),
  );
const item = (index: number, id: string, event: ClientHubEvent | StageDragged, objectId = "77") => ({
  index,
  id,
  objectId,
  type: "ticket.propertyChange",
  event,
});
const dragEvent = (stage: StageDragged["stage"], at: string, id: string): StageDragged => ({
  type: "stageDragged",
  at,
  id,
  stage,
  changeSource: "CRM_UI",
});
const taskDone = (at: string, id: string): ClientHubEvent => ({ type: "taskCompleted", at, actor: "owner", id });
/** The stored record swept to `now` (from a fresh record), as the host stores it. */
const sweptTo = (now: string, record: HubSpotStoredRecord = fresh()): HubSpotStoredRecord => {
  const plan = planFor(record, [], now, { sweep: true });
  return plan.write[0]?.record ?? record;
};
/** Summary of call: the check-in call of 10 February logged. */
const inSummary = (): HubSpotStoredRecord => {
  const plan = planFor(
    fresh(),
    [item(0, "hubspot:call:1", checkInCall("2026-02-10T10:00:00Z", { id: "hubspot:call:1" }))],
    "2026-02-10T11:00:00Z",
  );
  return plan.write[0]?.record as HubSpotStoredRecord;
};
const emptyReport = {
  applied: [],
  duplicates: [],
  refused: [],
  echoes: [],
  reverted: [],
  unknown: [],
  notAdvanced: [],
  ignored: [],
  rejected: [],
};

describe("bad input is an error value naming the field, never a crash", () => {
  const base = () => ({ lifecycle: clientHub, records: {}, batch: noBatch(), now: "2026-02-10T11:00:00Z" });
  const refusal = (input: unknown) => unwrapErr(planHubSpotBatch(input as never));
  const named = (input: unknown, property: string) => {
    const error = refusal(input);
    expect(error.code).toBe("invalidPayload");
    expect(error.property).toBe(property);
    // "<field> must be <what it should be>, got <what it is>"
    expect(error.message).toMatch(new RegExp(`^${property.replace(/\./g, "\\.")} must be \\S.*, got \\S`));
    return error;
  };

  it("planHubSpotBatch: each input field", () => {
    named(null, "input");
    named([], "input");
    named({ ...base(), lifecycle: undefined }, "lifecycle");
    named({ ...base(), lifecycle: { refold: clientHub.refold } }, "lifecycle");
    named({ ...base(), lifecycle: { nextDueAt: clientHub.nextDueAt } }, "lifecycle");
    named({ ...base(), records: null }, "records");
    named({ ...base(), records: [] }, "records");
    named({ ...base(), batch: [] }, "batch");
    named({ ...base(), batch: { ...noBatch(), events: undefined } }, "batch");
    named({ ...base(), batch: { ...noBatch(), ignored: undefined } }, "batch");
    named({ ...base(), batch: { ...noBatch(), rejected: undefined } }, "batch");
    named({ ...base(), now: "soon" }, "now");
    named({ ...base(), stages: "1000" }, "stages");
    named({ ...base(), stages: [] }, "stages");
    named({ ...base(), recordOf: "77" }, "recordOf");
    named({ ...base(), ownSources: "INTEGRATION" }, "ownSources");
    named({ ...base(), ownSources: ["INTEGRATION", 7] }, "ownSources");
    named({ ...base(), sweep: "yes" }, "sweep");
    // Optional fields left out, or given as they should be, are accepted.
    expect(planHubSpotBatch({ ...base(), stages: stageMap(), recordOf: {}, ownSources: [], sweep: false }).ok).toBe(
      true,
    );
  });

  it("planHubSpotBatch: a stored record that is not { state, snapshot, log, carriedOut }, met through an event or a sweep", () => {
    const good = fresh();
    const event = { events: [item(0, "k", taskDone("2026-02-10T10:00:00Z", "k"))], ignored: [], rejected: [] };
    for (const bad of [
      5,
      [],
      { ...good, state: null },
      { ...good, snapshot: "x" },
      { ...good, log: {} },
      { ...good, carriedOut: undefined },
    ]) {
      named({ ...base(), records: { "77": bad }, batch: event }, "records.77");
      named({ ...base(), records: { "12": good, "77": bad }, sweep: true }, "records.77");
    }
  });

  it("planHubSpotBatch: a batch item that is not what readWebhookBatch gives", () => {
    const ok = item(0, "k", taskDone("2026-02-10T10:00:00Z", "k"));
    for (const bad of [null, [], { ...ok, id: 1 }, { ...ok, objectId: 77 }, { ...ok, event: "taskCompleted" }]) {
      const error = named(
        { ...base(), records: { "77": fresh() }, batch: { ...noBatch(), events: [ok, bad] } },
        "batch.events.1",
      );
      expect(error.value).toEqual(bad);
    }
  });

  it("stageDraggedFrom: a change that is not an object is refused naming change", () => {
    const mapper = stageDraggedFrom(stageMap());
    for (const bad of [null, "1000", 7, undefined]) {
      expect(unwrapErr(mapper(bad as never))).toMatchObject({
        code: "invalidPayload",
        property: "change",
        message: expect.stringMatching(/^change must be \S/),
      });
    }
  });

  it("stageDragDecision: a record, a drag or own sources that are not what they should be", () => {
    const drag = dragEvent("call2", "2026-02-12T10:00:00.000Z", "d1");
    const record = { ...startRecord(), status: "call1" } as ClientHubRecord;
    for (const bad of [null, { status: 3 }, "call1"]) {
      const error = unwrapErr(stageDragDecision(bad as never, drag));
      expect(error).toMatchObject({ code: "invalidPayload", property: "record" });
      expect(error.message).toMatch(/^record must be \S/);
    }
    for (const bad of [
      null,
      "call2",
      5,
      { ...drag, type: "taskCompleted" },
      { ...drag, stage: 2 },
      { ...drag, stage: undefined },
    ]) {
      const error = unwrapErr(stageDragDecision(record, bad as never));
      expect(error).toMatchObject({ code: "invalidPayload", property: "drag" });
      expect(error.message).toMatch(/^drag must be \S/);
    }
    for (const bad of [null, "INTEGRATION", { 0: "INTEGRATION" }]) {
      const error = unwrapErr(stageDragDecision(record, drag, bad as never));
      expect(error).toMatchObject({ code: "invalidPayload", property: "ownSources" });
      expect(error.message).toMatch(/^ownSources must be \S/);
    }
  });
});

describe("stage drags (docs/hubspot.md, 'Stage drags')", () => {
  const drag = (stage: StageDragged["stage"]) => dragEvent(stage, "2026-02-21T09:00:00.000Z", "d1");
  const inStage = (status: ClientHubRecord["status"]) => ({ ...startRecord(), status });

  it("only Call 3 → Unsuccessful call is emailedInstead; every other drag the table does not list is reverted", () => {
    expect(unwrap(stageDragDecision(inStage("call1"), drag("unsuccessfulCall")))).toEqual({
      kind: "revert",
      stage: "call1",
    });
    expect(unwrap(stageDragDecision(inStage("call2"), drag("unsuccessfulCall")))).toEqual({
      kind: "revert",
      stage: "call2",
    });
    expect(unwrap(stageDragDecision(inStage("call3"), drag("completed")))).toEqual({ kind: "revert", stage: "call3" });
    expect(unwrap(stageDragDecision(inStage("call3"), drag("summaryOfCall")))).toEqual({
      kind: "revert",
      stage: "call3",
    });
    expect(unwrap(stageDragDecision(inStage("call3"), drag("unsuccessfulCall")))).toMatchObject({
      kind: "event",
      event: { type: "emailedInstead" },
    });
  });

  it("a drag with no changeSource reads as null, and is never the host's own", () => {
    const change = {
      id: "k",
      type: "ticket.propertyChange",
      portalId: 33,
      objectId: "77",
      propertyName: "hs_pipeline_stage",
      propertyValue: "1004",
      occurredAt: "2026-02-21T09:00:00.000Z",
      eventId: 1,
      attemptNumber: 0,
    };
    const dragged = unwrap(stageDraggedFrom(stageMap())(change as never));
    expect(dragged).toStrictEqual({
      type: "stageDragged",
      at: "2026-02-21T09:00:00.000Z",
      id: "k",
      stage: "call3",
      changeSource: null,
    });
    expect(unwrap(stageDragDecision(inStage("call1"), dragged as StageDragged))).toEqual({
      kind: "revert",
      stage: "call1",
    });
  });

  it("two drags in one batch are decided in `at` order, whatever the order of delivery and of their keys: Call 3 → Unsuccessful call → Completed", () => {
    const call3 = sweptTo("2026-02-20T01:00:00Z");
    expect(call3.state.status).toBe("call3");
    // The later drag has the smaller key, so only `at` puts them in order.
    const emailed = item(0, "z-emailed", dragEvent("unsuccessfulCall", "2026-02-21T09:00:00.000Z", "z-emailed"));
    const completed = item(1, "a-completed", dragEvent("completed", "2026-02-21T10:00:00.000Z", "a-completed"));
    for (const events of [
      [emailed, completed],
      [
        { ...completed, index: 0 },
        { ...emailed, index: 1 },
      ],
    ]) {
      const plan = planFor(call3, events, "2026-02-21T10:00:05Z", { stages: stageMap() });
      expect(plan.write[0]?.record.state.status).toBe("completed");
      expect(plan.write[0]?.record.log.map((e) => e.type)).toEqual(["emailedInstead", "taskCompleted"]);
      expect(plan.report.reverted).toEqual([]);
      expect(plan.report.applied.map((a) => a.id)).toEqual(["z-emailed", "a-completed"]);
      expect(plan.write[0]?.properties).toEqual({ hs_pipeline_stage: "1000" });
    }
  });

  it("two drags at the same instant are decided by key, whatever the order of delivery", () => {
    const call3 = sweptTo("2026-02-20T01:00:00Z");
    const emailed = (index: number) => item(index, "a", dragEvent("unsuccessfulCall", "2026-02-21T09:00:00.000Z", "a"));
    const completed = (index: number) => item(index, "b", dragEvent("completed", "2026-02-21T09:00:00.000Z", "b"));
    for (const events of [
      [emailed(0), completed(1)],
      [completed(0), emailed(1)],
    ]) {
      const plan = planFor(call3, events, "2026-02-21T10:00:05Z");
      expect(plan.report.applied.map((a) => a.id)).toEqual(["a", "b"]);
      expect(plan.write[0]?.record.state.status).toBe("completed");
    }
  });

  it("a drag that stands for an event the record refuses where it falls (its task completed before the call that opened it) is reverted", () => {
    const summary = inSummary();
    const plan = planFor(
      summary,
      [item(0, "early", dragEvent("completed", "2026-02-10T09:00:00.000Z", "early"))],
      "2026-02-10T11:00:05Z",
      { stages: stageMap() },
    );
    expect(plan.report).toEqual({
      ...emptyReport,
      reverted: [{ index: 0, id: "early", recordId: "77", stage: "summaryOfCall" }],
    });
    expect(plan.write.map((w) => [w.record.log, w.record.state.status, w.properties])).toEqual([
      [summary.log, "summaryOfCall", { hs_pipeline_stage: "1005" }],
    ]);
    expect(plan.carryOut).toEqual([]);
    expect(plan.undo).toEqual([]);
    expect(plan.unschedule).toEqual([]);
  });

  it("an event refused elsewhere in the log does not turn a drag that stands for an event into a revert", () => {
    const plan = planFor(
      inSummary(),
      [
        item(0, "early", taskDone("2026-02-10T09:00:00Z", "early")),
        item(1, "drag", dragEvent("completed", "2026-02-11T09:00:00.000Z", "drag")),
      ],
      "2026-02-11T09:00:05Z",
    );
    expect(plan.report.refused.map((r) => r.id)).toEqual(["early"]);
    expect(plan.report.applied.map((r) => r.id)).toEqual(["drag"]);
    expect(plan.report.reverted).toEqual([]);
    expect(plan.write[0]?.record.state.status).toBe("completed");
  });

  it("of two copies of one change, the one earliest in the webhook body is applied and the other reported duplicate, however a host lists them", () => {
    const copy = (index: number) => item(index, "k", taskDone("2026-02-11T09:00:00Z", "k"));
    const plan = planFor(inSummary(), [copy(5), copy(2)], "2026-02-11T09:00:05Z");
    expect(plan.report.applied.map((r) => r.index)).toEqual([2]);
    expect(plan.report.duplicates.map((r) => r.index)).toEqual([5]);
  });

  it("a drag that is not a drag is reported rejected, not dropped", () => {
    const plan = planFor(
      inSummary(),
      [item(4, "odd", { type: "stageDragged", at: "2026-02-11T09:00:00.000Z", id: "odd", stage: 5 } as never)],
      "2026-02-11T09:00:05Z",
    );
    expect(plan.report.rejected).toEqual([
      { index: 4, error: expect.objectContaining({ code: "invalidPayload", property: "drag" }) },
    ]);
    expect(plan.report.applied).toEqual([]);
    expect(plan.report.reverted).toEqual([]);
  });
});

describe("the host loop (docs/hubspot.md, 'The host loop')", () => {
  it("events kept in the log but refused where they fall are reported refused, with their rejection; the rest applied", () => {
    const summary = inSummary();
    const plan = planFor(
      summary,
      [
        item(0, "done", taskDone("2026-02-11T09:00:00Z", "done")),
        item(1, "again", taskDone("2026-02-11T09:30:00Z", "again")),
      ],
      "2026-02-11T10:00:00Z",
      { stages: stageMap() },
    );
    expect(plan.report.applied).toEqual([{ index: 0, id: "done", recordId: "77" }]);
    expect(plan.report.refused).toEqual([
      { index: 1, id: "again", recordId: "77", rejection: expect.objectContaining({ code: expect.any(String) }) },
    ]);
    // Both are kept in the log: a later delivery may cure the second.
    expect(plan.write[0]?.record.log.map((e) => e.id)).toEqual(["hubspot:call:1", "done", "again"]);
  });

  it("an event the record refuses still writes the record (its log holds it), and sets no stage when the stage did not move", () => {
    const summary = inSummary();
    const before = clientHub.nextDueAt(summary.state);
    const plan = planFor(
      summary,
      [item(0, "early", taskDone("2026-02-10T09:00:00Z", "early"))],
      "2026-02-10T11:00:05Z",
      { stages: stageMap() },
    );
    expect(plan.report.refused.map((r) => r.id)).toEqual(["early"]);
    expect(plan.write).toHaveLength(1);
    expect(plan.write[0]?.record.log.map((e) => e.id)).toEqual(["hubspot:call:1", "early"]);
    expect(plan.write[0]?.record.state).toEqual(summary.state);
    expect(plan.write[0]?.properties).toEqual({});
    expect(plan.write[0]?.nextDueAt).toBe(before);
    expect(plan.unschedule).toEqual([]);
    expect(plan.carryOut).toEqual([]);
  });

  it("a sweep into Call preparation writes the record (no event, no effect) and cancels nothing; without a sweep, an untouched record is not advanced", () => {
    const record = fresh();
    const swept = planFor(record, [], "2026-02-05T01:00:00Z", { sweep: true, stages: stageMap() });
    expect(swept.write.map((w) => [w.recordId, w.record.state.status, w.nextDueAt, w.properties])).toEqual([
      ["77", "callPreparation", "2026-02-10T00:00:00.000Z", { hs_pipeline_stage: "1001" }],
    ]);
    expect(swept.carryOut).toEqual([]);
    expect(swept.unschedule).toEqual([{ recordId: "77", dueAt: "2026-02-05T00:00:00.000Z" }]);
    expect(swept.report).toEqual(emptyReport);

    // A stage map without the record's stage sets nothing (an empty id would clear the ticket's stage).
    const { callPreparation: _, ...partial } = stageMap();
    const unmapped = planFor(record, [], "2026-02-05T01:00:00Z", { sweep: true, stages: partial as never });
    expect(unmapped.write.map((w) => [w.record.state.status, w.properties])).toEqual([["callPreparation", {}]]);

    const notSwept = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": record, "78": fresh() },
        batch: {
          events: [item(0, "other", taskDone("2026-02-05T00:30:00Z", "other"), "99")],
          ignored: [],
          rejected: [],
        },
        now: "2026-02-05T01:00:00Z",
      }),
    );
    expect(notSwept.write).toEqual([]);
    expect(notSwept.report).toEqual({ ...emptyReport, unknown: [{ index: 0, id: "other", objectId: "99" }] });
  });

  it("a record whose stored state is not the state its log gives is written with the state its log gives; an equal one (any key order) is not", () => {
    const truth = sweptTo("2026-02-05T01:00:00Z");
    const now = "2026-02-05T02:00:00Z";
    const planOf = (state: unknown) => planFor({ ...truth, state: state as ClientHubRecord }, [], now, { sweep: true });
    expect(planOf(Object.fromEntries(Object.entries(truth.state).reverse())).write).toEqual([]);
    const key = fc.constantFrom(...Object.keys(truth.state));
    const change = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), key, value: fc.anything() }),
      fc.record({ kind: fc.constant("delete" as const), key }),
      fc.record({ kind: fc.constant("add" as const), key: fc.string(), value: fc.anything() }),
      fc.record({ kind: fc.constant("ratio" as const), value: fc.anything() }),
    );
    fc.assert(
      fc.property(change, (c) => {
        const state: Record<string, unknown> = { ...truth.state };
        if (c.kind === "set" || c.kind === "add") state[c.key] = c.value;
        else if (c.kind === "delete") delete state[c.key];
        else state.contactRatio = { ...truth.state.contactRatio, count: c.value };
        const plan = planOf(state);
        if (isDeepStrictEqual(state, { ...truth.state })) expect(plan.write).toEqual([]);
        else expect(plan.write.map((w) => w.record.state)).toEqual([truth.state]);
      }),
    );
    for (const state of [
      { ...truth.state, contactRatio: null },
      { ...truth.state, contactRatio: undefined },
      { ...truth.state, contactRatio: [1, "month"] },
      { ...truth.state, contactRatio: { ...truth.state.contactRatio, extra: 1 } },
      { ...truth.state, contactRatio: { count: truth.state.contactRatio.count, other: truth.state.contactRatio.unit } },
    ]) {
      expect(planOf(state).write.map((w) => w.record.state)).toEqual([truth.state]);
    }
  });

  it("a stored state whose list of applied ids came back as an object (a serializer that lost the array) is written again", () => {
    const summary = inSummary();
    const ids = summary.state.appliedIds ?? [];
    expect(ids.length).toBeGreaterThan(0);
    const asObject = { ...summary.state, appliedIds: { ...ids } } as unknown as ClientHubRecord;
    const plan = planFor({ ...summary, state: asObject }, [], "2026-02-10T11:30:00Z", { sweep: true });
    expect(plan.write.map((w) => w.record.state)).toEqual([summary.state]);
  });

  it("effects the history requires but the stored record has not carried out are carried out; effects it no longer requires are undone", () => {
    const call1 = sweptTo("2026-02-10T01:00:00Z");
    expect(call1.carriedOut.length).toBeGreaterThan(0);
    const owed = planFor({ ...call1, carriedOut: [] }, [], "2026-02-10T02:00:00Z", { sweep: true });
    expect(owed.carryOut.map((c) => c.effect)).toEqual(call1.carriedOut);
    // Its next move (Call 2) is the same as before: nothing to unschedule.
    expect(owed.unschedule).toEqual([]);
    expect(owed.write.map((w) => w.record)).toEqual([call1]);

    const stale = planFor({ ...fresh(), carriedOut: call1.carriedOut }, [], "2026-01-10T16:00:00Z", { sweep: true });
    expect(stale.undo.map((c) => c.effect)).toEqual(call1.carriedOut);
    expect(stale.write.map((w) => w.record)).toEqual([fresh()]);
  });

  it("a stored record the lifecycle cannot advance (a status that is not one) is reported notAdvanced, with why; it is not written", () => {
    const spoiled = { ...startRecord(), status: "nonsense" } as unknown as ClientHubRecord;
    const plan = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": fresh(spoiled), "78": fresh() },
        batch: noBatch(),
        now: "2026-01-10T16:00:00Z",
        sweep: true,
      }),
    );
    expect(plan.report).toEqual({
      ...emptyReport,
      notAdvanced: [{ recordId: "77", rejection: expect.objectContaining({ code: "invalidState", field: "status" }) }],
    });
    expect(plan.write).toEqual([]);
  });

  it("events for several records, in any order of delivery, give the same writes, by record id", () => {
    const forRecord = (index: number, recordId: string) =>
      item(index, `done-${recordId}`, taskDone("2026-02-11T09:00:00Z", `done-${recordId}`), recordId);
    const planOf = (events: ReturnType<typeof forRecord>[]) =>
      unwrap(
        planHubSpotBatch({
          lifecycle: clientHub,
          records: { "77": inSummary(), "78": inSummary() },
          batch: { events, ignored: [], rejected: [] },
          now: "2026-02-11T09:00:05Z",
        }),
      );
    const one = planOf([forRecord(0, "77"), forRecord(1, "78")]);
    const other = planOf([forRecord(0, "78"), forRecord(1, "77")]);
    expect(one.write.map((w) => w.recordId)).toEqual(["77", "78"]);
    expect(other.write).toEqual(one.write);
    expect(other.carryOut).toEqual(one.carryOut);
  });

  it("a stored log with a hole in it is answered, not a crash: the batch is still applied", () => {
    const summary = inSummary();
    const plan = planHubSpotBatch({
      lifecycle: clientHub,
      records: { "77": { ...summary, log: [...summary.log, null as never] } },
      batch: { events: [item(0, "done", taskDone("2026-02-11T09:00:00Z", "done"))], ignored: [], rejected: [] },
      now: "2026-02-11T09:00:05Z",
    });
    expect(unwrap(plan).report.applied.map((a) => a.id)).toEqual(["done"]);
  });

  it("a task's completion reaches its record through recordOf", () => {
    const summary = inSummary();
    const plan = planFor(
      summary,
      [
        {
          index: 0,
          id: "task-done",
          objectId: "9001",
          type: "task.propertyChange",
          event: taskDone("2026-02-11T09:00:00Z", "task-done"),
        },
      ],
      "2026-02-11T09:00:05Z",
      { recordOf: { "9001": "77" } },
    );
    expect(plan.report.applied).toEqual([{ index: 0, id: "task-done", recordId: "77" }]);
    expect(plan.write.map((w) => [w.recordId, w.record.state.status])).toEqual([["77", "completed"]]);
    // Summary of call had no scheduled move: nothing to cancel.
    expect(plan.unschedule).toEqual([]);
  });

  it("the report's indexes are the webhook body's, also when items before them were refused or ignored", () => {
    const body = [
      {
        eventId: 1,
        portalId: 33,
        occurredAt: "not a time",
        subscriptionType: "ticket.propertyChange",
        objectId: 77,
        propertyName: "hs_pipeline_stage",
        propertyValue: "1000",
      },
      {
        eventId: 2,
        portalId: 33,
        occurredAt: Date.parse("2026-02-11T09:00:00Z"),
        subscriptionType: "ticket.propertyChange",
        objectId: 77,
        propertyName: "subject",
        propertyValue: "x",
        attemptNumber: 0,
      },
      {
        eventId: 3,
        portalId: 33,
        occurredAt: Date.parse("2026-02-11T09:00:00Z"),
        subscriptionType: "ticket.propertyChange",
        objectId: 77,
        propertyName: "hs_pipeline_stage",
        propertyValue: "1000",
        attemptNumber: 0,
        changeSource: "CRM_UI",
      },
    ];
    const batch = unwrap(
      readWebhookBatch(body, { "ticket.propertyChange:hs_pipeline_stage": stageDraggedFrom(stageMap()) }),
    );
    const plan = unwrap(
      planHubSpotBatch({ lifecycle: clientHub, records: { "77": inSummary() }, batch, now: "2026-02-11T09:00:05Z" }),
    );
    expect(plan.report.applied.map((a) => a.index)).toEqual([2]);
    expect(plan.report.rejected.map((r) => r.index)).toEqual([0]);
    expect(plan.report.ignored.map((r) => r.index)).toEqual([1]);
    // A batch built by hand without indexes is reported by position.
    const { index: _, ...noIndex } = item(0, "k", taskDone("2026-02-11T09:00:00Z", "k"));
    const byPosition = planFor(
      inSummary(),
      [item(0, "hubspot:call:1", checkInCall("2026-02-10T10:00:00Z", { id: "hubspot:call:1" })), noIndex as never],
      "2026-02-11T09:00:05Z",
    );
    expect(byPosition.report.duplicates.map((a) => a.index)).toEqual([0]);
    expect(byPosition.report.applied.map((a) => a.index)).toEqual([1]);
  });

  it("an event keeps its own identity key; one without a key takes the batch item's, so its retry is a duplicate", () => {
    const { id: _, ...unkeyed } = taskDone("2026-02-11T09:00:00Z", "x");
    const first = planFor(
      inSummary(),
      [
        item(0, "hubspot:task:1", unkeyed),
        item(1, "envelope", checkInCall("2026-02-11T10:00:00Z", { id: "hubspot:call:2" })),
      ],
      "2026-02-11T11:00:00Z",
    );
    const record = first.write[0]?.record as HubSpotStoredRecord;
    expect(record.log.map((e) => e.id)).toEqual(["hubspot:call:1", "hubspot:task:1", "hubspot:call:2"]);
    const again = planFor(record, [item(0, "hubspot:task:1", unkeyed)], "2026-02-11T11:00:00Z");
    expect(again.report).toEqual({ ...emptyReport, duplicates: [{ index: 0, id: "hubspot:task:1", recordId: "77" }] });
    expect(again.write).toEqual([]);
  });
});

describe("planHubSpotWebhook refusals name the field", () => {
  const signed = async (body: string, secret = "client-secret") => {
    const request = {
      method: "POST",
      uri: "https://example.com/hubspot",
      body,
      timestamp: "1772445600000",
      signature: "",
    };
    return { ...request, signature: unwrap(await hubSpotSignatureV3(request, "client-secret")), secret };
  };
  const options = (records: unknown = {}, secret = "client-secret") => ({
    secret,
    now: 1772445601000,
    lifecycle: clientHub,
    mappers: {},
    records: records as Record<string, HubSpotStoredRecord>,
  });

  it("options, body, secret and records", async () => {
    const request = await signed("[]");
    expect(unwrapErr(await planHubSpotWebhook(request, null as never))).toMatchObject({
      status: 400,
      error: { code: "invalidPayload", property: "options", message: expect.stringMatching(/^options must be \S/) },
    });
    const notJson = await signed("{not json");
    expect(unwrapErr(await planHubSpotWebhook(notJson, options()))).toEqual({
      status: 400,
      error: {
        code: "invalidPayload",
        property: "body",
        value: "{not json",
        message: expect.stringMatching(/^body must be \S/),
      },
    });
    // A missing secret (an unset environment variable) is the host's fault: 400, not 401.
    expect(unwrapErr(await planHubSpotWebhook(request, options({}, "")))).toMatchObject({
      status: 400,
      error: { code: "invalidRequest" },
    });
    expect(unwrapErr(await planHubSpotWebhook(request, { ...options({ "77": 5 }), sweep: true }))).toMatchObject({
      status: 400,
      error: { code: "invalidPayload", property: "records.77" },
    });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(unwrapErr(await planHubSpotWebhook(request, revoked.proxy as never))).toEqual({
      status: 400,
      error: { code: "unreadable", message: UNREADABLE_MESSAGE, property: "", value: undefined },
    });
  });
});
