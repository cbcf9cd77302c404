// The HubSpot host loop (planHubSpotBatch) and stage drags: examples on webhook payloads shaped as
// HubSpot documents them (test/hubspot/fixtures), and laws over generated batches.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClientHubEvent, type ClientHubRecord, clientHub } from "../../src/client-hub/index.js";
import {
  type HubSpotStoredRecord,
  hubSpotSignatureV3,
  planHubSpotBatch,
  planHubSpotWebhook,
  readWebhookBatch,
  type StageDragged,
  stageDragDecision,
  stageDraggedFrom,
  taskCompletedFrom,
} from "../../src/hubspot/index.js";
import { clientHubLog } from "../../src/testing/arbitraries.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { runs } from "../setup.js";
import { STAGES } from "./fixtures.js";

const RUNS = runs(100);
const stages = STAGES;
const start = unwrap(
  clientHub.initial({
    subscriptionId: "s1",
    contactId: "c1",
    at: "2026-01-10T15:00:00Z",
    timeZone: "UTC",
    nextContactDate: "2026-02-10",
  }),
);
const fresh = (state: ClientHubRecord = start): HubSpotStoredRecord => ({
  state,
  snapshot: state,
  log: [],
  carriedOut: [],
});
// A ticket's stage changed (legacy ticket subscription), as HubSpot's webhook batch carries it.
const stageChange = (value: string, occurredAt: number, extra: Record<string, unknown> = {}) => ({
  eventId: occurredAt % 1_000_000,
  subscriptionId: 25,
  portalId: 33,
  appId: 1160452,
  occurredAt,
  subscriptionType: "ticket.propertyChange",
  attemptNumber: 0,
  objectId: 77,
  propertyName: "hs_pipeline_stage",
  propertyValue: value,
  changeSource: "CRM_UI",
  ...extra,
});
const checkIn = (at: string, id: string): ClientHubEvent => ({
  type: "callLogged",
  at,
  actor: "owner",
  id,
  outcome: "Connected",
  callType: "Check In - Call",
  direction: "outbound",
});
const mappers = {
  "ticket.propertyChange:hs_pipeline_stage": stageDraggedFrom(stages),
  "ticket.propertyChange:leadrules_task": taskCompletedFrom(),
};
const ms = (iso: string) => Date.parse(iso);
const eventsOf = (items: readonly { id: string; event: ClientHubEvent }[]) =>
  items.map(({ id, event }, index) => ({ index, id, objectId: "77", type: "call.creation", event }));

describe("stage drags", () => {
  const drag = (stage: StageDragged["stage"], changeSource: string | null = "CRM_UI"): StageDragged => ({
    type: "stageDragged",
    at: "2026-02-12T10:00:00.000Z",
    id: "d1",
    stage,
    changeSource,
  });
  const inStage = (status: ClientHubRecord["status"]) => ({ ...start, status });

  it("the record's own stage, or the host's own write, is an echo", () => {
    expect(unwrap(stageDragDecision(inStage("call1"), drag("call1")))).toEqual({ kind: "echo" });
    expect(unwrap(stageDragDecision(inStage("call2"), drag("call1", "INTEGRATION")))).toEqual({ kind: "echo" });
    expect(unwrap(stageDragDecision(inStage("call2"), drag("call1", "MY_APP"), ["MY_APP"]))).toEqual({ kind: "echo" });
  });

  it("a drag that stands for an event is that event; any other drag is reverted", () => {
    expect(unwrap(stageDragDecision(inStage("summaryOfCall"), drag("completed")))).toEqual({
      kind: "event",
      event: { type: "taskCompleted", at: "2026-02-12T10:00:00.000Z", actor: "owner", id: "d1" },
    });
    expect(unwrap(stageDragDecision(inStage("unsuccessfulCall"), drag("completed"))).kind).toBe("event");
    expect(unwrap(stageDragDecision(inStage("call3"), drag("unsuccessfulCall")))).toEqual({
      kind: "event",
      event: { type: "emailedInstead", at: "2026-02-12T10:00:00.000Z", actor: "owner", id: "d1" },
    });
    expect(unwrap(stageDragDecision(inStage("call1"), drag("summaryOfCall")))).toEqual({
      kind: "revert",
      stage: "call1",
    });
    expect(unwrap(stageDragDecision(inStage("call1"), drag("completed")))).toEqual({ kind: "revert", stage: "call1" });
  });

  it("the mapper reads the stage id; an unknown id is refused naming hs_pipeline_stage; a cleared one means nothing", () => {
    const batch = unwrap(
      readWebhookBatch(
        [
          stageChange("1005", ms("2026-02-12T10:00:00Z")),
          stageChange("999", ms("2026-02-12T10:00:00Z")),
          stageChange("", ms("2026-02-12T10:00:00Z")),
        ],
        mappers,
      ),
    );
    expect(batch.events.map((e) => e.event)).toEqual([
      {
        type: "stageDragged",
        at: "2026-02-12T10:00:00.000Z",
        id: batch.events[0]?.id,
        stage: "summaryOfCall",
        changeSource: "CRM_UI",
      },
    ]);
    expect(batch.rejected.map((r) => [r.index, r.error.property])).toEqual([[1, "hs_pipeline_stage"]]);
    expect(batch.ignored.map((r) => [r.index, r.property, r.unmapped])).toEqual([[2, "hs_pipeline_stage", false]]);
    expect(unwrapErr(stageDragDecision(null as never, null as never)).property).toBe("record");
  });
});

describe("planHubSpotBatch", () => {
  it("folds a batch onto the stored record: writes, effects, the stage to set, the report", () => {
    const call = checkIn("2026-02-10T10:00:00Z", "hubspot:call:1");
    const plan = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": fresh() },
        batch: { events: eventsOf([{ id: "hubspot:call:1", event: call }]), ignored: [], rejected: [] },
        now: "2026-02-10T11:00:00Z",
        stages,
      }),
    );
    expect(plan.write).toHaveLength(1);
    const [w] = plan.write;
    expect(w?.record.state.status).toBe("summaryOfCall");
    expect(w?.record.log).toEqual([call]);
    expect(w?.properties).toEqual({ hs_pipeline_stage: "1005" });
    expect(w?.nextDueAt).toBeNull();
    expect(plan.carryOut.map((c) => c.effect.type === "task" && c.effect.task)).toEqual([
      "checkInCall1",
      "summariseCall",
    ]);
    expect(w?.record.carriedOut).toEqual(plan.carryOut.map((c) => c.effect));
    expect(plan.report.applied).toEqual([{ index: 0, id: "hubspot:call:1", recordId: "77" }]);
    // The stored record's next move was Call Preparation; it no longer holds.
    expect(plan.unschedule).toEqual([
      { recordId: "77", dueAt: unwrap({ ok: true, value: clientHub.nextDueAt(start) }) },
    ]);
  });

  it("a retry is a duplicate and writes nothing; an object with no record is reported unknown", () => {
    const call = checkIn("2026-02-10T10:00:00Z", "hubspot:call:1");
    const first = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": fresh() },
        batch: { events: eventsOf([{ id: "hubspot:call:1", event: call }]), ignored: [], rejected: [] },
        now: "2026-02-10T11:00:00Z",
      }),
    );
    const stored = first.write[0]?.record as HubSpotStoredRecord;
    const again = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": stored },
        batch: {
          events: [
            ...eventsOf([{ id: "hubspot:call:1", event: call }]),
            { index: 1, id: "x", objectId: "78", type: "t", event: call },
          ],
          ignored: [],
          rejected: [],
        },
        now: "2026-02-10T11:00:00Z",
      }),
    );
    expect(again.write).toEqual([]);
    expect(again.carryOut).toEqual([]);
    expect(again.report.duplicates).toEqual([{ index: 0, id: "hubspot:call:1", recordId: "77" }]);
    expect(again.report.unknown).toEqual([{ index: 1, id: "x", objectId: "78" }]);
  });

  it("a late call lands where in-order delivery puts it (refold), and what the sweep did that no longer holds is undone", () => {
    const swept = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": fresh() },
        batch: { events: [], ignored: [], rejected: [] },
        now: "2026-02-26T08:00:00Z",
        sweep: true,
      }),
    );
    expect(swept.write[0]?.record.state.status).toBe("unsuccessfulCall");
    const late = checkIn("2026-02-24T10:00:00Z", "hubspot:call:77");
    const plan = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": swept.write[0]?.record as HubSpotStoredRecord },
        batch: { events: eventsOf([{ id: late.id as string, event: late }]), ignored: [], rejected: [] },
        now: "2026-02-26T08:00:00Z",
      }),
    );
    expect(plan.write[0]?.record.state.status).toBe("summaryOfCall");
    expect(plan.carryOut.map((c) => c.effect.type === "task" && c.effect.task)).toEqual(["summariseCall"]);
    expect(plan.undo.map((c) => c.effect.type === "task" && c.effect.task)).toEqual(["unsuccessfulCallCheckInEmail"]);
  });

  it("a drag to Completed from Summary of call completes the task; a drag that stands for nothing is reverted; the host's echo is nothing", () => {
    const call = checkIn("2026-02-10T10:00:00Z", "hubspot:call:1");
    const inSummary = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": fresh() },
        batch: { events: eventsOf([{ id: "hubspot:call:1", event: call }]), ignored: [], rejected: [] },
        now: "2026-02-10T11:00:00Z",
      }),
    ).write[0]?.record as HubSpotStoredRecord;
    const body = [
      // The host's own write of Summary of call coming back: an echo.
      stageChange("1005", ms("2026-02-10T10:00:01Z"), { changeSource: "INTEGRATION" }),
      // The owner drags the ticket to Completed: the summary task is done.
      stageChange("1000", ms("2026-02-11T09:00:00Z")),
    ];
    const batch = unwrap(readWebhookBatch(body, mappers));
    const plan = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": inSummary },
        batch,
        now: "2026-02-11T09:00:05Z",
        stages,
      }),
    );
    expect(plan.report.echoes.map((e) => e.index)).toEqual([0]);
    expect(plan.report.applied.map((e) => e.index)).toEqual([1]);
    expect(plan.write[0]?.record.state.status).toBe("completed");
    expect(plan.carryOut.map((c) => c.effect.type)).toEqual(["sendNpsSurvey"]);
    expect(plan.write[0]?.properties).toEqual({ hs_pipeline_stage: "1000" });

    const dragged = unwrap(readWebhookBatch([stageChange("1003", ms("2026-02-11T09:00:00Z"))], mappers));
    const reverted = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": inSummary },
        batch: dragged,
        now: "2026-02-11T09:00:05Z",
        stages,
      }),
    );
    expect(reverted.report.reverted.map((r) => [r.index, r.stage])).toEqual([[0, "summaryOfCall"]]);
    expect(reverted.write.map((w) => [w.recordId, w.properties])).toEqual([["77", { hs_pipeline_stage: "1005" }]]);
    expect(reverted.write[0]?.record.log).toEqual(inSummary.log);
  });

  it("a drag is decided when it arrives: in one batch after its call it completes; a batch earlier, it is reverted (docs/hubspot.md)", () => {
    const call = {
      index: 0,
      id: "hubspot:call:1",
      objectId: "77",
      type: "call.creation",
      event: checkIn("2026-02-10T10:00:00Z", "hubspot:call:1"),
    };
    const drag = unwrap(readWebhookBatch([stageChange("1000", ms("2026-02-10T11:00:00Z"))], mappers)).events[0];
    const plan = (record: HubSpotStoredRecord, events: readonly unknown[]) =>
      unwrap(
        planHubSpotBatch({
          lifecycle: clientHub,
          records: { "77": record },
          batch: {
            events: events.map((e, index) => ({ ...(e as object), index })) as never,
            ignored: [],
            rejected: [],
          },
          now: "2026-02-10T11:00:05Z",
          stages,
        }),
      );
    // Delivered in one batch, drag first: the call is applied first, and the drag completes the task.
    expect(plan(fresh(), [drag, call]).write[0]?.record.state.status).toBe("completed");
    // The drag a batch earlier: the record is in Call 1 (its contact date came at midnight), so the
    // drag is reverted, and the call then moves the record to Summary of call only.
    const early = plan(fresh(), [drag]);
    expect(early.report.reverted.map((r) => r.stage)).toEqual(["call1"]);
    const later = plan(early.write[0]?.record ?? fresh(), [call]);
    expect(later.write[0]?.record.state.status).toBe("summaryOfCall");
  });

  it("a stored record read back with its keys in another order (JSONB) is not written again", () => {
    const record = fresh();
    const shuffled: HubSpotStoredRecord = {
      ...record,
      state: Object.fromEntries(Object.entries(record.state).reverse()) as unknown as ClientHubRecord,
    };
    const plan = unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": shuffled },
        batch: { events: [], ignored: [], rejected: [] },
        now: "2026-01-10T16:00:00Z",
        sweep: true,
      }),
    );
    expect(plan.write).toEqual([]);
  });

  it("answers hostile input with an error naming the field, never a throw", () => {
    expect(unwrapErr(planHubSpotBatch(null as never)).property).toBe("input");
    const base = { lifecycle: clientHub, records: {}, batch: { events: [], ignored: [], rejected: [] }, now: 0 };
    expect(unwrapErr(planHubSpotBatch({ ...base, lifecycle: {} as never })).property).toBe("lifecycle");
    expect(unwrapErr(planHubSpotBatch({ ...base, now: "soon" })).property).toBe("now");
    expect(unwrapErr(planHubSpotBatch({ ...base, records: { "77": 5 as never }, sweep: true })).property).toBe(
      "records.77",
    );
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(unwrapErr(planHubSpotBatch({ ...base, records: revoked.proxy })).code).toBe("unreadable");
  });
});

describe("planHubSpotWebhook", () => {
  const signed = async (body: string, timestamp = "1772445600000") => {
    const request = { method: "POST", uri: "https://example.com/hubspot", body, timestamp, signature: "" };
    return { ...request, signature: unwrap(await hubSpotSignatureV3(request, "client-secret")) };
  };
  const options = (records: Record<string, HubSpotStoredRecord>) => ({
    secret: "client-secret",
    now: 1772445601000,
    lifecycle: clientHub,
    mappers,
    stages,
    records,
  });

  it("signature, batch and plan in one call: a drag to a stage no event stands for is reverted, its retry a duplicate", async () => {
    const due = unwrap(
      clientHub.initial({
        subscriptionId: "s1",
        contactId: "c1",
        at: "2026-01-10T15:00:00Z",
        timeZone: "UTC",
        nextContactDate: "2026-03-02",
      }),
    );
    const change = stageChange("1005", 1772445600000, { objectId: 1246965 });
    const request = await signed(JSON.stringify([change, { ...change, attemptNumber: 1 }]));
    const plan = unwrap(await planHubSpotWebhook(request, options({ "1246965": fresh(due) })));
    expect(plan.write.map((w) => [w.recordId, w.record.state.status, w.properties])).toEqual([
      ["1246965", "call1", { hs_pipeline_stage: "1002" }],
    ]);
    expect(plan.report.reverted.map((r) => r.index)).toEqual([0]);
    expect(plan.report.duplicates.map((r) => r.index)).toEqual([1]);
    expect(plan.carryOut.map((c) => c.effect.type === "task" && c.effect.task)).toEqual(["checkInCall1"]);
  });

  it("answers 401 for a signature refused, 400 for a body that is not a batch", async () => {
    const request = await signed("[]");
    expect(unwrapErr(await planHubSpotWebhook({ ...request, signature: "forged" }, options({}))).status).toBe(401);
    expect(unwrapErr(await planHubSpotWebhook(await signed("{not json"), options({}))).status).toBe(400);
    expect(unwrapErr(await planHubSpotWebhook(await signed("{}"), options({}))).error).toMatchObject({
      property: "body",
    });
    expect(unwrapErr(await planHubSpotWebhook(request, null as never)).status).toBe(400);
    expect(unwrap(await planHubSpotWebhook(request, options({}))).write).toEqual([]);
  });
});

describe("planHubSpotBatch laws", () => {
  // A batch of events for one record: a generated log (with ids), as readWebhookBatch's events.
  const batchOf = fc.array(fc.nat(), { maxLength: 20 });
  const log = clientHubLog({ maxLength: 12, ids: "hubspot:", from: Date.parse("2026-01-11T00:00:00Z") });
  const now = "2026-04-30T00:00:00Z";
  const planOf = (events: readonly ClientHubEvent[], order: readonly number[]) => {
    const picked = order.length === 0 ? events.map((_, i) => i) : order.map((k) => k % Math.max(events.length, 1));
    const items =
      events.length === 0
        ? []
        : picked.map((k) => ({ id: events[k]?.id as string, event: events[k] as ClientHubEvent }));
    return unwrap(
      planHubSpotBatch({
        lifecycle: clientHub,
        records: { "77": fresh() },
        batch: {
          events: eventsOf([...items, ...events.map((e) => ({ id: e.id as string, event: e }))]),
          ignored: [],
          rejected: [],
        },
        now,
        stages,
        sweep: true,
      }),
    );
  };

  it("any permutation or duplication of a batch gives the same writes and effects", () => {
    fc.assert(
      fc.property(log, batchOf, (events, order) => {
        const inOrder = planOf(events, []);
        const shuffled = planOf([...events].reverse(), order);
        expect(shuffled.write).toEqual(inOrder.write);
        expect(shuffled.carryOut).toEqual(inOrder.carryOut);
        expect(shuffled.unschedule).toEqual(inOrder.unschedule);
      }),
      { numRuns: RUNS },
    );
  });

  it("a batch split in two gives the record one batch gives, and refold's in-order state", () => {
    fc.assert(
      fc.property(log, fc.nat(), (events, cut) => {
        const k = events.length === 0 ? 0 : cut % (events.length + 1);
        const one = planOf(events, []);
        const first = unwrap(
          planHubSpotBatch({
            lifecycle: clientHub,
            records: { "77": fresh() },
            batch: {
              events: eventsOf(events.slice(k).map((e) => ({ id: e.id as string, event: e }))),
              ignored: [],
              rejected: [],
            },
            now,
            sweep: true,
          }),
        );
        const stored = first.write[0]?.record ?? fresh();
        const second = unwrap(
          planHubSpotBatch({
            lifecycle: clientHub,
            records: { "77": stored },
            batch: {
              events: eventsOf(events.slice(0, k).map((e) => ({ id: e.id as string, event: e }))),
              ignored: [],
              rejected: [],
            },
            now,
            sweep: true,
          }),
        );
        const final = second.write[0]?.record ?? stored;
        expect(final.state).toEqual(one.write[0]?.record.state ?? start);
        expect(final.state).toEqual(clientHub.refold(start, events, { now }).state);
        expect([...final.carriedOut]).toEqual([...(one.write[0]?.record.carriedOut ?? [])]);
      }),
      { numRuns: RUNS },
    );
  });

  it("the host's own stage write coming back is never an event and never a revert", () => {
    fc.assert(
      fc.property(
        log,
        fc.constantFrom(...Object.values(stages)),
        fc.integer({ min: 0, max: 100 * 86_400_000 }),
        (events, stageId, offset) => {
          const base = planOf(events, []);
          const stored = base.write[0]?.record ?? fresh();
          const echo = stageChange(stageId, ms("2026-01-11T00:00:00Z") + offset, { changeSource: "INTEGRATION" });
          const plan = unwrap(
            planHubSpotBatch({
              lifecycle: clientHub,
              records: { "77": stored },
              batch: unwrap(readWebhookBatch([echo], mappers)),
              now,
              stages,
            }),
          );
          expect(plan.report.echoes).toHaveLength(1);
          expect(plan.report.applied).toEqual([]);
          expect(plan.report.reverted).toEqual([]);
          expect(plan.write).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
