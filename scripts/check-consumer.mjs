// `npm run test:consumer` (run by .ci/run after `npm test`): the package as a user installs it,
// on every runtime it claims. Needs the npm registry, and Debian's archive plus root for Node 18.
// 1. Deletes dist/ and packs: "prepack" must build, or the tarball has no dist/ and all fails.
// 2. `npm install`s the tarball (and fast-check) from the registry into a throwaway consumer.
// 3. Node 20: the declarations, and every example as ESM and as CommonJS, same output.
// 4. Node 18 (Debian's package, unpacked beside the system Node): every example, ESM and CJS.
// 5. A smoke scenario through every module on Node 20, Node 18, Bun and Deno: identical output.
// 6. workerd serving the HTTP example bundled with esbuild, and Node serving it with node:http:
//    the same requests get the same answers.
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as esbuild from "esbuild";
import {
  checkDeclarations,
  installConsumer,
  installedVersion,
  pack,
  prepareExamples,
  run,
  runExamples,
} from "./lib/consumer.mjs";

// Runtimes, pinned. Bun, Deno and workerd come from npm (their packages ship the binaries);
// Node 18 from Debian bookworm (nodejs + libnode108, plus the libraries it links and the JS
// built-ins Debian keeps outside the binary, under /usr/share/nodejs).
const RUNTIMES = { bun: "1.4.5", deno: "2.9.6", workerd: "1.20261117.1" };
const NODE18_DEBS = ["nodejs", "libnode108", "libc-ares2", "node-acorn", "node-cjs-module-lexer", "node-undici"];
const cache = resolve("node_modules", ".cache", "leadrules-runtimes");

const step = (title) => console.log(`\n━━ ${title}`);
const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), "leadrules-consumer-"));
const children = [];
try {
  step("pack from a clean build (prepack)");
  rmSync("dist", { recursive: true, force: true });
  const { tarball, files } = pack(dir, { scripts: true });
  if (!files.some((f) => f.startsWith("dist/"))) throw new Error("prepack did not build: the tarball has no dist/");
  console.log(`✓ ${tarball.split("/").pop()}: ${files.length} files, dist/ built by prepack`);

  step("npm install the tarball into a consumer");
  const consumer = join(dir, "consumer");
  installConsumer(consumer, tarball, { offline: false, extra: [`fast-check@${installedVersion("fast-check")}`] });

  step("Node 20: declarations, every example (ESM and CJS)");
  const problems = await checkDeclarations(join(consumer, "node_modules", "leadrules"), files);
  if (problems.length > 0) throw new Error(`declarations:\n- ${problems.join("\n- ")}`);
  console.log("✓ declarations read as the public API");
  prepareExamples(consumer);
  const node20 = runExamples(consumer);

  step("Node 18 (Debian bookworm)");
  const node18 = installNode18();
  const node18Env = { LD_LIBRARY_PATH: node18.lib };
  console.log(`✓ ${run(consumer, node18.bin, ["--version"], node18Env).trim()}`);
  const node18Outputs = runExamples(consumer, node18.bin, node18Env);
  for (const [file, output] of Object.entries(node18Outputs)) {
    if (output !== node20[file]) throw new Error(`examples/${file} prints differently on Node 18`);
  }
  console.log("✓ every example prints the same on Node 18 as on Node 20");

  step("Bun, Deno: the smoke scenario");
  const tools = installTools();
  copyFileSync("scripts/lib/smoke.mjs", join(consumer, "smoke.mjs"));
  const expected = run(consumer, process.execPath, ["smoke.mjs"]);
  const answers = {
    "Node 18": run(consumer, node18.bin, ["smoke.mjs"], node18Env),
    Bun: run(consumer, join(tools, "node_modules", ".bin", "bun"), ["smoke.mjs"]),
    Deno: run(
      consumer,
      join(tools, "node_modules", ".bin", "deno"),
      ["run", "--allow-read", "--allow-env", "smoke.mjs"],
      {
        DENO_NO_UPDATE_CHECK: "1",
      },
    ),
  };
  for (const [name, answer] of Object.entries(answers)) {
    if (answer !== expected) throw new Error(`${name} answers the smoke scenario differently from Node 20:\n${answer}`);
    console.log(`✓ ${name}: the smoke scenario answers exactly as on Node 20 (${expected.length} bytes of JSON)`);
  }

  step("workerd: the HTTP example bundled with esbuild");
  await compareWorkerd(consumer, join(tools, "node_modules", ".bin", "workerd"));
  console.log(`\n✓ consumer checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}

function installTools() {
  const tools = join(cache, "tools");
  const wanted = Object.entries(RUNTIMES).map(([name, version]) => `${name}@${version}`);
  const stamp = join(tools, `${wanted.join(",")}.stamp`);
  if (!existsSync(stamp)) {
    rmSync(tools, { recursive: true, force: true });
    mkdirSync(tools, { recursive: true });
    writeFileSync(join(tools, "package.json"), '{ "private": true }\n');
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...wanted], {
      cwd: tools,
      stdio: "inherit",
    });
    writeFileSync(stamp, "");
  }
  return tools;
}

function installNode18() {
  const root = join(cache, "node18");
  const bin = join(root, "usr", "bin", "node");
  const lib = join(root, "usr", "lib", "x86_64-linux-gnu");
  // Debian's node loads some of its JavaScript built-ins from these absolute paths.
  const builtins = ["/usr/share/nodejs/acorn", "/usr/share/nodejs/cjs-module-lexer", "/usr/share/nodejs/undici"];
  if (!existsSync(bin) || !builtins.every((p) => existsSync(p))) {
    if (process.getuid?.() !== 0)
      throw new Error("Node 18 from Debian's archive needs root (apt-get, /usr/share/nodejs)");
    const debs = join(cache, "debs");
    rmSync(debs, { recursive: true, force: true });
    mkdirSync(debs, { recursive: true });
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    // The system's nodejs is NodeSource's 20: ask for the newest 18.x Debian's archive has.
    const versions = execFileSync("apt-cache", ["madison", "nodejs"], { encoding: "utf8" })
      .split("\n")
      .map((line) => line.split("|")[1]?.trim())
      .filter((v) => v?.startsWith("18."));
    if (versions.length === 0) throw new Error("Debian's archive offers no nodejs 18.x");
    const pinned = NODE18_DEBS.map((name) =>
      name === "nodejs" || name === "libnode108" ? `${name}=${versions[0]}` : name,
    );
    execFileSync("apt-get", ["download", "-qq", ...pinned], { cwd: debs, stdio: "inherit" });
    for (const name of NODE18_DEBS) {
      const file = execFileSync("sh", ["-c", `ls ${name}_*.deb`], { cwd: debs, encoding: "utf8" }).trim();
      // Libraries and the binary go beside the system Node, in the cache; the built-ins where the
      // binary looks for them. Nothing of the system Node is replaced.
      const into = name.startsWith("node-") ? "/" : root;
      execFileSync("dpkg", ["-x", join(debs, file), into]);
    }
  }
  return { bin, lib };
}

/** A port free now (the OS picks it), for servers that cannot report an ephemeral one. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitFor(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`workerd exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nothing answered at ${url}`);
}

async function compareWorkerd(consumer, workerd) {
  const campaign = { id: "it-msp", qualifyingRange: { min: 10, max: 50, unit: "computers" } };
  writeFileSync(
    join(consumer, "worker.mjs"),
    `import { createHandler } from "./examples/http/handler.mjs";\n` +
      `const handle = createHandler(${JSON.stringify(campaign)});\n` +
      `export default { fetch: (request) => handle(request) };\n`,
  );
  await esbuild.build({
    entryPoints: [join(consumer, "worker.mjs")],
    outfile: join(consumer, "worker.js"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser", "import"],
    mainFields: ["module", "main"],
    minify: true,
    logLevel: "error",
  });
  const port = await freePort();
  writeFileSync(
    join(consumer, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";\n` +
      `const config :Workerd.Config = (\n` +
      `  services = [(name = "main", worker = .worker)],\n` +
      `  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],\n);\n` +
      `const worker :Workerd.Worker = (\n` +
      `  modules = [(name = "worker", esModule = embed "worker.js")],\n` +
      `  compatibilityDate = "2025-01-01",\n);\n`,
  );
  const child = spawn(workerd, ["serve", "config.capnp"], { cwd: consumer, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  const workerUrl = `http://127.0.0.1:${port}`;
  await waitFor(workerUrl, child);

  const { createHandler } = await import(join(consumer, "examples", "http", "handler.mjs"));
  const { serve } = await import(join(consumer, "examples", "http", "node-server.mjs"));
  const node = await serve(createHandler(campaign));
  try {
    const requests = [
      [
        "/calls",
        {
          at: "2026-11-23T09:00:00+11:00",
          facts: {
            reached: "decisionMaker",
            pitched: true,
            said: "emailAndCallBack",
            callBackAt: "2026-11-30T09:00:00+11:00",
          },
          agent: "ann",
          shift: "2026-11-23 am",
        },
      ],
      [
        "/calls",
        { at: "2026-11-23T09:05:00Z", facts: { reached: "reception", said: "screenedOut" }, agent: "bo", shift: "am" },
      ],
      ["/calls", { at: "monday", facts: { reached: "everyone" }, agent: 7 }],
      ["/calls", "{ not json"],
      ["/calls", { padding: "x".repeat(100_000) }],
      ["/consultation", { event: { type: "followUpLogged", at: "2026-11-23T10:00:00Z", actor: "franchisee" } }],
      ["/client-hub", { record: null, event: {} }],
      ["/nowhere", {}],
    ];
    for (const [path, body] of requests) {
      const send = async (base) => {
        const response = await fetch(`${base}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: typeof body === "string" ? body : JSON.stringify(body),
        });
        return `${response.status} ${await response.text()}`;
      };
      const [fromNode, fromWorkerd] = [await send(node.url), await send(workerUrl)];
      if (fromNode !== fromWorkerd) {
        throw new Error(`POST ${path}: Node and workerd differ\n  node:    ${fromNode}\n  workerd: ${fromWorkerd}`);
      }
      console.log(`✓ POST ${path}: workerd answers as Node does (${fromNode.slice(0, 3)})`);
    }
    const get = await fetch(`${workerUrl}/calls`);
    if (get.status !== 405) throw new Error(`GET /calls on workerd: ${get.status}, expected 405`);
    console.log("✓ GET /calls on workerd: 405");
  } finally {
    await node.close();
  }
}
