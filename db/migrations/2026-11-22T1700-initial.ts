import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("municipality")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("county", "text")
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .addColumn("written_standard", "text")
    .addUniqueConstraint("municipality_number_from_unique", ["number", "valid_from"])
    .execute();

  await db.schema
    .createTable("municipality_change")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("predecessor_id", "text", (c) => c.notNull().references("municipality.id"))
    .addColumn("successor_id", "text", (c) => c.notNull().references("municipality.id"))
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("partial", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("municipality_change_unique", ["predecessor_id", "successor_id"])
    .execute();

  await db.schema
    .createTable("municipality_population")
    .addColumn("municipality_id", "text", (c) => c.notNull().references("municipality.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("municipality_population_pk", ["municipality_id", "year"])
    .execute();

  await db.schema
    .createTable("cooperation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("legal_form", "text")
    .addColumn("host_municipality_id", "text", (c) => c.references("municipality.id"))
    .addColumn("default_language", "text", (c) => c.notNull().defaultTo("nb"))
    .addColumn("publish_strategy", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("publish_plan", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("publish_matrix", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("publish_reports", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("publish_open_data", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("accessibility_statement_url", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("membership")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("municipality_id", "text", (c) => c.notNull().references("municipality.id"))
    .addColumn("joined_on", "text", (c) => c.notNull())
    .addColumn("left_on", "text")
    .addColumn("local_strategy_title", "text")
    .addColumn("local_strategy_from_year", "integer")
    .addColumn("local_strategy_to_year", "integer")
    .addColumn("local_strategy_url", "text")
    .addColumn("predecessor_membership_id", "text", (c) => c.references("membership.id"))
    .addUniqueConstraint("membership_unique", ["cooperation_id", "municipality_id", "joined_on"])
    .execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("is_platform_admin", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("language", "text")
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("user_session_user_idx").on("user_session").column("user_id").execute();

  await db.schema
    .createTable("role_grant")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("municipality_id", "text", (c) => c.references("municipality.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("role_grant_unique", ["user_id", "cooperation_id", "role"])
    .addCheckConstraint(
      "role_grant_reporter_municipality",
      sql`(role = 'reporter' and municipality_id is not null) or (role <> 'reporter' and municipality_id is null)`
    )
    .execute();

  await db.schema
    .createTable("decision")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("decided_on", "text", (c) => c.notNull())
    .addColumn("case_number", "text")
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("recorded_by", "text", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("strategy")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("period_from", "integer", (c) => c.notNull())
    .addColumn("period_to", "integer", (c) => c.notNull())
    .addColumn("vision", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("purpose", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("principles", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("national_guidelines", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("adoption_decision_id", "text", (c) => c.references("decision.id"))
    .addColumn("revision_of_id", "text", (c) => c.references("strategy.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("focus_area")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("strategy_id", "text", (c) => c.notNull().references("strategy.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("rationale", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("goal")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("focus_area_id", "text", (c) => c.notNull().references("focus_area.id").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("indicator", "text")
    .addColumn("target", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("goal_evaluation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goal.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("assessment", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("goal_evaluation_unique", ["goal_id", "year"])
    .execute();

  await db.schema
    .createTable("measure")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("proposed"))
    .addColumn("status_text", "text")
    .addColumn("priority", "integer")
    .addColumn("period_from", "integer")
    .addColumn("period_to", "integer")
    .addColumn("owner", "text")
    .addColumn("benefits_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("investment_cost", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("running_cost", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("financing_text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("cost_key", "text", (c) => c.notNull().defaultTo("equal"))
    .addColumn("cost_key_equal_percent", "integer")
    .addColumn("cost_key_population_year", "integer")
    .addColumn("all_members", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("introduces_system", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("phased_out_systems", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("measure_number_unique", ["cooperation_id", "number"])
    .execute();

  await db.schema
    .createTable("measure_focus_area")
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id").onDelete("cascade"))
    .addColumn("focus_area_id", "text", (c) => c.notNull().references("focus_area.id"))
    .addPrimaryKeyConstraint("measure_focus_area_pk", ["measure_id", "focus_area_id"])
    .execute();

  await db.schema
    .createTable("measure_goal")
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id").onDelete("cascade"))
    .addColumn("goal_id", "text", (c) => c.notNull().references("goal.id"))
    .addPrimaryKeyConstraint("measure_goal_pk", ["measure_id", "goal_id"])
    .execute();

  await db.schema
    .createTable("measure_participant")
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id").onDelete("cascade"))
    .addColumn("municipality_id", "text", (c) => c.notNull().references("municipality.id"))
    .addColumn("custom_share_bp", "integer")
    .addColumn("from_year", "integer")
    .addColumn("to_year", "integer")
    .addPrimaryKeyConstraint("measure_participant_pk", ["measure_id", "municipality_id"])
    .execute();

  await db.schema
    .createTable("measure_benefit")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id").onDelete("cascade"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("amount", "bigint")
    .addColumn("unit", "text")
    .addColumn("owner", "text")
    .addColumn("baseline", "text")
    .addColumn("target", "text")
    .addColumn("measured_when", "text")
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("measure_link")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("action_plan")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("action_plan_year_unique", ["cooperation_id", "year"])
    .execute();

  await db.schema
    .createTable("plan_version")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("action_plan.id"))
    .addColumn("version_no", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("based_on_version_id", "text", (c) => c.references("plan_version.id"))
    .addColumn("input_deadline", "text")
    .addColumn("decision_id", "text", (c) => c.references("decision.id"))
    .addColumn("snapshot", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("plan_version_unique", ["plan_id", "version_no"])
    .execute();

  await db.schema
    .createTable("plan_item")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("plan_version_id", "text", (c) => c.notNull().references("plan_version.id"))
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id"))
    .addColumn("budget", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("priority", "integer")
    .addColumn("period_from", "integer")
    .addColumn("period_to", "integer")
    .addColumn("milestones", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("carried_over", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("plan_item_unique", ["plan_version_id", "measure_id"])
    .execute();

  await db.schema
    .createTable("reporting_round")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("reminder_days_before", "integer")
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("created_by", "text", (c) => c.references("app_user.id"))
    .execute();

  await db.schema
    .createTable("round_measure")
    .addColumn("round_id", "text", (c) => c.notNull().references("reporting_round.id").onDelete("cascade"))
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id"))
    .addPrimaryKeyConstraint("round_measure_pk", ["round_id", "measure_id"])
    .execute();

  await db.schema
    .createTable("round_submission")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("round_id", "text", (c) => c.notNull().references("reporting_round.id"))
    .addColumn("municipality_id", "text", (c) => c.notNull().references("municipality.id"))
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text", (c) => c.references("app_user.id"))
    .addColumn("returned_at", "text")
    .addColumn("return_comment", "text")
    .execute();

  await db.schema
    .createTable("uptake_report")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("measure_id", "text", (c) => c.notNull().references("measure.id"))
    .addColumn("municipality_id", "text", (c) => c.notNull().references("municipality.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("decision_reference", "text")
    .addColumn("evidence_url", "text")
    .addColumn("realised_benefit_text", "text")
    .addColumn("realised_benefit_amount", "bigint")
    .addColumn("realised_benefit_unit", "text")
    .addColumn("reporter_id", "text", (c) => c.references("app_user.id"))
    .addColumn("round_id", "text", (c) => c.references("reporting_round.id"))
    .addColumn("derived_from_report_id", "text", (c) => c.references("uptake_report.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("uptake_report_current_idx")
    .on("uptake_report")
    .columns(["cooperation_id", "measure_id", "municipality_id", "created_at"])
    .execute();

  await db.schema
    .createTable("annual_report")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("narrative", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("figures", "text")
    .addColumn("published_at", "text")
    .addColumn("published_by", "text", (c) => c.references("app_user.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("annual_report_year_unique", ["cooperation_id", "year"])
    .execute();

  await db.schema
    .createTable("comment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.notNull().references("cooperation.id"))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("app_user.id"))
    .addColumn("municipality_id", "text", (c) => c.references("municipality.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("handled_at", "text")
    .addColumn("handled_by", "text", (c) => c.references("app_user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("comment_target_idx")
    .on("comment")
    .columns(["cooperation_id", "target_type", "target_id"])
    .execute();

  await db.schema
    .createTable("audit_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("cooperation_id", "text", (c) => c.references("cooperation.id"))
    .addColumn("actor_id", "text", (c) => c.references("app_user.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("before", "text")
    .addColumn("after", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_event_entity_idx").on("audit_event").columns(["entity_type", "entity_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    "audit_event",
    "comment",
    "annual_report",
    "uptake_report",
    "round_submission",
    "round_measure",
    "reporting_round",
    "plan_item",
    "plan_version",
    "action_plan",
    "measure_link",
    "measure_benefit",
    "measure_participant",
    "measure_goal",
    "measure_focus_area",
    "measure",
    "goal_evaluation",
    "goal",
    "focus_area",
    "strategy",
    "decision",
    "role_grant",
    "user_session",
    "app_user",
    "membership",
    "cooperation",
    "municipality_population",
    "municipality_change",
    "municipality",
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
