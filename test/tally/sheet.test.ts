import { describe, expect, it } from "vitest";
import { bucketer, periodLabel, samePeriod } from "../../src/tally/period.js";
import { renderSheetCsv, renderSheetMarkdown } from "../../src/tally/render.js";
import {
  addToSheet,
  emptySheet,
  leadContacts,
  mergeSheets,
  type SheetEvent,
  type SheetPage,
  sheetPages,
  tallySheet,
} from "../../src/tally/sheet.js";
import { deepFreeze, unwrap, unwrapErr } from "../helpers.js";

const T = Date.parse("2026-11-23T15:00:00Z");
const contact = (over: Partial<Extract<SheetEvent, { type: "firstContact" }>> = {}): SheetEvent => ({
  type: "firstContact",
  at: T,
  program: "Blue Ridge",
  source: "web",
  outcome: "keptOpen",
  ...over,
});
const onlyPage = (events: readonly SheetEvent[]): SheetPage => {
  const pages = sheetPages(tallySheet(events).tally);
  expect(pages).toHaveLength(1);
  return pages[0] as SheetPage;
};

describe("the first-contact sheet", () => {
  // "Total Incoming calls: you don't touch this number. It is automatically totaled by adding
  // together web leads, EC calls, MHP, other referral source."
  it("total incoming is the sum of the four sources, never entered", () => {
    const page = onlyPage([
      contact({ source: "web" }),
      contact({ source: "web" }),
      contact({ source: "educationConsultant" }),
      contact({ source: "mentalHealthProvider" }),
      contact({ source: "otherReferral", outcome: "passedToAdmissions" }),
    ]);
    const ridge = page.programs[0];
    expect(ridge?.sources).toEqual({ web: 2, educationConsultant: 1, mentalHealthProvider: 1, otherReferral: 1 });
    expect(ridge?.totalIncoming).toBe(5);
    expect(ridge?.outcomes).toEqual({ closedOut: 0, keptOpen: 4, passedToAdmissions: 1 });
  });

  // "You only tally the very first point of contact. Everything that happens after that point is
  // logged in Salesforce and not necessary…"
  it("only the very first contact of a lead is tallied, whatever order the contacts arrive in", () => {
    const later = contact({ leadId: "L1", at: T + 3_600_000, source: "web", outcome: "passedToAdmissions" });
    const first = contact({ leadId: "L1", at: T, source: "educationConsultant", outcome: "keptOpen" });
    for (const events of [
      [first, later],
      [later, first],
    ]) {
      const ridge = onlyPage(events).programs[0];
      expect(ridge?.totalIncoming).toBe(1);
      expect(ridge?.sources.educationConsultant).toBe(1);
      expect(ridge?.outcomes.keptOpen).toBe(1);
    }
  });

  it("two contacts of a lead at the same instant: the choice does not depend on arrival order", () => {
    const a = contact({ leadId: "L1", source: "web" });
    const b = contact({ leadId: "L1", source: "otherReferral" });
    expect(tallySheet([a, b]).tally).toEqual(tallySheet([b, a]).tally);
    expect(tallySheet([a, b]).tally.leads.ids).toHaveLength(1);
    expect(leadContacts(tallySheet([a, b]).tally)[0]?.source).toBe("otherReferral");
  });

  it("each program has its own section", () => {
    const page = onlyPage([
      contact({ program: "Blue Ridge" }),
      contact({ program: "Aspen" }),
      contact({ program: "Aspen" }),
    ]);
    expect(page.programs.map((p) => [p.program, p.totalIncoming])).toEqual([
      ["Aspen", 2],
      ["Blue Ridge", 1],
    ]);
  });

  // "Transfer calls: … Does NOT include live-transfer calls to admissions." / "Non-admissions leads"
  it("transfer calls and non-admissions leads are counted per program, outside total incoming", () => {
    const page = onlyPage([
      { type: "transferCall", at: T, program: "Blue Ridge" },
      { type: "nonAdmissionsLead", at: T, program: "Blue Ridge" },
      { type: "nonAdmissionsLead", at: T, program: "Blue Ridge" },
      { type: "note", at: T, program: "Blue Ridge", text: "EC Jane visiting Friday" },
    ]);
    expect(page.programs[0]).toMatchObject({
      program: "Blue Ridge",
      totalIncoming: 0,
      transferCalls: 1,
      nonAdmissionsLeads: 2,
      notes: ["EC Jane visiting Friday"],
    });
  });

  // "At the very bottom of the call tracking page there is also space to mark junk and missed calls."
  it("junk and missed calls are page-level, not per program", () => {
    const page = onlyPage([
      { type: "junkCall", at: T },
      { type: "missedCall", at: T },
      { type: "missedCall", at: T },
      contact(),
    ]);
    expect(page.junkCalls).toBe(1);
    expect(page.missedCalls).toBe(2);
    expect(page.programs).toHaveLength(1);
    expect(onlyPage([{ type: "junkCall", at: T }]).programs).toEqual([]);
  });

  it("contacts without a lead id are counted as they stand", () => {
    expect(onlyPage([contact(), contact()]).programs[0]?.totalIncoming).toBe(2);
  });

  it("any string is just a program or lead key: __proto__, constructor, emoji, empty lead ids refused", () => {
    const events = ["__proto__", "constructor", "🏔️ Ridge", "hasOwnProperty"].map((program, i) =>
      contact({ program, leadId: i % 2 === 0 ? "__proto__" : `constructor${i}` }),
    );
    const page = onlyPage(events);
    // "🏔️ Ridge" only saw lead __proto__, whose first contact (same instant) went to "__proto__"
    expect(page.programs.map((p) => p.program)).toEqual(["__proto__", "constructor", "hasOwnProperty"]);
    expect(page.programs.map((p) => p.totalIncoming)).toEqual([1, 1, 1]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).web).toBeUndefined();
    const tally = tallySheet(events).tally;
    expect(tally.leads.ids).toEqual(["__proto__", "constructor1", "constructor3"]);
  });

  it("a batch reports which events were rejected, naming the field, and tallies the rest", () => {
    const events = [
      contact(),
      { ...contact(), source: "tv" },
      { ...contact(), program: undefined },
      { type: "junkCall", at: "yesterday" },
      { type: "firstContact", at: T, program: "P", source: "web", outcome: "maybe" },
      { type: "firstContact", at: T, program: "P", source: "web", outcome: "keptOpen", leadId: 5 },
      { type: "note", at: T, program: "P" },
      { type: "note", at: T, program: "", text: "x" },
      { type: "transferCall", at: T },
      { type: "fax", at: T },
      null,
      contact({ program: "Aspen" }),
    ] as unknown as SheetEvent[];
    const result = tallySheet(events);
    expect(result.rejected.map((r) => [r.index, r.field])).toEqual([
      [1, "source"],
      [2, "program"],
      [3, "at"],
      [4, "outcome"],
      [5, "leadId"],
      [6, "text"],
      [7, "program"],
      [8, "program"],
      [9, "type"],
      [10, ""],
    ]);
    expect(result.rejected[0]?.message).toBe(
      "source must be one of web, educationConsultant, mentalHealthProvider, otherReferral",
    );
    expect(result.rejected[8]?.message).toBe('type "fax" is not a sheet event');
    expect(result.rejected[9]?.code).toBe("invalidEvent");
    expect(result.rejected.at(-1)?.message).toBe("event must be an object");
    expect(sheetPages(result.tally)[0]?.programs.map((p) => [p.program, p.totalIncoming])).toEqual([
      ["Aspen", 1],
      ["Blue Ridge", 1],
    ]);
  });

  it("does not change its input", () => {
    const events = deepFreeze([contact({ leadId: "L1" }), contact({ leadId: "L1", at: T - 1 })]);
    expect(() => tallySheet(events)).not.toThrow();
  });
});

describe("periods", () => {
  it("buckets by day in the given zone: 23:30 in New York is still that day there", () => {
    const late = Date.parse("2026-11-24T04:30:00Z"); // 23:30 on the 23rd in New York
    const tally = tallySheet([contact({ at: late }), contact({ at: Date.parse("2026-11-24T05:00:00Z") })], {
      unit: "day",
      timeZone: "America/New_York",
    }).tally;
    const pages = sheetPages(tally);
    expect(pages.map((p) => [p.label, p.period?.from, p.programs[0]?.totalIncoming])).toEqual([
      ["2026-11-23", "2026-11-23T05:00:00.000Z", 1],
      ["2026-11-24", "2026-11-24T05:00:00.000Z", 1],
    ]);
  });

  it("ISO weeks and months, and a lead's contact counts only in the period of its first contact", () => {
    const events = [
      contact({ leadId: "L1", at: Date.parse("2026-11-30T10:00:00Z") }),
      contact({ leadId: "L1", at: Date.parse("2026-11-29T10:00:00Z") }),
      { type: "missedCall", at: Date.parse("2026-12-01T10:00:00Z") } as const,
    ];
    const weeks = sheetPages(tallySheet(events, { unit: "isoWeek", timeZone: "Europe/London" }).tally);
    expect(weeks.map((p) => [p.label, p.programs[0]?.totalIncoming ?? 0, p.missedCalls])).toEqual([
      ["week of 2026-11-23", 1, 0],
      ["week of 2026-11-30", 0, 1],
    ]);
    const months = sheetPages(tallySheet(events, { unit: "month", timeZone: "Europe/London" }).tally);
    expect(months.map((p) => [p.label, p.period?.to])).toEqual([
      ["2026-11", "2026-12-01T00:00:00.000Z"],
      ["2026-12", "2027-01-01T00:00:00.000Z"],
    ]);
  });

  it("the bucket memo always agrees with the calendar, across a DST change", () => {
    const bucketOf = bucketer({ unit: "day", timeZone: "Europe/London" });
    // London falls back on 25 October 2026: that day is 25 hours long
    expect(bucketOf(Date.parse("2026-10-25T23:30:00Z"))).toBe("2026-10-24T23:00:00.000Z");
    expect(bucketOf(Date.parse("2026-10-26T00:00:00Z"))).toBe("2026-10-26T00:00:00.000Z");
    expect(bucketOf(Date.parse("2026-10-24T22:59:59Z"))).toBe("2026-10-23T23:00:00.000Z");
    // Nepal is UTC+5:45: its midnight falls at :15 past a UTC hour
    const nepal = bucketer({ unit: "day", timeZone: "Asia/Kathmandu" });
    expect(nepal(Date.parse("2026-11-23T18:14:59Z"))).toBe("2026-11-22T18:15:00.000Z");
    expect(nepal(Date.parse("2026-11-23T18:15:00Z"))).toBe("2026-11-23T18:15:00.000Z");
    const many = bucketer({ unit: "day", timeZone: "UTC" });
    for (let i = 0; i < 70_000; i++) many(i * 900_000);
    expect(many(0)).toBe("1970-01-01T00:00:00.000Z");
  });

  it("names periods for people", () => {
    expect(periodLabel(null, "")).toBe("");
    expect(periodLabel({ unit: "day", timeZone: "UTC" }, "")).toBe("");
    expect(periodLabel({ unit: "isoWeek", timeZone: "UTC" }, "2026-11-23T00:00:00.000Z")).toBe("week of 2026-11-23");
    expect(samePeriod(null, null)).toBe(true);
    expect(samePeriod(null, { unit: "day", timeZone: "UTC" })).toBe(false);
    expect(samePeriod({ unit: "day", timeZone: "UTC" }, { unit: "day", timeZone: "Europe/London" })).toBe(false);
  });
});

describe("merging", () => {
  it("the earliest contact of a lead wins wherever it was seen", () => {
    const shardA = tallySheet([contact({ leadId: "L1", at: T + 10, source: "web" })]).tally;
    const shardB = tallySheet([contact({ leadId: "L1", at: T, source: "otherReferral" })]).tally;
    for (const merged of [unwrap(mergeSheets(shardA, shardB)), unwrap(mergeSheets(shardB, shardA))]) {
      expect(leadContacts(merged)).toEqual([
        {
          leadId: "L1",
          at: new Date(T).toISOString(),
          bucket: "",
          program: "Blue Ridge",
          source: "otherReferral",
          outcome: "keptOpen",
        },
      ]);
      expect(merged.kinds).toEqual([["", "Blue Ridge", "otherReferral", "keptOpen"]]);
    }
  });

  it("sums counts and keeps every note", () => {
    const a = tallySheet([
      { type: "junkCall", at: T },
      { type: "note", at: T, program: "P", text: "a" },
      contact(),
    ]).tally;
    const b = tallySheet([
      { type: "junkCall", at: T },
      { type: "note", at: T, program: "P", text: "a" },
      contact(),
    ]).tally;
    const page = sheetPages(unwrap(mergeSheets(a, b)))[0];
    expect(page?.junkCalls).toBe(2);
    expect(page?.programs.find((p) => p.program === "P")?.notes).toEqual(["a", "a"]);
    expect(page?.programs.find((p) => p.program === "Blue Ridge")?.totalIncoming).toBe(2);
  });

  it("refuses tallies bucketed differently, and merges an empty one with any", () => {
    const days = tallySheet([{ type: "junkCall", at: 0 }], { unit: "day", timeZone: "UTC" }).tally;
    const whole = tallySheet([{ type: "junkCall", at: 0 }]).tally;
    expect(unwrapErr(mergeSheets(days, whole))).toEqual({
      code: "tallyMismatch",
      message: "the tallies are bucketed by different periods or time zones",
    });
    expect(unwrap(mergeSheets(days, emptySheet()))).toEqual(days);
    expect(tallySheet([], { unit: "day", timeZone: "UTC" }).tally).toEqual(emptySheet());
  });

  it("refuses a stored tally that is not one, naming the argument and the field", () => {
    const days = tallySheet([{ type: "junkCall", at: 0 }], { unit: "day", timeZone: "UTC" }).tally;
    expect(unwrapErr(mergeSheets(days, { ...days, page: [[["b"], [1]]] } as never))).toEqual({
      code: "invalidTally",
      message: "tally 1: page.0 must be [key of 1 strings, 2 counts]",
      index: 1,
    });
    expect(unwrapErr(mergeSheets(null as never)).message).toBe("tally 0: not a sheet tally: null");
    expect(sheetPages({ kind: "nope" } as never)).toEqual([]);
  });

  it("refuses a batch with a period that is not one: every event, naming the period", () => {
    const result = tallySheet([{ type: "junkCall", at: 0 }], { unit: "year", timeZone: "UTC" } as never);
    expect(result.tally).toEqual(emptySheet());
    expect(result.rejected).toEqual([
      {
        index: 0,
        code: "invalidPeriod",
        field: "period",
        message: 'period.unit must be day, isoWeek or month, not "year"',
      },
    ]);
    expect(tallySheet(null as never).rejected[0]?.message).toBe("events must be an array, not null");
  });

  it("adds one event at a time", () => {
    let tally = emptySheet();
    for (const event of [contact({ leadId: "L1" }), contact({ leadId: "L1", at: T - 1, source: "otherReferral" })]) {
      tally = unwrap(addToSheet(tally, event));
    }
    expect(tally.leads.ids).toEqual(["L1"]);
    expect(leadContacts(tally)[0]?.source).toBe("otherReferral");
    expect(unwrapErr(addToSheet(tally, { type: "junkCall", at: Number.NaN }))).toMatchObject({ field: "at", index: 0 });
  });
});

describe("rendering", () => {
  const page = () =>
    onlyPage([
      contact({ program: "Blue | Ridge", source: "educationConsultant", outcome: "passedToAdmissions" }),
      { type: "note", at: T, program: "Blue | Ridge", text: 'Said "call\nMonday", ok' },
      { type: "junkCall", at: T },
    ]);

  it("as Markdown, sections 1–3 per program, junk and missed at the bottom", () => {
    expect(renderSheetMarkdown(page())).toBe(
      [
        "## Blue \\| Ridge",
        "",
        "| section | item | count |",
        "|---|---|---:|",
        "| 1. Where is the lead coming from? | Web leads | 0 |",
        "|  | EC Calls | 1 |",
        "|  | MHP/Hospital/Other Program | 0 |",
        "|  | Other referral source | 0 |",
        "|  | **Total Incoming calls** | **1** |",
        "| 2. What is being done with the lead? | Totals 50% (closed out lead) | 0 |",
        "|  | Totals 70% (kept open-following up) | 0 |",
        "|  | Totals 90% (passed to admissions) | 1 |",
        "| 3. Additional options | Transfer calls | 0 |",
        "|  | Non-admissions leads | 0 |",
        '|  | Notes | Said "call Monday", ok |',
        "",
        "| whole page | count |",
        "|---|---:|",
        "| Junk calls | 1 |",
        "| Missed calls | 0 |",
        "",
      ].join("\n"),
    );
    const titled = sheetPages(tallySheet([contact()], { unit: "day", timeZone: "UTC" }).tally)[0] as SheetPage;
    expect(renderSheetMarkdown(titled).split("\n")[0]).toBe("# First-contact sheet, 2026-11-23");
  });

  it("as CSV, quoting what needs quoting", () => {
    const lines = renderSheetCsv(page()).split("\r\n");
    expect(lines[0]).toBe("period,program,section,item,count");
    expect(lines[2]).toBe(",Blue | Ridge,1. Where is the lead coming from?,EC Calls,1");
    expect(lines[11]).toBe(',Blue | Ridge,3. Additional options,Notes,"Said ""call\nMonday"", ok"');
    expect(lines.slice(12)).toEqual([",,Page,Junk calls,1", ",,Page,Missed calls,0", ""]);
  });

  it("escapes Markdown fully: a name is text, never bold, a heading or a new row", () => {
    const hostile = onlyPage([
      contact({ program: "__proto__" }),
      contact({ program: "Ridge\n# Injected heading" }),
      { type: "note", at: T, program: "[x](javascript:alert(1))", text: "*bold* <b>html</b>\n| new | row |" },
    ]);
    const md = renderSheetMarkdown(hostile);
    expect(md).toContain("## \\_\\_proto\\_\\_");
    expect(md).toContain("## Ridge \\# Injected heading");
    expect(md).not.toMatch(/^# Injected/m);
    expect(md).toContain("## \\[x\\]\\(javascript:alert\\(1\\)\\)");
    expect(md).toContain("| \\*bold\\* \\<b\\>html\\</b\\> \\| new \\| row \\| |");
    // every table row still has its three cells
    const pageRows = /^\| (whole page|Junk calls|Missed calls) /;
    for (const line of md.split("\n").filter((l) => l.startsWith("| ") && !pageRows.test(l))) {
      expect(line.replace(/\\\|/g, "").split("|").length, line).toBe(5);
    }
  });

  it("neutralises spreadsheet formulas in CSV cells (OWASP CSV injection): =, +, -, @, tab, CR", () => {
    const hostile = onlyPage([
      contact({ program: '=HYPERLINK("http://evil","x")' }),
      contact({ program: "+1+1" }),
      contact({ program: "-2" }),
      contact({ program: "@SUM(A1)" }),
      { type: "note", at: T, program: "\tTabbed", text: "=cmd|' /C calc'!A0" },
    ]);
    const cells = renderSheetCsv(hostile)
      .split("\r\n")
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? []);
    for (const cell of cells) {
      const value = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(value, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(renderSheetCsv(hostile)).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(renderSheetCsv(hostile)).toContain(",'+1+1,");
  });
});
