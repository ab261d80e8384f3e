import type { Kysely } from "kysely";

// Frozen. Overview cache and plan years (issue 7).
// - The newest audited change of a cooperation (and of the platform) is what cached overviews are
//   checked against on every request: an index makes that one lookup, not a scan of the trail.
// - The first report date of a cooperation (the plan years start there) likewise.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("audit_event_cooperation_time_idx").on("audit_event").columns(["cooperation_id", "created_at"]).execute();
  await db.schema
    .createIndex("uptake_report_effective_idx")
    .on("uptake_report")
    .columns(["cooperation_id", "effective_date"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("uptake_report_effective_idx").execute();
  await db.schema.dropIndex("audit_event_cooperation_time_idx").execute();
}
