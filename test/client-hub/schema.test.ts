import { describe, expect, it } from "vitest";
import { createClientHubLifecycle } from "../../src/client-hub/create.js";
import { CLIENT_HUB_DEFAULTS, clientHub } from "../../src/client-hub/pipeline.js";
import {
  parseClientHubEvent,
  parseClientHubOptions,
  parseClientHubRecord,
  parseSubscription,
} from "../../src/client-hub/schema.js";
import { unwrap, unwrapErr } from "../helpers.js";

const record = () =>
  unwrap(
    clientHub.initial({ subscriptionId: "s1", contactId: "c1", at: "2026-01-31T10:00:00Z", timeZone: "Europe/London" }),
  );

describe("parseClientHubEvent", () => {
  it("reads a logged call and normalises its instant", () => {
    expect(
      unwrap(
        parseClientHubEvent({
          type: "callLogged",
          at: "2026-03-02T11:00:00+01:00",
          actor: "owner",
          outcome: "Connected",
          callType: "Check In - WhatsApp",
          direction: "inbound",
        }),
      ),
    ).toEqual({
      type: "callLogged",
      at: "2026-03-02T10:00:00.000Z",
      actor: "owner",
      outcome: "Connected",
      callType: "Check In - WhatsApp",
      direction: "inbound",
    });
    expect(
      parseClientHubEvent({ type: "taskCompleted", at: 0, actor: "owner", contactRatio: { count: 2, unit: "month" } })
        .ok,
    ).toBe(true);
  });

  it("reads a call type only if it is a check-in type of the options or Other, naming the field", () => {
    const call = {
      type: "callLogged",
      at: "2026-03-02T10:00:00Z",
      actor: "owner",
      outcome: "Busy",
      direction: "inbound",
    };
    expect(unwrap(parseClientHubEvent({ ...call, callType: "Other" }))).toMatchObject({ callType: "Other" });
    expect(unwrapErr(parseClientHubEvent({ ...call, callType: "Account query" })).issues).toEqual([
      { path: "callType", message: 'must be one of "Check In - Call", "Check In - WhatsApp", "Other"' },
    ]);
    const tuned = unwrap(createClientHubLifecycle({ checkInCallTypes: ["Video check-in"] }));
    expect(unwrap(parseClientHubEvent({ ...call, callType: "Video check-in" }, tuned.options))).toMatchObject({
      callType: "Video check-in",
    });
    expect(parseClientHubEvent({ ...call, callType: "Check In - Call" }, tuned.options).ok).toBe(false);
    // Options that are not options read as having no check-in types: only Other, never a throw.
    expect(parseClientHubEvent({ ...call, callType: "Other" }, null as never).ok).toBe(true);
    expect(parseClientHubEvent({ ...call, callType: "Check In - Call" }, {} as never).ok).toBe(false);
    expect(unwrapErr(parseClientHubOptions({ checkInCallTypes: ["Check In - Call", "Other"] })).issues).toEqual([
      { path: "checkInCallTypes.1", message: '"Other" is the type of every call that is not a check-in' },
    ]);
  });

  it("lists every bad field", () => {
    const error = unwrapErr(
      parseClientHubEvent({
        type: "callLogged",
        at: "soon",
        actor: "bot",
        outcome: "connected",
        callType: "",
        direction: "up",
        extra: 1,
      }),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual([
      "actor",
      "at",
      "callType",
      "direction",
      "extra",
      "outcome",
    ]);
    expect(error.message).toContain("outcome: expected");
    expect(
      unwrapErr(
        parseClientHubEvent({
          type: "contactRatioSet",
          at: 0,
          actor: "owner",
          contactRatio: { count: 0, unit: "year" },
        }),
      ).issues.map((i) => i.path),
    ).toEqual(["contactRatio.count", "contactRatio.unit"]);
    expect(parseClientHubEvent({ type: "dance" }).ok).toBe(false);
    expect(parseClientHubEvent(null).ok).toBe(false);
  });
});

describe("parseClientHubRecord", () => {
  it("round-trips a stored record through JSON", () => {
    expect(unwrap(parseClientHubRecord(JSON.parse(JSON.stringify(record()))))).toEqual(record());
  });

  it("refuses an unknown stage, an unknown zone, an impossible date or another schema version, naming each", () => {
    const error = unwrapErr(
      parseClientHubRecord({
        ...record(),
        status: "call4",
        timeZone: "Mars/Olympus",
        nextContactDate: "2026-02-30",
        schemaVersion: 2,
      }),
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(["nextContactDate", "schemaVersion", "status", "timeZone"]);
    expect(error.message).toContain('timeZone: must be an IANA time-zone name such as "Europe/London"');
    expect(error.message).toContain("schemaVersion: unsupported schemaVersion");
  });

  it("refuses a Contact Ratio the tenant's options do not allow", () => {
    const weekly = { ...record(), contactRatio: { count: 1, unit: "week" } };
    expect(unwrapErr(parseClientHubRecord(weekly)).issues).toEqual([
      { path: "contactRatio", message: "is not one of the allowed Contact Ratios" },
    ]);
    const options = {
      ...CLIENT_HUB_DEFAULTS,
      contactRatios: [...CLIENT_HUB_DEFAULTS.contactRatios, { count: 1, unit: "week" as const }],
    };
    expect(parseClientHubRecord(weekly, options).ok).toBe(true);
  });
});

describe("parseClientHubOptions", () => {
  it("fills in the playbook's defaults", () => {
    expect(unwrap(parseClientHubOptions(undefined))).toEqual(CLIENT_HUB_DEFAULTS);
    expect(unwrap(parseClientHubOptions({ preparationDays: 3 })).preparationDays).toBe(3);
  });

  it("refuses bad numbers, unknown labels and a default ratio outside the allowed ones", () => {
    expect(
      unwrapErr(parseClientHubOptions({ callIntervalDays: 0, preparationDays: -1, labels: { call4: "x" } }))
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(["callIntervalDays", "labels.call4", "preparationDays"]);
    const error = unwrapErr(parseClientHubOptions({ contactRatios: [{ count: 2, unit: "week" }] }));
    expect(error.issues).toEqual([
      { path: "defaultContactRatio", message: "must be one of contactRatios" },
      { path: "unsuccessfulContactRatio", message: "must be one of contactRatios" },
    ]);
    expect(parseClientHubOptions({ contactRatios: [] }).ok).toBe(false);
  });
});

describe("parseSubscription", () => {
  it("reads a subscription and refuses bad contacts", () => {
    expect(parseSubscription({ id: "s1", contacts: [{ id: "c1", primary: true }] }).ok).toBe(true);
    expect(
      unwrapErr(parseSubscription({ id: "", contacts: [{ id: "c1", primary: "yes" }] })).issues.map((i) => i.path),
    ).toEqual(["id", "contacts.0.primary"]);
  });
});

describe("createClientHubLifecycle", () => {
  it("builds a tuned pipeline, or names the bad option", () => {
    const hub = unwrap(createClientHubLifecycle({ preparationDays: 3 }));
    expect(hub.options.preparationDays).toBe(3);
    expect(unwrap(createClientHubLifecycle()).options).toEqual(CLIENT_HUB_DEFAULTS);
    expect(unwrapErr(createClientHubLifecycle({ callIntervalDays: "5" })).issues.map((i) => i.path)).toEqual([
      "callIntervalDays",
    ]);
  });
});
