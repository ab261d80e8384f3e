import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen. Overview and annual report (issue 7).
// - measure.progress_weight: how much a measure counts in its focus area's progress (default 1).
// - A published annual report cannot change or be deleted, in the database itself as well as in
//   app/report/*.server.ts: its figures are as they were on the day it was published.
// - The uptake matrix for a year reads each pair's latest report up to a date: a covering index
//   lets that grouped read use the index alone.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("measure")
    .addColumn("progress_weight", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index uptake_report_as_of_idx
    on uptake_report (cooperation_id, measure_id, municipality_id, seq, effective_date, status)`.execute(db);

  if (isPostgres(db)) {
    await sql
      .raw(
        `create function annual_report_frozen() returns trigger language plpgsql as $$
        begin
          if old.published_at is not null then raise exception 'annual report is published'; end if;
          if tg_op = 'DELETE' then return old; end if;
          return new;
        end; $$`
      )
      .execute(db);
    await sql`create trigger annual_report_frozen before update or delete on annual_report
      for each row execute function annual_report_frozen()`.execute(db);
  } else {
    await sql`create trigger annual_report_frozen_update before update on annual_report when old.published_at is not null
      begin select raise(abort, 'annual report is published'); end`.execute(db);
    await sql`create trigger annual_report_frozen_delete before delete on annual_report when old.published_at is not null
      begin select raise(abort, 'annual report is published'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger annual_report_frozen on annual_report`.execute(db);
    await sql`drop function annual_report_frozen()`.execute(db);
  } else {
    await sql`drop trigger annual_report_frozen_update`.execute(db);
    await sql`drop trigger annual_report_frozen_delete`.execute(db);
  }
  await sql`drop index uptake_report_as_of_idx`.execute(db);
  await db.schema.alterTable("measure").dropColumn("progress_weight").execute();
}
