export type { LogOptions, TimeRange } from "./arbitraries.js";
export {
  bookingEvent,
  bookingLog,
  bookingState,
  callFacts,
  callRecordLog,
  callRecordState,
  campaignInput,
  clientHubEvent,
  clientHubLog,
  clientHubRecord,
  consultationEvent,
  consultationLog,
  consultationState,
  DEFAULT_FROM,
  dialFacts,
  instant,
  invalidInput,
  loggedCall,
  newClientHubRecord,
  newLead,
  sheetEvent,
  TIME_ZONES,
} from "./arbitraries.js";
export type { Adapter, CommandKit, CommandOptions, Model } from "./commands.js";
export {
  bookingCommands,
  callRecordCommands,
  checkAdapter,
  clientHubCommands,
  consultationCommands,
} from "./commands.js";
export { MISSING_FAST_CHECK } from "./fast-check.js";
