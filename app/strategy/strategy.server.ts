import type { DB } from "../../db/connect";
import type { StrategyStatus } from "../../db/schema";
import type { CooperationId } from "../cooperation/scope.server";

export interface StrategySummary {
  id: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  status: StrategyStatus;
  vision: string;
  focusAreas: { id: string; title: string; goals: { id: string; text: string }[] }[];
}

/** The strategy in force: the newest adopted one, else the newest draft. */
export async function findCurrentStrategy(
  db: DB,
  { cooperationId }: { cooperationId: CooperationId },
): Promise<StrategySummary | null> {
  const strategies = await db
    .selectFrom("strategy")
    .select(["id", "title", "period_from", "period_to", "status", "vision"])
    .where("cooperation_id", "=", cooperationId)
    .where("status", "in", ["adopted", "draft"])
    .orderBy("period_from", "desc")
    .execute();
  const current = strategies.find((s) => s.status === "adopted") ?? strategies[0];
  if (!current) return null;

  const areas = await db
    .selectFrom("focus_area")
    .select(["id", "title"])
    .where("cooperation_id", "=", cooperationId)
    .where("strategy_id", "=", current.id)
    .orderBy("sort_order")
    .execute();
  const goals = areas.length
    ? await db
        .selectFrom("goal")
        .select(["id", "text", "focus_area_id"])
        .where("cooperation_id", "=", cooperationId)
        .where(
          "focus_area_id",
          "in",
          areas.map((a) => a.id),
        )
        .orderBy("sort_order")
        .execute()
    : [];
  return {
    id: current.id,
    title: current.title,
    periodFrom: current.period_from,
    periodTo: current.period_to,
    status: current.status,
    vision: current.vision,
    focusAreas: areas.map((a) => ({
      id: a.id,
      title: a.title,
      goals: goals.filter((g) => g.focus_area_id === a.id).map((g) => ({ id: g.id, text: g.text })),
    })),
  };
}
