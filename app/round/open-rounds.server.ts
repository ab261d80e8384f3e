import type { DB } from "../../db/connect";
import type { CooperationId } from "../cooperation/scope.server";

export interface AskingRound {
  id: string;
  name: string;
  statusDate: string;
}

/**
 * For each measure, the open round that asks for it (the most recently opened one, should two
 * overlap). A report saved while a round asks for its measure counts for that round.
 */
export async function openRoundByMeasure(
  db: DB,
  { cooperationId, measureIds }: { cooperationId: CooperationId; measureIds: readonly string[] },
): Promise<Map<string, AskingRound>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("round_measure")
    .innerJoin("reporting_round", "reporting_round.id", "round_measure.round_id")
    .select(["round_measure.measure_id", "reporting_round.id", "reporting_round.name", "reporting_round.status_date"])
    .where("reporting_round.cooperation_id", "=", cooperationId)
    .where("reporting_round.closed_at", "is", null)
    .where("round_measure.measure_id", "in", [...measureIds])
    .orderBy("reporting_round.opened_at")
    .execute();
  return new Map(rows.map((r) => [r.measure_id, { id: r.id, name: r.name, statusDate: r.status_date }]));
}
