import type { Kysely } from "kysely";

// Frozen. The action plan's input round (innspel).
// - The secretariat can close a round before its deadline, so the plan goes to the board without
//   waiting; when it was closed is kept on the version (null: open until the deadline has passed).
// - Reporters are e-mailed when a plan version goes out for input; the message names the version,
//   so the outbox can say which plan it was about and a version is not announced twice.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("plan_version").addColumn("input_closed_at", "text").execute();
  await db.schema
    .alterTable("mail_message")
    .addColumn("plan_version_id", "text", (c) => c.references("plan_version.id"))
    .execute();
  await db.schema.createIndex("mail_message_plan_version_idx").on("mail_message").column("plan_version_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("mail_message_plan_version_idx").execute();
  await db.schema.alterTable("mail_message").dropColumn("plan_version_id").execute();
  await db.schema.alterTable("plan_version").dropColumn("input_closed_at").execute();
}
