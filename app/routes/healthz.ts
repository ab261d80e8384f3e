import { json } from "@remix-run/node";
import { sql } from "kysely";
import { db, dbDialect } from "../db.server";

export async function loader() {
  try {
    await sql`select 1`.execute(db());
    return json({ status: "ok", db: dbDialect() }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "error", db: dbDialect() }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
