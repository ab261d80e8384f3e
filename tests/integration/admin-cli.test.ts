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
      admin(["create-cooperation", "--slug", "fosen", "--name", "Fosen regionråd", "--host", "5054", "--language", "nn"]).code,
    ).toBe(0);
    expect(admin(["add-members", "--slug", "fosen", "--municipalities", "5054,5057,5058", "--joined", "2026-01-01"]).code).toBe(
      0,
    );
    const user = admin(
      ["create-user", "--email", "IKT@Indre-Fosen.example", "--name", "Ingrid", "--password-stdin"],
      "eit-langt-passord\n",
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
      ]).code,
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
    ["nb", "Fellesløft – administrasjon", /Bokmål unless|administration\b|reporters only|standard input/],
    ["nn", "Alle kommandoane tek --lang", /Bokmål unless|administration\b|reporters only|standard input|bokmål hvis/],
    ["en", "Every command takes --lang", /administrasjon|bare for|standard inn/],
  ])("prints its help in %s only", (lang, text, otherLanguage) => {
    const result = admin(lang === "nb" ? ["help"] : ["help", "--lang", lang]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(text);
    expect(result.out).toContain("import-population --file");
    expect(result.out).not.toMatch(otherLanguage);
  });

  it.each([
    [["create-cooperation", "--slug", "ekommune-sunnmore", "--name", "Kopi"], 1, "allerede i bruk"],
    [["create-cooperation", "--slug", "Ikke Gyldig", "--name", "X Y"], 2, "små bokstaver"],
    [
      ["add-members", "--slug", "ekommune-sunnmore", "--municipalities", "9999", "--joined", "2026-01-01"],
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
    [["grant-role", "--bogus"], 2, "Ukjent valg: --bogus"],
    [["grant-role", "--email"], 2, "--email må ha en verdi"],
    [["disable-user", "--platform-admin=ja"], 2, "--platform-admin tar ingen verdi"],
    [["--lang", "se", "help"], 2, "--lang må være nb, nn eller en"],
    [["--lang", "nn", "add-members", "--slug", "finst-ikkje", "--municipalities", "5054"], 1, "Fann ikkje samarbeidet"],
    [
      ["add-members", "--slug", "finst-ikkje", "--municipalities", "5054", "--lang", "en"],
      1,
      "The cooperation “finst-ikkje” does not exist",
    ],
    [["grant-role", "--bogus", "--lang", "en"], 2, "Unknown option: --bogus"],
    [["frobnicate", "--lang", "nn"], 2, "Ukjend kommando"],
    [["import-population"], 2, "--file: Fyll ut feltet"],
    [["import-population", "--file", "tests/fixtures/finst-ikkje.csv"], 2, "Kunne ikke lese filen"],
    [["import-population", "--file", "tests/fixtures/ssb-07459-long.csv", "--year", "25"], 2, "--year må være et årstall"],
  ])("refuses %j with exit code %i and a clear message", (args, code, message) => {
    const result = admin(args as string[], "kort\n");
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
  });

  describe("import-population", () => {
    const populations = async (year: number) => {
      const db = connect(dbFile);
      try {
        const rows = await db
          .selectFrom("municipality_population")
          .innerJoin("municipality", "municipality.id", "municipality_population.municipality_id")
          .select(["municipality.number", "municipality_population.population"])
          .where("municipality_population.year", "=", year)
          .orderBy("municipality.number")
          .execute();
        return Object.fromEntries(rows.map((r) => [r.number, r.population]));
      } finally {
        await db.destroy();
      }
    };

    it("refuses a file with bad rows as a whole, naming every bad line", async () => {
      const before = await populations(2025);
      const result = admin(["import-population", "--file", "tests/fixtures/ssb-07459-bad.csv"]);
      expect(result.code).toBe(1);
      expect(result.err).toContain("Ingen folketall er lastet inn");
      expect(result.err).toContain("linje 5: «..» er ikke et folketall");
      expect(result.err).toContain("linje 6: kommune 9999 finnes ikke i kommuneregisteret 1. januar 2025");
      expect(result.err).toContain("linje 7: kommune 5054 står også på linje 4");
      expect(result.err).not.toMatch(/^\s*linje (4|8):/m);
      expect(await populations(2025)).toEqual(before);
    });

    it("loads SSB's long form (title line, K- numbers, år column), and a second load of the year replaces it and says so", async () => {
      const first = admin(["import-population", "--file", "tests/fixtures/ssb-07459-long.csv"]);
      expect(first.err).toBe("");
      expect(first.out).toBe("Lastet inn folketall for 2025 for 3 kommuner.\n");
      expect(await populations(2025)).toEqual({ "5054": 10000, "5057": 11000, "5058": 4000 });

      const again = admin(["import-population", "--file", "tests/fixtures/ssb-07459-wide.csv", "--year", "2025", "--lang", "nn"]);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toContain("Lasta inn folketal for 2025 for 2 kommunar.");
      expect(again.out).toContain("Folketalet for 2025 var lasta inn før: 3 tal er bytte ut.");
      expect(await populations(2025)).toEqual({ "1508": 68000, "5054": 10100 });
      // the other year of the wide file is left alone, and so is the register's 2015
      expect(await populations(2024)).toEqual({});
      expect((await populations(2015))["5054"]).toBe(10108);
    });

    it("asks which year to load from a wide file with several", () => {
      const result = admin(["import-population", "--file", "tests/fixtures/ssb-07459-wide.csv", "--lang", "en"]);
      expect(result.code).toBe(1);
      expect(result.err).toContain("line 3: the file has figures for several years (2024, 2025); choose one with --year");
    });
  });
});
