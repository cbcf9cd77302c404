// npm run bench: no cost cliffs in the calendar's caches (issue 19). Cost per call of Client Hub
// `advance` as the number of distinct zone spellings in one process grows from 1 to 10,000 (zone
// names, links and their letter cases, all canonicalising to the runtime's few hundred zones; every
// cache is a bounded LRU: none is cleared wholesale; offsets are cached per zone by 24-day chunks,
// so no Intl call is made in the steady state), and cost per event of a day-bucketed sheet tally
// as its span grows from 1 to 10 years, events in random order and in time order.
//
// The machine is shared, so each row is the median of ROUNDS rounds, the rows of one table taking
// turns within a round (a burst of load hits them alike), timed in CPU time of this process
// (`process.cpuUsage`: time the process waited for a core is not counted). The ratio is to the
// table's first row. Nothing is asserted on absolute times. Figures: bench/results.mjs.
import { buildClientHub, CLIENT_HUB_DEFAULTS, type ClientHubRecord, clientHub } from "../src/client-hub/pipeline.js";
import { canonicalZone } from "../src/core/zone.js";
import { bucketer } from "../src/tally/period.js";
import { type SheetEvent, tallySheet } from "../src/tally/sheet.js";
import { startBench } from "./results.mjs";
import { rng } from "./support.js";

const bench = startBench("calendar", "node --import tsx bench/calendar.bench.ts");
const DAY = 86_400_000;
const T0 = Date.parse("2026-01-05T09:30:00.000Z");
const CALLS = bench.quick ? 2_000 : 50_000;
const EVENTS = bench.quick ? 5_000 : 200_000;
const ROUNDS = bench.quick ? 3 : 7;
const r2 = (x: number): number => Math.round(100 * x) / 100;

const cpuMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
/** Runs every row's `run` once per round, in turn; the median ns per item of each row. */
function rounds(rows: readonly { run: () => void; items: number }[]): number[] {
  const times = rows.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    rows.forEach((row, i) => {
      const start = cpuMs();
      row.run();
      times[i]?.push(((cpuMs() - start) / row.items) * 1e6);
    });
  }
  return times.map(median);
}
const ns = (value: number, width: number): string => value.toFixed(0).padStart(width);
const ratio = (value: number, base: number): string => `${(value / base).toFixed(2)}×`;

// Distinct spellings: the runtime's zones and the links it resolves to them (tzdb's "backward"
// names such as US/Eastern or Asia/Calcutta: ~550 names in all), then their letter-case variants.
// 10,000 distinct inputs name the same few hundred zones, as a process meeting hosts' data would.
const LINKS =
  "Africa/Asmera Africa/Timbuktu America/Argentina/ComodRivadavia America/Atka America/Buenos_Aires " +
  "America/Catamarca America/Coral_Harbour America/Cordoba America/Ensenada America/Fort_Wayne America/Godthab " +
  "America/Indianapolis America/Jujuy America/Knox_IN America/Louisville America/Mendoza America/Montreal " +
  "America/Nipigon America/Pangnirtung America/Porto_Acre America/Rainy_River America/Rosario " +
  "America/Santa_Isabel America/Shiprock America/Thunder_Bay America/Virgin America/Yellowknife " +
  "Antarctica/South_Pole Asia/Ashkhabad Asia/Calcutta Asia/Chongqing Asia/Chungking Asia/Dacca Asia/Harbin " +
  "Asia/Istanbul Asia/Kashgar Asia/Katmandu Asia/Macao Asia/Rangoon Asia/Saigon Asia/Tel_Aviv Asia/Thimbu " +
  "Asia/Ujung_Pandang Asia/Ulan_Bator Atlantic/Faeroe Atlantic/Jan_Mayen Australia/ACT Australia/Canberra " +
  "Australia/Currie Australia/LHI Australia/NSW Australia/North Australia/Queensland Australia/South " +
  "Australia/Tasmania Australia/Victoria Australia/West Australia/Yancowinna Brazil/Acre Brazil/DeNoronha " +
  "Brazil/East Brazil/West CET CST6CDT Canada/Atlantic Canada/Central Canada/Eastern Canada/Mountain " +
  "Canada/Newfoundland Canada/Pacific Canada/Saskatchewan Canada/Yukon Chile/Continental Chile/EasterIsland " +
  "Cuba EET EST EST5EDT Egypt Eire Etc/GMT+0 Etc/GMT-0 Etc/GMT0 Etc/Greenwich Etc/UCT Etc/Universal Etc/Zulu " +
  "Europe/Belfast Europe/Kiev Europe/Nicosia Europe/Tiraspol Europe/Uzhgorod Europe/Zaporozhye GB GB-Eire GMT " +
  "GMT0 Greenwich HST Hongkong Iceland Iran Israel Jamaica Japan Kwajalein Libya MET MST MST7MDT " +
  "Mexico/BajaNorte Mexico/BajaSur Mexico/General NZ NZ-CHAT Navajo PRC PST8PDT Pacific/Enderbury " +
  "Pacific/Johnston Pacific/Ponape Pacific/Samoa Pacific/Truk Pacific/Yap Poland Portugal ROC ROK Singapore " +
  "Turkey UCT US/Alaska US/Aleutian US/Arizona US/Central US/East-Indiana US/Eastern US/Hawaii " +
  "US/Indiana-Starke US/Michigan US/Mountain US/Pacific US/Samoa Universal W-SU WET Zulu";
const zones = [
  ...Intl.supportedValuesOf("timeZone"),
  // Only the links this runtime resolves to another zone (ICU versions differ).
  ...LINKS.split(" ").filter((name) => ![undefined, name].includes(canonicalZone(name))),
];
const canonical = new Set(zones.map(canonicalZone)).size;
const spelling = (i: number): string => {
  const zone = zones[i % zones.length] as string;
  const variant = Math.floor(i / zones.length);
  return [...zone].map((c, k) => ((variant >> k) & 1 ? c.toUpperCase() : c.toLowerCase())).join("");
};

const ZONE_ROWS = [1, 64, 65, 418, 1000, 10_000];
const hubs = ZONE_ROWS.map((distinct) => {
  const random = rng(19);
  const records: ClientHubRecord[] = [];
  const now: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const at = T0 + Math.floor(random() * 300 * DAY);
    const made = clientHub.initial({ subscriptionId: "s", contactId: "c", at, timeZone: spelling(i % distinct) });
    if (!made.ok) throw new Error(made.error.message);
    records.push({ ...made.value, timeZone: spelling(i % distinct) });
    now.push(at + Math.floor(random() * 60 * DAY));
  }
  // One long-lived lifecycle per row, warmed by a first pass: the steady state a host process sees.
  const hub = buildClientHub(CLIENT_HUB_DEFAULTS);
  const run = (): void => {
    for (let i = 0; i < CALLS; i++) hub.advance(records[i] as ClientHubRecord, now[i] as number);
  };
  run();
  return { run, items: CALLS };
});
console.log(
  `Client Hub advance, ${CALLS.toLocaleString("en-US")} calls, by distinct zone spellings ` +
    `(${zones.length} names and their letter cases, ${canonical} zones; median of ${ROUNDS}, CPU time)`,
);
const hubNs = rounds(hubs);
const zoneRows = ZONE_ROWS.map((distinct, i) => ({
  distinct,
  nsPerCall: Math.round(hubNs[i] as number),
  ratio: r2((hubNs[i] as number) / (hubNs[0] as number)),
}));
ZONE_ROWS.forEach((distinct, i) => {
  const value = hubNs[i] as number;
  console.log(`  ${String(distinct).padStart(6)} zones  ${ns(value, 6)} ns/call  ${ratio(value, hubNs[0] as number)}`);
});

const YEAR_ROWS = [1, 2, 5, 10];
const spec = { unit: "day", timeZone: "Europe/London" } as const;
const sheets = YEAR_ROWS.map((years) => {
  const random = rng(1919);
  const events: SheetEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    events.push({
      type: "firstContact",
      at: T0 + Math.floor(random() * years * 365 * DAY),
      program: "Ridge",
      source: "web",
      outcome: "keptOpen",
    });
  }
  const inOrder = [...events].sort((a, b) => (a.at as number) - (b.at as number));
  const times = events.map((e) => e.at as number);
  return [
    { run: (): void => void tallySheet(events, spec), items: EVENTS },
    { run: (): void => void tallySheet(inOrder, spec), items: EVENTS },
    {
      run: (): void => {
        const bucketOf = bucketer(spec);
        for (const t of times) bucketOf(t);
      },
      items: EVENTS,
    },
  ];
});
console.log(
  `Sheet tally by day in Europe/London, ${EVENTS.toLocaleString("en-US")} events, by span (median of ${ROUNDS}, CPU time)`,
);
const sheetNs = rounds(sheets.flat());
const sheetRows = YEAR_ROWS.map((years, i) => {
  const at = (row: number, k: number): number => sheetNs[3 * row + k] as number;
  const [random, inOrder, bucketing] = [0, 1, 2].map((k) => Math.round(at(i, k)));
  return {
    years,
    nsPerEvent: { random, inOrder, bucketing },
    ratio: { random: r2(at(i, 0) / at(0, 0)), inOrder: r2(at(i, 1) / at(0, 1)), bucketing: r2(at(i, 2) / at(0, 2)) },
  };
});
YEAR_ROWS.forEach((years, i) => {
  const [random, inOrder, bucketing] = [0, 1, 2].map((k) => sheetNs[3 * i + k] as number) as [number, number, number];
  const [r0, o0, b0] = [0, 1, 2].map((k) => sheetNs[k] as number) as [number, number, number];
  console.log(
    `  ${String(years).padStart(2)} years  tallySheet ${ns(random, 5)} ns/event ${ratio(random, r0)}` +
      `, in time order ${ns(inOrder, 5)} ${ratio(inOrder, o0)}` +
      `; bucketing alone ${ns(bucketing, 4)} ${ratio(bucketing, b0)}`,
  );
});
bench.finish({
  rounds: ROUNDS,
  zones: { calls: CALLS, names: zones.length, canonical, rows: zoneRows },
  sheet: { events: EVENTS, timeZone: spec.timeZone, rows: sheetRows },
});
