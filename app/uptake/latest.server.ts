import type { DB } from "../../db/connect";
import type { UptakeStatus } from "../../db/schema";

/** The current status of every (measure, municipality) in the cooperation, keyed `measureId|municipalityId`. One query. */
export async function latestStatuses(db: DB, { cooperationId }: { cooperationId: string }): Promise<Map<string, UptakeStatus>> {
  const rows = await db
    .selectFrom("uptake_report")
    .select(["measure_id", "municipality_id", "status"])
    .where("cooperation_id", "=", cooperationId)
    .where((eb) =>
      eb(
        "seq",
        "=",
        eb
          .selectFrom("uptake_report as later")
          .select((l) => l.fn.max("later.seq").as("max"))
          .whereRef("later.measure_id", "=", "uptake_report.measure_id")
          .whereRef("later.municipality_id", "=", "uptake_report.municipality_id")
      )
    )
    .execute();
  return new Map(rows.map((r) => [`${r.measure_id}|${r.municipality_id}`, r.status]));
}
