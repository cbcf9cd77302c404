// The HTTP example, end to end: starts examples/http/handler.mjs behind node:http on 127.0.0.1
// (an ephemeral port), sends real requests — an agent's two calls, a bad one, an oversized one —
// prints the answers, and stops. Run with `npm run demo`.
import { createHandler } from "./http/handler.mjs";
import { serve } from "./http/node-server.mjs";

async function demo() {
  const server = await serve(createHandler({ id: "it-msp", qualifyingRange: { min: 10, max: 50, unit: "computers" } }));
  const post = async (path, body) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  try {
    console.log(`Listening on ${server.url}\n`);
    const first = await post("/calls", {
      at: "2026-11-23T09:00:00+11:00",
      facts: {
        reached: "decisionMaker",
        pitched: true,
        said: "emailAndCallBack",
        callBackAt: "2026-11-30T09:00:00+11:00",
      },
      agent: "ann",
      shift: "2026-11-23 am",
    });
    const c = first.body.classification;
    console.log(`POST /calls → ${first.status}: ${c.lastContact} / ${c.result}, counts as ${c.countsAs}`);
    console.log(`  record ${first.body.record.status}, effects: ${first.body.effects.map((e) => e.type).join(", ")}`);

    const second = await post("/calls", {
      at: "2026-11-23T09:30:00+11:00",
      facts: { reached: "reception", said: "screenedOut" },
      agent: "ann",
      shift: "2026-11-23 am",
      tally: first.body.tally,
    });
    console.log(
      `POST /calls → ${second.status}: ${second.body.classification.lastContact} / ${second.body.classification.result}`,
    );
    console.log(`  shift tally rows: ${JSON.stringify(second.body.tally.rows)}`);

    const bad = await post("/calls", { at: "monday", facts: { reached: "everyone" }, agent: 7 });
    console.log(`\nPOST /calls with wrong types → ${bad.status}: ${bad.body.error.message}`);
    const malformed = await post("/calls", "{ not json");
    console.log(`POST /calls with malformed JSON → ${malformed.status}: ${malformed.body.error.code}`);
    const huge = await post("/calls", { padding: "x".repeat(100_000) });
    console.log(`POST /calls with a 100 kB body → ${huge.status}: ${huge.body.error.message}`);

    const lead = await post("/consultation", {
      event: { type: "followUpLogged", at: "2026-11-23T10:00:00Z", actor: "franchisee" },
    });
    console.log(
      `\nPOST /consultation → ${lead.status}: ${lead.body.label}, effects: ${lead.body.effects.map((e) => e.type)}`,
    );
  } finally {
    await server.close();
  }
}

demo();
