// `npm run build`, quietly: tsup's log (a hundred lines per build) is printed only if the build
// fails, so `npm run demo` and `npm run bench` print what they are for.
import { spawnSync } from "node:child_process";

const npm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : [process.platform === "win32" ? "npm.cmd" : "npm", []];
const run = spawnSync(npm[0], [...npm[1], "run", "build", "--silent"], { encoding: "utf8" });
if (run.status !== 0) {
  process.stderr.write(`${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? `\n${run.error}\n` : ""}`);
  console.error("✗ npm run build failed (its output is above)");
  process.exit(run.status ?? 1);
}
