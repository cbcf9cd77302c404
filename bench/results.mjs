// Where a bench's figures go. Every bench calls `startBench(name, command)` before it measures and
// `finish(figures)` once its results are checked: the figures, the machine (core count, CPU model,
// Node, OS), the date and the load average at start and end are printed, and written to
// bench/results/<name>.json when asked — `--write` on the command line or BENCH_WRITE=1 in the
// environment (`npm run bench -- --write` does both for every bench). scripts/bench-figures.mjs
// renders those files into the docs, between `<!-- bench:… -->` markers; nobody types a figure.
// BENCH_QUICK=1 runs every bench at a small size, to try a change without loading the machine: its
// figures mean nothing, so they are never written.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, release } from "node:os";
import { fileURLToPath } from "node:url";

/** BENCH_QUICK=1: small sizes, figures printed but never written. */
export const quick = process.env.BENCH_QUICK === "1";
const write = process.argv.includes("--write") || process.env.BENCH_WRITE === "1";
const dir = fileURLToPath(new URL("./results/", import.meta.url));

/** The machine a figure was measured on. */
export function machine() {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? "?",
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
  };
}

const describeMachine = (m) => `${m.cores} cores, ${m.cpu}, Node ${m.node}, ${m.os}`;
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const commit = () => {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    // What is measured: src/ (through dist/, built from it), the benches and the examples the
    // postgres bench runs; not bench/results/, which the benches themselves write.
    const measured = ["src", "bench", "examples", "package.json", ":(exclude)bench/results"];
    const dirty = execFileSync("git", ["status", "--porcelain", "--", ...measured], { encoding: "utf8" }).trim();
    return dirty === "" ? head : `${head}+changes`;
  } catch {
    return null;
  }
};

/** Starts a bench: notes the date and the load; `finish` prints them and writes the figures. */
export function startBench(name, ownCommand) {
  // The command as it ran: scripts/bench.mjs (npm run bench) passes its own in BENCH_COMMAND.
  const command = process.env.BENCH_COMMAND ?? ownCommand;
  const date = new Date().toISOString();
  const start = load();
  if (quick) console.log(`${name}: BENCH_QUICK=1, small sizes: these figures are not written`);
  const line = (end) =>
    `machine: ${describeMachine(machine())}; ${date}; ` +
    `load average (1, 5, 15 min) ${start.join(", ")} at start, ${end.join(", ")} at end`;
  return {
    quick,
    /** Prints the machine, date and load line without writing anything (a run whose figures are refused). */
    report() {
      console.log(line(load()));
    },
    finish(figures) {
      const result = {
        bench: name,
        command,
        source: `measured by ${command}`,
        date,
        commit: commit(),
        machine: machine(),
        load: { start, end: load() },
        figures,
      };
      console.log(line(result.load.end));
      if (!write) return;
      if (quick) {
        console.log(`${name}: not written (BENCH_QUICK=1)`);
        return;
      }
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`${name}: written to bench/results/${name}.json`);
    },
  };
}
