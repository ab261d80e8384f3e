import { CsvError, parse, type InfoRecord } from "csv-parse/sync";
import type { CustomTypeOptions } from "i18next";
import type { DB } from "../../db/connect";
import { recordAudit } from "../audit/audit.server";
import { transact } from "../utils/concurrency.server";
import { yearStart } from "@shared-schema/dates";

/*
 * A year's population from the CSV that Statistics Norway (SSB) publishes for table 07459, as its
 * download dialog writes it: semicolon separated, quoted, often with a title line and an empty
 * line before the header. The header has a "region" column ("K-1508 Ålesund" or "1508 Ålesund")
 * and either an "år" column with the figure in the last column (long form), or one column per
 * year whose heading ends with the year (wide form). One row per municipality: the figures are
 * for 1 January of the year, so the number is looked up among the municipalities valid that day.
 */

/** What can be wrong with a line: the texts under adminCli:population name every case. */
type PopulationProblemKey = Exclude<keyof CustomTypeOptions["resources"]["adminCli"]["population"], "line" | "refused">;

export interface PopulationProblem {
  line: number;
  /** a message key under adminCli:population */
  key: PopulationProblemKey;
  details?: Record<string, string>;
}

/** The file is refused as a whole; every problem names its line. */
export class PopulationFileError extends Error {
  constructor(readonly problems: PopulationProblem[]) {
    super(`population file refused: ${problems.map((p) => `${p.line} ${p.key}`).join(", ")}`);
  }
}

interface Figure {
  line: number;
  number: string;
  population: number;
}

interface CsvRow {
  line: number;
  cells: string[];
}

const YEAR = /^\d{4}$/;
const YEAR_AT_END = /(?:^|\D)(\d{4})$/;
const REGION = /^(?:K-)?(\d{4})(?:\s|$)/;

function readRows(text: string): CsvRow[] {
  const records = parse(text, {
    delimiter: ";",
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: InfoRecord }[]; // the shape `info: true` gives, which csv-parse's types leave out
  return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

/** Which cells hold a row's region and figure, the year the file is read for, and (long form) each row's year. */
interface Layout {
  region: number;
  figure: number;
  year: number;
  yearColumn: number | null;
}

function layoutOf(header: CsvRow, rows: CsvRow[], chosenYear: number | undefined): Layout | PopulationProblem {
  const cells = header.cells.map((c) => c.toLowerCase());
  const region = cells.indexOf("region");
  const yearColumn = cells.findIndex((c) => c === "år" || c === "year");
  if (yearColumn >= 0) {
    const years = new Set(
      rows
        .map((r) => r.cells[yearColumn] ?? "")
        .filter((y) => YEAR.test(y))
        .map(Number),
    );
    const year = pickYear([...years], chosenYear, header.line);
    return typeof year === "number" ? { region, figure: cells.length - 1, year, yearColumn } : year;
  }
  const yearColumns = new Map<number, number>();
  cells.forEach((cell, index) => {
    const year = YEAR_AT_END.exec(cell)?.[1];
    if (index !== region && year) yearColumns.set(Number(year), index);
  });
  const year = pickYear([...yearColumns.keys()], chosenYear, header.line);
  return typeof year === "number" ? { region, figure: yearColumns.get(year)!, year, yearColumn: null } : year;
}

function pickYear(years: number[], chosen: number | undefined, line: number): number | PopulationProblem {
  if (chosen !== undefined)
    return years.includes(chosen) ? chosen : { line, key: "yearNotInFile", details: { year: String(chosen) } };
  if (years.length === 1) return years[0]!;
  if (years.length === 0) return { line, key: "noYear" };
  return { line, key: "severalYears", details: { years: years.sort().join(", ") } };
}

function figuresOf(rows: CsvRow[], layout: Layout) {
  const figures: Figure[] = [];
  const problems: PopulationProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    if (layout.yearColumn !== null && cells[layout.yearColumn] !== String(layout.year)) continue;
    const region = cells[layout.region] ?? "";
    const number = REGION.exec(region)?.[1];
    const value = (cells[layout.figure] ?? "").replace(/[\s\u00a0]/g, "");
    if (!number) problems.push({ line, key: "notAMunicipality", details: { value: region } });
    else if (!/^\d{1,7}$/.test(value)) problems.push({ line, key: "badNumber", details: { value: cells[layout.figure] ?? "" } });
    else if (firstLine.has(number))
      problems.push({ line, key: "duplicate", details: { number, first: String(firstLine.get(number)) } });
    else {
      firstLine.set(number, line);
      figures.push({ line, number, population: Number(value) });
    }
  }
  return { figures, problems };
}

/** The file's figures for one year and the rows that are not; a file that cannot be read that far is refused. */
function readPopulationFile(
  text: string,
  chosenYear?: number,
): { year: number; figures: Figure[]; problems: PopulationProblem[] } {
  let rows: CsvRow[];
  try {
    rows = readRows(text);
  } catch (error) {
    const line = error instanceof CsvError && typeof error.lines === "number" ? error.lines : 1;
    throw new PopulationFileError([{ line, key: "unreadable" }]);
  }
  const headerIndex = rows.findIndex((r) => r.cells.some((c) => c.toLowerCase() === "region"));
  if (headerIndex < 0) throw new PopulationFileError([{ line: 1, key: "noHeader" }]);
  const header = rows[headerIndex]!;
  const data = rows.slice(headerIndex + 1);
  const layout = layoutOf(header, data, chosenYear);
  if ("key" in layout) throw new PopulationFileError([layout]);
  const { figures, problems } = figuresOf(data, layout);
  if (figures.length + problems.length === 0)
    throw new PopulationFileError([{ line: header.line, key: "noFigures", details: { year: String(layout.year) } }]);
  return { year: layout.year, figures, problems };
}

/** Municipality id by number, of the municipalities in the register on 1 January of the year. */
async function registerOn(db: DB, year: number): Promise<Map<string, string>> {
  const day = yearStart(year);
  const rows = await db
    .selectFrom("municipality")
    .select(["id", "number"])
    .where("valid_from", "<=", day)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", day)]))
    .execute();
  return new Map(rows.map((r) => [r.number, r.id]));
}

/**
 * Loads a year's population from SSB's CSV, all or nothing: a file with any bad row loads no
 * figure. Loading a year again replaces all of that year's figures; `replaced` says how many.
 */
export async function importPopulation(
  db: DB,
  input: { text: string; year?: number; actorId?: string | null },
): Promise<{ year: number; loaded: number; replaced: number }> {
  const { year, figures, problems } = readPopulationFile(input.text, input.year);
  const register = await registerOn(db, year);
  const unknown = figures
    .filter((f) => !register.has(f.number))
    .map((f) => ({ line: f.line, key: "unknownMunicipality" as const, details: { number: f.number, year: String(year) } }));
  if (problems.length || unknown.length) throw new PopulationFileError([...problems, ...unknown].sort((a, b) => a.line - b.line));
  const rows = figures.map((f) => ({ municipality_id: register.get(f.number)!, year, population: f.population }));
  return transact(db, async (trx) => {
    const before = await trx
      .selectFrom("municipality_population")
      .select(["municipality_id", "population"])
      .where("year", "=", year)
      .execute();
    await trx.deleteFrom("municipality_population").where("year", "=", year).execute();
    await trx.insertInto("municipality_population").values(rows).execute();
    await recordAudit(trx, {
      cooperationId: null,
      actorId: input.actorId ?? null,
      action: "population.imported",
      entityType: "municipality_population",
      entityId: String(year),
      before: before.length ? before : undefined,
      after: rows.map(({ municipality_id, population }) => ({ municipality_id, population })),
    });
    return { year, loaded: rows.length, replaced: before.length };
  });
}
