import { dayNumberOf } from "../core/calendar.js";
import { canonicalZone } from "../core/zone.js";
import type { Campaign } from "./campaign.js";

/**
 * The campaign's time zone in its canonical spelling: UTC when the campaign has none (one stored
 * before campaigns had a zone), `undefined` when it names no zone.
 */
export function campaignZone(campaign: Campaign<string>): string | undefined {
  const zone: unknown = campaign.timeZone;
  return zone === undefined ? "UTC" : canonicalZone(zone);
}

/**
 * Whether a call back is within the Email Follow Up bound: the seed compares the call-back *date*
 * ("If the agreed call back date is further ahead than 4 weeks"), so this compares calendar dates
 * in the campaign's time zone. The call back's local date may be at most `emailFollowUpWeeks × 7`
 * days (rounded down) after the call's: the date exactly 4 weeks later is within at any hour, the
 * next date is beyond, and a DST change between the two dates changes nothing.
 *
 * @param campaign - the campaign (its bound and time zone; a zone it cannot name reads as UTC)
 * @param atMs - when the call was made, epoch ms
 * @param callBackMs - the agreed call back, epoch ms
 * @returns `true` when the call back is within the bound
 */
export function withinBound(campaign: Campaign<string>, atMs: number, callBackMs: number): boolean {
  const zone = campaignZone(campaign) ?? "UTC";
  const days = Math.floor(campaign.emailFollowUpWeeks * 7);
  return dayNumberOf(callBackMs, zone) - dayNumberOf(atMs, zone) <= days;
}
