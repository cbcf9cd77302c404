// JSON Schemas (draft 2020-12) for every boundary type, generated from the zod schemas the parsers
// use — never written by hand. `npm run schemas:write` writes schemas/*.schema.json and
// src/schemas/index.ts (the `leadrules/schemas` entry); test/schemas.test.ts fails when either is stale.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as z from "zod/mini";
import { callResultSchemas } from "../src/call-result/schema.js";
import { clientHubSchemas } from "../src/client-hub/schema.js";
import { INSTANT_MESSAGE } from "../src/core/schema.js";
import { bookingSchemas, consultationSchemas } from "../src/lead-status/schema.js";
import { tallySchemas } from "../src/tally/schema.js";

interface Entry {
  /** File name without `.schema.json`, and (camel-cased) the export name. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The parser that reads this type; the schema is its input side. */
  readonly parser: string;
  readonly schema: () => z.ZodMiniType;
}

/** Every boundary type: events, stored states, options, call facts, logged calls, tally events and tallies. */
export const ENTRIES: readonly Entry[] = [
  {
    name: "consultation-event",
    title: "Consultation event",
    description: "An event of the consultation lifecycle (leadrules/lead-status).",
    parser: "parseConsultationEvent",
    schema: () => consultationSchemas().event,
  },
  {
    name: "consultation-state",
    title: "Consultation state",
    description: "A stored consultation lead state, schemaVersion 1.",
    parser: "parseConsultationState",
    schema: () => consultationSchemas().state,
  },
  {
    name: "consultation-options",
    title: "Consultation options",
    description: "Options for createConsultationLifecycle; every field is optional and defaults to the playbook.",
    parser: "parseConsultationOptions",
    schema: () => consultationSchemas().options,
  },
  {
    name: "booking-event",
    title: "Booking event",
    description: "An event of the booking lifecycle (leadrules/lead-status).",
    parser: "parseBookingEvent",
    schema: () => bookingSchemas().event,
  },
  {
    name: "new-lead",
    title: "New booking lead",
    description: "A new lead for the booking lifecycle.",
    parser: "parseNewLead",
    schema: () => bookingSchemas().newLead,
  },
  {
    name: "booking-state",
    title: "Booking state",
    description: "A stored booking lead state, schemaVersion 1.",
    parser: "parseBookingState",
    schema: () => bookingSchemas().state,
  },
  {
    name: "booking-settings",
    title: "Booking settings",
    description: "The three tenant settings of the booking lifecycle; every field is optional.",
    parser: "parseBookingSettings",
    schema: () => bookingSchemas().settings,
  },
  {
    name: "client-hub-event",
    title: "Client Hub event",
    description: "An event of the Client Hub check-in pipeline (leadrules/client-hub).",
    parser: "parseClientHubEvent",
    schema: () => clientHubSchemas().event,
  },
  {
    name: "client-hub-record",
    title: "Client Hub record",
    description: "A stored Client Hub record.",
    parser: "parseClientHubRecord",
    schema: () => clientHubSchemas().record,
  },
  {
    name: "client-hub-options",
    title: "Client Hub options",
    description: "Options for createClientHub; every field is optional and defaults to the playbook.",
    parser: "parseClientHubOptions",
    schema: () => clientHubSchemas().options,
  },
  {
    name: "subscription",
    title: "Subscription",
    description: "A subscription from the billing system, read by reconcile (leadrules/client-hub).",
    parser: "parseSubscription",
    schema: () => clientHubSchemas().subscription,
  },
  {
    name: "campaign",
    title: "Campaign",
    description: "Campaign settings for createCampaign (leadrules/call-result); every field is optional.",
    parser: "createCampaign",
    schema: () => callResultSchemas().campaign,
  },
  {
    name: "call-facts",
    title: "Call facts",
    description: "What happened on a cold call, as classify reads it (leadrules/call-result).",
    parser: "parseCallFacts",
    schema: () => callResultSchemas().facts,
  },
  {
    name: "logged-call",
    title: "Logged call",
    description: "A call logged by hand (Last Contact + Last Call Result), as validate reads it.",
    parser: "parseLoggedCall",
    schema: () => callResultSchemas().logged,
  },
  {
    name: "call-record",
    title: "Call record",
    description: "A stored call record (open, pending task or closed).",
    parser: "parseCallRecord",
    schema: () => callResultSchemas().record,
  },
  {
    name: "sheet-event",
    title: "Sheet event",
    description: "An event of the first-point-of-contact sheet (leadrules/tally).",
    parser: "parseSheetEvent",
    schema: () => tallySchemas().event,
  },
  {
    name: "dial-facts",
    title: "Dial facts",
    description: "One dial's facts for the shift figures, as tallyShifts counts them (leadrules/tally).",
    parser: "parseDialFacts",
    schema: () => tallySchemas().dial,
  },
  {
    name: "sheet-tally",
    title: "First-contact sheet tally",
    description: "A stored first-point-of-contact sheet tally (JSON).",
    parser: "parseSheetTally",
    schema: () => tallySchemas().sheet,
  },
  {
    name: "figure-tally",
    title: "Figure tally",
    description: "A stored tally of team figures: shift figures, lead figures or status counts (JSON).",
    parser: "parseFigureTally",
    schema: () => tallySchemas().figures,
  },
];

const INSTANT = {
  description: "An instant: an ISO-8601 date-time with Z or an offset, or epoch milliseconds.",
  anyOf: [{ type: "string", format: "date-time" }, { type: "number" }],
};

/** Converts one entry; an unrepresentable schema other than an instant is an error, never `{}`. */
export function jsonSchemaOf(entry: Entry): Record<string, unknown> {
  const unknownCustom: string[] = [];
  const generated = z.toJSONSchema(entry.schema(), {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string; error?: () => unknown } } })._zod.def;
      if (def.type !== "custom") return;
      if (def.error?.() === INSTANT_MESSAGE) Object.assign(ctx.jsonSchema, INSTANT);
      else unknownCustom.push(ctx.path.join("."));
    },
  }) as Record<string, unknown>;
  if (unknownCustom.length > 0) {
    throw new Error(`${entry.name}: no JSON Schema for the custom type at ${unknownCustom.join(", ")}`);
  }
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: entry.title,
    description: `${entry.description} Generated from the zod schema behind ${entry.parser}; the parser also checks what JSON Schema cannot say (time zones, calendar dates, cross-field rules).`,
    ...rest,
  };
}

const camel = (name: string): string => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Every generated file, path → content. */
export function generatedSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const module: string[] = [
    "// Generated by scripts/schemas.ts from the zod schemas behind the parsers: do not edit.",
    "// Run `npm run schemas:write` after changing a schema; test/schemas.test.ts fails when this is stale.",
    "",
    'import { deepFreeze } from "../core/freeze.js";',
    "",
    "/** A JSON Schema (draft 2020-12) document. */",
    "export type JsonSchema = { readonly [keyword: string]: unknown };",
  ];
  for (const entry of ENTRIES) {
    const schema = jsonSchemaOf(entry);
    files[`schemas/${entry.name}.schema.json`] = `${JSON.stringify(schema, null, 2)}\n`;
    module.push(
      "",
      "/**",
      ` * ${entry.description} JSON Schema (draft 2020-12) of what \`${entry.parser}\` accepts; also shipped as`,
      ` * \`leadrules/schemas/${entry.name}.schema.json\`.`,
      " */",
      `export const ${camel(entry.name)}: JsonSchema = /* @__PURE__ */ deepFreeze(${JSON.stringify(schema)});`,
    );
  }
  files["src/schemas/index.ts"] = `${module.join("\n")}\n`;
  return files;
}

if (process.argv.includes("--write")) {
  mkdirSync("schemas", { recursive: true });
  mkdirSync("src/schemas", { recursive: true });
  for (const [path, content] of Object.entries(generatedSchemaFiles())) {
    let before = "";
    try {
      before = readFileSync(path, "utf8");
    } catch {}
    if (before !== content) {
      writeFileSync(path, content);
      console.log(`wrote ${path}`);
    }
  }
}
