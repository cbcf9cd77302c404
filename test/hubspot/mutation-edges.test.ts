// Edges of the HubSpot adapters that the example tests left open: bad input from plain JavaScript
// (README: "Bad input gets a clear error value: code + message naming the field, never a crash"),
// the exact shape of what is written back, and the v3 signature's byte-level rules
// (docs/hubspot.md). Fixtures: test/hubspot/fixtures/ (each names its HubSpot source).
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import type { Result } from "../../src/core/result.js";
import {
  callFactsFromHubSpot,
  callFactsToHubSpot,
  callLoggedFromHubSpot,
  callLoggedToHubSpot,
  clientHubStageMap,
  clientHubStageOf,
  contactRatioSetFrom,
  HUBSPOT_DEFAULTS,
  type HubSpotChange,
  type HubSpotInvalid,
  type HubSpotStageMap,
  hubSpotSignatureV3,
  hubSpotSignedUri,
  hubSpotStageIdOf,
  readHubSpotCheckbox,
  readHubSpotDate,
  readHubSpotDateTime,
  readHubSpotNumber,
  readWebhookBatch,
  readWebhookEvent,
  type SubtleHmac,
  subscriptionFromAssociations,
  taskCompletedFrom,
  verifyHubSpotSignatureV3,
  webhookEventId,
  writeHubSpotDateTime,
  writeHubSpotNumber,
} from "../../src/hubspot/index.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { runs } from "../setup.js";
import { call, fixture, GUID, ratioChange, STAGES } from "./fixtures.js";

/** Any text, lone surrogates included: code points of every UTF-8 length and surrogate halves. */
const anyText = (): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        fc.constantFrom("\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "\u{10000}"),
      ),
      { maxLength: 12 },
    )
    .map((chars) => chars.join(""));

/** Both call readers, as one signature: they refuse the same shapes the same way. */
const readers = (): ((call: unknown, portal?: never) => Result<unknown, HubSpotInvalid>)[] => [
  callLoggedFromHubSpot as never,
  callFactsFromHubSpot as never,
];

/** A value that throws on any read: what a host's hostile Proxy or a revoked one does. */
const unreadableValue = (): never => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy as never;
};

const MAP: HubSpotStageMap = STAGES;

/** A Client Hub pipeline as the Pipelines API returns it, one stage per playbook label. */
const pipeline = (): { id: string; label: string; stages: Record<string, unknown>[] } => ({
  id: "p",
  label: "Client Hub",
  stages: [
    { id: "1000", label: "Completed", archived: false },
    { id: "1001", label: "Call Preparation", archived: false },
    { id: "1002", label: "Call 1", archived: false },
    { id: "1003", label: "Call 2", archived: false },
    { id: "1004", label: "Call 3", archived: false },
    { id: "1005", label: "Summary of Call", archived: false },
    { id: "1006", label: "Unsuccessful Call", archived: false },
  ],
});

describe("subscriptionFromAssociations: bad input is named, never a crash", () => {
  it("names a subscription id that is not one, even when the response is fine", () => {
    const { lastPage } = fixture("associations-v4.json");
    const error = unwrapErr(subscriptionFromAssociations(-1 as never, lastPage));
    expect(error.code).toBe("invalidHubSpotObject");
    expect(error.issues).toEqual([
      {
        code: "invalidPayload",
        property: "subscriptionId",
        value: -1,
        message: "subscriptionId must be the subscription's id",
      },
    ]);
    expect(error.message).toBe("Invalid HubSpot associations: subscriptionId must be the subscription's id");
  });

  it("names primary labels that are not a list of labels, and an empty list of pages", () => {
    const { lastPage } = fixture("associations-v4.json");
    for (const labels of [["Primary", 5], "Primary", null]) {
      const error = unwrapErr(subscriptionFromAssociations("9001", lastPage, labels as never));
      expect(error.issues).toEqual([
        expect.objectContaining({ code: "invalidPayload", property: "primaryLabels", value: labels }),
      ]);
      expect(error.message).toBe("Invalid HubSpot associations: primaryLabels must be a list of association labels");
    }
    const empty = unwrapErr(subscriptionFromAssociations("9001", []));
    expect(empty.issues).toEqual([
      { code: "invalidPayload", property: "pages", value: [], message: "pages must hold a response" },
    ]);
  });

  it("object ids are whole numbers 0 and up, or text: anything else is named at its index", () => {
    const types = [{ category: "HUBSPOT_DEFINED", typeId: 1, label: "Primary" }];
    const bad = [-1, 1.5, null, undefined, true];
    const error = unwrapErr(
      subscriptionFromAssociations("9001", {
        results: [null, ...bad.map((toObjectId) => ({ toObjectId, associationTypes: types }))],
      }),
    );
    expect(error.issues.map((i) => [i.code, i.property, i.message])).toEqual(
      [undefined, ...bad].map((_, i) => [
        "invalidPayload",
        `results.${i}.toObjectId`,
        `results.${i}.toObjectId must be an object id`,
      ]),
    );
    expect(error.issues.map((i) => i.value)).toEqual([undefined, ...bad]);
    // 0 is an id like any other.
    expect(
      unwrap(subscriptionFromAssociations("0", { results: [{ toObjectId: 0, associationTypes: types }] })),
    ).toEqual({
      id: "0",
      contacts: [{ id: "0", primary: true }],
    });
  });

  it("names results and association types that are not lists; a null association type is no label", () => {
    const results = unwrapErr(subscriptionFromAssociations("9001", { results: "none" }));
    expect(results.issues).toEqual([
      {
        code: "invalidPayload",
        property: "results",
        value: "none",
        message: 'results must be the associations, got "none"',
      },
    ]);
    const types = unwrapErr(
      subscriptionFromAssociations("9001", { results: [{ toObjectId: 7, associationTypes: {} }] }),
    );
    expect(types.issues).toEqual([
      {
        code: "invalidPayload",
        property: "results.0.associationTypes",
        value: {},
        message: "results.0.associationTypes must be a list",
      },
    ]);
    const withNull = subscriptionFromAssociations("9001", {
      results: [
        { toObjectId: 7, associationTypes: [null, { category: "HUBSPOT_DEFINED", typeId: 1, label: "Primary" }] },
      ],
    });
    expect(unwrap(withNull).contacts).toEqual([{ id: "7", primary: true }]);
  });

  it("paging.next null on the last page means no more pages; a set one is named at its page", () => {
    const { firstPage, lastPage } = fixture("associations-v4.json");
    expect(subscriptionFromAssociations("9001", { ...lastPage, paging: { next: null } }).ok).toBe(true);
    const error = unwrapErr(subscriptionFromAssociations("9001", [lastPage, firstPage]));
    expect(error.issues).toEqual([
      {
        code: "invalidPayload",
        property: "1.paging.next",
        value: firstPage.paging.next,
        message: "1.paging.next says more pages follow: pass every page",
      },
    ]);
    expect(error.message).toBe("Invalid HubSpot associations: 1.paging.next says more pages follow: pass every page");
  });

  it("a response that throws when read is one unreadable issue", () => {
    expect(unwrapErr(subscriptionFromAssociations("9001", unreadableValue()))).toEqual({
      code: "invalidHubSpotObject",
      message: `Invalid HubSpot object: ${UNREADABLE_MESSAGE}`,
      issues: [{ code: "unreadable", message: UNREADABLE_MESSAGE, property: "", value: undefined }],
    });
  });
});

describe("HubSpot property values: what is not a value is refused", () => {
  it("a number is a number or its decimal text: not a boolean, null, empty text or a list", () => {
    for (const value of [true, null, "", " ", undefined, [], "0x1F", [42], ["42"]]) {
      expect(unwrapErr(readHubSpotNumber(value, "employees"))).toMatchObject({
        code: "invalidNumber",
        property: "employees",
      });
    }
    expect(unwrap(readHubSpotNumber("42.5", "employees"))).toBe(42.5);
  });

  it("a date-time is epoch ms or ISO-8601 text; a date is midnight UTC as a number or text, or YYYY-MM-DD", () => {
    expect(unwrap(readHubSpotDateTime("2026-03-02T10:00:00Z", "hs_timestamp"))).toBe("2026-03-02T10:00:00.000Z");
    expect(unwrap(readHubSpotDateTime("2026-03-02T21:00:00+11:00", "hs_timestamp"))).toBe("2026-03-02T10:00:00.000Z");
    for (const value of [null, true, "", [], [1772445600000], ["1772445600000"]]) {
      expect(unwrapErr(readHubSpotDateTime(value, "hs_timestamp"))).toMatchObject({ code: "invalidDateTime" });
    }
    expect(unwrap(readHubSpotDate(1772409600000, "next_contact_date"))).toBe("2026-03-02");
    for (const value of ["2026-02-30", "soon", null, 1772445600000]) {
      expect(unwrapErr(readHubSpotDate(value, "next_contact_date"))).toMatchObject({ code: "invalidDate" });
    }
  });

  it("a property name that is not text is itself the fault, said in the message", () => {
    expect(unwrapErr(readHubSpotCheckbox("yes", 42 as never))).toEqual({
      code: "invalidPayload",
      property: "property",
      value: 42,
      message: "property must be a property name (text), got 42",
    });
  });

  it("writers given a value that throws when read write nothing (never a crash)", () => {
    expect(writeHubSpotNumber(unreadableValue())).toBe("");
    expect(writeHubSpotDateTime(unreadableValue())).toBe("");
  });

  it("a reader given a value that throws when read answers unreadable, with no property", () => {
    expect(unwrapErr(readWebhookEvent(unreadableValue()))).toEqual({
      code: "unreadable",
      message: UNREADABLE_MESSAGE,
      property: "",
      value: undefined,
    });
  });
});

describe("v3 signature: HubSpot's bytes", () => {
  const secret = "app-secret";
  const hmac = (text: string): string => createHmac("sha256", secret).update(text, "utf8").digest("base64");

  it("signs UTF-8 at every encoding boundary, a lone surrogate as U+FFFD (as Node's HMAC does)", async () => {
    const body = "\u007f|\u0080|\u07ff|\u0800|\ud7ff|\ud800|x\udfff|\ue000|\uffff|\u{10000}|\u{10ffff}";
    const request = {
      method: "POST",
      uri: "https://example.com/hook",
      body,
      timestamp: "1700000000000",
      signature: null,
    };
    const signed = unwrap(await hubSpotSignatureV3(request, secret));
    expect(signed).toBe(hmac(`POSThttps://example.com/hook${body}1700000000000`));
    // A secret outside ASCII is its UTF-8 bytes too.
    const key = "clé-\u{1f511}";
    expect(unwrap(await hubSpotSignatureV3(request, key))).toBe(
      createHmac("sha256", key).update(`POSThttps://example.com/hook${body}1700000000000`).digest("base64"),
    );
  });

  it("agrees with Node's HMAC-SHA256 on any text (property)", async () => {
    await fc.assert(
      fc.asyncProperty(anyText(), anyText(), async (body, timestamp) => {
        const request = { method: "POST", uri: "https://example.com/h", body, timestamp, signature: null };
        expect(unwrap(await hubSpotSignatureV3(request, secret))).toBe(
          hmac(`POSThttps://example.com/h${body}${timestamp}`),
        );
      }),
      { numRuns: runs(50) },
    );
  });

  it("a request with no timestamp header signs method + uri + body", async () => {
    const request = { method: "POST", uri: "https://example.com/hook", body: "[]", timestamp: null, signature: null };
    expect(unwrap(await hubSpotSignatureV3(request, secret))).toBe(hmac("POSThttps://example.com/hook[]"));
  });

  it("base64s whatever digest a host's own subtle returns, padding included; the key it imports is not extractable", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 10 }), async (digest) => {
        const calls: unknown[][] = [];
        const subtle: SubtleHmac = {
          importKey: async (...args) => {
            calls.push(args);
            return { type: "secret" };
          },
          sign: async () => digest.slice().buffer,
        };
        const request = { method: "POST", uri: "https://example.com/h", body: "", timestamp: "1", signature: null };
        expect(unwrap(await hubSpotSignatureV3(request, "k", subtle))).toBe(Buffer.from(digest).toString("base64"));
        expect(calls).toEqual([["raw", Uint8Array.from([0x6b]), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]]]);
      }),
      { numRuns: runs(30) },
    );
  });

  it("base64 pads a digest of any length as RFC 4648 does", async () => {
    for (let length = 0; length <= 7; length++) {
      const digest = Uint8Array.from({ length }, (_, i) => 251 - 37 * i);
      const subtle: SubtleHmac = {
        importKey: async () => ({ type: "secret" }),
        sign: async () => digest.slice().buffer,
      };
      const request = { method: "POST", uri: "https://example.com/h", body: "", timestamp: "1", signature: null };
      expect(unwrap(await hubSpotSignatureV3(request, "k", subtle))).toBe(Buffer.from(digest).toString("base64"));
    }
  });

  it("the timestamp header is digits only: spaces, hex or a sign around them are refused", async () => {
    const now = 1700000000000;
    for (const timestamp of [
      " 1700000000000",
      "1700000000000 ",
      "0x18BCFE56800",
      "+1700000000000",
      "1700000000000\n",
    ]) {
      const request = { method: "POST", uri: "https://example.com/hook", body: "[]", timestamp, signature: "x" };
      expect(unwrapErr(await verifyHubSpotSignatureV3(request, secret, now))).toMatchObject({
        code: "invalidTimestamp",
        field: "X-HubSpot-Request-Timestamp",
      });
    }
  });

  it("a request that is not an object is named as the request", async () => {
    for (const request of [null, 5, "POST"]) {
      expect(unwrapErr(await verifyHubSpotSignatureV3(request as never, secret, 0))).toMatchObject({
        code: "invalidRequest",
        field: "request",
      });
    }
  });

  it("hubSpotSignedUri of a value that is not text is empty", () => {
    expect(hubSpotSignedUri(undefined as never)).toBe("");
    expect(hubSpotSignedUri(42 as never)).toBe("");
  });
});

describe("clientHubStageMap and the stage lookups: every refusal named", () => {
  it("labels that are not an object of texts are named", () => {
    for (const labels of [null, ["Call 1"], "Call 1"]) {
      const error = unwrapErr(clientHubStageMap(pipeline(), labels as never));
      expect(error.issues).toEqual([
        expect.objectContaining({ code: "invalidPayload", property: "labels", value: labels }),
      ]);
      expect(error.message).toBe("Invalid HubSpot stage labels: labels must be an object of stage labels");
    }
    const bad = unwrapErr(clientHubStageMap(pipeline(), { call1: 5 } as never));
    expect(bad.message).toBe("Invalid HubSpot stage labels: labels.call1 must be a stage label (text)");
  });

  it("a pipeline without stages, a null stage and a stage without a label are named", () => {
    expect(unwrapErr(clientHubStageMap(null))).toEqual({
      code: "invalidHubSpotObject",
      message: "Invalid HubSpot pipeline: stages must be the pipeline's list of stages",
      issues: [
        {
          code: "invalidPayload",
          property: "stages",
          value: undefined,
          message: "stages must be the pipeline's list of stages",
        },
      ],
    });
    const p = pipeline();
    p.stages.push(null as never, { id: "2000" });
    const error = unwrapErr(clientHubStageMap(p));
    expect(error.issues.map((i) => [i.property, i.message])).toEqual([
      ["stages.7", "stages.7 must have a text id and label"],
      ["stages.8", "stages.8 (stage 2000) must have a text id and label"],
    ]);
    expect(error.message).toBe(
      "Invalid HubSpot pipeline: stages.7 must have a text id and label; stages.8 (stage 2000) must have a text id and label",
    );
  });

  it("a missing label says the pipeline's stages, or none; a shared label names the other stage", () => {
    const archived = pipeline();
    for (const stage of archived.stages) stage.archived = true;
    const none = unwrapErr(clientHubStageMap(archived));
    expect(none.issues[0]).toEqual({
      code: "unknownValue",
      property: "stages",
      value: "Completed",
      message: 'stages has no stage labelled "Completed" (completed); its stages: none',
    });
    const shared = pipeline();
    shared.stages.push({ id: "1099", label: " call 1 " });
    const error = unwrapErr(clientHubStageMap(shared));
    expect(error.issues).toEqual([
      {
        code: "unknownValue",
        property: "stages.2",
        value: "1002",
        message: 'stages.2 (stage 1002) shares the label "Call 1" (call1) with stage 1099',
      },
      {
        code: "unknownValue",
        property: "stages.7",
        value: "1099",
        message: 'stages.7 (stage 1099) shares the label "Call 1" (call1) with stage 1002',
      },
    ]);
    // Three stages on one label: each names the two others.
    shared.stages.push({ id: "1098", label: "CALL 1" });
    expect(unwrapErr(clientHubStageMap(shared)).issues.map((i) => i.message)).toEqual([
      'stages.2 (stage 1002) shares the label "Call 1" (call1) with stage 1099, 1098',
      'stages.7 (stage 1099) shares the label "Call 1" (call1) with stage 1002, 1098',
      'stages.8 (stage 1098) shares the label "Call 1" (call1) with stage 1002, 1099',
    ]);
  });

  it("clientHubStageOf with no map names hs_pipeline_stage", () => {
    expect(unwrapErr(clientHubStageOf("1002", null as never))).toMatchObject({
      code: "unknownValue",
      property: "hs_pipeline_stage",
    });
  });

  it("hubSpotStageIdOf writes nothing for a stage the map does not own", () => {
    expect(hubSpotStageIdOf("call1", MAP)).toBe("1002");
    expect(hubSpotStageIdOf("call1", {} as never)).toBe("");
    expect(hubSpotStageIdOf("call1", { call1: 1002 } as never)).toBe("");
    // Only the map's own entries: an inherited one (a polluted prototype) is not the portal's.
    expect(hubSpotStageIdOf("call1", Object.create(MAP))).toBe("");
    expect(hubSpotStageIdOf("call1", unreadableValue())).toBe("");
  });
});

describe("readWebhookEvent / webhookEventId: every field checked", () => {
  it("ids and counters are whole numbers, occurredAt epoch ms: each other shape is named", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ eventId: "3816279340" }, "eventId"],
      [{ portalId: -33 }, "portalId"],
      [{ attemptNumber: 1.5 }, "attemptNumber"],
      [{ occurredAt: "2026-03-02T10:00:00.000Z" }, "occurredAt"],
      [{ subscriptionType: undefined }, "subscriptionType"],
      [{ subscriptionType: undefined, eventType: "contact" }, "eventType"],
      // Both given: the one read (subscriptionType) is the one named.
      [{ subscriptionType: "contact", eventType: "contact.propertyChange" }, "subscriptionType"],
    ];
    for (const [extra, property] of cases) {
      expect(unwrapErr(readWebhookEvent(ratioChange(extra)))).toMatchObject({ code: "invalidPayload", property });
    }
    expect(unwrapErr(readWebhookEvent(null))).toMatchObject({ code: "invalidPayload", property: "event" });
  });

  it("a null property name and value (a creation event) are no property, not a fault", () => {
    const change = unwrap(readWebhookEvent(ratioChange({ propertyName: null, propertyValue: null })));
    expect([change.propertyName, change.propertyValue]).toEqual([null, null]);
  });

  it("webhookEventId of a value that is not a change is no identity", () => {
    for (const value of [null, 5, "contact.creation", unreadableValue()]) {
      expect(webhookEventId(value as never)).toBe("");
    }
  });
});

describe("readWebhookBatch: a mapper's answer that is not a Result refuses that item only", () => {
  const item = (): Record<string, unknown> => ratioChange();

  it("each non-Result answer is named at mappers.<key>; the batch still reads", () => {
    const answers = [
      undefined,
      null,
      5,
      "ok",
      { ok: true },
      { ok: false },
      { ok: false, error: null },
      { ok: false, error: "bad" },
      { ok: "no", error: { code: "x" } },
    ];
    for (const answer of answers) {
      const batch = unwrap(readWebhookBatch([item(), item()], { "2-7654321.propertyChange": (() => answer) as never }));
      expect(batch.events).toEqual([]);
      expect(batch.rejected).toEqual(
        [0, 1].map((index) => ({
          index,
          error: {
            code: "invalidPayload",
            property: "mappers.2-7654321.propertyChange",
            value: answer,
            message: "mappers.2-7654321.propertyChange must return { ok: true, value } or { ok: false, error }",
          },
        })),
      );
    }
  });

  it("a mapper entry that is not a function is named; one left undefined is no mapper", () => {
    const notFn = unwrap(readWebhookBatch([item()], { "2-7654321.propertyChange": "ratio" as never }));
    expect(notFn.rejected).toEqual([
      {
        index: 0,
        error: {
          code: "invalidPayload",
          property: "mappers.2-7654321.propertyChange",
          value: "ratio",
          message: "mappers.2-7654321.propertyChange must be a mapper function",
        },
      },
    ]);
    const unset = unwrap(readWebhookBatch([item()], { "2-7654321.propertyChange": undefined as never }));
    expect(unset.rejected).toEqual([]);
    expect(unset.ignored).toEqual([expect.objectContaining({ index: 0, property: "contact_ratio", unmapped: true })]);
  });

  it("mappers that are not an object are named before any item is read", () => {
    for (const mappers of [null, [], "ratio"]) {
      expect(unwrapErr(readWebhookBatch([item()], mappers as never))).toMatchObject({
        code: "invalidPayload",
        property: "mappers",
      });
    }
  });
});

describe("the library's own mappers on bad input", () => {
  const ratios = { "2_weeks": { count: 2, unit: "week" } } as const;
  const change = (): HubSpotChange => unwrap(readWebhookEvent(ratioChange()));

  it("contactRatioSetFrom names values that are not an object, and a change that is not one", () => {
    for (const values of [null, "2_weeks"]) {
      expect(unwrapErr(contactRatioSetFrom(values as never)(change()))).toEqual({
        code: "invalidPayload",
        property: "values",
        value: values,
        message: "values must be an object of Contact Ratios by value",
      });
    }
    const mappers: ((change: never) => Result<unknown, unknown>)[] = [contactRatioSetFrom(ratios), taskCompletedFrom()];
    for (const mapper of mappers) {
      for (const value of [null, 5]) {
        expect(unwrapErr(mapper(value as never))).toEqual({
          code: "invalidPayload",
          property: "change",
          value,
          message: "change must be a change read by readWebhookEvent",
        });
      }
    }
  });
});

describe("HubSpot calls: the portal map and the call object from plain JavaScript", () => {
  const connected = (extra: Record<string, unknown> = {}): ReturnType<typeof call> =>
    call({ hs_timestamp: "1772445600000", hs_call_disposition: GUID.Connected, ...extra });

  it("a portal map that is not one is named once; each bad field by its path", () => {
    for (const read of readers()) {
      for (const portal of [null, "defaults", []]) {
        const error = unwrapErr(read(connected(), portal as never));
        expect(error.issues.map((i) => i.property)).toEqual(["portal"]);
        expect(error.message).toBe("Invalid HubSpot portal map: portal must be a portal map (see HUBSPOT_DEFAULTS)");
      }
      const error = unwrapErr(read(connected(), { ...HUBSPOT_DEFAULTS, callTypes: [], callTypeProperty: "" } as never));
      expect(error.message).toBe(
        "Invalid HubSpot portal map: portal.callTypes must be an object; portal.callTypeProperty must be a property name",
      );
      expect(error.issues.map((i) => [i.code, i.property, i.value])).toEqual([
        ["invalidPayload", "portal.callTypes", []],
        ["invalidPayload", "portal.callTypeProperty", ""],
      ]);
    }
  });

  it("callLoggedFromHubSpot does not read the fact properties, so it does not check them", () => {
    for (const facts of [null, { ...HUBSPOT_DEFAULTS.facts, reached: 5 }]) {
      const portal = { ...HUBSPOT_DEFAULTS, facts } as never;
      expect(callLoggedFromHubSpot(connected(), portal).ok).toBe(true);
      expect(unwrapErr(callFactsFromHubSpot(connected(), portal)).issues[0]?.property).toMatch(/^portal\.facts/);
    }
  });

  it("a call whose properties are not an object, or with no usable id, is named", () => {
    for (const read of readers()) {
      const error = unwrapErr(read({ id: "1", properties: "none" }));
      expect(error.issues.map((i) => [i.code, i.property])).toEqual([["invalidPayload", "properties"]]);
      expect(error.message).toBe("Invalid HubSpot call: properties must be an object (the call's properties)");
      for (const id of [undefined, 1.5, null, -0.5]) {
        const bad = unwrapErr(read({ id, properties: connected().properties }));
        expect(bad.issues).toContainEqual({
          code: "missingProperty",
          property: "id",
          value: id,
          message: "id must be the call's id (text or a whole number)",
        });
      }
    }
  });

  it("inherited names (toString, constructor) are neither outcomes nor call types", () => {
    const outcome = unwrapErr(callLoggedFromHubSpot(connected({ hs_call_disposition: "toString" })));
    expect(outcome.issues.map((i) => [i.code, i.property])).toEqual([["unknownValue", "hs_call_disposition"]]);
    const type = unwrapErr(callLoggedFromHubSpot(connected({ hs_activity_type: "constructor" })));
    expect(type.issues.map((i) => [i.code, i.property])).toEqual([["unknownValue", "hs_activity_type"]]);
    const direction = unwrapErr(callLoggedFromHubSpot(connected({ hs_call_direction: "SIDEWAYS" })));
    expect(direction.issues).toEqual([
      {
        code: "unknownValue",
        property: "hs_call_direction",
        value: "SIDEWAYS",
        message: 'hs_call_direction must be one of INBOUND, OUTBOUND, got "SIDEWAYS"',
      },
    ]);
  });

  it("callLoggedToHubSpot writes nothing for a value that is not an event", () => {
    for (const event of [5, "callLogged", unreadableValue()]) expect(callLoggedToHubSpot(event as never)).toEqual({});
  });
});

describe("callFactsFromHubSpot: exact facts and exact refusals", () => {
  const props = (extra: Record<string, unknown>): ReturnType<typeof call> =>
    call({ hs_timestamp: "1772445600000", ...extra });

  it("facts hold only the fields that were set (no key with an undefined value)", () => {
    const facts = (extra: Record<string, unknown>): unknown => unwrap(callFactsFromHubSpot(props(extra))).facts;
    expect(facts({ hs_call_disposition: GUID["No answer"] })).toStrictEqual({
      reached: "nobody",
      via: "noAnswer",
      id: "hubspot:call:512",
    });
    expect(
      facts({ hs_call_disposition: GUID.Connected, leadrules_reached: "reception", leadrules_said: "takeMessage" }),
    ).toStrictEqual({ reached: "reception", said: "takeMessage", id: "hubspot:call:512" });
    expect(
      facts({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "notInterested",
        leadrules_pitched: "true",
      }),
    ).toStrictEqual({ reached: "decisionMaker", pitched: true, said: "notInterested", id: "hubspot:call:512" });
    // No pitch can have happened on a wrong number: no pitched key at all.
    expect(
      facts({ hs_call_disposition: GUID.Connected, leadrules_reached: "decisionMaker", leadrules_said: "wrongNumber" }),
    ).toStrictEqual({ reached: "decisionMaker", said: "wrongNumber", id: "hubspot:call:512" });
  });

  it("with no outcome, only the outcome is named: who was reached is not guessed", () => {
    for (const extra of [{ leadrules_said: "takeMessage" }, { leadrules_reached: "nobody" }]) {
      const error = unwrapErr(callFactsFromHubSpot(props(extra)));
      expect(error.issues).toEqual([
        {
          code: "missingProperty",
          property: "hs_call_disposition",
          value: undefined,
          message: "hs_call_disposition is required",
        },
      ]);
      expect(error.message).toBe("Invalid HubSpot call: hs_call_disposition is required");
    }
  });

  it("a Connected call that does not say who was reached names the reached property", () => {
    expect(unwrapErr(callFactsFromHubSpot(props({ hs_call_disposition: GUID.Connected }))).issues).toEqual([
      {
        code: "missingProperty",
        property: "leadrules_reached",
        value: undefined,
        message: "leadrules_reached is required: a Connected call does not say who was reached",
      },
    ]);
  });

  it("a fact property that does not belong to the facts is notApplicable; a reason that is not text is named", () => {
    const nobody = unwrapErr(
      callFactsFromHubSpot(props({ hs_call_disposition: GUID["No answer"], leadrules_said: "takeMessage" })),
    );
    expect(nobody.issues.map((i) => [i.code, i.property])).toEqual([["notApplicable", "leadrules_said"]]);
    const measured = unwrapErr(
      callFactsFromHubSpot(
        props({
          hs_call_disposition: GUID.Connected,
          leadrules_reached: "decisionMaker",
          leadrules_said: "notInterested",
          leadrules_pitched: "true",
          leadrules_measured: "3",
        }),
      ),
    );
    expect(measured.issues.map((i) => [i.code, i.property])).toEqual([["notApplicable", "leadrules_measured"]]);
    const reason = unwrapErr(
      callFactsFromHubSpot(
        props({
          hs_call_disposition: GUID.Connected,
          leadrules_reached: "decisionMaker",
          leadrules_said: "notQualified",
          leadrules_pitched: "true",
          leadrules_reason: 5,
        }),
      ),
    );
    expect(reason.issues).toEqual([
      { code: "unknownValue", property: "leadrules_reason", value: 5, message: "leadrules_reason must be text, got 5" },
    ]);
  });

  it("callFactsToHubSpot writes exactly the properties of the facts, and nothing for what is not facts", () => {
    expect(callFactsToHubSpot({ reached: "reception", said: "takeMessage" }, 0)).toStrictEqual({
      hs_timestamp: "0",
      hs_call_disposition: GUID.Connected,
      leadrules_reached: "reception",
      leadrules_said: "takeMessage",
    });
    expect(callFactsToHubSpot(unreadableValue(), 0)).toEqual({});
  });
});
