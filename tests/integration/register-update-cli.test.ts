import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type DB } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import { buildRegister } from "../../seeds/register/build";
import { registerDataDir, seedMunicipalityRegister } from "../../seeds/register/seed";
import { testDatabases, type OpenedDatabase, type TestDatabase } from "../support/databases";

/*
 * `npm run admin -- register-update` on a database whose register stops at 2020, as one
 * installed before the 2024 county reform would be: the CLI is run as a process on the database
 * named by DATABASE_URL, on SQLite and on PostgreSQL.
 */

const dataDir = registerDataDir();
const CLASSIFICATION = path.join(dataDir, "ssb-131-2024-01-01.csv");
const CHANGES = path.join(dataDir, "changes-2020_til2024.csv");

/** A migrated database the CLI can open too: a file for SQLite, a database of the cluster for PostgreSQL. */
async function openShared(database: TestDatabase, dir: string): Promise<OpenedDatabase> {
  if (database.name !== "sqlite") return database.open();
  const url = path.join(dir, "register.sqlite");
  const db = connect(url);
  await migrateToLatest(db);
  return { db, url, close: () => db.destroy() };
}

/** Everything the update may touch, in an order that does not depend on the database. */
async function registerState(db: DB) {
  const sorted = <T>(rows: T[], key: (row: T) => string) =>
    rows.map((r) => ({ ...r })).sort((a, b) => key(a).localeCompare(key(b)));
  const municipalities = await db.selectFrom("municipality").selectAll().execute();
  const changes = await db.selectFrom("municipality_change").selectAll().execute();
  const population = await db.selectFrom("municipality_population").select(["municipality_id", "year", "population"]).execute();
  const audit = await db.selectFrom("audit_event").select(["action", "cooperation_id", "entity_id"]).execute();
  return {
    municipalities: sorted(municipalities, (m) => m.id),
    changes: sorted(changes, (c) => c.id),
    population: sorted(
      population.map((p) => ({ ...p, population: Number(p.population) })),
      (p) => `${p.municipality_id} ${p.year}`,
    ),
    audit,
  };
}

describe.each(testDatabases())("npm run admin -- register-update on $name", (database) => {
  let dir: string;
  let opened: OpenedDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "fellesloft-register-"));
    opened = await openShared(database, dir);
    await seedMunicipalityRegister(opened.db, dataDir, { until: "2020-01-01" });
  });
  afterAll(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const admin = (...args: string[]) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", "register-update", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: opened.url, NODE_ENV: "production" },
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
  const update = (...extra: string[]) => admin("--date", "2024-01-01", "--file", CLASSIFICATION, "--changes", CHANGES, ...extra);

  it("refuses bad files with the line of each problem and leaves the register as it is", async () => {
    const before = await registerState(opened.db);
    const lines = readFileSync(CHANGES, "utf8").split("\r\n");
    expect(lines[2]).toBe("1507 - Ålesund;1580 - Haram;1");
    // line 3 loses Haram, line 4 gets a code of three digits, and line 5 a split flag that is no flag
    const bad = [...lines.slice(0, 2), "3001 - Halden;310 - Halden;0", lines[4]!.replace(/;0$/, ";2"), ...lines.slice(5)];
    const badFile = path.join(dir, "changes-bad.csv");
    writeFileSync(badFile, bad.join("\r\n"));
    const result = admin("--date", "2024-01-01", "--file", CLASSIFICATION, "--changes", badFile, "--apply");
    expect(result.code).toBe(1);
    expect(result.out).toBe("");
    expect(result.err).toContain("Kommuneregisteret er ikke endret. Rett opp dette og prøv igjen:");
    expect(result.err).toContain(`${badFile}, linje 3: «310» er ikke et firesifret kommunenummer`);
    expect(result.err).toContain(`${badFile}, linje 4: «2» i kolonnen for deling skal være 0 eller 1`);
    expect(await registerState(opened.db)).toEqual(before);

    const haramLine =
      readFileSync(CLASSIFICATION, "utf8")
        .split("\n")
        .findIndex((l) => l.startsWith("1580;")) + 1;
    writeFileSync(badFile, lines.filter((l) => !l.includes("1580 - Haram")).join("\r\n"));
    const missing = admin("--date", "2024-01-01", "--file", CLASSIFICATION, "--changes", badFile, "--apply", "--lang", "en");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(
      `${CLASSIFICATION}, line ${haramLine}: municipality 1580 Haram is new, but the change table gives it no predecessor`,
    );
    expect(await registerState(opened.db)).toEqual(before);
  });

  it("refuses a date that is not ISO", () => {
    const result = admin("--date", "1.1.2024", "--file", CLASSIFICATION, "--changes", CHANGES);
    expect(result.code).toBe(2);
    expect(result.err).toContain("--date: Skriv datoen som ÅÅÅÅ-MM-DD.");
  });

  it("shows what would change without changing it", async () => {
    const before = await registerState(opened.db);
    const result = update();
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain("Prøvekjøring: slik ville kommuneregisteret endres fra 1. januar 2024.");
    expect(result.out).toContain("Delt (1):\n  1507 Ålesund → 1508 Ålesund, 1580 Haram\n");
    expect(result.out).toContain("Nytt kommunenummer (113):\n  3001 Halden → 3101 Halden\n");
    expect(result.out).toContain("  5001: Trondheim → Trondheim - Tråante\n");
    expect(result.out).toContain("Uendret: 234 kommuner.");
    expect(result.out).not.toContain("Slått sammen");
    expect(await registerState(opened.db)).toEqual(before);
  });

  it("applies the 2024 change in one go, to exactly the register the full seed makes", async () => {
    const result = update("--apply", "--lang", "nn");
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain("Kommuneregisteret er oppdatert frå 1. januar 2024:");
    expect(result.out).toContain("Uendra: 234 kommunar.");

    const full = buildRegister(dataDir);
    const state = await registerState(opened.db);
    expect(state.municipalities).toEqual([...full.municipalities].sort((a, b) => a.id.localeCompare(b.id)));
    expect(state.changes).toEqual([...full.changes].sort((a, b) => a.id.localeCompare(b.id)));
    expect(state.population).toEqual(
      [...full.population].sort((a, b) => a.municipality_id.localeCompare(b.municipality_id)).map((p) => ({ ...p })),
    );
    expect(state.audit).toEqual([{ action: "register.updated", cooperation_id: null, entity_id: "2024-01-01" }]);
  });

  it("has nothing to do when run again, and says so", async () => {
    const before = await registerState(opened.db);
    const result = update("--apply");
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe("Kommuneregisteret er allerede oppdatert fra 1. januar 2024: ingenting å endre.\n");
    expect(await registerState(opened.db)).toEqual(before);
  });
});
