import type { ExpressionBuilder } from "kysely";
import type { DB } from "../../db/connect";
import type { Database, UptakeStatus } from "../../db/schema";

/** Keeps only the latest report of each (measure, municipality): the current status. */
export function isLatestReport(eb: ExpressionBuilder<Database, "uptake_report">) {
  return eb(
    "uptake_report.seq",
    "=",
    eb
      .selectFrom("uptake_report as later")
      .select((l) => l.fn.max("later.seq").as("max"))
      .whereRef("later.measure_id", "=", "uptake_report.measure_id")
      .whereRef("later.municipality_id", "=", "uptake_report.municipality_id")
  );
}

/** The current status of every (measure, municipality) in the cooperation, keyed `measureId|municipalityId`. One query. */
export async function latestStatuses(db: DB, { cooperationId }: { cooperationId: string }): Promise<Map<string, UptakeStatus>> {
  const rows = await db
    .selectFrom("uptake_report")
    .select(["measure_id", "municipality_id", "status"])
    .where("cooperation_id", "=", cooperationId)
    .where(isLatestReport)
    .execute();
  return new Map(rows.map((r) => [`${r.measure_id}|${r.municipality_id}`, r.status]));
}
