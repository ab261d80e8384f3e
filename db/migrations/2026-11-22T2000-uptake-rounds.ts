import { sql, type Kysely } from "kysely";

// Frozen. Uptake reporting and reporting rounds.
// - uptake_report.seq numbers the reports of one (measure, municipality) in the order they were
//   saved; the unique index makes two concurrent saves take different numbers instead of tying on
//   a timestamp, so "current = latest" and the timeline's "from → to" are never ambiguous.
// - Realised benefits are numbers per expected benefit of the measure (same unit), so they move
//   from one amount/unit pair on the report to their own table.
// - mail_message is both the durable queue the background sender works through (with retries)
//   and, without SMTP, the outbox the secretariat reads.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("uptake_report").addColumn("seq", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await sql`update uptake_report set seq = (
      select count(*) from uptake_report earlier
      where earlier.measure_id = uptake_report.measure_id
        and earlier.municipality_id = uptake_report.municipality_id
        and (earlier.created_at < uptake_report.created_at
          or (earlier.created_at = uptake_report.created_at and earlier.id <= uptake_report.id)))`.execute(db);
  await db.schema
    .createIndex("uptake_report_seq_unique")
    .on("uptake_report")
    .columns(["measure_id", "municipality_id", "seq"])
    .unique()
    .execute();
  await db.schema.alterTable("uptake_report").dropColumn("realised_benefit_amount").execute();
  await db.schema.alterTable("uptake_report").dropColumn("realised_benefit_unit").execute();

  await db.schema
    .createTable("uptake_benefit")
    .addColumn("report_id", "text", (c) => c.notNull().references("uptake_report.id"))
    .addColumn("benefit_id", "text", (c) => c.notNull().references("measure_benefit.id"))
    .addColumn("amount", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("uptake_benefit_pk", ["report_id", "benefit_id"])
    .execute();

  await db.schema.alterTable("reporting_round").addColumn("reminder_sent_at", "text").execute();
  await db.schema
    .alterTable("reporting_round")
    .addColumn("closed_by", "text", (c) => c.references("app_user.id"))
    .execute();
  await db.schema.createIndex("reporting_round_cooperation_idx").on("reporting_round").column("cooperation_id").execute();

  await db.schema
    .alterTable("round_submission")
    .addColumn("returned_by", "text", (c) => c.references("app_user.id"))
    .execute();
  await db.schema
    .createIndex("round_submission_unique")
    .on("round_submission")
    .columns(["round_id", "municipality_id"])
    .unique()
    .execute();

  await db.schema
    .createTable("mail_message")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.references("cooperation.id"))
    .addColumn("round_id", "text", (c) => c.references("reporting_round.id"))
    .addColumn("municipality_id", "text", (c) => c.references("municipality.id"))
    .addColumn("recipient_id", "text", (c) => c.references("app_user.id"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text")
    .addColumn("last_error", "text")
    .addColumn("sent_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("mail_message_due_idx").on("mail_message").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("mail_message_cooperation_idx").on("mail_message").columns(["cooperation_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("mail_message").execute();
  await db.schema.dropIndex("round_submission_unique").execute();
  await db.schema.alterTable("round_submission").dropColumn("returned_by").execute();
  await db.schema.dropIndex("reporting_round_cooperation_idx").execute();
  await db.schema.alterTable("reporting_round").dropColumn("closed_by").execute();
  await db.schema.alterTable("reporting_round").dropColumn("reminder_sent_at").execute();
  await db.schema.dropTable("uptake_benefit").execute();
  await db.schema.alterTable("uptake_report").addColumn("realised_benefit_amount", "bigint").execute();
  await db.schema.alterTable("uptake_report").addColumn("realised_benefit_unit", "text").execute();
  await db.schema.dropIndex("uptake_report_seq_unique").execute();
  await db.schema.alterTable("uptake_report").dropColumn("seq").execute();
}
