import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { connect } from "../../db/connect";

describe("admin CLI (npm run admin)", () => {
  let dir: string;
  let dbFile: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "fellesloft-cli-"));
    dbFile = path.join(dir, "cli.sqlite");
    copyFileSync(inject("demoDbTemplate"), dbFile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const admin = (args: string[], stdin = "") => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
      input: stdin,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: dbFile, NODE_ENV: "production" },
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  it("creates a cooperation, adds members, creates a user and grants a reporter role", async () => {
    expect(
      admin(["create-cooperation", "--slug", "fosen", "--name", "Fosen regionråd", "--host", "5054", "--language", "nn"]).code
    ).toBe(0);
    expect(admin(["add-members", "--slug", "fosen", "--municipalities", "5054,5057,5058", "--joined", "2026-01-01"]).code).toBe(
      0
    );
    const user = admin(
      ["create-user", "--email", "IKT@Indre-Fosen.example", "--name", "Ingrid", "--password-stdin"],
      "eit-langt-passord\n"
    );
    expect(user.code, user.err).toBe(0);
    expect(
      admin([
        "grant-role",
        "--email",
        "ikt@indre-fosen.example",
        "--slug",
        "fosen",
        "--role",
        "reporter",
        "--municipality",
        "5054",
      ]).code
    ).toBe(0);

    const db = connect(dbFile);
    try {
      const grant = await db
        .selectFrom("role_grant")
        .innerJoin("app_user", "app_user.id", "role_grant.user_id")
        .innerJoin("cooperation", "cooperation.id", "role_grant.cooperation_id")
        .innerJoin("municipality", "municipality.id", "role_grant.municipality_id")
        .select(["app_user.email", "cooperation.slug", "role_grant.role", "municipality.name"])
        .where("app_user.email", "=", "ikt@indre-fosen.example")
        .executeTakeFirstOrThrow();
      expect(grant).toEqual({ email: "ikt@indre-fosen.example", slug: "fosen", role: "reporter", name: "Indre Fosen" });
    } finally {
      await db.destroy();
    }
  });

  it.each([
    [["create-cooperation", "--slug", "ekommune-sunnmore", "--name", "Kopi"], 1, "allerede i bruk"],
    [["create-cooperation", "--slug", "Ikke Gyldig", "--name", "X Y"], 2, "små bokstaver"],
    [
      ["add-members", "--slug", "fosen", "--municipalities", "9999", "--joined", "2026-01-01"],
      1,
      "Fant ingen kommune med nummer 9999",
    ],
    [["add-members", "--slug", "finst-ikkje", "--municipalities", "5054"], 1, "Fant ikke samarbeidet"],
    [
      ["grant-role", "--email", "ikt@giske.example", "--slug", "ekommune-sunnmore", "--role", "reporter"],
      2,
      "rapportør må knyttes",
    ],
    [["grant-role", "--email", "ikt@giske.example", "--slug", "ekommune-sunnmore", "--role", "king"], 2, "gyldig rolle"],
    [
      [
        "grant-role",
        "--email",
        "ikt@giske.example",
        "--slug",
        "knutepunkt-sorlandet",
        "--role",
        "reporter",
        "--municipality",
        "1532",
      ],
      1,
      "ikke deltaker",
    ],
    [["create-user", "--email", "ny@kommune.example", "--name", "Ny", "--password-stdin"], 2, "minst 12 tegn"],
    [["frobnicate"], 2, "Ukjent kommando"],
    [["grant-role", "--bogus"], 2, "Unknown option"],
  ])("refuses %j with exit code %i and a clear message", (args, code, message) => {
    const result = admin(args as string[], "kort\n");
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });
});
