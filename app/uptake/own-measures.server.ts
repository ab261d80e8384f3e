import type { DB } from "../../db/connect";
import type { UptakeStatus } from "../../db/schema";
import { osloToday } from "@shared-schema/dates";
import { isReportInEffect } from "./latest.server";
import { measuresOf } from "../cooperation/participation.server";
import { unansweredRoundMeasures } from "./report.server";
import type { CooperationId } from "../cooperation/scope.server";

export interface OwnMeasure {
  id: string;
  number: number;
  name: string;
  current: {
    status: UptakeStatus;
    comment: string;
    effectiveDate: string;
    reporterName: string | null;
  } | null;
  /** an open round asks about it and the municipality has not answered yet */
  askedInRound: boolean;
}

/**
 * "Our measures": every measure the reporter's municipality takes part in today, with its latest
 * report. Set-based: participation, measures, latest reports and open rounds in a few queries.
 */
export async function listOwnMeasures(
  db: DB,
  { cooperationId, municipalityId, now = new Date() }: { cooperationId: CooperationId; municipalityId: string; now?: Date },
): Promise<OwnMeasure[]> {
  const ids = [...(await measuresOf(db, { cooperationId, municipalityId, date: osloToday(now) }))];
  if (ids.length === 0) return [];
  const [measures, latest, pending] = await Promise.all([
    db
      .selectFrom("measure")
      .select(["id", "number", "name"])
      .where("cooperation_id", "=", cooperationId)
      .where("id", "in", ids)
      .orderBy("number")
      .execute(),
    db
      .selectFrom("uptake_report")
      .leftJoin("app_user", "app_user.id", "uptake_report.reporter_id")
      .select([
        "uptake_report.measure_id",
        "uptake_report.status",
        "uptake_report.comment",
        "uptake_report.effective_date",
        "app_user.name as reporter_name",
      ])
      .where("uptake_report.cooperation_id", "=", cooperationId)
      .where("uptake_report.municipality_id", "=", municipalityId)
      .where("uptake_report.measure_id", "in", ids)
      .where(isReportInEffect)
      .execute(),
    unansweredRoundMeasures(db, { cooperationId, municipalityId, measureIds: ids }),
  ]);
  const byMeasure = new Map(latest.map((r) => [r.measure_id, r]));
  return measures.map((m) => {
    const r = byMeasure.get(m.id);
    return {
      ...m,
      current: r
        ? { status: r.status, comment: r.comment, effectiveDate: r.effective_date, reporterName: r.reporter_name }
        : null,
      askedInRound: pending.has(m.id),
    };
  });
}
