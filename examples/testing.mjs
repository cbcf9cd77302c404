// Testing your own adapter with leadrules/testing: a small "repository" that stores consultation
// leads as JSON strings (standing in for your database), checked against leadrules over random
// event sequences — then a faulty one that trims notes, caught and shrunk. Run with `npm run demo`.

import fc from "fast-check";
import { consultation } from "leadrules/lead-status";
import { parseConsultationEvent } from "leadrules/parse";
import { checkAdapter, consultationCommands, consultationEvent, invalidInput } from "leadrules/testing";

/** Your code: stores leads by id, applies webhook events, reads them back. */
class LeadRepository {
  rows = new Map();
  nextId = 1;
  insert(state) {
    const id = String(this.nextId++);
    this.rows.set(id, JSON.stringify(state));
    return id;
  }
  load(id) {
    return JSON.parse(this.rows.get(id));
  }
  /** The webhook: parse at the boundary, decide with leadrules, store. */
  handleWebhook(id, body, { trimNotes = false } = {}) {
    const event = parseConsultationEvent(JSON.parse(JSON.stringify(body)));
    if (!event.ok) return false;
    const input =
      trimNotes && event.value.notes !== undefined ? { ...event.value, notes: event.value.notes.trim() } : event.value;
    const step = consultation.transition(this.load(id), input);
    if (step.ok) this.rows.set(id, JSON.stringify(step.value.state));
    return step.ok;
  }
}

const adapterOver = (repo, options) => (initial) => {
  const id = repo.insert(initial);
  return { apply: (event) => repo.handleWebhook(id, event, options), read: () => repo.load(id) };
};

async function check() {
  await checkAdapter(consultationCommands(), adapterOver(new LeadRepository()), { numRuns: 200, seed: 42 });
  console.log("✓ LeadRepository agrees with leadrules on 200 random event sequences");

  try {
    await checkAdapter(consultationCommands(), adapterOver(new LeadRepository(), { trimNotes: true }), {
      numRuns: 200,
      seed: 42,
    });
    throw new Error("the faulty repository was not caught");
  } catch (error) {
    const lines = String(error.message).split("\n");
    console.log("✗ A repository that trims notes is caught, shrunk to:");
    console.log(`  ${lines.find((l) => l.startsWith("Counterexample"))}`);
    console.log(
      `  ${lines.find((l) => l.startsWith("consultation: after")) ?? lines.find((l) => l.includes("the adapter"))}`,
    );
  }

  // Boundary test: the webhook refuses every invalid body.
  fc.assert(
    fc.property(invalidInput(consultationEvent()), (body) => new LeadRepository().handleWebhook("1", body) === false),
    { numRuns: 500, seed: 42 },
  );
  console.log("✓ the webhook refuses 500 invalid bodies (unknown fields, wrong kinds, bad instants, non-objects)");
}

check();
