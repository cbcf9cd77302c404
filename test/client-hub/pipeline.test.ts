import { describe, expect, it } from "vitest";
import {
  buildClientHub,
  CLIENT_HUB_DEFAULTS,
  type ClientHubCall,
  type ClientHubEvent,
  type ClientHubRecord,
  type ClientHubStage,
  type ContactRatio,
  clientHub,
} from "../../src/client-hub/pipeline.js";
import { parseClientHubOptions } from "../../src/client-hub/schema.js";
import { stateDiagram } from "../../src/core/diagram.js";
import { deepFreeze, unwrap, unwrapErr } from "../helpers.js";

const MS = 1;
const make = (
  at: string,
  timeZone = "UTC",
  extra: Partial<Parameters<typeof clientHub.initial>[0]> = {},
): ClientHubRecord =>
  unwrap(clientHub.initial({ subscriptionId: "sub-1", contactId: "contact-1", at, timeZone, ...extra }));
const at = (record: ClientHubRecord, status: ClientHubStage, updatedAt = record.updatedAt): ClientHubRecord => ({
  ...record,
  status,
  updatedAt,
});
const checkIn: ClientHubCall = { outcome: "Connected", callType: "Check In - Call", direction: "outbound" };
const call = (
  when: string,
  details: Partial<ClientHubCall> = {},
  actor: "owner" | "system" = "owner",
): ClientHubEvent => ({
  type: "callLogged",
  at: when,
  actor,
  ...checkIn,
  ...details,
});
const stageAt = (record: ClientHubRecord, now: string | number): ClientHubStage =>
  clientHub.advance(record, now).state.status;

describe("new records", () => {
  it('starts in Completed with the default Contact Ratio of 1 month ("default is 1 month")', () => {
    const record = make("2026-11-02T09:00:00Z");
    expect(record).toEqual({
      lifecycle: "clientHub",
      schemaVersion: 1,
      subscriptionId: "sub-1",
      contactId: "contact-1",
      status: "completed",
      updatedAt: "2026-11-02T09:00:00.000Z",
      timeZone: "UTC",
      contactRatio: { count: 1, unit: "month" },
      lastContactAt: "2026-11-02T09:00:00.000Z",
      nextContactDate: "2026-12-02",
    });
  });

  it("takes a given ratio and a given next contact date", () => {
    const record = make("2026-11-02T09:00:00Z", "UTC", {
      contactRatio: { count: 3, unit: "month" },
      nextContactDate: "2026-11-20",
    });
    expect(record.contactRatio).toEqual({ count: 3, unit: "month" });
    expect(record.nextContactDate).toBe("2026-11-20");
    expect(make("2026-11-02T09:00:00Z", "UTC", { contactRatio: { count: 2, unit: "week" } }).nextContactDate).toBe(
      "2026-11-16",
    );
  });

  it("reports every bad field of a new record, naming it", () => {
    const error = unwrapErr(
      clientHub.initial({
        subscriptionId: "",
        contactId: 7 as unknown as string,
        at: "yesterday",
        timeZone: "Mars/Olympus",
        contactRatio: { count: 5, unit: "week" },
        nextContactDate: "2026-02-30",
      }),
    );
    expect(error.code).toBe("invalidInput");
    expect(error.issues.map((i) => i.path)).toEqual([
      "subscriptionId",
      "contactId",
      "at",
      "timeZone",
      "contactRatio",
      "nextContactDate",
    ]);
    expect(error.message).toContain('timeZone: must be an IANA time-zone name such as "Europe/London"');
    expect(error.message).toContain("contactRatio: 5 weeks is not allowed: use 2 weeks, 1 month, 2 months");
    expect(error.message).toContain("nextContactDate: must be a date written YYYY-MM-DD");
  });
});

describe("time moves", () => {
  // "Five days before that specified date, your record will change from "Completed" to "Call
  // Preparation", to give you visibility of your working week."
  it("Completed → Call Preparation at the start of the day 5 days before the contact date, not 1 ms before", () => {
    const record = make("2026-01-10T15:00:00Z", "UTC", { nextContactDate: "2026-02-10" });
    expect(stageAt(record, Date.parse("2026-02-05T00:00:00Z") - MS)).toBe("completed");
    const moved = clientHub.advance(record, "2026-02-05T00:00:00Z");
    expect(moved.state.status).toBe("callPreparation");
    expect(moved.state.updatedAt).toBe("2026-02-05T00:00:00.000Z");
    expect(moved.effects).toEqual([]);
  });

  // "Call 1 - On your set date, the record will move into the "Call 1" stage and a task will be
  // assigned to you to contact the client. TASK: Check in call 1"
  it("Call Preparation → Call 1 on the contact date, with the task Check in call 1", () => {
    const record = at(
      make("2026-01-10T15:00:00Z", "UTC", { nextContactDate: "2026-02-10" }),
      "callPreparation",
      "2026-02-05T00:00:00.000Z",
    );
    expect(stageAt(record, Date.parse("2026-02-10T00:00:00Z") - MS)).toBe("callPreparation");
    expect(clientHub.advance(record, "2026-02-10T00:00:00Z")).toEqual({
      state: { ...record, status: "call1", updatedAt: "2026-02-10T00:00:00.000Z" },
      effects: [{ type: "task", task: "checkInCall1", title: "Check in call 1", dueAt: "2026-02-10T00:00:00.000Z" }],
      ignored: null,
    });
  });

  // "Call 2 - 5 days after your initial call, the record will move into the Call 2 stage …
  // TASK: Check in call 2"; "Call 3 - 5 days after your 2nd call attempt … TASK: Check in call 3"
  it("Call 1 → Call 2 → Call 3, each 5 days after entering the previous call stage", () => {
    const call1 = at(make("2026-01-10T15:00:00Z"), "call1", "2026-02-10T00:00:00.000Z");
    expect(stageAt(call1, Date.parse("2026-02-15T00:00:00Z") - MS)).toBe("call1");
    const call2 = clientHub.advance(call1, "2026-02-15T00:00:00Z");
    expect(call2.state.status).toBe("call2");
    expect(call2.effects).toEqual([
      { type: "task", task: "checkInCall2", title: "Check in call 2", dueAt: "2026-02-15T00:00:00.000Z" },
    ]);
    expect(stageAt(call2.state, Date.parse("2026-02-20T00:00:00Z") - MS)).toBe("call2");
    const call3 = clientHub.advance(call2.state, "2026-02-20T00:00:00Z");
    expect(call3.state.status).toBe("call3");
    expect(call3.effects).toEqual([
      { type: "task", task: "checkInCall3", title: "Check in call 3", dueAt: "2026-02-20T00:00:00.000Z" },
    ]);
    // No record stalls in Call 3: not connected 5 days after entering it, it goes to Unsuccessful
    // call, with the check-in email task and the Contact Ratio set to 1 month.
    expect(stageAt(call3.state, Date.parse("2026-02-25T00:00:00Z") - MS)).toBe("call3");
    const unsuccessful = clientHub.advance(call3.state, "2027-01-01T00:00:00Z");
    expect(unsuccessful.state).toMatchObject({ status: "unsuccessfulCall", updatedAt: "2026-02-25T00:00:00.000Z" });
    expect(unsuccessful.effects).toEqual([
      {
        type: "task",
        task: "unsuccessfulCallCheckInEmail",
        title: "Unsuccessful call - check in email",
        dueAt: "2026-02-25T00:00:00.000Z",
      },
    ]);
  });

  it("a record untouched for 12 days after its contact date goes through Call 1 and Call 2 to Call 3 in one advance", () => {
    const record = make("2026-01-10T15:00:00Z", "UTC", { nextContactDate: "2026-02-10" });
    const moved = clientHub.advance(record, "2026-02-22T12:00:00Z");
    expect(moved.state.status).toBe("call3");
    expect(moved.state.updatedAt).toBe("2026-02-20T00:00:00.000Z");
    expect(moved.effects.map((e) => (e.type === "task" ? `${e.task}@${e.dueAt}` : e.type))).toEqual([
      "checkInCall1@2026-02-10T00:00:00.000Z",
      "checkInCall2@2026-02-15T00:00:00.000Z",
      "checkInCall3@2026-02-20T00:00:00.000Z",
    ]);
    expect(clientHub.advance(moved.state, "2026-02-22T12:00:00Z").effects).toEqual([]);
  });

  it("a contact date already past when it was set moves the record at once, never before its last change", () => {
    const record = make("2026-03-01T10:00:00Z", "UTC", { nextContactDate: "2026-02-01" });
    const moved = clientHub.advance(record, "2026-03-01T10:00:00Z");
    expect(moved.state.status).toBe("call1");
    expect(moved.state.updatedAt).toBe("2026-03-01T10:00:00.000Z");
    expect(clientHub.advance(moved.state, "2026-03-06T09:59:59.999Z").state.status).toBe("call1");
    expect(clientHub.advance(moved.state, "2026-03-06T10:00:00Z").state.status).toBe("call2");
  });

  it("an invalid or earlier `now` moves nothing", () => {
    const record = make("2026-01-10T15:00:00Z");
    expect(clientHub.advance(record, "not a date")).toMatchObject({
      state: record,
      effects: [],
      ignored: { code: "invalidInstant", field: "now" },
    });
    // Nothing was due at that instant, so nothing was ignored either.
    expect(clientHub.advance(record, "2025-01-01T00:00:00Z")).toEqual({ state: record, effects: [], ignored: null });
  });

  it("tunable steps: 3 days of preparation and 2 days between calls", () => {
    const hub = buildClientHub({ ...CLIENT_HUB_DEFAULTS, preparationDays: 3, callIntervalDays: 2 });
    const record = unwrap(
      hub.initial({
        subscriptionId: "s",
        contactId: "c",
        at: "2026-01-01T00:00:00Z",
        timeZone: "UTC",
        nextContactDate: "2026-01-10",
      }),
    );
    expect(hub.advance(record, "2026-01-07T00:00:00Z").state.status).toBe("callPreparation");
    expect(hub.advance(record, Date.parse("2026-01-07T00:00:00Z") - 1).state.status).toBe("completed");
    expect(hub.advance(record, "2026-01-12T00:00:00Z").state.status).toBe("call2");
    expect(hub.advance(record, Date.parse("2026-01-12T00:00:00Z") - 1).state.status).toBe("call1");
  });
});

describe("days start in the owner's time zone, across DST changes", () => {
  const cases: readonly [string, string, string, string, string, string, string][] = [
    // zone, contact date, Call Preparation starts, Call 1, Call 2, Call 3, Unsuccessful call (not connected)
    // New York springs forward on 8 March 2026 (EST −5 → EDT −4)
    [
      "America/New_York",
      "2026-03-10",
      "2026-03-05T05:00:00.000Z",
      "2026-03-10T04:00:00.000Z",
      "2026-03-15T04:00:00.000Z",
      "2026-03-20T04:00:00.000Z",
      "2026-03-25T04:00:00.000Z",
    ],
    // … and falls back on 1 November 2026, between Call 1 and Call 2
    [
      "America/New_York",
      "2026-10-29",
      "2026-10-24T04:00:00.000Z",
      "2026-10-29T04:00:00.000Z",
      "2026-11-03T05:00:00.000Z",
      "2026-11-08T05:00:00.000Z",
      "2026-11-13T05:00:00.000Z",
    ],
    // London springs forward on 29 March 2026 (GMT → BST)
    [
      "Europe/London",
      "2026-04-01",
      "2026-03-27T00:00:00.000Z",
      "2026-03-31T23:00:00.000Z",
      "2026-04-05T23:00:00.000Z",
      "2026-04-10T23:00:00.000Z",
      "2026-04-15T23:00:00.000Z",
    ],
    // … and falls back on 25 October 2026
    [
      "Europe/London",
      "2026-10-23",
      "2026-10-17T23:00:00.000Z",
      "2026-10-22T23:00:00.000Z",
      "2026-10-28T00:00:00.000Z",
      "2026-11-02T00:00:00.000Z",
      "2026-11-07T00:00:00.000Z",
    ],
    // Sydney falls back on 5 April 2026 (AEDT +11 → AEST +10)
    [
      "Australia/Sydney",
      "2026-04-03",
      "2026-03-28T13:00:00.000Z",
      "2026-04-02T13:00:00.000Z",
      "2026-04-07T14:00:00.000Z",
      "2026-04-12T14:00:00.000Z",
      "2026-04-17T14:00:00.000Z",
    ],
    // … and springs forward on 4 October 2026
    [
      "Australia/Sydney",
      "2026-10-06",
      "2026-09-30T14:00:00.000Z",
      "2026-10-05T13:00:00.000Z",
      "2026-10-10T13:00:00.000Z",
      "2026-10-15T13:00:00.000Z",
      "2026-10-20T13:00:00.000Z",
    ],
  ];
  for (const [zone, date, prep, call1, call2, call3, unsuccessful] of cases) {
    it(`${zone}, contact date ${date}`, () => {
      const record = make("2026-01-01T00:00:00Z", zone, { nextContactDate: date });
      const moves = clientHub.advance(record, "2026-12-31T00:00:00Z");
      expect(moves.effects.map((e) => (e.type === "task" ? e.dueAt : ""))).toEqual([call1, call2, call3, unsuccessful]);
      expect(clientHub.advance(record, Date.parse(unsuccessful) - 1).state.status).toBe("call3");
      expect(clientHub.advance(record, Date.parse(prep) - 1).state.status).toBe("completed");
      expect(clientHub.advance(record, prep).state.status).toBe("callPreparation");
      expect(clientHub.advance(record, Date.parse(call1) - 1).state.status).toBe("callPreparation");
      expect(clientHub.advance(record, Date.parse(call2) - 1).state.status).toBe("call1");
      expect(clientHub.advance(record, Date.parse(call3) - 1).state.status).toBe("call2");
    });
  }
});

describe("calls", () => {
  const call1 = () => at(make("2026-01-10T15:00:00Z"), "call1", "2026-02-10T00:00:00.000Z");

  for (const stage of ["callPreparation", "call1", "call2", "call3"] as const) {
    // "Your Client Hub record will move to this stage if you have connected and a task will be
    // assigned to you to summarise the call."
    it(`a connected check-in in ${stage} → Summary of Call, with the task to summarise it`, () => {
      // (in Call Preparation, the contact date is still ahead)
      const record = deepFreeze(at({ ...call1(), nextContactDate: "2026-02-14" }, stage));
      expect(unwrap(clientHub.transition(record, call("2026-02-11T10:00:00Z")))).toEqual({
        state: {
          ...record,
          status: "summaryOfCall",
          updatedAt: "2026-02-11T10:00:00.000Z",
          lastContactAt: "2026-02-11T10:00:00.000Z",
        },
        effects: [
          {
            type: "task",
            task: "summariseCall",
            title: "Summarise the call and set the Contact Ratio",
            dueAt: "2026-02-11T10:00:00.000Z",
          },
        ],
      });
    });
  }

  // Criteria: "Connected; Check In - Call; Check In - WhatsApp; Direction: Outbound, Inbound"
  it("WhatsApp check-ins count, and so do inbound ones", () => {
    const whatsapp = unwrap(
      clientHub.transition(call1(), call("2026-02-11T10:00:00Z", { callType: "Check In - WhatsApp" })),
    );
    expect(whatsapp.state.status).toBe("summaryOfCall");
    const inbound = unwrap(
      clientHub.transition(call1(), call("2026-02-11T10:00:00Z", { direction: "inbound" }, "system")),
    );
    expect(inbound.state.status).toBe("summaryOfCall");
  });

  // "… which is outside of the monthly call, you will be logging the Call Type as anything other
  // than "Check In - Call" or "Check In - WhatsApp""
  it("any other call is logged but moves nothing", () => {
    for (const details of [
      { callType: "Other" as const },
      { outcome: "No answer" as const },
      { outcome: "Left voicemail" as const, callType: "Check In - WhatsApp" as const },
    ]) {
      expect(unwrap(clientHub.transition(call1(), call("2026-02-11T10:00:00Z", details)))).toEqual({
        state: call1(),
        effects: [],
      });
    }
  });

  // "Any other call is logged but moves nothing" (rule book, section 3), with docs/client-hub.md's
  // reading: a CRM's own call type is not free text here; the host maps it to "Other".
  it("a CRM's own call type is refused as written and moves nothing once mapped to Other", () => {
    const accountQuery = { callType: "Account query" } as never;
    expect(unwrapErr(clientHub.transition(call1(), call("2026-02-11T10:00:00Z", accountQuery)))).toMatchObject({
      code: "invalidCall",
      field: "callType",
      message: 'callType "Account query" is not one of Check In - Call, Check In - WhatsApp, Other',
    });
    expect(unwrap(clientHub.transition(call1(), call("2026-02-11T10:00:00Z", { callType: "Other" })))).toEqual({
      state: call1(),
      effects: [],
    });
  });

  // "you will be logging the Call Type as anything other than Check In - Call or Check In -
  // WhatsApp": every other call is "Other". A call type, outcome or direction that is none of the
  // pipeline's words is refused naming the field (a typo used to be read silently as not a check-in).
  it("refuses a call whose type, outcome or direction is not one of the pipeline's words", () => {
    const call1 = at(make("2026-01-10T15:00:00Z"), "call1");
    for (const [details, field, message] of [
      [
        { callType: "check in - call" },
        "callType",
        'callType "check in - call" is not one of Check In - Call, Check In - WhatsApp, Other',
      ],
      [
        { callType: "Check In - Cal" },
        "callType",
        'callType "Check In - Cal" is not one of Check In - Call, Check In - WhatsApp, Other',
      ],
      [
        { outcome: "connected" },
        "outcome",
        'outcome "connected" is not one of Connected, Busy, No answer, Left live message, Left voicemail, Wrong number',
      ],
      [
        { outcome: null },
        "outcome",
        "outcome null is not one of Connected, Busy, No answer, Left live message, Left voicemail, Wrong number",
      ],
      [{ direction: "sideways" }, "direction", 'direction "sideways" is not one of inbound, outbound'],
      [{ finalAttempt: "yes" }, "finalAttempt", 'finalAttempt "yes" is not one of true, false'],
    ] as const) {
      expect(unwrapErr(clientHub.transition(call1, call("2026-01-12T10:00:00Z", details as never)))).toMatchObject({
        code: "invalidCall",
        field,
        message,
      });
    }
    // A tenant's own check-in types replace the playbook's; "Other" stays the rest.
    const hub = buildClientHub({ ...CLIENT_HUB_DEFAULTS, checkInCallTypes: ["Video check-in"] });
    const video = {
      type: "callLogged",
      at: "2026-01-12T10:00:00Z",
      actor: "owner",
      ...checkIn,
      callType: "Video check-in",
    } as const;
    expect(unwrap(hub.transition(call1, video)).state.status).toBe("summaryOfCall");
    expect(unwrapErr(hub.transition(call1, call("2026-01-12T10:00:00Z") as never)).field).toBe("callType");
  });

  it("a check-in while Completed, or after the summary, moves nothing", () => {
    const completed = make("2026-01-10T15:00:00Z");
    expect(unwrap(clientHub.transition(completed, call("2026-01-12T10:00:00Z")))).toEqual({
      state: completed,
      effects: [],
    });
    const record = at(call1(), "summaryOfCall");
    expect(unwrap(clientHub.transition(record, call("2026-02-11T10:00:00Z")))).toEqual({ state: record, effects: [] });
  });

  it("a call moves the record through whatever stages are due first, then counts", () => {
    const record = make("2026-01-10T15:00:00Z", "UTC", { nextContactDate: "2026-02-10" });
    const result = unwrap(clientHub.transition(record, call("2026-02-16T10:00:00Z")));
    expect(result.state.status).toBe("summaryOfCall");
    expect(result.effects.map((e) => (e.type === "task" ? e.task : e.type))).toEqual([
      "checkInCall1",
      "checkInCall2",
      "summariseCall",
    ]);
  });

  // "On the final call, you will either log a successful call outcome, or communicate with the
  // client via email." … "Set the "Contact | Ratio" property to 1-Month; Complete the task
  // "Unsuccessful call - check in email""
  it("an unsuccessful final attempt in Call 3 → Unsuccessful Call, ratio forced to 1 month", () => {
    const call3 = at({ ...call1(), contactRatio: { count: 3, unit: "month" } }, "call3", "2026-02-20T00:00:00.000Z");
    const result = unwrap(
      clientHub.transition(call3, call("2026-02-21T10:00:00Z", { outcome: "No answer", finalAttempt: true })),
    );
    expect(result).toEqual({
      state: {
        ...call3,
        status: "unsuccessfulCall",
        updatedAt: "2026-02-21T10:00:00.000Z",
        contactRatio: { count: 1, unit: "month" },
      },
      effects: [
        {
          type: "task",
          task: "unsuccessfulCallCheckInEmail",
          title: "Unsuccessful call - check in email",
          dueAt: "2026-02-21T10:00:00.000Z",
        },
      ],
    });
    const emailed = unwrap(
      clientHub.transition(call3, { type: "emailedInstead", at: "2026-02-21T10:00:00Z", actor: "owner" }),
    );
    expect(emailed).toEqual(result);
  });

  // "On the final call, you will either log a successful call outcome, or communicate with the
  // client via email" — and CRMs log one call per dial: a connected check-in after a dial that did
  // not connect is the successful outcome. The record leaves Unsuccessful call for Summary of
  // Call, and the check-in email task (no longer needed) is cancelled.
  it("a connected check-in after a not-connected dial on the final call ends in Summary of Call, in either order", () => {
    const call3 = at(call1(), "call3", "2026-02-20T00:00:00.000Z");
    const noAnswer = call("2026-02-21T09:10:00Z", { outcome: "No answer" });
    const connected = call("2026-02-21T09:30:00Z");
    const first = unwrap(clientHub.transition(call3, noAnswer));
    expect(first.state.status).toBe("unsuccessfulCall");
    const then = unwrap(clientHub.transition(first.state, connected));
    expect(then).toEqual({
      state: {
        ...first.state,
        status: "summaryOfCall",
        updatedAt: "2026-02-21T09:30:00.000Z",
        lastContactAt: "2026-02-21T09:30:00.000Z",
      },
      effects: [
        { type: "cancelTask", task: "unsuccessfulCallCheckInEmail" },
        {
          type: "task",
          task: "summariseCall",
          title: "Summarise the call and set the Contact Ratio",
          dueAt: "2026-02-21T09:30:00.000Z",
        },
      ],
    });
    // Delivered the other way round (the connected call first), the late not-connected dial is
    // refused as out of order and the record stays in Summary of Call: the same stage either way.
    const reordered = unwrap(clientHub.transition(call3, connected));
    expect(reordered.state.status).toBe("summaryOfCall");
    expect(unwrapErr(clientHub.transition(reordered.state, noAnswer)).code).toBe("outOfOrder");
    // Whatever sent it to Unsuccessful call (an email instead, the time rule), a connected
    // check-in before its task is completed is the successful outcome; another miss moves nothing.
    const emailed = at(call3, "unsuccessfulCall", "2026-02-21T10:00:00.000Z");
    expect(unwrap(clientHub.transition(emailed, call("2026-02-22T10:00:00Z"))).state.status).toBe("summaryOfCall");
    expect(unwrap(clientHub.transition(emailed, call("2026-02-22T10:00:00Z", { outcome: "Busy" })))).toEqual({
      state: emailed,
      effects: [],
    });
    expect(unwrap(clientHub.transition(emailed, call("2026-02-22T10:00:00Z", { callType: "Other" })))).toEqual({
      state: emailed,
      effects: [],
    });
  });

  it("a connected check-in marked as the final attempt still succeeds", () => {
    const call3 = at(call1(), "call3", "2026-02-20T00:00:00.000Z");
    const result = unwrap(clientHub.transition(call3, call("2026-02-21T10:00:00Z", { finalAttempt: true })));
    expect(result.state.status).toBe("summaryOfCall");
  });

  it('"On the final call, you will either log a successful call outcome, or communicate with the client via email": a check-in in Call 3 that does not connect moves to Unsuccessful call', () => {
    const call3 = at(call1(), "call3", "2026-02-20T00:00:00.000Z");
    const result = unwrap(clientHub.transition(call3, call("2026-02-21T10:00:00Z", { outcome: "Busy" })));
    expect(result.state).toMatchObject({ status: "unsuccessfulCall", contactRatio: { count: 1, unit: "month" } });
    expect(result.effects.map((e) => (e.type === "task" ? e.task : e.type))).toEqual(["unsuccessfulCallCheckInEmail"]);
    // a call that is not a check-in (an account query) still moves nothing
    const query = call("2026-02-21T10:00:00Z", { outcome: "Busy", callType: "Other" });
    expect(unwrap(clientHub.transition(call3, query))).toEqual({ state: call3, effects: [] });
  });

  it('with finalCall "markedFinal", only a call marked final moves Call 3; time still ends the attempts', () => {
    const made = parseClientHubOptions({ finalCall: "markedFinal" });
    if (!made.ok) throw new Error(made.error.message);
    const hub = buildClientHub(made.value);
    const call3 = at(call1(), "call3", "2026-02-20T00:00:00.000Z");
    const busy = call("2026-02-21T10:00:00Z", { outcome: "Busy" });
    expect(unwrap(hub.transition(call3, busy))).toEqual({ state: call3, effects: [] });
    const final = call("2026-02-21T11:00:00Z", { outcome: "Busy", finalAttempt: true });
    expect(unwrap(hub.transition(call3, final)).state.status).toBe("unsuccessfulCall");
    expect(hub.advance(call3, "2026-02-25T00:00:00Z").state.status).toBe("unsuccessfulCall");
  });

  it("finalAttempt outside Call 3 is refused, naming the field", () => {
    expect(
      unwrapErr(clientHub.transition(call1(), call("2026-02-11T10:00:00Z", { outcome: "Busy", finalAttempt: true }))),
    ).toEqual({
      code: "notFinalCall",
      message: 'finalAttempt applies only in "Call 3", not in "Call 1"',
      event: "callLogged",
      status: "call1",
      actor: "owner",
      field: "finalAttempt",
    });
    expect(clientHub.transition(call1(), call("2026-02-11T10:00:00Z", { finalAttempt: false })).ok).toBe(true);
  });

  it("emailing instead is only for Call 3", () => {
    expect(
      unwrapErr(clientHub.transition(call1(), { type: "emailedInstead", at: "2026-02-11T10:00:00Z", actor: "owner" }))
        .code,
    ).toBe("notAllowedFrom");
  });

  it("a call dated before the record's last move is refused, naming at, and the record is unchanged", () => {
    const record = deepFreeze(call1());
    const error = unwrapErr(clientHub.transition(record, call("2026-02-09T23:59:59Z")));
    expect(error.code).toBe("outOfOrder");
    expect(error.field).toBe("at");
    expect(record.status).toBe("call1");
  });
});

describe("completing the task", () => {
  const summary = () =>
    at(
      { ...make("2026-01-10T15:00:00Z", "Europe/London"), lastContactAt: "2026-01-31T10:00:00.000Z" },
      "summaryOfCall",
      "2026-01-31T10:00:00.000Z",
    );

  // "Once task is complete, the record will move to the Completed stage and send out the NPS survey"
  it("Summary of Call → Completed, sends the NPS survey; next contact = the check-in + the ratio (31 Jan + 1 month = 28 Feb)", () => {
    expect(
      unwrap(clientHub.transition(summary(), { type: "taskCompleted", at: "2026-02-02T09:00:00Z", actor: "owner" })),
    ).toEqual({
      state: {
        ...summary(),
        status: "completed",
        updatedAt: "2026-02-02T09:00:00.000Z",
        nextContactDate: "2026-02-28",
      },
      effects: [{ type: "sendNpsSurvey" }],
    });
  });

  it("in a leap year, 31 January + 1 month = 29 February", () => {
    const leap = { ...summary(), lastContactAt: "2028-01-31T10:00:00.000Z", updatedAt: "2028-01-31T10:00:00.000Z" };
    const done = unwrap(
      clientHub.transition(leap, { type: "taskCompleted", at: "2028-02-01T09:00:00Z", actor: "owner" }),
    );
    expect(done.state.nextContactDate).toBe("2028-02-29");
  });

  it("month ends and ratios: 31 Aug + 6 months = 28 Feb; 31 Mar + 2 months = 31 May; 30 Nov + 3 months = 28 Feb", () => {
    const cases: readonly [string, number, string][] = [
      ["2026-08-31T10:00:00.000Z", 6, "2027-02-28"],
      ["2026-03-31T10:00:00.000Z", 2, "2026-05-31"],
      ["2026-11-30T10:00:00.000Z", 3, "2027-02-28"],
    ];
    for (const [checkIn, months, next] of cases) {
      const record = { ...summary(), lastContactAt: checkIn, updatedAt: checkIn };
      const done = unwrap(
        clientHub.transition(record, {
          type: "taskCompleted",
          at: checkIn,
          actor: "owner",
          contactRatio: { count: months, unit: "month" },
        }),
      );
      expect(done.state.nextContactDate).toBe(next);
      expect(done.state.contactRatio).toEqual({ count: months, unit: "month" });
    }
  });

  it("the check-in's date is taken in the owner's zone: 23:30 in Sydney is already the next day", () => {
    const sydney = {
      ...summary(),
      timeZone: "Australia/Sydney",
      lastContactAt: "2026-01-30T13:30:00.000Z", // 31 Jan 00:30 in Sydney
      updatedAt: "2026-01-30T13:30:00.000Z",
    };
    const done = unwrap(
      clientHub.transition(sydney, { type: "taskCompleted", at: "2026-01-31T09:00:00Z", actor: "owner" }),
    );
    expect(done.state.nextContactDate).toBe("2026-02-28");
  });

  it("a 2-week ratio", () => {
    const done = unwrap(
      clientHub.transition(summary(), {
        type: "taskCompleted",
        at: "2026-02-02T09:00:00Z",
        actor: "owner",
        contactRatio: { count: 2, unit: "week" },
      }),
    );
    expect(done.state.nextContactDate).toBe("2026-02-14");
  });

  it("Unsuccessful Call → Completed, NPS survey; next contact = the completion + 1 month", () => {
    const unsuccessful = at(summary(), "unsuccessfulCall", "2026-03-10T10:00:00.000Z");
    const done = unwrap(
      clientHub.transition(unsuccessful, { type: "taskCompleted", at: "2026-03-11T09:00:00Z", actor: "owner" }),
    );
    expect(done.state).toEqual({
      ...unsuccessful,
      status: "completed",
      updatedAt: "2026-03-11T09:00:00.000Z",
      lastContactAt: "2026-03-11T09:00:00.000Z",
      nextContactDate: "2026-04-11",
    });
    expect(done.effects).toEqual([{ type: "sendNpsSurvey" }]);
    // The ratio an unsuccessful cycle sets cannot be changed at completion…
    const other = clientHub.transition(unsuccessful, {
      type: "taskCompleted",
      at: "2026-03-11T09:00:00Z",
      actor: "owner",
      contactRatio: { count: 2, unit: "month" },
    });
    expect(unwrapErr(other)).toMatchObject({ code: "ratioFixed", field: "contactRatio" });
    // … but restating it is fine.
    expect(
      clientHub.transition(unsuccessful, {
        type: "taskCompleted",
        at: "2026-03-11T09:00:00Z",
        actor: "owner",
        contactRatio: { count: 1, unit: "month" },
      }).ok,
    ).toBe(true);
  });

  it("a ratio the options do not allow is refused, naming contactRatio", () => {
    const error = unwrapErr(
      clientHub.transition(summary(), {
        type: "taskCompleted",
        at: "2026-02-02T09:00:00Z",
        actor: "owner",
        contactRatio: { count: 5, unit: "week" },
      }),
    );
    expect(error).toMatchObject({ code: "ratioNotAllowed", field: "contactRatio" });
    expect(error.message).toBe(
      "contactRatio 5 weeks is not allowed: use 2 weeks, 1 month, 2 months, 3 months, 6 months",
    );
  });

  it("a ratio that is not one is refused, not read (found by the never-throws property)", () => {
    for (const contactRatio of [null, 3, "1 month", { count: "1", unit: "month" }]) {
      for (const stage of ["summaryOfCall", "unsuccessfulCall"] as const) {
        const error = unwrapErr(
          clientHub.transition(at(summary(), stage), {
            type: "taskCompleted",
            at: "2026-02-02T09:00:00Z",
            actor: "owner",
            contactRatio: contactRatio as unknown as ContactRatio,
          }),
        );
        expect(error).toMatchObject({ code: "ratioNotAllowed", field: "contactRatio" });
      }
    }
    expect(
      unwrapErr(
        clientHub.transition(summary(), {
          type: "contactRatioSet",
          at: "2026-02-02T09:00:00Z",
          actor: "owner",
          contactRatio: null as unknown as ContactRatio,
        }),
      ).message,
    ).toBe("contactRatio null is not allowed: use 2 weeks, 1 month, 2 months, 3 months, 6 months");
    const broken = { ...at(summary(), "unsuccessfulCall"), contactRatio: null as unknown as ContactRatio };
    expect(
      unwrapErr(
        clientHub.transition(broken, {
          type: "taskCompleted",
          at: "2026-02-02T09:00:00Z",
          actor: "owner",
          contactRatio: { count: 2, unit: "month" },
        }),
      ).message,
    ).toBe("contactRatio: null is not what a Client Hub state holds there (a stored state read without its parser?)");
  });

  it("only the owner completes the task", () => {
    expect(
      unwrapErr(clientHub.transition(summary(), { type: "taskCompleted", at: "2026-02-02T09:00:00Z", actor: "system" }))
        .code,
    ).toBe("actorNotPermitted");
  });

  it("the record then waits in Completed until the next contact date comes round again", () => {
    const done = unwrap(
      clientHub.transition(summary(), { type: "taskCompleted", at: "2026-02-02T09:00:00Z", actor: "owner" }),
    ).state;
    expect(clientHub.advance(done, "2026-02-22T23:59:59Z").state.status).toBe("completed");
    // 23 February 00:00 in London (GMT) is 5 days before 28 February
    expect(clientHub.advance(done, "2026-02-23T00:00:00Z").state.status).toBe("callPreparation");
  });
});

describe("setting the Contact Ratio", () => {
  const base = () => make("2026-01-31T10:00:00Z");
  it("in Summary of Call it is kept for the completion", () => {
    const summary = at(base(), "summaryOfCall");
    const set = unwrap(
      clientHub.transition(summary, {
        type: "contactRatioSet",
        at: "2026-02-01T00:00:00Z",
        actor: "owner",
        contactRatio: { count: 2, unit: "month" },
      }),
    );
    expect(set.state).toEqual({
      ...summary,
      updatedAt: "2026-02-01T00:00:00.000Z",
      contactRatio: { count: 2, unit: "month" },
    });
    const done = unwrap(
      clientHub.transition(set.state, { type: "taskCompleted", at: "2026-02-01T01:00:00Z", actor: "owner" }),
    );
    expect(done.state.nextContactDate).toBe("2026-03-31");
  });

  it("in Completed it moves the next contact date, measured from the last contact", () => {
    const set = unwrap(
      clientHub.transition(base(), {
        type: "contactRatioSet",
        at: "2026-02-01T00:00:00Z",
        actor: "owner",
        contactRatio: { count: 3, unit: "month" },
      }),
    );
    expect(set.state.nextContactDate).toBe("2026-04-30");
    expect(set.effects).toEqual([]);
  });

  it("not during the calls, nor by the system, nor to a ratio that is not allowed", () => {
    const ratio = { count: 2, unit: "month" } as const;
    expect(
      unwrapErr(
        clientHub.transition(at(base(), "call1"), {
          type: "contactRatioSet",
          at: "2026-02-01T00:00:00Z",
          actor: "owner",
          contactRatio: ratio,
        }),
      ).code,
    ).toBe("notAllowedFrom");
    expect(
      unwrapErr(
        clientHub.transition(base(), {
          type: "contactRatioSet",
          at: "2026-02-01T00:00:00Z",
          actor: "system",
          contactRatio: ratio,
        }),
      ).code,
    ).toBe("actorNotPermitted");
    expect(
      unwrapErr(
        clientHub.transition(base(), {
          type: "contactRatioSet",
          at: "2026-02-01T00:00:00Z",
          actor: "owner",
          contactRatio: { count: 1, unit: "day" },
        }),
      ).code,
    ).toBe("ratioNotAllowed");
  });

  it("refuses a ratio event without a ratio, naming the field (it threw a TypeError)", () => {
    // Found by the "never throws" property (seed -676873224): `contactRatio: undefined`.
    for (const contactRatio of [undefined, null]) {
      const refused = unwrapErr(
        clientHub.transition(base(), {
          type: "contactRatioSet",
          at: "2026-02-01T00:00:00Z",
          actor: "owner",
          contactRatio,
        } as never),
      );
      expect(refused).toMatchObject({ code: "ratioNotAllowed", field: "contactRatio" });
      expect(refused.message).toMatch(/^contactRatio (undefined|null) is not allowed: use /);
    }
  });
});

describe("bad records", () => {
  it("a record whose time zone is unknown is refused, naming timeZone, and never moves", () => {
    const record = deepFreeze({ ...make("2026-01-31T10:00:00Z"), timeZone: "Mars/Olympus" });
    expect(clientHub.advance(record, "2027-01-01T00:00:00Z")).toMatchObject({
      state: record,
      effects: [],
      ignored: { code: "invalidState", field: "timeZone" },
    });
    for (const event of [
      call("2026-02-01T00:00:00Z"),
      { type: "taskCompleted", at: "2026-02-01T00:00:00Z", actor: "owner" } as const,
    ]) {
      const error = unwrapErr(
        clientHub.transition(at(record, event.type === "taskCompleted" ? "summaryOfCall" : "completed"), event),
      );
      expect(error).toMatchObject({ code: "invalidState", field: "timeZone" });
      expect(error.message).toBe(
        'timeZone: "Mars/Olympus" is not what a Client Hub state holds there (a stored state read without its parser?)',
      );
    }
    expect(clientHub.allowedEvents(record, "owner")).toEqual([]);
    const odd = { ...record, timeZone: 7 as unknown as string };
    expect(unwrapErr(clientHub.transition(odd, call("2026-02-01T00:00:00Z"))).message).toBe(
      "timeZone: 7 is not what a Client Hub state holds there (a stored state read without its parser?)",
    );
  });

  it("a record that has lost a field the moves need is refused, naming it", () => {
    const record = at(make("2026-01-31T10:00:00Z"), "summaryOfCall");
    for (const field of ["contactRatio", "lastContactAt", "nextContactDate"] as const) {
      const broken = { ...record, [field]: undefined } as unknown as ClientHubRecord;
      expect(
        unwrapErr(clientHub.transition(broken, { type: "taskCompleted", at: "2026-02-01T00:00:00Z", actor: "owner" })),
      ).toEqual({
        code: "invalidState",
        message: `${field}: undefined is not what a Client Hub state holds there (a stored state read without its parser?)`,
        event: "taskCompleted",
        status: "summaryOfCall",
        actor: "owner",
        field,
      });
    }
    const noDate = { ...make("2026-01-31T10:00:00Z"), nextContactDate: undefined } as unknown as ClientHubRecord;
    expect(clientHub.advance(noDate, "2027-01-01T00:00:00Z")).toMatchObject({
      state: noDate,
      ignored: { code: "invalidState", field: "nextContactDate" },
    });
  });

  it("a record in an unknown stage is refused, naming status", () => {
    const record = { ...make("2026-01-31T10:00:00Z"), status: "call4" as ClientHubStage };
    expect(unwrapErr(clientHub.transition(record, call("2026-02-01T00:00:00Z")))).toMatchObject({
      code: "unknownStatus",
      field: "status",
    });
    expect(clientHub.label(record)).toBe("call4");
  });
});

describe("the verbs", () => {
  it("lists the events allowed now, per actor", () => {
    const record = make("2026-01-31T10:00:00Z");
    expect(clientHub.allowedEvents(record, "owner")).toEqual(["callLogged", "contactRatioSet"]);
    expect(clientHub.allowedEvents(record, "system")).toEqual(["callLogged"]);
    expect(clientHub.allowedEvents(record, "owner", "2026-03-10T00:00:00Z")).toEqual(["callLogged", "emailedInstead"]);
    expect(clientHub.allowedEvents(at(record, "summaryOfCall"), "owner")).toEqual([
      "callLogged",
      "contactRatioSet",
      "taskCompleted",
    ]);
  });

  it("replays a cycle", () => {
    const record = make("2026-01-31T10:00:00Z");
    const result = clientHub.replay(record, [
      call("2026-02-28T09:00:00Z", { outcome: "No answer" }),
      call("2026-03-02T09:00:00Z", { callType: "Check In - WhatsApp" }),
      { type: "taskCompleted", at: "2026-03-02T10:00:00Z", actor: "owner", contactRatio: { count: 2, unit: "month" } },
      call("2026-03-01T09:00:00Z"),
    ]);
    expect(result.state.status).toBe("completed");
    expect(result.state.nextContactDate).toBe("2026-05-02");
    expect(result.effects.map((e) => (e.type === "task" ? e.task : e.type))).toEqual([
      "checkInCall1",
      "summariseCall",
      "sendNpsSurvey",
    ]);
    expect(result.rejected.map((r) => [r.index, r.rejection.code])).toEqual([[3, "outOfOrder"]]);
  });

  it("labels stages with the playbook's names, or the tenant's", () => {
    const record = make("2026-01-31T10:00:00Z");
    expect(clientHub.label(at(record, "call2"))).toBe("Call 2");
    expect(clientHub.label(record)).toBe("Completed");
    const hub = buildClientHub({ ...CLIENT_HUB_DEFAULTS, labels: { call2: "Second call" } });
    expect(hub.label(at(record, "call2"))).toBe("Second call");
    expect(hub.statuses.call2.label).toBe("Second call");
  });

  it("tells a check-in from any other call", () => {
    expect(clientHub.isCheckIn(checkIn)).toBe(true);
    expect(clientHub.isCheckIn({ ...checkIn, outcome: "Busy" })).toBe(false);
    expect(clientHub.isCheckIn({ ...checkIn, callType: "Other" })).toBe(false);
    const hub = buildClientHub({ ...CLIENT_HUB_DEFAULTS, checkInCallTypes: ["Video check-in"] });
    expect(hub.isCheckIn({ ...checkIn, callType: "Video check-in" })).toBe(true);
    expect(hub.isCheckIn(checkIn as never)).toBe(false);
  });

  it("draws the pipeline, with each call branch and each time move", () => {
    const diagram = stateDiagram(clientHub.definition);
    expect(diagram).toContain(
      "call3 --> unsuccessfulCall : callLogged (check-in, not connected), emailedInstead, 5 days after entering Call 3, not connected",
    );
    expect(diagram).toContain("callPreparation --> summaryOfCall : callLogged (connected check-in)");
    expect(diagram).toContain(
      "unsuccessfulCall --> summaryOfCall : callLogged (connected check-in, check-in email not sent)",
    );
    expect(diagram).toContain("completed --> callPreparation : 5 days before the next contact date");
    expect(diagram).toContain("call1 --> call2 : 5 days after entering Call 1");
    expect(diagram).toContain("summaryOfCall --> completed : taskCompleted");
    expect(diagram).not.toContain("completed --> summaryOfCall");
    expect(diagram).not.toContain("anyOpen");
  });
});

describe("memos", () => {
  it("stay right when they fill up and start over", () => {
    const hub = buildClientHub(CLIENT_HUB_DEFAULTS);
    const base = make("2020-01-01T00:00:00Z");
    for (let i = 0; i < 1100; i++) {
      expect(hub.transition({ ...base, timeZone: `Nowhere/${i}` }, call("2020-01-02T00:00:00Z")).ok).toBe(false);
    }
    for (let i = 0; i < 4200; i++) {
      const next = new Date(Date.UTC(2020, 0, 10) + i * 86_400_000).toISOString().slice(0, 10);
      const moved = hub.advance({ ...base, nextContactDate: next }, Date.parse(`${next}T00:00:00Z`) - 5 * 86_400_000);
      expect(moved.state.status).toBe("callPreparation");
    }
    expect(hub.transition(base, call("2020-01-02T00:00:00Z")).ok).toBe(true);
  });
});
