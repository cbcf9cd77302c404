export { stateDiagram } from "../core/diagram.js";
export type { DialFacts } from "../core/dial.js";
export { APPLIED_IDS_CAP, APPLIED_IDS_LIMIT, MAX_EVENT_ID_LENGTH } from "../core/identity.js";
export type { AdvanceStep, Lifecycle, Refold, RefoldOptions, Rejection, Replay, Step } from "../core/lifecycle.js";
export type { InvalidInput, Issue, Result } from "../core/result.js";
export { err, ok } from "../core/result.js";
export type { Instant } from "../core/time.js";
export type { Campaign, CampaignInput, CustomResult, QualifyingRange, ResultId } from "./campaign.js";
export { DEFAULT_CAMPAIGN, resultFlags } from "./campaign.js";
export type {
  AppointmentMode,
  CallFacts,
  Classification,
  ClassifyError,
  CompanyFinding,
  DecisionMakerFacts,
  DecisionMakerSaid,
  NoPitchAnswer,
  ReceptionSaid,
} from "./classify.js";
export {
  APPOINTMENT_MODES,
  COMPANY_FINDINGS,
  classify,
  NO_PITCH_ANSWERS,
  NOBODY_VIA,
  RECEPTION_ANSWERS,
  RECEPTION_PHRASES,
  shiftFacts,
  toLoggedCall,
} from "./classify.js";
export type { CallLogError, CallLoggedEvent, CallLogStep, CallRecordLifecycle } from "./record.js";
export { buildCallRecord, callRecord, logCall } from "./record.js";
export type { CallEffect, CallRecord } from "./record-state.js";
export type {
  BuiltInResult,
  CallActor,
  CampaignPermission,
  CountsAs,
  LastContact,
  RecordEffect,
  RecordStatus,
  RequiredEffect,
  ResultFlags,
  ResultWho,
  RuleId,
} from "./results.js";
export {
  CALL_ACTORS,
  CALL_RESULTS,
  CAMPAIGN_PERMISSIONS,
  COUNTS_AS,
  LAST_CONTACTS,
  RECORD_EFFECTS,
  RECORD_STATUSES,
  REQUIRED_EFFECTS,
  RESULT_WHO,
  RULES,
} from "./results.js";
export type { LoggedCall, Violation, ViolationCode } from "./validate.js";
export { isExistingLead, validate } from "./validate.js";
