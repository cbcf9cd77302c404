export { stateDiagram } from "../core/diagram.js";
export { APPLIED_IDS_CAP, APPLIED_IDS_LIMIT, MAX_EVENT_ID_LENGTH } from "../core/identity.js";
export type {
  AdvanceStep,
  Branch,
  Check,
  EngineRejectionCode,
  EventRule,
  Lifecycle,
  LifecycleDefinition,
  LifecycleEvent,
  LifecycleState,
  Refold,
  RefoldOptions,
  Refusal,
  Rejection,
  Replay,
  StatusMeta,
  StatusTable,
  Step,
  TimerRule,
} from "../core/lifecycle.js";
export type { InvalidInput, Issue, Result } from "../core/result.js";
export { err, ok } from "../core/result.js";
export type { Instant } from "../core/time.js";
export type {
  AppointmentStatus,
  BookingActor,
  BookingEffect,
  BookingEvent,
  BookingEventBase,
  BookingEventType,
  BookingLifecycle,
  BookingRefusalCode,
  BookingSettings,
  BookingState,
  BookingStatus,
  LeadComment,
  LinkedAppointment,
  NewClient,
  NewLead,
  Patient,
} from "./booking.js";
export {
  APPOINTMENT_STATUSES,
  BOOKING_ACTORS,
  BOOKING_DEFAULTS,
  BOOKING_STATUSES,
  booking,
  buildBooking,
  hasActiveAppointment,
  leadForNewClient,
} from "./booking.js";
export type {
  ClosedConsultationStatus,
  ConsultationActor,
  ConsultationEffect,
  ConsultationEvent,
  ConsultationEventBase,
  ConsultationEventType,
  ConsultationLifecycle,
  ConsultationOptions,
  ConsultationRefusalCode,
  ConsultationState,
  ConsultationStatus,
  FollowUp,
} from "./consultation.js";
export {
  buildConsultation,
  CONSULTATION_ACTORS,
  CONSULTATION_DEFAULTS,
  CONSULTATION_STATUSES,
  consultation,
  consultationInitial,
  consultationTransition,
} from "./consultation.js";
