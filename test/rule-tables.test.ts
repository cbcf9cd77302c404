// Every exported rule table, pinned as JSON. The tables are data read while a module loads, so
// mutation testing cannot judge their literals (Stryker calls them "static" mutants and, with
// `ignoreStatic`, leaves them out of the score: README, "Develop"). This test is what judges them:
// change a label, a "counts as", a stage or a GUID and it fails until the snapshot is updated on
// purpose (`npx vitest run test/rule-tables.test.ts -u`) and the change is reviewed in the diff.
// The rules the tables drive are tested by the example and property tests of each module.
import { expect, it } from "vitest";
import * as callResult from "../src/call-result/index.js";
import * as clientHub from "../src/client-hub/index.js";
import * as cliniko from "../src/cliniko/index.js";
import * as hubspot from "../src/hubspot/index.js";
import * as root from "../src/index.js";
import * as leadStatus from "../src/lead-status/index.js";
import * as reports from "../src/lead-status/reports.js";
import * as tally from "../src/tally/index.js";

it("every exported rule table is the one reviewed (snapshot in test/__snapshots__/rule-tables.json)", async () => {
  const entries = { root, leadStatus, reports, callResult, clientHub, tally, hubspot, cliniko };
  const tables: Record<string, unknown> = {};
  for (const [entry, module] of Object.entries(entries)) {
    for (const [name, value] of Object.entries(module as Record<string, unknown>)) {
      // Presets are lifecycles (functions over the tables), tested by behaviour, not pinned.
      if (typeof value !== "object" || value === null || "transition" in value) continue;
      tables[name] ??= value;
      expect(tables[name], `${entry}.${name} is one table under one name`).toBe(value);
    }
  }
  expect(Object.keys(tables).length).toBeGreaterThanOrEqual(30);
  await expect(`${JSON.stringify(tables, null, 2)}\n`).toMatchFileSnapshot("./__snapshots__/rule-tables.json");
});
