import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { connect } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../seeds/demo";
import { sql } from "kysely";
import { databaseUrl, findPgBin, startPostgres, type PgCluster } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** admin URL of the throwaway cluster, or "" where PostgreSQL is not installed (outside CI only) */
    postgresUrl: string;
    /** a migrated SQLite file with the demo data; copy it, never write to it */
    demoDbTemplate: string;
    /** a PostgreSQL database of the cluster with the demo data, to create others from; "" without PostgreSQL */
    postgresDemoTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "fellesloft-test-"));
  const template = path.join(tmp, "demo-template.sqlite");
  const db = connect(template);
  await migrateToLatest(db);
  await seedDemo(db);
  await db.destroy();
  project.provide("demoDbTemplate", template);

  let cluster: PgCluster | undefined;
  const pgBin = findPgBin();
  if (pgBin) {
    cluster = await startPostgres(pgBin);
    project.provide("postgresUrl", cluster.url);
    project.provide("postgresDemoTemplate", await seedPostgresTemplate(cluster.url));
  } else if (process.env.CI) {
    throw new Error(
      "PostgreSQL (initdb) is not installed; .ci/run installs it. The data layer must be tested on PostgreSQL in CI.",
    );
  } else {
    console.warn(
      "\n[tests] PostgreSQL is not installed here: the PostgreSQL half of the data-layer tests is skipped. Install the Debian package 'postgresql' to run it.\n",
    );
    project.provide("postgresUrl", "");
    project.provide("postgresDemoTemplate", "");
  }
  if (!existsSync(path.resolve("build/index.js")) || !existsSync(path.resolve("build/server.js"))) {
    console.warn("[tests] No production build found: run `npm run build` (npm test does it) before the end-to-end tests.");
  }

  return () => {
    cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
  };
}

/** Seeded once per run, so that a test's fresh copy of the demo is a file copy, not a second seeding. */
async function seedPostgresTemplate(adminUrl: string): Promise<string> {
  const name = "demo_template";
  const admin = connect(adminUrl);
  await sql.raw(`create database ${name}`).execute(admin);
  await admin.destroy();
  // PostgreSQL copies a template only while nobody is connected to it: this connection ends here
  const db = connect(databaseUrl(adminUrl, name));
  await migrateToLatest(db);
  await seedDemo(db);
  await db.destroy();
  return name;
}
