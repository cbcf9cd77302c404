import { deepFreeze } from "../core/freeze.js";
import type { StatusTable } from "../core/lifecycle.js";

/** Who you last spoke to on a call (voicemail is not speaking), with the playbook's labels. */
export const LAST_CONTACTS = /* @__PURE__ */ deepFreeze({
  noContact: "No Contact",
  reception: "Reception",
  decisionMaker: "Decision Maker",
} as const);
/** Who you last spoke to. */
export type LastContact = keyof typeof LAST_CONTACTS;

/** Who may log a result: anyone, only after speaking to the DM, only to reception, reception or nobody, or only on an existing lead. */
export const RESULT_WHO = /* @__PURE__ */ deepFreeze([
  "any",
  "decisionMakerOnly",
  "receptionOnly",
  "receptionOrNone",
  "existingLeadOnly",
] as const);
/** Who may log a result. */
export type ResultWho = (typeof RESULT_WHO)[number];
/** Who logs calls. */
export const CALL_ACTORS = /* @__PURE__ */ deepFreeze(["agent", "system"] as const);
/** Who logs calls. */
export type CallActor = (typeof CALL_ACTORS)[number];

/**
 * Where a call record stands after a result: on the list, off it waiting on a follow-up task, or
 * closed. The record lifecycle's statuses; types, schemas and the diagram derive from this table.
 */
export const RECORD_STATUSES = /* @__PURE__ */ deepFreeze({
  open: { label: "Open (on the list)", setBy: ["agent", "system"], closes: false },
  pendingTask: { label: "Off the list, follow-up task pending", setBy: ["agent", "system"], closes: false },
  closed: { label: "Closed (off the list)", setBy: ["agent", "system"], closes: true },
} as const satisfies StatusTable<string, CallActor>);
/** Where a call record stands: `open`, `pendingTask` or `closed`. */
export type RecordStatus = keyof typeof RECORD_STATUSES;

/**
 * The record statuses as a list.
 *
 * @deprecated Renamed: use `RECORD_STATUSES` (a table with labels) or `RecordStatus`. Removed in 0.2.0.
 */
export const RECORD_EFFECTS: readonly RecordStatus[] = /* @__PURE__ */ deepFreeze(["open", "pendingTask", "closed"]);
/**
 * Where a call record stands.
 *
 * @deprecated Renamed `RecordStatus`. Removed in 0.2.0.
 */
export type RecordEffect = RecordStatus;
/** What a result counts as on the shift's figures. */
export const COUNTS_AS = /* @__PURE__ */ deepFreeze(["lead", "appointment", "nothing"] as const);
/** What a result counts as. */
export type CountsAs = (typeof COUNTS_AS)[number];
/** Work a result requires of the host. */
export const REQUIRED_EFFECTS = /* @__PURE__ */ deepFreeze([
  "followUpTask",
  "introEmail",
  "doNotCall",
  "ownerChange",
] as const);
/** Work a result requires of the host. */
export type RequiredEffect = (typeof REQUIRED_EFFECTS)[number];
/** The campaign permissions a result may need. */
export const CAMPAIGN_PERMISSIONS = /* @__PURE__ */ deepFreeze(["emailOnlyHns", "wantsConsultantFollowUp"] as const);
/** A campaign permission a result needs. */
export type CampaignPermission = (typeof CAMPAIGN_PERMISSIONS)[number];

/** Everything a result means, as flags: the one table types, validation and docs derive from. */
export interface ResultFlags {
  readonly label: string;
  readonly who: ResultWho;
  /** The status the result leaves the record in. */
  readonly record: RecordStatus;
  /** `lead` counts the first time only. */
  readonly countsAs: CountsAs;
  readonly effects: readonly RequiredEffect[];
  readonly permission?: CampaignPermission;
  /** A not-qualified reason (decided by the campaign's qualifying range, or campaign-specific). */
  readonly notQualified?: boolean;
}

const NONE: readonly RequiredEffect[] = [];
// Marked free of side effects, so a bundler drops the table when nothing reads it.
const closedBy = /* @__NO_SIDE_EFFECTS__ */ (
  label: string,
  who: ResultWho = "any",
  more?: Partial<ResultFlags>,
): ResultFlags => ({ label, who, record: "closed", countsAs: "nothing", effects: NONE, ...more });

/**
 * Every Last Call Result of the playbook "How To Log Call Results", with its flags.
 */
export const CALL_RESULTS = /* @__PURE__ */ deepFreeze({
  noContact: { label: "No Contact (Call Back)", who: "any", record: "open", countsAs: "nothing", effects: NONE },
  handledByParentCompany: closedBy("Handled by Parent Company"),
  handledOverseas: closedBy("Handled Overseas"),
  outsourced: closedBy("Outsourced"),
  notInterestedNoPitch: closedBy("Not Interested - No Pitch", "decisionMakerOnly"),
  pitchedNotInterested: closedBy("Pitched - Not Interested", "decisionMakerOnly"),
  notQualifiedBelowMin: closedBy("Not Qualified - Below Min", "decisionMakerOnly", { notQualified: true }),
  notQualifiedAboveMax: closedBy("Not Qualified - Above Max", "decisionMakerOnly", { notQualified: true }),
  wrongNumber: closedBy("Wrong Number"),
  duplicate: closedBy("Duplicate"),
  existingClient: closedBy("Existing Client", "decisionMakerOnly"),
  deadEndOrBlocked: closedBy("Dead End or Blocked", "receptionOrNone"),
  notAGoodFit: closedBy("Not a Good Fit"),
  removeFromDatabase: closedBy("Remove From Database", "any", { effects: ["doNotCall"] }),
  emailOnly: {
    label: "Email Only",
    who: "decisionMakerOnly",
    record: "closed",
    countsAs: "lead",
    effects: ["introEmail"],
  },
  emailOnlyHns: closedBy("Email Only - HNS", "receptionOnly", { permission: "emailOnlyHns" }),
  emailFollowUp: {
    label: "Email Follow Up",
    who: "decisionMakerOnly",
    record: "pendingTask",
    countsAs: "lead",
    effects: ["followUpTask", "introEmail"],
  },
  nurtureEmailSent: {
    label: "Nurture - Email Sent",
    who: "decisionMakerOnly",
    record: "pendingTask",
    countsAs: "lead",
    effects: ["followUpTask", "introEmail"],
  },
  nurtureNoEmailSent: {
    label: "Nurture - No Email Sent",
    who: "decisionMakerOnly",
    record: "pendingTask",
    countsAs: "lead",
    effects: ["followUpTask"],
  },
  followUp: {
    label: "Follow Up",
    who: "existingLeadOnly",
    record: "pendingTask",
    countsAs: "nothing",
    effects: ["followUpTask"],
  },
  appointmentBooked: {
    label: "Appointment Booked",
    who: "decisionMakerOnly",
    record: "closed",
    countsAs: "appointment",
    effects: NONE,
  },
  wantsConsultantFollowUp: {
    label: "Wants Consultant Follow Up",
    who: "any",
    record: "closed",
    countsAs: "nothing",
    effects: ["ownerChange"],
    permission: "wantsConsultantFollowUp",
  },
} as const satisfies Record<string, ResultFlags>);

/** A built-in result id. */
export type BuiltInResult = keyof typeof CALL_RESULTS;

/** The rules `classify` and `validate` cite, by id, in plain English. */
export const RULES = /* @__PURE__ */ deepFreeze({
  nobodySpokenTo: "Nobody was spoken to (voicemail, no answer): Last Contact No Contact.",
  directLineVoicemail: "The DM's direct line or mobile went to voicemail: nobody was spoken to, so No Contact.",
  voicemailAfterPutThrough: "Reception put you through to the DM's voicemail: the last person spoken to was reception.",
  receptionNoIsNotANo:
    "We never take a no from reception: a screen, a message or an info@ address is No Contact (Call Back).",
  dmCutShort:
    'The DM cut you short before the pitch ("can\'t talk, call back"): Last Contact Reception, No Contact, and a task to call back.',
  notInterestedBeforePitch: "The DM said no before the first paragraph of the pitch: Not Interested - No Pitch.",
  inTalksWithSalesRep: "Already in talks with one of our sales reps, not a client yet: Not Interested - No Pitch.",
  pitchedAndDeclined: "The DM listened to the pitch and declined: Pitched - Not Interested.",
  alreadyPitchedLead: "A DM who was pitched before (an existing lead) and declines: Pitched - Not Interested.",
  existingClient: "Already using our product or service: Existing Client.",
  belowMinimum: "Below the campaign's qualifying minimum: Not Qualified - Below Min.",
  aboveMaximum: "Above the campaign's qualifying maximum: Not Qualified - Above Max.",
  campaignNotQualified: "A not-qualified reason specific to the campaign.",
  emailNoCallBack: "The DM agreed to an email and no follow-up call: Email Only.",
  emailCallBackWithinBound:
    "An email and a call back within the campaign's bound (the date 4 weeks ahead, in the campaign's time zone): Email Follow Up.",
  callBackBeyondBound:
    "A call back dated after the bound (4 weeks, by date in the campaign's time zone): Nurture, with or without an email now.",
  callBackNoEmail: "A call back agreed and no email wanted: Nurture - No Email Sent.",
  followUpOnExistingLead:
    "Calling an existing lead without reaching the DM, or a DM who asks for a call back within the bound: Follow Up, the task rolled forward.",
  followUpNurtureRolled:
    "An existing lead's DM asks for a call back after the bound: Nurture, the task rolled forward (not a new lead).",
  firstLeadOnly: "A record is a lead only the first time a DM agrees to further communication.",
  appointmentBooked: "An appointment was booked: it counts as an appointment, not a lead.",
  deadEndAfterRepeatedBlocks: "Blocked again after repeated blocked attempts: Dead End or Blocked, the last resort.",
  blockedTooEarly: "Blocked, but not yet often enough for a dead end: No Contact, try again.",
  doNotCallAgain: "Someone adamant they never want a call again: Remove From Database and the do-not-call list.",
  companyLevel: "Decision making is not in this company (parent, overseas, outsourced).",
  wrongNumber: "The number is wrong, disconnected, or the business has closed: Wrong Number.",
  duplicate: "The company was already called from this list: Duplicate.",
  notAGoodFit: "The campaign's offer is no use to this business: Not a Good Fit.",
  hnsPermission: "Emailing an executive assistant needs the campaign's Email Only - HNS permission.",
  wantsConsultant:
    "Technical questions or a complaint for the client: Wants Consultant Follow Up, owner to the client's licence.",
  introEmailToDmOnly:
    "The Intro Email goes to the DM only: no Cc to the sales consultant, no Bcc to the sales manager.",
  recycle: "Not Interested - No Pitch is not a real no: the campaign may recycle the record later.",
} as const);
/** A rule id. */
export type RuleId = keyof typeof RULES;
