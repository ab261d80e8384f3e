import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, inject } from "vitest";
import { connect, type DB } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import type { DialectName } from "../../db/dialect";
import { databaseUrl } from "./postgres";

export interface OpenedDatabase {
  db: DB;
  url: string;
  close(): Promise<void>;
}

export interface TestDatabase {
  name: DialectName;
  /** a fresh, migrated, empty database */
  open(): Promise<OpenedDatabase>;
  /** a fresh database holding the demo data, copied from the one global setup seeded */
  openDemo(): Promise<OpenedDatabase>;
}

const sqlite: TestDatabase = {
  name: "sqlite",
  async open() {
    const db = connect(":memory:");
    await migrateToLatest(db);
    return { db, url: ":memory:", close: () => db.destroy() };
  },
  async openDemo() {
    const dir = mkdtempSync(path.join(os.tmpdir(), "fellesloft-demo-"));
    const url = path.join(dir, "demo.sqlite");
    copyFileSync(inject("demoDbTemplate"), url);
    const db = connect(url);
    return {
      db,
      url,
      async close() {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgres(adminUrl: string): TestDatabase {
  /** a new database on the cluster, empty or copied from `template` */
  async function create(template?: string): Promise<OpenedDatabase> {
    const admin = connect(adminUrl);
    const name = `t_${randomBytes(6).toString("hex")}`;
    await sql.raw(template ? `create database ${name} template ${template}` : `create database ${name}`).execute(admin);
    const url = databaseUrl(adminUrl, name);
    const db = connect(url);
    return {
      db,
      url,
      async close() {
        await db.destroy();
        await sql.raw(`drop database ${name}`).execute(admin);
        await admin.destroy();
      },
    };
  }
  return {
    name: "postgres",
    async open() {
      const opened = await create();
      await migrateToLatest(opened.db);
      return opened;
    },
    openDemo: () => create(inject("postgresDemoTemplate")),
  };
}

/** Both databases where PostgreSQL is available (always in CI); SQLite alone otherwise. */
export function testDatabases(): TestDatabase[] {
  const url = inject("postgresUrl");
  return url ? [sqlite, postgres(url)] : [sqlite];
}

/**
 * Gives every test of the calling suite its own fresh copy of the demo, so that no test sees what
 * another wrote, whatever order they run in. Read `.db` inside a test or a later `beforeEach`.
 */
export function freshDemoEach(database: TestDatabase): { readonly db: DB } {
  let opened: OpenedDatabase | undefined;
  beforeEach(async () => {
    opened = await database.openDemo();
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  return {
    get db() {
      if (!opened) throw new Error("the demo database is open only inside a test");
      return opened.db;
    },
  };
}
