import { describe, expect, it } from "vitest";
import { type Reconciliation, type RecordKey, reconcile, type Subscription } from "../../src/client-hub/records.js";

const plan = <R extends RecordKey>(subscription: Subscription, existing: readonly R[]): Reconciliation<R> => {
  const result = reconcile(subscription, existing);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

const record = (contactId: string, subscriptionId = "sub-1", id = contactId) => ({ id, subscriptionId, contactId });

describe("reconcile", () => {
  // "If you have 1 "Primary Contact" associated to a Product Subscription, 1 Client Hub record will
  // be created. If you have 2 "Primary Contacts" … 2 Client Hub records will be created."
  it("one record per Primary Contact: two primary contacts → two records", () => {
    expect(plan({ id: "sub-1", contacts: [{ id: "a", primary: true }] }, [])).toEqual({
      create: [{ subscriptionId: "sub-1", contactId: "a" }],
      withoutPrimaryContact: [],
      duplicates: [],
    });
    expect(
      plan(
        {
          id: "sub-1",
          contacts: [
            { id: "a", primary: true },
            { id: "b", primary: true },
          ],
        },
        [],
      ).create,
    ).toEqual([
      { subscriptionId: "sub-1", contactId: "a" },
      { subscriptionId: "sub-1", contactId: "b" },
    ]);
  });

  it("ignores non-primary contacts and deduplicates contacts by id", () => {
    const result = plan(
      {
        id: "sub-1",
        contacts: [
          { id: "a", primary: false },
          { id: "b", primary: true },
          { id: "b", primary: true },
          { id: "a", primary: true },
          { id: "c", primary: false },
        ],
      },
      [],
    );
    expect(result.create.map((k) => k.contactId)).toEqual(["b", "a"]);
  });

  it("creates only what is missing, and lists records that no longer have a primary contact", () => {
    const existing = [record("a"), record("x"), record("z", "sub-2")];
    const result = plan(
      {
        id: "sub-1",
        contacts: [
          { id: "a", primary: true },
          { id: "b", primary: true },
          { id: "x", primary: false },
        ],
      },
      existing,
    );
    expect(result.create).toEqual([{ subscriptionId: "sub-1", contactId: "b" }]);
    expect(result.withoutPrimaryContact).toEqual([record("x")]);
    expect(result.duplicates).toEqual([]);
  });

  it("keeps the first record of a contact and lists the others as duplicates", () => {
    const first = record("a", "sub-1", "r1");
    const second = record("a", "sub-1", "r2");
    expect(plan({ id: "sub-1", contacts: [{ id: "a", primary: true }] }, [first, second])).toEqual({
      create: [],
      withoutPrimaryContact: [],
      duplicates: [second],
    });
  });

  it("a subscription with no primary contact needs no record", () => {
    expect(plan({ id: "sub-1", contacts: [] }, [record("a")]).withoutPrimaryContact).toEqual([record("a")]);
  });

  it("refuses a subscription or records that are not, naming the field", () => {
    const result = reconcile({ id: "", contacts: [{ id: "a" }] } as never, null as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.issues.map((i) => i.path)).toEqual([
        "subscription.id",
        "subscription.contacts.0",
        "existing",
      ]);
    }
  });
});
