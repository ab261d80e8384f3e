import type { Kysely } from "kysely";

// Frozen. A change of the municipal map carried through a cooperation:
// - one row per cooperation and change date once it has been carried through, by whom (null: it
//   applied itself on its date, the secretariat had not acted), so it is done once;
// - a reporter's role moved to a successor municipality keeps where it came from until the
//   secretariat confirms it;
// - a successor's starting status names the change that set it (no person reported it).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("succession")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .addColumn("applied_by", "text", (c) => c.references("app_user.id"))
    .addUniqueConstraint("succession_once", ["cooperation_id", "effective_date"])
    .execute();
  await db.schema
    .alterTable("role_grant")
    .addColumn("moved_from_municipality_id", "text", (c) => c.references("municipality.id"))
    .execute();
  await db.schema
    .alterTable("uptake_report")
    .addColumn("succession_id", "text", (c) => c.references("succession.id"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("uptake_report").dropColumn("succession_id").execute();
  await db.schema.alterTable("role_grant").dropColumn("moved_from_municipality_id").execute();
  await db.schema.dropTable("succession").execute();
}
