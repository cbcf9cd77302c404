// Associations v4 → reconcile's Subscription. Source of the payloads:
// test/hubspot/fixtures/associations-v4.json (HubSpot's associations v4 reference).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reconcile } from "../../src/client-hub/index.js";
import { subscriptionFromAssociations } from "../../src/hubspot/index.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { runs } from "../setup.js";
import { fixture } from "./fixtures.js";

const { firstPage, lastPage } = fixture("associations-v4.json");

describe("subscriptionFromAssociations", () => {
  it("a hole in the pages is a missing page, named at its index, never a shorter list", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const error = unwrapErr(subscriptionFromAssociations("9001", [firstPage, , lastPage]));
    expect(error.issues.map((issue) => issue.property)).toEqual(["1.results"]);
    // A trailing hole: the first page says more follow, and the hole is not the last page either.
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const trailing = unwrapErr(subscriptionFromAssociations("9001", [firstPage, ,]));
    expect(trailing.issues.map((issue) => issue.property)).toEqual(["1.results"]);
  });

  it("reads every page: each contact once, primary when any association has a primary label", () => {
    const subscription = unwrap(subscriptionFromAssociations("9001", [firstPage, lastPage]));
    expect(subscription).toEqual({
      id: "9001",
      contacts: [
        { id: "151", primary: true },
        { id: "152", primary: true },
        { id: "153", primary: true },
      ],
    });
    const plan = unwrap(reconcile(subscription, [{ subscriptionId: "9001", contactId: "151" }]));
    expect(plan.create).toEqual([
      { subscriptionId: "9001", contactId: "152" },
      { subscriptionId: "9001", contactId: "153" },
    ]);
    // Only the portal's label counts when it is given.
    expect(unwrap(subscriptionFromAssociations("9001", [firstPage, lastPage], ["Primary"])).contacts).toEqual([
      { id: "151", primary: false },
      { id: "152", primary: false },
      { id: "153", primary: true },
    ]);
  });

  it("refuses a first page alone (more follow), and names every item at fault", () => {
    expect(unwrapErr(subscriptionFromAssociations("9001", firstPage)).issues.map((i) => i.property)).toEqual([
      "paging.next",
    ]);
    const bad = {
      results: [
        { toObjectId: null, associationTypes: [] },
        { toObjectId: 5, associationTypes: "x" },
      ],
    };
    expect(unwrapErr(subscriptionFromAssociations("9001", [lastPage, bad])).issues.map((i) => i.property)).toEqual([
      "1.results.0.toObjectId",
      "1.results.1.associationTypes",
    ]);
    expect(unwrapErr(subscriptionFromAssociations("", lastPage)).issues.map((i) => i.property)).toEqual([
      "subscriptionId",
    ]);
    expect(unwrapErr(subscriptionFromAssociations("1", null)).issues.map((i) => i.property)).toEqual(["results"]);
  });

  it("a contact is primary when any of its associations, on any page, is primary (a property)", () => {
    const item = fc.record({ toObjectId: fc.integer({ min: 1, max: 6 }), primary: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(item, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), (pages) => {
        const responses = pages.map((items) => ({
          results: items.map(({ toObjectId, primary }) => ({
            toObjectId,
            associationTypes: [
              { category: "USER_DEFINED", typeId: 37, label: primary ? "Primary Contact" : "Billing" },
            ],
          })),
        }));
        const contacts = unwrap(subscriptionFromAssociations("s", responses)).contacts;
        const all = pages.flat();
        expect(contacts.map((c) => c.id)).toEqual([...new Set(all.map((i) => String(i.toObjectId)))]);
        for (const c of contacts) {
          expect(c.primary).toBe(all.some((i) => String(i.toObjectId) === c.id && i.primary));
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
