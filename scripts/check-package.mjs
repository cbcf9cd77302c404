// Packs the package as npm would publish it, installs the tarball into a scratch consumer (its
// dependencies linked from this checkout's node_modules, so no network is needed), and imports
// every subpath from an ESM consumer and a CJS consumer. leadrules/testing needs fast-check (an
// optional peer): first it must fail with a plain message while fast-check is missing, then import
// and run once fast-check is installed.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const subpaths = Object.keys(pkg.exports).filter((p) => p !== "./package.json" && !p.includes("*"));
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
  const withoutTesting = (code) =>
    code
      .split("\n")
      .filter(
        (line) =>
          !line.includes('"leadrules/testing"') && !line.includes(`m${specifiers.indexOf("leadrules/testing")}`),
      )
      .join("\n");
  const schemaJson = `\nconst schema = require("leadrules/schemas/call-facts.schema.json"); if (schema.title !== "Call facts") throw new Error("schema JSON not reachable");`;

  // 1. fast-check missing: every other entry imports; leadrules/testing says what to install.
  writeFileSync(join(dir, "esm.mjs"), withoutTesting(esm) + smoke);
  writeFileSync(join(dir, "cjs.cjs"), withoutTesting(cjs) + schemaJson);
  execFileSync(process.execPath, ["esm.mjs"], { cwd: dir, stdio: "inherit" });
  execFileSync(process.execPath, ["cjs.cjs"], { cwd: dir, stdio: "inherit" });
  const expectMissing = (file, code) => {
    writeFileSync(join(dir, file), code);
    try {
      execFileSync(process.execPath, [file], { cwd: dir, stdio: "pipe", encoding: "utf8" });
    } catch (error) {
      if (String(error.stderr).includes("leadrules/testing needs fast-check")) return;
      throw new Error(`${file}: unexpected failure without fast-check:\n${error.stderr}`);
    }
    throw new Error(`${file}: leadrules/testing imported without fast-check installed`);
  };
  expectMissing("missing.mjs", `await import("leadrules/testing");`);
  expectMissing("missing.cjs", `require("leadrules/testing");`);
  console.log("✓ without fast-check, leadrules/testing (ESM and CJS) fails with the install message");

  // 2. fast-check installed: leadrules/testing imports and checks an adapter in both formats.
  symlinkSync(resolve("node_modules", "fast-check"), join(dir, "node_modules", "fast-check"), "dir");
  const run = (lead) =>
    `const kit = t.consultationCommands({ maxCommands: 5 });\n` +
    `${lead}t.checkAdapter(kit, (initial) => { let s = initial; return { apply: (e) => { const r = l.consultation.transition(s, e); if (r.ok) s = r.value.state; return r.ok; }, read: () => s }; }, { numRuns: 5 })`;
  writeFileSync(
    join(dir, "testing.mjs"),
    `import * as t from "leadrules/testing";\nimport * as l from "leadrules/lead-status";\n${run("await ")};\nconsole.log("ESM leadrules/testing:", Object.keys(t).length, "exports, checkAdapter ran");`,
  );
  writeFileSync(
    join(dir, "testing.cjs"),
    `const t = require("leadrules/testing");\nconst l = require("leadrules/lead-status");\n${run("")}.then(() => console.log("CJS leadrules/testing:", Object.keys(t).length, "exports, checkAdapter ran"), (e) => { console.error(e); process.exit(1); });`,
  );
  execFileSync(process.execPath, ["testing.mjs"], { cwd: dir, stdio: "inherit" });
  execFileSync(process.execPath, ["testing.cjs"], { cwd: dir, stdio: "inherit" });
  console.log(`✓ ${filename} imports through ${specifiers.join(", ")} in ESM and CJS`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
