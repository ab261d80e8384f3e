import type { Language } from "../../../db/schema";
import type { CustomTypeOptions } from "i18next";
import { textKey, type TextKey } from "../../i18n/config";
import { i18nFor } from "../../i18n/i18n.server";
import { osloToday } from "@shared-schema/dates";
import { formatDate } from "../../i18n/format";
import type { MatrixCell } from "../../overview/figures";
import { REPORT_SECTIONS, type ReportDocument, type ReportFigures, type ReportSection } from "../figures";

/*
 * The report's sections as typed tables, built once and written by each format: the CSV and the
 * XLSX write exactly these, so a figure reads the same in both; the PDF reuses the simple ones and
 * lays out the wide ones (the uptake matrix, the costs) for the page. Translation happens here, so
 * the writers only decide how a kind of value looks.
 */

export type Cell =
  | null
  | { kind: "text"; value: string }
  | { kind: "integer"; value: number }
  /** a measured amount (realised benefit) in its own unit; may have decimals */
  | { kind: "decimal"; value: number }
  /** øre */
  | { kind: "money"; value: number }
  /** a ratio 0–1 */
  | { kind: "percent"; value: number }
  /** yyyy-mm-dd */
  | { kind: "date"; value: string };

export type CellKind = Exclude<Cell, null>["kind"];

export interface ExportColumn {
  header: string;
  /** what most cells of the column hold; sizes and aligns it */
  kind: CellKind;
}

export interface ExportTable {
  section: ReportSection;
  title: string;
  sheetName: string;
  columns: ExportColumn[];
  rows: Cell[][];
  /** totals below the data; a spreadsheet keeps them out of its filter and sorting */
  footer: Cell[][];
  /** shown instead of rows when there are none (e.g. no approved plan) */
  note: string | null;
  /** the leading columns that name a row; the spreadsheet keeps them in view when scrolling sideways */
  keyColumns: number;
}

export type Translate = (key: TextKey, options?: Record<string, unknown>) => string;

export function translator(lang: Language): Translate {
  const { t } = i18nFor(lang);
  return (key, options) => t(key, options ?? {}) as string;
}

export const text = (value: string | null | undefined): Cell => (value ? { kind: "text", value } : null);
export const integer = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? null : { kind: "integer", value };
export const decimal = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? null : { kind: "decimal", value };
export const money = (ore: number | null | undefined): Cell =>
  ore === null || ore === undefined ? null : { kind: "money", value: ore };
export const percent = (ratio: number | null | undefined): Cell =>
  ratio === null || ratio === undefined ? null : { kind: "percent", value: ratio };
/** Timestamps are cut to the day they fall on in Norway, which is what a reader means by "the date". */
export const date = (iso: string | null | undefined): Cell => (iso ? { kind: "date", value: osloDay(iso) } : null);

export function osloDay(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return osloToday(new Date(iso));
}

export function matrixCellText(t: Translate, cell: MatrixCell): string {
  if (cell === "not_reported") return t("reportExport:matrix.notReported");
  if (cell === "not_participating") return t("reportExport:matrix.notParticipating");
  return t(`common:uptakeStatus.${cell}`);
}

export function unitText(t: Translate, unit: string | null): string {
  // a unit typed by hand has no text of its own and is shown as it is
  return unit ? t(textKey(`measure:units.${unit}`), { defaultValue: unit }) : "";
}

/** "Published 3 March 2015 by Kari Nordmann", or the draft notice. */
export function publicationLine(doc: ReportDocument, t: Translate): string {
  if (!doc.publishedAt) return t("reportExport:draft");
  const when = formatDate(doc.language, doc.publishedAt);
  return doc.publishedBy
    ? t("reportExport:published", { date: when, name: doc.publishedBy })
    : t("reportExport:publishedNoName", { date: when });
}

export function allMeasures(figures: ReportFigures) {
  return figures.matrix.groups.flatMap((g) => g.measures.map((m) => ({ ...m, group: g.title })));
}

type ExportTexts = CustomTypeOptions["resources"]["reportExport"];
type Column = keyof ExportTexts["columns"];
/** A column's text under reportExport:columns, or a literal header written `=…` */
type Header = Column | `=${string}`;

export const measureLabel = (m: { number: number; name: string }) => `${m.number}. ${m.name}`;

function table(
  t: Translate,
  section: ReportSection,
  columns: [Header, CellKind][],
  rows: Cell[][],
  extra: Partial<Pick<ExportTable, "footer" | "note" | "keyColumns">> = {},
): ExportTable {
  return {
    section,
    title: t(`reportExport:sections.${section}`),
    sheetName: t(`reportExport:sheets.${section}`),
    columns: columns.map(([key, kind]) => ({
      header: key.startsWith("=") ? key.slice(1) : t(`reportExport:columns.${key as Column}`),
      kind,
    })),
    rows,
    footer: extra.footer ?? [],
    note: extra.note ?? (rows.length === 0 ? t("reportExport:empty") : null),
    keyColumns: extra.keyColumns ?? 1,
  };
}

/** A literal header rather than a message key (municipality and measure names). */
const literal = (header: string): `=${string}` => `=${header}`;

function summaryTable(doc: ReportDocument, t: Translate): ExportTable {
  const f = doc.figures;
  const measures = allMeasures(f).length;
  const rows: [keyof ExportTexts["summary"], Cell][] = [
    ["cooperation", text(f.cooperation.name)],
    ["year", integer(f.year)],
    ["measures", integer(measures)],
    ["municipalities", integer(f.matrix.municipalities.length)],
    ["relevant", integer(f.matrix.total.relevant)],
    ["inUse", integer(f.matrix.total.inUse)],
    ["uptake", percent(f.matrix.total.ratio)],
  ];
  if (f.plan) {
    rows.push(
      ["planVersion", integer(f.plan.versionNo)],
      ["planItems", integer(f.plan.items.length)],
      ["planBudget", money(f.plan.items.reduce((sum, i) => sum + i.budget, 0))],
    );
  }
  rows.push(
    ["investment", money(f.costs.totalInvestment)],
    ["running", money(f.costs.totalRunning)],
    ["weights", text(t(f.progress.equalWeights ? "reportExport:progress.equalWeights" : "reportExport:progress.weighted"))],
    ["benefits", integer(f.benefits.length)],
    ["comments", integer(f.comments.length)],
  );
  return table(
    t,
    "summary",
    [
      ["figure", "text"],
      ["value", "text"],
    ],
    rows.map(([key, value]) => [text(t(`reportExport:summary.${key}`)), value]),
  );
}

function planTable(doc: ReportDocument, t: Translate): ExportTable {
  const plan = doc.figures.plan;
  const rows: Cell[][] = (plan?.items ?? []).map((i) => [
    integer(i.number),
    text(i.name),
    text(t(`common:measureStatus.${i.status}`)),
    text(i.statusText),
    money(i.budget),
    integer(i.priority),
    text(i.milestones),
    integer(i.uptake.relevant),
    integer(i.uptake.inUse),
    percent(i.uptake.ratio),
  ]);
  const footer: Cell[][] = plan?.items.length
    ? [[null, text(t("reportExport:total")), null, null, money(plan.items.reduce((sum, i) => sum + i.budget, 0))]]
    : [];
  return table(
    t,
    "plan",
    [
      ["number", "integer"],
      ["measure", "text"],
      ["measureStatus", "text"],
      ["statusText", "text"],
      ["budget", "money"],
      ["priority", "integer"],
      ["milestones", "text"],
      ["relevant", "integer"],
      ["inUse", "integer"],
      ["uptake", "percent"],
    ],
    rows,
    { footer, keyColumns: 2, note: plan ? null : t("reportExport:plan.none", { year: doc.figures.year }) },
  );
}

function matrixTable(doc: ReportDocument, t: Translate): ExportTable {
  const m = doc.figures.matrix;
  const rows: Cell[][] = allMeasures(doc.figures).map((measure) => [
    text(measure.group),
    integer(measure.number),
    text(measure.name),
    text(t(`common:measureStatus.${measure.status}`)),
    ...measure.cells.map((c) => text(matrixCellText(t, c))),
    percent(measure.uptake.ratio),
  ]);
  const footer: Cell[][] = rows.length
    ? [
        [
          null,
          null,
          text(t("reportExport:matrix.municipalityTotal")),
          null,
          ...m.municipalityTotals.map((s) => percent(s.ratio)),
          percent(m.total.ratio),
        ],
      ]
    : [];
  return table(
    t,
    "matrix",
    [
      ["focusArea", "text"],
      ["number", "integer"],
      ["measure", "text"],
      ["measureStatus", "text"],
      ...m.municipalities.map((mu): [Header, CellKind] => [literal(mu.name), "text"]),
      ["uptake", "percent"],
    ],
    rows,
    { footer, keyColumns: 3 },
  );
}

function progressTable(doc: ReportDocument, t: Translate): ExportTable {
  const rows: Cell[][] = doc.figures.progress.areas.flatMap((area) => [
    [text(area.title), text(t("reportExport:progress.wholeArea")), integer(area.measures), percent(area.share)],
    ...area.goals.map((g) => [text(area.title), text(g.text), integer(g.measures), percent(g.share)]),
  ]);
  return table(
    t,
    "progress",
    [
      ["focusArea", "text"],
      ["goal", "text"],
      ["measures", "integer"],
      ["progress", "percent"],
    ],
    rows,
    { keyColumns: 2 },
  );
}

function costsTable(doc: ReportDocument, t: Translate): ExportTable {
  const c = doc.figures.costs;
  const rows: Cell[][] = c.municipalities.map((mu) => [
    text(mu.name),
    money(mu.totalInvestment),
    money(mu.totalRunning),
    ...mu.shares.flatMap((s) => (s ? [money(s.investment), money(s.running)] : [null, null])),
  ]);
  const footer: Cell[][] = rows.length
    ? [
        [
          text(t("reportExport:total")),
          money(c.totalInvestment),
          money(c.totalRunning),
          ...c.measures.flatMap((m) => [money(m.investment), money(m.running)]),
        ],
      ]
    : [];
  return table(
    t,
    "costs",
    [
      ["municipality", "text"],
      ["investment", "money"],
      ["running", "money"],
      ...c.measures.flatMap((m): [Header, CellKind][] => [
        [literal(t("reportExport:columns.measureInvestment", { measure: measureLabel(m) })), "money"],
        [literal(t("reportExport:columns.measureRunning", { measure: measureLabel(m) })), "money"],
      ]),
    ],
    rows,
    { footer },
  );
}

function benefitsTable(doc: ReportDocument, t: Translate): ExportTable {
  const rows: Cell[][] = doc.figures.benefits.map((b) => [
    integer(b.measureNumber),
    text(b.measureName),
    text(b.municipality),
    text(b.description),
    decimal(b.amount),
    text(unitText(t, b.unit)),
    decimal(b.expected),
  ]);
  return table(
    t,
    "benefits",
    [
      ["number", "integer"],
      ["measure", "text"],
      ["municipality", "text"],
      ["description", "text"],
      ["amount", "decimal"],
      ["unit", "text"],
      ["expected", "decimal"],
    ],
    rows,
    { keyColumns: 3 },
  );
}

function commentsTable(doc: ReportDocument, t: Translate): ExportTable {
  const names = new Map(allMeasures(doc.figures).map((m) => [m.number, m.name]));
  const rows: Cell[][] = doc.figures.comments.map((c) => [
    date(c.date),
    integer(c.measureNumber),
    // a comment may be on a measure that no longer runs in the year, so not in its matrix
    text(c.measureName ?? (c.measureNumber === null ? null : names.get(c.measureNumber))),
    text(c.municipality),
    text(c.author),
    text(c.text),
  ]);
  return table(
    t,
    "comments",
    [
      ["date", "date"],
      ["number", "integer"],
      ["measure", "text"],
      ["municipality", "text"],
      ["author", "text"],
      ["comment", "text"],
    ],
    rows,
  );
}

const BUILDERS: Record<ReportSection, (doc: ReportDocument, t: Translate) => ExportTable> = {
  summary: summaryTable,
  plan: planTable,
  matrix: matrixTable,
  progress: progressTable,
  costs: costsTable,
  benefits: benefitsTable,
  comments: commentsTable,
};

/** One table per section, in the report's order. */
export function reportTables(doc: ReportDocument, t: Translate = translator(doc.language)): ExportTable[] {
  return REPORT_SECTIONS.map((section) => BUILDERS[section](doc, t));
}
