// Every property test's randomness, in one place. `npm test` (and CI, and mutation runs) use one
// seed fixed in this file, so a commit's verdict is the same on every run and every machine: a
// property can only go red because the code changed. `npm run fuzz` explores instead: a fresh seed
// per round (printed first) and ten times the runs; a failure there prints fast-check's seed and
// counterexample, and `FC_SEED=<seed> LEADRULES_FUZZ=1 npx vitest run` replays it (scripts/fuzz.mjs
// prints the seed once per round). A defect found that way gets an example test of its own; the
// fixed seed is not changed to make a run green.
import fc from "fast-check";

/** The seed `npm test` uses. */
export const FIXED_SEED = 20261130;

const fuzz = process.env.LEADRULES_FUZZ === "1";
const given = process.env.FC_SEED;
const seed = given !== undefined && given !== "" ? Number(given) : fuzz ? (Math.random() * 2 ** 31) | 0 : FIXED_SEED;
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${given}`);

/**
 * Property runs for the heaviest properties: `n` normally, ten times `n` under `npm run fuzz`, a
 * tenth under mutation testing (where every covering test runs again for every mutant).
 */
export const runs = (n: number): number =>
  process.env.LEADRULES_MUTATION === "1" ? Math.ceil(n / 10) : fuzz ? n * 10 : n;

/**
 * The cases an exhaustive check walks: all of them normally, every tenth under mutation testing
 * (the same tenth every run), like `runs`.
 */
export const every = <T>(cases: readonly T[]): readonly T[] =>
  process.env.LEADRULES_MUTATION === "1" ? cases.filter((_, i) => i % 10 === 0) : cases;

/**
 * Under mutation testing every covering test runs again for each mutant: a property without a
 * `numRuns` of its own runs 25 cases there instead of fast-check's 100 (`npm test` keeps 100).
 */
const MUTATION_NUM_RUNS = 25;

fc.configureGlobal(
  fuzz
    ? { seed, numRuns: 1000 }
    : process.env.LEADRULES_MUTATION === "1"
      ? { seed, numRuns: MUTATION_NUM_RUNS }
      : { seed },
);
