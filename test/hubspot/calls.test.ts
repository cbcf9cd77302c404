// HubSpot call objects → Client Hub callLogged events and call-result call facts. Source of the
// payloads: test/hubspot/fixtures/calls.json (HubSpot's Calls API guide).
import { describe, expect, it } from "vitest";
import { callRecord, classify, DEFAULT_CAMPAIGN } from "../../src/call-result/index.js";
import { parseCallFacts } from "../../src/call-result/schema.js";
import { clientHub } from "../../src/client-hub/index.js";
import { parseClientHubEvent } from "../../src/client-hub/schema.js";
import {
  callFactsFromHubSpot,
  callFactsToHubSpot,
  callLoggedFromHubSpot,
  callLoggedToHubSpot,
  HUBSPOT_DEFAULTS,
  HUBSPOT_DISPOSITIONS,
  type HubSpotPortal,
} from "../../src/hubspot/index.js";
import { unwrap, unwrapErr } from "../helpers.js";
import { call, fixture, GUID } from "./fixtures.js";

const checkIn = (extra: Record<string, unknown> = {}) =>
  call({
    hs_timestamp: "1772445600000",
    hs_call_disposition: GUID.Connected,
    hs_call_direction: "OUTBOUND",
    hs_activity_type: "Check In - Call",
    hs_call_title: "Monthly check-in",
    hs_call_body: "<p>All good</p>",
    ...extra,
  });
const codes = (r: { ok: boolean; error?: { issues: readonly { code: string; property: string }[] } }) =>
  r.ok ? [] : (r.error?.issues ?? []).map((i) => [i.code, i.property]);

describe("HubSpot's default call outcomes", () => {
  it("are the six GUIDs of HubSpot's Calls API guide, labelled as the Client Hub's outcomes", () => {
    const { defaultOutcomes } = fixture("calls.json");
    expect(Object.fromEntries(Object.entries(HUBSPOT_DISPOSITIONS).map(([guid, label]) => [label, guid]))).toEqual(
      defaultOutcomes,
    );
  });
});

describe("callLoggedFromHubSpot", () => {
  it("reads a connected check-in as the Client Hub's callLogged event, keyed by the call's id", () => {
    const read = unwrap(callLoggedFromHubSpot(checkIn()));
    expect(read).toEqual({
      id: "hubspot:call:512",
      event: {
        type: "callLogged",
        at: "2026-03-02T10:00:00.000Z",
        actor: "owner",
        outcome: "Connected",
        callType: "Check In - Call",
        direction: "outbound",
        id: "hubspot:call:512",
      },
    });
    expect(parseClientHubEvent(read.event)).toEqual({ ok: true, value: read.event });
  });

  it("maps every default GUID, INBOUND, a numeric id, ISO hs_timestamp and the final-attempt checkbox", () => {
    for (const [label, guid] of Object.entries(GUID)) {
      const read = unwrap(
        callLoggedFromHubSpot(
          call(
            {
              hs_timestamp: "2021-03-17T01:32:44.872Z",
              hs_call_disposition: guid,
              hs_call_direction: "INBOUND",
              leadrules_final_attempt: "false",
            },
            77,
          ),
        ),
      );
      expect(read).toEqual({
        id: "hubspot:call:77",
        event: {
          type: "callLogged",
          at: "2021-03-17T01:32:44.872Z",
          actor: "owner",
          outcome: label,
          callType: "Other",
          direction: "inbound",
          finalAttempt: false,
          id: "hubspot:call:77",
        },
      });
    }
  });

  it("an unset call type is Other (a null or an empty property)", () => {
    expect(unwrap(callLoggedFromHubSpot(checkIn({ hs_activity_type: null }))).event.callType).toBe("Other");
    expect(unwrap(callLoggedFromHubSpot(checkIn({ hs_activity_type: "" }))).event.callType).toBe("Other");
  });

  it("reads a portal's custom outcomes and call types through the portal map", () => {
    const portal: HubSpotPortal<"Check-in call"> = {
      ...HUBSPOT_DEFAULTS,
      customOutcomes: { "e448b440-6d4a-4830-9408-9504e32407e5": "Connected" },
      callTypeProperty: "call_type",
      callTypes: { check_in: "Check-in call", sales: "Other" },
    };
    const read = unwrap(
      callLoggedFromHubSpot(
        checkIn({
          hs_call_disposition: "e448b440-6d4a-4830-9408-9504e32407e5",
          hs_activity_type: "junk",
          call_type: "check_in",
        }),
        portal,
      ),
    );
    expect(read.event).toMatchObject({ outcome: "Connected", callType: "Check-in call" });
    expect(unwrap(callLoggedFromHubSpot(checkIn({ call_type: "sales" }), portal)).event.callType).toBe("Other");
  });

  it("reads the Calls API guide's own example without a direction (the rules ignore it) but refuses it without an outcome", () => {
    const example = fixture("calls.json").docsExample;
    expect(unwrapErr(callLoggedFromHubSpot({ id: "1", ...example }))).toEqual({
      code: "invalidHubSpotObject",
      message: "Invalid HubSpot call: hs_call_disposition is required",
      issues: [
        {
          code: "missingProperty",
          message: "hs_call_disposition is required",
          property: "hs_call_disposition",
          value: undefined,
        },
      ],
    });
    const withOutcome = {
      ...example.properties,
      hs_call_disposition: GUID.Connected,
      hs_activity_type: "Check In - Call",
    };
    const read = unwrap(callLoggedFromHubSpot({ id: "1", properties: withOutcome }));
    expect(read.event).not.toHaveProperty("direction");
    expect(parseClientHubEvent(read.event).ok).toBe(true);
    // A check-in with no direction moves the record like any other.
    const due = unwrap(
      clientHub.initial({
        subscriptionId: "s",
        contactId: "c",
        at: "2021-01-01T00:00:00Z",
        timeZone: "UTC",
        nextContactDate: "2021-03-15",
      }),
    );
    expect(unwrap(clientHub.transition(due, read.event)).state.status).toBe("summaryOfCall");
    expect(callLoggedToHubSpot(read.event)).not.toHaveProperty("hs_call_direction");
  });

  it("refuses a raw unknown GUID, a misspelt direction, an unknown call type and a bad checkbox, each by property", () => {
    const refused = unwrapErr(
      callLoggedFromHubSpot(
        checkIn({
          hs_call_disposition: "connected",
          hs_call_direction: "outbound",
          hs_activity_type: "Check In - Cal",
          leadrules_final_attempt: "yes",
          hs_timestamp: "soon",
        }),
      ),
    );
    expect(refused.issues.map((i) => i.message)).toEqual([
      'hs_timestamp must be epoch milliseconds or an ISO-8601 date-time, got "soon"',
      "hs_call_disposition \"connected\" is neither one of HubSpot's six default outcomes nor one of the portal's custom outcomes",
      'hs_call_direction must be one of INBOUND, OUTBOUND, got "outbound"',
      'hs_activity_type "Check In - Cal" is not one of the portal\'s call types (Check In - Call, Check In - WhatsApp, Other)',
      'leadrules_final_attempt must be "true" or "false", got "yes"',
    ]);
    expect(codes(callLoggedFromHubSpot(checkIn({ hs_timestamp: null })))).toEqual([
      ["missingProperty", "hs_timestamp"],
    ]);
  });

  it("refuses what is not a call object, or one without an id", () => {
    expect(unwrapErr(callLoggedFromHubSpot(null)).issues).toEqual([
      {
        code: "invalidPayload",
        message: "properties must be an object (the call's properties)",
        property: "properties",
        value: null,
      },
    ]);
    expect(codes(callLoggedFromHubSpot({ id: "1", properties: null }))).toEqual([["invalidPayload", "properties"]]);
    expect(codes(callLoggedFromHubSpot({ properties: checkIn().properties }))).toEqual([["missingProperty", "id"]]);
    expect(codes(callLoggedFromHubSpot(call(checkIn().properties, 1.5)))).toEqual([["missingProperty", "id"]]);
    expect(codes(callLoggedFromHubSpot(call(checkIn().properties, "")))).toEqual([["missingProperty", "id"]]);
  });

  it("writes an event back as HubSpot properties that read back to it", () => {
    const event = unwrap(callLoggedFromHubSpot(checkIn({ leadrules_final_attempt: "true" }))).event;
    expect(callLoggedToHubSpot(event)).toEqual({
      hs_timestamp: "1772445600000",
      hs_call_disposition: GUID.Connected,
      hs_call_direction: "OUTBOUND",
      hs_activity_type: "Check In - Call",
      leadrules_final_attempt: "true",
    });
    expect(
      callLoggedToHubSpot(
        { type: "callLogged", at: 0, actor: "owner", outcome: "Busy", callType: "Other", direction: "inbound" },
        {
          ...HUBSPOT_DEFAULTS,
          callTypes: {},
        },
      ),
    ).toEqual({
      hs_timestamp: "0",
      hs_call_disposition: GUID.Busy,
      hs_call_direction: "INBOUND",
      hs_activity_type: "",
    });
  });
});

describe("callFactsFromHubSpot", () => {
  const facts = (properties: Record<string, unknown>) =>
    callFactsFromHubSpot(call({ hs_timestamp: "1772445600000", ...properties }));

  it("a call that did not connect reached nobody, the outcome saying how", () => {
    const via = Object.fromEntries(
      (["Busy", "No answer", "Left voicemail", "Wrong number"] as const).map((o) => [
        o,
        unwrap(facts({ hs_call_disposition: GUID[o] })).facts,
      ]),
    );
    expect(via).toEqual({
      Busy: { reached: "nobody", via: "noAnswer", id: "hubspot:call:512" },
      "No answer": { reached: "nobody", via: "noAnswer", id: "hubspot:call:512" },
      "Left voicemail": { reached: "nobody", via: "directLineVoicemail", id: "hubspot:call:512" },
      "Wrong number": { reached: "nobody", via: "wrongNumber", id: "hubspot:call:512" },
    });
    expect(unwrap(facts({ hs_call_disposition: GUID["No answer"] }))).toEqual({
      id: "hubspot:call:512",
      at: "2026-03-02T10:00:00.000Z",
      facts: { reached: "nobody", via: "noAnswer", id: "hubspot:call:512" },
    });
  });

  it("'Never take a no from reception': reception's answer is read, and classifies as No Contact", () => {
    const read = unwrap(
      facts({ hs_call_disposition: GUID.Connected, leadrules_reached: "reception", leadrules_said: "screenedOut" }),
    );
    expect(read.facts).toEqual({ reached: "reception", said: "screenedOut", id: "hubspot:call:512" });
    const record = unwrap(callRecord.initial(read.at));
    expect(unwrap(classify(read.facts, record, DEFAULT_CAMPAIGN, read.at)).result).toBe("noContact");
  });

  it("reads checkbox and number and epoch-ms text, which parseCallFacts refuses raw (issue 21)", () => {
    const read = unwrap(
      facts({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "emailAndCallBack",
        leadrules_pitched: "false",
        leadrules_call_back_at: "1772618400000",
      }),
    );
    expect(read.facts).toEqual({
      id: "hubspot:call:512",
      reached: "decisionMaker",
      pitched: false,
      said: "emailAndCallBack",
      callBackAt: "2026-03-04T10:00:00.000Z",
    });
    expect(parseCallFacts(read.facts).ok).toBe(true);
    const nq = unwrap(
      facts({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "notQualified",
        leadrules_pitched: "true",
        leadrules_measured: "8",
        leadrules_reason: "No roof",
      }),
    );
    expect(nq.facts).toEqual({
      id: "hubspot:call:512",
      reached: "decisionMaker",
      pitched: true,
      said: "notQualified",
      measured: 8,
      reason: "No roof",
    });
    const appointment = unwrap(
      facts({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "appointment",
        leadrules_pitched: "true",
        leadrules_mode: "video",
      }),
    );
    expect(appointment.facts).toEqual({
      id: "hubspot:call:512",
      reached: "decisionMaker",
      pitched: true,
      said: "appointment",
      mode: "video",
    });
    expect(
      unwrap(
        facts({
          hs_call_disposition: GUID.Connected,
          leadrules_reached: "decisionMaker",
          leadrules_said: "wrongNumber",
        }),
      ).facts,
    ).toEqual({ id: "hubspot:call:512", reached: "decisionMaker", said: "wrongNumber" });
    expect(
      unwrap(
        facts({
          hs_call_disposition: GUID["Left voicemail"],
          leadrules_reached: "reception",
          leadrules_put_through_to_voicemail: "true",
          leadrules_call_back_at: "2026-03-03T09:00:00+11:00",
        }),
      ).facts,
    ).toEqual({
      id: "hubspot:call:512",
      reached: "reception",
      putThroughToVoicemail: true,
      callBackAt: "2026-03-02T22:00:00.000Z",
    });
    expect(
      unwrap(
        facts({ hs_call_disposition: GUID.Connected, leadrules_reached: "nobody", leadrules_via: "companyVoicemail" }),
      ).facts,
    ).toEqual({ id: "hubspot:call:512", reached: "nobody", via: "companyVoicemail" });
  });

  it("the call's key is inside the facts, so logCall turns a retried delivery into a duplicate (issue 28)", () => {
    const read = unwrap(
      facts({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_pitched: "true",
        leadrules_said: "emailOnly",
      }),
    );
    expect(read.facts.id).toBe(read.id);
    const record = unwrap(callRecord.initial("2026-03-01T10:00:00Z"));
    const first = unwrap(callRecord.logCall(record, read.facts, read.at, "agent"));
    expect(first.duplicate).toBeUndefined();
    const retry = unwrap(callRecord.logCall(first.state, read.facts, read.at, "agent"));
    expect(retry.duplicate).toBe(true);
    expect(retry.effects).toEqual([]);
  });

  it("refuses, naming the property, what the facts cannot be", () => {
    const refused = (properties: Record<string, unknown>) => unwrapErr(facts(properties)).issues.map((i) => i.message);
    expect(refused({ hs_call_disposition: GUID.Connected })).toEqual([
      "leadrules_reached is required: a Connected call does not say who was reached",
    ]);
    expect(refused({ hs_call_disposition: GUID["Left live message"], leadrules_reached: "nobody" })).toEqual([
      "leadrules_via is required: nobody was reached on a Left live message call",
    ]);
    expect(refused({ hs_call_disposition: GUID.Connected, leadrules_reached: "reception" })).toEqual([
      'leadrules_said is required unless leadrules_put_through_to_voicemail is "true"',
    ]);
    expect(
      refused({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "reception",
        leadrules_put_through_to_voicemail: "false",
      }),
    ).toEqual(['leadrules_said is required unless leadrules_put_through_to_voicemail is "true"']);
    expect(refused({ hs_call_disposition: GUID.Connected, leadrules_reached: "decisionMaker" })).toEqual([
      "leadrules_said is required",
    ]);
    expect(
      refused({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "notInterested",
      }),
    ).toEqual(["leadrules_pitched is required when leadrules_said is notInterested"]);
    expect(
      refused({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "cantTalkNow",
        leadrules_pitched: "maybe",
      }),
    ).toEqual(
      ["leadrules_call_back_at is required", 'leadrules_pitched must be "true" or "false", got "maybe"'].reverse(),
    );
    expect(
      refused({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "appointment",
        leadrules_pitched: "true",
      }),
    ).toEqual(["leadrules_mode is required when the decision maker booked an appointment"]);
    expect(
      refused({
        hs_call_disposition: GUID.Connected,
        leadrules_reached: "decisionMaker",
        leadrules_said: "notQualified",
        leadrules_pitched: "true",
        leadrules_measured: "ten",
        leadrules_reason: 5,
      }),
    ).toEqual(['leadrules_measured must be a number, got "ten"', "leadrules_reason must be text, got 5"]);
    expect(
      refused({ hs_call_disposition: GUID["No answer"], leadrules_pitched: "true", leadrules_mode: "phone" }),
    ).toEqual([
      "leadrules_pitched does not apply to these facts (leadrules_reached nobody)",
      "leadrules_mode does not apply to these facts (leadrules_reached nobody)",
    ]);
    expect(refused({ hs_call_disposition: GUID.Connected, leadrules_reached: "everyone" })).toEqual([
      'leadrules_reached must be one of nobody, reception, decisionMaker, got "everyone"',
    ]);
    expect(refused({ hs_call_disposition: GUID.Busy, leadrules_via: "fax" })).toEqual([
      'leadrules_via must be one of companyVoicemail, directLineVoicemail, noAnswer, wrongNumber, duplicate, got "fax"',
    ]);
    expect(refused({ hs_call_disposition: "nope" })).toEqual([
      "hs_call_disposition \"nope\" is neither one of HubSpot's six default outcomes nor one of the portal's custom outcomes",
    ]);
    expect(unwrapErr(callFactsFromHubSpot(7)).issues.map((i) => i.property)).toEqual(["properties"]);
  });

  it("writes nothing for facts the reader would refuse (issue 27: reached 5 was written as is)", () => {
    expect(callFactsToHubSpot({ reached: 5, said: "takeMessage" } as never, 0)).toEqual({});
    expect(callFactsToHubSpot({ reached: "reception" } as never, 0)).toEqual({});
    expect(callFactsToHubSpot({ reached: "reception", said: "takeMessage" }, 0).leadrules_said).toBe("takeMessage");
  });

  it("writes facts back as properties that read back to them", () => {
    expect(callFactsToHubSpot({ reached: "nobody", via: "duplicate" }, "2026-03-02T10:00:00Z")).toEqual({
      hs_timestamp: "1772445600000",
      hs_call_disposition: GUID["No answer"],
      leadrules_reached: "nobody",
      leadrules_via: "duplicate",
    });
    expect(
      callFactsToHubSpot(
        { reached: "decisionMaker", pitched: true, said: "notQualified", measured: 8, reason: "x" },
        0,
      ),
    ).toEqual({
      hs_timestamp: "0",
      hs_call_disposition: GUID.Connected,
      leadrules_reached: "decisionMaker",
      leadrules_said: "notQualified",
      leadrules_reason: "x",
      leadrules_pitched: "true",
      leadrules_measured: "8",
    });
  });
});

describe("the portal map from a host's config (found in review)", () => {
  it("refuses a portal map that is not one, naming each field, before reading the call", () => {
    expect(unwrapErr(callLoggedFromHubSpot(checkIn(), null as never)).issues).toEqual([
      {
        code: "invalidPayload",
        property: "portal",
        value: null,
        message: "portal must be a portal map (see HUBSPOT_DEFAULTS)",
      },
    ]);
    const broken = { ...HUBSPOT_DEFAULTS, callTypes: null, finalAttemptProperty: "" };
    expect(unwrapErr(callLoggedFromHubSpot(checkIn(), broken as never)).issues.map((i) => i.property)).toEqual([
      "portal.callTypes",
      "portal.finalAttemptProperty",
    ]);
    const noFacts = { ...HUBSPOT_DEFAULTS, facts: { ...HUBSPOT_DEFAULTS.facts, said: 3 } };
    expect(unwrapErr(callFactsFromHubSpot(checkIn(), noFacts as never)).issues).toEqual([
      {
        code: "invalidPayload",
        property: "portal.facts.said",
        value: 3,
        message: "portal.facts.said must be a property name",
      },
    ]);
    expect(unwrapErr(callFactsFromHubSpot(checkIn(), { ...HUBSPOT_DEFAULTS, facts: [] } as never)).message).toBe(
      "Invalid HubSpot portal map: portal.facts must be an object",
    );
    // The call logged reader does not need the facts.
    expect(callLoggedFromHubSpot(checkIn(), { ...HUBSPOT_DEFAULTS, facts: [] } as never).ok).toBe(true);
  });
});
