/*
 * A visitor who is not signed in reads what eKommune Sunnmøre publishes, in Chromium, with and
 * without JavaScript: the cooperation, its strategy, an approved plan, the uptake matrix and a
 * published annual report, in nynorsk (the cooperation's language) and in bokmål chosen with the
 * header's language form — following the pages' own links, which keep the language, and never
 * given a cookie. Then the secretariat withdraws the matrix on the settings page, and the
 * visitor's next load of it, which the browser revalidates with the ETag it kept, is a 404.
 */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { Parser } from "n3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { EKOMMUNE } from "../../seeds/demo-content";
import {
  clickSubmit,
  htmlLang,
  launchBrowser,
  login,
  newContext,
  pathOf,
  switchLanguage,
  visit,
  waitForHydration,
} from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { TEXTS } from "../support/texts";

const PUBLIC = `/public/${EKOMMUNE.slug}`;

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function h1(page: Page): Promise<string> {
  return (await page.locator("main h1").innerText()).trim();
}

/** Follows a link of the page and checks the language stayed with the address. */
async function follow(page: Page, selector: string, lang: Language): Promise<void> {
  const link = page.locator(selector).first();
  const target = new URL((await link.getAttribute("href"))!, page.url());
  await link.click();
  await page.waitForURL((url) => url.pathname === target.pathname);
  await waitForHydration(page);
  expect(pathOf(page)).toBe(target.pathname + target.search);
  expect(await htmlLang(page), `${pathOf(page)} is in ${lang}`).toBe(lang);
  if (lang !== "nn") expect(target.searchParams.get("lang"), pathOf(page)).toBe(lang);
}

function partLink(part: string): string {
  return `nav a[href^="${PUBLIC}/${part}"]`;
}

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("a visitor $mode", ({ javaScript }) => {
  it.each(["nn", "nb"] as const)("reads the strategy, a plan, the matrix and a report in %s, with no cookie", async (lang) => {
    const t = TEXTS[lang];
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await visit(page, `${server.url}${PUBLIC}`);
      expect(await h1(page)).toBe(EKOMMUNE.name);
      if (lang !== "nn") await switchLanguage(page, lang);
      expect(await htmlLang(page)).toBe(lang);

      await follow(page, partLink("strategy"), lang);
      expect(await page.locator("main h2").count(), "the strategy shows its focus areas").toBeGreaterThan(0);

      await follow(page, partLink("plans"), lang);
      expect(await h1(page)).toBe(t.publication.pages.plansTitle);
      await follow(page, `main a[href^="${PUBLIC}/plans/2013"]`, lang);
      expect(await h1(page)).toBe(t.plan.page.title.replace("{{year}}", "2013"));

      await follow(page, partLink("matrix"), lang);
      expect(await h1(page)).toContain(EKOMMUNE.name);
      expect(await page.locator("main table").count(), "the matrix is a table").toBeGreaterThan(0);

      await follow(page, partLink("reports"), lang);
      await follow(page, `main a[href^="${PUBLIC}/reports/2013"]`, lang);
      expect(await h1(page)).toBe(t.publication.pages.reportTitle.replace("{{year}}", "2013"));
      expect(await page.locator(`main a[href^="${PUBLIC}/reports/2013.pdf"]`).count()).toBe(1);

      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("downloads the open data and a report's spreadsheet, and each file reads back", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    const download = async (selector: string) => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.locator(selector).first().click()]);
      return readFile((await file.path())!);
    };
    try {
      await visit(page, `${server.url}${PUBLIC}`);
      await follow(page, partLink("data"), "nn");
      expect(await h1(page)).toBe(TEXTS.nn.publication.data.title.replace("{{name}}", EKOMMUNE.name));

      const csv = await download(`main a[href="${PUBLIC}/data/uptake.csv"]`);
      const [header, ...rows] = parse(csv, { delimiter: ";", bom: true }) as string[][];
      expect(header[0]).toBe("year");
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => /^\d{4}$/.test(r[header.indexOf("municipality_number")]))).toBe(true);

      const zip = unzipSync(new Uint8Array(await download(`main a[href="${PUBLIC}/data/all.zip"]`)));
      expect(Object.keys(zip)).toContain("uptake.csv");
      expect(strFromU8(zip["uptake.csv"])).toBe(new TextDecoder().decode(csv));

      const turtle = await download(`main a[href="${PUBLIC}/catalog.ttl"]`);
      const quads = new Parser().parse(turtle.toString("utf8"));
      expect(quads.some((q) => q.object.value === "http://www.w3.org/ns/dcat#Dataset")).toBe(true);

      await visit(page, `${server.url}${PUBLIC}/reports/2013`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(`main a[href="${PUBLIC}/reports/2013.xlsx"]`)) as unknown as ArrayBuffer);
      expect(workbook.worksheets.length).toBeGreaterThan(0);
      expect(await context.cookies()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("finds the matrix gone on the next load after the secretariat withdraws it", async () => {
    const own = await startServer();
    const visitor = await newContext(browser, { javaScript });
    const secretariat = await newContext(browser, { javaScript });
    try {
      const matrix = `${own.url}${PUBLIC}/matrix`;
      expect((await visit(visitor.page, matrix))?.status()).toBe(200);

      await login(secretariat.page, own, "sekretariat@ekommune-sunnmore.example");
      await visit(secretariat.page, `${own.url}/c/${EKOMMUNE.slug}/settings`);
      const form = secretariat.page.locator("main form[method=post]");
      await form.locator('input[name="parts"][value="matrix"]').uncheck();
      await clickSubmit(secretariat.page, form.locator('button[type="submit"]'), 10_000);
      const toast = secretariat.page.locator('main [role="status"]');
      await toast.waitFor();
      expect(Object.values(TEXTS).map((t) => t.publication.settings.saved)).toContain((await toast.innerText()).trim());
      const published = await own.db
        .selectFrom("cooperation")
        .select(["publish_matrix", "publish_reports"])
        .where("slug", "=", EKOMMUNE.slug)
        .executeTakeFirstOrThrow();
      expect(published).toEqual({ publish_matrix: 0, publish_reports: 1 });

      const again = await visitor.page.goto(matrix);
      expect(again?.status()).toBe(404);
      expect(await h1(visitor.page)).toBe(TEXTS.nn.errors.notFound.title);
      expect((await visit(visitor.page, `${own.url}${PUBLIC}/reports/2013`))?.status()).toBe(200);
    } finally {
      await visitor.context.close();
      await secretariat.context.close();
      await own.stop();
    }
  });
});
