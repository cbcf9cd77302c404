import { guarded } from "../core/guard.js";
import { isCount } from "./check.js";
import { OUTCOMES, type ProgramSheet, type SheetPage, SOURCES } from "./sheet.js";

// Pages come from sheetPages; anything else (a page that skipped it) renders as nothing rather
// than as a broken sheet.
const isProgram = (p: unknown): boolean => {
  if (typeof p !== "object" || p === null) return false;
  const q = p as Record<string, unknown>;
  const sources = q.sources as Record<string, unknown> | null;
  const outcomes = q.outcomes as Record<string, unknown> | null;
  return (
    typeof q.program === "string" &&
    typeof sources === "object" &&
    sources !== null &&
    Object.keys(SOURCES).every((k) => isCount(sources[k])) &&
    typeof outcomes === "object" &&
    outcomes !== null &&
    Object.keys(OUTCOMES).every((k) => isCount(outcomes[k])) &&
    isCount(q.totalIncoming) &&
    isCount(q.transferCalls) &&
    isCount(q.nonAdmissionsLeads) &&
    Array.isArray(q.notes) &&
    q.notes.every((n) => typeof n === "string")
  );
};
const isPage = (page: unknown): page is SheetPage => {
  if (typeof page !== "object" || page === null) return false;
  const p = page as Record<string, unknown>;
  return (
    typeof p.label === "string" &&
    Array.isArray(p.programs) &&
    p.programs.every(isProgram) &&
    isCount(p.junkCalls) &&
    isCount(p.missedCalls)
  );
};

type Line = readonly [section: string, item: string, value: string];

function programLines(p: ProgramSheet): Line[] {
  const s1 = "1. Where is the lead coming from?";
  const s2 = "2. What is being done with the lead?";
  const s3 = "3. Additional options";
  return [
    [s1, SOURCES.web, String(p.sources.web)],
    [s1, SOURCES.educationConsultant, String(p.sources.educationConsultant)],
    [s1, SOURCES.mentalHealthProvider, String(p.sources.mentalHealthProvider)],
    [s1, SOURCES.otherReferral, String(p.sources.otherReferral)],
    [s1, "Total Incoming calls", String(p.totalIncoming)],
    [s2, OUTCOMES.closedOut, String(p.outcomes.closedOut)],
    [s2, OUTCOMES.keptOpen, String(p.outcomes.keptOpen)],
    [s2, OUTCOMES.passedToAdmissions, String(p.outcomes.passedToAdmissions)],
    [s3, "Transfer calls", String(p.transferCalls)],
    [s3, "Non-admissions leads", String(p.nonAdmissionsLeads)],
    [s3, "Notes", p.notes.join("; ")],
  ];
}

// Table cells: a pipe or a line break in a user's program name or note must not break the table.
// Text from users (program names, notes) is text, never Markdown: every character Markdown or an
// HTML renderer could read as syntax is escaped (a program named "__proto__" is not bold, "# x" is
// not a heading), and line breaks become spaces (no new row or heading can be injected).
const cell = (text: string): string => text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, "\\$&").replace(/[\r\n]+/g, " ");

/**
 * Renders a sheet as Markdown, laid out like the playbook's page: a section per program
 * (sections 1–3, Total Incoming derived), junk and missed calls at the bottom.
 *
 * @param page - one sheet from `sheetPages` (anything else renders as `""`)
 * @returns Markdown text
 * @example
 * renderSheetMarkdown({ period: null, label: "", programs: [], junkCalls: 1, missedCalls: 0 }).includes("Junk calls | 1"); // => true
 */
export function renderSheetMarkdown(page: SheetPage): string {
  return guarded(
    (): string => {
      if (!isPage(page)) return "";
      const out: string[] = [];
      if (page.label !== "") out.push(`# First-contact sheet, ${page.label}`, "");
      for (const program of page.programs) {
        out.push(`## ${cell(program.program)}`, "", "| section | item | count |", "|---|---|---:|");
        let last = "";
        for (const [section, item, value] of programLines(program)) {
          const total = item === "Total Incoming calls";
          out.push(
            `| ${section === last ? "" : section} | ${total ? `**${item}**` : item} | ${total ? `**${value}**` : cell(value)} |`,
          );
          last = section;
        }
        out.push("");
      }
      out.push(
        "| whole page | count |",
        "|---|---:|",
        `| Junk calls | ${page.junkCalls} |`,
        `| Missed calls | ${page.missedCalls} |`,
        "",
      );
      return out.join("\n");
    },
    () => "",
  );
}

// CSV: quoted as RFC 4180 asks; and a cell that a spreadsheet would run as a formula (starting
// with =, +, -, @, a tab or a carriage return: OWASP's CSV injection list) is prefixed with a
// single quote, so a program named "=HYPERLINK(...)" is shown, not evaluated, when a manager opens
// the file.
const csv = (text: string): string => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * Renders a sheet as CSV (RFC 4180): one row per program line, then the page's junk and missed
 * calls, each with the period.
 *
 * @param page - one sheet from `sheetPages` (anything else renders as `""`)
 * @returns CSV text with a header row
 * @example
 * renderSheetCsv({ period: null, label: "", programs: [], junkCalls: 0, missedCalls: 2 }).split("\r\n")[2]; // => ",,Page,Missed calls,2"
 */
export function renderSheetCsv(page: SheetPage): string {
  return guarded(
    (): string => {
      if (!isPage(page)) return "";
      const from = page.label;
      const rows = [["period", "program", "section", "item", "count"]];
      for (const program of page.programs) {
        for (const [section, item, value] of programLines(program))
          rows.push([from, program.program, section, item, value]);
      }
      rows.push(
        [from, "", "Page", "Junk calls", String(page.junkCalls)],
        [from, "", "Page", "Missed calls", String(page.missedCalls)],
      );
      return `${rows.map((r) => r.map(csv).join(",")).join("\r\n")}\r\n`;
    },
    () => "",
  );
}
