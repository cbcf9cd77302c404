export type { CalendarDate, DurationUnit } from "../core/calendar.js";
export { stateDiagram } from "../core/diagram.js";
export { APPLIED_IDS_CAP, APPLIED_IDS_LIMIT, MAX_EVENT_ID_LENGTH } from "../core/identity.js";
export type {
  AdvanceStep,
  Branch,
  Lifecycle,
  LifecycleDefinition,
  Refold,
  RefoldOptions,
  Rejection,
  Replay,
  StatusMeta,
  StatusTable,
  Step,
} from "../core/lifecycle.js";
export type { InvalidInput, Issue, Result } from "../core/result.js";
export { err, ok } from "../core/result.js";
export type { Instant } from "../core/time.js";
export type {
  CallDirection,
  CallOutcome,
  CheckInCallType,
  ClientHubActor,
  ClientHubCall,
  ClientHubCallType,
  ClientHubEffect,
  ClientHubEvent,
  ClientHubEventBase,
  ClientHubEventType,
  ClientHubLifecycle,
  ClientHubOptions,
  ClientHubRecord,
  ClientHubRefusalCode,
  ClientHubStage,
  ClientHubTask,
  ContactRatio,
  NewClientHubRecord,
} from "./pipeline.js";
export {
  buildClientHub,
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  CHECK_IN_CALL_TYPES,
  CHECK_IN_STAGES,
  CLIENT_HUB_ACTORS,
  CLIENT_HUB_DEFAULTS,
  CLIENT_HUB_STAGES,
  CLIENT_HUB_TASKS,
  clientHub,
  OTHER_CALL_TYPE,
} from "./pipeline.js";
export type { Reconciliation, RecordKey, Subscription, SubscriptionContact } from "./records.js";
export { reconcile } from "./records.js";
