import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyBlocks, generatedPages, pageBlocks } from "../scripts/docs.js";

// The pages are listed here, not read from generatedPages() while the file loads: code that runs
// while a test file loads is "static" for mutation testing, and each static mutant costs a run of
// the whole suite (README, "Develop"). Each page's test builds only that page's blocks, so under
// mutation testing it runs, and covers, only the code its own page shows.
const PAGES = ["docs/lead-status.md", "docs/client-hub.md", "docs/call-result.md", "docs/tally.md"];

describe("docs", () => {
  it("lists every generated page", () => {
    expect(generatedPages().sort()).toEqual([...PAGES].sort());
  });

  for (const file of PAGES) {
    it(`${file}: the generated tables and diagrams match the code (run npm run docs:write)`, () => {
      const committed = readFileSync(file, "utf8");
      expect(applyBlocks(committed, pageBlocks(file))).toBe(committed);
    });
  }

  it("fails on a stale block", () => {
    const stale = "<!-- generated:x -->\nold\n<!-- /generated:x -->";
    expect(applyBlocks(stale, { x: "new" })).not.toBe(stale);
    expect(() => applyBlocks("no markers", { x: "new" })).toThrow("missing generated block x");
  });
});
