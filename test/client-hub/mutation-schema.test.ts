// The Client Hub parsers (`leadrules/parse`), pinned where mutation testing found them unjudged:
// every event type, every ratio unit and `finalCall` value they read, each refusal's message with
// the parser's name, and the subscription's shape.
//
// The parsers build their zod schemas once, on first use (`lazy` in core/schema.ts). Each test here
// reads a fresh copy of the parsers' module (a query in the specifier makes Vite evaluate it anew,
// and nothing else: the pipeline and core stay shared), so its schemas are built inside the test
// that judges them — rather than inside whichever test of the suite happened to parse first, the
// only one Stryker's per-test coverage would otherwise run against them. The static import below
// is for the same runs: Stryker runs a mutant's tests only in the test files that import its source
// file (vitest's related files), and the fresh copies are dynamic imports.
import "../../src/client-hub/schema.js";
import { describe, expect, it } from "vitest";
import { buildClientHub, CLIENT_HUB_DEFAULTS, type ClientHubRecord } from "../../src/client-hub/pipeline.js";
import { UNREADABLE_MESSAGE } from "../../src/core/guard.js";
import { issuesOf, unwrap, unwrapErr } from "../helpers.js";

type Parsers = typeof import("../../src/client-hub/schema.js");
let copies = 0;
const fresh = async (): Promise<Parsers> => {
  const specifier = `../../src/client-hub/schema.ts?fresh=${++copies}`;
  return (await import(/* @vite-ignore */ specifier)) as Parsers;
};

const AT = "2026-11-02T09:00:00.000Z";
const stored = (extra: Partial<ClientHubRecord> = {}): Record<string, unknown> =>
  JSON.parse(
    JSON.stringify({
      ...unwrap(
        buildClientHub(CLIENT_HUB_DEFAULTS).initial({
          subscriptionId: "sub-1",
          contactId: "contact-1",
          at: AT,
          timeZone: "Europe/London",
        }),
      ),
      ...extra,
    }),
  );
const messageOf = (result: { ok: boolean; error?: { message: string } }): string => result.error?.message ?? "";

describe("parseClientHubEvent reads every event of the pipeline", () => {
  it("each event type parses, keeping its fields", async () => {
    const { parseClientHubEvent } = await fresh();
    const events = [
      { type: "callLogged", at: AT, actor: "system", outcome: "Busy", callType: "Other", finalAttempt: true },
      { type: "emailedInstead", at: AT, actor: "owner", id: "delivery-1" },
      { type: "contactRatioSet", at: AT, actor: "owner", contactRatio: { count: 2, unit: "week" } },
      { type: "taskCompleted", at: AT, actor: "owner", contactRatio: { count: 6, unit: "month" } },
      { type: "taskCompleted", at: AT, actor: "owner" },
    ];
    for (const event of events) expect(unwrap(parseClientHubEvent(event)), event.type).toEqual(event);
  });

  it("an event it refuses is an error value named for the Client Hub event", async () => {
    const { parseClientHubEvent } = await fresh();
    expect(messageOf(parseClientHubEvent({ type: "emailedInstead", at: AT, actor: "client" }))).toMatch(
      /^Invalid Client Hub event: actor: /,
    );
  });

  // "A call's type must be one of the options' check-in types or "Other""
  it("a call type outside the options' check-in types and Other is refused, listing them", async () => {
    const { parseClientHubEvent } = await fresh();
    const logged = { type: "callLogged", at: AT, actor: "owner", outcome: "Connected", callType: "Check In - Cal" };
    expect(parseClientHubEvent(logged)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: 'Invalid Client Hub event: callType: must be one of "Check In - Call", "Check In - WhatsApp", "Other"',
        issues: [{ path: "callType", message: 'must be one of "Check In - Call", "Check In - WhatsApp", "Other"' }],
      },
    });
    // Options without check-in types leave only "Other".
    expect(issuesOf(parseClientHubEvent({ ...logged, callType: "Check In - Call" }, {} as never))).toEqual([
      ["callType", 'must be one of "Other"'],
    ]);
  });
});

describe("parseClientHubRecord: what a stored record holds", () => {
  it("reads back a record the pipeline wrote, with ratios in days, weeks and months", async () => {
    const { parseClientHubRecord, parseClientHubOptions } = await fresh();
    expect(unwrap(parseClientHubRecord(stored()))).toEqual(stored());
    const options = unwrap(
      parseClientHubOptions({
        contactRatios: [
          { count: 10, unit: "day" },
          { count: 2, unit: "week" },
          { count: 1, unit: "month" },
        ],
      }),
    );
    for (const contactRatio of options.contactRatios) {
      const record = stored({ contactRatio });
      expect(unwrap(parseClientHubRecord(record, options)), contactRatio.unit).toEqual(record);
    }
  });

  // "another `schemaVersion`", "an unknown time zone", "an impossible date (30 February)": each is
  // an error naming the field, with the message the docs show.
  it("refuses another lifecycle, another version, an unknown zone and an impossible date, naming each", async () => {
    const { parseClientHubRecord } = await fresh();
    expect(issuesOf(parseClientHubRecord(stored({ lifecycle: "consultation" } as never)))).toEqual([
      ["lifecycle", 'expected "clientHub", got "consultation"'],
    ]);
    expect(unwrapErr(parseClientHubRecord({ ...stored(), schemaVersion: 2 }))).toEqual({
      code: "invalidInput",
      message:
        "Invalid Client Hub record: schemaVersion: unsupported schemaVersion: this version of leadrules reads version 1",
      issues: [
        { path: "schemaVersion", message: "unsupported schemaVersion: this version of leadrules reads version 1" },
      ],
    });
    expect(issuesOf(parseClientHubRecord(stored({ timeZone: "Mars/Olympus" })))).toEqual([
      ["timeZone", 'must be an IANA time-zone name such as "Europe/London"'],
    ]);
    expect(issuesOf(parseClientHubRecord(stored({ nextContactDate: "2026-02-30" })))).toEqual([
      ["nextContactDate", "must be a date written YYYY-MM-DD"],
    ]);
  });

  it("a ratio the options do not allow is an error value named for the Client Hub record", async () => {
    const { parseClientHubRecord } = await fresh();
    expect(parseClientHubRecord(stored({ contactRatio: { count: 5, unit: "week" } }))).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: "Invalid Client Hub record: contactRatio: is not one of the allowed Contact Ratios",
        issues: [{ path: "contactRatio", message: "is not one of the allowed Contact Ratios" }],
      },
    });
  });

  // docs/contract.md: options that throw when read are unreadable input, named for the record.
  it("options that throw when read answer unreadable, named for the Client Hub record", async () => {
    const { parseClientHubRecord } = await fresh();
    const options = new Proxy(
      {},
      {
        get() {
          throw new Error("revoked");
        },
      },
    );
    expect(parseClientHubRecord(stored(), options as never)).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message: `Invalid Client Hub record: ${UNREADABLE_MESSAGE}`,
        issues: [{ path: "", code: "unreadable", message: UNREADABLE_MESSAGE }],
      },
    });
  });
});

describe("parseClientHubOptions and parseSubscription", () => {
  it("reads every option, both finalCall modes and every ratio unit", async () => {
    const { parseClientHubOptions } = await fresh();
    for (const finalCall of ["firstAttempt", "markedFinal"] as const) {
      const options = {
        contactRatios: [
          { count: 10, unit: "day" },
          { count: 2, unit: "week" },
          { count: 1, unit: "month" },
        ],
        defaultContactRatio: { count: 2, unit: "week" },
        unsuccessfulContactRatio: { count: 10, unit: "day" },
        preparationDays: 3,
        callIntervalDays: 4,
        checkInCallTypes: ["Check-in"],
        labels: { call1: "First call" },
        finalCall,
      };
      expect(unwrap(parseClientHubOptions(options)), finalCall).toEqual(options);
    }
  });

  it("an issue is an error value named for the Client Hub options", async () => {
    const { parseClientHubOptions } = await fresh();
    expect(parseClientHubOptions({ checkInCallTypes: ["Other"] })).toEqual({
      ok: false,
      error: {
        code: "invalidInput",
        message:
          'Invalid Client Hub options: checkInCallTypes.0: "Other" is the type of every call that is not a check-in',
        issues: [{ path: "checkInCallTypes.0", message: '"Other" is the type of every call that is not a check-in' }],
      },
    });
  });

  it("reads a subscription and its contacts", async () => {
    const { parseSubscription } = await fresh();
    const subscription = {
      id: "sub-1",
      contacts: [
        { id: "a", primary: true },
        { id: "b", primary: false },
      ],
    };
    expect(unwrap(parseSubscription(subscription))).toEqual(subscription);
  });
});
