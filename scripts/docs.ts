// Generated parts of docs/*.md: everything between <!-- generated:NAME --> and <!-- /generated:NAME -->
// comes from the code. `npm run docs:write` rewrites them; test/docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from "node:fs";
import { stateDiagram } from "../src/core/diagram.js";
import type { StatusTable } from "../src/core/lifecycle.js";
import { BOOKING_STATUSES, booking } from "../src/lead-status/booking.js";
import { CONSULTATION_STATUSES, consultation } from "../src/lead-status/consultation.js";

function statusTable(table: StatusTable<string, string>): string {
  const rows = Object.entries(table).map(
    ([id, meta]) => `| \`${id}\` | ${meta.label} | ${meta.setBy.join(", ")} | ${meta.closes ? "yes" : "no"} |`,
  );
  return ["| status | label (verbatim) | set by | closes the lead |", "|---|---|---|---|", ...rows].join("\n");
}

const mermaid = (source: string): string => `\`\`\`mermaid\n${source}\`\`\``;

/** The generated blocks of each doc page, by file and block name. */
export function generatedBlocks(): Record<string, Record<string, string>> {
  return {
    "docs/lead-status.md": {
      "consultation-table": statusTable(CONSULTATION_STATUSES),
      "consultation-diagram": mermaid(stateDiagram(consultation.definition)),
      "booking-table": statusTable(BOOKING_STATUSES),
      "booking-diagram": mermaid(stateDiagram(booking.definition)),
    },
  };
}

/** Replaces every generated block of a page with the current generation. */
export function applyBlocks(markdown: string, blocks: Record<string, string>): string {
  let out = markdown;
  for (const [name, body] of Object.entries(blocks)) {
    const open = `<!-- generated:${name} -->`;
    const close = `<!-- /generated:${name} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`missing generated block ${name}`);
    out = `${out.slice(0, start + open.length)}\n${body}\n${out.slice(end)}`;
  }
  return out;
}

if (process.argv.includes("--write")) {
  for (const [file, blocks] of Object.entries(generatedBlocks())) {
    writeFileSync(file, applyBlocks(readFileSync(file, "utf8"), blocks));
    console.log(`wrote ${file}`);
  }
}
