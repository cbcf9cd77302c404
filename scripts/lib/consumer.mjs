// What the package checks share: pack the package as npm would publish it, install the tarball
// into a throwaway consumer project, read the tarball's declarations, and run the examples there
// (as ES modules, and converted to CommonJS) against the installed package.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as esbuild from "esbuild";

export const pkg = JSON.parse(readFileSync("package.json", "utf8"));

/** The package's subpath exports as specifiers ("leadrules", "leadrules/lead-status", …). */
export const specifiers = Object.keys(pkg.exports)
  .filter((p) => p !== "./package.json" && !p.includes("*"))
  .map((p) => (p === "." ? "leadrules" : `leadrules/${p.slice(2)}`));

/** An entry's files as package.json "exports" names them, relative to the package root. */
export function entryFiles(specifier) {
  const target = pkg.exports[specifier === "leadrules" ? "." : `./${specifier.slice(10)}`];
  const strip = (path) => path.replace(/^\.\//, "");
  return {
    esm: strip(target.import.default),
    dts: strip(target.import.types),
    dcts: strip(target.require.types),
  };
}

/**
 * Packs the package into `dir` and returns the tarball's path. With `scripts: false` npm's
 * lifecycle scripts are skipped (dist/ was just built); otherwise "prepack" builds it.
 */
export function pack(dir, { scripts }) {
  const args = ["pack", "--json", "--pack-destination", dir];
  if (!scripts) args.push("--ignore-scripts");
  const [{ filename, files }] = JSON.parse(execFileSync("npm", args, { encoding: "utf8" }));
  return { tarball: join(dir, filename), files: files.map((f) => f.path) };
}

/**
 * A consumer project in `dir` with the tarball installed. `offline`: unpack it into
 * node_modules and link its dependencies from this checkout (npm test needs no network);
 * otherwise `npm install` the tarball (and `extra` packages) from the registry, as a user would.
 */
export function installConsumer(dir, tarball, { offline, extra = [] }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true }, null, 2));
  if (offline) {
    const target = join(dir, "node_modules", "leadrules");
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
    for (const dep of [...Object.keys(pkg.dependencies), ...extra]) {
      mkdirSync(join(dir, "node_modules", dep, ".."), { recursive: true });
      symlinkSync(resolve("node_modules", dep), join(dir, "node_modules", dep), "dir");
    }
    return;
  }
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", resolve(tarball), ...extra], {
    cwd: dir,
    stdio: "inherit",
  });
}

/** The version of a package this checkout has installed (to install the same one elsewhere). */
export const installedVersion = (name) =>
  JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8")).version;

/**
 * Checks that every entry's declarations read as the public API: one `.d.ts` and one `.d.cts` per
 * entry and no shared, hash-named chunk; every exported name is the public name (no `x as y`
 * aliases); and every value the entry exports at run time is declared.
 */
export async function checkDeclarations(root, files) {
  const problems = [];
  const declarations = files.filter((f) => /\.d\.c?ts$/.test(f)).sort();
  const expected = specifiers.flatMap((s) => [entryFiles(s).dts, entryFiles(s).dcts]).sort();
  const extra = declarations.filter((f) => !expected.includes(f));
  const missing = expected.filter((f) => !declarations.includes(f));
  if (extra.length > 0) problems.push(`declaration files that are not an entry's: ${extra.join(", ")}`);
  if (missing.length > 0) problems.push(`entries without declarations: ${missing.join(", ")}`);
  for (const specifier of specifiers) {
    const { esm, dts, dcts } = entryFiles(specifier);
    for (const file of [dts, dcts]) {
      if (missing.includes(file)) continue;
      const text = readFileSync(join(root, file), "utf8");
      const imports = [...text.matchAll(/^import .* from ['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      const local = imports.filter((i) => i.startsWith("."));
      if (local.length > 0) problems.push(`${file} imports other files of the package: ${local.join(", ")}`);
      const exported = new Set();
      for (const [, list] of text.matchAll(/^export \{([^}]*)\};?$/gm)) {
        for (const item of list.split(",").map((s) => s.trim().replace(/^type /, ""))) {
          if (item === "") continue;
          const [name, alias] = item.split(/\s+as\s+/);
          if (alias !== undefined && alias !== name) problems.push(`${file} exports ${name} as ${alias}`);
          exported.add(alias ?? name);
        }
      }
      for (const [, name] of text.matchAll(/^export (?:declare )?(?:const|function|interface|type|class) (\w+)/gm)) {
        exported.add(name);
      }
      const runtime = Object.keys(await import(resolve(root, esm)));
      const undeclared = runtime.filter((name) => !exported.has(name));
      if (undeclared.length > 0) problems.push(`${file} does not declare ${undeclared.join(", ")}`);
      if (exported.size === 0) problems.push(`${file} exports nothing`);
    }
  }
  return problems;
}

/** The runnable examples the consumer holds: every top-level .mjs file of its examples/. */
export const exampleFiles = (dir) =>
  readdirSync(join(dir, "examples"))
    .filter((f) => f.endsWith(".mjs"))
    .sort();

/**
 * Copies the examples the package ships (from the installed package, not from this checkout: an
 * example left out of "files" is not there) into the consumer, and writes a CommonJS twin of each
 * (bundled by esbuild with the package, fast-check and Node's built-ins left as `require`s), so
 * the same scenario runs through the package's `require` entry points too.
 */
export function prepareExamples(dir) {
  cpSync(join(dir, "node_modules", "leadrules", "examples"), join(dir, "examples"), { recursive: true });
  mkdirSync(join(dir, "examples-cjs"), { recursive: true });
  for (const file of exampleFiles(dir)) {
    esbuild.buildSync({
      entryPoints: [join(dir, "examples", file)],
      outfile: join(dir, "examples-cjs", file.replace(/\.mjs$/, ".cjs")),
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node18",
      external: ["leadrules", "leadrules/*", "fast-check"],
      logLevel: "error",
    });
  }
}

/** Output with the parts that legitimately differ between runs (ephemeral ports) normalised. */
export const normalise = (text) => text.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT");

/** Runs a command in the consumer and returns its standard output; throws with stderr on failure. */
export function run(dir, command, args, env = {}) {
  try {
    return execFileSync(command, args, {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
  } catch (error) {
    throw new Error(
      `${[command, ...args].join(" ")} failed in ${dir}:\n${error.stdout ?? ""}\n${error.stderr ?? error}`,
    );
  }
}

/**
 * Runs every example in the consumer as an ES module and as CommonJS with the given Node binary;
 * both must succeed and print the same thing. Returns the ESM outputs by example.
 */
export function runExamples(dir, node = process.execPath, env = {}) {
  const outputs = {};
  for (const file of exampleFiles(dir)) {
    const esm = normalise(run(dir, node, [join("examples", file)], env));
    const cjs = normalise(run(dir, node, [join("examples-cjs", file.replace(/\.mjs$/, ".cjs"))], env));
    if (esm !== cjs) {
      throw new Error(`examples/${file} prints differently as CommonJS:\n--- ESM\n${esm}\n--- CJS\n${cjs}`);
    }
    outputs[file] = esm;
    console.log(`✓ examples/${file}: ESM and CJS against the installed package, same output`);
  }
  return outputs;
}
