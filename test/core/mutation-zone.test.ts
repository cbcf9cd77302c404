// The zone model (core/zone.ts), pinned where mutation testing found it unjudged: the runtime's
// list of zones, which names are refused before Intl is asked, what the caches hold, the LRU's
// generations and the search that pins an offset change.
//
// zone.ts keeps its list of zones, its spellings, formatters, zone ids and chunks at module level,
// built on first use. Tests here that judge those read a fresh copy of the module (a query in the
// specifier makes Vite evaluate it anew), so the caches are built inside the test that judges them
// rather than inside whichever test of the whole run happened to ask first (the only one Stryker's
// per-test coverage would otherwise run against them). The static import is for the same runs:
// Stryker runs a mutant's tests only in the test files that import its source file.
import { describe, expect, it } from "vitest";
import { changeAfter, Lru } from "../../src/core/zone.js";

type Zone = typeof import("../../src/core/zone.js");
let copies = 0;
const fresh = async (): Promise<Zone> => {
  const specifier = `../../src/core/zone.ts?fresh=${++copies}`;
  return (await import(/* @vite-ignore */ specifier)) as Zone;
};

const HOUR = 3_600_000;
const CHUNK_MS = 24 * 86_400_000;

describe("canonicalZone: the runtime's list of zones", () => {
  it("resolves a listed zone in any letter case, and UTC, without a cache entry", async () => {
    // "any letter case of a listed zone resolves without constructing an Intl formatter"
    const z = await fresh();
    expect(z.canonicalZone("europe/london")).toBe("Europe/London");
    expect(z.canonicalZone("EUROPE/LONDON")).toBe("Europe/London");
    expect(z.canonicalZone("Europe/London")).toBe("Europe/London");
    expect(z.canonicalZone("utc")).toBe("UTC");
    expect(z.canonicalZone("UTC")).toBe("UTC");
    expect(z.canonicalZone("asia/tokyo")).toBe("Asia/Tokyo");
    expect(z.zoneCacheSize()).toBe(0);
  });

  it("resolves a link through Intl once, whatever its letter case", async () => {
    const z = await fresh();
    expect(z.canonicalZone("US/Eastern")).toBe("America/New_York");
    expect(z.zoneCacheSize()).toBe(1);
    expect(z.canonicalZone("us/eastern")).toBe("America/New_York");
    expect(z.zoneCacheSize()).toBe(1);
  });

  it("still answers where the runtime has no Intl.supportedValuesOf", async () => {
    // "The canonical spelling of a time-zone name, as the runtime's Intl resolves it"
    const saved = Object.getOwnPropertyDescriptor(Intl, "supportedValuesOf");
    Object.defineProperty(Intl, "supportedValuesOf", { value: undefined, configurable: true, writable: true });
    try {
      const z = await fresh();
      expect(z.canonicalZone("Stryker was here")).toBeUndefined();
      expect(z.canonicalZone("europe/london")).toBe("Europe/London");
      expect(z.canonicalZone("Asia/Tokyo")).toBe("Asia/Tokyo");
      expect(z.canonicalZone("utc")).toBe("UTC");
      expect(z.canonicalZone("Mars/Olympus")).toBeUndefined();
    } finally {
      if (saved !== undefined) Object.defineProperty(Intl, "supportedValuesOf", saved);
    }
    expect(typeof Intl.supportedValuesOf).toBe("function");
  });
});

describe("canonicalZone: names refused before Intl is asked", () => {
  it("refuses empty, offset-only and overlong names without caching them", async () => {
    // "Offset-only names … refused, whatever the runtime says"; "anything much longer is not one
    // and is not cached"
    const z = await fresh();
    for (const name of ["", "+05:30", "-03", "GMT-03", "utc+1", "UTC-5", `Mars/${"x".repeat(60)}`]) {
      expect(z.canonicalZone(name), name).toBeUndefined();
    }
    expect(z.zoneCacheSize()).toBe(0);
    // a 64-character name is asked (and, not being a zone, remembered as such)
    const longest = `Mars/${"y".repeat(59)}`;
    expect(longest).toHaveLength(64);
    expect(z.canonicalZone(longest)).toBeUndefined();
    expect(z.zoneCacheSize()).toBe(1);
  });

  it("counts spellings and formatters alike in zoneCacheSize", async () => {
    const z = await fresh();
    expect(z.zoneCacheSize()).toBe(0);
    expect(z.offsetMs(0, "Asia/Tokyo")).toBe(9 * HOUR);
    expect(z.zoneCacheSize()).toBe(1);
    expect(z.canonicalZone("Mars/Olympus")).toBeUndefined();
    expect(z.zoneCacheSize()).toBe(2);
  });
});

describe("offsetMs: one chunk per zone and chunk of time", () => {
  it("a zone asked again reads its own chunk: nothing is added", async () => {
    const z = await fresh();
    expect(z.offsetMs(0, "UTC")).toBe(0);
    expect(z.offsetMs(0, "Asia/Tokyo")).toBe(9 * HOUR);
    expect(z.offsetMs(0, "UTC")).toBe(0);
    expect(z.offsetCacheSize()).toBe(2);
    // chunk 1024 of UTC (2037) is an entry of its own, beside Tokyo's chunk 0
    expect(z.offsetMs(1024 * CHUNK_MS, "UTC")).toBe(0);
    expect(z.offsetCacheSize()).toBe(3);
    expect(z.offsetMs(0, "Asia/Tokyo")).toBe(9 * HOUR);
    expect(z.offsetMs(1024 * CHUNK_MS, "UTC")).toBe(0);
    expect(z.offsetCacheSize()).toBe(3);
  });

  it("a zone number given again never answers for the zone that had it", async () => {
    // "a chunk names its zone, so a recycled id is a miss, never a wrong answer"
    const z = await fresh();
    const t = Date.UTC(2026, 6, 1);
    expect(z.offsetMs(t, "Asia/Tokyo")).toBe(9 * HOUR);
    // 1,024 more names (letter-case spellings of London, which Intl reads alike): the last one is
    // given Tokyo's number again
    const letters = [..."europe/london"];
    const spellings = new Set<string>();
    for (let i = 0; spellings.size < 1024; i++) {
      let bit = 0;
      spellings.add(letters.map((c) => (c === "/" ? c : (i >> bit++) & 1 ? c.toUpperCase() : c)).join(""));
    }
    for (const spelling of spellings) expect(z.offsetMs(t, spelling)).toBe(HOUR);
  });
});

describe("changeAfter: pinning a change", () => {
  it("a change on a whole hour is pinned on the hour grid, with one look a second before", () => {
    // "the search narrows on whole hours, then minutes, then seconds, stopping as soon as the
    // change is pinned"
    const change = 10 * HOUR;
    const reads: number[] = [];
    const read = (t: number): number => {
      reads.push(t);
      return t >= change ? HOUR : 0;
    };
    expect(changeAfter(0, 20 * HOUR, "Test/Zone", 0, read)).toBe(change);
    expect(reads.length).toBeGreaterThan(0);
    for (const t of reads) expect(t % HOUR === 0 || t === change - 1000, `read at ${t}`).toBe(true);
  });

  it("a change on a minute is pinned to it; on a second, to the second", () => {
    for (const change of [10 * HOUR + 17 * 60_000, 10 * HOUR + 17 * 60_000 + 42_000]) {
      const read = (t: number): number => (t >= change ? -HOUR : 0);
      expect(changeAfter(0, 20 * HOUR, "Test/Zone", 0, read)).toBe(change);
    }
  });

  it("bounds one second apart are already pinned: nothing is read", () => {
    const reads: number[] = [];
    const read = (t: number): number => {
      reads.push(t);
      return t >= 6000 ? HOUR : 0;
    };
    expect(changeAfter(5000, 6000, "Test/Zone", 0, read)).toBe(6000);
    expect(reads).toEqual([]);
  });
});

describe("Lru: bounded by generations", () => {
  it("holds up to half its limit in the young generation, all readable", () => {
    const lru = new Lru<string, number>(10);
    for (let i = 0; i < 5; i++) lru.set(`k${i}`, i);
    expect(lru.size).toBe(5);
    for (let i = 0; i < 5; i++) expect(lru.get(`k${i}`)).toBe(i);
  });

  it("storing a key it holds again replaces the value, never a second entry", () => {
    const lru = new Lru<string, number>(4);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.set("a", 3);
    expect(lru.size).toBe(2);
    expect(lru.get("a")).toBe(3);
    expect(lru.get("b")).toBe(2);
  });
});
