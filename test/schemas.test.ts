// The JSON Schemas are generated from the zod schemas (scripts/schemas.ts). They must be current,
// and they must accept every example the docs and the testing arbitraries produce.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENTRIES, generatedSchemaFiles } from "../scripts/schemas.js";
import * as leadrules from "../src/parse/index.js";
import * as shipped from "../src/schemas/index.js";
import { EXAMPLES, GENERATED } from "./schema-examples.js";

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validator = (name: string) => {
  const schema = JSON.parse(readFileSync(`schemas/${name}.schema.json`, "utf8"));
  return ajv.compile(schema);
};

describe("JSON Schemas", () => {
  const files = generatedSchemaFiles();
  for (const [path, content] of Object.entries(files)) {
    it(`${path} is current (run npm run schemas:write)`, () => {
      expect(readFileSync(path, "utf8")).toBe(content);
    });
  }

  it("leadrules/schemas exports the same documents as the shipped JSON files", () => {
    for (const entry of ENTRIES) {
      const name = entry.name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof typeof shipped;
      // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test looks each export up by name
      expect(shipped[name]).toEqual(JSON.parse(readFileSync(`schemas/${entry.name}.schema.json`, "utf8")));
    }
  });

  it("every boundary type has examples, and every schema accepts its examples", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(ENTRIES.map((e) => e.name).sort());
    for (const [name, examples] of Object.entries(EXAMPLES)) {
      const validate = validator(name);
      for (const example of examples) {
        const json = JSON.parse(JSON.stringify(example));
        expect(validate(json), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        // …and the parser the schema describes reads it too.
        const parser = ENTRIES.find((e) => e.name === name)?.parser as keyof typeof leadrules;
        // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test looks each parser up by name
        const parsed = (leadrules[parser] as (input: unknown) => { ok: boolean; error?: { message: string } })(json);
        expect(parsed.ok, `${name}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  const generated = GENERATED();
  for (const [name, arbitrary] of generated) {
    it(`${name}: the schema accepts every value leadrules/testing generates`, () => {
      const validate = validator(name);
      fc.assert(
        fc.property(arbitrary, (value) => {
          const json = JSON.parse(JSON.stringify(value));
          if (!validate(json)) throw new Error(JSON.stringify(validate.errors));
        }),
        { numRuns: 200 },
      );
    });
  }

  it("refuses what the parsers refuse for shape: unknown fields, missing fields, bad instants", () => {
    const validate = validator("consultation-event");
    expect(validate({ type: "markedLost", at: "2026-11-02T09:00:00Z", actor: "franchisee" })).toBe(true);
    expect(validate({ type: "markedLost", at: "2026-11-02T09:00:00Z", actor: "franchisee", extra: 1 })).toBe(false);
    expect(validate({ type: "markedLost", actor: "franchisee" })).toBe(false);
    expect(validate({ type: "markedLost", at: "yesterday", actor: "franchisee" })).toBe(false);
    expect(validate({ type: "markedLost", at: 1_700_000_000_000, actor: "robot" })).toBe(false);
  });
});
