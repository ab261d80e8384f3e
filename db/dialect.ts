import { PostgresAdapter, type Kysely } from "kysely";

export type DialectName = "sqlite" | "postgres";

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export function dialectName(db: Kysely<any>): DialectName {
  return isPostgres(db) ? "postgres" : "sqlite";
}
