// A HubSpot custom-code workflow action, shaped as HubSpot runs one: `main(event, callback)` reads
// the Client Hub record's properties and the logged call from `event.inputFields`, and answers
// with `outputFields` for the next workflow steps (the new stage, the next contact date, the tasks
// to create). Below, a small driver plays one cycle through it. Run with `npm run demo`.
import { clientHub, reconcile } from "leadrules/client-hub";
import { parseClientHubEvent, parseClientHubRecord, parseSubscription } from "leadrules/parse";

/** The action. HubSpot passes the record's stored JSON and the call as input fields. */
export async function main(event, callback) {
  const { record: stored, call, now } = event.inputFields;
  const record = parseClientHubRecord(JSON.parse(stored));
  if (!record.ok) return callback({ outputFields: { ok: false, error: record.error.message } });
  let step;
  if (call === undefined) {
    step = clientHub.advance(record.value, now); // the scheduled branch: just let time pass
  } else {
    const parsed = parseClientHubEvent(JSON.parse(call));
    if (!parsed.ok) return callback({ outputFields: { ok: false, error: parsed.error.message } });
    const result = clientHub.transition(record.value, parsed.value);
    if (!result.ok) return callback({ outputFields: { ok: false, error: result.error.message } });
    step = result.value;
  }
  return callback({
    outputFields: {
      ok: true,
      record: JSON.stringify(step.state),
      hs_pipeline_stage: clientHub.label(step.state),
      next_contact_date: step.state.nextContactDate,
      tasks: step.effects.filter((e) => e.type === "task").map((e) => `${e.title} (due ${e.dueAt.slice(0, 10)})`),
      send_nps_survey: step.effects.some((e) => e.type === "sendNpsSurvey"),
    },
  });
}

// ---- a driver standing in for HubSpot ----
const run = (inputFields) => new Promise((resolve) => main({ inputFields }, (out) => resolve(out.outputFields)));
const show = (title, out) =>
  console.log(
    `${title.padEnd(46)} ${out.ok ? `${out.hs_pipeline_stage}; next contact ${out.next_contact_date}` : `refused: ${out.error}`}` +
      (out.tasks?.length ? `; tasks: ${out.tasks.join(", ")}` : "") +
      (out.send_nps_survey ? "; NPS survey sent" : ""),
  );

// The driver's calls, one cycle. (An async function, not top-level await, so the same file also
// runs as CommonJS: the package is checked both ways.)
async function drive() {
  const subscription = parseSubscription({
    id: "sub-42",
    contacts: [
      { id: "ada", primary: true },
      { id: "ben", primary: false },
      { id: "cy", primary: true },
    ],
  });
  if (!subscription.ok) throw new Error(subscription.error.message);
  const reconciled = reconcile(subscription.value, []);
  if (!reconciled.ok) throw new Error(reconciled.error.message);
  const plan = reconciled.value;
  console.log(`Records to create for sub-42: ${plan.create.map((k) => k.contactId).join(", ")} (ben is not primary)\n`);

  const created = clientHub.initial({
    subscriptionId: "sub-42",
    contactId: "ada",
    at: "2026-01-31T10:00:00Z",
    timeZone: "Europe/London",
  });
  if (!created.ok) throw new Error(created.error.message);
  let record = JSON.stringify(created.value);
  console.log(`Ada's record, created 31 Jan: next contact ${created.value.nextContactDate}`);

  let out = await run({ record, now: "2026-02-23T08:00:00Z" });
  show("Workflow tick, Mon 23 Feb", out);
  out = await run({ record: out.record, now: "2026-03-06T08:00:00Z" });
  show("Workflow tick, Fri 6 Mar", out);
  record = out.record;

  const call = (details) =>
    JSON.stringify({
      type: "callLogged",
      at: "2026-03-06T11:00:00Z",
      actor: "owner",
      direction: "outbound",
      ...details,
    });
  show(
    "Logs a call with outcome 'connected'",
    await run({ record, call: call({ outcome: "connected", callType: "Check In - Call" }) }),
  );
  show(
    "Logs an account query (call type Other)",
    await run({ record, call: call({ outcome: "Connected", callType: "Other" }) }),
  );
  out = await run({ record, call: call({ outcome: "Connected", callType: "Check In - WhatsApp" }) });
  show("Logs a WhatsApp check-in, connected", out);
  out = await run({
    record: out.record,
    call: JSON.stringify({
      type: "taskCompleted",
      at: "2026-03-06T12:00:00Z",
      actor: "owner",
      contactRatio: { count: 3, unit: "month" },
    }),
  });
  show("Completes the summary task, ratio 3 months", out);
}

drive();
