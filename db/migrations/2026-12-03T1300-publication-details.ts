import type { Kysely } from "kysely";

// Frozen. What the open-data catalogue needs to name who answers for a cooperation's data: the
// publisher's organisation number in Enhetsregisteret (the host municipality's, nine digits) and
// a contact point (a role's name and address, not a person's: it is shown to everyone).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cooperation").addColumn("organisation_number", "text").execute();
  await db.schema.alterTable("cooperation").addColumn("contact_name", "text").execute();
  await db.schema.alterTable("cooperation").addColumn("contact_email", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cooperation").dropColumn("contact_email").execute();
  await db.schema.alterTable("cooperation").dropColumn("contact_name").execute();
  await db.schema.alterTable("cooperation").dropColumn("organisation_number").execute();
}
