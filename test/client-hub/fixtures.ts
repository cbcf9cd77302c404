// Client Hub fixtures shared by tests: one per playbook situation, so a change to it is made once.
import {
  type ClientHubEvent,
  type ClientHubLifecycle,
  type ClientHubRecord,
  clientHub,
} from "../../src/client-hub/pipeline.js";
import { unwrap } from "../helpers.js";

/** What a test may change: a pipeline it built, other ids, another creation time or contact date. */
export interface StartRecordOptions {
  readonly lifecycle?: Pick<ClientHubLifecycle, "initial">;
  readonly subscriptionId?: string;
  readonly contactId?: string;
  readonly at?: string | undefined;
  readonly nextContactDate?: string | undefined;
}

// Created 10 Jan 2026 15:00 UTC, next contact 10 Feb: Call 1 opens 10 Feb, Call 2 on the 15th, Call 3 on the 20th.
export const startRecord = ({
  lifecycle = clientHub,
  subscriptionId = "s1",
  contactId = "c1",
  at = "2026-01-10T15:00:00Z",
  nextContactDate = "2026-02-10",
}: StartRecordOptions = {}): ClientHubRecord =>
  unwrap(lifecycle.initial({ subscriptionId, contactId, at, timeZone: "UTC", nextContactDate }));

/** A connected outbound check-in call the owner logged at `at`; `details` adds or overrides fields (an id). */
export const checkInCall = (
  at: string,
  details: Partial<Extract<ClientHubEvent, { type: "callLogged" }>> = {},
): ClientHubEvent => ({
  type: "callLogged",
  at,
  actor: "owner",
  outcome: "Connected",
  callType: "Check In - Call",
  direction: "outbound",
  ...details,
});
