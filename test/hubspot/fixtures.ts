// Reads the fixtures copied from HubSpot's and Cliniko's public docs (each JSON names its source).
import { readFileSync } from "node:fs";

// biome-ignore lint/suspicious/noExplicitAny: fixture JSON, read field by field in the tests
export const fixture = (path: string): any =>
  JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), "utf8"));

/** A HubSpot call object built on the default GUIDs (properties as HubSpot sends them: text). */
export const call = (
  properties: Record<string, unknown>,
  id: unknown = "512",
): { id: unknown; properties: Record<string, unknown> } => ({
  id,
  properties,
});

export const GUID = {
  Busy: "9d9162e7-6cf3-4944-bf63-4dff82258764",
  Connected: "f240bbac-87c9-4f6e-bf70-924b57d47db7",
  "Left live message": "a4c4c377-d246-4b32-a13b-75a56a4cd0ff",
  "Left voicemail": "b2cf5968-551e-4856-9783-52b3da59a7d0",
  "No answer": "73a0d17f-1163-4015-bdd5-ec830791da20",
  "Wrong number": "17b47fee-58de-441e-a44c-c6300d46f273",
} as const;

/**
 * One change of the Client Hub record's Contact Ratio (a custom object, 2-7654321) to "2_weeks", as
 * a webhook batch carries it, at 2026-03-02T10:00:00Z; `extra` overrides any field.
 */
export const ratioChange = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventId: 3816279340,
  subscriptionId: 25,
  portalId: 33,
  appId: 1160452,
  occurredAt: 1772445600000,
  subscriptionType: "object.propertyChange",
  objectTypeId: "2-7654321",
  attemptNumber: 0,
  objectId: 1246965,
  propertyName: "contact_ratio",
  propertyValue: "2_weeks",
  changeSource: "CRM_UI",
  ...extra,
});

/** One Client Hub pipeline's stage ids, as a portal's stage map gives them (the host-loop tests). */
export const STAGES = Object.freeze({
  completed: "1000",
  callPreparation: "1001",
  call1: "1002",
  call2: "1003",
  call3: "1004",
  summaryOfCall: "1005",
  unsuccessfulCall: "1006",
} as const);
