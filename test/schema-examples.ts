// One or more example of every boundary type, taken from the situations in examples/*.mjs and the
// docs (the same events, the same records), with stored states made by the real code. The JSON
// Schemas must accept every one (test/schemas.test.ts).

import type fc from "fast-check";
import { SAMPLE_DAY } from "../scripts/docs.js";
import { DEFAULT_CAMPAIGN } from "../src/call-result/campaign.js";
import { classify, shiftFacts, toLoggedCall } from "../src/call-result/classify.js";
import { callRecord } from "../src/call-result/record.js";
import { clientHub } from "../src/client-hub/pipeline.js";
import type { Result } from "../src/core/result.js";
import { booking } from "../src/lead-status/booking.js";
import { consultation } from "../src/lead-status/consultation.js";
import { tallyShifts } from "../src/tally/figures.js";
import { tallySheet } from "../src/tally/sheet.js";
import {
  bookingEvent,
  bookingState,
  callFacts,
  callRecordState,
  campaignInput,
  clientHubEvent,
  clientHubRecord,
  consultationEvent,
  consultationState,
  dialFacts,
  loggedCall,
  newLead,
  sheetEvent,
} from "../src/testing/index.js";

const value = <T>(r: Result<T, { message: string }>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const lead = value(consultation.initial("2026-11-02T09:00:00Z"));
const followedUp = value(
  consultation.transition(lead, {
    type: "followUpLogged",
    at: "2026-11-02T09:00:00Z",
    actor: "franchisee",
    notes: "try #1",
  }),
).state;
const tim = value(
  booking.initial({
    at: "2026-11-02T09:00:00Z",
    name: "Tim Cook - massage",
    owner: "sam",
    patient: { id: "p-17", name: "Tim Cook" },
  }),
);
const timBooked = value(
  booking.transition(tim, {
    type: "appointmentDetected",
    at: "2026-11-03T10:00:00Z",
    actor: "system",
    appointment: { id: "appt-1", patientId: "p-17" },
  }),
).state;
const ada = value(
  clientHub.initial({
    subscriptionId: "sub-42",
    contactId: "ada",
    at: "2026-01-31T10:00:00Z",
    timeZone: "Europe/London",
  }),
);
const record = value(callRecord.initial("2026-11-22T09:00:00+11:00"));
const facts = {
  reached: "decisionMaker",
  pitched: true,
  said: "emailAndCallBack",
  callBackAt: "2026-11-30T09:00:00+11:00",
} as const;
const classified = value(classify(facts, record, DEFAULT_CAMPAIGN, "2026-11-23T09:00:00+11:00"));
const logged = toLoggedCall(classified, "2026-11-23T09:00:00+11:00");
const afterCall = value(callRecord.transition(record, { type: "callLogged", actor: "agent", ...logged })).state;

export const EXAMPLES: Record<string, readonly unknown[]> = {
  "consultation-event": [
    { type: "followUpLogged", at: "2026-11-02T09:00:00Z", actor: "franchisee", notes: "try #1" },
    { type: "consultationBooked", at: 1_762_257_600_000, actor: "system" },
    { type: "cancelledAndDnc", at: "2026-11-09T10:00:00+11:00", actor: "careCentre" },
    { type: "markedOutOfArea", at: "2026-11-09T10:00:00Z", actor: "franchisee", transferableToCareCentre: true },
  ],
  "consultation-state": [lead, followedUp],
  "consultation-options": [{}, { followUpLimit: 4, coldAfterHours: 3, labels: { cold: "Cold" } }],
  "booking-event": [
    { type: "patientCreated", at: "2026-11-02T09:05:00Z", actor: "user", patient: { id: "p-17", name: "Tim Cook" } },
    {
      type: "appointmentDetected",
      at: "2026-11-03T10:00:00Z",
      actor: "system",
      appointment: { id: "appt-1", patientId: "p-17" },
    },
    { type: "ownerChanged", at: "2026-11-03T11:00:00Z", actor: "user", owner: "alex" },
  ],
  "new-lead": [{ at: "2026-11-02T09:00:00Z", name: "Tim Cook - massage", owner: "sam" }],
  "booking-state": [tim, timBooked],
  "booking-settings": [{ lockOwnerWhenAssociated: true, eagerPatientShipping: true }],
  "client-hub-event": [
    {
      type: "callLogged",
      at: "2026-03-06T11:00:00Z",
      actor: "owner",
      direction: "outbound",
      outcome: "Connected",
      callType: "Check In - WhatsApp",
    },
    { type: "taskCompleted", at: "2026-03-06T12:00:00Z", actor: "owner", contactRatio: { count: 3, unit: "month" } },
  ],
  "client-hub-record": [ada, clientHub.advance(ada, "2026-03-06T08:00:00Z").state],
  "client-hub-options": [{}, { preparationDays: 3, checkInCallTypes: ["Check In - Call"] }],
  subscription: [
    {
      id: "sub-42",
      contacts: [
        { id: "ada", primary: true },
        { id: "ben", primary: false },
      ],
    },
  ],
  campaign: [{ id: "it-msp", qualifyingRange: { min: 10, max: 50, unit: "computers" } }],
  "call-facts": [
    { reached: "reception", said: "screenedOut" },
    { reached: "decisionMaker", pitched: true, said: "notQualified", measured: 8 },
    facts,
  ],
  "logged-call": [
    logged,
    { at: "2026-11-23T13:00:00+11:00", lastContact: "reception", result: "pitchedNotInterested" },
  ],
  "call-record": [record, afterCall],
  "sheet-event": SAMPLE_DAY,
  "dial-facts": [
    shiftFacts(classified, "ann", "2026-11-23 am"),
    { agent: "bo", shift: "2026-11-23 am", dmReached: false, pitched: false, lead: false, appointment: false },
  ],
  "sheet-tally": [
    tallySheet(SAMPLE_DAY).tally,
    tallySheet(SAMPLE_DAY, { unit: "day", timeZone: "America/New_York" }).tally,
  ],
  "figure-tally": [
    tallyShifts([
      { agent: "ann", shift: "2026-11-23 am", dmReached: true, pitched: true, lead: true, appointment: false },
      { agent: "ann", shift: "2026-11-23 am", dmReached: false, pitched: false, lead: false, appointment: false },
    ]).tally,
  ],
};

/** What leadrules/testing generates for each boundary type, by its schema's name. */
export const GENERATED = (): [string, fc.Arbitrary<unknown>][] => [
  ["consultation-event", consultationEvent()],
  ["consultation-state", consultationState()],
  ["booking-event", bookingEvent()],
  ["booking-state", bookingState()],
  ["new-lead", newLead()],
  ["call-facts", callFacts()],
  ["campaign", campaignInput()],
  ["logged-call", loggedCall()],
  ["call-record", callRecordState()],
  ["client-hub-event", clientHubEvent()],
  ["client-hub-record", clientHubRecord()],
  ["sheet-event", sheetEvent()],
  ["dial-facts", dialFacts()],
];
