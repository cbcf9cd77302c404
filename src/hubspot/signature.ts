// HubSpot's v3 request signature, checked with Web Crypto (HMAC-SHA256), so the check runs where
// the webhook lands: Node 18+, Deno, Bun, Cloudflare Workers, Vercel and Netlify edge functions.
// HubSpot's steps: reject a timestamp older than 5 minutes; HMAC-SHA256 the UTF-8 text
// `method + uri + body + timestamp` with the app's client secret; base64 it; compare. The URI's
// URL-encoded characters that HubSpot lists are decoded first. `now` is an argument: nothing here
// reads the clock.

import { describeValue } from "../core/describe.js";
import { guarded, guardedAsync, unreadable } from "../core/guard.js";
import { err, ok, type Result } from "../core/result.js";
import { type Instant, toEpochMs } from "../core/time.js";

// The few Web Crypto types used (src compiles with `lib: ["ES2022"]`, no DOM types).
/** A Web Crypto `CryptoKey`, as far as the check needs it. */
export interface HmacKey {
  readonly type: string;
}
/** The part of Web Crypto's `SubtleCrypto` the check uses. */
export interface SubtleHmac {
  /** Imports the client secret as an HMAC-SHA256 signing key. */
  importKey(
    format: "raw",
    keyData: Uint8Array,
    algorithm: { readonly name: "HMAC"; readonly hash: "SHA-256" },
    extractable: false,
    keyUsages: readonly "sign"[],
  ): Promise<HmacKey>;
  /** Signs the bytes with the key: the HMAC. */
  sign(algorithm: "HMAC", key: HmacKey, data: Uint8Array): Promise<ArrayBuffer>;
}

/** A request as HubSpot signed it. */
export interface HubSpotSignedRequest {
  /** The HTTP method, e.g. `"POST"`. */
  readonly method: string;
  /** The full request URI HubSpot called, e.g. `"https://example.com/hubspot?x=1"`. */
  readonly uri: string;
  /** The raw body text, exactly as received (not re-serialised JSON). */
  readonly body: string;
  /** The `X-HubSpot-Request-Timestamp` header (epoch milliseconds). */
  readonly timestamp: string | null | undefined;
  /** The `X-HubSpot-Signature-v3` header. */
  readonly signature: string | null | undefined;
}

/** Why a signature was refused. `field` names the header or argument at fault. */
export interface HubSpotSignatureError {
  readonly code:
    | "unreadable"
    | "missingHeader"
    | "invalidTimestamp"
    | "staleTimestamp"
    | "badSignature"
    | "noWebCrypto"
    | "invalidRequest";
  readonly message: string;
  readonly field: string;
}

/** How far the timestamp may be from `now`: HubSpot's 5 minutes. */
export const HUBSPOT_SIGNATURE_MAX_AGE_MS = 300_000;
const TIMESTAMP = "X-HubSpot-Request-Timestamp";
const SIGNATURE = "X-HubSpot-Signature-v3";

// The URL-encoded characters HubSpot's v3 instructions decode in the URI (hex in either case).
const DECODED: Readonly<Record<string, string>> = {
  "3A": ":",
  "2F": "/",
  "3F": "?",
  "40": "@",
  "21": "!",
  "24": "$",
  "27": "'",
  "28": "(",
  "29": ")",
  "2A": "*",
  "2C": ",",
  "3B": ";",
};

/**
 * Decodes, in a request URI, the URL-encoded characters HubSpot's v3 signature instructions list
 * (`%3A` `:`, `%2F` `/`, `%3F` `?`, `%40` `@`, `%21` `!`, `%24` `$`, `%27` `'`, `%28` `(`, `%29`
 * `)`, `%2A` `*`, `%2C` `,`, `%3B` `;`); every other `%xx` is left as it is.
 *
 * @param uri - the request URI
 * @returns the URI HubSpot signed
 * @example
 * hubSpotSignedUri("https://example.com/hook?next=%2Fhome%3Fa%3D1"); // => "https://example.com/hook?next=/home?a%3D1"
 */
export function hubSpotSignedUri(uri: string): string {
  return guarded(
    (): string => {
      if (typeof uri !== "string") return "";
      return uri.replace(/%([0-9A-Fa-f]{2})/g, (match, hex: string) => DECODED[hex.toUpperCase()] ?? match);
    },
    () => "",
  );
}

// UTF-8 bytes of a string (no TextEncoder: src has no DOM types; lone surrogates become U+FFFD).
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    let c = char.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(bytes);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[n >> 18] + (B64[(n >> 12) & 63] as string);
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? B64[n & 63] : "=";
  }
  return out;
}

// Compares in time independent of where the texts first differ.
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % (b.length || 1));
  return diff === 0;
}

// What a host passes from plain JavaScript (a missing environment variable, a framework's request
// object): every field checked before it reaches Web Crypto, which would throw.
function requestProblem(request: unknown, secret: unknown): HubSpotSignatureError | undefined {
  if (typeof request !== "object" || request === null) {
    return {
      code: "invalidRequest",
      message: `request must be an object, got ${describeValue(request)}`,
      field: "request",
    };
  }
  for (const field of ["method", "uri", "body"] as const) {
    const value = (request as Record<string, unknown>)[field];
    if (typeof value !== "string") {
      return { code: "invalidRequest", message: `${field} must be text, got ${describeValue(value)}`, field };
    }
  }
  if (typeof secret !== "string" || secret === "") {
    return {
      code: "invalidRequest",
      message: `secret must be the app's client secret (non-empty text), got ${describeValue(secret)}`,
      field: "secret",
    };
  }
  return undefined;
}

const webCrypto = (): SubtleHmac | undefined => (globalThis as { crypto?: { subtle?: SubtleHmac } }).crypto?.subtle;

/**
 * Computes HubSpot's v3 signature of a request: base64 of HMAC-SHA256, keyed with the client
 * secret, of `method + uri + body + timestamp` (the URI decoded as {@link hubSpotSignedUri}).
 *
 * @param request - the method, URI, body and timestamp (the signature field is not read)
 * @param secret - the app's client secret
 * @param subtle - Web Crypto's `crypto.subtle` (default the runtime's)
 * @returns the signature, or an error: `invalidRequest` naming the field (`request`, `method`, `uri`, `body`, an empty `secret`), `noWebCrypto` when the runtime has none or it fails
 * @example
 * const signed = await hubSpotSignatureV3({ method: "POST", uri: "https://example.com/hook", body: "[]", timestamp: "1700000000000", signature: null }, "secret");
 * signed.ok; // => true
 */
export function hubSpotSignatureV3(
  request: HubSpotSignedRequest,
  secret: string,
  subtle: SubtleHmac | undefined = webCrypto(),
): Promise<Result<string, HubSpotSignatureError>> {
  return guardedAsync(async (): Promise<Result<string, HubSpotSignatureError>> => {
    if (subtle === undefined) {
      return err({
        code: "noWebCrypto",
        message: "this runtime has no Web Crypto (crypto.subtle): pass one",
        field: "subtle",
      });
    }
    const problem = requestProblem(request, secret);
    if (problem !== undefined) return err(problem);
    const text = `${request.method}${hubSpotSignedUri(request.uri)}${request.body}${request.timestamp ?? ""}`;
    try {
      const key = await subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return ok(base64(new Uint8Array(await subtle.sign("HMAC", key, utf8(text)))));
    } catch (error) {
      // A host's own `subtle` that fails: said, never thrown.
      return err({
        code: "noWebCrypto",
        message: `Web Crypto could not sign: ${error instanceof Error ? error.message : describeValue(error)}`,
        field: "subtle",
      });
    }
  }, unreadable);
}

/**
 * Checks HubSpot's v3 signature (`X-HubSpot-Signature-v3`) of a webhook request. Refused: a
 * missing header, a timestamp that is not epoch milliseconds, one more than 5 minutes from `now`
 * (older — a replay — or ahead), a signature that does not match.
 *
 * @param request - the request's method, URI, raw body and the two headers
 * @param secret - the app's client secret
 * @param now - the current instant (passed in: the library reads no clock)
 * @param subtle - Web Crypto's `crypto.subtle` (default the runtime's)
 * @returns `{ ok: true, value: true }`, or the reason, naming the header (or the field, `invalidRequest`)
 * @example
 * (await verifyHubSpotSignatureV3({ method: "POST", uri: "https://example.com/hook", body: "[]", timestamp: "1700000000000", signature: "x" }, "secret", 1700000000000)).ok; // => false
 */
export function verifyHubSpotSignatureV3(
  request: HubSpotSignedRequest,
  secret: string,
  now: Instant,
  subtle: SubtleHmac | undefined = webCrypto(),
): Promise<Result<true, HubSpotSignatureError>> {
  return guardedAsync(async (): Promise<Result<true, HubSpotSignatureError>> => {
    const problem = requestProblem(request, secret);
    if (problem !== undefined) return err(problem);
    const { timestamp, signature } = request;
    if (typeof signature !== "string" || signature === "") {
      return err({ code: "missingHeader", message: `${SIGNATURE} is missing`, field: SIGNATURE });
    }
    if (typeof timestamp !== "string" || timestamp === "") {
      return err({ code: "missingHeader", message: `${TIMESTAMP} is missing`, field: TIMESTAMP });
    }
    const sentMs = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    const nowMs = toEpochMs(now);
    if (Number.isNaN(sentMs)) {
      return err({
        code: "invalidTimestamp",
        message: `${TIMESTAMP} must be epoch milliseconds, got ${describeValue(timestamp)}`,
        field: TIMESTAMP,
      });
    }
    if (Number.isNaN(nowMs)) {
      return err({
        code: "invalidTimestamp",
        message: `now must be a valid instant, got ${describeValue(now)}`,
        field: "now",
      });
    }
    if (Math.abs(nowMs - sentMs) > HUBSPOT_SIGNATURE_MAX_AGE_MS) {
      return err({
        code: "staleTimestamp",
        message: `${TIMESTAMP} is ${Math.round((nowMs - sentMs) / 1000)} s from now: more than 5 minutes`,
        field: TIMESTAMP,
      });
    }
    const expected = await hubSpotSignatureV3(request, secret, subtle);
    if (!expected.ok) return expected;
    return sameText(expected.value, signature)
      ? ok(true)
      : err({ code: "badSignature", message: `${SIGNATURE} does not match the request`, field: SIGNATURE });
  }, unreadable);
}
