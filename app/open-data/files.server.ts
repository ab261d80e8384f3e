import { strToU8, zipSync } from "fflate";
import { csvDecimal, csvText } from "../report/export/csv.server";
import type { Column, DatasetKey, DatasetRow, DatasetValue } from "./datasets.server";

/*
 * A dataset as a file. The CSV follows what Statistics Norway's own downloads do, so it opens
 * right in a Norwegian Excel and reads the same in statistics tools: UTF-8 with a byte order mark,
 * ";" between fields, a decimal comma, CRLF between rows, RFC 4180 quoting; dates yyyy-mm-dd; an
 * empty field for "none". The header is the columns' names, the same names as the JSON's keys.
 * The JSON is an array of objects with numbers as numbers.
 */

const BOM = "\uFEFF";

function csvValue(value: DatasetValue, column: Column): string {
  if (value === null) return "";
  if (typeof value === "number") return column.type === "integer" ? value.toFixed(0) : csvDecimal(value);
  return csvText(value);
}

export function datasetCsv(columns: readonly Column[], rows: readonly DatasetRow[]): string {
  const lines = [
    columns.map((c) => c.name).join(";"),
    ...rows.map((row) => columns.map((c) => csvValue(row[c.name] ?? null, c)).join(";")),
  ];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

export function datasetJson(columns: readonly Column[], rows: readonly DatasetRow[]): string {
  return JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, row[c.name] ?? null]))));
}

/** Every CSV in one ZIP, each under its dataset's name; the entries' time is the data's, so the bytes change only with it. */
export function datasetZip(files: ReadonlyArray<{ key: DatasetKey; csv: string }>, modified: Date): Uint8Array {
  return zipSync(Object.fromEntries(files.map(({ key, csv }) => [`${key}.csv`, [strToU8(csv), { mtime: modified }]])), {
    level: 6,
  });
}
