import { sql } from "kysely";
import type { DB } from "../../db/connect";
import { isPostgres } from "../../db/dialect";
import type { UptakeStatus } from "../../db/schema";
import type { CooperationId } from "../cooperation/scope.server";

/**
 * Each (measure, municipality)'s report in effect on a day, keyed `measureId|municipalityId`: of
 * its reports taking effect on or before the day, the one taking effect last, and of those the one
 * saved last. One grouped read; each database has its own idiom for "the row that sorts last"
 * (PostgreSQL: distinct on; SQLite: the columns of a max() aggregate come from the row holding the
 * max, and an ISO date followed by the zero-padded seq sorts as the pair does).
 */
export async function reportsInEffectOn(
  db: DB,
  { cooperationId, date }: { cooperationId: CooperationId; date: string },
): Promise<Map<string, { status: UptakeStatus; reportId: string }>> {
  const query = isPostgres(db)
    ? sql<{ id: string; measure_id: string; municipality_id: string; status: UptakeStatus }>`
        select distinct on (measure_id, municipality_id) id, measure_id, municipality_id, status
        from uptake_report where cooperation_id = ${cooperationId} and effective_date <= ${date}
        order by measure_id, municipality_id, effective_date desc, seq desc`
    : sql<{ id: string; measure_id: string; municipality_id: string; status: UptakeStatus }>`
        select id, measure_id, municipality_id, status, max(effective_date || printf('%010d', seq)) as latest
        from uptake_report where cooperation_id = ${cooperationId} and effective_date <= ${date}
        group by measure_id, municipality_id`;
  const { rows } = await query.execute(db);
  return new Map(rows.map((r) => [`${r.measure_id}|${r.municipality_id}`, { status: r.status, reportId: r.id }]));
}

/** Each (measure, municipality)'s status on a day, keyed `measureId|municipalityId` (see reportsInEffectOn). */
export async function statusesOn(
  db: DB,
  scope: { cooperationId: CooperationId; date: string },
): Promise<Map<string, UptakeStatus>> {
  const reports = await reportsInEffectOn(db, scope);
  return new Map([...reports].map(([key, r]) => [key, r.status]));
}
