// Issue 20, point 2: the build… functions take options already known to be valid (create… reads
// options from outside). Anything else is a programmer error at definition time: a TypeError
// naming the builder and the option, thrown by the builder itself — never a crash later in a verb.
import { describe, expect, it } from "vitest";
import { DEFAULT_CAMPAIGN } from "../src/call-result/campaign.js";
import { buildCallRecord } from "../src/call-result/record.js";
import { buildClientHub, CLIENT_HUB_DEFAULTS } from "../src/client-hub/pipeline.js";
import { BOOKING_DEFAULTS, buildBooking } from "../src/lead-status/booking.js";
import { buildConsultation, CONSULTATION_DEFAULTS } from "../src/lead-status/consultation.js";

describe("builders given undefined or bad options throw a TypeError naming the option", () => {
  it("undefined, null, an array or a string: the whole argument", () => {
    expect(() => buildConsultation(undefined as never)).toThrow(
      new TypeError("buildConsultation: options must be an object, not undefined"),
    );
    expect(() => buildClientHub(null as never)).toThrow(
      new TypeError("buildClientHub: options must be an object, not null"),
    );
    expect(() => buildCallRecord([] as never)).toThrow(
      new TypeError("buildCallRecord: campaign must be an object, not an array of 0"),
    );
    expect(() => buildBooking("on" as never)).toThrow(
      new TypeError('buildBooking: settings must be an object, not "on"'),
    );
  });

  it("buildConsultation names each field", () => {
    const bad = (patch: object) => () => buildConsultation({ ...CONSULTATION_DEFAULTS, ...patch });
    expect(bad({ followUpLimit: 0 })).toThrow(
      new TypeError("buildConsultation: options.followUpLimit must be a whole number from 1 to 1000, not 0"),
    );
    expect(bad({ followUpLimit: 1001 })).toThrow(/followUpLimit/);
    expect(bad({ followUpLimit: 2.5 })).toThrow(/followUpLimit/);
    expect(bad({ followUpDueAfterHours: -1 })).toThrow(
      new TypeError(
        "buildConsultation: options.followUpDueAfterHours must be a number of hours from 0 to 8784, not -1",
      ),
    );
    expect(bad({ coldAfterHours: Number.NaN })).toThrow(
      /coldAfterHours must be a number of hours from 0 to 8784, not NaN/,
    );
    expect(bad({ coldAfterHours: 8785 })).toThrow(/coldAfterHours/);
    expect(bad({ labels: null })).toThrow(
      new TypeError("buildConsultation: options.labels must be an object, not null"),
    );
    expect(bad({ outOfAreaTransferable: "yes" })).toThrow(
      new TypeError('buildConsultation: options.outOfAreaTransferable must be true or false, not "yes"'),
    );
    expect(bad({ closedAccepts: [] })).toThrow(/closedAccepts must be an object, not an array of 0/);
    expect(
      buildConsultation({ ...CONSULTATION_DEFAULTS, followUpLimit: 1000, coldAfterHours: 0 }).options.followUpLimit,
    ).toBe(1000);
  });

  it("buildBooking names each setting", () => {
    for (const field of ["createLeadsForNewClients", "eagerPatientShipping", "lockOwnerWhenAssociated"]) {
      expect(() => buildBooking({ ...BOOKING_DEFAULTS, [field]: 1 })).toThrow(
        new TypeError(`buildBooking: settings.${field} must be true or false, not 1`),
      );
    }
  });

  it("buildClientHub names each field", () => {
    const bad = (patch: object) => () => buildClientHub({ ...CLIENT_HUB_DEFAULTS, ...patch } as never);
    expect(bad({ contactRatios: [] })).toThrow(
      new TypeError(
        "buildClientHub: options.contactRatios must be a non-empty list of { count, unit }, not an array of 0",
      ),
    );
    expect(bad({ contactRatios: [{ count: 1 }] })).toThrow(/contactRatios/);
    expect(bad({ defaultContactRatio: "1 month" })).toThrow(
      new TypeError('buildClientHub: options.defaultContactRatio must be a { count, unit } ratio, not "1 month"'),
    );
    expect(bad({ unsuccessfulContactRatio: undefined })).toThrow(/unsuccessfulContactRatio/);
    expect(bad({ preparationDays: 367 })).toThrow(
      new TypeError("buildClientHub: options.preparationDays must be a whole number of days from 0 to 366, not 367"),
    );
    expect(bad({ preparationDays: -1 })).toThrow(/preparationDays/);
    expect(bad({ callIntervalDays: 0 })).toThrow(
      new TypeError("buildClientHub: options.callIntervalDays must be a whole number of days from 1 to 366, not 0"),
    );
    expect(bad({ checkInCallTypes: [""] })).toThrow(
      new TypeError(
        "buildClientHub: options.checkInCallTypes must be a non-empty list of call type names, not an array of 1",
      ),
    );
    expect(bad({ checkInCallTypes: [] })).toThrow(/checkInCallTypes/);
    expect(bad({ labels: 3 })).toThrow(new TypeError("buildClientHub: options.labels must be an object, not 3"));
    expect(bad({ finalCall: "last" })).toThrow(
      new TypeError('buildClientHub: options.finalCall must be "firstAttempt" or "markedFinal", not "last"'),
    );
    expect(
      buildClientHub({ ...CLIENT_HUB_DEFAULTS, preparationDays: 0, callIntervalDays: 366 }).options.preparationDays,
    ).toBe(0);
  });

  it("buildCallRecord names each field of the campaign", () => {
    const bad = (patch: object) => () => buildCallRecord({ ...DEFAULT_CAMPAIGN, ...patch } as never);
    expect(bad({ id: 7 })).toThrow(new TypeError("buildCallRecord: campaign.id must be a string, not 7"));
    expect(bad({ customResults: {} })).toThrow(
      new TypeError("buildCallRecord: campaign.customResults must be a list, not an object"),
    );
    expect(bad({ emailFollowUpWeeks: -1 })).toThrow(
      new TypeError("buildCallRecord: campaign.emailFollowUpWeeks must be a number of weeks, 0 or more, not -1"),
    );
    expect(bad({ deadEndMinBlockedAttempts: 1.5 })).toThrow(
      new TypeError("buildCallRecord: campaign.deadEndMinBlockedAttempts must be a whole number, 0 or more, not 1.5"),
    );
    expect(bad({ emailOnlyHns: null })).toThrow(
      new TypeError("buildCallRecord: campaign.emailOnlyHns must be true or false, not null"),
    );
    expect(bad({ wantsConsultantFollowUp: "no" })).toThrow(/wantsConsultantFollowUp must be true or false/);
    expect(
      buildCallRecord({ ...DEFAULT_CAMPAIGN, emailFollowUpWeeks: 0, deadEndMinBlockedAttempts: 0 }).campaign
        .emailFollowUpWeeks,
    ).toBe(0);
  });
});
