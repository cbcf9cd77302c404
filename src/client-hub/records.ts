import { guarded, unreadableInput } from "../core/guard.js";
import { err, type InvalidInput, type Issue, invalidInput, ok, type Result } from "../core/result.js";

/** One contact associated with a Product Subscription. */
export interface SubscriptionContact {
  readonly id: string;
  /** Whether the association is "Primary Contact". */
  readonly primary: boolean;
}

/** A Product Subscription and its associated contacts. */
export interface Subscription {
  readonly id: string;
  readonly contacts: readonly SubscriptionContact[];
}

/** What identifies a Client Hub record: its subscription and its Primary Contact. */
export interface RecordKey {
  readonly subscriptionId: string;
  readonly contactId: string;
}

/** What to do to make a subscription's Client Hub records match its Primary Contacts. */
export interface Reconciliation<R extends RecordKey> {
  /** Primary Contacts with no record yet: create one each (in contact order). */
  readonly create: readonly RecordKey[];
  /** Records whose contact is no longer a Primary Contact of the subscription. */
  readonly withoutPrimaryContact: readonly R[];
  /** Second and later records for the same Primary Contact (the first one is kept). */
  readonly duplicates: readonly R[];
}

/**
 * Compares a subscription's Primary Contacts with its existing Client Hub records: one record per
 * Primary Contact. Contacts are deduplicated by id (a contact listed twice is primary when any of
 * its associations is); non-primary contacts are ignored; records of other subscriptions are left
 * alone.
 *
 * @param subscription - the subscription and its associated contacts
 * @param existing - existing records (any subscription)
 * @returns the records to create, and the records that no longer belong; an error value naming
 *   the field when the subscription or the records are not what they should be
 * @example
 * const plan = reconcile({ id: "s1", contacts: [{ id: "a", primary: true }, { id: "b", primary: true }] }, []);
 * plan.ok && plan.value.create;
 * // => [{ subscriptionId: "s1", contactId: "a" }, { subscriptionId: "s1", contactId: "b" }]
 */
export function reconcile<R extends RecordKey>(
  subscription: Subscription,
  existing: readonly R[],
): Result<Reconciliation<R>, InvalidInput> {
  return guarded(
    (): Result<Reconciliation<R>, InvalidInput> => {
      const issues: Issue[] = [];
      const contacts: unknown = subscription?.contacts;
      if (typeof subscription?.id !== "string" || subscription.id === "") {
        issues.push({ path: "subscription.id", message: "expected a non-empty string" });
      }
      if (!Array.isArray(contacts)) issues.push({ path: "subscription.contacts", message: "expected an array" });
      else {
        contacts.forEach((c, i) => {
          if (typeof c?.id !== "string" || typeof c.primary !== "boolean") {
            issues.push({ path: `subscription.contacts.${i}`, message: "expected { id, primary }" });
          }
        });
      }
      if (!Array.isArray(existing)) issues.push({ path: "existing", message: "expected an array of records" });
      else if (existing.some((r) => typeof r !== "object" || r === null)) {
        issues.push({ path: "existing", message: "every record must be an object" });
      }
      if (issues.length > 0) return err(invalidInput("reconciliation", issues));
      const primary = new Set<string>();
      for (const contact of subscription.contacts) if (contact.primary) primary.add(contact.id);
      const seen = new Set<string>();
      const withoutPrimaryContact: R[] = [];
      const duplicates: R[] = [];
      for (const record of existing) {
        if (record.subscriptionId !== subscription.id) continue;
        if (!primary.has(record.contactId)) withoutPrimaryContact.push(record);
        else if (seen.has(record.contactId)) duplicates.push(record);
        else seen.add(record.contactId);
      }
      const create: RecordKey[] = [];
      for (const contactId of primary) {
        if (!seen.has(contactId)) create.push({ subscriptionId: subscription.id, contactId });
      }
      return ok({ create, withoutPrimaryContact, duplicates });
    },
    () => unreadableInput("reconciliation"),
  );
}
