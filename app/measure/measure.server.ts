import type { DB } from "../../db/connect";
import type { MeasureStatus } from "../../db/schema";
import { osloToday } from "@shared-schema/dates";
import { statusesOn } from "../uptake/statuses.server";
import { uptakeSummary, type UptakeSummary } from "../uptake/uptake";
import { participation } from "../cooperation/participation.server";
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
 * Every measure with its uptake today, in a few set-based queries whatever the number of measures
 * and municipalities: measures, who takes part today (members, and the chosen ones within their
 * years), and the latest report per (measure, municipality).
 */
export async function listMeasuresWithUptake(
  db: DB,
  { cooperationId }: { cooperationId: CooperationId },
): Promise<MeasureOverview[]> {
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number", "name", "status", "status_text"])
    .where("cooperation_id", "=", cooperationId)
    .orderBy("number")
    .execute();
  if (measures.length === 0) return [];

  const today = osloToday();
  const [taking, latest] = await Promise.all([
    participation(db, { cooperationId, date: today }),
    statusesOn(db, { cooperationId, date: today }),
  ]);

  return measures.map((m) => {
    const participants = [...taking].filter(([, ids]) => ids.has(m.id)).map(([municipalityId]) => municipalityId);
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
