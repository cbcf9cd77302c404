// HubSpot associations v4 (GET /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}:
// `{ results: [{ toObjectId, associationTypes: [{ category, typeId, label }] }], paging }`) read as
// the Client Hub's `Subscription`: the Product Subscription's contacts, and which are primary — the
// input `reconcile` compares with the existing Client Hub records.

import type { Subscription, SubscriptionContact } from "../client-hub/records.js";
import { describeValue } from "../core/describe.js";
import { guarded } from "../core/guard.js";
import { isName } from "../core/limits.js";
import { err, ok, type Result } from "../core/result.js";
import {
  type HubSpotError,
  type HubSpotInvalid,
  hubSpotError,
  hubSpotInvalid,
  unreadableHubSpotObject,
} from "./properties.js";

/**
 * The association labels that mark a Primary Contact: HubSpot's own `"Primary"` and the Client
 * Hub playbook's `"Primary Contact"` (a label a portal defines), compared ignoring case and spaces.
 */
export const HUBSPOT_PRIMARY_LABELS: readonly string[] = /* @__PURE__ */ Object.freeze(["Primary", "Primary Contact"]);

const norm = (label: string): string => label.trim().toLowerCase();
const idOf = (v: unknown): string | undefined =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? String(v) : isName(v) ? v : undefined;

/**
 * Reads a Product Subscription's contact associations (associations v4, one response or every page
 * of it) as `reconcile`'s `Subscription`: each associated contact once (in the order HubSpot lists
 * them), primary when any of its association types has a primary label. Every item at fault is
 * named (`results.<i>.toObjectId`, `results.<i>.associationTypes`), and a page that says more pages
 * follow (`paging.next`) when it is the last one given: pass every page.
 *
 * @param subscriptionId - the Product Subscription's object id
 * @param pages - the associations v4 response, or its pages in order
 * @param primaryLabels - the labels that mark a Primary Contact (default {@link HUBSPOT_PRIMARY_LABELS})
 * @returns the subscription, or an error naming every item at fault
 * @example
 * const response = { results: [{ toObjectId: 151, associationTypes: [{ category: "USER_DEFINED", typeId: 37, label: "Primary Contact" }] }, { toObjectId: 152, associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: 1, label: null }] }] };
 * subscriptionFromAssociations("9001", response);
 * // => { ok: true, value: { id: "9001", contacts: [{ id: "151", primary: true }, { id: "152", primary: false }] } }
 */
export function subscriptionFromAssociations(
  subscriptionId: string,
  pages: unknown,
  primaryLabels: readonly string[] = HUBSPOT_PRIMARY_LABELS,
): Result<Subscription, HubSpotInvalid> {
  return guarded((): Result<Subscription, HubSpotInvalid> => {
    const issues: HubSpotError[] = [];
    const id = idOf(subscriptionId);
    if (id === undefined) {
      issues.push(hubSpotError("invalidPayload", "subscriptionId", subscriptionId, "must be the subscription's id"));
    }
    const labels: unknown = primaryLabels;
    if (!Array.isArray(labels) || !labels.every(isName)) {
      issues.push(hubSpotError("invalidPayload", "primaryLabels", labels, "must be a list of association labels"));
    }
    const list: unknown[] = Array.isArray(pages) ? pages : [pages];
    if (list.length === 0) issues.push(hubSpotError("invalidPayload", "pages", pages, "must hold a response"));
    if (issues.length > 0) return err(hubSpotInvalid("HubSpot associations", issues));
    const primary = new Set((labels as string[]).map(norm));
    const contacts = new Map<string, boolean>();
    // An index loop: a hole in the pages is a missing page, reported at its index (forEach skips it).
    for (let p = 0; p < list.length; p++) {
      const page = list[p];
      const at = (field: string): string => (Array.isArray(pages) ? `${p}.${field}` : field);
      const results = (page as { results?: unknown } | null)?.results;
      if (!Array.isArray(results)) {
        issues.push(
          hubSpotError(
            "invalidPayload",
            at("results"),
            results,
            `must be the associations, got ${describeValue(results)}`,
          ),
        );
        continue;
      }
      for (let i = 0; i < results.length; i++) {
        const item = results[i] as { toObjectId?: unknown; associationTypes?: unknown } | null;
        const contact = idOf(item?.toObjectId);
        const types = item?.associationTypes;
        if (contact === undefined) {
          issues.push(
            hubSpotError("invalidPayload", at(`results.${i}.toObjectId`), item?.toObjectId, "must be an object id"),
          );
          continue;
        }
        if (!Array.isArray(types)) {
          issues.push(hubSpotError("invalidPayload", at(`results.${i}.associationTypes`), types, "must be a list"));
          continue;
        }
        const isPrimary = types.some(
          (t: { label?: unknown } | null) => typeof t?.label === "string" && primary.has(norm(t.label)),
        );
        contacts.set(contact, (contacts.get(contact) ?? false) || isPrimary);
      }
      const next = (page as { paging?: { next?: unknown } } | null)?.paging?.next;
      if (p === list.length - 1 && next !== undefined && next !== null) {
        issues.push(hubSpotError("invalidPayload", at("paging.next"), next, "says more pages follow: pass every page"));
      }
    }
    if (issues.length > 0) return err(hubSpotInvalid("HubSpot associations", issues));
    const out: SubscriptionContact[] = [...contacts].map(([contactId, isPrimary]) => ({
      id: contactId,
      primary: isPrimary,
    }));
    return ok({ id: id as string, contacts: out });
  }, unreadableHubSpotObject);
}
