import type { DB } from "../../db/connect";
import type { MeasureStatus } from "../../db/schema";
import { osloToday } from "@shared-schema/dates";
import { statusesOn } from "../uptake/statuses.server";
import { uptakeSummary, type UptakeSummary } from "../uptake/uptake";
import type { CooperationId } from "../cooperation/scope.server";

export interface MeasureOverview {
  id: string;
  number: number;
  name: string;
  status: MeasureStatus;
  statusText: string | null;
  uptake: UptakeSummary;
}

/**
 * Every measure with its uptake, in three set-based queries whatever the number of measures
 * and municipalities: measures, participants, and the latest report per (measure, municipality).
 */
export async function listMeasuresWithUptake(
  db: DB,
  { cooperationId, memberIds }: { cooperationId: CooperationId; memberIds: string[] },
): Promise<MeasureOverview[]> {
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number", "name", "status", "status_text", "all_members"])
    .where("cooperation_id", "=", cooperationId)
    .orderBy("number")
    .execute();
  if (measures.length === 0) return [];

  const chosen = await db
    .selectFrom("measure_participant")
    .innerJoin("measure", "measure.id", "measure_participant.measure_id")
    .select(["measure_participant.measure_id", "measure_participant.municipality_id"])
    .where("measure.cooperation_id", "=", cooperationId)
    .execute();

  const latest = await statusesOn(db, { cooperationId, date: osloToday() });

  return measures.map((m) => {
    const participants = m.all_members ? memberIds : chosen.filter((c) => c.measure_id === m.id).map((c) => c.municipality_id);
    return {
      id: m.id,
      number: m.number,
      name: m.name,
      status: m.status,
      statusText: m.status_text,
      uptake: uptakeSummary(participants.map((p) => latest.get(`${m.id}|${p}`) ?? "not_started")),
    };
  });
}
