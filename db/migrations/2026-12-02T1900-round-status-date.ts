import type { Kysely } from "kysely";

// Frozen. A reporting round asks for the status on one day (its status date); the reports given
// in it take effect on that day unless the reporter says otherwise. Rounds opened before this
// asked for the status on their opening day, so that is what they get.

const osloDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" });

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("reporting_round").addColumn("status_date", "text").execute();
  const rounds = await db.selectFrom("reporting_round").select(["id", "opened_at"]).execute();
  for (const round of rounds) {
    await db
      .updateTable("reporting_round")
      .set({ status_date: osloDate.format(new Date(round.opened_at)) })
      .where("id", "=", round.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("reporting_round").dropColumn("status_date").execute();
}
