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
 * @returns the records to create, and the records that no longer belong
 * @example
 * reconcile({ id: "s1", contacts: [{ id: "a", primary: true }, { id: "b", primary: true }] }, []).create;
 * // => [{ subscriptionId: "s1", contactId: "a" }, { subscriptionId: "s1", contactId: "b" }]
 */
export function reconcile<R extends RecordKey>(subscription: Subscription, existing: readonly R[]): Reconciliation<R> {
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
  return { create, withoutPrimaryContact, duplicates };
}
