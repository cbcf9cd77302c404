// The one zone model of the library: a time-zone name is checked and canonicalised here, and every
// verb, parser and report asks here, so a name gets the same answer everywhere. Only Intl is used
// (no Node built-ins); every cache is bounded and evicts its least recently used entry.
import { daysFromCivil } from "./civil.js";

/**
 * A map bounded to `limit` entries that evicts the least recently used ones, by generations: hits
 * and new entries live in the young generation; when it holds half the limit it becomes the old
 * one, and the previous old generation (entries not used for a whole generation) is dropped. A hit
 * in the old generation moves the entry back to the young one. Cheaper than reordering a Map on
 * every hit, and never cleared wholesale: what was used in the last generation stays.
 */
export class Lru<K, V> {
  readonly #half: number;
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  constructor(limit: number) {
    this.#half = Math.max(1, Math.floor(limit / 2));
  }
  /** The number of entries held (never more than the limit). */
  get size(): number {
    return this.#young.size + this.#old.size;
  }
  /** The value for a key, or `undefined`; a hit becomes recently used. */
  get(key: K): V | undefined {
    const value = this.#young.get(key);
    if (value !== undefined) return value;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.#add(key, old);
    }
    return old;
  }
  /** Stores a value, evicting the least recently used generation when the young one is full. */
  set(key: K, value: V): void {
    this.#old.delete(key);
    if (this.#young.has(key)) this.#young.set(key, value);
    else this.#add(key, value);
  }
  #add(key: K, value: V): void {
    if (this.#young.size >= this.#half) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
  }
}

// Offset-only names ("+05:30", "-03", "GMT-03", "UTC+1"): refused, whatever the runtime says (newer
// ICU versions accept some of them), so a stored record gets the same answer on every runtime.
// Etc/GMT±N names are IANA names and stay accepted when the runtime knows them.
const OFFSET_NAME = /^(?:[+-]|(?:gmt|utc?)[+-])/i;
// The longest IANA name is 32 characters; anything much longer is not one and is not cached.
const MAX_NAME = 64;

// Lower-cased spelling -> canonical name (null: not a zone). Real zones are a few hundred names
// and links; bounded all the same, so any number of distinct invalid inputs keeps memory flat.
const spellings = /* @__PURE__ */ new Lru<string, string | null>(2048);
let known: Map<string, string> | undefined;
let listed: Set<string> | undefined;

// The runtime's own list of canonical names, by lower-cased spelling: any letter case of a listed
// zone resolves without constructing an Intl formatter. Both are the runtime's list, fixed in size.
function knownZones(): Map<string, string> {
  if (known === undefined) {
    known = new Map();
    listed = new Set();
    const list: readonly string[] =
      typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    for (const name of [...list, "UTC"]) {
      known.set(name.toLowerCase(), name);
      listed.add(name);
    }
  }
  return known;
}

/**
 * The canonical spelling of a time-zone name, as the runtime's Intl resolves it (letter case
 * fixed, links such as `US/Eastern` resolved to their zone, `Etc/UTC` and `GMT` to `UTC`), or
 * `undefined` when the name is not one: unknown to the runtime, an offset-only name such as
 * `"+05:30"` or `"GMT-03"`, empty, or not a string.
 *
 * @param name - the candidate
 * @returns the canonical name, or `undefined`
 * @example
 * canonicalZone("europe/london"); // => "Europe/London"
 */
export function canonicalZone(name: unknown): string | undefined {
  if (typeof name !== "string") return undefined;
  // The name asked last (one call of a verb asks about its record's zone several times).
  if (name === lastName) return lastCanonical;
  // A canonical name as the runtime spells it (what records store): one lookup, no lower-casing.
  // Any other spelling is lower-cased and looked up (listed zones, then links and names that are
  // not zones, cached by lower-cased spelling): a cost that does not depend on how many distinct
  // spellings a process meets. (A cache by exact spelling, bounded, missed on every call past a
  // few hundred spellings and cost more than it saved.)
  knownZones();
  const canonical = (listed as Set<string>).has(name) ? name : resolve(name);
  lastName = name;
  lastCanonical = canonical;
  return canonical;
}
let lastName: string | undefined;
let lastCanonical: string | undefined;

function resolve(name: string): string | undefined {
  if (name === "" || name.length > MAX_NAME || OFFSET_NAME.test(name)) return undefined;
  const key = name.toLowerCase();
  const listed = knownZones().get(key);
  if (listed !== undefined) return listed;
  let canonical = spellings.get(key);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    spellings.set(key, canonical);
  }
  return canonical ?? undefined;
}

/** How many spellings the zone cache holds (for tests: it stays bounded). @internal */
export const zoneCacheSize = (): number => spellings.size + formatters.size;

// One formatter per canonical zone, bounded: "M/D/Y E, HH:MM:SS" in en-US, read back as numbers.
const formatters = /* @__PURE__ */ new Lru<string, Intl.DateTimeFormat>(1024);
const formatterOf = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, f);
  }
  return f;
};

// Intl's reading of the wall-clock time, as epoch ms of the same wall time in UTC (about a
// microsecond each: a string formatted and read back). Within Date's range only.
function intlWallMs(atMs: number, zone: string): number {
  const text = formatterOf(zone).format(atMs);
  // "M/D/Y AD, HH:MM:SS": the six numbers in order, read digit by digit.
  const n = [0, 0, 0, 0, 0, 0];
  let i = -1;
  let inNumber = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k) - 48;
    if (c >= 0 && c <= 9) {
      if (!inNumber) i++;
      inNumber = true;
      n[i] = (n[i] as number) * 10 + c;
    } else inNumber = false;
  }
  // Era "BC": year 1 BC is year 0, 2 BC is year -1.
  const year = text.includes("B") ? 1 - (n[2] as number) : (n[2] as number);
  const days = daysFromCivil(year, n[0] as number, n[1] as number);
  const seconds = (n[3] as number) * 3600 + (n[4] as number) * 60 + (n[5] as number);
  return (days * 86_400 + seconds) * 1000 + (atMs - Math.floor(atMs / 1000) * 1000);
}
const intlOffset = (atMs: number, zone: string): number => intlWallMs(atMs, zone) - atMs;

// Offsets by chunks of time. Time is cut into chunks of 24 days (from 1970-01-01T00:00Z); a
// chunk of a zone is read from Intl once, at 33 samples 18 hours apart, and every offset change
// between two samples is pinned to the second by bisection. A chunk keeps its first offset and its
// changes, so any instant's offset is two hash lookups and a comparison or two, and a year of a
// zone is 16 entries. The one assumption (as Intl gives no list of changes): no zone changes its
// offset and back within 18 hours — tzdb's closest changes 1970–2037 are 7 days apart, and the
// test oracle checks every one of them.
const CHUNK_MS = 2_073_600_000; // 24 days (literals: see SAMPLES)
const SAMPLE_MS = 64_800_000; // 18 hours
// CHUNK_MS / SAMPLE_MS, written out: a bundler keeps a division at module scope (it cannot tell
// it is pure), and with it this module in bundles that only canonicalise names.
const SAMPLES = 32;
// Date's range: no instant outside it has an offset.
const LIMIT_MS = 8.64e15;

/** A zone's offsets over one chunk: the offset at its start, then each change as (instant, offset). */
interface Chunk {
  readonly zone: string;
  readonly offset: number;
  readonly changes: readonly number[];
}
const NO_CHANGES: readonly number[] = [];

// Chunks keyed by a number, chunk index × ZONE_IDS + the zone's id: small integers hash fastest.
// Ids are recycled when a zone leaves the id cache (only past ZONE_IDS canonical zones, more than
// tzdb has); a chunk names its zone, so a recycled id is a miss, never a wrong answer. About 120
// bytes a chunk (measured, Map entry included): 2^17 chunks are at most ~16 MB; every zone the
// runtime knows over 10 years is ~64,000 chunks (~8 MB), which the young generation alone holds.
const ZONE_IDS = 1024;
const zoneIds = /* @__PURE__ */ new Lru<string, number>(ZONE_IDS);
let nextZoneId = 0;
const chunks = /* @__PURE__ */ new Lru<number, Chunk>(131_072); // 2^17

/** How many chunks of offsets the cache holds (for tests: it stays bounded). @internal */
export const offsetCacheSize = (): number => chunks.size;

/**
 * The first instant in (lo, hi] whose offset (as `read` gives it) differs from `lo`'s, `hi`'s
 * being different; lo and hi on whole seconds. Offsets change on whole seconds, nearly always on
 * whole hours: the search narrows on whole hours, then minutes, then seconds, stopping as soon as
 * the change is pinned. @internal
 */
export function changeAfter(
  lo: number,
  hi: number,
  zone: string,
  loOffset: number,
  read: (atMs: number, zone: string) => number = intlOffset,
): number {
  let a = lo;
  let b = hi;
  for (const grid of GRIDS) {
    for (
      let mid = Math.floor((a + b) / 2 / grid) * grid;
      mid > a && mid < b;
      mid = Math.floor((a + b) / 2 / grid) * grid
    ) {
      if (read(mid, zone) === loOffset) a = mid;
      else b = mid;
    }
    if (b - a <= 1000 || read(b - 1000, zone) === loOffset) return b;
  }
  return b;
}
const GRIDS = [3_600_000, 60_000, 1000];

// One chunk of a zone read from Intl: its samples, and each change between two of them.
function readChunk(index: number, zone: string): Chunk {
  const start = index * CHUNK_MS;
  const at = (k: number): number => Math.min(Math.max(start + k * SAMPLE_MS, -LIMIT_MS), LIMIT_MS);
  const changes: number[] = [];
  let lo = at(0);
  let loOffset = intlOffset(lo, zone);
  const offset = loOffset;
  for (let k = 1; k <= SAMPLES; k++) {
    const hi = at(k);
    const hiOffset = intlOffset(hi, zone);
    // Each round pins one change; several between two samples (none known) are found in turn. A
    // change at the last sample is the next chunk's start: kept, it is never reached here.
    while (loOffset !== hiOffset) {
      const change = changeAfter(lo, hi, zone, loOffset);
      loOffset = intlOffset(change, zone);
      changes.push(change, loOffset);
      lo = change;
    }
    lo = hi;
    loOffset = hiOffset;
  }
  return { zone, offset, changes: changes.length === 0 ? NO_CHANGES : changes };
}

// The chunk read last: a day start or a day step reads the same chunk of one zone several times
// in a row, and a number compared is cheaper than a hash lookup (a chunk never changes, so one
// held here after the cache evicted it is still right).
let lastKey: number | undefined;
let lastChunk: Chunk | undefined;
let lastZone = "";
let lastId = 0;
const idOf = (zone: string): number => {
  if (zone === lastZone) return lastId;
  let id = zoneIds.get(zone);
  if (id === undefined) {
    id = nextZoneId;
    nextZoneId = (nextZoneId + 1) % ZONE_IDS;
    zoneIds.set(zone, id);
  }
  lastZone = zone;
  lastId = id;
  return id;
};

/**
 * A canonical zone's UTC offset at an instant, ms (whole seconds), from the bounded chunk cache.
 *
 * @param atMs - the instant
 * @param zone - a canonical zone name
 * @returns the offset (`NaN` for `NaN` or an instant Date cannot hold)
 * @example
 * offsetMs(0, "Asia/Kolkata"); // => 19800000
 */
export function offsetMs(atMs: number, zone: string): number {
  if (!(Math.abs(atMs) <= LIMIT_MS)) return Number.NaN;
  const index = Math.floor(atMs / CHUNK_MS);
  const key = index * ZONE_IDS + idOf(zone);
  let chunk = key === lastKey ? lastChunk : chunks.get(key);
  if (chunk === undefined || chunk.zone !== zone) {
    chunk = readChunk(index, zone);
    chunks.set(key, chunk);
  }
  lastKey = key;
  lastChunk = chunk;
  let offset = chunk.offset;
  const changes = chunk.changes;
  for (let i = 0; i < changes.length && atMs >= (changes[i] as number); i += 2) offset = changes[i + 1] as number;
  return offset;
}

/**
 * The wall-clock time an instant shows in a canonical zone, as epoch ms of the same wall time in
 * UTC (so `wallMs - atMs` is the zone's offset, to the second).
 *
 * @param atMs - the instant
 * @param zone - a canonical zone name
 * @returns the wall time read as UTC, epoch ms (`NaN` for `NaN` or an instant Date cannot hold)
 * @example
 * wallMs(0, "Asia/Tokyo"); // => 32400000
 */
export function wallMs(atMs: number, zone: string): number {
  return atMs + offsetMs(atMs, zone);
}
