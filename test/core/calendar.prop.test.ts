// The calendar against an independent oracle (tz-oracle.ts: Intl offsets only), in every zone the
// runtime knows, at every offset change 1970–2037 and at random instants. Deterministic: fixed
// seeds and run counts, never a time limit.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addIn, dateAfter, dateIn, periodOf, startOfDateIn } from "../../src/core/calendar.js";
import { every, runs } from "../setup.js";
import {
  addMonthsToDay,
  DAY,
  dayHolding,
  SCAN_FROM,
  SCAN_TO,
  shiftDays,
  startOfDay,
  transitions,
  ymdOfDay,
} from "./tz-oracle.js";

const iso = (ms: number): string => new Date(ms).toISOString();
const ZONES = Intl.supportedValuesOf("timeZone");
const span = (from: number, to: number) => ({ from: iso(from), to: iso(to) });
const monday = (day: number): number => day - ((((day + 3) % 7) + 7) % 7);
const firstOfMonth = (day: number): number => day - new Date(day * DAY).getUTCDate() + 1;

// What the oracle says about an instant, for the library to match.
function expectAgrees(zone: string, t: number): void {
  const day = dayHolding(zone, t);
  expect(periodOf("day", t, zone)).toEqual(span(startOfDay(zone, day), startOfDay(zone, day + 1)));
  const week = monday(day);
  expect(periodOf("isoWeek", t, zone)).toEqual(span(startOfDay(zone, week), startOfDay(zone, week + 7)));
  const month = firstOfMonth(day);
  expect(periodOf("month", t, zone)).toEqual(span(startOfDay(zone, month), startOfDay(zone, addMonthsToDay(month, 1))));
  expect(dateIn(t, zone)).toBe(ymdOfDay(day));
}

// The playbook's day arithmetic from a day: its start, 5 days before, 5 days after its start and
// after an instant in it, a Contact Ratio in months.
function expectPlaybookAgrees(zone: string, day: number, t: number): void {
  const date = ymdOfDay(day);
  expect(startOfDateIn(date, zone)).toBe(startOfDay(zone, day));
  expect(startOfDateIn(date, zone, -5)).toBe(startOfDay(zone, day - 5));
  expect(addIn(startOfDay(zone, day), 5, "day", zone)).toBe(startOfDay(zone, day + 5));
  expect(addIn(t, 5, "day", zone)).toBe(shiftDays(zone, t, (d) => d + 5));
  expect(addIn(t, 2, "month", zone)).toBe(shiftDays(zone, t, (d) => addMonthsToDay(d, 2)));
  expect(dateAfter(t, 1, "month", zone)).toBe(ymdOfDay(addMonthsToDay(dayHolding(zone, t), 1)));
}

describe("the calendar agrees with an independent Intl oracle", () => {
  // Every zone, in four groups so each test stays short; at each change: the day before it and
  // the day after, their starts, and the days holding the instant before the change and the change.
  const groups = [0, 1, 2, 3].map((g) => ZONES.filter((_, i) => i % 4 === g));
  const daySpan = (zone: string, day: number) => span(startOfDay(zone, day), startOfDay(zone, day + 1));
  groups.forEach((zones, g) => {
    it(`at every offset change 1970–2037, zones group ${g + 1} of 4`, () => {
      // Mismatches are collected and compared once: tens of thousands of expect() calls cost more
      // than the calendar itself.
      const wrong: string[] = [];
      let checked = 0;
      for (const zone of zones) {
        for (const change of every(transitions().get(zone) ?? [])) {
          const before = dayHolding(zone, change - 1);
          const after = dayHolding(zone, change);
          const got = [
            startOfDateIn(ymdOfDay(before), zone),
            startOfDateIn(ymdOfDay(before + 1), zone),
            periodOf("day", change - 1, zone),
            periodOf("day", change, zone),
          ];
          const want = [
            startOfDay(zone, before),
            startOfDay(zone, before + 1),
            daySpan(zone, before),
            daySpan(zone, after),
          ];
          if (JSON.stringify(got) !== JSON.stringify(want))
            wrong.push(`${zone} ${iso(change)}: ${JSON.stringify(got)}`);
          checked++;
        }
      }
      expect(wrong).toEqual([]);
      // A tenth of the changes under mutation testing (`every`), all of them otherwise.
      expect(checked).toBeGreaterThan(every(Array.from({ length: 3000 })).length);
    });
  });

  it("weeks, months and dates at a sample of every zone's changes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.nat(), fc.integer({ min: -1, max: 0 }), (zone, pick, ms) => {
        const list = transitions().get(zone) ?? [];
        if (list.length > 0) expectAgrees(zone, (list[pick % list.length] as number) + ms);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("in the zones where DST skips midnight: days start at 01:00 local and tile time", () => {
    for (const zone of ["America/Santiago", "America/Havana", "Africa/Cairo", "Asia/Beirut"]) {
      for (const change of every(transitions().get(zone) ?? [])) {
        const day = dayHolding(zone, change);
        expectPlaybookAgrees(zone, day, change);
        expectPlaybookAgrees(zone, day, change + 3_600_000);
      }
    }
  });

  it("the playbook's day arithmetic at a sample of every zone's changes", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.nat(), fc.integer({ min: -2, max: 2 }), (zone, pick, hours) => {
        const list = transitions().get(zone) ?? [];
        if (list.length === 0) return;
        const change = list[pick % list.length] as number;
        const t = change + hours * 3_600_000;
        expectPlaybookAgrees(zone, dayHolding(zone, t), t);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("at random instants in every zone, periods shifted and not", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: SCAN_FROM + 40 * DAY, max: SCAN_TO - 40 * DAY }),
        fc.integer({ min: -3, max: 3 }),
        (zone, t, shift) => {
          expectAgrees(zone, t);
          expectPlaybookAgrees(zone, dayHolding(zone, t), t);
          const day = dayHolding(zone, t) + shift;
          expect(periodOf("day", t, zone, shift)).toEqual(span(startOfDay(zone, day), startOfDay(zone, day + 1)));
        },
      ),
      { numRuns: runs(600) },
    );
  });
});
