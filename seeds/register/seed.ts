import { fileURLToPath } from "node:url";
import type { InsertResult, Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { buildRegister } from "./build";

// Keeps every statement far below PostgreSQL's 65,535 parameters and SQLite's variable limit.
const CHUNK_SIZE = 200;

export function registerDataDir(): string {
  return fileURLToPath(new URL("../data/", import.meta.url));
}

/**
 * Inserts the national register in one transaction. Rows whose key already exists are left as
 * they are, so seeding again is harmless; the counts returned are the rows inserted this time.
 * `until` stops it at the changes of that day, for a database that is to take later ones from
 * `npm run admin -- register-update`.
 */
export async function seedMunicipalityRegister(
  db: Kysely<Database>,
  dataDir: string,
  options: { until?: string } = {},
): Promise<{ municipalities: number; changes: number }> {
  const register = buildRegister(dataDir, options);
  return db.transaction().execute(async (trx) => {
    const municipalities = await insertInChunks(register.municipalities, (chunk) =>
      trx
        .insertInto("municipality")
        .values(chunk)
        .onConflict((oc) => oc.column("id").doNothing())
        .executeTakeFirstOrThrow(),
    );
    const changes = await insertInChunks(register.changes, (chunk) =>
      trx
        .insertInto("municipality_change")
        .values(chunk)
        .onConflict((oc) => oc.column("id").doNothing())
        .executeTakeFirstOrThrow(),
    );
    await insertInChunks(register.population, (chunk) =>
      trx
        .insertInto("municipality_population")
        .values(chunk)
        .onConflict((oc) => oc.columns(["municipality_id", "year"]).doNothing())
        .executeTakeFirstOrThrow(),
    );
    return { municipalities, changes };
  });
}

async function insertInChunks<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<InsertResult>): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const result = await insert(rows.slice(start, start + CHUNK_SIZE));
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}
