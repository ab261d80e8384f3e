import type { Language } from "../../../db/schema";
import type { ReportDocument } from "../figures";
import { reportTables, translator, type Cell, type CellKind, type ExportTable } from "./tables.server";

/*
 * The report as a workbook: one worksheet per section, the same tables as the CSV. Cells are
 * typed so that sums and filters work without cleaning: money as a number of kroner with a NOK
 * format, ratios as fractions with a % format, dates as dates. The header row is frozen and
 * filtered; totals sit below an empty row so that sorting the data leaves them in place.
 * Number formats use the file format's own notation ("," groups, "." decimals); Excel shows them
 * with the reader's separators.
 */

export const NUMBER_FORMATS: Record<Exclude<CellKind, "text">, string> = {
  integer: "0",
  decimal: "#,##0.##",
  money: '#,##0.00 "kr"',
  percent: "0.0%",
  date: "dd.mm.yyyy",
};

const DATE_FORMAT: Record<Language, string> = { nb: "dd.mm.yyyy", nn: "dd.mm.yyyy", en: "yyyy-mm-dd" };

const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/** Excel refuses a workbook whose sheet names are too long, repeat, or hold []:*?/\ or edge apostrophes. */
export function sheetName(wanted: string, taken: Set<string>, fallback: string): string {
  const base =
    wanted
      .replace(FORBIDDEN_IN_SHEET_NAME, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .slice(0, MAX_SHEET_NAME)
      .trim() || fallback;
  let name = base;
  for (let n = 2; taken.has(name.toLocaleLowerCase("nb")); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
  }
  taken.add(name.toLocaleLowerCase("nb"));
  return name;
}

function cellValue(cell: Cell): string | number | Date | null {
  if (cell === null) return null;
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "money":
      return cell.value / 100;
    case "date": {
      const [y, m, d] = cell.value.split("-").map(Number);
      // exceljs turns a Date into a serial day from its UTC time; midnight UTC keeps the day
      return new Date(Date.UTC(y, m - 1, d));
    }
    default:
      return cell.value;
  }
}

/** Wide enough for the longest value, within reason; long text wraps instead. */
function columnWidth(table: ExportTable, index: number): number {
  const shown = (cell: Cell): number => {
    if (cell === null) return 0;
    if (cell.kind === "money") return (Math.abs(cell.value) / 100).toFixed(2).length + 6;
    if (cell.kind === "date") return 10;
    if (cell.kind === "percent") return 7;
    if (cell.kind === "text") return Math.max(...cell.value.split("\n").map((l) => l.length));
    return String(cell.value).length + 2;
  };
  const header = Math.min(table.columns[index].header.length, 24);
  const longest = Math.max(0, ...[...table.rows, ...table.footer].map((r) => shown(r[index] ?? null)));
  return Math.min(60, Math.max(8, header, longest) + 2);
}

export async function reportXlsx(doc: ReportDocument): Promise<Buffer> {
  // loaded on first use: exceljs is large and most requests never export
  const { default: ExcelJS } = await import("exceljs");
  const t = translator(doc.language);
  const f = doc.figures;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Fellesløft";
  workbook.title = t("reportExport:documentTitle", { year: f.year, name: f.cooperation.name });
  // the day of the figures, not of the download, so the same report gives the same workbook
  workbook.created = workbook.modified = new Date(doc.publishedAt ?? f.computedAt);

  const taken = new Set<string>();
  for (const [index, table] of reportTables(doc, t).entries()) {
    const columns = table.columns.length;
    const sheet = workbook.addWorksheet(sheetName(table.sheetName, taken, `${index + 1}`), {
      views: [{ state: "frozen", ySplit: 1, xSplit: table.keyColumns, activeCell: "A2" }],
    });
    sheet.columns = table.columns.map((c, i) => ({
      header: c.header,
      width: columnWidth(table, i),
      style: {
        ...(c.kind === "text" ? {} : { numFmt: c.kind === "date" ? DATE_FORMAT[doc.language] : NUMBER_FORMATS[c.kind] }),
        alignment: { vertical: "top", wrapText: c.kind === "text" },
      },
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: "bottom", wrapText: true };

    const write = (cells: Cell[]) => {
      const row = sheet.addRow(cells.map(cellValue));
      // a cell's own kind wins over its column's (the summary's value column mixes kinds)
      cells.forEach((cell, i) => {
        if (cell === null || cell.kind === "text") return;
        const target = row.getCell(i + 1);
        target.numFmt = cell.kind === "date" ? DATE_FORMAT[doc.language] : NUMBER_FORMATS[cell.kind];
        target.alignment = { vertical: "top", horizontal: "right" };
      });
      return row;
    };
    table.rows.forEach(write);
    if (table.rows.length) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: columns } };
    }
    if (table.footer.length) {
      sheet.addRow([]);
      for (const cells of table.footer) write(cells).font = { bold: true };
    }
    if (table.note) sheet.addRow([table.note]).font = { italic: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
