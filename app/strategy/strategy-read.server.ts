import type { DB } from "../../db/connect";
import type { DecisionBody, StrategyStatus } from "../../db/schema";
import type { CooperationId } from "../cooperation/scope.server";

/* Reads for the strategy pages; every query is bounded by the cooperation from the URL. */

export interface StrategyListItem {
  id: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  status: StrategyStatus;
  decidedOn: string | null;
  revisionOfId: string | null;
}

export async function listStrategies(db: DB, { cooperationId }: { cooperationId: CooperationId }): Promise<StrategyListItem[]> {
  const rows = await db
    .selectFrom("strategy")
    .leftJoin("decision", (join) =>
      join.onRef("decision.id", "=", "strategy.adoption_decision_id").on("decision.cooperation_id", "=", cooperationId),
    )
    .select([
      "strategy.id",
      "strategy.title",
      "strategy.period_from",
      "strategy.period_to",
      "strategy.status",
      "strategy.revision_of_id",
      "strategy.created_at",
      "decision.decided_on",
    ])
    .where("strategy.cooperation_id", "=", cooperationId)
    .orderBy("strategy.period_from", "desc")
    .orderBy("strategy.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    status: r.status,
    decidedOn: r.decided_on,
    revisionOfId: r.revision_of_id,
  }));
}

/** The strategy in force: the adopted one, else the newest draft (as findCurrentStrategy). */
export async function findCurrentStrategyId(db: DB, { cooperationId }: { cooperationId: CooperationId }): Promise<string | null> {
  const all = await listStrategies(db, { cooperationId });
  return (all.find((s) => s.status === "adopted") ?? all.find((s) => s.status === "draft"))?.id ?? null;
}

export interface StrategyDetail {
  id: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  vision: string;
  purpose: string;
  principles: string[];
  nationalGuidelines: string[];
  status: StrategyStatus;
  version: number;
  updatedAt: string;
  decision: { body: DecisionBody; decidedOn: string; caseNumber: string | null; text: string } | null;
  revisionOf: { id: string; title: string; status: StrategyStatus } | null;
  revisions: { id: string; title: string; status: StrategyStatus }[];
  focusAreas: {
    id: string;
    title: string;
    description: string;
    rationale: string;
    goals: {
      id: string;
      text: string;
      indicator: string | null;
      target: string | null;
      evaluations: { year: number; assessment: string }[];
    }[];
  }[];
  /** years that have at least one assessment, newest first */
  evaluationYears: number[];
}

export async function getStrategyDetail(
  db: DB,
  { cooperationId, strategyId }: { cooperationId: CooperationId; strategyId: string },
): Promise<StrategyDetail | null> {
  const s = await db
    .selectFrom("strategy")
    .selectAll()
    .where("id", "=", strategyId)
    .where("cooperation_id", "=", cooperationId)
    .executeTakeFirst();
  if (!s) return null;
  const [decision, revisionOf, revisions, areas] = await Promise.all([
    s.adoption_decision_id
      ? db
          .selectFrom("decision")
          .select(["body", "decided_on", "case_number", "text"])
          .where("id", "=", s.adoption_decision_id)
          .where("cooperation_id", "=", cooperationId)
          .executeTakeFirst()
      : undefined,
    s.revision_of_id
      ? db
          .selectFrom("strategy")
          .select(["id", "title", "status"])
          .where("id", "=", s.revision_of_id)
          .where("cooperation_id", "=", cooperationId)
          .executeTakeFirst()
      : undefined,
    db
      .selectFrom("strategy")
      .select(["id", "title", "status"])
      .where("revision_of_id", "=", s.id)
      .where("cooperation_id", "=", cooperationId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("focus_area")
      .select(["id", "title", "description", "rationale"])
      .where("strategy_id", "=", s.id)
      .where("cooperation_id", "=", cooperationId)
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
  ]);
  const areaIds = areas.map((a) => a.id);
  const goals = areaIds.length
    ? await db
        .selectFrom("goal")
        .select(["id", "focus_area_id", "text", "indicator", "target"])
        .where("focus_area_id", "in", areaIds)
        .where("cooperation_id", "=", cooperationId)
        .orderBy("sort_order")
        .orderBy("id")
        .execute()
    : [];
  const goalIds = goals.map((g) => g.id);
  const evaluations = goalIds.length
    ? await db
        .selectFrom("goal_evaluation")
        .select(["goal_id", "year", "assessment"])
        .where("goal_id", "in", goalIds)
        .where("cooperation_id", "=", cooperationId)
        .orderBy("year", "desc")
        .execute()
    : [];
  return {
    id: s.id,
    title: s.title,
    periodFrom: s.period_from,
    periodTo: s.period_to,
    vision: s.vision,
    purpose: s.purpose,
    principles: JSON.parse(s.principles) as string[],
    nationalGuidelines: JSON.parse(s.national_guidelines) as string[],
    status: s.status,
    version: s.version,
    updatedAt: s.updated_at,
    decision: decision
      ? { body: decision.body, decidedOn: decision.decided_on, caseNumber: decision.case_number, text: decision.text }
      : null,
    revisionOf: revisionOf ?? null,
    revisions,
    focusAreas: areas.map((a) => ({
      ...a,
      goals: goals
        .filter((g) => g.focus_area_id === a.id)
        .map((g) => ({
          id: g.id,
          text: g.text,
          indicator: g.indicator,
          target: g.target,
          evaluations: evaluations.filter((e) => e.goal_id === g.id).map((e) => ({ year: e.year, assessment: e.assessment })),
        })),
    })),
    evaluationYears: [...new Set(evaluations.map((e) => e.year))].sort((a, b) => b - a),
  };
}
