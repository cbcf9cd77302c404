// A franchisee's week with one consultation lead, and a physio practice's booking lead.
// Run with `npm run demo` (after `npm run build`).
import { BOOKING_DEFAULTS, booking, buildBooking, consultation, stateDiagram } from "leadrules/lead-status";
import { parseConsultationEvent } from "leadrules/parse";

const show = (title, value) => console.log(`${title.padEnd(44)} ${value}`);
const unwrap = (result) => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

console.log("Consultation lifecycle\n");
let lead = unwrap(consultation.initial("2026-11-02T09:00:00Z"));
show("Web lead arrives (Mon 09:00)", consultation.label(lead));

// Six follow-ups, each logged when the previous one fell due.
let at = Date.parse("2026-11-02T09:00:00Z");
for (let n = 1; n <= 6; n++) {
  const step = unwrap(
    consultation.transition(lead, { type: "followUpLogged", at, actor: "franchisee", notes: `try #${n}` }),
  );
  lead = step.state;
  show(
    `Follow-up logged ${new Date(at).toISOString().slice(0, 16)}`,
    `${consultation.label(lead)}, task due ${step.effects[0].dueAt}`,
  );
  at += 48 * 3_600_000;
}
const seventh = consultation.transition(lead, { type: "followUpLogged", at: at - 3_600_000, actor: "franchisee" });
show("A seventh follow-up?", `refused: ${seventh.error.message}`);

const due = Date.parse(lead.followUp.dueAt);
show("Advance to 1 ms before due + 2 h", consultation.label(consultation.advance(lead, due + 2 * 3_600_000 - 1).state));
lead = consultation.advance(lead, due + 2 * 3_600_000).state;
show("Advance to due + 2 h", `${consultation.label(lead)} (at ${lead.updatedAt})`);

// Events from outside are parsed first: every issue comes back with its field.
const bad = parseConsultationEvent({ type: "consultationBooked", at: "next tuesday", actor: "calendar" });
show("A malformed webhook", bad.error.message);
const booked = unwrap(
  consultation.transition(
    lead,
    unwrap(parseConsultationEvent({ type: "consultationBooked", at: due + 3 * 3_600_000, actor: "system" })),
  ),
);
show("The calendar books a consultation", consultation.label(booked.state));
const franchiseeDnc = consultation.transition(booked.state, {
  type: "cancelledAndDnc",
  at: due + 4 * 3_600_000,
  actor: "franchisee",
});
show("A franchisee tries Cancelled and DNC", `refused: ${franchiseeDnc.error.message}`);

console.log("\nBooking lifecycle (lock owner when associated: on)\n");
const tenant = buildBooking({ ...BOOKING_DEFAULTS, lockOwnerWhenAssociated: true, eagerPatientShipping: true });
let tim = unwrap(tenant.initial({ at: "2026-11-02T09:00:00Z", name: "Tim Cook - massage", owner: "sam" }));
show("Lead added", `${tim.name} (${tenant.statuses[tim.status].label}), owner ${tim.owner}`);
const created = unwrap(
  tenant.transition(tim, {
    type: "patientCreated",
    at: "2026-11-02T09:05:00Z",
    actor: "user",
    patient: { id: "p-17", name: "Tim Cook" },
  }),
);
tim = created.state;
show("New patient created in the lead", `effect: ${created.effects[0].type} ${created.effects[0].patientId}`);
tim = unwrap(
  tenant.transition(tim, {
    type: "appointmentDetected",
    at: "2026-11-03T10:00:00Z",
    actor: "system",
    appointment: { id: "appt-1", patientId: "p-17" },
  }),
).state;
show("The PMS reports an appointment", tenant.statuses[tim.status].label);
const steal = tenant.transition(tim, {
  type: "ownerChanged",
  at: "2026-11-03T11:00:00Z",
  actor: "user",
  owner: "alex",
});
show("Someone else claims the lead", `refused: ${steal.error.code}`);
console.log(`\nThe booking lifecycle as Mermaid:\n\n${stateDiagram(booking.definition)}`);
