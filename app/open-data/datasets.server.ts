import type { DB } from "../../db/connect";
import { osloYear } from "@shared-schema/dates";
import { overviewCache } from "../overview/cache.server";
import type { UptakeMatrix } from "../overview/figures";
import { asOfDate, uptakeMatrix } from "../overview/overview.server";
import { planYears } from "../overview/years.server";
import type { PublicPart } from "../publication/parts";
import { publicPlan, publicPlans, publicReport, publicReports } from "../publication/pages.server";
import type { PublicScope } from "../publication/public-scope.server";
import type { ReportFigures } from "../report/figures";

/*
 * The open datasets of a cooperation: flat tables, one row per observation with the year first
 * and the value last, as statistics tools read them. Each dataset is made of what its public
 * part shows (the approved plans' snapshots, the matrix, the published reports' frozen figures),
 * so a download never says more than the pages, and the CSV, the JSON and the API read the same
 * rows. Money is in kroner; the database keeps øre.
 */

export const DATASET_KEYS = ["measures", "plan-items", "uptake", "report-figures"] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

export type ColumnType = "integer" | "number" | "string" | "date";

export interface Column {
  name: ColumnName;
  type: ColumnType;
  nullable: boolean;
}

export type DatasetValue = string | number | null;
export type DatasetRow = Record<string, DatasetValue>;

const COLUMN_NAMES = [
  "year",
  "as_of_date",
  "plan_version",
  "decided_on",
  "decision_case_number",
  "indicator",
  "measure_number",
  "measure_name",
  "description",
  "measure_status",
  "uptake_status",
  "period_from",
  "period_to",
  "cost_key",
  "priority",
  "item_budget_nok",
  "municipality_number",
  "municipality_name",
  "population",
  "investment_cost_nok",
  "running_cost_nok",
  "investment_share_nok",
  "running_share_nok",
  "value",
] as const;
export type ColumnName = (typeof COLUMN_NAMES)[number];

const col = (name: ColumnName, type: ColumnType, nullable = false): Column => ({ name, type, nullable });

export interface Dataset {
  /** published when the open data is, and any of these parts: the rows come from what they show */
  parts: readonly PublicPart[];
  columns: readonly Column[];
}

export const DATASETS: Record<DatasetKey, Dataset> = {
  measures: {
    parts: ["plan", "matrix"],
    columns: [
      col("measure_number", "integer"),
      col("measure_name", "string"),
      col("description", "string"),
      col("measure_status", "string"),
      col("period_from", "integer", true),
      col("period_to", "integer", true),
      col("cost_key", "string"),
      col("investment_cost_nok", "number"),
      col("running_cost_nok", "number"),
    ],
  },
  "plan-items": {
    parts: ["plan"],
    columns: [
      col("year", "integer"),
      col("plan_version", "integer"),
      col("decided_on", "date"),
      col("decision_case_number", "string", true),
      col("measure_number", "integer"),
      col("measure_name", "string"),
      col("priority", "integer", true),
      col("item_budget_nok", "number"),
      col("municipality_number", "string", true),
      col("municipality_name", "string", true),
      col("population", "integer", true),
      col("investment_share_nok", "number", true),
      col("running_share_nok", "number", true),
    ],
  },
  uptake: {
    parts: ["matrix"],
    columns: [
      col("year", "integer"),
      col("as_of_date", "date"),
      col("measure_number", "integer"),
      col("measure_name", "string"),
      col("municipality_number", "string"),
      col("municipality_name", "string"),
      col("uptake_status", "string"),
    ],
  },
  "report-figures": {
    parts: ["reports"],
    columns: [
      col("year", "integer"),
      col("indicator", "string"),
      col("measure_number", "integer", true),
      col("measure_name", "string", true),
      col("municipality_number", "string", true),
      col("municipality_name", "string", true),
      col("value", "number", true),
    ],
  },
};

/** What a report-figures row measures; the value's unit is in its name. */
export const INDICATORS = [
  "uptake_percent",
  "relevant_municipalities",
  "municipalities_in_use",
  "plan_budget_nok",
  "investment_cost_nok",
  "running_cost_nok",
  "investment_share_nok",
  "running_share_nok",
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The datasets a scope publishes: open data is on, and a part the dataset is made of. */
export function publishedDatasets(scope: PublicScope): DatasetKey[] {
  if (!scope.published.data) return [];
  return DATASET_KEYS.filter((key) => DATASETS[key].parts.some((part) => scope.published[part]));
}

export const isDatasetKey = (value: string | undefined): value is DatasetKey =>
  (DATASET_KEYS as readonly string[]).includes(value ?? "");

/** Øre as kroner, exactly: the API and the files write money the same way. */
export const kroner = (ore: number) => Math.round(ore) / 100;

/** The rows of a published dataset, made once per data version; null when the scope does not publish it. */
export async function datasetRows(db: DB, scope: PublicScope, key: DatasetKey): Promise<DatasetRow[] | null> {
  if (!publishedDatasets(scope).includes(key)) return null;
  return partRows(db, scope, key);
}

/**
 * A dataset's rows whenever a part it is made of is published, downloads offered or not: the
 * read API answers from them, so it and the downloads cannot say different things.
 */
export async function partRows(db: DB, scope: PublicScope, key: DatasetKey): Promise<DatasetRow[] | null> {
  if (!DATASETS[key].parts.some((part) => scope.published[part])) return null;
  const cache = await overviewCache(db, scope.cooperationId);
  const parts = DATASETS[key].parts.filter((part) => scope.published[part]).join(",");
  return cache.get(`open-data|${key}|${parts}`, () => BUILDERS[key](db, scope));
}

const BUILDERS: Record<DatasetKey, (db: DB, scope: PublicScope) => Promise<DatasetRow[]>> = {
  measures: measureRows,
  "plan-items": planItemRows,
  uptake: uptakeRows,
  "report-figures": reportFigureRows,
};

async function planItemRows(db: DB, scope: PublicScope): Promise<DatasetRow[]> {
  const years = (await publicPlans(scope)).map((p) => p.year).sort((a, b) => a - b);
  const rows: DatasetRow[] = [];
  for (const year of years) {
    const plan = await publicPlan(db, scope, year);
    if (!plan) continue;
    const head = {
      year,
      plan_version: plan.versionNo,
      decided_on: plan.decision.decidedOn,
      decision_case_number: plan.decision.caseNumber,
    };
    for (const item of [...plan.items].sort((a, b) => a.measure.number - b.measure.number)) {
      const about = {
        ...head,
        measure_number: item.measure.number,
        measure_name: item.measure.name,
        priority: item.priority,
        item_budget_nok: kroner(item.budget),
      };
      const shares = item.shares.rows;
      if (shares.length === 0) {
        rows.push({ ...about, ...NO_MUNICIPALITY, population: null, investment_share_nok: null, running_share_nok: null });
        continue;
      }
      for (const share of shares) {
        rows.push({
          ...about,
          municipality_number: share.number,
          municipality_name: share.name,
          population: share.population,
          investment_share_nok: "investmentShare" in share ? kroner(share.investmentShare) : null,
          running_share_nok: "runningShare" in share ? kroner(share.runningShare) : null,
        });
      }
    }
  }
  return rows;
}

const NO_MUNICIPALITY = { municipality_number: null, municipality_name: null };

/** The years the matrix has an end (or a today) for: every plan year up to this one. */
async function observedYears(db: DB, scope: PublicScope): Promise<number[]> {
  const { all } = await planYears(db, { cooperationId: scope.cooperationId });
  const thisYear = osloYear();
  return all.filter((year) => year <= thisYear);
}

async function uptakeRows(db: DB, scope: PublicScope): Promise<DatasetRow[]> {
  const rows: DatasetRow[] = [];
  for (const year of await observedYears(db, scope)) {
    const { matrix } = await uptakeMatrix(db, { cooperationId: scope.cooperationId, year });
    const head = { year, as_of_date: asOfDate(year) };
    for (const measure of matrixMeasures(matrix)) {
      measure.cells.forEach((cell, i) => {
        if (cell === "not_participating") return;
        const municipality = matrix.municipalities[i];
        rows.push({
          ...head,
          measure_number: measure.number,
          measure_name: measure.name,
          municipality_number: municipality.number,
          municipality_name: municipality.name,
          uptake_status: cell,
        });
      });
    }
  }
  return rows;
}

const matrixMeasures = (matrix: UptakeMatrix) =>
  matrix.groups.flatMap((group) => group.measures).sort((a, b) => a.number - b.number);

/**
 * The measures the public pages show: those of an approved plan, and those of a year's matrix,
 * as each part is published; described as the catalogue has them now.
 */
async function measureRows(db: DB, scope: PublicScope): Promise<DatasetRow[]> {
  const numbers = new Set<number>();
  for (const key of ["plan-items", "uptake"] as const) {
    for (const row of (await partRows(db, scope, key)) ?? []) numbers.add(row.measure_number as number);
  }
  if (numbers.size === 0) return [];
  const measures = await db
    .selectFrom("measure")
    .select([
      "number",
      "name",
      "description",
      "status",
      "period_from",
      "period_to",
      "cost_key",
      "investment_cost",
      "running_cost",
    ])
    .where("cooperation_id", "=", scope.cooperationId)
    .where("number", "in", [...numbers])
    .orderBy("number")
    .execute();
  return measures.map((m) => ({
    measure_number: m.number,
    measure_name: m.name,
    description: m.description,
    measure_status: m.status,
    period_from: m.period_from,
    period_to: m.period_to,
    cost_key: m.cost_key,
    investment_cost_nok: kroner(m.investment_cost),
    running_cost_nok: kroner(m.running_cost),
  }));
}

async function reportFigureRows(db: DB, scope: PublicScope): Promise<DatasetRow[]> {
  const years = (await publicReports(db, scope)).map((r) => r.year).sort((a, b) => a - b);
  const rows: DatasetRow[] = [];
  for (const year of years) {
    const report = await publicReport(db, scope, year, scope.defaultLanguage);
    if (report) rows.push(...(await figureRows(db, year, report.figures)));
  }
  return rows;
}

type Place = { id: string; number: string; name: string };

function observation(
  year: number,
  indicator: Indicator,
  value: number | null,
  measure: { number: number; name: string } | null,
  municipality: Place | null,
): DatasetRow {
  return {
    year,
    indicator,
    measure_number: measure?.number ?? null,
    measure_name: measure?.name ?? null,
    municipality_number: municipality?.number ?? null,
    municipality_name: municipality?.name ?? null,
    value,
  };
}

const percent = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);

/** A published report's frozen figures as observations: uptake, the plan's budgets, and the shares of the cost. */
async function figureRows(db: DB, year: number, figures: ReportFigures): Promise<DatasetRow[]> {
  const { matrix, costs, plan } = figures;
  const places = await municipalitiesById(
    db,
    matrix.municipalities,
    costs.municipalities.map((m) => m.id),
  );
  const rows: DatasetRow[] = [];
  const at = (
    indicator: Indicator,
    value: number | null,
    measure: { number: number; name: string } | null,
    place: Place | null,
  ) => rows.push(observation(year, indicator, value, measure, place));
  at("uptake_percent", percent(matrix.total.ratio), null, null);
  matrix.municipalities.forEach((m, i) => at("uptake_percent", percent(matrix.municipalityTotals[i].ratio), null, m));
  for (const measure of matrixMeasures(matrix)) {
    at("uptake_percent", percent(measure.uptake.ratio), measure, null);
    at("relevant_municipalities", measure.uptake.relevant, measure, null);
    at("municipalities_in_use", measure.uptake.inUse, measure, null);
  }
  for (const item of [...(plan?.items ?? [])].sort((a, b) => a.number - b.number)) {
    at("plan_budget_nok", kroner(item.budget), item, null);
  }
  costs.measures.forEach((measure, i) => {
    at("investment_cost_nok", kroner(measure.investment), measure, null);
    at("running_cost_nok", kroner(measure.running), measure, null);
    for (const municipality of costs.municipalities) {
      const share = municipality.shares[i];
      const place = places.get(municipality.id);
      if (!share || !place) continue;
      at("investment_share_nok", kroner(share.investment), measure, place);
      at("running_share_nok", kroner(share.running), measure, place);
    }
  });
  return rows;
}

/** The municipalities a report names, with their numbers: from its matrix, else from the register. */
async function municipalitiesById(db: DB, known: readonly Place[], ids: readonly string[]): Promise<Map<string, Place>> {
  const places = new Map(known.map((m) => [m.id, m]));
  const missing = ids.filter((id) => !places.has(id));
  if (missing.length) {
    const rows = await db.selectFrom("municipality").select(["id", "number", "name"]).where("id", "in", missing).execute();
    for (const row of rows) places.set(row.id, row);
  }
  return places;
}
