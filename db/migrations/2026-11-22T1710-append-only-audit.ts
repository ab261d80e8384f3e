import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen. The audit trail is append-only in the database itself, not only by convention:
// no role the application uses can update or delete an audit event.

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create function audit_event_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_event is append-only'; end; $$`.execute(db);
    await sql`create trigger audit_event_no_update before update or delete on audit_event
      for each row execute function audit_event_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
    await sql`create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger audit_event_no_update on audit_event`.execute(db);
    await sql`drop function audit_event_append_only()`.execute(db);
  } else {
    await sql`drop trigger audit_event_no_update`.execute(db);
    await sql`drop trigger audit_event_no_delete`.execute(db);
  }
}
