export { stateDiagram } from "../core/diagram.js";
export type { Lifecycle, Rejection, Replay, Step } from "../core/lifecycle.js";
export type { InvalidInput, Issue, Result } from "../core/result.js";
export { err, ok } from "../core/result.js";
export type { Instant } from "../core/time.js";
export type { Campaign, CustomResult, QualifyingRange, ResultId } from "./campaign.js";
export { DEFAULT_CAMPAIGN, resultFlags } from "./campaign.js";
export type {
  AppointmentMode,
  CallFacts,
  Classification,
  ClassifyError,
  CompanyFinding,
  DecisionMakerSaid,
  ReceptionSaid,
  ShiftCallFacts,
} from "./classify.js";
export {
  APPOINTMENT_MODES,
  COMPANY_FINDINGS,
  classify,
  NOBODY_VIA,
  RECEPTION_ANSWERS,
  shiftFacts,
  toLoggedCall,
} from "./classify.js";
export type { CallActor, CallEffect, CallLoggedEvent, CallRecord, CallRecordLifecycle } from "./record.js";
export { buildCallRecord, CALL_ACTORS, callRecord, RECORD_STATUSES } from "./record.js";
export type {
  BuiltInResult,
  CampaignPermission,
  CountsAs,
  LastContact,
  RecordEffect,
  RequiredEffect,
  ResultFlags,
  ResultWho,
  RuleId,
} from "./results.js";
export {
  CALL_RESULTS,
  CAMPAIGN_PERMISSIONS,
  COUNTS_AS,
  LAST_CONTACTS,
  RECORD_EFFECTS,
  REQUIRED_EFFECTS,
  RESULT_WHO,
  RULES,
} from "./results.js";
export type { LoggedCall, Violation, ViolationCode } from "./validate.js";
export { isExistingLead, validate } from "./validate.js";
