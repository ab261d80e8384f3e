import type { ExpressionBuilder } from "kysely";
import type { Database } from "../../db/schema";

/**
 * Keeps only the report of each (measure, municipality) in effect now: no other takes effect later,
 * or on the same day and was saved later (see `inEffectOn`). Reports never take effect in the
 * future, so this is the current status.
 */
export function isReportInEffect(eb: ExpressionBuilder<Database, "uptake_report">) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom("uptake_report as later")
        .select("later.id")
        .whereRef("later.measure_id", "=", "uptake_report.measure_id")
        .whereRef("later.municipality_id", "=", "uptake_report.municipality_id")
        .where((l) =>
          l.or([
            l("later.effective_date", ">", l.ref("uptake_report.effective_date")),
            l.and([
              l("later.effective_date", "=", l.ref("uptake_report.effective_date")),
              l("later.seq", ">", l.ref("uptake_report.seq")),
            ]),
          ]),
        ),
    ),
  );
}
