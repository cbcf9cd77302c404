// The modules Stryker mutates (stryker.config.json): each folder of src/ with a file other than
// index.ts, src/testing left out. Shared by the score check and the module-by-module refresh.
import { readdirSync } from "node:fs";

/** The names of the mutated modules under src/ ("call-result", "core", …). */
export const mutatedModules = () =>
  readdirSync("src", { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "testing")
    .filter((d) =>
      readdirSync(`src/${d.name}`, { recursive: true }).some((f) => /\.ts$/.test(f) && !/(^|\/)index\.ts$/.test(f)),
    )
    .map((d) => d.name);
