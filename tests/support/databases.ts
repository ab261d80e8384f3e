import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { inject } from "vitest";
import { connect, type DB } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import type { DialectName } from "../../db/dialect";

export interface TestDatabase {
  name: DialectName;
  /** a fresh, migrated, empty database */
  open(): Promise<{ db: DB; url: string; close(): Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: "sqlite",
  async open() {
    const db = connect(":memory:");
    await migrateToLatest(db);
    return { db, url: ":memory:", close: () => db.destroy() };
  },
};

function postgres(adminUrl: string): TestDatabase {
  return {
    name: "postgres",
    async open() {
      const admin = connect(adminUrl);
      const name = `t_${randomBytes(6).toString("hex")}`;
      await sql.raw(`create database ${name}`).execute(admin);
      const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
      const db = connect(url);
      await migrateToLatest(db);
      return {
        db,
        url,
        async close() {
          await db.destroy();
          await sql.raw(`drop database ${name}`).execute(admin);
          await admin.destroy();
        },
      };
    },
  };
}

/** Both databases where PostgreSQL is available (always in CI); SQLite alone otherwise. */
export function testDatabases(): TestDatabase[] {
  const url = inject("postgresUrl");
  return url ? [sqlite, postgres(url)] : [sqlite];
}
