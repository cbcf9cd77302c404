export type { CalendarDate } from "../core/calendar.js";
export type { Result } from "../core/result.js";
export { HUBSPOT_PRIMARY_LABELS, subscriptionFromAssociations } from "./associations.js";
export type {
  CallLoggedEvent,
  HubSpotCallFacts,
  HubSpotEnvelope,
  HubSpotFactProperties,
  HubSpotObject,
  HubSpotPortal,
} from "./calls.js";
export {
  callFactsFromHubSpot,
  callFactsToHubSpot,
  callLoggedFromHubSpot,
  callLoggedToHubSpot,
  HUBSPOT_DEFAULTS,
  HUBSPOT_DISPOSITIONS,
} from "./calls.js";
export type {
  HubSpotBatchInput,
  HubSpotPlan,
  HubSpotPlanItem,
  HubSpotPlanReport,
  HubSpotStoredRecord,
  HubSpotWebhookOptions,
  HubSpotWebhookRefusal,
  HubSpotWrite,
  StageDragDecision,
  StageDragged,
} from "./host.js";
export {
  HUBSPOT_OWN_SOURCES,
  planHubSpotBatch,
  planHubSpotWebhook,
  stageDragDecision,
  stageDraggedFrom,
} from "./host.js";
export type { HubSpotError, HubSpotErrorCode, HubSpotInvalid } from "./properties.js";
export {
  hasHubSpotValue,
  hubSpotDateOfInstant,
  readHubSpotCheckbox,
  readHubSpotDate,
  readHubSpotDateTime,
  readHubSpotNumber,
  writeHubSpotCheckbox,
  writeHubSpotDate,
  writeHubSpotDateTime,
  writeHubSpotNumber,
} from "./properties.js";
export type { HmacKey, HubSpotSignatureError, HubSpotSignedRequest, SubtleHmac } from "./signature.js";
export {
  HUBSPOT_SIGNATURE_MAX_AGE_MS,
  hubSpotSignatureV3,
  hubSpotSignedUri,
  verifyHubSpotSignatureV3,
} from "./signature.js";
export type { HubSpotStageMap } from "./stages.js";
export { clientHubStageMap, clientHubStageOf, hubSpotStageIdOf } from "./stages.js";
export type {
  HubSpotBatch,
  HubSpotChange,
  HubSpotChangeEvent,
  HubSpotChangeMapper,
  HubSpotIgnored,
  MappedEvent,
  MapperEvent,
} from "./webhooks.js";
export {
  contactRatioSetFrom,
  readWebhookBatch,
  readWebhookEvent,
  taskCompletedFrom,
  webhookEventId,
} from "./webhooks.js";
