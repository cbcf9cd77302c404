// An independent calendar for the tests: Intl offsets only, nothing of leadrules. It finds each
// zone's offset changes by scanning, and answers "when does day D start" straight from the
// definition: the first instant whose wall-clock time is at or after D 00:00.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const DAY = 86_400_000;
export const SCAN_FROM = Date.UTC(1970, 0, 1);
export const SCAN_TO = Date.UTC(2038, 0, 1);
// No two changes 1970–2037 are closer than 7 days (America/Boa_Vista, October 2000): a 5-day step
// sees every one.
const STEP = 5 * DAY;
const FIXTURE = new URL("./tz-transitions.json", import.meta.url);

const formats = new Map<string, Intl.DateTimeFormat>();
/** The zone's UTC offset at an instant, ms, read from Intl's "GMT+05:30" text. */
export function offsetOf(zone: string, t: number): number {
  let f = formats.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    formats.set(zone, f);
  }
  const text = f.format(t);
  const m = /GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text);
  if (m === null) throw new Error(`unexpected offset text ${text}`);
  if (m[1] === undefined) return 0;
  const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
  return m[1] === "-" ? -ms : ms;
}

function scan(zone: string): number[] {
  const found: number[] = [];
  let t = SCAN_FROM;
  let o = offsetOf(zone, t);
  while (t < SCAN_TO) {
    const u = Math.min(t + STEP, SCAN_TO);
    const p = offsetOf(zone, u);
    if (p !== o) {
      let a = t;
      let b = u;
      while (b - a > 1000) {
        const m = a + Math.floor((b - a) / 2000) * 1000;
        if (offsetOf(zone, m) === o) a = m;
        else b = m;
      }
      found.push(b);
    }
    t = u;
    o = p;
  }
  return found;
}

let table: Map<string, number[]> | undefined;
/**
 * Every zone's offset changes 1970–2037 (epoch ms). Scanning all zones costs seconds, so the scan
 * is kept in tz-transitions.json for the runtime's tz database version (`process.versions.tz`);
 * another version scans afresh. Regenerate with `npx tsx test/core/tz-oracle.ts`.
 */
export function transitions(): Map<string, number[]> {
  if (table !== undefined) return table;
  const zones = Intl.supportedValuesOf("timeZone");
  if (existsSync(FIXTURE)) {
    const stored = JSON.parse(readFileSync(FIXTURE, "utf8")) as { tz: string; zones: Record<string, string> };
    if (stored.tz === process.versions.tz && zones.every((z) => z in stored.zones)) {
      table = new Map();
      for (const zone of zones) {
        let t = 0;
        const list = (stored.zones[zone] as string) === "" ? [] : (stored.zones[zone] as string).split(",");
        table.set(
          zone,
          list.map((d) => {
            t += Number.parseInt(d, 36) * 1000;
            return t;
          }),
        );
      }
      return table;
    }
  }
  table = new Map(zones.map((z) => [z, scan(z)]));
  return table;
}

// The offset of the piece between two changes, read once from Intl at the piece's start.
const pieces = new Map<string, number>();
/** The offset at t, from the scanned changes (Intl itself outside 1970–2037). */
export function offsetAt(zone: string, t: number): number {
  if (t < SCAN_FROM || t >= SCAN_TO) return offsetOf(zone, t);
  const list = transitions().get(zone) ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  const key = `${zone} ${lo}`;
  let offset = pieces.get(key);
  if (offset === undefined) {
    offset = offsetOf(zone, lo === 0 ? SCAN_FROM : (list[lo - 1] as number));
    pieces.set(key, offset);
  }
  return offset;
}

/** The first instant whose wall-clock time (read as UTC ms) is at or after `wall`. */
export function firstAtOrAfter(zone: string, wall: number): number {
  // Cut [wall - 20 h, wall + 20 h] at the zone's changes; in each piece the offset is fixed, so the
  // wall clock runs at t + offset: its first instant at or after `wall` is max(piece start, wall - offset).
  const from = wall - 20 * 3_600_000;
  const to = wall + 20 * 3_600_000;
  const cuts = (transitions().get(zone) ?? []).filter((t) => t > from && t < to);
  const edges = [from, ...cuts, to];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < edges.length - 1; i++) {
    const start = edges[i] as number;
    const end = edges[i + 1] as number;
    const t = Math.max(start, wall - offsetAt(zone, start));
    if (t < end) best = Math.min(best, t);
  }
  return best;
}

/** Day numbers (days since 1970-01-01) and dates. */
export const dayOfYmd = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
export const ymdOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const starts = new Map<string, number>();
export function startOfDay(zone: string, day: number): number {
  const key = `${zone} ${day}`;
  let start = starts.get(key);
  if (start === undefined) {
    start = firstAtOrAfter(zone, day * DAY);
    starts.set(key, start);
  }
  return start;
}
/** The day whose span [start, next start) holds t. */
export function dayHolding(zone: string, t: number): number {
  const wallDay = Math.floor((t + offsetAt(zone, t)) / DAY);
  let day = wallDay - 1;
  for (const d of [wallDay, wallDay + 1]) if (startOfDay(zone, d) <= t) day = d;
  return day;
}
/** Calendar months added to a day: the day of the month kept, or the month's last day. */
export function addMonthsToDay(day: number, months: number): number {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY;
}
/** `n` calendar days (or months) after t at the same wall-clock time; a day's start to a day's start. */
export function shiftDays(zone: string, t: number, move: (day: number) => number): number {
  const day = dayHolding(zone, t);
  if (startOfDay(zone, day) === t) return startOfDay(zone, move(day));
  const wall = t + offsetAt(zone, t);
  const wallDay = Math.floor(wall / DAY);
  return firstAtOrAfter(zone, move(wallDay) * DAY + (wall - wallDay * DAY));
}

// `npx tsx test/core/tz-oracle.ts` writes the fixture for this runtime's tz database.
if (process.argv[1]?.endsWith("tz-oracle.ts")) {
  const zones: Record<string, string> = {};
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    let last = 0;
    zones[zone] = scan(zone)
      .map((t) => {
        const d = (t - last) / 1000;
        last = t;
        return d.toString(36);
      })
      .join(",");
  }
  writeFileSync(FIXTURE, `${JSON.stringify({ tz: process.versions.tz, zones })}\n`);
}
