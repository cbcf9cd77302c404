// npm runs "prepare" after `npm ci` / `npm install` in this repository (and for git installs):
// build dist/, so the examples and the package's self-references work right after setup.
// `npm pack` and `npm publish` run "prepare" too, right after "prepack", which has just built:
// building twice would only cost time.
import { spawnSync } from "node:child_process";

if (process.env.npm_command === "pack" || process.env.npm_command === "publish") process.exit(0);
const npm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : [process.platform === "win32" ? "npm.cmd" : "npm", []];
const run = spawnSync(npm[0], [...npm[1], "run", "build", "--silent"], { stdio: "inherit" });
process.exit(run.status ?? 1);
