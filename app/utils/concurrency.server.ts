import type { Transaction, UpdateResult } from "kysely";
import type { DB } from "../../db/connect";
import type { Database } from "../../db/schema";
import { StaleVersionError } from "./errors.server";

/**
 * Optimistic concurrency: a form carries the `version` of the row it was built from, the update
 * is `... where version = :version` and sets `version + 1`. When someone else saved first, no row
 * matches and the save is refused instead of silently overwriting their change.
 */
export function expectVersionedUpdate(result: UpdateResult, entity: string): void {
  if (result.numUpdatedRows !== 1n) throw new StaleVersionError(entity);
}

const MAX_ATTEMPTS = 5;

/**
 * Errors that say another writer got there first, not that the request is wrong: SQLite's busy
 * lock (after busy_timeout), PostgreSQL's serialization failure, deadlock and lock timeout, and a
 * unique key taken by a transaction that committed while this one ran — run again, the
 * transaction's own checks see the committed row and refuse in their usual words.
 */
function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return (
    code.startsWith("SQLITE_BUSY") ||
    code.startsWith("SQLITE_LOCKED") ||
    code === "SQLITE_CONSTRAINT_UNIQUE" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    code === "40001" ||
    code === "40P01" ||
    code === "55P03" ||
    code === "23505"
  );
}

/**
 * The one way the portal writes: a transaction that takes SQLite's write lock when it starts and
 * is run again when it meets another writer. `fn` may run more than once, so it does nothing
 * outside the transaction it is given. Contention that outlasts every attempt is thrown as a 409
 * answer (the error page says someone else saved at the same time), never as a 500.
 */
export async function transact<T>(db: DB, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (error) {
      if (!isContention(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        console.warn("write contention outlasted every attempt", error);
        throw new Response("Conflict", { status: 409 });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
