// What a host without a bundler loads (run by `npm test`, after the build): Node imports (and
// requires) each entry by its package name, and a module-load hook lists every file it reads.
// - the lifecycle entries (leadrules/lead-status, leadrules/call-result) load no zod and no
//   date-fns or @date-fns/tz at all;
// - no entry but leadrules/parse loads zod;
// - entries that need calendar maths load date-fns and @date-fns/tz function by function, never
//   through their root entries (date-fns' index alone is over 300 modules).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ZOD = /\/node_modules\/zod\//;
const DATE_FNS = /\/node_modules\/(date-fns|@date-fns\/tz)\//;
const ROOTS = /\/node_modules\/(date-fns|@date-fns\/tz)\/index\.c?js$/;
const rules = {
  "leadrules/lead-status": { zod: false, dateFns: false },
  "leadrules/call-result": { zod: false, dateFns: false },
  "leadrules/lead-status/reports": { zod: false, dateFns: true },
  "leadrules/client-hub": { zod: false, dateFns: true },
  "leadrules/tally": { zod: false, dateFns: true },
  leadrules: { zod: false, dateFns: true },
  "leadrules/parse": { zod: true, dateFns: true },
  "leadrules/hubspot": { zod: false, dateFns: true },
  "leadrules/cliniko": { zod: false, dateFns: false },
};

const dir = mkdtempSync(join(tmpdir(), "leadrules-cold-"));
let bad = 0;
try {
  writeFileSync(
    join(dir, "hook.mjs"),
    `export async function load(url, context, next) { process.stderr.write("LOADED " + url + "\\n"); return next(url, context); }\n`,
  );
  writeFileSync(
    join(dir, "register.mjs"),
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hook.mjs")).href)});\n`,
  );
  for (const [specifier, rule] of Object.entries(rules)) {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        pathToFileURL(join(dir, "register.mjs")).href,
        "--input-type=module",
        "-e",
        `await import("${specifier}");`,
      ],
      { encoding: "utf8" },
    );
    if (run.status !== 0) throw new Error(`import("${specifier}") failed:\n${run.stderr}`);
    const esm = run.stderr
      .split("\n")
      .filter((l) => l.startsWith("LOADED "))
      .map((l) => l.slice(7));
    const cjs = JSON.parse(
      execFileSync(
        process.execPath,
        ["-e", `require("${specifier}"); console.log(JSON.stringify(Object.keys(require.cache)))`],
        { encoding: "utf8" },
      ),
    ).map((f) => pathToFileURL(f).href);
    for (const [format, files] of [
      ["import", esm],
      ["require", cjs],
    ]) {
      const zod = files.filter((f) => ZOD.test(f));
      const dateFns = files.filter((f) => DATE_FNS.test(f));
      const roots = files.filter((f) => ROOTS.test(f));
      const problems = [];
      if (!rule.zod && zod.length > 0) problems.push(`loads zod (${zod.length} files)`);
      if (!rule.dateFns && dateFns.length > 0) problems.push(`loads date-fns (${dateFns.length} files)`);
      if (roots.length > 0) problems.push(`loads a root entry: ${roots.join(", ")}`);
      const own = files.filter((f) => !f.includes("/node_modules/") || f.includes("/node_modules/leadrules/")).length;
      const summary = `${files.length} files (${zod.length} zod, ${dateFns.length} date-fns)`;
      if (problems.length > 0) {
        bad++;
        console.error(`✗ ${format} ${specifier}: ${problems.join("; ")} — ${summary}`);
      } else console.log(`✓ ${format} ${specifier}: ${summary}, ${own} of leadrules' own`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(bad === 0 ? 0 : 1);
