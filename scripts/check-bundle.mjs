// What a consumer's bundler pulls in for a given import: importing only a lifecycle must not load
// zod, and the date-free ones no date-fns either (from its subpath or from the root). Bundles the built ESM with esbuild, as size-limit does, and reads the inputs.
import { readFileSync } from "node:fs";
import * as esbuild from "esbuild";

const cases = [
  {
    entry: "dist/lead-status/index.js",
    imports: "consultation",
    forbidden: ["node_modules/zod/", "node_modules/@date-fns/tz/", "node_modules/date-fns/"],
  },
  {
    entry: "dist/lead-status/index.js",
    imports: "booking",
    forbidden: ["node_modules/zod/", "node_modules/@date-fns/tz/", "node_modules/date-fns/"],
  },
  {
    entry: "dist/client-hub/index.js",
    imports: "clientHub",
    forbidden: ["node_modules/zod/"],
  },
  {
    entry: "dist/client-hub/index.js",
    imports: "reconcile",
    forbidden: ["node_modules/zod/", "node_modules/@date-fns/tz/", "node_modules/date-fns/"],
  },
  {
    entry: "dist/tally/index.js",
    imports: "tallySheet",
    forbidden: ["node_modules/zod/"],
  },
  {
    entry: "dist/tally/index.js",
    imports: "tallyShifts",
    forbidden: ["node_modules/zod/"],
  },
  {
    entry: "dist/call-result/index.js",
    imports: "classify",
    forbidden: ["node_modules/zod/", "node_modules/@date-fns/tz/", "node_modules/date-fns/"],
  },
  {
    entry: "dist/call-result/index.js",
    imports: "callRecord",
    forbidden: ["node_modules/zod/", "node_modules/@date-fns/tz/", "node_modules/date-fns/"],
  },
  {
    entry: "dist/index.js",
    imports: "consultation",
    forbidden: ["node_modules/zod/", "node_modules/@date-fns/tz/", "node_modules/date-fns/"],
  },
  {
    entry: "dist/index.js",
    imports: "clientHub",
    forbidden: ["node_modules/zod/"],
  },
];

/** Bundles as a consumer's bundler would, keeping only the metafile. */
const bundle = (options) =>
  esbuild.build({
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    logLevel: "silent",
    ...options,
  });

let bad = 0;
for (const { entry, imports, forbidden } of cases) {
  const result = await bundle({
    stdin: {
      contents: `import { ${imports} } from "./${entry}"; globalThis.x = ${imports};`,
      resolveDir: process.cwd(),
    },
  });
  // Modules that actually contribute bytes to the bundle (metafile.inputs lists every module parsed).
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  const found = inputs.filter((i) => forbidden.some((f) => i.includes(f)));
  if (found.length > 0) {
    bad++;
    console.error(`✗ import { ${imports} } pulls in ${found.join(", ")}`);
  } else
    console.log(`✓ import { ${imports} } from ${entry}: ${inputs.length} modules, none of ${forbidden.join(", ")}`);
}

// fast-check is an optional peer: only leadrules/testing may load it. Every other entry, whole
// (ESM bundled, and the self-contained CJS file), must not mention it.
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
for (const [subpath, target] of Object.entries(pkg.exports)) {
  if (typeof target === "string" || subpath === "./testing") continue;
  const result = await bundle({ entryPoints: [target.import.default], external: ["fast-check"] });
  const imported = Object.values(result.metafile.outputs).flatMap((o) => o.imports.map((i) => i.path));
  const cjs = readFileSync(target.require.default, "utf8");
  if (imported.includes("fast-check") || cjs.includes("fast-check")) {
    bad++;
    console.error(`✗ ${subpath} pulls in fast-check`);
  } else console.log(`✓ ${subpath} (ESM and CJS) does not load fast-check`);
}
process.exit(bad === 0 ? 0 : 1);
