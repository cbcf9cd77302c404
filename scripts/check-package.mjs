// The package as a user gets it (run by `npm test`, after the build): packs it as npm would
// publish it, installs the tarball into a scratch consumer (dependencies linked from this
// checkout, so no network is needed), then checks, against the installed package only:
// - every subpath imports from an ESM consumer and a CJS consumer;
// - leadrules/testing fails with a plain message without fast-check (an optional peer), and
//   imports and runs with it, in both formats;
// - the declarations read as the public API (one file per entry, public names, no chunks);
// - every relative link in README.md and docs/ points to a file the package ships;
// - every example runs, as ESM and as CommonJS, with the same output; every other module the
//   package ships under examples/ loads from node_modules (an example that needs a development
//   dependency, such as a database, must be left out of "files": see README.md, Develop);
// - the packed package.json has no lifecycle script that would run on an installer's machine.
// `npm run test:consumer` (in .ci/run) does the same from a fresh build with a real `npm install`,
// and on Node 18, Bun, Deno and workerd.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix, resolve } from "node:path";
import {
  checkDeclarations,
  installConsumer,
  pack,
  prepareExamples,
  run,
  runExamples,
  specifiers,
} from "./lib/consumer.mjs";

const dir = mkdtempSync(join(tmpdir(), "leadrules-pack-"));
try {
  const { tarball, files } = pack(dir, { scripts: false });
  if (!files.some((f) => f.startsWith("dist/"))) throw new Error(`${tarball} has no dist/: build first`);
  const consumer = join(dir, "consumer");
  installConsumer(consumer, tarball, { offline: true });
  const installed = join(consumer, "node_modules", "leadrules");

  // 0. No development lifecycle script ships: npm runs preinstall, install, postinstall and
  //    prepare (and the old prepublish) where the package is installed (from git, a tarball or a
  //    folder), but scripts/ is not shipped and installers need no build. prepack and postpack
  //    stay: npm runs them only when packing this checkout (they build dist/ for `npm publish`).
  const shipped = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const INSTALL_TIME = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];
  const lifecycle = INSTALL_TIME.filter((s) => shipped.scripts?.[s] !== undefined);
  if (lifecycle.length > 0)
    throw new Error(`the packed package.json has install-time scripts: ${lifecycle.join(", ")}`);
  for (const field of ["repository", "homepage", "bugs"]) {
    if (shipped[field] === undefined) throw new Error(`the packed package.json has no "${field}"`);
  }
  console.log(
    `✓ the packed package.json: no install-time script (${INSTALL_TIME.join(", ")}); repository, homepage, bugs`,
  );

  // 1. Every subpath, both formats (leadrules/testing without fast-check: see 2).
  const others = specifiers.filter((s) => s !== "leadrules/testing");
  writeFileSync(
    join(consumer, "esm.mjs"),
    `${others.map((s, i) => `import * as m${i} from "${s}";`).join("\n")}\n` +
      `for (const [s, m] of [${others.map((s, i) => `["${s}", m${i}]`).join(", ")}]) {\n` +
      `  if (Object.keys(m).length === 0) throw new Error(s + ": no exports");\n` +
      `  console.log("ESM " + s + ":", Object.keys(m).length, "exports");\n}\n` +
      `const lead = m1.consultation.initial("2026-11-02T09:00:00Z");\n` +
      `if (!lead.ok || !m1.consultation.transition(lead.value, { type: "followUpLogged", at: "2026-11-02T09:00:00Z", actor: "franchisee" }).ok) throw new Error("smoke test failed");\n`,
  );
  writeFileSync(
    join(consumer, "cjs.cjs"),
    `for (const s of ${JSON.stringify(others)}) {\n` +
      `  const m = require(s);\n  if (Object.keys(m).length === 0) throw new Error(s + ": no exports");\n` +
      `  console.log("CJS " + s + ":", Object.keys(m).length, "exports");\n}\n` +
      `const schema = require("leadrules/schemas/call-facts.schema.json");\n` +
      `if (schema.title !== "Call facts") throw new Error("schema JSON not reachable");\n`,
  );
  process.stdout.write(run(consumer, process.execPath, ["esm.mjs"]));
  process.stdout.write(run(consumer, process.execPath, ["cjs.cjs"]));

  // 2. leadrules/testing: the install message without fast-check, a working kit with it.
  for (const [file, code] of [
    ["missing.mjs", `await import("leadrules/testing");`],
    ["missing.cjs", `require("leadrules/testing");`],
  ]) {
    writeFileSync(join(consumer, file), code);
    let message;
    try {
      run(consumer, process.execPath, [file]);
    } catch (error) {
      message = String(error.message);
    }
    if (message === undefined) throw new Error(`${file}: leadrules/testing imported without fast-check installed`);
    if (!message.includes("leadrules/testing needs fast-check")) {
      throw new Error(`${file}: unexpected failure without fast-check:\n${message}`);
    }
  }
  console.log("✓ without fast-check, leadrules/testing (ESM and CJS) fails with the install message");
  symlinkSync(resolve("node_modules", "fast-check"), join(consumer, "node_modules", "fast-check"), "dir");
  const kit = (lead) =>
    `const kit = t.consultationCommands({ maxCommands: 5 });\n` +
    `${lead}t.checkAdapter(kit, (initial) => { let s = initial; return { apply: (e) => { const r = l.consultation.transition(s, e); if (r.ok) s = r.value.state; return r.ok; }, read: () => s }; }, { numRuns: 5 })`;
  writeFileSync(
    join(consumer, "testing.mjs"),
    `import * as t from "leadrules/testing";\nimport * as l from "leadrules/lead-status";\n${kit("await ")};\nconsole.log("ESM leadrules/testing:", Object.keys(t).length, "exports, checkAdapter ran");`,
  );
  writeFileSync(
    join(consumer, "testing.cjs"),
    `const t = require("leadrules/testing");\nconst l = require("leadrules/lead-status");\n${kit("")}.then(() => console.log("CJS leadrules/testing:", Object.keys(t).length, "exports, checkAdapter ran"), (e) => { console.error(e); process.exit(1); });`,
  );
  process.stdout.write(run(consumer, process.execPath, ["testing.mjs"]));
  process.stdout.write(run(consumer, process.execPath, ["testing.cjs"]));

  // 3. Declarations.
  const problems = await checkDeclarations(installed, files);
  if (problems.length > 0) throw new Error(`declarations:\n- ${problems.join("\n- ")}`);
  console.log(`✓ declarations: one .d.ts and one .d.cts per entry, public names only, every runtime export declared`);

  // 4. Every relative link in the shipped Markdown (README, docs/) points into the package, so
  //    the links work from node_modules and on the npm registry's page.
  const broken = [];
  for (const page of files.filter((f) => f.endsWith(".md"))) {
    const text = readFileSync(join(installed, page), "utf8");
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const path = posix.normalize(posix.join(posix.dirname(page), target)).replace(/\/$/, "");
      if (!files.some((f) => f === path || f.startsWith(`${path}/`))) broken.push(`${page} → ${target}`);
    }
  }
  if (broken.length > 0) throw new Error(`links to files the package does not ship:\n- ${broken.join("\n- ")}`);
  console.log("✓ every relative link in README.md and docs/ resolves inside the package");

  // 5. Every example, ESM and CJS, against the installed package.
  prepareExamples(consumer);
  runExamples(consumer);
  const modules = files.filter((f) => /^examples\/.+\/.+\.mjs$/.test(f));
  for (const module of modules) {
    run(consumer, process.execPath, ["--input-type=module", "-e", `await import(${JSON.stringify(`./${module}`)});`]);
  }
  console.log(`✓ every other module under examples/ loads from node_modules: ${modules.join(", ")}`);
  console.log(`✓ ${tarball.split("/").pop()} installs and runs through ${specifiers.join(", ")} in ESM and CJS`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
