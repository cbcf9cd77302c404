// Generated parts of docs/*.md: everything between <!-- generated:NAME --> and <!-- /generated:NAME -->
// comes from the code. `npm run docs:write` rewrites them; test/docs.test.ts fails when they are stale.
import { readFileSync, writeFileSync } from "node:fs";
import { callRecord } from "../src/call-result/record.js";
import { CALL_RESULTS, LAST_CONTACTS, RULES } from "../src/call-result/results.js";
import {
  CLIENT_HUB_STAGES,
  type ClientHubEffect,
  type ClientHubRecord,
  clientHub,
} from "../src/client-hub/pipeline.js";
import { dateIn } from "../src/core/calendar.js";
import { stateDiagram } from "../src/core/diagram.js";
import type { StatusTable } from "../src/core/lifecycle.js";
import { BOOKING_STATUSES, booking } from "../src/lead-status/booking.js";
import { CONSULTATION_STATUSES, consultation } from "../src/lead-status/consultation.js";
import { renderSheetMarkdown } from "../src/tally/render.js";
import { mergeSheets, type SheetEvent, sheetPages, tallySheet } from "../src/tally/sheet.js";

function statusTable(table: StatusTable<string, string>): string {
  const rows = Object.entries(table).map(
    ([id, meta]) => `| \`${id}\` | ${meta.label} | ${meta.setBy.join(", ")} | ${meta.closes ? "yes" : "no"} |`,
  );
  return ["| status | label (verbatim) | set by | closes the lead |", "|---|---|---|---|", ...rows].join("\n");
}

const mermaid = (source: string): string => `\`\`\`mermaid\n${source}\`\`\``;

function stageTable(): string {
  const rows = Object.entries(CLIENT_HUB_STAGES).map(
    ([id, meta]) => `| \`${id}\` | ${meta.label} | ${meta.setBy.join(", ")} |`,
  );
  return ["| stage | label | moved there by |", "|---|---|---|", ...rows].join("\n");
}

/**
 * One Client Hub cycle run through the real lifecycle, hour by hour, drawn as a Mermaid gantt:
 * the stages on a date axis and each effect as a milestone.
 */
function cycleTimeline(): string {
  const zone = "Europe/London";
  const made = clientHub.initial({
    subscriptionId: "sub-1",
    contactId: "ada",
    at: "2026-01-31T10:00:00Z",
    timeZone: zone,
  });
  if (!made.ok) throw new Error(made.error.message);
  let record: ClientHubRecord = made.value;
  const entries: [string, number][] = [[record.status, Date.parse(record.updatedAt)]];
  const effects: [ClientHubEffect, number][] = [];
  const take = (next: ClientHubRecord, fx: readonly ClientHubEffect[], at: number): void => {
    if (next.status !== record.status) entries.push([next.status, Date.parse(next.updatedAt)]);
    for (const e of fx) effects.push([e, e.type === "task" ? Date.parse(e.dueAt) : at]);
    record = next;
  };
  const finalAttempt = Date.parse("2026-03-11T10:00:00Z");
  for (let t = Date.parse(record.updatedAt); t < finalAttempt; t += 3_600_000) {
    const step = clientHub.advance(record, t);
    take(step.state, step.effects, t);
  }
  const events = [
    {
      type: "callLogged",
      at: finalAttempt,
      actor: "owner",
      outcome: "No answer",
      callType: "Check In - Call",
      direction: "outbound",
      finalAttempt: true,
    },
    { type: "taskCompleted", at: finalAttempt + 5 * 3_600_000, actor: "owner" },
  ] as const;
  for (const event of events) {
    const result = clientHub.transition(record, event);
    if (!result.ok) throw new Error(result.error.message);
    take(result.value.state, result.value.effects, Number(event.at));
  }
  const day = (ms: number): string => dateIn(ms, zone);
  const lines = [
    "gantt",
    `  title One cycle in ${zone}: Contact Ratio 1 month, no answer on the final attempt`,
    "  dateFormat YYYY-MM-DD",
    "  axisFormat %d %b",
    "  section Stages",
  ];
  entries.forEach(([status, at], i) => {
    const until = entries[i + 1]?.[1] ?? Date.parse(`${record.nextContactDate}T00:00:00Z`);
    const label = CLIENT_HUB_STAGES[status as keyof typeof CLIENT_HUB_STAGES].label;
    const last = i === entries.length - 1 ? ` until ${record.nextContactDate}` : "";
    lines.push(`  ${label}${last} : ${day(at)}, ${day(Math.max(until, at + 86_400_000))}`);
  });
  lines.push("  section Effects");
  for (const [effect, at] of effects) {
    lines.push(`  ${effect.type === "task" ? `Task ${effect.title}` : "Send NPS survey"} : milestone, ${day(at)}, 0d`);
  }
  return `${lines.join("\n")}\n`;
}

function resultTable(): string {
  const who: Record<string, string> = {
    any: "any",
    decisionMakerOnly: "DM only",
    receptionOnly: "reception only",
    receptionOrNone: "reception or nobody",
    existingLeadOnly: "existing lead only",
  };
  const record: Record<string, string> = {
    open: "stays (open)",
    pendingTask: "leaves, task required",
    closed: "closed",
  };
  const rows = Object.entries(CALL_RESULTS).map(([id, f]) => {
    const flags = f as { permission?: string; countsAs: string; effects: readonly string[] };
    const counts =
      flags.countsAs === "lead" ? "lead (first time only)" : flags.countsAs === "nothing" ? "—" : flags.countsAs;
    const needs = flags.permission === undefined ? "" : `campaign: ${flags.permission}`;
    return `| \`${id}\` | ${f.label} | ${who[f.who]} | ${record[f.record]} | ${counts} | ${flags.effects.join(", ") || "—"} | ${needs || "—"} |`;
  });
  return [
    "| result | label | who may log it | on the list afterwards | counts as | effects | needs |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

function contactTable(): string {
  return [
    "| Last Contact | label |",
    "|---|---|",
    ...Object.entries(LAST_CONTACTS).map(([id, label]) => `| \`${id}\` | ${label} |`),
  ].join("\n");
}

function ruleTable(): string {
  return [
    "| rule id | what it says |",
    "|---|---|",
    ...Object.entries(RULES).map(([id, text]) => `| \`${id}\` | ${text.replaceAll("|", "\\|")} |`),
  ].join("\n");
}

/** A morning at the Hive: the sample day the tally docs and example use. */
export const SAMPLE_DAY: readonly SheetEvent[] = [
  {
    type: "firstContact",
    at: "2026-11-23T09:05:00-05:00",
    program: "Blue Ridge",
    source: "web",
    outcome: "keptOpen",
    leadId: "L-101",
  },
  {
    type: "firstContact",
    at: "2026-11-23T09:40:00-05:00",
    program: "Blue Ridge",
    source: "educationConsultant",
    outcome: "passedToAdmissions",
    leadId: "L-102",
  },
  {
    type: "firstContact",
    at: "2026-11-23T10:15:00-05:00",
    program: "Blue Ridge",
    source: "mentalHealthProvider",
    outcome: "passedToAdmissions",
    leadId: "L-103",
  },
  {
    type: "firstContact",
    at: "2026-11-23T11:00:00-05:00",
    program: "Blue Ridge",
    source: "web",
    outcome: "passedToAdmissions",
    leadId: "L-101",
  },
  {
    type: "firstContact",
    at: "2026-11-23T11:30:00-05:00",
    program: "Aspen Lodge",
    source: "otherReferral",
    outcome: "closedOut",
    leadId: "L-201",
  },
  {
    type: "firstContact",
    at: "2026-11-23T13:20:00-05:00",
    program: "Aspen Lodge",
    source: "web",
    outcome: "keptOpen",
    leadId: "L-202",
  },
  { type: "transferCall", at: "2026-11-23T13:45:00-05:00", program: "Aspen Lodge" },
  { type: "nonAdmissionsLead", at: "2026-11-23T14:10:00-05:00", program: "Blue Ridge" },
  {
    type: "note",
    at: "2026-11-23T14:30:00-05:00",
    program: "Blue Ridge",
    text: "EC Dana Lee asked for a tour next week",
  },
  { type: "junkCall", at: "2026-11-23T15:00:00-05:00" },
  { type: "missedCall", at: "2026-11-23T16:55:00-05:00" },
];

function sampleSheet(): string {
  const { tally } = tallySheet(SAMPLE_DAY, { unit: "day", timeZone: "America/New_York" });
  // Headings demoted so the rendered sheet sits inside the page's own outline.
  return sheetPages(tally)
    .map(renderSheetMarkdown)
    .join("\n")
    .trimEnd()
    .replace(/^(#+) /gm, "###$1 ");
}

function shardingExample(): string {
  const period = { unit: "day", timeZone: "America/New_York" } as const;
  const morning = tallySheet(SAMPLE_DAY.slice(0, 3), period).tally;
  const afternoon = tallySheet(SAMPLE_DAY.slice(3), period).tally;
  const merged = mergeSheets(morning, afternoon);
  if (!merged.ok) throw new Error(merged.error.message);
  const whole = tallySheet(SAMPLE_DAY, period).tally;
  const ridge = (t: typeof whole): number =>
    sheetPages(t)[0]?.programs.find((p) => p.program === "Blue Ridge")?.totalIncoming ?? 0;
  return [
    "| tally | Blue Ridge total incoming | leads kept |",
    "|---|---:|---:|",
    `| shard 1: the first 3 events | ${ridge(morning)} | ${morning.leads.ids.join(", ")} |`,
    `| shard 2: the other 8 (L-101 again, at 11:00) | ${ridge(afternoon)} | ${afternoon.leads.ids.join(", ")} |`,
    `| merge(shard 1, shard 2) | ${ridge(merged.value)} | ${merged.value.leads.ids.join(", ")} |`,
    `| the whole day at once | ${ridge(whole)} | ${whole.leads.ids.join(", ")} |`,
  ].join("\n");
}

/**
 * Each doc page's generated blocks, by block name, built only when that page is asked for: a
 * page's test then runs (and, under mutation testing, covers) only the code of its own page.
 */
const PAGE_BLOCKS: Record<string, () => Record<string, string>> = {
  "docs/lead-status.md": () => ({
    "consultation-table": statusTable(CONSULTATION_STATUSES),
    "consultation-diagram": mermaid(stateDiagram(consultation.definition)),
    "booking-table": statusTable(BOOKING_STATUSES),
    "booking-diagram": mermaid(stateDiagram(booking.definition)),
  }),
  "docs/client-hub.md": () => ({
    "stage-table": stageTable(),
    "pipeline-diagram": mermaid(stateDiagram(clientHub.definition)),
    "cycle-timeline": mermaid(cycleTimeline()),
  }),
  "docs/call-result.md": () => ({
    "contact-table": contactTable(),
    "result-table": resultTable(),
    "rule-table": ruleTable(),
    "record-diagram": mermaid(stateDiagram(callRecord.definition)),
  }),
  "docs/tally.md": () => ({
    "sample-sheet": sampleSheet(),
    "sharding-example": shardingExample(),
  }),
};

/** The pages that have generated blocks. */
export const generatedPages = (): string[] => Object.keys(PAGE_BLOCKS);

/** The generated blocks of one page (none for a page without any). */
export const pageBlocks = (page: string): Record<string, string> => PAGE_BLOCKS[page]?.() ?? {};

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
  for (const file of generatedPages()) {
    writeFileSync(file, applyBlocks(readFileSync(file, "utf8"), pageBlocks(file)));
    console.log(`wrote ${file}`);
  }
}
