// The HTTP example (examples/http/): a real node:http server on 127.0.0.1, an ephemeral port, real
// requests over the network — good, malformed, wrong types, oversized — and the server stopped after.
import { createHmac } from "node:crypto";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHandler, MAX_BODY_BYTES } from "../examples/http/handler.mjs";
import { requestUrl, serve } from "../examples/http/node-server.mjs";
import { clientHub } from "../src/client-hub/index.js";
import { hostileJson } from "./hostile.js";
import { ratioChange } from "./hubspot/fixtures.js";

let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await serve(createHandler({ id: "it-msp", qualifyingRange: { min: 10, max: 50, unit: "computers" } }), {
    stopAfterMs: 30_000,
  });
});
afterAll(() => server.close());

async function post(path: string, body: unknown, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, checked field by field below
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const call = {
  at: "2026-11-23T09:00:00+11:00",
  facts: { reached: "decisionMaker", pitched: true, said: "emailAndCallBack", callBackAt: "2026-11-30T09:00:00+11:00" },
  agent: "ann",
  shift: "2026-11-23 am",
};

describe("HTTP example over a real local server", () => {
  it("listens on 127.0.0.1 on an ephemeral port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it("classifies a call, applies it to the record, returns the effects and the shift tally", async () => {
    const first = await post("/calls", call);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/application\/json/);
    expect(first.body.classification).toMatchObject({
      lastContact: "decisionMaker",
      result: "emailFollowUp",
      countsAs: "lead",
    });
    expect(first.body.record).toMatchObject({
      lifecycle: "callRecord",
      status: "pendingTask",
      leadResult: "emailFollowUp",
    });
    expect(first.body.effects.map((e: { type: string }) => e.type)).toEqual(["followUpTask", "introEmail"]);
    expect(first.body.effects[0].dueAt).toBe("2026-11-29T22:00:00.000Z");

    // The same record called again, the stored tally sent back: the lead is not counted twice.
    const second = await post("/calls", {
      ...call,
      at: "2026-11-30T09:05:00+11:00",
      facts: { reached: "decisionMaker", pitched: true, said: "appointment", mode: "phone" },
      record: first.body.record,
      tally: first.body.tally,
    });
    expect(second.status).toBe(200);
    expect(second.body.classification.countsAs).toBe("appointment");
    expect(second.body.tally.rows).toEqual([
      [
        ["ann", "2026-11-23 am"],
        [2, 2, 2, 1, 1],
      ],
    ]);
  });

  it("answers 400 with every issue, each naming its field, on wrong types", async () => {
    const bad = await post("/calls", { at: "monday", facts: { reached: "everyone" }, agent: 7, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalidInput");
    const paths = bad.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["at", "facts.reached", "agent", "shift", "extra"]));
    expect(bad.body.error.message).toContain("5 issue(s)");
  });

  it("answers 400 on malformed JSON and on a body that is not an object", async () => {
    const malformed = await post("/calls", "{ not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("malformedJson");
    const list = await post("/calls", "[1, 2]");
    expect(list.status).toBe(400);
    expect(list.body.error.message).toBe("the body must be a JSON object");
  });

  it("answers 413 for a body over the limit, with or without Content-Length", async () => {
    const huge = await post("/calls", { padding: "x".repeat(MAX_BODY_BYTES + 1) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payloadTooLarge");
    // Chunked (no Content-Length): the handler counts the bytes as they arrive.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode("x".repeat(8 * 1024)));
        controller.close();
      },
    });
    const streamed = await post("/calls", undefined, { body: chunks, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("answers 422 when the playbook refuses, 405 for another method, 404 for another path", async () => {
    const closed = await post("/calls", {
      ...call,
      record: {
        ...(
          await post("/calls", { ...call, facts: { reached: "decisionMaker", pitched: true, said: "notInterested" } })
        ).body.record,
      },
    });
    expect(closed.status).toBe(422);
    const get = await fetch(`${server.url}/calls`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await post("/nowhere", {})).status).toBe(404);
  });

  it("routes lead-status and Client Hub events through the same handler", async () => {
    const lead = await post("/consultation", {
      event: { type: "followUpLogged", at: "2026-11-23T10:00:00Z", actor: "franchisee", notes: "left a voicemail" },
    });
    expect(lead.status).toBe(200);
    expect(lead.body.label).toBe("Follow up 1");
    expect(lead.body.effects).toEqual([
      { type: "followUpTask", number: 1, dueAt: "2026-11-25T10:00:00.000Z", notes: "left a voicemail" },
    ]);
    const refused = await post("/consultation", {
      state: lead.body.state,
      event: { type: "markedLost", at: "2026-11-23T09:00:00Z", actor: "franchisee" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("outOfOrder");

    const record = {
      lifecycle: "clientHub",
      schemaVersion: 1,
      subscriptionId: "sub-42",
      contactId: "ada",
      status: "call1",
      updatedAt: "2026-03-02T00:00:00.000Z",
      timeZone: "Europe/London",
      contactRatio: { count: 1, unit: "month" },
      lastContactAt: "2026-01-31T10:00:00.000Z",
      nextContactDate: "2026-03-02",
    };
    const hub = await post("/client-hub", {
      record,
      event: {
        type: "callLogged",
        at: "2026-03-03T11:00:00Z",
        actor: "owner",
        outcome: "Connected",
        callType: "Check In - Call",
        direction: "outbound",
      },
    });
    expect(hub.status).toBe(200);
    expect(hub.body.record.status).toBe("summaryOfCall");
  });

  it("stops: after close() the port refuses connections", async () => {
    const other = await serve(createHandler(), { stopAfterMs: 5_000 });
    await other.close();
    await expect(fetch(`${other.url}/calls`, { method: "POST", body: "{}" })).rejects.toThrow();
  });

  it("never answers 500, whatever the body: random and hostile JSON, garbage text, deep nesting", async () => {
    const deep = (n: number): string => `${"[".repeat(n)}${"]".repeat(n)}`;
    const bodies = fc.oneof(
      hostileJson.map((v) => JSON.stringify(v) ?? "null"),
      fc
        .record({ at: hostileJson, facts: hostileJson, agent: hostileJson, shift: hostileJson, tally: hostileJson })
        .map((v) => JSON.stringify(v)),
      fc.record({ event: hostileJson, state: hostileJson, record: hostileJson }).map((v) => JSON.stringify(v)),
      fc.constantFrom(deep(4000), `{"facts":${deep(4000)}}`, `{"event":{"type":${deep(3000)}}}`, "x".repeat(20_000)),
      fc.string({ maxLength: 200 }),
    );
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/calls", "/consultation", "/client-hub"), bodies, async (path, body) => {
        const response = await fetch(`${server.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        await response.arrayBuffer();
        seen.add(response.status);
        expect([200, 400, 413, 422]).toContain(response.status);
      }),
      { numRuns: 300 },
    );
    expect(seen.has(400)).toBe(true);
  });

  it("a call the shift tally cannot count is refused with the rejected list, not answered 200", async () => {
    const agent = "a".repeat(20_000);
    const answer = await post("/calls", { ...call, agent });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toEqual({
      code: "notTallied",
      message: "the call cannot be counted in the shift tally: agent must be a non-empty string",
      rejected: [{ index: 0, code: "invalidEvent", field: "agent", message: "agent must be a non-empty string" }],
    });
  });
});

/** Sends raw bytes to the server and returns the status code it answers (node:net, no client checks). */
function rawStatus(request: string): Promise<number> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    socket.setTimeout(5_000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(request)}`));
    });
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (status !== null) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on("error", reject);
    socket.on("end", () => reject(new Error(`closed without an answer: ${JSON.stringify(text)}`)));
    socket.write(request);
  });
}

describe("the node:http server: malformed request lines and Host headers are the client's error (400)", () => {
  const line = (target: string, host: string | null, method = "POST"): string =>
    `${method} ${target} HTTP/1.1\r\n${host === null ? "" : `Host: ${host}\r\n`}Content-Length: 2\r\nConnection: close\r\n\r\n{}`;

  it("answers 400, never 500, to 19 hostile request lines and Host headers", async () => {
    const hostile = [
      line("/calls", "a b"),
      line("/calls", "127.0.0.1:1@evil"),
      line("/calls", "user@127.0.0.1"),
      line("/calls", "example.com/evil"),
      line("/calls", ""),
      line("/calls", "a:123456"),
      line("/calls", "evil.example:99999"),
      line("http://127.0.0.1:99999/calls", "127.0.0.1"),
      line("/calls", "-a-"),
      line("/calls", null),
      line("http://u:p@127.0.0.1/calls", "127.0.0.1"),
      line("http://a b/calls", "127.0.0.1"),
      line("http://127.0.0.1:1@evil/calls", "127.0.0.1"),
      line("*", "127.0.0.1", "OPTIONS"),
      line("calls", "127.0.0.1"),
      line("ftp://127.0.0.1/calls", "127.0.0.1"),
      "HELLO\r\n\r\n",
      "POST /calls HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
      "POST /ca lls HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    ];
    const statuses = [];
    for (const request of hostile) statuses.push(await rawStatus(request));
    expect(statuses).toEqual(hostile.map(() => 400));
  });

  it("still serves well-formed targets: origin-form, absolute-form, IPv6 and named hosts", async () => {
    expect(await rawStatus(line("/calls", "127.0.0.1"))).toBe(400); // the body {} lacks every field
    expect(await rawStatus(line("http://127.0.0.1/calls", "127.0.0.1"))).toBe(400);
    expect(await rawStatus(line("/calls", "[::1]:8080", "GET"))).toBe(405);
    expect(await rawStatus(line("/nowhere", "localhost", "GET"))).toBe(404);
    expect(await rawStatus(line("//calls", "localhost", "GET"))).toBe(404);
  });

  it("requestUrl says why a target or host names nothing", () => {
    expect(requestUrl("/calls?x=1", "example.com:8080", "127.0.0.1")).toEqual({
      url: "http://example.com:8080/calls?x=1",
    });
    expect(requestUrl("/calls", undefined, "127.0.0.1")).toEqual({ url: "http://127.0.0.1/calls" });
    expect(requestUrl("http://example.com/calls?q", "other", "127.0.0.1")).toEqual({
      url: "http://example.com/calls?q",
    });
    expect(requestUrl("/calls", "a b", "127.0.0.1")).toEqual({
      code: "badHost",
      message: "the Host header must be a host and an optional port",
    });
    expect(requestUrl("*", "127.0.0.1", "127.0.0.1")).toEqual({
      code: "badRequestTarget",
      message: "the request target must be a path such as /calls",
    });
  });
});

describe("HTTP example: the HubSpot webhook endpoint (signature v3, batch, dedupe by identity key)", () => {
  const SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
  const NOW = Date.parse("2026-03-02T10:01:00Z");
  let hub: { url: string; close: () => Promise<void> };
  let records: Map<string, unknown>;

  beforeAll(async () => {
    const record = clientHub.initial({
      subscriptionId: "s1",
      contactId: "c1",
      at: "2026-02-25T09:00:00Z",
      timeZone: "Europe/London",
    });
    if (!record.ok) throw new Error(record.error.message);
    records = new Map([["1246965", record.value]]);
    hub = await serve(
      createHandler(
        { id: "it-msp" },
        {
          hubspot: {
            secret: SECRET,
            objectTypeId: "2-7654321",
            ratios: { "1_month": { count: 1, unit: "month" }, "2_weeks": { count: 2, unit: "week" } },
            records,
            taskRecords: new Map([["555", "1246965"]]),
            now: () => NOW,
          },
        },
      ),
      { stopAfterMs: 30_000 },
    );
  });
  afterAll(() => hub.close());

  it("behind a TLS-terminating proxy, checks the signature HubSpot made of the public https URI (publicUrl)", async () => {
    const handler = createHandler(
      { id: "it-msp" },
      {
        hubspot: {
          secret: SECRET,
          objectTypeId: "2-7654321",
          ratios: { "2_weeks": { count: 2, unit: "week" } },
          records: new Map(),
          taskRecords: new Map(),
          now: () => NOW,
          publicUrl: "https://crm.example.com",
        },
      },
    );
    const body = "[]";
    const timestamp = String(NOW);
    const signed = (uri: string) =>
      createHmac("sha256", SECRET).update(`POST${uri}${body}${timestamp}`).digest("base64");
    const call = (signature: string) =>
      handler(
        new Request("http://127.0.0.1:8080/hubspot/webhooks?x=1", {
          method: "POST",
          headers: { "x-hubspot-request-timestamp": timestamp, "x-hubspot-signature-v3": signature },
          body,
        }),
      );
    expect((await call(signed("https://crm.example.com/hubspot/webhooks?x=1"))).status).toBe(200);
    expect((await call(signed("http://127.0.0.1:8080/hubspot/webhooks?x=1"))).status).toBe(401);
  });

  async function send(batch: unknown, sign: { secret?: string; timestamp?: number } = {}) {
    const url = `${hub.url}/hubspot/webhooks`;
    const body = JSON.stringify(batch);
    const timestamp = String(sign.timestamp ?? NOW);
    const signature = createHmac("sha256", sign.secret ?? SECRET)
      .update(`POST${url}${body}${timestamp}`)
      .digest("base64");
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hubspot-request-timestamp": timestamp,
        "x-hubspot-signature-v3": signature,
      },
      body,
    });
    // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, checked field by field below
    return { status: response.status, body: (await response.json()) as any };
  }

  it("applies a signed batch once: the retry (next attemptNumber) is a duplicate, bad items are listed", async () => {
    const first = await send([ratioChange(), ratioChange({ propertyValue: "weekly", eventId: 2 })]);
    expect(first.status).toBe(200);
    expect(first.body.applied).toEqual([
      {
        id: "hubspot:33:2-7654321.propertyChange:1246965:contact_ratio:1772445600000:3816279340",
        recordId: "1246965",
        stage: "completed",
        effects: [],
      },
    ]);
    expect(first.body.rejected).toEqual([
      { index: 1, property: "contact_ratio", message: 'contact_ratio "weekly" is not one of 1_month, 2_weeks' },
    ]);
    expect((records.get("1246965") as { contactRatio: unknown }).contactRatio).toEqual({ count: 2, unit: "week" });
    const retry = await send([ratioChange({ attemptNumber: 1 })]);
    expect(retry.body).toEqual({
      applied: [],
      duplicates: ["hubspot:33:2-7654321.propertyChange:1246965:contact_ratio:1772445600000:3816279340"],
      ignored: [],
      rejected: [],
      refused: [],
    });
  });

  it("routes a task's completion to its record, and reports what the lifecycle refuses", async () => {
    const done = await send([
      ratioChange({
        subscriptionType: "task.propertyChange",
        objectTypeId: undefined,
        objectId: 555,
        propertyName: "hs_task_status",
        propertyValue: "COMPLETED",
        eventId: 9,
      }),
      ratioChange({ objectId: 42, eventId: 10 }),
    ]);
    expect(done.status).toBe(200);
    // Both at one instant: applied by id, the order refold folds in.
    expect(done.body.refused).toEqual([
      {
        id: "hubspot:33:2-7654321.propertyChange:42:contact_ratio:1772445600000:10",
        code: "unknownRecord",
        message: "no Client Hub record for object 42",
      },
      {
        id: "hubspot:33:task.propertyChange:555:hs_task_status:1772445600000:9",
        code: "notAllowedFrom",
        message: 'taskCompleted is not allowed from "Completed"',
      },
    ]);
  });

  it("answers 401 to a bad signature or a stale timestamp, 400 to a body that is not a batch", async () => {
    expect(await send([ratioChange()], { secret: "other" })).toEqual({
      status: 401,
      body: { error: { code: "badSignature", message: "X-HubSpot-Signature-v3 does not match the request" } },
    });
    expect((await send([ratioChange()], { timestamp: NOW - 300_001 })).body.error.code).toBe("staleTimestamp");
    expect(await send({ events: [] })).toEqual({
      status: 400,
      body: { error: { code: "invalidPayload", message: "body must be an array of events, got an object" } },
    });
  });
});
