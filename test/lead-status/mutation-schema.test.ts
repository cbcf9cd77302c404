// The lead-status parsers (`leadrules/parse`), pinned where mutation testing found them unjudged:
// every event type each parser reads, every shape of stored state the stored-state rule allows or
// refuses, the schema version's message, and the options' bounds.
//
// The parsers build their zod schemas once, on first use (`lazy` in core/schema.ts). Each test
// here reads a fresh copy of the parsers' module (a query in the specifier makes Vite evaluate it
// anew, and nothing else: the lifecycles and core stay shared), so its schemas are built inside
// the test that judges them — rather than inside whichever test of the suite happened to parse
// first, the only one Stryker's per-test coverage would otherwise run against them. The static
// import below is for the same runs: Stryker runs a mutant's tests only in the test files that
// import its source file (vitest's related files), and the fresh copies are dynamic imports.
import "../../src/lead-status/schema.js";
import { describe, expect, it } from "vitest";
import { type ConsultationState, consultation } from "../../src/lead-status/consultation.js";
import { issuesOf, unwrap, unwrapErr } from "../helpers.js";
import { CONSULTATION_EVENT_TYPES } from "./arbitraries.js";

type Parsers = typeof import("../../src/lead-status/schema.js");
let copies = 0;
const fresh = async (): Promise<Parsers> => {
  const specifier = `../../src/lead-status/schema.ts?fresh=${++copies}`;
  return (await import(/* @vite-ignore */ specifier)) as Parsers;
};

const AT = "2026-11-02T09:00:00.000Z";
const DUE = "2026-11-04T09:00:00.000Z";
const VERSION_MESSAGE = "unsupported schemaVersion: this version of leadrules reads version 1";
const stored = (extra: Partial<ConsultationState> = {}): Record<string, unknown> =>
  JSON.parse(JSON.stringify({ ...unwrap(consultation.initial(AT)), ...extra }));
const round = { number: 3, loggedAt: AT, dueAt: DUE, notes: "call after 5" };

describe("parseConsultationEvent reads every event of the lifecycle", () => {
  it("each of the twelve event types parses, keeping its type", async () => {
    const { parseConsultationEvent } = await fresh();
    for (const type of CONSULTATION_EVENT_TYPES) {
      const event = unwrap(parseConsultationEvent({ type, at: AT, actor: "careCentre" }));
      expect(event, type).toEqual({ type, at: AT, actor: "careCentre" });
    }
    // Out of Area stores the transfer hint the event gives.
    expect(
      unwrap(
        parseConsultationEvent({
          type: "markedOutOfArea",
          at: AT,
          actor: "franchisee",
          transferableToCareCentre: true,
        }),
      ),
    ).toEqual({ type: "markedOutOfArea", at: AT, actor: "franchisee", transferableToCareCentre: true });
  });
});

describe("parseConsultationState: the stored-state rule", () => {
  it("reads back every shape a lifecycle writes", async () => {
    const { parseConsultationState } = await fresh();
    const shapes = [
      stored(),
      // "present when status is followUp"
      stored({ status: "followUp", followUp: round }),
      // a schedule move made during a round keeps the round's follow-up (issue 28) …
      stored({ status: "moveScheduleFollowUp", followUp: round }),
      // … and one made outside a round, or stored before, has none
      stored({ status: "moveScheduleFollowUp", followUp: null }),
      // Out of Area stores transferableToCareCentre, true or false
      stored({ status: "outOfArea", transferableToCareCentre: true }),
      stored({ status: "outOfArea", transferableToCareCentre: false }),
      stored({ status: "cold", appliedIds: ["delivery-1"] }),
    ];
    for (const shape of shapes) expect(unwrap(parseConsultationState(shape)), String(shape.status)).toEqual(shape);
  });

  it("refuses follow-up data that does not match the status, naming followUp", async () => {
    const { parseConsultationState } = await fresh();
    const message =
      "must be present when status is followUp, and null unless status is followUp or moveScheduleFollowUp";
    expect(issuesOf(parseConsultationState(stored({ status: "followUp", followUp: null })))).toEqual([
      ["followUp", message],
    ]);
    for (const status of ["new", "cold", "consultationBooked", "lost"] as const) {
      expect(issuesOf(parseConsultationState(stored({ status, followUp: round }))), status).toEqual([
        ["followUp", message],
      ]);
    }
  });

  it("refuses a transfer hint anywhere but Out of Area, and Out of Area without one", async () => {
    const { parseConsultationState } = await fresh();
    const message = "must be a boolean exactly when status is outOfArea";
    expect(issuesOf(parseConsultationState(stored({ status: "outOfArea" })))).toEqual([
      ["transferableToCareCentre", message],
    ]);
    expect(issuesOf(parseConsultationState(stored({ status: "lost", transferableToCareCentre: false })))).toEqual([
      ["transferableToCareCentre", message],
    ]);
  });

  it("refuses a record of another lifecycle or another schema version, naming the field", async () => {
    const { parseConsultationState } = await fresh();
    // "Stored states carry schemaVersion: 1; another version gets a clear error."
    expect(unwrapErr(parseConsultationState({ ...stored(), schemaVersion: 2 }))).toMatchObject({
      code: "invalidInput",
      issues: [{ path: "schemaVersion", message: VERSION_MESSAGE }],
    });
    expect(issuesOf(parseConsultationState({ ...stored(), lifecycle: "booking" }))).toEqual([
      ["lifecycle", 'expected "consultation", got "booking"'],
    ]);
    expect(
      issuesOf(parseConsultationState({ ...stored(), status: "followUp", followUp: { ...round, due: DUE } })),
    ).toEqual([["followUp.due", "is not a known field"]]);
  });
});

describe("parseConsultationOptions: the options' bounds", () => {
  it("reads every option, delays up to 8784 hours (366 days)", async () => {
    const { parseConsultationOptions } = await fresh();
    const options = {
      followUpLimit: 3,
      followUpDueAfterHours: 24 * 366,
      coldAfterHours: 0.5,
      labels: { cold: "Cold" },
      outOfAreaTransferable: true,
      // `closedAccepts`, e.g. `{ lost: ["consultationBooked"] }`; any event type may be listed
      closedAccepts: { lost: ["consultationBooked"], sold: [...CONSULTATION_EVENT_TYPES] },
    };
    expect(unwrap(parseConsultationOptions(options))).toEqual(options);
    expect(unwrap(parseConsultationOptions({ coldAfterHours: 24 * 366 })).coldAfterHours).toBe(8784);
  });

  it("refuses a delay beyond 8784 hours, naming the field", async () => {
    const { parseConsultationOptions } = await fresh();
    expect(issuesOf(parseConsultationOptions({ followUpDueAfterHours: 8784.5, coldAfterHours: 9000 }))).toEqual([
      ["followUpDueAfterHours", "must be at most 8784"],
      ["coldAfterHours", "must be at most 8784"],
    ]);
  });
});

describe("the booking parsers read what the booking lifecycle writes", () => {
  const lead = {
    lifecycle: "booking",
    schemaVersion: 1,
    status: "booked",
    updatedAt: AT,
    createdAt: AT,
    name: "Tim Cook - massage",
    patient: { id: "p1", name: "Tim Cook" },
    division: null,
    source: "web",
    owner: null,
    bookedAt: AT,
    appointments: [{ id: "a1", status: "booked" }],
    comment: { at: AT, text: "call back", callBackAt: DUE },
  };

  it("every booking event type that carries no payload parses, keeping its type", async () => {
    const { parseBookingEvent } = await fresh();
    for (const type of ["markedBooked", "markedLost"]) {
      expect(unwrap(parseBookingEvent({ type, at: AT, actor: "user" })), type).toEqual({ type, at: AT, actor: "user" });
    }
  });

  it("a new lead, a stored state with appointments and a comment, and settings", async () => {
    const { parseBookingSettings, parseBookingState, parseNewLead } = await fresh();
    expect(unwrap(parseNewLead({ at: AT, name: "Tim", division: null, source: "web", owner: "sam" }))).toEqual({
      at: AT,
      name: "Tim",
      division: null,
      source: "web",
      owner: "sam",
    });
    expect(unwrap(parseBookingState(lead))).toEqual(lead);
    expect(unwrap(parseBookingState({ ...lead, comment: null, appointments: [] }))).toMatchObject({ comment: null });
    expect(unwrapErr(parseBookingState({ ...lead, schemaVersion: 0 })).issues).toEqual([
      { path: "schemaVersion", message: VERSION_MESSAGE },
    ]);
    expect(issuesOf(parseBookingState({ ...lead, lifecycle: "consultation" }))).toEqual([
      ["lifecycle", 'expected "booking", got "consultation"'],
    ]);
    // Tenant settings: each one given is kept, missing ones are off.
    expect(unwrap(parseBookingSettings({ createLeadsForNewClients: true, lockOwnerWhenAssociated: true }))).toEqual({
      createLeadsForNewClients: true,
      eagerPatientShipping: false,
      lockOwnerWhenAssociated: true,
    });
  });
});
