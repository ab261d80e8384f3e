import type { DB } from "../../db/connect";
import { osloToday, yearEnd } from "@shared-schema/dates";
import type { CostFigures, ProgressFigures, UptakeMatrix, UptakeSeries } from "./figures";
import { buildCosts, type UnsharedMeasure } from "./costs";
import { statusesOn } from "../uptake/statuses.server";
import { loadOverviewBase, populationLookup, reportHistory, type OverviewBase } from "./load.server";
import { buildMatrix, type MatrixFilters } from "./matrix";
import { timePoints, uptakeOverTime } from "./over-time";
import { participationOn } from "../cooperation/participation";
import { buildProgress } from "./progress";
import type { CooperationId } from "../cooperation/scope.server";

/** The day a year's figures are taken on: its last day, or today for this year (and later ones). */
export function asOfDate(year: number, today = osloToday()): string {
  return year < Number(today.slice(0, 4)) ? yearEnd(year) : today;
}

/** The uptake matrix of a plan year, in a fixed number of queries. */
export async function uptakeMatrix(
  db: DB,
  { cooperationId, year, filters }: { cooperationId: CooperationId; year: number; filters?: MatrixFilters },
): Promise<{ base: OverviewBase; matrix: UptakeMatrix }> {
  const date = asOfDate(year);
  const [base, statuses] = await Promise.all([
    loadOverviewBase(db, { cooperationId, year }),
    statusesOn(db, { cooperationId, date }),
  ]);
  return { base, matrix: buildMatrix({ base, participation: participationOn(date, base), statuses, year, filters }) };
}

export interface OverviewFigures {
  matrix: UptakeMatrix;
  progress: ProgressFigures;
  overTime: { measures: UptakeSeries[]; areas: UptakeSeries[] };
  costs: CostFigures & { unshared: UnsharedMeasure[] };
}

/** Everything the overview shows for a year: matrix totals, progress, uptake over time, costs. */
export async function overviewFigures(
  db: DB,
  { cooperationId, year }: { cooperationId: CooperationId; year: number },
): Promise<OverviewFigures> {
  const [{ base, matrix }, history, rounds] = await Promise.all([
    uptakeMatrix(db, { cooperationId, year }),
    reportHistory(db, { cooperationId }),
    db
      .selectFrom("reporting_round")
      .select(["name", "opened_at", "closed_at"])
      .where("cooperation_id", "=", cooperationId)
      .execute(),
  ]);
  const populations = await populationLookup(
    db,
    base.municipalities.map((m) => m.id),
  );
  const uptake = new Map(matrix.groups.flatMap((g) => g.measures).map((m) => [m.id, m.uptake]));
  const points = timePoints({
    reports: history,
    rounds: rounds.map((r) => ({ name: r.name, openedAt: r.opened_at, closedAt: r.closed_at })),
    today: osloToday(),
  });
  return {
    matrix,
    progress: buildProgress(base, uptake),
    overTime: uptakeOverTime({ base, reports: history, points }),
    costs: buildCosts({ base, year, populations }),
  };
}
