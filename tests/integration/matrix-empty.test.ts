import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEASURE_STATUSES } from "@shared-schema/measure";
import type { Language } from "../../db/schema";
import { runsIn } from "../../app/overview/matrix";
import { TEXTS } from "../support/texts";
import { planYears } from "../../app/overview/years.server";
import { chooseLanguage, loginCookie, startServer, type TestServer } from "../support/server";
import { cooperationIdOf, insertMeasure } from "../support/queries";

/*
 * The uptake matrix with no rows, loaded as a whole document (not a client navigation): the table's
 * body is sent from kept parts (decision 013), and a page showing its empty state instead must still
 * be a page.
 */

const SUNNMORE = "ekommune-sunnmore";
const NEW = { slug: "fosen", email: "sekretariat@fosen.example", password: "eit-langt-passord-for-fosen" };

describe("the uptake matrix with nothing to show, as a full page", () => {
  let server: TestServer;
  let sunnmore: string;
  let fosen: string;
  let emptyYear: number;
  let fullYear: number;
  let unusedStatus: string;

  beforeAll(async () => {
    server = await startServer();
    // a cooperation just created with the admin CLI: members and a secretariat, no measures yet
    const admin = (args: string[], stdin = "") => {
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
        input: stdin,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: server.dbFile, NODE_ENV: "production" },
      });
      expect(result.status, result.stderr).toBe(0);
    };
    admin(["create-cooperation", "--slug", NEW.slug, "--name", "Fosen regionråd", "--host", "5054"]);
    admin(["add-members", "--slug", NEW.slug, "--municipalities", "5054,5057,5058", "--joined", "2024-01-01"]);
    admin(["create-user", "--email", NEW.email, "--name", "Sekretariatet", "--password-stdin"], `${NEW.password}\n`);
    admin(["grant-role", "--email", NEW.email, "--slug", NEW.slug, "--role", "secretariat"]);

    const coop = { id: await cooperationIdOf(server.db, SUNNMORE) };
    // the demo runs a measure in every year from 2013 on; one planned for 2031 leaves the years before it without
    await insertMeasure(server.db, { cooperation_id: coop.id, number: 90, period_from: 2031, period_to: 2031 });
    const measures = await server.db
      .selectFrom("measure")
      .select(["period_from", "period_to", "status"])
      .where("cooperation_id", "=", coop.id)
      .execute();
    const periods = measures.map((m) => ({ periodFrom: m.period_from, periodTo: m.period_to }));
    // only a year the page offers: any other falls back to the default year, which has rows
    const years = (await planYears(server.db, { cooperationId: coop.id })).all;
    emptyYear = years.find((y) => !periods.some((m) => runsIn(m, y)))!;
    fullYear = years.find((y) => periods.some((m) => runsIn(m, y)))!;
    unusedStatus = MEASURE_STATUSES.find((s) => !measures.some((m) => m.status === s))!;
    expect(emptyYear, "a year the page offers with no measure running").toBeDefined();
    expect(unusedStatus, "a measure status none of the measures has").toBeDefined();

    sunnmore = await loginCookie(server, "sekretariat@ekommune-sunnmore.example");
    fosen = await loginCookie(server, NEW.email, NEW.password);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function documentOf(cookie: string, path: string) {
    const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie, Accept: "text/html" } });
    return { status: response.status, type: response.headers.get("content-type"), html: await response.text() };
  }

  const emptyText = (lang: Language, year: number, filtered = false) =>
    TEXTS[lang].overview[filtered ? "emptyFiltered" : "empty"].replace("{{year}}", String(year));

  describe.each(["nb", "nn"] as const)("in %s", (lang) => {
    beforeAll(async () => {
      await chooseLanguage(server, sunnmore, lang);
      await chooseLanguage(server, fosen, lang);
    });

    it("a year with no measure running shows the empty state", async () => {
      const page = await documentOf(sunnmore, `/c/${SUNNMORE}/matrix?year=${emptyYear}`);
      expect(page.status, page.html.slice(0, 500)).toBe(200);
      expect(page.type).toContain("text/html");
      expect(page.html).toContain(`<html lang="${lang}"`);
      expect(page.html).toContain(`<option value="${emptyYear}" selected`);
      expect(page.html).toContain(emptyText(lang, emptyYear));
      expect(page.html).not.toContain("<tbody");
    });

    it("a filter that matches no measure shows the empty state", async () => {
      const page = await documentOf(sunnmore, `/c/${SUNNMORE}/matrix?year=${fullYear}&status=${unusedStatus}`);
      expect(page.status, page.html.slice(0, 500)).toBe(200);
      expect(page.html).toContain(`<html lang="${lang}"`);
      expect(page.html).toContain(emptyText(lang, fullYear, true));
      expect(page.html).not.toContain("<tbody");
    });

    it("a cooperation without measures shows the empty state", async () => {
      const page = await documentOf(fosen, `/c/${NEW.slug}/matrix`);
      expect(page.status, page.html.slice(0, 500)).toBe(200);
      expect(page.html).toContain(`<html lang="${lang}"`);
      const year = Number(/<option value="(\d{4})" selected/.exec(page.html)?.[1]);
      expect(year).toBeGreaterThan(2000);
      expect(page.html).toContain(emptyText(lang, year));
    });

    it("a year with rows still sends its body, with the empty state nowhere", async () => {
      const page = await documentOf(sunnmore, `/c/${SUNNMORE}/matrix?year=${fullYear}`);
      expect(page.status).toBe(200);
      expect(page.html).toMatch(/<tbody><tr class="group">.*<\/tbody>/s);
      expect(page.html).toContain("data-cell=");
      expect(page.html).not.toContain(emptyText(lang, fullYear));
    });
  });

  it("logged no incident", () => {
    expect(server.output()).not.toContain("[incident");
  });
});
