export type { Result } from "../core/result.js";
export type { AppointmentStatus, BookingEvent, BookingState } from "../lead-status/booking.js";
export type { ClinikoAppointmentFacts, ClinikoEnvelope, ClinikoError, ClinikoInvalid } from "./appointment.js";
export { bookingEventFromCliniko, readClinikoAppointment } from "./appointment.js";
