/*
 * `npm run setup`: creates or migrates the database named by DATABASE_URL (default: the
 * SQLite file data/fellesloft.sqlite), loads the municipality register and the demo data.
 * `--reset-demo` starts the SQLite file afresh. Safe to run again: nothing is duplicated.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { connect } from "../db/connect";
import { migrateToLatest } from "../db/migrate";
import { env } from "../app/env.server";
import { DEMO_PASSWORD, DEMO_USERS } from "../seeds/demo-content";
import { seedDemo } from "../seeds/demo";

const url = env().DATABASE_URL;
const isSqliteFile = !/^postgres(ql)?:\/\//.test(url) && url !== ":memory:";
if (isSqliteFile) {
  const file = url.replace(/^sqlite:(\/\/)?/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (process.argv.includes("--reset-demo")) {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}

const db = connect(url);
try {
  await migrateToLatest(db);
  const { created } = await seedDemo(db);
  console.log(created ? "Demo data loaded." : "Demo data already present; left as it was.");
  console.log(`\nDemo users (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) {
    const roles = u.platformAdmin
      ? "platform admin"
      : (u.grants ?? []).map((g) => `${g.role} in ${g.slug}${"municipality" in g ? ` (${g.municipality})` : ""}`).join(", ");
    console.log(`  ${u.email.padEnd(42)} ${roles}`);
  }
} finally {
  await db.destroy();
}
