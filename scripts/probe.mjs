import * as esbuild from "esbuild";

const what = process.argv[2] ?? "{ consultation }";
const r = await esbuild.build({
  stdin: {
    contents: `import ${what} from "./dist/lead-status/index.js"; console.log(${what.replace(/[{}]/g, "")});`,
    resolveDir: process.cwd(),
  },
  bundle: true,
  minify: true,
  write: false,
  metafile: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["module", "main"],
});
const inputs = Object.entries(r.metafile.outputs["<stdout>.js"]?.inputs ?? Object.values(r.metafile.outputs)[0].inputs);
for (const [k, v] of inputs.sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 15))
  console.log(v.bytesInOutput, k);
