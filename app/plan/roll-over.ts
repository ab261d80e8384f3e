import type { MeasureStatus } from "../../db/schema";

/*
 * Rolling the action plan into a new year ("skal rullerast kvart år", seed 004 ch. 1.4): the new
 * year's draft starts from last year's approved plan, so the secretariat edits a proposal
 * instead of typing the plan again. Rules, and why:
 *
 * - A measure is finished when it is `completed` or `discontinued`: the measure statuses that end its work.
 *   Every measure of last year's plan that is not finished is carried over, `carriedOver` set,
 *   so the board sees which items are continuing work and which are new. A measure `on_hold` is
 *   not finished either: dropping it is a decision the secretariat makes explicitly.
 * - The measure's status comes from the catalogue, which is the current truth; the status stored
 *   with last year's items is only a fallback for a measure the catalogue does not list.
 * - Finished measures are listed separately (in last year's order) so the plan can report
 *   what was completed last year, instead of silently disappearing from the plan.
 * - Order and priority are kept: re-prioritising is the secretariat's next step, not the roll's.
 *   Sort order is renumbered 0, 1, 2 … so the gaps left by finished measures close.
 * - Last year's budget is carried as a proposal: the amount a continuing measure needs is most
 *   often close to last year's, and the budget process (seed 004) adjusts it.
 * - The implementation period is the measure's multi-year period, so it is kept as it was.
 * - Milestones belong to one year and are cleared: last year's milestones are reached or late,
 *   and either way the new year needs its own.
 * - Unfinished catalogue measures that were not in last year's plan are offered as candidates
 *   (by measure number) for the secretariat to add; they are not added automatically, because
 *   entering the plan is a priority decision.
 */

/**
 * An item whose implementation period ended before the plan's year. Rolling carries it like any
 * unfinished measure — whether the work goes on is the secretariat's call — but the plan shows it
 * apart, to have the period extended or the item dropped.
 */
export function periodEnded(item: { periodTo: number | null }, planYear: number): boolean {
  return item.periodTo !== null && item.periodTo < planYear;
}

export const FINISHED_STATUSES = ["completed", "discontinued"] as const satisfies readonly MeasureStatus[];

export function isFinished(status: MeasureStatus): boolean {
  return (FINISHED_STATUSES as readonly MeasureStatus[]).includes(status);
}

export interface PreviousPlanItem {
  measureId: string;
  /** the measure's status as stored with last year's plan */
  status: MeasureStatus;
  budget: number;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  milestones: string;
  sortOrder: number;
}

export interface CatalogueMeasure {
  id: string;
  number: number;
  status: MeasureStatus;
}

export interface RolledItem {
  measureId: string;
  budget: number;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  milestones: string;
  carriedOver: true;
  sortOrder: number;
}

export interface FinishedMeasure {
  measureId: string;
  status: MeasureStatus;
}

export interface RollOverResult {
  items: RolledItem[];
  finishedLastYear: FinishedMeasure[];
  /** ids of unfinished catalogue measures that were not in last year's plan, by number */
  candidates: string[];
}

export function rollOver(previous: readonly PreviousPlanItem[], catalogue: readonly CatalogueMeasure[]): RollOverResult {
  const statusById = new Map(catalogue.map((m) => [m.id, m.status]));
  const ordered = previous
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.sortOrder - b.item.sortOrder || a.index - b.index)
    .map(({ item }) => ({ ...item, status: statusById.get(item.measureId) ?? item.status }));

  const items = ordered
    .filter((item) => !isFinished(item.status))
    .map((item, sortOrder): RolledItem => ({
      measureId: item.measureId,
      budget: item.budget,
      priority: item.priority,
      periodFrom: item.periodFrom,
      periodTo: item.periodTo,
      milestones: "",
      carriedOver: true,
      sortOrder,
    }));
  const finishedLastYear = ordered
    .filter((item) => isFinished(item.status))
    .map((item) => ({ measureId: item.measureId, status: item.status }));
  const planned = new Set(previous.map((item) => item.measureId));
  const candidates = [...catalogue]
    .filter((m) => !planned.has(m.id) && !isFinished(m.status))
    .sort((a, b) => a.number - b.number)
    .map((m) => m.id);
  return { items, finishedLastYear, candidates };
}
