import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import { osloToday } from "@shared-schema/dates";
import type { DB } from "../../db/connect";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * Overviews (matrix, progress, plan years) are read far more often than the data behind them
 * changes, and computing them reads every report of the cooperation. Every change is audited in
 * the same transaction as the change itself, so the newest audit entry of the cooperation (and of
 * the platform: the municipality register) stamps the data an overview was computed from. A
 * cached overview is used only while the stamp, read first on every request, is unchanged — one
 * indexed lookup. See docs/decisions/010-overview-cache.md.
 *
 * The stamp is read before computing, so an entry is never older than its stamp. On SQLite writes
 * commit one after another, so the stamp moves with every commit. Where an older time commits
 * after a newer one (a PostgreSQL transaction that began earlier but commits later; a clock set
 * back), the stamp may not move: entries therefore also expire after MAX_AGE_MS, which bounds how
 * long such a change can go unseen.
 */

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 500;

interface Entry {
  stamp: string;
  value: Promise<unknown>;
}

const entries = new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: MAX_AGE_MS });

/**
 * The newest audited changes of the cooperation and of the platform (their time and how many
 * share it: two changes in one millisecond still move the stamp), and today's date (figures "as of
 * today" move at midnight).
 */
export async function changeStamp(db: DB, cooperationId: CooperationId): Promise<string> {
  const { rows } = await sql<{ scope: string; at: string; n: number }>`
    select 'cooperation' as scope, created_at as at, count(*) as n from audit_event
    where cooperation_id = ${cooperationId}
      and created_at = (select max(created_at) from audit_event where cooperation_id = ${cooperationId})
    group by created_at
    union all
    select 'platform' as scope, created_at as at, count(*) as n from audit_event
    where cooperation_id is null
      and created_at = (select max(created_at) from audit_event where cooperation_id is null)
    group by created_at`.execute(db);
  const newest = (scope: string) => rows.filter((r) => r.scope === scope).map((r) => `${r.at}#${r.n}`)[0] ?? "";
  return `${newest("cooperation")}|${newest("platform")}|${osloToday()}`;
}

export interface OverviewCache {
  /** The value cached under `key` for the current data, else `compute()` (shared by concurrent callers). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** The cooperation's overview cache as of now: reads the stamp once for all the values a request needs. */
export async function overviewCache(db: DB, cooperationId: CooperationId): Promise<OverviewCache> {
  const stamp = await changeStamp(db, cooperationId);
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const id = `${cooperationId}|${key}`;
      const hit = entries.get(id);
      if (hit?.stamp === stamp) return hit.value as Promise<T>;
      const value = compute();
      const entry = { stamp, value };
      entries.set(id, entry);
      // a failure is not kept: the next request tries again
      value.catch(() => {
        if (entries.get(id) === entry) entries.delete(id);
      });
      return value;
    },
  };
}
