/*
 * The measure catalogue in Chromium, with and without JavaScript: the secretariat creates a
 * measure supporting two goals with a 30/70 key and sees each member's share; filters and
 * sorting; a reporter sees their municipality highlighted, no edit controls, and gets 403 from
 * the edit action; axe scans of the list, the measure page and the forms in nb and nn.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { shareCost } from "../../app/measure/cost-sharing";
import { formatNok } from "../../app/i18n/format";
import { nb, type Messages, nn } from "../support/texts";
import { EKOMMUNE, EKOMMUNE_MEASURES } from "../../seeds/demo-content";
import { EKOMMUNE_LATER_MEASURES } from "../../seeds/later-content";
import {
  expectNoAxeViolations,
  login,
  newContext,
  pathOf,
  switchLanguage,
  visit,
  waitForHydration,
  withServerAndBrowser,
} from "../support/browser";
import { loginCookie, type TestServer } from "../support/server";

const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const GISKE = "ikt@giske.example";
const MESSAGES: Record<"nb" | "nn", Messages> = { nb, nn };

let server: TestServer;
let browser: Browser;

withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

async function lang(page: Page): Promise<"nb" | "nn"> {
  const value = (await page.locator("html").getAttribute("lang")) ?? "";
  return value.startsWith("nb") ? "nb" : "nn";
}

async function submit(page: Page, formSelector: string) {
  await waitForHydration(page);
  await page.locator(`${formSelector} button[type="submit"]`).click();
}

describe.each([true, false])("measures with JavaScript %s", (javaScript) => {
  it("the secretariat creates a measure supporting two goals with a 30/70 key and sees each member's share", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, SECRETARIAT);
      await switchLanguage(page, "nb");
      await visit(page, `${server.url}/c/${SLUG}/measures`);
      await page.locator(`a[href="/c/${SLUG}/measures/new"]`).click();
      await page.waitForURL((u) => u.pathname.endsWith("/measures/new"));
      await waitForHydration(page);
      const form = page.locator("form#measure-new");
      const name = `Felles velferdsteknologi ${javaScript ? "A" : "B"}`;
      await form.locator('input[name="name"]').fill(name);
      // first an error: custom key with shares that do not sum to 100 %; what was typed stays
      await form.locator('select[name="costKey"]').selectOption("custom");
      await form.locator('input[name="participation"][value="chosen"]').check();
      await form.locator('input[name="members[0].selected"]').check();
      await form.locator('input[name="members[1].selected"]').check();
      await form.locator('input[name="members[0].percent"]').fill("50");
      await form.locator('input[name="members[1].percent"]').fill("49,99");
      await form.locator('input[name="goals"]').nth(0).check();
      await form.locator('input[name="goals"]').nth(1).check();
      await form.locator('input[name="investmentCost"]').fill("1 250 000");
      await submit(page, "form#measure-new");
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      expect(await summary.innerText()).toContain(nb.measure.validation.customSum);
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("ds-error-summary"))).toBe(true);
      expect(await form.locator('input[name="name"]').inputValue()).toBe(name);
      expect(await form.locator('input[name="investmentCost"]').inputValue()).toBe("1 250 000");
      expect(await form.locator('input[name="goals"]:checked').count()).toBe(2);

      await form.locator('select[name="costKey"]').selectOption("mixed");
      expect(await form.locator('input[name="members[1].percent"]').inputValue()).toBe("49,99");
      await form.locator('input[name="participation"][value="all"]').check();
      await form.locator('input[name="members[0].percent"]').fill("");
      await form.locator('input[name="members[1].percent"]').fill("");
      await form.locator('input[name="equalPercent"]').fill("30");
      await form.locator('input[name="populationYear"]').fill("2015");
      await form.locator('input[name="runningCost"]').fill("240 000,50");
      await form.locator('input[name="periodFrom"]').fill("2015");
      await form.locator('input[name="periodTo"]').fill("2016");
      await submit(page, "form#measure-new");
      await page.waitForURL((u) => /\/measures\/\d+$/.test(u.pathname));
      await waitForHydration(page);
      const number = Number(pathOf(page).split("/").pop());
      // with JavaScript the URL changes a moment before the new page renders: wait for its heading
      await page.locator("main h1", { hasText: name }).waitFor();

      // the shares table: every member, summing to the total; Giske's share as shareCost computes it
      const measure = await server.db.selectFrom("measure").selectAll().where("number", "=", number).executeTakeFirstOrThrow();
      expect(measure.investment_cost).toBe(125_000_000);
      expect(measure.running_cost).toBe(24_000_050);
      const goals = await server.db.selectFrom("measure_goal").select("goal_id").where("measure_id", "=", measure.id).execute();
      expect(goals).toHaveLength(2);
      // the page shows the shares of the measure's last year, 2016: that year's members
      const members = await server.db
        .selectFrom("membership")
        .innerJoin("municipality", "municipality.id", "membership.municipality_id")
        .innerJoin("municipality_population as p", "p.municipality_id", "municipality.id")
        .select(["municipality.id", "municipality.name", "p.population"])
        .where("membership.cooperation_id", "=", measure.cooperation_id)
        .where("membership.joined_on", "<=", "2016-12-31")
        .where((eb) => eb.or([eb("membership.left_on", "is", null), eb("membership.left_on", ">", "2016-12-31")]))
        .where("p.year", "=", 2015)
        .execute();
      expect(members).toHaveLength(11);
      const expected = shareCost(
        125_000_000,
        members.map((m) => ({ id: m.id, population: m.population })),
        { kind: "mixed", equalPercent: 30 },
      );
      if (!expected.ok) throw new Error("shareCost failed");
      const giske = members.find((m) => m.name === "Giske")!;
      const giskeRow = page.locator("main table tr", { has: page.locator('th:text-is("Giske")') }).first();
      await expect
        .poll(() => giskeRow.innerText())
        .toContain(formatNok("nb", expected.shares.get(giske.id)!).replace(/\s/g, "\u00a0"));
      const sharesTable = page.locator("main table").filter({ hasText: nb.measure.page.investmentShare });
      expect(await sharesTable.locator("tbody tr").count()).toBe(12); // 11 members and the sum
    } finally {
      await context.close();
    }
  });

  it("filters and sorts the catalogue with a GET form and links", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, "lesar@ekommune-sunnmore.example");
      await visit(page, `${server.url}/c/${SLUG}/measures`);
      const t = MESSAGES[await lang(page)];
      await page.locator("#filter-status").selectOption("available");
      await submit(page, "form#measure-filters");
      await page.waitForURL((u) => u.searchParams.get("status") === "available");
      await waitForHydration(page);
      const rows = page.locator("main table tbody tr");
      const available = [...EKOMMUNE_MEASURES, ...EKOMMUNE_LATER_MEASURES].filter((m) => m.status === "available").length;
      await expect.poll(() => rows.count()).toBe(available);
      for (const text of await rows.allInnerTexts()) expect(text).toContain(t.measureStatus.available);
      expect(await page.locator('[data-testid="status-counts"]').innerText()).toContain(
        `${t.measureStatus.available}: ${available}`,
      );

      // sort by name, then descending; the filter stays
      await page.locator("main table thead a", { hasText: t.measure.name }).click();
      await page.waitForURL((u) => u.searchParams.get("sort") === "name" && u.searchParams.get("dir") === "asc");
      await waitForHydration(page);
      const names = async () => (await page.locator("main table tbody tr td:nth-child(2)").allInnerTexts()).map((s) => s.trim());
      const asc = await names();
      expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, "nb")));
      expect(new URL(page.url()).searchParams.get("status")).toBe("available");
      await page.locator("main table thead a", { hasText: t.measure.name }).click();
      await page.waitForURL((u) => u.searchParams.get("dir") === "desc");
      await waitForHydration(page);
      await expect.poll(names).toEqual([...asc].reverse());
      expect(await page.locator('main th[aria-sort="descending"]').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it("a reporter sees their municipality highlighted in text, no edit controls, and cannot post to the edit action", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, GISKE);
      await visit(page, `${server.url}/c/${SLUG}/measures/8?year=2015`);
      const t = MESSAGES[await lang(page)];
      const own = page.locator("main tr.own-row");
      expect(await own.count()).toBeGreaterThanOrEqual(2);
      for (const text of await own.allInnerTexts()) expect(text).toContain(`Giske ${t.measure.page.yours}`);
      expect(await page.locator(`main a[href$="/edit"]`).count()).toBe(0);
      await visit(page, `${server.url}/c/${SLUG}/measures`);
      expect(await page.locator(`main a[href$="/measures/new"]`).count()).toBe(0);
    } finally {
      await context.close();
    }
    const cookie = await loginCookie(server, GISKE);
    for (const path of [`/c/${SLUG}/measures/8/edit`, `/c/${SLUG}/measures/new`]) {
      const before = await server.db.selectFrom("measure").select(["id", "version", "name"]).orderBy("id").execute();
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          number: "8",
          name: "Kapra",
          costKey: "equal",
          participation: "all",
          status: "completed",
          version: "1",
          goals: "x",
        }),
      });
      expect(response.status, path).toBe(403);
      expect(await server.db.selectFrom("measure").select(["id", "version", "name"]).orderBy("id").execute()).toEqual(before);
    }
  });
});

describe("a second save from an old form", () => {
  it("is refused with the stale-version message, shows what is saved now and keeps what was typed", async () => {
    const a = await newContext(browser, { javaScript: true });
    const b = await newContext(browser, { javaScript: false });
    try {
      for (const { page } of [a, b]) {
        await login(page, server, SECRETARIAT);
        await visit(page, `${server.url}/c/${SLUG}/measures/9/edit`);
      }
      const formA = a.page.locator("form[id^='measure-edit-']");
      await formA.locator('input[name="name"]').fill("Opne standardar (endra av A)");
      await submit(a.page, "form[id^='measure-edit-']");
      await a.page.waitForURL((u) => u.pathname.endsWith("/measures/9"));

      const formB = b.page.locator("form[id^='measure-edit-']");
      await formB.locator('input[name="name"]').fill("Opne standardar (endra av B)");
      await submit(b.page, "form[id^='measure-edit-']");
      const summary = b.page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      const t = MESSAGES[await lang(b.page)];
      expect(await summary.innerText()).toContain(t.form.staleVersion);
      expect(await b.page.locator('[data-testid="stale-name"]').innerText()).toBe("Opne standardar (endra av A)");
      expect(await formB.locator('input[name="name"]').inputValue()).toBe("Opne standardar (endra av B)");
      const saved = await server.db.selectFrom("measure").select("name").where("number", "=", 9).execute();
      expect(saved.map((r) => r.name)).toContain("Opne standardar (endra av A)");
      // a deliberate second save now goes through
      await submit(b.page, "form[id^='measure-edit-']");
      await b.page.waitForURL((u) => u.pathname.endsWith("/measures/9"));
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});

describe("universal design of the measure pages", () => {
  const PAGES: { name: string; path: string; withErrors?: boolean }[] = [
    { name: "catalogue", path: `/c/${SLUG}/measures?sort=name&dir=desc` },
    { name: "measure page", path: `/c/${SLUG}/measures/7` },
    { name: "measure page (custom key)", path: `/c/${SLUG}/measures/8?year=2014` },
    { name: "new measure form", path: `/c/${SLUG}/measures/new` },
    { name: "new measure form with errors", path: `/c/${SLUG}/measures/new`, withErrors: true },
    { name: "edit form", path: `/c/${SLUG}/measures/3/edit` },
  ];
  it.each(["nb", "nn"] as Language[])(
    "has no axe violations in %s",
    async (language) => {
      const { context, page } = await newContext(browser, { javaScript: true });
      try {
        await login(page, server, SECRETARIAT);
        await switchLanguage(page, language);
        for (const p of PAGES) {
          await visit(page, `${server.url}${p.path}`);
          if (p.withErrors) {
            await page.locator('input[name="number"]').fill("");
            await page.locator('input[name="investmentCost"]').fill("mye");
            await page.locator('input[name="links[0].url"]').fill("ikkje-ei-adresse");
            await submit(page, "form#measure-new");
            await page.locator("main .ds-error-summary").waitFor({ state: "visible" });
            expect(await page.locator('main [aria-invalid="true"]').count()).toBeGreaterThanOrEqual(3);
          }
          await expectNoAxeViolations(page, `${p.name} (${language})`);
        }
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it("reads at 320 px without the page scrolling sideways", async () => {
    const { context, page } = await newContext(browser, { javaScript: false, viewport: { width: 320, height: 640 } });
    try {
      await login(page, server, SECRETARIAT);
      for (const path of [`/c/${SLUG}/measures`, `/c/${SLUG}/measures/6`, `/c/${SLUG}/measures/new`]) {
        await visit(page, `${server.url}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });
});
