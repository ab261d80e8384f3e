import type { DB } from "../../db/connect";
import type { CostKey, MeasureStatus } from "../../db/schema";
import { participationRows } from "../cooperation/participation.server";
import type { ChosenRow, MembershipRow } from "../cooperation/participation";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * What every overview (matrix, progress, uptake over time, costs) is computed from, in a fixed
 * number of set-based queries whatever the number of measures and municipalities. The
 * computations themselves are pure (matrix.ts, progress.ts, over-time.ts, costs.ts).
 */

export interface BaseMeasure {
  id: string;
  number: number;
  name: string;
  status: MeasureStatus;
  allMembers: boolean;
  periodFrom: number | null;
  periodTo: number | null;
  weight: number;
  investmentCost: number;
  runningCost: number;
  costKey: CostKey;
  equalPercent: number | null;
  populationYear: number | null;
  version: number;
  /** focus areas of the year's strategy the measure supports (directly or through a goal), in order */
  areaIds: string[];
  goalIds: string[];
}

export interface BaseArea {
  id: string;
  title: string;
  goals: { id: string; text: string }[];
}

export interface OverviewBase {
  municipalities: { id: string; number: string; name: string }[];
  memberships: MembershipRow[];
  chosen: (ChosenRow & { customShareBp: number | null })[];
  allMemberMeasureIds: string[];
  measures: BaseMeasure[];
  /** the focus areas of the strategy for the year: the adopted (or archived) one whose period covers it, else the one in force */
  areas: BaseArea[];
}

export async function loadOverviewBase(
  db: DB,
  { cooperationId, year }: { cooperationId: CooperationId; year: number },
): Promise<OverviewBase> {
  const [municipalities, rows, customShares, measures, strategies, links, goalLinks] = await Promise.all([
    db
      .selectFrom("membership")
      .innerJoin("municipality", "municipality.id", "membership.municipality_id")
      .select(["municipality.id", "municipality.number", "municipality.name"])
      .where("membership.cooperation_id", "=", cooperationId)
      .execute(),
    participationRows(db, { cooperationId }),
    db
      .selectFrom("measure_participant")
      .innerJoin("measure", "measure.id", "measure_participant.measure_id")
      .select(["measure_participant.measure_id", "measure_participant.municipality_id", "measure_participant.custom_share_bp"])
      .where("measure.cooperation_id", "=", cooperationId)
      .where("measure_participant.custom_share_bp", "is not", null)
      .execute(),
    db
      .selectFrom("measure")
      .select([
        "id",
        "number",
        "name",
        "status",
        "all_members",
        "period_from",
        "period_to",
        "progress_weight",
        "investment_cost",
        "running_cost",
        "cost_key",
        "cost_key_equal_percent",
        "cost_key_population_year",
        "version",
      ])
      .where("cooperation_id", "=", cooperationId)
      .orderBy("number")
      .execute(),
    db
      .selectFrom("strategy")
      .select(["id", "status", "period_from", "period_to", "created_at"])
      .where("cooperation_id", "=", cooperationId)
      .orderBy("created_at", "desc")
      .execute(),
    db
      .selectFrom("measure_focus_area")
      .innerJoin("measure", "measure.id", "measure_focus_area.measure_id")
      .select(["measure_focus_area.measure_id", "measure_focus_area.focus_area_id"])
      .where("measure.cooperation_id", "=", cooperationId)
      .execute(),
    db
      .selectFrom("measure_goal")
      .innerJoin("measure", "measure.id", "measure_goal.measure_id")
      .innerJoin("goal", "goal.id", "measure_goal.goal_id")
      .select(["measure_goal.measure_id", "measure_goal.goal_id", "goal.focus_area_id"])
      .where("measure.cooperation_id", "=", cooperationId)
      .execute(),
  ]);

  const covering = strategies.filter((s) => s.status !== "draft" && s.period_from <= year && s.period_to >= year);
  const strategy =
    covering.find((s) => s.status === "adopted") ??
    covering[0] ??
    strategies.find((s) => s.status === "adopted") ??
    strategies.find((s) => s.status === "draft");
  const [areaRows, goalRows] = strategy
    ? await Promise.all([
        db
          .selectFrom("focus_area")
          .select(["id", "title"])
          .where("strategy_id", "=", strategy.id)
          .orderBy("sort_order")
          .execute(),
        db
          .selectFrom("goal")
          .innerJoin("focus_area", "focus_area.id", "goal.focus_area_id")
          .select(["goal.id", "goal.text", "goal.focus_area_id"])
          .where("focus_area.strategy_id", "=", strategy.id)
          .orderBy("goal.sort_order")
          .execute(),
      ])
    : [[], []];
  const areas = areaRows.map((a) => ({
    id: a.id,
    title: a.title,
    goals: goalRows.filter((g) => g.focus_area_id === a.id).map((g) => ({ id: g.id, text: g.text })),
  }));
  const areaOrder = areas.map((a) => a.id);

  const seen = new Set<string>();
  const custom = new Map(customShares.map((c) => [`${c.measure_id}|${c.municipality_id}`, c.custom_share_bp]));
  return {
    municipalities: municipalities.filter((m) => !seen.has(m.id) && seen.add(m.id)),
    ...rows,
    chosen: rows.chosen.map((c) => ({ ...c, customShareBp: custom.get(`${c.measureId}|${c.municipalityId}`) ?? null })),
    areas,
    measures: measures.map((m) => {
      const direct = links.filter((l) => l.measure_id === m.id).map((l) => l.focus_area_id);
      const viaGoals = goalLinks.filter((g) => g.measure_id === m.id);
      const areaIds = areaOrder.filter((id) => direct.includes(id) || viaGoals.some((g) => g.focus_area_id === id));
      return {
        id: m.id,
        number: m.number,
        name: m.name,
        status: m.status,
        allMembers: m.all_members === 1,
        periodFrom: m.period_from,
        periodTo: m.period_to,
        weight: m.progress_weight,
        investmentCost: m.investment_cost,
        runningCost: m.running_cost,
        costKey: m.cost_key,
        equalPercent: m.cost_key_equal_percent,
        populationYear: m.cost_key_population_year,
        version: m.version,
        areaIds,
        goalIds: viaGoals.map((g) => g.goal_id),
      };
    }),
  };
}

/** Every report's status and dates, for curves over time (one query). */
export async function reportHistory(db: DB, { cooperationId }: { cooperationId: CooperationId }) {
  return db
    .selectFrom("uptake_report")
    .select(["measure_id", "municipality_id", "status", "seq", "effective_date", "created_at"])
    .where("cooperation_id", "=", cooperationId)
    .orderBy("seq")
    .execute();
}

export interface PopulationFigure {
  population: number;
  /** the year of the figure: the key's year, or the latest before it the register has */
  year: number;
}

/**
 * The register's populations of the given municipalities; for a key's population year, each
 * municipality's latest figure at or before it (as the measure page does).
 */
export async function populationLookup(
  db: DB,
  municipalityIds: string[],
): Promise<(populationYear: number) => Map<string, PopulationFigure>> {
  const rows = municipalityIds.length
    ? await db
        .selectFrom("municipality_population")
        .select(["municipality_id", "year", "population"])
        .where("municipality_id", "in", municipalityIds)
        .orderBy("year")
        .execute()
    : [];
  const cache = new Map<number, Map<string, PopulationFigure>>();
  return (populationYear) => {
    let result = cache.get(populationYear);
    if (!result) {
      result = new Map();
      for (const r of rows)
        if (r.year <= populationYear) result.set(r.municipality_id, { population: r.population, year: r.year });
      cache.set(populationYear, result);
    }
    return result;
  };
}
