// Packs the package as npm would publish it, installs the tarball into a scratch consumer (its
// dependencies linked from this checkout's node_modules, so no network is needed), and imports
// every subpath from an ESM consumer and a CJS consumer.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const subpaths = Object.keys(pkg.exports).filter((p) => p !== "./package.json");
const dir = mkdtempSync(join(tmpdir(), "leadrules-pack-"));
try {
  const [{ filename }] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { encoding: "utf8" }),
  );
  const target = join(dir, "node_modules", "leadrules");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", join(dir, filename), "-C", target, "--strip-components=1"]);
  for (const dep of Object.keys(pkg.dependencies)) {
    mkdirSync(join(dir, "node_modules", dep, ".."), { recursive: true });
    symlinkSync(resolve("node_modules", dep), join(dir, "node_modules", dep), "dir");
  }
  const specifiers = subpaths.map((p) => (p === "." ? "leadrules" : `leadrules/${p.slice(2)}`));
  const esm = specifiers
    .map(
      (s, i) =>
        `import * as m${i} from "${s}";\nif (Object.keys(m${i}).length === 0) throw new Error("${s}: no exports");\nconsole.log("ESM ${s}:", Object.keys(m${i}).length, "exports");`,
    )
    .join("\n");
  const cjs = specifiers
    .map(
      (s) =>
        `{ const m = require("${s}"); if (Object.keys(m).length === 0) throw new Error("${s}: no exports"); console.log("CJS ${s}:", Object.keys(m).length, "exports"); }`,
    )
    .join("\n");
  const smoke = `\nconst { consultation } = m1;\nconst lead = consultation.initial("2026-11-02T09:00:00Z");\nif (!lead.ok || !consultation.transition(lead.value, { type: "followUpLogged", at: "2026-11-02T09:00:00Z", actor: "franchisee" }).ok) throw new Error("smoke test failed");`;
  writeFileSync(join(dir, "esm.mjs"), esm + smoke);
  writeFileSync(join(dir, "cjs.cjs"), cjs);
  execFileSync(process.execPath, ["esm.mjs"], { cwd: dir, stdio: "inherit" });
  execFileSync(process.execPath, ["cjs.cjs"], { cwd: dir, stdio: "inherit" });
  console.log(`✓ ${filename} imports through ${specifiers.join(", ")} in ESM and CJS`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
