// Webhook batches: test/hubspot/fixtures/webhook-batch.json (HubSpot's Node client's test body) and
// property-change.json (a propertyChange batch with the fields HubSpot's webhooks docs list).
import { describe, expect, it } from "vitest";
import { parseClientHubEvent } from "../../src/client-hub/schema.js";
import {
  contactRatioSetFrom,
  type HubSpotChange,
  readWebhookBatch,
  readWebhookEvent,
  taskCompletedFrom,
  webhookEventId,
} from "../../src/hubspot/index.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { fixture, ratioChange } from "./fixtures.js";

const ratios = { "1_month": { count: 1, unit: "month" }, "2_weeks": { count: 2, unit: "week" } } as const;
const change = ratioChange; // the shared fixture, by the name these tests use

describe("readWebhookEvent", () => {
  it("reads the Node client's documented contact.creation event and keys it without attemptNumber", () => {
    const [item] = JSON.parse(fixture("webhook-batch.json").rawBody);
    expect(unwrap(readWebhookEvent(item))).toEqual({
      id: "hubspot:62515:contact.creation:123::1564113600000:1",
      type: "contact.creation",
      portalId: 62515,
      objectId: "123",
      propertyName: null,
      propertyValue: null,
      occurredAt: "2019-07-26T04:00:00.000Z",
      eventId: 1,
      attemptNumber: 0,
      changeSource: "CRM",
    });
    // A retry: same change, next attempt, same identity.
    expect(unwrap(readWebhookEvent({ ...item, attemptNumber: 3 })).id).toBe(unwrap(readWebhookEvent(item)).id);
  });

  it("reads the legacy eventType and the new object.* with objectTypeId", () => {
    const legacy = unwrap(
      readWebhookEvent(change({ subscriptionType: undefined, eventType: "contact.propertyChange" })),
    );
    expect(legacy.type).toBe("contact.propertyChange");
    expect(unwrap(readWebhookEvent(change())).type).toBe("2-7654321.propertyChange");
    expect(unwrap(readWebhookEvent(change({ objectTypeId: undefined }))).type).toBe("object.propertyChange");
    expect(
      unwrap(readWebhookEvent(change({ objectId: "abc", attemptNumber: undefined, changeSource: 5 }))),
    ).toMatchObject({
      objectId: "abc",
      attemptNumber: 0,
      changeSource: null,
    });
  });

  it("two changes differing in any identifying field have different keys", () => {
    const base = unwrap(readWebhookEvent(change())).id;
    expect(base).toBe("hubspot:33:2-7654321.propertyChange:1246965:contact_ratio:1772445600000:3816279340");
    for (const extra of [
      { portalId: 34 },
      { objectId: 2 },
      { propertyName: "other" },
      { occurredAt: 1772445600001 },
      { eventId: 1 },
      { subscriptionType: "object.creation" },
    ]) {
      expect(unwrap(readWebhookEvent(change(extra))).id).not.toBe(base);
    }
    expect(unwrap(readWebhookEvent(change({ propertyValue: "1_month", changeSource: "API" }))).id).toBe(base);
  });

  it("refuses each malformed field by name", () => {
    const refused = (extra: Record<string, unknown>) => unwrapErr(readWebhookEvent(change(extra)));
    expect(refused({ eventId: "1" })).toEqual({
      code: "invalidPayload",
      message: 'eventId must be a whole number, got "1"',
      property: "eventId",
      value: "1",
    });
    expect(refused({ portalId: -1 }).message).toBe("portalId must be a whole number, got -1");
    expect(refused({ occurredAt: "1772445600000" }).message).toBe(
      'occurredAt must be epoch milliseconds, got "1772445600000"',
    );
    expect(refused({ occurredAt: 1e20 }).property).toBe("occurredAt");
    expect(refused({ objectId: null }).message).toBe("objectId must be the object's id, got null");
    expect(refused({ attemptNumber: 1.5 }).message).toBe("attemptNumber must be a whole number, got 1.5");
    expect(refused({ propertyName: 3 }).message).toBe("propertyName must be a property name, got 3");
    expect(refused({ propertyValue: 3 }).message).toBe("propertyValue must be text, got 3");
    expect(refused({ subscriptionType: "creation" }).message).toBe(
      'subscriptionType must be a subscription type such as "contact.propertyChange", got "creation"',
    );
    expect(refused({ subscriptionType: undefined, eventType: 5 }).property).toBe("eventType");
    expect(unwrapErr(readWebhookEvent([])).message).toBe("event must be an object, got an array of 0");
  });

  it("webhookEventId is the documented key", () => {
    expect(
      webhookEventId({
        portalId: 1,
        type: "t.x",
        objectId: "o",
        propertyName: "p",
        occurredAt: "1970-01-01T00:00:00.005Z",
        eventId: 9,
      }),
    ).toBe("hubspot:1:t.x:o:p:5:9");
  });

  it("two changes whose parts hold a colon keep apart keys (found in review), and a missing property name is empty", () => {
    const base = { portalId: 1, propertyName: "", occurredAt: "1970-01-01T00:00:00.000Z", eventId: 1 };
    const a = webhookEventId({ ...base, type: "a.b:c", objectId: "d" });
    const b = webhookEventId({ ...base, type: "a.b", objectId: "c:d" });
    expect([a, b]).toEqual(["hubspot:1:a.b%3Ac:d::0:1", "hubspot:1:a.b:c%3Ad::0:1"]);
    expect(webhookEventId({ ...base, type: "t.x", objectId: "o", propertyName: null })).toBe("hubspot:1:t.x:o::0:1");
  });
});

describe("readWebhookBatch", () => {
  it("maps a batch, lists ignored changes, and refuses bad items by index without stopping the rest", () => {
    const batch = unwrap(
      readWebhookBatch(
        [
          change(),
          change({ propertyValue: "" }),
          change({ propertyValue: "weekly" }),
          { eventId: "x" },
          change({
            subscriptionType: "task.propertyChange",
            objectTypeId: undefined,
            propertyName: "hs_task_status",
            propertyValue: "COMPLETED",
          }),
          change({ subscriptionType: "deal.creation", objectTypeId: undefined, propertyName: undefined }),
        ],
        {
          "2-7654321.propertyChange:contact_ratio": contactRatioSetFrom(ratios),
          "task.propertyChange": taskCompletedFrom(),
        },
      ),
    );
    expect(batch.events).toEqual([
      {
        index: 0,
        id: "hubspot:33:2-7654321.propertyChange:1246965:contact_ratio:1772445600000:3816279340",
        objectId: "1246965",
        type: "2-7654321.propertyChange",
        event: {
          type: "contactRatioSet",
          at: "2026-03-02T10:00:00.000Z",
          actor: "owner",
          contactRatio: { count: 2, unit: "week" },
          id: "hubspot:33:2-7654321.propertyChange:1246965:contact_ratio:1772445600000:3816279340",
        },
      },
      {
        index: 4,
        id: "hubspot:33:task.propertyChange:1246965:hs_task_status:1772445600000:3816279340",
        objectId: "1246965",
        type: "task.propertyChange",
        event: {
          type: "taskCompleted",
          at: "2026-03-02T10:00:00.000Z",
          actor: "owner",
          id: "hubspot:33:task.propertyChange:1246965:hs_task_status:1772445600000:3816279340",
        },
      },
    ]);
    for (const e of batch.events) expect(parseClientHubEvent(e.event).ok).toBe(true);
    expect(batch.ignored).toEqual([
      {
        index: 1,
        id: "hubspot:33:2-7654321.propertyChange:1246965:contact_ratio:1772445600000:3816279340",
        property: "contact_ratio",
        unmapped: false,
      },
      {
        index: 5,
        id: "hubspot:33:deal.creation:1246965::1772445600000:3816279340",
        property: "deal.creation",
        unmapped: true,
      },
    ]);
    expect(batch.rejected.map((r) => [r.index, r.error.code, r.error.property, r.error.message])).toEqual([
      [2, "unknownValue", "contact_ratio", 'contact_ratio "weekly" is not one of 1_month, 2_weeks'],
      [
        3,
        "invalidPayload",
        "subscriptionType",
        'subscriptionType must be a subscription type such as "contact.propertyChange", got undefined',
      ],
    ]);
  });

  it("reads the documented propertyChange batch through a mapper keyed by type alone", () => {
    const { body } = fixture("property-change.json");
    const batch = unwrap(readWebhookBatch(body, { "contact.propertyChange": () => ({ ok: true, value: "seen" }) }));
    expect(batch.events).toEqual([
      {
        index: 0,
        id: "hubspot:12345678:contact.propertyChange:123:lifecyclestage:1711234567890:100",
        objectId: "123",
        type: "contact.propertyChange",
        event: "seen",
      },
    ]);
  });

  it("one mapper key serves both spellings of a subscription: ticket.propertyChange and object.propertyChange with 0-5", () => {
    const legacy = {
      eventId: 9,
      portalId: 33,
      occurredAt: 1772445600000,
      subscriptionType: "ticket.propertyChange",
      objectId: 77,
      propertyName: "hs_pipeline_stage",
      propertyValue: "1002",
    };
    const generic = { ...legacy, subscriptionType: "object.propertyChange", objectTypeId: "0-5" };
    for (const key of ["ticket.propertyChange:hs_pipeline_stage", "0-5.propertyChange:hs_pipeline_stage"]) {
      const batch = unwrap(readWebhookBatch([legacy, generic], { [key]: (c) => ({ ok: true, value: c.type }) }));
      expect(batch.events.map((e) => [e.index, e.event])).toEqual([
        [0, "ticket.propertyChange"],
        [1, "ticket.propertyChange"],
      ]);
      // One change, two spellings: one identity key.
      expect(batch.events[0]?.id).toBe(batch.events[1]?.id);
    }
    // A property no mapper is named for lands in ignored, named by the property.
    expect(
      unwrap(readWebhookBatch([legacy], { "ticket.propertyChange:subject": () => ({ ok: true, value: 1 }) })).ignored,
    ).toEqual([
      {
        index: 0,
        id: "hubspot:33:ticket.propertyChange:77:hs_pipeline_stage:1772445600000:9",
        property: "hs_pipeline_stage",
        unmapped: true,
      },
    ]);
  });

  it("refuses a body that is not an array", () => {
    expect(unwrapErr(readWebhookBatch({ data: [] }, {}))).toEqual({
      code: "invalidPayload",
      message: "body must be an array of events, got an object",
      property: "body",
      value: { data: [] },
    });
  });

  it("the Client Hub mappers: a task moved elsewhere means nothing; another completed value can be named", () => {
    const at = "2026-03-02T10:00:00.000Z";
    const c = { propertyName: "hs_task_status", propertyValue: "IN_PROGRESS", occurredAt: at } as HubSpotChange;
    expect(taskCompletedFrom()(c)).toEqual({ ok: true, value: null });
    expect(taskCompletedFrom("IN_PROGRESS")(c)).toEqual({
      ok: true,
      value: { type: "taskCompleted", at, actor: "owner" },
    });
    const r = { propertyName: null, propertyValue: "x", occurredAt: at } as HubSpotChange;
    expect(unwrapErr(contactRatioSetFrom(ratios)(r)).property).toBe("propertyValue");
    expect(contactRatioSetFrom(ratios, "system")({ ...r, propertyValue: "1_month" })).toEqual({
      ok: true,
      value: { type: "contactRatioSet", at, actor: "system", contactRatio: { count: 1, unit: "month" } },
    });
    expect(contactRatioSetFrom(ratios)({ ...r, propertyValue: "toString" }).ok).toBe(false);
  });
});

describe("readWebhookBatch on what plain JavaScript passes (found in review)", () => {
  const change = (eventId: number) => ({
    eventId,
    portalId: 1,
    occurredAt: 0,
    subscriptionType: "contact.creation",
    objectId: 9,
  });
  it("refuses mappers that are not an object, and a mapper that is not a function, by name", () => {
    expect(unwrapErr(readWebhookBatch([], null as never))).toMatchObject({
      code: "invalidPayload",
      property: "mappers",
      message: "mappers must be an object of mappers, got null",
    });
    const batch = unwrap(readWebhookBatch([change(1)], { "contact.creation": "nope" } as never));
    expect(batch.rejected.map((r) => [r.index, r.error.property, r.error.message])).toEqual([
      [0, "mappers.contact.creation", "mappers.contact.creation must be a mapper function"],
    ]);
  });
  it("lists a hole of a sparse batch in rejected, with its index", () => {
    const body: unknown[] = [];
    body[1] = change(2);
    const batch = unwrap(readWebhookBatch(body, { "contact.creation": () => ({ ok: true, value: "seen" }) }));
    expect(batch.rejected.map((r) => [r.index, r.error.code])).toEqual([[0, "invalidPayload"]]);
    expect(batch.events.map((e) => e.event)).toEqual(["seen"]);
  });
});
