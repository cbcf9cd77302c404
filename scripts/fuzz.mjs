// `npm run fuzz [rounds]`: long random exploration, never part of `npm test` or CI. Each round runs
// the test suite with a fresh fast-check seed and ten times the runs of the heaviest properties
// (test/setup.ts); the seed is printed, and a failure prints fast-check's seed and counterexample.
// Replay one with `FC_SEED=<seed> LEADRULES_FUZZ=1 npx vitest run <file>`. Stops at the first red round.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const rounds = Number(process.argv[2] ?? process.env.FUZZ_ROUNDS ?? 3);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`rounds must be a whole number of at least 1, got ${process.argv[2]}`);
  process.exit(2);
}
for (let round = 1; round <= rounds; round++) {
  const seed = (Math.random() * 2 ** 31) | 0;
  console.log(`\nfuzz round ${round}/${rounds}: FC_SEED=${seed}`);
  const run = spawnSync(
    join("node_modules", ".bin", "vitest"),
    ["run", "--typecheck.enabled=false", "--reporter=dot"],
    { stdio: "inherit", env: { ...process.env, LEADRULES_FUZZ: "1", FC_SEED: String(seed) } },
  );
  if (run.status !== 0) {
    console.log(`\nfuzz round ${round} failed: replay with FC_SEED=${seed} LEADRULES_FUZZ=1 npx vitest run`);
    process.exit(1);
  }
}
console.log(`\nfuzz: ${rounds} round(s) green`);
