import type { InvalidInput, Result } from "../core/result.js";
import { type BookingLifecycle, buildBooking } from "./booking.js";
import { buildConsultation, type ConsultationLifecycle } from "./consultation.js";
import { parseBookingSettings, parseConsultationOptions } from "./schema.js";

/**
 * Builds a consultation lifecycle tuned by options from outside (a tenant's configuration),
 * validated first: a negative delay, a follow-up limit of 0 or an unknown status is an error
 * value naming the field.
 *
 * @param options - untrusted options; missing fields take the playbook's defaults
 * @returns the lifecycle, or an error value
 * @example
 * createConsultationLifecycle({ followUpLimit: 4 }); // => { ok: true, value: { options: { followUpLimit: 4, ... }, ... } }
 */
export function createConsultationLifecycle(options?: unknown): Result<ConsultationLifecycle, InvalidInput> {
  const parsed = parseConsultationOptions(options);
  return parsed.ok ? { ok: true, value: buildConsultation(parsed.value) } : parsed;
}

/**
 * Builds a booking lifecycle for a tenant's Lead Tracking settings, validated first.
 *
 * @param settings - untrusted settings; missing ones are off
 * @returns the lifecycle, or an error value
 * @example
 * createBookingLifecycle({ lockOwnerWhenAssociated: true }).ok; // => true
 */
export function createBookingLifecycle(settings?: unknown): Result<BookingLifecycle, InvalidInput> {
  const parsed = parseBookingSettings(settings);
  return parsed.ok ? { ok: true, value: buildBooking(parsed.value) } : parsed;
}
