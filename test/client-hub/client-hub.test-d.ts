import { describe, expectTypeOf, it } from "vitest";
import {
  buildClientHub,
  CLIENT_HUB_DEFAULTS,
  type ClientHubCall,
  type ClientHubEffect,
  type ClientHubLifecycle,
  type ClientHubRecord,
  type ClientHubRefusalCode,
  type ClientHubStage,
  clientHub,
  type Result,
  type Step,
} from "../../src/client-hub/index.js";

declare const record: ClientHubRecord;

describe("client-hub types", () => {
  it("transition returns a Result of the next record and effects", () => {
    const result = clientHub.transition(record, { type: "emailedInstead", at: 0, actor: "owner" });
    expectTypeOf(result).toExtend<Result<Step<ClientHubRecord, ClientHubEffect>, unknown>>();
    if (result.ok) expectTypeOf(result.value.state.status).toEqualTypeOf<ClientHubStage>();
    if (!result.ok) expectTypeOf(result.error.code).toExtend<string>();
  });

  it("events must carry their fields, with HubSpot's outcomes", () => {
    // @ts-expect-error: a logged call needs its outcome, type and direction
    clientHub.transition(record, { type: "callLogged", at: 0, actor: "owner" });
    clientHub.transition(record, {
      type: "callLogged",
      at: 0,
      actor: "owner",
      // @ts-expect-error: "connected" is not one of HubSpot's outcomes
      outcome: "connected",
      callType: "Other",
      direction: "inbound",
    });
    clientHub.transition(record, {
      type: "contactRatioSet",
      at: 0,
      actor: "owner",
      // @ts-expect-error: a ratio's unit is day, week or month
      contactRatio: { count: 1, unit: "year" },
    });
    // @ts-expect-error: a consultation event is not a Client Hub event
    clientHub.transition(record, { type: "markedLost", at: 0, actor: "owner" });
  });

  it("call types are a closed set: the check-in types and Other, or a tenant's own check-in types", () => {
    expectTypeOf<ClientHubCall["callType"]>().toEqualTypeOf<"Check In - Call" | "Check In - WhatsApp" | "Other">();
    clientHub.transition(record, {
      type: "callLogged",
      at: 0,
      actor: "owner",
      outcome: "Connected",
      // @ts-expect-error: a typo in a call type does not compile (it used to be read as not a check-in)
      callType: "Check In - Cal",
      direction: "inbound",
    });
    const video = buildClientHub({ ...CLIENT_HUB_DEFAULTS, checkInCallTypes: ["Video check-in"] });
    expectTypeOf(video).toEqualTypeOf<ClientHubLifecycle<"Video check-in">>();
    expectTypeOf<Parameters<typeof video.isCheckIn>[0]["callType"]>().toEqualTypeOf<"Video check-in" | "Other">();
    // The verbs' refusal of an unknown call word has its own code in the lifecycle's union.
    expectTypeOf<"invalidCall">().toExtend<ClientHubRefusalCode>();
  });

  it("effects are a discriminated union", () => {
    expectTypeOf<Extract<ClientHubEffect, { type: "task" }>["task"]>().toEqualTypeOf<
      "checkInCall1" | "checkInCall2" | "checkInCall3" | "summariseCall" | "unsuccessfulCallCheckInEmail"
    >();
  });
});
