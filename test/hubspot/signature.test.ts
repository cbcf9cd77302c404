// HubSpot's v3 signature (https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests,
// "Validate the v3 request signature"), checked against Node's own HMAC (node:crypto is fine in
// tests; src uses Web Crypto only) and HubSpot's Node client's algorithm
// (github:HubSpot/hubspot-api-nodejs src/utils/signature.ts: method + url + requestBody + timestamp).
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  hubSpotSignatureV3,
  hubSpotSignedUri,
  type SubtleHmac,
  verifyHubSpotSignatureV3,
} from "../../src/hubspot/index.js";
import { runs } from "../setup.js";
import { fixture } from "./fixtures.js";

const SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
const node = (text: string, secret = SECRET) => createHmac("sha256", secret).update(text, "utf8").digest("base64");
const request = (
  extra: Partial<{
    uri: string;
    body: string;
    timestamp: string | null;
    signature: string | null;
    method: string;
  }> = {},
) => {
  const body = fixture("webhook-batch.json").rawBody as string;
  const base = {
    method: "POST",
    uri: "https://www.example.com/webhook_uri",
    body,
    timestamp: "1700000000000",
    ...extra,
  };
  return {
    ...base,
    signature:
      extra.signature === undefined ? node(`${base.method}${base.uri}${base.body}${base.timestamp}`) : extra.signature,
  };
};

describe("HubSpot signature v3", () => {
  it("accepts a request signed as HubSpot signs it (the Node client's documented batch as body)", async () => {
    expect(await verifyHubSpotSignatureV3(request(), SECRET, 1_700_000_000_000)).toEqual({ ok: true, value: true });
    expect(await verifyHubSpotSignatureV3(request(), SECRET, "2023-11-14T22:18:20Z")).toEqual({
      ok: true,
      value: true,
    });
  });

  it("computes the same base64 HMAC-SHA256 as Node's crypto, for any text and secret (UTF-8 included)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme" }),
        fc.string({ minLength: 1, unit: "grapheme" }),
        async (body, secret) => {
          const r = { method: "POST", uri: "https://x.test/h", body, timestamp: "1", signature: null };
          expect(await hubSpotSignatureV3(r, secret)).toEqual({
            ok: true,
            value: node(`POSThttps://x.test/h${body}1`, secret),
          });
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it("decodes the URI's listed URL-encoded characters before signing, and no others", async () => {
    expect(hubSpotSignedUri("https://e.com/h?a=%3A%2F%3f%40%21%24%27%28%29%2A%2c%3B&b=%20%25%3D")).toBe(
      "https://e.com/h?a=:/?@!$'()*,;&b=%20%25%3D",
    );
    const uri = "https://www.example.com/webhook_uri?next=%2Fhome";
    const signed = request({
      uri,
      signature: node(`POSThttps://www.example.com/webhook_uri?next=/home${request().body}1700000000000`),
    });
    expect(await verifyHubSpotSignatureV3(signed, SECRET, 1_700_000_000_000)).toEqual({ ok: true, value: true });
  });

  it("refuses a tampered body, another secret, another method", async () => {
    const bad = {
      ok: false,
      error: {
        code: "badSignature",
        message: "X-HubSpot-Signature-v3 does not match the request",
        field: "X-HubSpot-Signature-v3",
      },
    };
    const r = request();
    expect(await verifyHubSpotSignatureV3({ ...r, body: `${r.body} ` }, SECRET, 1_700_000_000_000)).toEqual(bad);
    expect(await verifyHubSpotSignatureV3(r, "other", 1_700_000_000_000)).toEqual(bad);
    expect(await verifyHubSpotSignatureV3({ ...r, method: "GET" }, SECRET, 1_700_000_000_000)).toEqual(bad);
    expect(
      await verifyHubSpotSignatureV3(
        { ...r, signature: (r.signature as string).slice(0, -1) },
        SECRET,
        1_700_000_000_000,
      ),
    ).toEqual(bad);
  });

  it("refuses a timestamp more than 5 minutes from now, either way; exactly 5 minutes passes", async () => {
    const r = request();
    expect((await verifyHubSpotSignatureV3(r, SECRET, 1_700_000_300_000)).ok).toBe(true);
    expect((await verifyHubSpotSignatureV3(r, SECRET, 1_699_999_700_000)).ok).toBe(true);
    expect(await verifyHubSpotSignatureV3(r, SECRET, 1_700_000_300_001)).toEqual({
      ok: false,
      error: {
        code: "staleTimestamp",
        message: "X-HubSpot-Request-Timestamp is 300 s from now: more than 5 minutes",
        field: "X-HubSpot-Request-Timestamp",
      },
    });
    expect(await verifyHubSpotSignatureV3(r, SECRET, 1_699_999_000_000)).toEqual({
      ok: false,
      error: {
        code: "staleTimestamp",
        message: "X-HubSpot-Request-Timestamp is -1000 s from now: more than 5 minutes",
        field: "X-HubSpot-Request-Timestamp",
      },
    });
  });

  it("refuses missing headers, a timestamp that is not epoch ms, and a bad now, naming each", async () => {
    const now = 1_700_000_000_000;
    expect(await verifyHubSpotSignatureV3(request({ signature: null }), SECRET, now)).toEqual({
      ok: false,
      error: { code: "missingHeader", message: "X-HubSpot-Signature-v3 is missing", field: "X-HubSpot-Signature-v3" },
    });
    expect(await verifyHubSpotSignatureV3(request({ signature: "" }), SECRET, now)).toMatchObject({
      error: { code: "missingHeader" },
    });
    expect(await verifyHubSpotSignatureV3(request({ timestamp: null, signature: "s" }), SECRET, now)).toEqual({
      ok: false,
      error: {
        code: "missingHeader",
        message: "X-HubSpot-Request-Timestamp is missing",
        field: "X-HubSpot-Request-Timestamp",
      },
    });
    expect(await verifyHubSpotSignatureV3(request({ timestamp: "", signature: "s" }), SECRET, now)).toMatchObject({
      error: { field: "X-HubSpot-Request-Timestamp", code: "missingHeader" },
    });
    expect(await verifyHubSpotSignatureV3(request({ timestamp: "2023-11-14", signature: "s" }), SECRET, now)).toEqual({
      ok: false,
      error: {
        code: "invalidTimestamp",
        message: 'X-HubSpot-Request-Timestamp must be epoch milliseconds, got "2023-11-14"',
        field: "X-HubSpot-Request-Timestamp",
      },
    });
    expect(await verifyHubSpotSignatureV3(request(), SECRET, "later")).toEqual({
      ok: false,
      error: { code: "invalidTimestamp", message: 'now must be a valid instant, got "later"', field: "now" },
    });
  });

  it("runs with any Web Crypto passed in, and says so when there is none", async () => {
    const none = {
      ok: false,
      error: {
        code: "noWebCrypto",
        message: "this runtime has no Web Crypto (crypto.subtle): pass one",
        field: "subtle",
      },
    };
    vi.stubGlobal("crypto", undefined);
    try {
      expect(await hubSpotSignatureV3(request(), SECRET)).toEqual(none);
      expect(await verifyHubSpotSignatureV3(request(), SECRET, 1_700_000_000_000)).toEqual(none);
    } finally {
      vi.unstubAllGlobals();
    }
    const subtle = globalThis.crypto.subtle as unknown as SubtleHmac;
    expect((await verifyHubSpotSignatureV3(request(), SECRET, 1_700_000_000_000, subtle)).ok).toBe(true);
  });
});

describe("signature v3 on what plain JavaScript passes", () => {
  // Found in review: an empty secret (a missing environment variable), a null request or a null
  // uri made the promise reject (Web Crypto's DataError, a TypeError) instead of answering.
  const good = {
    method: "POST",
    uri: "https://example.com/hook",
    body: "[]",
    timestamp: "1700000000000",
    signature: "x",
  };
  it("refuses each bad field by name, and never rejects", async () => {
    const cases: [unknown, unknown, string, string][] = [
      [null, "s", "request", "request must be an object, got null"],
      [{ ...good, uri: null }, "s", "uri", "uri must be text, got null"],
      [{ ...good, method: 1 }, "s", "method", "method must be text, got 1"],
      [{ ...good, body: undefined }, "s", "body", "body must be text, got undefined"],
      [good, "", "secret", `secret must be the app's client secret (non-empty text), got ""`],
      [good, undefined, "secret", "secret must be the app's client secret (non-empty text), got undefined"],
    ];
    for (const [request, secret, field, message] of cases) {
      const want = { ok: false, error: { code: "invalidRequest", field, message } };
      expect(await verifyHubSpotSignatureV3(request as never, secret as never, 1700000000000)).toEqual(want);
      expect(await hubSpotSignatureV3(request as never, secret as never)).toEqual(want);
    }
  });
  it("a host's Web Crypto that fails is said, not thrown", async () => {
    const failing = {
      importKey: async () => {
        throw new Error("no HMAC here");
      },
      sign: async () => new ArrayBuffer(0),
    };
    expect(await hubSpotSignatureV3(good, "s", failing as never)).toEqual({
      ok: false,
      error: { code: "noWebCrypto", message: "Web Crypto could not sign: no HMAC here", field: "subtle" },
    });
  });
});
