// The sheet renderers, pinned where mutation testing found them unjudged: a value that is not a
// page from sheetPages renders as "" by the renderers' own check, never by the last-resort guard
// (docs/contract.md 4: "Every JSON value gets a documented answer, not the guard's"), and a page
// that throws when read gets the guard's "".
import { describe, expect, it } from "vitest";
import { guardCatches } from "../../src/core/guard.js";
import { renderSheetCsv, renderSheetMarkdown } from "../../src/tally/render.js";
import { type SheetPage, sheetPages, tallySheet } from "../../src/tally/sheet.js";

const T = Date.parse("2026-11-23T15:00:00Z");
const page = (): SheetPage => {
  const [p] = sheetPages(
    tallySheet([
      { type: "firstContact", at: T, program: "Blue Ridge", source: "web", outcome: "keptOpen" },
      { type: "junkCall", at: T },
    ]).tally,
  );
  if (p === undefined) throw new Error("no page");
  return JSON.parse(JSON.stringify(p)) as SheetPage;
};
const renderers = [renderSheetMarkdown, renderSheetCsv] as const;

/** Renders with both renderers, expecting "" from each and no exception answered by the guard. */
const expectNothing = (value: unknown): void => {
  for (const render of renderers) {
    const before = guardCatches();
    expect(render(value as SheetPage)).toBe("");
    expect(guardCatches()).toBe(before);
  }
};

describe("the renderers: what is not a sheet page", () => {
  it("renders a real page (the control)", () => {
    expect(renderSheetMarkdown(page())).toContain("| Junk calls | 1 |");
    expect(renderSheetCsv(page())).toContain(",,Page,Junk calls,1");
  });

  // render.ts: "@param page - one sheet from sheetPages (anything else renders as "")".
  it('renders null, a number or a string as the page as ""', () => {
    for (const value of [null, 5, "page", true, undefined]) expectNothing(value);
  });

  it('renders a page whose program is null, undefined, a number or a string as ""', () => {
    for (const program of [null, undefined, 5, "Blue Ridge", false]) expectNothing({ ...page(), programs: [program] });
  });

  it('renders a program whose sources or outcomes are null or not an object as ""', () => {
    const [program] = page().programs;
    for (const bad of [null, 5, "web"]) {
      expectNothing({ ...page(), programs: [{ ...program, sources: bad }] });
      expectNothing({ ...page(), programs: [{ ...program, outcomes: bad }] });
    }
    // A function carrying the counts is still not the object sheetPages writes.
    const counts = (entries: object): object => Object.assign(() => 0, entries);
    expectNothing({ ...page(), programs: [{ ...program, sources: counts({ ...program?.sources }) }] });
    expectNothing({ ...page(), programs: [{ ...program, outcomes: counts({ ...program?.outcomes }) }] });
  });

  // docs/contract.md 4: a value that throws when read is answered by the guard, here a reader's "".
  it('renders a page that throws when read as ""', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error("revoked");
        },
      },
    ) as SheetPage;
    for (const render of renderers) expect(render(throwing)).toBe("");
  });
});
