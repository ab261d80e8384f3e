import type { MeasureStatus, UptakeStatus } from "../../db/schema";
import type { MatrixCell, MatrixGroup, UptakeMatrix } from "./figures";
import { uptakeSummary } from "../uptake/uptake";
import type { OverviewBase } from "./load.server";

export interface MatrixFilters {
  focusArea?: string;
  status?: MeasureStatus;
  municipality?: string;
}

/** Does the measure run in the year (an open end runs on)? */
export function runsIn(m: { periodFrom: number | null; periodTo: number | null }, year: number): boolean {
  return (m.periodFrom === null || m.periodFrom <= year) && (m.periodTo === null || m.periodTo >= year);
}

/**
 * The uptake matrix for a plan year: the measures running that year, grouped by focus area, ×
 * the municipalities that were members on `date`, each cell the pair's status on `date`. A
 * municipality not taking part in a measure shows that instead of a status; one taking part that
 * has not reported counts as not started in the totals.
 */
export function buildMatrix({
  base,
  participation,
  statuses,
  year,
  filters = {},
}: {
  base: OverviewBase;
  participation: Map<string, Set<string>>;
  statuses: Map<string, UptakeStatus>;
  year: number;
  filters?: MatrixFilters;
}): UptakeMatrix {
  const municipalities = base.municipalities
    .filter((m) => participation.has(m.id) && (!filters.municipality || m.id === filters.municipality))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const measures = base.measures.filter(
    (m) =>
      runsIn(m, year) &&
      (!filters.status || m.status === filters.status) &&
      (!filters.focusArea || m.areaIds.includes(filters.focusArea)),
  );
  const cellOf = (measureId: string, municipalityId: string): MatrixCell =>
    !participation.get(municipalityId)?.has(measureId)
      ? "not_participating"
      : (statuses.get(`${measureId}|${municipalityId}`) ?? "not_reported");
  const counted = (cell: MatrixCell): UptakeStatus | undefined =>
    cell === "not_participating" ? undefined : cell === "not_reported" ? "not_started" : cell;

  const rows = measures.map((m) => {
    const cells = municipalities.map((mu) => cellOf(m.id, mu.id));
    return {
      id: m.id,
      number: m.number,
      name: m.name,
      status: m.status,
      cells,
      uptake: uptakeSummary(cells.map(counted).filter((s): s is UptakeStatus => s !== undefined)),
      areaId: m.areaIds.find((id) => !filters.focusArea || id === filters.focusArea) ?? null,
    };
  });
  const groups: MatrixGroup[] = [
    ...base.areas.map((a) => ({ focusAreaId: a.id as string | null, title: a.title })),
    // measures that support none of the strategy's focus areas; pages and exports name the group
    { focusAreaId: null, title: "" },
  ]
    .map((g) => ({
      ...g,
      measures: rows.filter((r) => r.areaId === g.focusAreaId).map(({ areaId: _area, ...r }) => r),
    }))
    .filter((g) => g.measures.length > 0);

  const municipalityTotals = municipalities.map((_, i) =>
    uptakeSummary(rows.map((r) => counted(r.cells[i])).filter((s): s is UptakeStatus => s !== undefined)),
  );
  const all = rows.flatMap((r) => r.cells.map(counted)).filter((s): s is UptakeStatus => s !== undefined);
  return { year, municipalities, groups, municipalityTotals, total: uptakeSummary(all) };
}
