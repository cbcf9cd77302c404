// Client Hub's edges, value by value: every refusal and issue message, the guards' answers to
// records and calls that are not what they should be, and a pipeline built at test time (so its
// definition — names, branch descriptions — is judged by what it draws).
import { describe, expect, it } from "vitest";
import {
  buildClientHub,
  CLIENT_HUB_DEFAULTS,
  type ClientHubRecord,
  clientHub,
  sameRatio,
} from "../../src/client-hub/pipeline.js";
import { reconcile } from "../../src/client-hub/records.js";
import { parseClientHubOptions, parseClientHubRecord, parseSubscription } from "../../src/client-hub/schema.js";
import { stateDiagram } from "../../src/core/diagram.js";
import { issuesOf, unwrap } from "../helpers.js";

const input = {
  subscriptionId: "sub-1",
  contactId: "c-1",
  at: "2026-01-31T10:00:00Z",
  timeZone: "Europe/London",
};
const record = () => unwrap(clientHub.initial(input));
const issues = issuesOf;

describe("initial: every issue, by field", () => {
  it("not an object", () => {
    expect(clientHub.initial(null as never)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid Client Hub record: expected an object",
        issues: [{ path: "", message: "expected an object" }],
      },
    });
    expect(issues(clientHub.initial(5 as never))).toEqual([["", "expected an object"]]);
  });

  it("each field that is wrong, all at once", () => {
    const r = clientHub.initial({
      subscriptionId: "",
      contactId: 5,
      at: "soon",
      timeZone: "Mars/Olympus",
      contactRatio: { count: 7, unit: "year" },
      nextContactDate: "2026-02-30",
    } as never);
    expect(issues(r)).toEqual([
      ["subscriptionId", "must be a non-empty string (10,000 characters at most)"],
      ["contactId", "must be a non-empty string (10,000 characters at most)"],
      ["at", "expected a valid instant"],
      ["timeZone", 'must be an IANA time-zone name such as "Europe/London"'],
      ["contactRatio", "7 years is not allowed: use 2 weeks, 1 month, 2 months, 3 months, 6 months"],
      ["nextContactDate", "must be a date written YYYY-MM-DD"],
    ]);
    expect(r.ok ? "" : r.error.message).toMatch(/^Invalid Client Hub record: subscriptionId: must be/);
  });
});

describe("refusals and guards", () => {
  it("a stored record whose zone is gone is refused, showing what it held", () => {
    for (const [zone, shown] of [
      ["Mars/Olympus", '"Mars/Olympus"'],
      [null, "null"],
      [5, "5"],
    ] as const) {
      const r = clientHub.transition({ ...record(), status: "call1", timeZone: zone } as never, {
        type: "callLogged",
        at: "2026-02-01T00:00:00Z",
        actor: "owner",
        outcome: "Connected",
        callType: "Check In - Call",
        direction: "outbound",
      });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: "invalidState",
          message: `timeZone: ${shown} is not what a Client Hub state holds there (a stored state read without its parser?)`,
          field: "timeZone",
        },
      });
    }
  });

  it("an unsuccessful cycle's ratio is fixed, and the message says to what", () => {
    const unsuccessful: ClientHubRecord = { ...record(), status: "unsuccessfulCall" };
    const r = clientHub.transition(unsuccessful, {
      type: "taskCompleted",
      at: "2026-02-01T00:00:00Z",
      actor: "owner",
      contactRatio: { count: 3, unit: "month" },
    });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: "ratioFixed",
        message: "an unsuccessful cycle sets the Contact Ratio to 1 month",
        field: "contactRatio",
      },
    });
  });

  it("a ratio is an object with a count and a unit; nothing else is one", () => {
    expect(sameRatio({ count: 1, unit: "month" }, { count: 1, unit: "month" })).toBe(true);
    expect(sameRatio({ count: 1, unit: "month" }, { count: 1, unit: "week" })).toBe(false);
    expect(sameRatio({ count: 1, unit: "month" }, { count: 2, unit: "month" })).toBe(false);
    expect(sameRatio({ count: 1 }, { count: 1 })).toBe(false);
    expect(sameRatio({ count: "1", unit: "month" }, { count: "1", unit: "month" })).toBe(false);
    expect(sameRatio(null, null)).toBe(false);
  });

  it("isCheckIn reads a call, or answers false", () => {
    expect(clientHub.isCheckIn({ outcome: "Connected", callType: "Check In - Call", direction: "outbound" })).toBe(
      true,
    );
    expect(clientHub.isCheckIn({ outcome: "Connected", callType: "Other", direction: "outbound" })).toBe(false);
    expect(clientHub.isCheckIn(null as never)).toBe(false);
    expect(clientHub.isCheckIn(undefined as never)).toBe(false);
  });

  it("label answers anything", () => {
    expect(clientHub.label(record())).toBe("Completed");
    expect(clientHub.label(null as never)).toBe("(undefined)");
  });
});

describe("a pipeline built at run time", () => {
  it("draws the same diagram as the preset, and the option's branch wording", () => {
    const built = buildClientHub(CLIENT_HUB_DEFAULTS);
    expect(stateDiagram(built.definition)).toBe(stateDiagram(clientHub.definition));
    expect(built.definition.name).toBe("Client Hub");
    expect(stateDiagram(built.definition)).toContain("check-in, not connected");
    const marked = buildClientHub({ ...CLIENT_HUB_DEFAULTS, finalCall: "markedFinal" });
    expect(stateDiagram(marked.definition)).toContain("final attempt, not connected");
    expect(stateDiagram(marked.definition)).not.toContain("check-in, not connected");
    expect(CLIENT_HUB_DEFAULTS.finalCall).toBe("firstAttempt");
    expect(CLIENT_HUB_DEFAULTS.contactRatios.length).toBeGreaterThan(1);
    const unknown = clientHub.transition({ ...record(), status: "call4" } as never, {
      type: "emailedInstead",
      at: "2026-02-01T00:00:00Z",
      actor: "owner",
    });
    expect(unknown.ok ? "" : unknown.error.message).toBe('"call4" is not a status of the Client Hub lifecycle');
  });
});

describe("reconcile: every issue, by field", () => {
  it("names each bad part", () => {
    expect(issues(reconcile(null as never, null as never))).toEqual([
      ["subscription.id", "expected a non-empty string"],
      ["subscription.contacts", "expected an array"],
      ["existing", "expected an array of records"],
    ]);
    expect(
      issues(reconcile({ id: "", contacts: [null, { id: "a" }, { id: 1, primary: true }] } as never, [5] as never)),
    ).toEqual([
      ["subscription.id", "expected a non-empty string"],
      ["subscription.contacts.0", "expected { id, primary }"],
      ["subscription.contacts.1", "expected { id, primary }"],
      ["subscription.contacts.2", "expected { id, primary }"],
      ["existing", "every record must be an object"],
    ]);
    expect(issues(reconcile({ id: 5, contacts: [] } as never, [null] as never))).toEqual([
      ["subscription.id", "expected a non-empty string"],
      ["existing", "every record must be an object"],
    ]);
    const r = reconcile({ id: "s", contacts: {} } as never, []);
    expect(r.ok ? "" : r.error.message).toBe("Invalid reconciliation: subscription.contacts: expected an array");
    expect(reconcile({ id: "s", contacts: [] }, [{ subscriptionId: "s", contactId: "a" }]).ok).toBe(true);
  });
});

describe("parsers' messages", () => {
  it("records: options that are not options, and ratios the options do not allow", () => {
    expect(parseClientHubRecord(record(), null as never)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message:
          "Invalid Client Hub record: options: expected Client Hub options (read them with parseClientHubOptions)",
        issues: [{ path: "options", message: "expected Client Hub options (read them with parseClientHubOptions)" }],
      },
    });
    expect(parseClientHubRecord(record(), { contactRatios: "x" } as never).ok).toBe(false);
    const narrow = unwrap(
      parseClientHubOptions({
        contactRatios: [
          { count: 2, unit: "week" },
          { count: 1, unit: "month" },
        ],
        defaultContactRatio: { count: 2, unit: "week" },
      }),
    );
    expect(issues(parseClientHubRecord({ ...record(), contactRatio: { count: 3, unit: "month" } }, narrow))).toEqual([
      ["contactRatio", "is not one of the allowed Contact Ratios"],
    ]);
    expect(issues(parseClientHubRecord({ ...record(), schemaVersion: 2 }))).toEqual([
      ["schemaVersion", "unsupported schemaVersion: this version of leadrules reads version 1"],
    ]);
    expect(issues(parseClientHubRecord({ ...record(), timeZone: "Mars/Olympus" }))).toEqual([
      ["timeZone", 'must be an IANA time-zone name such as "Europe/London"'],
    ]);
    expect(issues(parseClientHubRecord({ ...record(), nextContactDate: "2026-02-30" }))).toEqual([
      ["nextContactDate", "must be a date written YYYY-MM-DD"],
    ]);
    const bad = parseClientHubRecord(null);
    expect(bad.ok ? "" : bad.error.message).toMatch(/^Invalid Client Hub record: /);
  });

  it("options and subscriptions", () => {
    expect(issues(parseClientHubOptions({ defaultContactRatio: { count: 9, unit: "day" } }))).toEqual([
      ["defaultContactRatio", "must be one of contactRatios"],
    ]);
    expect(issues(parseClientHubOptions({ finalCall: "never" }))[0]?.[0]).toBe("finalCall");
    expect(parseClientHubOptions({ finalCall: "markedFinal" }).ok).toBe(true);
    expect(parseClientHubOptions({ finalCall: "firstAttempt" }).ok).toBe(true);
    expect(parseClientHubOptions(undefined).ok).toBe(true);
    const o = parseClientHubOptions(5);
    expect(o.ok ? "" : o.error.message).toMatch(/^Invalid Client Hub options: /);
    expect(issues(parseClientHubOptions({ contactRatios: [{ count: 1, unit: "year" }] }))[0]?.[0]).toBe(
      "contactRatios.0.unit",
    );
    const s = parseSubscription({ id: "s", contacts: [{ id: "a", primary: true, extra: 1 }] });
    expect(issues(s)).toEqual([["contacts.0.extra", "is not a known field"]]);
    expect(s.ok ? "" : s.error.message).toMatch(/^Invalid subscription: /);
    expect(issues(parseSubscription({ id: "s", contacts: [], x: 1 }))).toEqual([["x", "is not a known field"]]);
  });
});
