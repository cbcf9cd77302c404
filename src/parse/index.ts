// leadrules/parse: everything that reads untrusted input — events, stored states and tallies,
// options and campaigns from a tenant's configuration — with zod (zod/mini). The rules themselves
// (leadrules and its module entries) never load zod; import this entry where input crosses into
// your system (a webhook, a queue consumer, a database read).
export type { Campaign, CampaignInput, CustomResult } from "../call-result/campaign.js";
export { createCampaign, parseCallFacts, parseCallRecord, parseLoggedCall } from "../call-result/schema.js";
export { createClientHubLifecycle } from "../client-hub/create.js";
export {
  parseClientHubEvent,
  parseClientHubOptions,
  parseClientHubRecord,
  parseSubscription,
} from "../client-hub/schema.js";
export { PARSE_LIMITS } from "../core/limits.js";
export type { InvalidInput, Issue, Result } from "../core/result.js";
export { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../core/time.js";
export { createBookingLifecycle, createConsultationLifecycle } from "../lead-status/create.js";
export {
  parseBookingEvent,
  parseBookingSettings,
  parseBookingState,
  parseConsultationEvent,
  parseConsultationOptions,
  parseConsultationState,
  parseNewLead,
} from "../lead-status/schema.js";
export { parseDialFacts, parseFigureTally, parseSheetEvent, parseSheetTally } from "../tally/schema.js";
