import { describe, expect, it } from "vitest";
import {
  buildConsultation,
  CONSULTATION_DEFAULTS,
  CONSULTATION_STATUSES,
  type ConsultationEvent,
  type ConsultationState,
  consultation,
} from "../../src/lead-status/consultation.js";
import { HOUR, iso, unwrap, unwrapErr } from "../helpers.js";

const T0 = Date.parse("2026-11-02T09:00:00.000Z");
const start = (): ConsultationState => unwrap(consultation.initial(T0));
const run = (events: readonly ConsultationEvent[], from = start()): ConsultationState => {
  const replayed = consultation.replay(from, events);
  expect(replayed.rejected).toEqual([]);
  return replayed.state;
};
const followUp = (at: number, extra: Partial<ConsultationEvent> = {}): ConsultationEvent =>
  ({ type: "followUpLogged", at, actor: "franchisee", ...extra }) as ConsultationEvent;
const sixFollowUps = (): ConsultationState => run([0, 1, 2, 3, 4, 5].map((i) => followUp(T0 + i * 48 * HOUR)));

describe("the status table", () => {
  it("has the playbook's 13 statuses with their labels verbatim", () => {
    // "Status | Process | When to use it": New Lead - No Action Yet … Sold
    expect(Object.fromEntries(Object.entries(CONSULTATION_STATUSES).map(([k, v]) => [k, v.label]))).toEqual({
      new: "New Lead - No Action Yet",
      consultationBooked: "Consultation Booked",
      consultationRescheduled: "Consultation Rescheduled and Booked",
      consultationCancelled: "Consultation Cancelled",
      followUp: "Follow up",
      moveScheduleFollowUp: "Move/Schedule Follow Up for",
      consultationCancelledDnc: "Consultation Cancelled and DNC",
      unserviceable: "Unservicable Lead",
      outOfArea: "Out of Area",
      dnc: "DNC",
      cold: "Cold lead",
      lost: "Not Sold - Lost",
      sold: "Sold",
    });
  });

  it("closes exactly the playbook's closing statuses", () => {
    const closing = Object.entries(CONSULTATION_STATUSES)
      .filter(([, v]) => v.closes)
      .map(([k]) => k)
      .sort();
    expect(closing).toEqual(["consultationCancelledDnc", "dnc", "lost", "outOfArea", "sold", "unserviceable"]);
  });

  it("labels a follow-up with its number", () => {
    // "Follow up 1-6"
    expect(consultation.label(run([followUp(T0), followUp(T0 + HOUR)]))).toBe("Follow up 2");
    expect(consultation.label(start())).toBe("New Lead - No Action Yet");
  });
});

describe("a new lead", () => {
  it("starts as New Lead - No Action Yet", () => {
    // "New Lead - No Action Yet | Automatic | Default for web lead or adding a new lead"
    expect(start()).toEqual({
      lifecycle: "consultation",
      schemaVersion: 1,
      status: "new",
      updatedAt: iso(T0),
      followUp: null,
      transferableToCareCentre: null,
    });
  });

  it("refuses an invalid creation instant with an error naming at", () => {
    const error = unwrapErr(consultation.initial("next tuesday"));
    expect(error.code).toBe("invalidInput");
    expect(error.issues).toEqual([{ path: "at", message: "expected a valid instant" }]);
  });
});

describe("follow-ups", () => {
  it("are due 48 hours after they are logged, with their notes, as a dashboard task", () => {
    // "System defaults to 48 hours out from current date and record follow up notes that will appear
    // on your dashboard when you log in for that day"
    const step = unwrap(consultation.transition(start(), followUp(T0, { notes: "call after school" })));
    expect(step.state.followUp).toEqual({
      number: 1,
      loggedAt: iso(T0),
      dueAt: iso(T0 + 48 * HOUR),
      notes: "call after school",
    });
    expect(step.effects).toEqual([
      { type: "followUpTask", number: 1, dueAt: iso(T0 + 48 * HOUR), notes: "call after school" },
    ]);
  });

  it("take the due time the user gives instead of the default", () => {
    const due = T0 + 5 * HOUR;
    const step = unwrap(consultation.transition(start(), followUp(T0, { dueAt: iso(due) })));
    expect(step.state.followUp?.dueAt).toBe(iso(due));
  });

  it("refuse a due time before the moment they were logged, or one that is not an instant", () => {
    expect(unwrapErr(consultation.transition(start(), followUp(T0, { dueAt: T0 - 1 })))).toMatchObject({
      code: "invalidDueAt",
      field: "dueAt",
    });
    expect(unwrapErr(consultation.transition(start(), followUp(T0, { dueAt: "soon" })))).toMatchObject({
      code: "invalidDueAt",
      field: "dueAt",
    });
  });

  it("count up: follow up n is complete when the status changes to the next one", () => {
    // "Follow up considered complete when the status is change to the next one"
    const state = run([followUp(T0), followUp(T0 + HOUR), followUp(T0 + 2 * HOUR)]);
    expect(state.followUp?.number).toBe(3);
  });

  it("stop at six: there is no follow up 7", () => {
    // "Following the Care Center standards, follow up 6 times before marked as a cold lead."
    const six = sixFollowUps();
    expect(six.followUp?.number).toBe(6);
    const error = unwrapErr(consultation.transition(six, followUp(T0 + 5 * 48 * HOUR + HOUR)));
    expect(error.code).toBe("followUpLimitReached");
    expect(error.message).toContain("limit is 6");
  });

  it("start again at 1 from a cancelled consultation", () => {
    const fromCancelled = run([
      { type: "consultationBooked", at: T0, actor: "system" },
      { type: "consultationCancelled", at: T0 + HOUR, actor: "system" },
      followUp(T0 + 2 * HOUR),
    ]);
    expect(fromCancelled.followUp?.number).toBe(1);
  });

  // "Move/Schedule Follow Up for / For Care Center Use / Care Center status, if you are moving
  // schedule", and "follow up 6 times before marked as a cold lead": a move is of the current
  // round's schedule; the follow-up logged after it continues the count (1–4, a move, then 5).
  it("continue the count after a Care Center schedule move: 1–4, a move, then 5", () => {
    const events: ConsultationEvent[] = [];
    for (let n = 0; n < 4; n++) events.push(followUp(T0 + n * HOUR));
    events.push({ type: "followUpScheduleMoved", at: T0 + 4 * HOUR, actor: "careCentre" });
    const moved = run(events);
    expect(moved.status).toBe("moveScheduleFollowUp");
    expect(moved.followUp?.number).toBe(4);
    expect(consultation.label(moved)).toBe("Move/Schedule Follow Up for");
    const fifth = run([...events, followUp(T0 + 5 * HOUR, { actor: "careCentre" })]);
    expect(fifth.followUp?.number).toBe(5);
    // A schedule move outside a round (here on a new lead) starts none: the next follow-up is 1.
    const fresh = run([
      { type: "followUpScheduleMoved", at: T0, actor: "careCentre" },
      followUp(T0 + HOUR, { actor: "careCentre" }),
    ]);
    expect(fresh.followUp?.number).toBe(1);
  });

  // "if you have done the 6 follow ups, 2 hours after the schedule called, system will update the status"
  it("a lead moved after follow-up 6 still goes cold 2 hours after it is due", () => {
    const events: ConsultationEvent[] = [];
    for (let n = 0; n < 6; n++) events.push(followUp(T0 + n * HOUR));
    events.push({ type: "followUpScheduleMoved", at: T0 + 6 * HOUR, actor: "careCentre" });
    const moved = run(events);
    expect(unwrapErr(consultation.transition(moved, followUp(T0 + 7 * HOUR))).code).toBe("followUpLimitReached");
    const due = Date.parse(moved.followUp?.dueAt ?? "");
    expect(consultation.nextDueAt(moved)).toBe(new Date(due + 2 * HOUR).toISOString());
    expect(consultation.advance(moved, due + 2 * HOUR - 1).state.status).toBe("moveScheduleFollowUp");
    expect(consultation.advance(moved, due + 2 * HOUR).state.status).toBe("cold");
  });

  it("cannot be logged on a booked consultation or a cold lead", () => {
    const booked = run([{ type: "consultationBooked", at: T0, actor: "system" }]);
    expect(unwrapErr(consultation.transition(booked, followUp(T0 + HOUR))).code).toBe("notAllowedFrom");
    const cold = run([{ type: "markedCold", at: T0, actor: "franchisee" }]);
    expect(unwrapErr(consultation.transition(cold, followUp(T0 + HOUR))).code).toBe("notAllowedFrom");
  });
});

describe("cold leads", () => {
  // "if you have done the 6 follow ups, 2 hours after the schedule called, system will update the status"
  const due6 = T0 + 5 * 48 * HOUR + 48 * HOUR;

  it("go cold exactly 2 hours after follow up 6 is due, and not one millisecond before", () => {
    const six = sixFollowUps();
    expect(six.followUp?.dueAt).toBe(iso(due6));
    expect(consultation.advance(six, due6 + 2 * HOUR - 1).state).toBe(six);
    const cold = consultation.advance(six, due6 + 2 * HOUR);
    expect(cold.state).toMatchObject({ status: "cold", updatedAt: iso(due6 + 2 * HOUR), followUp: null });
  });

  it("go cold at their instant even when advance is called much later", () => {
    const later = consultation.advance(sixFollowUps(), due6 + 30 * 24 * HOUR);
    expect(later.state.updatedAt).toBe(iso(due6 + 2 * HOUR));
  });

  it("do not go cold before the sixth follow-up", () => {
    const five = run([0, 1, 2, 3, 4].map((i) => followUp(T0 + i * HOUR)));
    expect(consultation.advance(five, T0 + 1000 * HOUR).state).toBe(five);
  });

  it("go cold before an event that arrives after the cold instant", () => {
    const booked = unwrap(
      consultation.transition(sixFollowUps(), { type: "consultationBooked", at: due6 + 3 * HOUR, actor: "system" }),
    );
    expect(booked.state.status).toBe("consultationBooked");
    const refused = unwrapErr(
      consultation.transition(sixFollowUps(), { type: "markedCold", at: due6 + 3 * HOUR, actor: "careCentre" }),
    );
    expect(refused).toMatchObject({ code: "notAllowedFrom", status: "cold" });
  });

  it("may be set by hand, by a user or the system, and may book again", () => {
    // "Cold lead | Automatic, option to do manually"
    for (const actor of ["franchisee", "careCentre", "system"] as const) {
      expect(unwrap(consultation.transition(start(), { type: "markedCold", at: T0, actor })).state.status).toBe("cold");
    }
    const cold = run([{ type: "markedCold", at: T0, actor: "franchisee" }]);
    expect(
      unwrap(consultation.transition(cold, { type: "consultationBooked", at: T0, actor: "system" })).state.status,
    ).toBe("consultationBooked");
    expect(unwrapErr(consultation.transition(cold, { type: "markedCold", at: T0, actor: "franchisee" })).code).toBe(
      "notAllowedFrom",
    );
  });

  it("follow the tuned numbers", () => {
    const tuned = buildConsultation({
      ...CONSULTATION_DEFAULTS,
      followUpLimit: 2,
      followUpDueAfterHours: 24,
      coldAfterHours: 1,
    });
    const two = tuned.replay(unwrap(tuned.initial(T0)), [followUp(T0), followUp(T0 + HOUR)]).state;
    expect(two.followUp?.dueAt).toBe(iso(T0 + 25 * HOUR));
    expect(tuned.advance(two, T0 + 26 * HOUR - 1).state.status).toBe("followUp");
    expect(tuned.advance(two, T0 + 26 * HOUR).state.status).toBe("cold");
  });
});

describe("bookings from the calendar", () => {
  it("book from new, a follow-up, a cancelled consultation, a moved schedule or a cold lead", () => {
    // "Consultation Booked | Automatic | When the consultation is booked in the calendar"
    const froms: ConsultationEvent[][] = [
      [],
      [followUp(T0)],
      [
        { type: "consultationBooked", at: T0, actor: "system" },
        { type: "consultationCancelled", at: T0, actor: "system" },
      ],
      [{ type: "followUpScheduleMoved", at: T0, actor: "careCentre" }],
      [{ type: "markedCold", at: T0, actor: "franchisee" }],
    ];
    for (const events of froms) {
      const state = run([...events, { type: "consultationBooked", at: T0 + HOUR, actor: "system" }]);
      expect(state.status).toBe("consultationBooked");
    }
  });

  it("reschedule and cancel only a booked consultation", () => {
    // "Consultation Rescheduled and Booked | Automatic | When the consult is rescheduled"
    const booked = run([{ type: "consultationBooked", at: T0, actor: "system" }]);
    const rescheduled = unwrap(
      consultation.transition(booked, { type: "consultationRescheduled", at: T0, actor: "system" }),
    );
    expect(rescheduled.state.status).toBe("consultationRescheduled");
    const again = unwrap(
      consultation.transition(rescheduled.state, { type: "consultationRescheduled", at: T0, actor: "system" }),
    );
    expect(again.state.status).toBe("consultationRescheduled");
    const cancelled = unwrap(
      consultation.transition(again.state, { type: "consultationCancelled", at: T0, actor: "system" }),
    );
    expect(cancelled.state.status).toBe("consultationCancelled");
    expect(
      unwrapErr(consultation.transition(start(), { type: "consultationCancelled", at: T0, actor: "system" })).code,
    ).toBe("notAllowedFrom");
    expect(
      unwrapErr(consultation.transition(start(), { type: "consultationRescheduled", at: T0, actor: "system" })).code,
    ).toBe("notAllowedFrom");
    expect(
      unwrapErr(consultation.transition(booked, { type: "consultationBooked", at: T0, actor: "system" })).code,
    ).toBe("notAllowedFrom");
  });

  it("are the system's: a user cannot set an automatic status", () => {
    const error = unwrapErr(
      consultation.transition(start(), { type: "consultationBooked", at: T0, actor: "franchisee" }),
    );
    expect(error).toMatchObject({
      code: "actorNotPermitted",
      actor: "franchisee",
      event: "consultationBooked",
      field: "actor",
    });
    expect(error.message).toBe("franchisee may not send consultationBooked: only system may");
  });
});

describe("who may do what", () => {
  it("keeps Care Center statuses from franchisees", () => {
    // "Move/Schedule Follow Up for | For Care Center Use"; "Consultation Cancelled and DNC | N/A for franchisees"
    for (const type of ["followUpScheduleMoved", "cancelledAndDnc"] as const) {
      expect(unwrapErr(consultation.transition(start(), { type, at: T0, actor: "franchisee" })).code).toBe(
        "actorNotPermitted",
      );
      expect(unwrap(consultation.transition(start(), { type, at: T0, actor: "careCentre" })).state.status).not.toBe(
        "new",
      );
    }
  });

  it("keeps user statuses from the system, except Cold lead", () => {
    for (const type of [
      "followUpLogged",
      "markedUnserviceable",
      "markedOutOfArea",
      "markedDnc",
      "markedLost",
    ] as const) {
      expect(unwrapErr(consultation.transition(start(), { type, at: T0, actor: "system" })).code).toBe(
        "actorNotPermitted",
      );
    }
  });

  it("lists the events an actor may send now", () => {
    expect([...consultation.allowedEvents(start(), "franchisee")].sort()).toEqual(
      ["followUpLogged", "markedCold", "markedDnc", "markedLost", "markedOutOfArea", "markedUnserviceable"].sort(),
    );
    expect([...consultation.allowedEvents(start(), "system")].sort()).toEqual(
      ["consultationBooked", "enrolmentCompleted", "markedCold"].sort(),
    );
    expect(consultation.allowedEvents(sixFollowUps(), "franchisee")).not.toContain("followUpLogged");
    const lost = run([{ type: "markedLost", at: T0, actor: "franchisee" }]);
    expect(consultation.allowedEvents(lost, "careCentre")).toEqual([]);
  });

  it("lists the events allowed after the moves due at now", () => {
    const due6 = T0 + 6 * 48 * HOUR;
    expect(consultation.allowedEvents(sixFollowUps(), "franchisee", due6 + 2 * HOUR)).not.toContain("markedCold");
    expect(consultation.allowedEvents(sixFollowUps(), "franchisee", due6)).toContain("markedCold");
  });
});

describe("closing statuses", () => {
  it.each([
    ["markedUnserviceable", "unserviceable"],
    ["markedOutOfArea", "outOfArea"],
    ["markedDnc", "dnc"],
    ["markedLost", "lost"],
  ] as const)("%s closes the lead from any open status", (type, status) => {
    for (const from of [start(), sixFollowUps(), run([{ type: "consultationBooked", at: T0, actor: "system" }])]) {
      expect(
        unwrap(consultation.transition(from, { type, at: T0 + 20 * 48 * HOUR, actor: "careCentre" })).state.status,
      ).toBe(status);
    }
  });

  it("accept no further event", () => {
    const lost = run([{ type: "markedLost", at: T0, actor: "franchisee" }]);
    const error = unwrapErr(consultation.transition(lost, { type: "consultationBooked", at: T0, actor: "system" }));
    expect(error).toMatchObject({ code: "closed", status: "lost" });
    expect(error.message).toBe('"Not Sold - Lost" closes the record: it accepts no consultationBooked event');
  });

  it("accept what the host allows through options, and only that", () => {
    const reopening = buildConsultation({ ...CONSULTATION_DEFAULTS, closedAccepts: { lost: ["consultationBooked"] } });
    const lost = reopening.replay(unwrap(reopening.initial(T0)), [
      { type: "markedLost", at: T0, actor: "franchisee" },
    ]).state;
    expect(
      unwrap(reopening.transition(lost, { type: "consultationBooked", at: T0, actor: "system" })).state.status,
    ).toBe("consultationBooked");
    expect(unwrapErr(reopening.transition(lost, { type: "markedDnc", at: T0, actor: "franchisee" })).code).toBe(
      "closed",
    );
    expect(reopening.allowedEvents(lost, "system")).toEqual(["consultationBooked"]);
  });

  it("DNC and Consultation Cancelled and DNC ask the host to stop calling", () => {
    // "DNC | Manual | Do not call lead back"
    expect(
      unwrap(consultation.transition(start(), { type: "markedDnc", at: T0, actor: "franchisee" })).effects,
    ).toEqual([{ type: "doNotCall" }]);
    // "if a lead is no longer interested because they found another service"
    const step = unwrap(consultation.transition(start(), { type: "cancelledAndDnc", at: T0, actor: "careCentre" }));
    expect(step.state.status).toBe("consultationCancelledDnc");
    expect(step.effects).toEqual([{ type: "doNotCall" }]);
  });

  it("Out of Area carries the Care Center transfer hint as data", () => {
    // "Not in your protected zip/postal codes, in the future will be able to transfer to the Care Center"
    const plain = unwrap(consultation.transition(start(), { type: "markedOutOfArea", at: T0, actor: "franchisee" }));
    expect(plain.state.transferableToCareCentre).toBe(false);
    const hinted = unwrap(
      consultation.transition(start(), {
        type: "markedOutOfArea",
        at: T0,
        actor: "franchisee",
        transferableToCareCentre: true,
      }),
    );
    expect(hinted.state.transferableToCareCentre).toBe(true);
    const byDefault = buildConsultation({ ...CONSULTATION_DEFAULTS, outOfAreaTransferable: true });
    const state = unwrap(byDefault.initial(T0));
    expect(
      unwrap(byDefault.transition(state, { type: "markedOutOfArea", at: T0, actor: "franchisee" })).state
        .transferableToCareCentre,
    ).toBe(true);
  });
});

describe("Sold", () => {
  it("comes from the system after enrolment, from any open status", () => {
    // "Sold | Automated | After Enrollment is completed in the System"
    for (const from of [start(), sixFollowUps(), run([{ type: "markedCold", at: T0, actor: "franchisee" }])]) {
      const sold = unwrap(
        consultation.transition(from, { type: "enrolmentCompleted", at: T0 + 20 * 48 * HOUR, actor: "system" }),
      );
      expect(sold.state.status).toBe("sold");
    }
    expect(
      unwrapErr(consultation.transition(start(), { type: "enrolmentCompleted", at: T0, actor: "franchisee" })).code,
    ).toBe("actorNotPermitted");
  });
});

describe("labels", () => {
  it("can be renamed through options", () => {
    const renamed = buildConsultation({ ...CONSULTATION_DEFAULTS, labels: { cold: "Cold" } });
    expect(renamed.statuses.cold.label).toBe("Cold");
    expect(renamed.statuses.lost.label).toBe("Not Sold - Lost");
  });
});

describe("follow-up due times inside years 0000–9999", () => {
  it("refuses a follow-up whose default due time (48 h later) would pass 9999, with invalidInstant", () => {
    const MAX = Date.parse("9999-12-31T23:59:59.999Z");
    const lead = unwrap(consultation.initial(MAX - 100 * HOUR));
    const late = unwrapErr(consultation.transition(lead, followUp(MAX - 48 * HOUR + 1)));
    expect(late).toMatchObject({
      code: "invalidInstant",
      field: "at",
      message: "the follow-up's due time (48 h after at) would fall after 9999-12-31T23:59:59.999Z",
    });
    const last = unwrap(consultation.transition(lead, followUp(MAX - 48 * HOUR)));
    expect(last.state.followUp?.dueAt).toBe("9999-12-31T23:59:59.999Z");
    // a due time given explicitly is the host's, checked as any instant
    expect(unwrap(consultation.transition(lead, followUp(MAX - HOUR, { dueAt: MAX }))).state.followUp?.dueAt).toBe(
      "9999-12-31T23:59:59.999Z",
    );
  });
});
