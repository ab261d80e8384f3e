import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Column, DatasetRow } from "../../app/open-data/datasets.server";
import { datasetCsv, datasetJson, datasetZip } from "../../app/open-data/files.server";

const columns: Column[] = [
  { name: "year", type: "integer", nullable: false },
  { name: "measure_name", type: "string", nullable: false },
  { name: "municipality_number", type: "string", nullable: true },
  { name: "value", type: "number", nullable: true },
];

const rows: DatasetRow[] = [
  { year: 2025, measure_name: "Feide; for elevar", municipality_number: "1507", value: 1234567.5 },
  { year: 2025, measure_name: 'Sak "arkiv"\nlinje to', municipality_number: null, value: null },
  { year: 2026, measure_name: "=HYPERLINK(\"x\")", municipality_number: "0301", value: -0.25 },
  { year: 2026, measure_name: "Æøå", municipality_number: "5001", value: 3 },
];

describe("a dataset as CSV", () => {
  const csv = datasetCsv(columns, rows);

  it("starts with a byte order mark, separates with semicolons and ends rows with CRLF", () => {
    expect(csv.startsWith("\uFEFFyear;measure_name;municipality_number;value\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes numbers with a decimal comma and no thousands separator, and none as an empty field", () => {
    const lines = csv.split("\r\n");
    expect(lines[1]).toBe('2025;"Feide; for elevar";1507;1234567,5');
    expect(lines.at(-2)).toBe("2026;Æøå;5001;3");
    expect(csv).toContain(";0301;-0,25");
  });

  it("keeps municipality numbers' leading zero, quotes what needs it, and lets no text start a formula", () => {
    const [, ...parsed] = parse(csv, { delimiter: ";", bom: true }) as string[][];
    expect(parsed.map((r) => r[1])).toEqual(["Feide; for elevar", 'Sak "arkiv"\nlinje to', "'=HYPERLINK(\"x\")", "Æøå"]);
    expect(parsed.map((r) => r[2])).toEqual(["1507", "", "0301", "5001"]);
  });
});

describe("a dataset as JSON", () => {
  it("is an array of objects with exactly the columns, numbers as numbers and none as null", () => {
    const parsed = JSON.parse(datasetJson(columns, [{ ...rows[1], extra: "not a column" }]));
    expect(parsed).toEqual([{ year: 2025, measure_name: 'Sak "arkiv"\nlinje to', municipality_number: null, value: null }]);
  });
});

describe("the ZIP of a cooperation's CSVs", () => {
  it("holds each CSV byte for byte under its dataset's name, and is the same for the same data", () => {
    const files = [
      { key: "uptake" as const, csv: datasetCsv(columns, rows) },
      { key: "measures" as const, csv: datasetCsv(columns, []) },
    ];
    const at = new Date("2026-12-01T12:00:00Z");
    const zip = datasetZip(files, at);
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(["measures.csv", "uptake.csv"]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(entries["uptake.csv"])).toBe(files[0].csv);
    expect(datasetZip(files, at)).toEqual(zip);
  });
});
