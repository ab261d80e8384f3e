import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type DatabaseConnection,
  SqliteDriver,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type TransactionSettings,
} from "kysely";
import { LRUCache } from "lru-cache";
import pg from "pg";
import type { Database } from "./schema";

// int8 (bigint money in øre, count(*)) arrives as a string by default; every value we store is
// far below 2^53, so a number is exact and keeps one code path for both databases.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric (avg, sum over bigint) likewise
pg.types.setTypeParser(1700, (value) => Number(value));

export type DB = Kysely<Database>;

/**
 * Opens the database named by `url`: `postgres://…` uses PostgreSQL, anything else is a
 * SQLite file path (`:memory:` for a throwaway database).
 */
export function connect(url: string): DB {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }),
    });
  }
  const file = url.replace(/^sqlite:(\/\/)?/, "");
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new ImmediateWriteSqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * SQLite's default `begin` is deferred: a transaction that reads and then writes asks for the
 * write lock only at its first write, and when another process wrote in between, SQLite refuses
 * at once ("database is locked") instead of waiting out busy_timeout. Worker processes share the
 * file, so a write transaction takes the lock when it starts (`begin immediate`) and waits its
 * turn; a read-only one (`setAccessMode("read only")`) stays deferred and never blocks a writer.
 */
class ImmediateWriteSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateWriteSqliteDriver(this.config);
  }
}

class ImmediateWriteSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    const mode = settings?.accessMode === "read only" ? "deferred" : "immediate";
    await connection.executeQuery(CompiledQuery.raw(`begin ${mode}`));
  }
}

/**
 * Kysely prepares every query afresh; compiling the SQL costs more than running the small queries
 * a page makes, and the same few hundred statements come again and again. Kysely runs one query
 * at a time on the connection, so a prepared statement is never in use twice at once.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new LRUCache<string, SQLite.Statement>({ max: 1000 });
  return {
    close: () => sqlite.close(),
    prepare(source) {
      let statement = statements.get(source);
      if (!statement) {
        statement = sqlite.prepare(source);
        statements.set(source, statement);
      }
      return statement;
    },
  };
}
