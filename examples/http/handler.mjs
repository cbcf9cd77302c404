// A standard Request → Response handler — the shape Cloudflare Workers, Vercel / Netlify / Deno /
// Bun functions and AWS Lambda (behind a Request adapter) all call — using every leadrules module.
// No framework, no Node built-ins: only what the Fetch API gives every edge runtime.
//
//   POST /calls         what happened on a cold call → Last Contact + Last Call Result, the call
//                       record's new state, the effects to perform, and the shift's updated tally
//   POST /consultation  a consultation-lead event → the lead's new state and effects
//   POST /client-hub    a Client Hub event → the record's new stage and effects
//   POST /hubspot/webhooks  a HubSpot webhook batch, signed (v3): each change mapped to a Client
//                       Hub event with its identity key, deduplicated within the process, applied
//                       in `at` order to the records held in `hubspot.records`
//
// Bad JSON or bad fields → 400 listing every issue; a call the playbook refuses → 422; a call the
// shift tally cannot count (an agent or shift name over 10,000 characters) → 422 `notTallied`
// with the tally's `rejected` list (nothing is answered 200 that was left out);
// a body over 64 KiB → 413; another method → 405; another path → 404.
import { buildCallRecord, classify, shiftFacts, toLoggedCall } from "leadrules/call-result";
import { clientHub } from "leadrules/client-hub";
import { contactRatioSetFrom, readWebhookBatch, taskCompletedFrom, verifyHubSpotSignatureV3 } from "leadrules/hubspot";
import { consultation } from "leadrules/lead-status";
import {
  createCampaign,
  parseCallFacts,
  parseCallRecord,
  parseClientHubEvent,
  parseClientHubRecord,
  parseConsultationEvent,
  parseConsultationState,
  parseFigureTally,
} from "leadrules/parse";
import { emptyFigures, mergeFigures, tallyShifts } from "leadrules/tally";

/** The largest body accepted, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const json = (status, body) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });

const problem = (status, code, message, issues) =>
  json(status, issues === undefined ? { error: { code, message } } : { error: { code, message, issues } });

/** Reads the body as text, refusing it once it passes MAX_BODY_BYTES (whatever Content-Length says). */
async function readBody(request) {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) return { tooLarge: true };
  if (request.body === null) return { text: "" };
  const reader = request.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes) };
}

/** Runs each named parser over its field; collects every issue of every field (paths prefixed). */
function parseFields(body, fields) {
  const values = {};
  const issues = [];
  for (const [field, { parse, optional }] of Object.entries(fields)) {
    if (body[field] === undefined && optional) continue;
    const parsed = parse(body[field]);
    if (parsed.ok) values[field] = parsed.value;
    else
      for (const i of parsed.error.issues)
        issues.push({ path: i.path === "" ? field : `${field}.${i.path}`, message: i.message });
  }
  const known = new Set(Object.keys(fields));
  for (const key of Object.keys(body)) if (!known.has(key)) issues.push({ path: key, message: "is not a known field" });
  return { values, issues };
}

const text = (what) => (v) =>
  typeof v === "string" && v !== ""
    ? { ok: true, value: v }
    : { ok: false, error: { issues: [{ path: "", message: `${what} must be a non-empty string` }] } };

const at = (v) =>
  (typeof v === "number" && Number.isFinite(v)) ||
  (typeof v === "string" && /T\d\d:\d\d.*(Z|[+-]\d\d:\d\d)$/.test(v) && !Number.isNaN(Date.parse(v)))
    ? { ok: true, value: v }
    : { ok: false, error: { issues: [{ path: "", message: "must be an ISO-8601 date-time or epoch milliseconds" }] } };

const shiftTally = (v) => {
  const parsed = parseFigureTally(v);
  if (parsed.ok && parsed.value.kind !== "shiftFigures") {
    return {
      ok: false,
      error: { issues: [{ path: "kind", message: `expected a shiftFigures tally, got ${parsed.value.kind}` }] },
    };
  }
  return parsed;
};

/** How many delivery ids the process remembers to drop HubSpot's retries (the oldest go first). */
export const MAX_REMEMBERED_DELIVERIES = 10_000;

/**
 * The HubSpot webhook route: verify the v3 signature on the raw body, read the batch, drop the
 * deliveries this process has applied already (by identity key), apply the rest in `at` order.
 * Records live in `records` (Client Hub record by HubSpot object id); a task's record is found
 * through `taskRecords` (task id → record id), which the host fills when it creates the task.
 */
function hubspotRoute({ secret, objectTypeId, ratios, records, taskRecords, now = () => Date.now(), publicUrl }) {
  const seen = new Set();
  const remember = (id) => {
    seen.add(id);
    if (seen.size > MAX_REMEMBERED_DELIVERIES) seen.delete(seen.values().next().value);
  };
  const mappers = {
    [`${objectTypeId}.propertyChange:contact_ratio`]: contactRatioSetFrom(ratios),
    "task.propertyChange:hs_task_status": taskCompletedFrom(),
  };
  return async (request, text) => {
    const verified = await verifyHubSpotSignatureV3(
      {
        method: request.method,
        // The URI HubSpot called: behind a TLS-terminating proxy the request arrives as http://…,
        // but HubSpot signed https://…; pass `publicUrl` (the public origin) to sign what it sent.
        uri:
          publicUrl === undefined
            ? request.url
            : new URL(new URL(request.url).pathname + new URL(request.url).search, publicUrl).href,
        body: text,
        timestamp: request.headers.get("x-hubspot-request-timestamp"),
        signature: request.headers.get("x-hubspot-signature-v3"),
      },
      secret,
      now(),
    );
    if (!verified.ok) return problem(401, verified.error.code, verified.error.message);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      return problem(400, "malformedJson", "the body is not valid JSON");
    }
    const batch = readWebhookBatch(body, mappers);
    if (!batch.ok) return problem(400, batch.error.code, batch.error.message);
    const applied = [];
    const duplicates = [];
    const refused = [];
    // In `at` order, then by id: the order `refold` folds in, so the live record and a refolded one
    // agree even for changes at the same instant.
    const events = [...batch.value.events].sort(
      (a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const { id, objectId, type, event } of events) {
      if (seen.has(id)) {
        duplicates.push(id);
        continue;
      }
      const recordId = type === "task.propertyChange" ? taskRecords.get(objectId) : objectId;
      const record = records.get(recordId);
      if (record === undefined) {
        refused.push({ id, code: "unknownRecord", message: `no Client Hub record for object ${objectId}` });
        continue;
      }
      const step = clientHub.transition(record, event);
      if (!step.ok) {
        refused.push({ id, code: step.error.code, message: step.error.message });
        continue;
      }
      records.set(recordId, step.value.state);
      remember(id);
      applied.push({ id, recordId, stage: step.value.state.status, effects: step.value.effects });
    }
    return json(200, {
      applied,
      duplicates,
      ignored: batch.value.ignored,
      rejected: batch.value.rejected.map(({ index, error }) => ({
        index,
        property: error.property,
        message: error.message,
      })),
      refused,
    });
  };
}

/**
 * Makes the handler for one campaign (validated once, at start-up).
 *
 * @param campaignInput - the campaign's settings, as createCampaign reads them
 * @param options - `hubspot`: `{ secret, objectTypeId, ratios, records, taskRecords, now? }` to
 *   serve `POST /hubspot/webhooks`
 * @returns `(request: Request) => Promise<Response>`
 */
export function createHandler(campaignInput = { id: "default" }, options = {}) {
  const made = createCampaign(campaignInput);
  if (!made.ok) throw new Error(made.error.message);
  const campaign = made.value;
  const records = buildCallRecord(campaign);

  const routes = {
    "/calls": {
      fields: {
        at: { parse: at },
        facts: { parse: parseCallFacts },
        record: { parse: parseCallRecord, optional: true },
        tally: { parse: shiftTally, optional: true },
        agent: { parse: text("agent") },
        shift: { parse: text("shift") },
      },
      run({ at, facts, record, tally, agent, shift }) {
        const current = record ?? records.initial(at).value;
        const c = classify(facts, current, campaign, at);
        if (!c.ok) return problem(422, c.error.code, c.error.message);
        const step = records.transition(current, { type: "callLogged", actor: "agent", ...toLoggedCall(c.value, at) });
        if (!step.ok) return problem(422, step.error.code, step.error.message);
        const dial = tallyShifts([shiftFacts(c.value, agent, shift)]);
        if (dial.rejected.length > 0) {
          return json(422, {
            error: {
              code: "notTallied",
              message: `the call cannot be counted in the shift tally: ${dial.rejected.map((r) => r.message).join("; ")}`,
              rejected: dial.rejected,
            },
          });
        }
        const merged = mergeFigures(tally ?? emptyFigures("shiftFigures"), dial.tally);
        if (!merged.ok) return problem(422, merged.error.code, merged.error.message);
        return json(200, {
          classification: {
            lastContact: c.value.lastContact,
            result: c.value.result,
            countsAs: c.value.countsAs,
            rules: c.value.rules,
          },
          record: step.value.state,
          effects: step.value.effects,
          tally: merged.value,
        });
      },
    },
    "/consultation": {
      fields: { state: { parse: parseConsultationState, optional: true }, event: { parse: parseConsultationEvent } },
      run({ state, event }) {
        const current = state ?? consultation.initial(event.at).value;
        const step = consultation.transition(current, event);
        if (!step.ok) return problem(422, step.error.code, step.error.message);
        return json(200, {
          state: step.value.state,
          label: consultation.label(step.value.state),
          effects: step.value.effects,
        });
      },
    },
    "/client-hub": {
      fields: { record: { parse: parseClientHubRecord }, event: { parse: parseClientHubEvent } },
      run({ record, event }) {
        const step = clientHub.transition(record, event);
        if (!step.ok) return problem(422, step.error.code, step.error.message);
        return json(200, { record: step.value.state, effects: step.value.effects });
      },
    },
  };

  const hubspot = options.hubspot === undefined ? undefined : hubspotRoute(options.hubspot);

  return async function handle(request) {
    const path = new URL(request.url).pathname;
    if (path === "/hubspot/webhooks" && hubspot !== undefined) {
      if (request.method !== "POST") return problem(405, "methodNotAllowed", "use POST");
      const body = await readBody(request);
      if (body.tooLarge) return problem(413, "payloadTooLarge", `the body is over ${MAX_BODY_BYTES} bytes`);
      return hubspot(request, body.text);
    }
    const route = routes[path];
    if (route === undefined) return problem(404, "notFound", `no route ${new URL(request.url).pathname}`);
    if (request.method !== "POST") {
      return new Response(JSON.stringify({ error: { code: "methodNotAllowed", message: "use POST" } }), {
        status: 405,
        headers: { allow: "POST", "content-type": "application/json; charset=utf-8" },
      });
    }
    const body = await readBody(request);
    if (body.tooLarge) return problem(413, "payloadTooLarge", `the body is over ${MAX_BODY_BYTES} bytes`);
    let parsed;
    try {
      parsed = JSON.parse(body.text);
    } catch {
      // Not the engine's own message: its wording differs between runtimes and versions.
      return problem(400, "malformedJson", "the body is not valid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return problem(400, "invalidInput", "the body must be a JSON object", [
        { path: "", message: "expected an object" },
      ]);
    }
    const { values, issues } = parseFields(parsed, route.fields);
    if (issues.length > 0) {
      return problem(
        400,
        "invalidInput",
        `${issues.length} issue(s): ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
        issues,
      );
    }
    return route.run(values);
  };
}
