export type { Period } from "../core/calendar.js";
export type { CounterRow } from "../core/counter.js";
export type { DialFacts } from "../core/dial.js";
export type { InvalidInput, Issue, Result } from "../core/result.js";
export { err, ok } from "../core/result.js";
export type { Instant } from "../core/time.js";
export type {
  FigureKind,
  FigureTally,
  LeadFact,
  PeriodFigures,
  Ratio,
  ShiftFigures,
  StatusFact,
} from "./figures.js";
export {
  emptyFigures,
  FIGURE_FIELDS,
  mergeFigures,
  periodFigures,
  shiftFigures,
  tallyLeadFigures,
  tallyShifts,
  tallyStatuses,
} from "./figures.js";
export type { PeriodSpec } from "./period.js";
export { renderSheetCsv, renderSheetMarkdown } from "./render.js";
export type {
  ContactKind,
  LeadColumns,
  LeadContact,
  NoteRow,
  Outcome,
  ProgramSheet,
  RejectedEvent,
  SheetEvent,
  SheetPage,
  SheetTally,
  Source,
  TallyError,
  TallyResult,
} from "./sheet.js";
export {
  addToSheet,
  emptySheet,
  leadContacts,
  mergeSheets,
  OUTCOMES,
  PAGE_FIELDS,
  PROGRAM_FIELDS,
  SOURCES,
  sheetPages,
  tallySheet,
} from "./sheet.js";
