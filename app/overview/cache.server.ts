import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import { osloToday } from "@shared-schema/uptake";
import type { DB } from "../../db/connect";

/*
 * Overviews (matrix, progress, plan years) are read far more often than the data behind them
 * changes, and computing them reads every report of the cooperation. Every change is audited in
 * the same transaction as the change itself, so the newest audit entry of the cooperation (and of
 * the platform: the municipality register) stamps the data an overview was computed from. A
 * cached overview is used only while the stamp, read first on every request, is unchanged — one
 * indexed lookup. See docs/decisions/010-overview-cache.md.
 *
 * The stamp is read before computing, so an entry is never older than its stamp. On SQLite the
 * one connection runs transactions one after another, so the stamp moves with every commit. On
 * PostgreSQL a transaction that began earlier but commits after a newer one adds an older stamp;
 * entries therefore also expire after MAX_AGE_MS, which bounds how long such a race can show.
 */

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 500;

interface Entry {
  stamp: string;
  value: Promise<unknown>;
}

const entries = new LRUCache<string, Entry>({ max: MAX_ENTRIES, ttl: MAX_AGE_MS });

/** The newest audited change of the cooperation and of the platform, and today's date (figures "as of today" move at midnight). */
export async function changeStamp(db: DB, cooperationId: string): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom("audit_event")
        .select(sql<string | null>`max(created_at)`.as("at"))
        .where("cooperation_id", "=", cooperationId)
        .as("cooperation"),
      eb
        .selectFrom("audit_event")
        .select(sql<string | null>`max(created_at)`.as("at"))
        .where("cooperation_id", "is", null)
        .as("platform"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.cooperation ?? ""}|${row.platform ?? ""}|${osloToday()}`;
}

export interface OverviewCache {
  /** The value cached under `key` for the current data, else `compute()` (shared by concurrent callers). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** The cooperation's overview cache as of now: reads the stamp once for all the values a request needs. */
export async function overviewCache(db: DB, cooperationId: string): Promise<OverviewCache> {
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
