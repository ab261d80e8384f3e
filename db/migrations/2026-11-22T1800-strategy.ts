import { sql, type Kysely } from "kysely";
import { isPostgres } from "../dialect";

// Frozen. An adopted or archived strategy's content cannot change, in the database itself as well
// as in app/strategy/*.server.ts: its own columns (only adopted → archived is allowed), and its
// focus areas and goals (no update, no delete). Inserts are refused by the data layer only: the
// demo seed writes an adopted strategy's focus areas after the strategy row.
// At most one adopted strategy per cooperation.

const CONTENT_COLUMNS = [
  "cooperation_id",
  "title",
  "period_from",
  "period_to",
  "vision",
  "purpose",
  "principles",
  "national_guidelines",
  "adoption_decision_id",
  "revision_of_id",
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index strategy_one_adopted on strategy (cooperation_id) where status = 'adopted'`.execute(db);
  await sql`create index focus_area_strategy_idx on focus_area (strategy_id)`.execute(db);
  await sql`create index goal_focus_area_idx on goal (focus_area_id)`.execute(db);

  if (isPostgres(db)) {
    const changed = CONTENT_COLUMNS.map((c) => `new.${c} is distinct from old.${c}`).join(" or ");
    await sql
      .raw(
        `create function strategy_frozen() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            if old.status <> 'draft' then raise exception 'strategy is frozen'; end if;
            return old;
          end if;
          if old.status <> 'draft' and (${changed}
              or (old.status = 'archived' and new.status <> 'archived')
              or (old.status = 'adopted' and new.status not in ('adopted', 'archived'))) then
            raise exception 'strategy is frozen';
          end if;
          return new;
        end; $$`
      )
      .execute(db);
    await sql`create trigger strategy_frozen before update or delete on strategy
      for each row execute function strategy_frozen()`.execute(db);
    await sql`create function focus_area_frozen() returns trigger language plpgsql as $$
      begin
        if (select status from strategy where id = old.strategy_id) <> 'draft' then
          raise exception 'strategy is frozen';
        end if;
        if tg_op = 'UPDATE' and (select status from strategy where id = new.strategy_id) <> 'draft' then
          raise exception 'strategy is frozen';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end; $$`.execute(db);
    await sql`create trigger focus_area_frozen before update or delete on focus_area
      for each row execute function focus_area_frozen()`.execute(db);
    await sql`create function goal_frozen() returns trigger language plpgsql as $$
      begin
        if (select s.status from strategy s join focus_area f on f.strategy_id = s.id where f.id = old.focus_area_id) <> 'draft' then
          raise exception 'strategy is frozen';
        end if;
        if tg_op = 'UPDATE' and (select s.status from strategy s join focus_area f on f.strategy_id = s.id
            where f.id = new.focus_area_id) <> 'draft' then
          raise exception 'strategy is frozen';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end; $$`.execute(db);
    await sql`create trigger goal_frozen before update or delete on goal
      for each row execute function goal_frozen()`.execute(db);
  } else {
    const changed = CONTENT_COLUMNS.map((c) => `new.${c} is not old.${c}`).join(" or ");
    await sql
      .raw(
        `create trigger strategy_frozen_update before update on strategy
        when old.status <> 'draft' and (${changed}
          or (old.status = 'archived' and new.status <> 'archived')
          or (old.status = 'adopted' and new.status not in ('adopted', 'archived')))
        begin select raise(abort, 'strategy is frozen'); end`
      )
      .execute(db);
    await sql`create trigger strategy_frozen_delete before delete on strategy when old.status <> 'draft'
      begin select raise(abort, 'strategy is frozen'); end`.execute(db);
    await sql`create trigger focus_area_frozen_update before update on focus_area
      when (select status from strategy where id = old.strategy_id) <> 'draft'
        or (select status from strategy where id = new.strategy_id) <> 'draft'
      begin select raise(abort, 'strategy is frozen'); end`.execute(db);
    await sql`create trigger focus_area_frozen_delete before delete on focus_area
      when (select status from strategy where id = old.strategy_id) <> 'draft'
      begin select raise(abort, 'strategy is frozen'); end`.execute(db);
    const goalStatus = (ref: "old" | "new") =>
      `(select s.status from strategy s join focus_area f on f.strategy_id = s.id where f.id = ${ref}.focus_area_id)`;
    await sql
      .raw(
        `create trigger goal_frozen_update before update on goal
        when ${goalStatus("old")} <> 'draft' or ${goalStatus("new")} <> 'draft'
        begin select raise(abort, 'strategy is frozen'); end`
      )
      .execute(db);
    await sql
      .raw(
        `create trigger goal_frozen_delete before delete on goal when ${goalStatus("old")} <> 'draft'
        begin select raise(abort, 'strategy is frozen'); end`
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger goal_frozen on goal`.execute(db);
    await sql`drop function goal_frozen()`.execute(db);
    await sql`drop trigger focus_area_frozen on focus_area`.execute(db);
    await sql`drop function focus_area_frozen()`.execute(db);
    await sql`drop trigger strategy_frozen on strategy`.execute(db);
    await sql`drop function strategy_frozen()`.execute(db);
  } else {
    for (const t of [
      "goal_frozen_update",
      "goal_frozen_delete",
      "focus_area_frozen_update",
      "focus_area_frozen_delete",
      "strategy_frozen_update",
      "strategy_frozen_delete",
    ]) {
      await sql.raw(`drop trigger ${t}`).execute(db);
    }
  }
  await sql`drop index goal_focus_area_idx`.execute(db);
  await sql`drop index focus_area_strategy_idx`.execute(db);
  await sql`drop index strategy_one_adopted`.execute(db);
}
