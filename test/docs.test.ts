import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyBlocks, generatedBlocks } from "../scripts/docs.js";

describe("docs", () => {
  for (const [file, blocks] of Object.entries(generatedBlocks())) {
    it(`${file}: the generated tables and diagrams match the code (run npm run docs:write)`, () => {
      const committed = readFileSync(file, "utf8");
      expect(applyBlocks(committed, blocks)).toBe(committed);
    });
  }

  it("fails on a stale block", () => {
    const stale = "<!-- generated:x -->\nold\n<!-- /generated:x -->";
    expect(applyBlocks(stale, { x: "new" })).not.toBe(stale);
    expect(() => applyBlocks("no markers", { x: "new" })).toThrow("missing generated block x");
  });
});
