import type { DB } from "../../db/connect";
import { participationOn } from "../cooperation/participation";
import { participationRows } from "../cooperation/participation.server";
import { runsIn } from "./matrix";
import { asOfDate } from "./overview.server";
import { planYears } from "./years.server";
import type { CooperationId } from "../cooperation/scope.server";

/**
 * The municipalities the uptake matrix can show a cell for on this measure: taking part in it on
 * the day a plan year's figures are taken on, in a year the measure runs. Each such cell links to
 * the municipality's part of the measure page's history, so the page has one for each of them,
 * reported or not.
 */
export async function matrixMunicipalityIds(
  db: DB,
  {
    cooperationId,
    measure,
  }: { cooperationId: CooperationId; measure: { id: string; periodFrom: number | null; periodTo: number | null } },
): Promise<Set<string>> {
  const [years, rows] = await Promise.all([planYears(db, { cooperationId }), participationRows(db, { cooperationId })]);
  const ids = new Set<string>();
  for (const year of years.all.filter((y) => runsIn(measure, y))) {
    for (const [municipalityId, measures] of participationOn(asOfDate(year), rows)) {
      if (measures.has(measure.id)) ids.add(municipalityId);
    }
  }
  return ids;
}
