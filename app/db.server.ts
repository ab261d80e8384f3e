import { connect, type DB } from "../db/connect";
import { dialectName } from "../db/dialect";
import { env } from "./env.server";

// One pool per process; kept on globalThis so dev-mode rebuilds don't open a new one each time.
const holder = globalThis as unknown as { __fellesloftDb?: DB };

export function db(): DB {
  holder.__fellesloftDb ??= connect(env().DATABASE_URL);
  return holder.__fellesloftDb;
}

export function dbDialect() {
  return dialectName(db());
}
