import type { CostKey, Decision, DecisionBody, DecisionOutcome, MeasureStatus, PlanVersion } from "../../db/schema";
import { measureShares, type SharesResult } from "../measure/shares.server";
import { loadItems, type Trx } from "./plan-store.server";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * The immutable record of an approved plan version: what the board
 * approved, each participating municipality's share of the cost in the plan's year, and the
 * decision. Measures keep changing in the catalogue after approval, so the snapshot copies what
 * the plan page and the public page show instead of pointing at live rows.
 */

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotItem {
  measure: {
    id: string;
    number: number;
    name: string;
    description: string;
    status: MeasureStatus;
    statusText: string | null;
    focusAreas: string[];
    goals: string[];
    benefitsText: string;
    investmentCost: number;
    runningCost: number;
    financingText: string;
    costKey: CostKey;
  };
  budget: number;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  milestones: string;
  carriedOver: boolean;
  sortOrder: number;
  /** cost shares in the plan's year, as computed on the day of approval */
  shares: SharesResult;
}

export interface PlanSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  planId: string;
  year: number;
  versionId: string;
  versionNo: number;
  approvedAt: string;
  decision: {
    id: string;
    body: DecisionBody;
    outcome: DecisionOutcome;
    decidedOn: string;
    caseNumber: string | null;
    text: string;
  };
  items: SnapshotItem[];
}

async function supportTexts(trx: Trx, measureId: string) {
  const areas = await trx
    .selectFrom("measure_focus_area")
    .innerJoin("focus_area", "focus_area.id", "measure_focus_area.focus_area_id")
    .select("focus_area.title")
    .where("measure_focus_area.measure_id", "=", measureId)
    .orderBy("focus_area.sort_order")
    .execute();
  const goals = await trx
    .selectFrom("measure_goal")
    .innerJoin("goal", "goal.id", "measure_goal.goal_id")
    .select("goal.text")
    .where("measure_goal.measure_id", "=", measureId)
    .orderBy("goal.sort_order")
    .execute();
  return { focusAreas: areas.map((a) => a.title), goals: goals.map((g) => g.text) };
}

export async function buildSnapshot(
  trx: Trx,
  {
    cooperationId,
    version,
    year,
    decision,
    approvedAt,
  }: { cooperationId: CooperationId; version: PlanVersion; year: number; decision: Decision; approvedAt: string },
): Promise<PlanSnapshot> {
  const items: SnapshotItem[] = [];
  for (const item of await loadItems(trx, cooperationId, version.id)) {
    const m = await trx
      .selectFrom("measure")
      .selectAll()
      .where("id", "=", item.measure_id)
      .where("cooperation_id", "=", cooperationId)
      .executeTakeFirstOrThrow();
    const shares = await measureShares(trx, {
      cooperationId,
      year,
      measure: {
        id: m.id,
        allMembers: m.all_members === 1,
        costKey: m.cost_key,
        equalPercent: m.cost_key_equal_percent,
        populationYear: m.cost_key_population_year,
        investmentCost: m.investment_cost,
        runningCost: m.running_cost,
      },
    });
    items.push({
      measure: {
        id: m.id,
        number: m.number,
        name: m.name,
        description: m.description,
        status: m.status,
        statusText: m.status_text,
        ...(await supportTexts(trx, m.id)),
        benefitsText: m.benefits_text,
        investmentCost: m.investment_cost,
        runningCost: m.running_cost,
        financingText: m.financing_text,
        costKey: m.cost_key,
      },
      budget: item.budget,
      priority: item.priority,
      periodFrom: item.period_from,
      periodTo: item.period_to,
      milestones: item.milestones,
      carriedOver: item.carried_over === 1,
      sortOrder: item.sort_order,
      shares,
    });
  }
  return {
    format: SNAPSHOT_FORMAT,
    planId: version.plan_id,
    year,
    versionId: version.id,
    versionNo: version.version_no,
    approvedAt,
    decision: {
      id: decision.id,
      body: decision.body,
      outcome: decision.outcome,
      decidedOn: decision.decided_on,
      caseNumber: decision.case_number,
      text: decision.text,
    },
    items,
  };
}
