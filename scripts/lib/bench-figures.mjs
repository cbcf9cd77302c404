// The Markdown for every `<!-- bench:NAME -->` block of the docs, rendered from the figures the
// benches write (bench/results/<bench>.json, see bench/results.mjs). Each block opens with the
// machine, the date, the load and where the figures come from. A figure in a results file is a
// number, a [low, high] range (several runs), a string (kept verbatim: a transcribed "~56 B") or
// null (not measured): seeded files hold what the docs said before the benches wrote figures.
import { existsSync, readFileSync } from "node:fs";

const int = (x) => Math.round(x).toLocaleString("en-US");
const fixed = (digits) => (x) => x.toFixed(digits);
/** A figure: a number through `f` then `unit`, a range "a–b", a string as is (unit included), null as "—". */
function show(value, f = int, unit = "") {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `${f(value[0])}–${f(value[1])}${unit}`;
  return `${f(value)}${unit}`;
}
/** Nanoseconds as microseconds, two significant digits. */
const us = (ns) => String(Number((ns / 1000).toPrecision(2)));
const ratio = (x) => x.toFixed(2);
const mPerSecond = (x) => (x / 1e6).toFixed(2);
/** A duration in ms: "42 ms", "10.9 s", "131 s". */
const duration = (ms) =>
  ms < 1000 ? `${int(ms)} ms` : ms < 20_000 ? `${(ms / 1000).toFixed(1)} s` : `${int(ms / 1000)} s`;

const NOT_STATED = "not stated";
/** Text from a results file, safe inside the header's `_…_` (a CPU model may hold `_` or `*`). */
const mdEscape = (x) => String(x).replace(/[\\_*`[\]<>]/g, "\\$&");
/** The machine as stated: each of cores, CPU, Node and OS shown, or said to be not stated. */
function describeMachine(m) {
  const known = (k) => m[k] !== NOT_STATED;
  if (!["cores", "cpu", "node", "os"].some(known)) return "a machine not stated (cores, CPU, Node, OS)";
  return [
    known("cores") ? `${mdEscape(m.cores)} cores` : "cores not stated",
    known("cpu") ? mdEscape(m.cpu) : "CPU not stated",
    known("node") ? `Node ${mdEscape(m.node)}` : "Node not stated",
    known("os") ? mdEscape(m.os) : "OS not stated",
  ].join(", ");
}

/**
 * The line every block opens with: machine, date, load, source. A measured file has an ISO date
 * and `os.loadavg()` at start and end; a transcribed one (its `source` says so) has the date of the
 * commits that typed its figures into the docs, and "not stated" for what those did not say.
 */
export function header(result) {
  const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(result.date);
  const date = iso ? `${result.date.slice(0, 10)} ${result.date.slice(11, 16)} UTC` : mdEscape(result.date);
  const load = Array.isArray(result.load.start)
    ? `load average ${result.load.start[0]} at start, ${result.load.end[0]} at end (1 min)`
    : result.load.during === NOT_STATED
      ? "load not stated"
      : `load average ${mdEscape(result.load.during)}`;
  const machine = describeMachine(result.machine);
  const source = mdEscape(result.source);
  if (result.source.startsWith("transcribed")) {
    const at = result.commit ? ` at ${mdEscape(result.commit)}` : "";
    return `_Typed into the docs${at} on ${date} (measured then or earlier, not written by a bench run), on ${machine}; ${load}. Source: ${source}._`;
  }
  const at = result.commit ? ` at ${mdEscape(result.commit)}` : "";
  return `_Measured ${date}${at} on ${machine}; ${load}. Source: ${source}._`;
}

const table = (head, rows) =>
  [`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`]
    .concat(rows.map((r) => `| ${r.join(" | ")} |`))
    .join("\n");
const note = (f) => (f.note ? `\n\n${f.note}` : "");

const renderers = {
  workload(f) {
    const rows = f.series.map((s) => {
      const met = s.runs.filter((x) => x >= 1).length;
      return [
        s.label,
        s.runs.map(ratio).join(", "),
        show([Math.min(...s.rounds), Math.max(...s.rounds)], ratio),
        `${met} of ${s.runs.length}`,
      ];
    });
    const parts = [
      table(["", "leadrules ÷ robot3, best of each run's rounds", "single rounds", "runs ≥ 1.0 (the goal)"], rows),
    ];
    if (f.itemsPerSecond) {
      const r = f.itemsPerSecond;
      parts.push(
        `${int(f.items)} items over ${int(f.leads)} leads, ${f.changedPercent} % changing a state: leadrules ${mPerSecond(r.leadrules)} M items/s, ` +
          `robot3 ${mPerSecond(r.robot3)} M/s, the hand-written switch (ISO) ${mPerSecond(r.switchIso)} M/s (leadrules ÷ switch ${ratio(f.switchIsoRatio)}).`,
      );
    }
    return parts.join("\n\n") + note(f);
  },
  "cold-import"(f) {
    // Earlier figures kept beside the latest (history files): one more column each.
    const earlier = f.earlier ?? [];
    const before = (specifier) =>
      earlier.map((x) => show(x.entries.find((e) => e.specifier === specifier)?.addedMs, fixed(1), " ms"));
    const blank = earlier.map(() => "");
    const rows = [];
    if (f.emptyImportMs !== null && f.emptyImportMs !== undefined)
      rows.push(["an empty module (the baseline)", show(f.emptyImportMs, fixed(1), " ms"), "", ...blank]);
    for (const e of f.entries) {
      rows.push([
        `\`import("${e.specifier}")\``,
        show(e.addedMs, (x) => `${x < 0 ? "−" : "+"}${Math.abs(x).toFixed(1)}`, " ms"),
        e.targetMs === null || e.targetMs === undefined ? "" : `≤ +${e.targetMs} ms`,
        ...before(e.specifier),
      ]);
    }
    for (const x of earlier) {
      for (const e of x.entries) {
        if (f.entries.some((y) => y.specifier === e.specifier)) continue;
        rows.push([`\`import("${e.specifier}")\``, "—", "", ...before(e.specifier)]);
      }
    }
    if (f.inProcess.targetMs !== undefined) {
      rows.push([
        'in-process `require("leadrules/lead-status")`',
        show(f.inProcess.require, fixed(1), " ms"),
        `≤ ${f.inProcess.targetMs} ms`,
        ...blank,
      ]);
      rows.push([
        'in-process `import("leadrules/lead-status")`',
        show(f.inProcess.import, fixed(1), " ms"),
        `≤ ${f.inProcess.targetMs} ms`,
        ...blank,
      ]);
      if (f.inProcess.emptyRequire !== undefined) {
        rows.push([
          "in-process `require` / `import` of an empty module (Node's own part of the two above)",
          `${show(f.inProcess.emptyRequire, fixed(1), " ms")} / ${show(f.inProcess.emptyImport, fixed(1), " ms")}`,
          "",
          ...blank,
        ]);
      }
    }
    const head = [`Node without a bundler, median of ${f.runs} processes`, "added to a cold start", "goal"];
    return table(head.concat(earlier.map((x) => x.label)), rows) + note(f);
  },
  guard(f) {
    const rows = f.rows.map((r) => [
      r.name,
      show(r.checkedNs, us, " µs"),
      show(r.uncheckedNs, us, " µs"),
      show(r.extraNs, us, " µs"),
    ]);
    return table(["per call", "checked", "unchecked", "the check adds"], rows) + note(f);
  },
  "calendar-zones"(f) {
    const z = f.zones;
    const rows = z.rows.map((r) => [show(r.distinct), show(r.nsPerCall, int, " ns"), show(r.ratio, ratio, "×")]);
    return (
      `Client Hub \`advance\`, ${show(z.calls)} calls per row; ${show(z.names)} zone names and their letter cases, naming ${show(z.canonical)} zones; median of ${f.rounds} rounds, CPU time.\n\n` +
      table(["distinct zone spellings", "per call", "× one zone"], rows) +
      note(z)
    );
  },
  "calendar-sheet"(f) {
    const s = f.sheet;
    const cell = (r, k) =>
      r.nsPerEvent[k] === null
        ? show(r.ratio[k], ratio, "×")
        : `${show(r.nsPerEvent[k], int, " ns")}, ${show(r.ratio[k], ratio, "×")}`;
    const rows = s.rows.map((r) => [
      `${r.years} year${r.years === 1 ? "" : "s"}`,
      cell(r, "random"),
      cell(r, "inOrder"),
      cell(r, "bucketing"),
    ]);
    return (
      `\`tallySheet\` by day in ${s.timeZone}, ${show(s.events)} events, per event and × the 1-year row; median of ${f.rounds} rounds, CPU time.\n\n` +
      table(["span", "random order", "time order", "bucketing alone"], rows) +
      note(s)
    );
  },
  tally(f) {
    const rows = [];
    const rate = (x) => show(x, mPerSecond, " M events/s");
    if (f.sheet) {
      const s = f.sheet;
      rows.push([
        `\`tallySheet\`, ${show(s.events)} events across ${s.programs} programs, no lead ids`,
        rate(s.eventsPerSecond.leadrules),
        rate(s.eventsPerSecond.handWritten),
        s.ratio ? `${show(s.ratio.value, ratio)} (goal ≥ ${s.ratio.target})` : "—",
      ]);
      rows.push(["the same, by day in America/New_York", rate(s.eventsPerSecond.leadrulesByDay), "", ""]);
    }
    if (f.dedup) {
      const d = f.dedup;
      rows.push([
        `deduplication, ${show(d.leads)} distinct leads${d.contacts ? ` in ${int(d.contacts)} contacts` : ""}`,
        rate(d.eventsPerSecond?.leadrules),
        rate(d.eventsPerSecond?.handWritten),
        show(d.ratio, ratio),
      ]);
      rows.push([
        "heap retained per distinct lead, its id included",
        show(d.heapBytesPerLead.value, int, " B"),
        "",
        `goal ≤ ${d.heapBytesPerLead.target} B`,
      ]);
    }
    if (f.mergeTwo)
      rows.push([
        `\`mergeSheets\` of two ${int(f.mergeTwo.programs)}-program tallies`,
        show(f.mergeTwo.microsecondsPerMerge, int, " µs"),
        "",
        "",
      ]);
    if (f.mergeStored) {
      const m = f.mergeStored;
      rows.push([
        `\`mergeSheets\` of ${int(m.tallies)} stored tallies in one call`,
        show(m.oneCallMs, int, " ms"),
        "",
        `goal < ${int(m.targetMs)} ms`,
      ]);
      rows.push(["the same tallies folded two by two", show(m.foldedMs, int, " ms"), "", ""]);
    }
    for (const a of f.addToSheet ?? []) {
      rows.push([
        `\`addToSheet\`, ${int(a.events)} event${a.events === 1 ? "" : "s"} one by one, per add`,
        show(a.microsecondsPerAdd, fixed(2), " µs"),
        "",
        `\`tallySheet\` of them ${show(a.tallySheetMs, fixed(1), " ms")}`,
      ]);
    }
    // A transcribed file holds some of these figures only: rows without one are left out.
    const measured = rows.filter((r) => r[1] !== "—");
    return table(["", "leadrules", "hand-written loop", "ratio or goal"], measured) + note(f);
  },
  postgres(f) {
    const head = [""].concat(
      f.runs.map(
        (r) =>
          `${r.label}, ${int(r.records)} records${r.when ? `, ${r.when}` : ""}${r.load ? ` (load ${r.load})` : ""}`,
      ),
    );
    const backlog = (r, n) => {
      const b = r.backlog.find((x) => x.workers === n);
      if (b === undefined) return "—";
      const latency =
        b.p50Ms === null || b.p50Ms === undefined
          ? ""
          : `; due → done p50 ${duration(b.p50Ms)}, p99 ${duration(b.p99Ms)}`;
      return `${int(b.recordsPerSecond)}/s${latency}`;
    };
    const paced = (r) =>
      r.paced ? (r.paced.text ?? `p50 ${duration(r.paced.p50Ms)}, p99 ${duration(r.paced.p99Ms)}`) : "—";
    const hook = (h) =>
      h
        ? `${int(h.perSecond)}/s${h.retries === null || h.retries === undefined ? "" : ` (${h.retries} version-check retries)`}`
        : "—";
    const rows = [
      ["backlog, 1 worker", ...f.runs.map((r) => backlog(r, 1))],
      ["backlog, 2 workers", ...f.runs.map((r) => backlog(r, 2))],
      ["backlog, 4 workers", ...f.runs.map((r) => backlog(r, 4))],
      ["100 due per second, 4 workers: due → done", ...f.runs.map(paced)],
      ["webhook writes, alone", ...f.runs.map((r) => hook(r.webhooks?.alone))],
      ["webhook writes, workers running", ...f.runs.map((r) => hook(r.webhooks?.working))],
    ];
    return table(head, rows) + note(f);
  },
  "lead-status"(f) {
    const e = f.eventsPerSecond;
    const rows = [
      ["leadrules", mPerSecond(e.leadrules), ""],
      [
        "hand-written switch, ISO strings",
        mPerSecond(e.switchIso),
        `${ratio(f.ratios.switchIso.value)} (goal ≥ ${f.ratios.switchIso.target})`,
      ],
      [
        "hand-written switch, epoch ms",
        mPerSecond(e.switchMs),
        `${ratio(f.ratios.switchMs.value)} (goal ≥ ${f.ratios.switchMs.target})`,
      ],
      ["robot3", mPerSecond(e.robot3), `${ratio(f.ratios.robot3.value)} (goal ≥ ${f.ratios.robot3.target})`],
      ["XState 5 `transition()`", mPerSecond(e.xstate), ratio(f.ratios.xstate.value)],
    ];
    return `Consultation lifecycle, ${int(f.events)} events over ${int(f.leads)} leads.\n\n${table(["", "M events/s", "leadrules ÷ it"], rows)}`;
  },
  "call-result"(f) {
    const c = f.callsPerSecond;
    const rows = [
      ["leadrules `classify`", mPerSecond(c.classify), `${ratio(f.ratio.value)} (goal ≥ ${f.ratio.target})`],
      ["hand-written if/else classifier", mPerSecond(c.handWritten), ""],
      ["leadrules `validate`", mPerSecond(c.validate), ""],
    ];
    return `${int(f.calls)} seeded calls.\n\n${table(["", "M calls/s", "classify ÷ hand-written"], rows)}`;
  },
  "client-hub"(f) {
    const rows = f.zones.map((z) => [
      z.zone,
      int(z.recordsPerSecond),
      int(z.floorRecordsPerSecond),
      `${ratio(z.ratio)}× (goal ≤ ${f.target}×)`,
    ]);
    return `Client Hub \`advance\`, ${int(f.records)} records jumped 0–60 days.\n\n${table(["zone", "leadrules, records/s", "hand-written floor, records/s", "leadrules time ÷ floor"], rows)}`;
  },
  "tally-threads"(f) {
    const t = f.threaded;
    const s = f.single;
    const rows = [
      [
        `${t.threads} worker threads, ${t.ranges} ranges, one \`mergeSheets\``,
        `${t.seconds} s`,
        `${t.cpuSeconds} s`,
        `${int(t.eventsPerSecond)}/s`,
        `${int(t.peakRssMB)} MB`,
      ],
      [
        "one thread, one `tallySheet` (building the array included)",
        `${s.seconds} s`,
        `${s.cpuSeconds} s`,
        `${int(s.eventsPerSecond)}/s`,
        `${int(s.peakRssMB)} MB`,
      ],
    ];
    return `${int(f.events)} first-contact events, ${int(f.leads)} lead ids, by day; speed-up ${ratio(f.speedUp)}×.\n\n${table(["", "wall", "CPU", "events/s", "peak RSS"], rows)}`;
  },
};

/** The blocks the docs may hold: block name → the results file it renders. */
export const blocks = {
  workload: "workload",
  "cold-import": "cold-import",
  guard: "guard",
  "calendar-zones": "calendar",
  "calendar-sheet": "calendar",
  tally: "tally",
  postgres: "postgres",
  "lead-status": "lead-status",
  "call-result": "call-result",
  "client-hub": "client-hub",
  "tally-threads": "tally-threads",
};

const REQUIRED = ["bench", "command", "source", "date", "machine", "load", "figures"];

/** Reads bench/results/<name>.json, or undefined when the bench has not written it yet. */
export function readResult(name) {
  const file = `bench/results/${name}.json`;
  if (!existsSync(file)) return undefined;
  const result = JSON.parse(readFileSync(file, "utf8"));
  const missing = REQUIRED.filter((k) => result[k] === undefined);
  if (missing.length > 0) throw new Error(`${file}: no ${missing.join(", ")}`);
  for (const k of ["cores", "cpu", "node", "os"]) {
    if (result.machine[k] === undefined) throw new Error(`${file}: no machine.${k}`);
  }
  if (!Array.isArray(result.load.start) && typeof result.load.during !== "string") {
    throw new Error(`${file}: load needs start and end (os.loadavg()) or, transcribed, "during"`);
  }
  return result;
}

/**
 * Comparisons the prose relies on, kept in transcribed files of their own that no bench writes
 * (a bench writes only bench/results/<its name>.json): block name → those files, and how their
 * figures join the live results' in the block. A rerun replaces the live file and keeps these.
 */
export const history = {
  workload: ["workload-f380706"],
  postgres: ["postgres-sweep-a5001e0"],
  "cold-import": ["cold-import-0b1081c"],
};
const joinNotes = (a, b) => [a.note, b.note].filter(Boolean).join(" ") || undefined;
const merges = {
  "cold-import": (live, old) => ({
    runs: old.runs,
    inProcess: {},
    entries: [],
    ...live,
    earlier: [...(live.earlier ?? []), { label: old.label, entries: old.entries }],
    note: joinNotes(old, live),
  }),
  workload: (live, old) => ({
    ...old,
    ...live,
    series: [...old.series, ...(live.series ?? [])],
    note: joinNotes(old, live),
  }),
  postgres: (live, old) => ({ ...old, ...live, runs: [...old.runs, ...(live.runs ?? [])], note: joinNotes(old, live) }),
};

/** The body of block `name`: the header line (and one per historical file), then the figures. */
export function renderBlock(name) {
  const bench = blocks[name];
  if (bench === undefined) throw new Error(`no bench block named "${name}" (${Object.keys(blocks).join(", ")})`);
  const result = readResult(bench);
  const notMeasured = `_Not measured yet: \`npm run bench -- --write ${bench}\` writes bench/results/${bench}.json._`;
  const kept = (history[name] ?? []).map((file) => {
    const old = readResult(file);
    if (old === undefined) throw new Error(`bench/results/${file}.json (history of ${name}) is missing`);
    return old;
  });
  if (result === undefined && kept.length === 0) return notMeasured;
  let figures = result?.figures ?? {};
  for (const old of kept) figures = merges[name](figures, old.figures);
  const heads = [result === undefined ? notMeasured : header(result)].concat(
    kept.map((old) => `Kept beside it: ${header(old)}`),
  );
  return `${heads.join("\n\n")}\n\n${renderers[name](figures)}`;
}

// A machine figure typed in prose. Rates: "14 M events/s", "636/s", "2 k rows/s", "9,555 records
// per second". Times the machine decides: µs and ns (both spellings of µ), and durations only in
// the forms a measurement takes — "+11 ms" (added to a start), "p50 42 ms", "p99 1.2 s", "about 50
// ms", "~3 s" — because a bare "30 s" or "48 hours" is a timeout, a delay or a rule, never a bench
// figure (docs/integrations.md's timeouts table has five). Ratios: "1.4×". A rate, ratio or time
// that follows "goal", "target", "within", "due", "≤" or "≥" is a goal or an input (the paced run
// "at 100 per second"), not a measurement, and is let through.
/** A rendered block, markers included. */
export const BLOCK = /<!-- bench:([a-z-]+) -->\n[\s\S]*?\n?<!-- \/bench:\1 -->/g;
const NUMBER = String.raw`\d[\d.,]*(?:[–-]\d[\d.,]*)?`;
const TYPED = [
  new RegExp(String.raw`${NUMBER}\s?(?:[kKM]\s?)?[A-Za-z]*\/s\b`, "g"),
  new RegExp(String.raw`${NUMBER}\s?(?:[kKM]\s)?(?:[a-z]+\s)?(?:per|a) second\b`, "g"),
  new RegExp(String.raw`${NUMBER}\s?(?:µs|μs|ns)\b`, "g"),
  new RegExp(String.raw`[+−]\s?${NUMBER}\s?(?:ms|s)\b`, "g"),
  new RegExp(String.raw`\bp(?:50|90|95|99|999)\s(?:of\s)?~?${NUMBER}\s?(?:ms|s)\b`, "g"),
  new RegExp(String.raw`(?:~|\babout\s)${NUMBER}\s?(?:ms|s)\b`, "g"),
  new RegExp(String.raw`${NUMBER}\s?×`, "g"),
];
const NOT_MEASURED = /(?:\bgoals?\b|\btargets?\b|\bwithin\b|\bdue\b|[≤≥])[^.;:|]*$/;
const FENCE = /^\s*(```|~~~)/;
const BLANK = (s) => s.replace(/[^\n]/g, " ");

/**
 * Every typed machine figure in `text` outside the blocks, fenced code, inline code and comments:
 * its line in `text` (1-based) and the line. Soft-wrapped lines are joined per paragraph first, so
 * "14 M\nevents/s" is caught; positions are mapped back to the original lines.
 */
export function typedFigures(text) {
  const lines = text
    .replace(BLOCK, BLANK)
    .replace(/<!--[\s\S]*?-->/g, BLANK)
    .split("\n");
  const original = text.split("\n");
  const found = [];
  let fence = null;
  let para = [];
  const flush = () => {
    if (para.length === 0) return;
    // Joined with one space where the newline was: an offset in `prose` is one in the paragraph.
    const prose = para
      .map((i) => lines[i])
      .join(" ")
      .replace(/`[^`\n]*`/g, BLANK);
    const seen = new Set();
    for (const re of TYPED) {
      for (const m of prose.matchAll(re)) {
        if (NOT_MEASURED.test(prose.slice(Math.max(0, m.index - 40), m.index))) continue;
        let at = m.index;
        let k = 0;
        while (k < para.length - 1 && at > lines[para[k]].length) {
          at -= lines[para[k]].length + 1;
          k++;
        }
        if (seen.has(para[k])) continue;
        seen.add(para[k]);
        found.push({ line: para[k] + 1, text: original[para[k]].trim(), figure: m[0] });
      }
    }
    para = [];
  };
  lines.forEach((line, i) => {
    const f = FENCE.exec(line);
    if (f) {
      flush();
      if (fence === null) fence = f[1];
      else if (f[1] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    if (line.trim() === "") flush();
    else para.push(i);
  });
  flush();
  return found.sort((a, b) => a.line - b.line);
}
