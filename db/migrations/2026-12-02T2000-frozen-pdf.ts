import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen. The PDF of a published annual report or an approved plan version, made once per
// language and served from here from then on (the records themselves never change).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("frozen_pdf")
    .addColumn("record_kind", "text", (c) => c.notNull())
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("bytes", isPostgres(db) ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("frozen_pdf_pk", ["record_kind", "record_id", "language"])
    .addCheckConstraint("frozen_pdf_kind", sql`record_kind in ('report', 'plan')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("frozen_pdf").execute();
}
