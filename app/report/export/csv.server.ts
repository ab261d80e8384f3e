import type { ReportDocument } from "../figures";
import { publicationLine, reportTables, translator, type Cell } from "./tables.server";

/*
 * The report as one CSV for Excel in Norwegian settings: UTF-8 with a byte order mark (without it
 * Excel reads the file as Windows-1252 and æøå break), ";" between fields (a Norwegian Excel
 * reads "," as the decimal sign), CRLF between rows, RFC 4180 quoting.
 *
 * Numbers are written so that Excel in nb-NO stores them as numbers: decimal comma, no thousands
 * separator, a plain "-" for negatives (never the Unicode minus that Intl writes):
 *   - money: kroner with two decimals, from øre ("1250000,50");
 *   - ratios: percent numbers with one decimal ("66,7"), the header says "(%)"; a percent number
 *     reads naturally in a cell, where a fraction (0,667) needs a format first;
 *   - dates: yyyy-mm-dd, which Excel recognises as a date in every locale.
 * An empty cell means "none" (no relevant municipality, not taking part).
 *
 * Sections follow one another, each with a title row, a header row, its rows and totals, then an
 * empty row. The narrative is left out: the CSV carries the figures, the PDF the text.
 */

const BOM = "\uFEFF";
const SEPARATOR = ";";
const NEEDS_QUOTES = /[;",\r\n]|^\s|\s$/;
/** Excel runs a cell that starts like a formula; user text (comments) must not be able to. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string): string {
  const cleaned = value.replace(/\r\n?/g, "\n");
  const safe = FORMULA_START.test(cleaned) ? `'${cleaned}` : cleaned;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** 123456 øre → "1234,56"; integer arithmetic, so no float rounding shows up in the cell. */
export function csvMoney(ore: number): string {
  const whole = Math.round(ore);
  const abs = Math.abs(whole);
  return `${whole < 0 ? "-" : ""}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

export function csvDecimal(value: number): string {
  // toFixed, not String(): String() writes 1e-7 in exponent notation, which Excel takes as text
  return (Number.isInteger(value) ? value.toFixed(0) : value.toFixed(6).replace(/\.?0+$/, "")).replace(".", ",");
}

export function csvPercent(ratio: number): string {
  return (Math.round(ratio * 1000) / 10).toFixed(1).replace(".", ",");
}

export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  switch (cell.kind) {
    case "text":
      return csvText(cell.value);
    case "integer":
      return Math.round(cell.value).toFixed(0);
    case "decimal":
      return csvDecimal(cell.value);
    case "money":
      return csvMoney(cell.value);
    case "percent":
      return csvPercent(cell.value);
    case "date":
      return cell.value;
  }
}

export function reportCsv(doc: ReportDocument): string {
  const t = translator(doc.language);
  const f = doc.figures;
  const rows: string[][] = [
    [csvText(t("reportExport:documentTitle", { year: f.year, name: f.cooperation.name }))],
    [csvText(publicationLine(doc, t))],
    [],
  ];
  for (const table of reportTables(doc, t)) {
    rows.push([csvText(table.title)]);
    rows.push(table.columns.map((c) => csvText(c.header)));
    for (const row of [...table.rows, ...table.footer]) rows.push(row.map(csvCell));
    if (table.note) rows.push([csvText(table.note)]);
    rows.push([]);
  }
  return BOM + rows.map((r) => r.join(SEPARATOR)).join("\r\n") + "\r\n";
}
