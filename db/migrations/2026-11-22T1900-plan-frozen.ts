import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen. An approved plan version is an immutable snapshot in the database itself, not only in
// app/plan/*.server.ts: its content columns and its items cannot change and it cannot be deleted;
// the one status change left is approved → superseded when an amendment is approved. A snapshot,
// once written, is never rewritten.

const CONTENT_COLUMNS = ["plan_id", "version_no", "based_on_version_id", "input_deadline", "decision_id", "snapshot"];
const FROZEN = "('approved', 'superseded')";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index plan_version_plan_idx on plan_version (plan_id)`.execute(db);
  await sql`create index plan_item_version_idx on plan_item (plan_version_id)`.execute(db);

  if (isPostgres(db)) {
    const changed = CONTENT_COLUMNS.map((c) => `new.${c} is distinct from old.${c}`).join(" or ");
    await sql
      .raw(
        `create function plan_version_frozen() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            if old.status in ${FROZEN} then raise exception 'plan version is frozen'; end if;
            return old;
          end if;
          if (old.snapshot is not null and new.snapshot is distinct from old.snapshot)
            or (old.status in ${FROZEN} and (${changed}
              or (old.status = 'superseded' and new.status <> 'superseded')
              or (old.status = 'approved' and new.status not in ${FROZEN}))) then
            raise exception 'plan version is frozen';
          end if;
          return new;
        end; $$`
      )
      .execute(db);
    await sql`create trigger plan_version_frozen before update or delete on plan_version
      for each row execute function plan_version_frozen()`.execute(db);
    await sql
      .raw(
        `create function plan_item_frozen() returns trigger language plpgsql as $$
        begin
          if (tg_op <> 'INSERT' and (select status from plan_version where id = old.plan_version_id) in ${FROZEN})
            or (tg_op <> 'DELETE' and (select status from plan_version where id = new.plan_version_id) in ${FROZEN}) then
            raise exception 'plan version is frozen';
          end if;
          if tg_op = 'DELETE' then return old; end if;
          return new;
        end; $$`
      )
      .execute(db);
    await sql`create trigger plan_item_frozen before insert or update or delete on plan_item
      for each row execute function plan_item_frozen()`.execute(db);
  } else {
    const changed = CONTENT_COLUMNS.map((c) => `new.${c} is not old.${c}`).join(" or ");
    await sql
      .raw(
        `create trigger plan_version_frozen_update before update on plan_version
        when (old.snapshot is not null and new.snapshot is not old.snapshot)
          or (old.status in ${FROZEN} and (${changed}
            or (old.status = 'superseded' and new.status <> 'superseded')
            or (old.status = 'approved' and new.status not in ${FROZEN})))
        begin select raise(abort, 'plan version is frozen'); end`
      )
      .execute(db);
    await sql
      .raw(
        `create trigger plan_version_frozen_delete before delete on plan_version when old.status in ${FROZEN}
        begin select raise(abort, 'plan version is frozen'); end`
      )
      .execute(db);
    const status = (ref: "old" | "new") => `(select status from plan_version where id = ${ref}.plan_version_id)`;
    for (const [name, event, when] of [
      ["plan_item_frozen_insert", "insert", `${status("new")} in ${FROZEN}`],
      ["plan_item_frozen_update", "update", `${status("old")} in ${FROZEN} or ${status("new")} in ${FROZEN}`],
      ["plan_item_frozen_delete", "delete", `${status("old")} in ${FROZEN}`],
    ]) {
      await sql
        .raw(
          `create trigger ${name} before ${event} on plan_item when ${when} begin select raise(abort, 'plan version is frozen'); end`
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger plan_item_frozen on plan_item`.execute(db);
    await sql`drop function plan_item_frozen()`.execute(db);
    await sql`drop trigger plan_version_frozen on plan_version`.execute(db);
    await sql`drop function plan_version_frozen()`.execute(db);
  } else {
    for (const t of [
      "plan_item_frozen_insert",
      "plan_item_frozen_update",
      "plan_item_frozen_delete",
      "plan_version_frozen_update",
      "plan_version_frozen_delete",
    ]) {
      await sql.raw(`drop trigger ${t}`).execute(db);
    }
  }
  await sql`drop index plan_item_version_idx`.execute(db);
  await sql`drop index plan_version_plan_idx`.execute(db);
}
