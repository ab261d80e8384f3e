import type { ExpressionBuilder } from "kysely";
import type { Database } from "../../db/schema";

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
