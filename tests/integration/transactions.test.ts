/*
 * The one way the portal writes: a transaction that reads and then writes while another process
 * (as the server's second worker process) writes to the same SQLite file — with SQLite's deferred
 * `begin` it failed at once with "database is locked"; now the other waits its turn.
 * transact() runs a transaction again when it meets another writer, and answers 409 when that
 * outlasts every attempt.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type DB } from "../../db/connect";
import { transact } from "../../app/utils/concurrency.server";
import { testDatabases } from "../support/databases";

/** Another process's write to the counter, as a second worker process would make it; resolves when it has committed. */
function writeFromAnotherProcess(file: string): { started: Promise<void>; committed: Promise<void> } {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const db = new (require("better-sqlite3"))(${JSON.stringify(file)}); db.pragma("busy_timeout = 5000");
       process.stdout.write("started\\n"); db.prepare("update counter set n = n + 1 where id = 1").run(); db.close();`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const started = new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  const committed = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the other process exited with ${code}`)))),
  );
  return { started, committed };
}

describe("a write transaction against another process's write to one SQLite file", () => {
  let dir: string;
  let file: string;
  let db: DB;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "fellesloft-tx-"));
    file = path.join(dir, "db.sqlite");
    db = connect(file);
    await sql`create table counter (id integer primary key, n integer not null)`.execute(db);
    await sql`insert into counter (id, n) values (1, 0)`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes the write lock when it begins: the other process waits, neither fails, nothing is run twice", async () => {
    let attempts = 0;
    let other: ReturnType<typeof writeFromAnotherProcess> | undefined;
    await transact(db, async (trx) => {
      attempts++;
      const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(trx);
      // with a deferred begin the other process would commit here, and the write below would
      // fail at once (SQLITE_BUSY_SNAPSHOT) instead of waiting
      other ??= writeFromAnotherProcess(file);
      await other.started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`update counter set n = ${rows[0].n + 10} where id = 1`.execute(trx);
    });
    await other!.committed;
    expect(attempts).toBe(1);
    const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(db);
    expect(rows[0].n).toBe(11);
  });

  it("a read-only transaction stays deferred: another process writes meanwhile", async () => {
    const before = (await sql<{ n: number }>`select n from counter where id = 1`.execute(db)).rows[0].n;
    await db
      .transaction()
      .setAccessMode("read only")
      .execute(async (trx) => {
        await sql`select n from counter where id = 1`.execute(trx);
        await writeFromAnotherProcess(file).committed;
      });
    expect((await sql<{ n: number }>`select n from counter where id = 1`.execute(db)).rows[0].n).toBe(before + 1);
  });
});

describe.each(testDatabases())("transact on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await database.open());
  });
  afterAll(async () => {
    await close();
  });

  const contention = database.name === "sqlite" ? "SQLITE_BUSY" : "40001";

  it("runs a transaction again after it met another writer, with nothing of the failed attempt kept", async () => {
    let attempts = 0;
    const result = await transact(db, async (trx) => {
      attempts++;
      await trx
        .insertInto("cooperation")
        .values({
          id: `coop-${attempts}`,
          slug: `retry-${attempts}`,
          name: "Forsøk",
          description: "",
          legal_form: null,
          host_municipality_id: null,
          default_language: "nb",
          accessibility_statement_url: null,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
      if (attempts < 3) throw Object.assign(new Error("contention"), { code: contention });
      return attempts;
    });
    expect(result).toBe(3);
    const slugs = (await db.selectFrom("cooperation").select("slug").where("slug", "like", "retry-%").execute()).map(
      (r) => r.slug,
    );
    expect(slugs).toEqual(["retry-3"]);
  });

  it("answers 409 when contention outlasts every attempt, and passes other errors on at once", async () => {
    let attempts = 0;
    const thrown = await transact(db, async () => {
      attempts++;
      throw Object.assign(new Error("contention"), { code: contention });
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(409);
    expect(attempts).toBe(5);

    let once = 0;
    await expect(
      transact(db, async () => {
        once++;
        throw new Error("a bug");
      }),
    ).rejects.toThrow("a bug");
    expect(once).toBe(1);
  });
});
