// `npm run release:check`: everything that must hold before `npm publish`, in one command.
// Stops at the first failure and says which check failed.
// - the working tree is clean (what is published is what is committed);
// - CHANGELOG.md has a section for the version in package.json (not only "Unreleased");
// - `npm test` passes (it includes the build, publint --strict, attw --pack, size-limit, the
//   README size table, and the packed-tarball checks);
// - the README's size table is current;
// - `npm publish --dry-run` succeeds and the tarball it would publish holds dist/, LICENSE, docs/.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const checks = [
  [
    "the working tree is clean",
    () => {
      const status = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim();
      if (status !== "") throw new Error(`uncommitted changes:\n${status}`);
    },
  ],
  [
    `CHANGELOG.md has a section for ${pkg.version}`,
    () => {
      const changelog = readFileSync("CHANGELOG.md", "utf8");
      const heading = new RegExp(`^## \\[${pkg.version.replaceAll(".", "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m");
      if (!heading.test(changelog)) {
        throw new Error(`no "## [${pkg.version}] - YYYY-MM-DD" heading: move the Unreleased entries under one`);
      }
    },
  ],
  ["npm test", () => sh("npm", ["test"])],
  ["README size table is current", () => sh(process.execPath, ["scripts/size-table.mjs"])],
  [
    "npm publish --dry-run",
    () => {
      const out = execFileSync("npm", ["publish", "--dry-run", "--json"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      });
      const parsed = JSON.parse(out.slice(out.indexOf("{")));
      const report = parsed[pkg.name] ?? parsed; // npm 11 keys the report by package name
      const files = (report.files ?? []).map((f) => f.path);
      for (const needed of ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "LICENSE", "docs/lead-status.md"]) {
        if (!files.includes(needed)) throw new Error(`the tarball would not contain ${needed}`);
      }
      console.log(`${files.length} files, ${report.size} bytes packed`);
    },
  ],
];

function sh(command, args) {
  const run = spawnSync(command, args, { stdio: "inherit" });
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${run.status}`);
}

for (const [name, check] of checks) {
  console.log(`\n━━ ${name}`);
  try {
    check();
    console.log(`✓ ${name}`);
  } catch (error) {
    console.error(`✗ ${name}: ${error.message}`);
    process.exit(1);
  }
}
console.log(`\n${pkg.name}@${pkg.version} is ready to publish: npm publish`);
