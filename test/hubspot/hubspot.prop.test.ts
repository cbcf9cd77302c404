// Laws of the HubSpot and Cliniko adapters, over generated values (the shared seed, runs()):
// mapping to HubSpot and back gives the same value; every output parses with the library's own
// parsers; a webhook retry keeps its identity key.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCallFacts } from "../../src/call-result/schema.js";
import { CLIENT_HUB_STAGES, type ClientHubStage } from "../../src/client-hub/pipeline.js";
import { parseClientHubEvent } from "../../src/client-hub/schema.js";
import { bookingEventFromCliniko } from "../../src/cliniko/index.js";
import {
  callFactsFromHubSpot,
  callFactsToHubSpot,
  callLoggedFromHubSpot,
  callLoggedToHubSpot,
  clientHubStageMap,
  clientHubStageOf,
  hubSpotStageIdOf,
  readHubSpotCheckbox,
  readHubSpotDate,
  readHubSpotDateTime,
  readHubSpotNumber,
  readWebhookBatch,
  writeHubSpotCheckbox,
  writeHubSpotDate,
  writeHubSpotDateTime,
  writeHubSpotNumber,
} from "../../src/hubspot/index.js";
import { booking } from "../../src/lead-status/booking.js";
import { parseBookingEvent } from "../../src/lead-status/schema.js";
import { callFacts, clientHubEvent } from "../../src/testing/arbitraries.js";
import { unwrap } from "../helpers.js";
import { runs } from "../setup.js";

const RUNS = runs(200);
const MIN_DAY = -719_528; // 0000-01-01
const MAX_DAY = 2_932_896; // 9999-12-31
const day = () => fc.integer({ min: MIN_DAY, max: MAX_DAY });
const dateOf = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
const instantMs = () => fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 });

describe("HubSpot values round-trip", () => {
  it("dates: YYYY-MM-DD → midnight UTC ms → the same date", () => {
    fc.assert(
      fc.property(day(), (d) => {
        const text = dateOf(d);
        expect(readHubSpotDate(unwrap(writeHubSpotDate(text)), "d")).toEqual({ ok: true, value: text });
      }),
      { numRuns: RUNS },
    );
  });

  it("date-times, numbers and checkboxes read back what was written", () => {
    fc.assert(
      fc.property(instantMs(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (ms, n, b) => {
        expect(readHubSpotDateTime(writeHubSpotDateTime(ms), "t")).toEqual({
          ok: true,
          value: new Date(ms).toISOString(),
        });
        expect(readHubSpotNumber(writeHubSpotNumber(n), "n")).toEqual({ ok: true, value: n === 0 ? 0 : n });
        expect(readHubSpotCheckbox(writeHubSpotCheckbox(b), "c")).toEqual({ ok: true, value: b });
      }),
      { numRuns: RUNS },
    );
  });

  it("callLogged → HubSpot call → the same event, which parseClientHubEvent reads", () => {
    const logged = clientHubEvent().filter((e) => e.type === "callLogged");
    fc.assert(
      fc.property(logged, fc.integer({ min: 1, max: 2 ** 40 }), (event, id) => {
        const expected = unwrap(parseClientHubEvent(event));
        const read = unwrap(callLoggedFromHubSpot({ id, properties: callLoggedToHubSpot(event as never) }));
        // HubSpot has no actor: a call logged there was logged by its owner.
        // The event carries the call's identity key as its id, replacing any id it had.
        expect(read).toEqual({
          id: `hubspot:call:${id}`,
          event: { ...expected, actor: "owner", id: `hubspot:call:${id}` },
        });
        expect(parseClientHubEvent(read.event)).toEqual({ ok: true, value: read.event });
      }),
      { numRuns: RUNS },
    );
  });

  it("call facts → HubSpot call → the same facts, which parseCallFacts reads", () => {
    fc.assert(
      fc.property(callFacts(), (facts) => {
        const expected = unwrap(parseCallFacts(facts));
        const read = unwrap(
          callFactsFromHubSpot({ id: "c", properties: callFactsToHubSpot(facts, 1_767_225_600_000) }),
        );
        expect(read.facts).toEqual({ ...expected, id: "hubspot:call:c" });
        expect(read.at).toBe("2026-01-01T00:00:00.000Z");
        expect(parseCallFacts(read.facts)).toEqual({ ok: true, value: read.facts });
      }),
      { numRuns: RUNS },
    );
  });

  it("stages: any portal's stage ids map each Client Hub stage there and back", () => {
    const stages = Object.keys(CLIENT_HUB_STAGES) as ClientHubStage[];
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 7, maxLength: 7 }), (ids) => {
        const pipeline = { stages: stages.map((s, i) => ({ id: ids[i], label: CLIENT_HUB_STAGES[s].label })) };
        const map = unwrap(clientHubStageMap(pipeline));
        for (const s of stages) expect(clientHubStageOf(hubSpotStageIdOf(s, map), map)).toEqual({ ok: true, value: s });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("webhook identity", () => {
  it("a batch with retries inserted has exactly one identity key per change", () => {
    const change = fc.record({
      eventId: fc.integer({ min: 0, max: 5 }),
      portalId: fc.integer({ min: 1, max: 2 }),
      occurredAt: fc.integer({ min: 0, max: 3 }),
      subscriptionType: fc.constantFrom("contact.propertyChange", "task.propertyChange"),
      objectId: fc.integer({ min: 1, max: 3 }),
      propertyName: fc.constantFrom("a", "b"),
      propertyValue: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 12 }), (changes, retries) => {
        const retried = [
          ...changes,
          ...retries.flatMap((r, k) =>
            changes.length === 0 ? [] : [{ ...changes[r % changes.length], attemptNumber: k + 1 }],
          ),
        ];
        const batch = unwrap(
          readWebhookBatch(retried, {
            "contact.propertyChange": (c) => ({ ok: true, value: c.propertyValue }),
            "task.propertyChange": (c) => ({ ok: true, value: c.propertyValue }),
          }),
        );
        const distinct = new Set(
          changes.map((c) =>
            JSON.stringify([c.eventId, c.portalId, c.occurredAt, c.subscriptionType, c.objectId, c.propertyName]),
          ),
        );
        expect(new Set(batch.events.map((e) => e.id)).size).toBe(distinct.size);
        expect(batch.events.length).toBe(retried.length);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("Cliniko", () => {
  it("every appointment the adapter reads becomes a booking event parseBookingEvent reads", () => {
    const lead = unwrap(booking.initial({ at: "2016-07-01T00:00:00Z", patient: { id: "82", name: "Joe" } }));
    const nullableFlag = fc.constantFrom(true, false, null, undefined);
    const when = fc.option(
      instantMs().map((ms) => new Date(ms).toISOString()),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.record({
          id: fc.oneof(fc.nat(), fc.stringMatching(/^\d{1,19}$/)),
          created_at: instantMs().map((ms) => new Date(ms).toISOString()),
          updated_at: instantMs().map((ms) => new Date(ms).toISOString()),
          archived_at: when,
          starts_at: instantMs().map((ms) => new Date(ms).toISOString()),
          cancelled_at: when,
          deleted_at: when,
          did_not_arrive: nullableFlag,
          patient_arrived: nullableFlag,
          patient: fc.nat().map((n) => ({ links: { self: `https://api.au1.cliniko.com/v1/patients/${n}` } })),
        }),
        fc.boolean(),
        (appointment, linked) => {
          const state = linked
            ? { ...lead, appointments: [{ id: String(appointment.id), status: "booked" as const }] }
            : lead;
          const read = bookingEventFromCliniko(appointment, state);
          if (appointment.did_not_arrive === true && appointment.patient_arrived === true) {
            expect(read.ok).toBe(false);
            return;
          }
          const value = unwrap(read);
          expect(value.event.type).toBe(linked ? "appointmentUpdated" : "appointmentDetected");
          expect(parseBookingEvent(value.event)).toEqual({ ok: true, value: value.event });
          // A reminder or an edit bumps updated_at: the event and its key stay as they were, unless
          // the status is one only updated_at dates (then the key stays, so the poll is a duplicate).
          const bumped = unwrap(bookingEventFromCliniko({ ...appointment, updated_at: "2030-01-01T00:00:00Z" }, state));
          expect(bumped.id).toBe(value.id);
          const ended = [appointment.cancelled_at, appointment.archived_at, appointment.deleted_at].some(
            (v) => v !== null,
          );
          const flagged = appointment.did_not_arrive === true || appointment.patient_arrived === true;
          if (ended || !flagged) expect(bumped.event).toEqual(value.event);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
