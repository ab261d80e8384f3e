/*
 * A change of the municipal map in Chromium, with and without JavaScript: the secretariat sees a
 * merger that takes effect today, previews what it will do, carries it through and confirms the
 * reporter it moved (axe and reflow on the page in nb and nn); the matrix of last year shows the
 * predecessors, this year's the successor; the moved reporter reports for it. Then eKommune
 * Sunnmøre's demo on both sides of 2020 and 2024: the matrices of 2019, 2020 and 2024 show the
 * members of their year with that year's round, a successor's history on a measure links its
 * predecessors' histories, and the progress page's uptake over time names the changes its lines
 * run on across.
 */
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { addMembers, createCooperation, createUser, grantRole } from "../../app/cooperation/admin.server";
import { formatDate, formatPercent } from "../../app/i18n/format";
import { DEMO_PASSWORD, EKOMMUNE } from "../../seeds/demo-content";
import { osloToday } from "@shared-schema/dates";
import {
  clickSubmit,
  expectNoAxeViolations,
  expectReflow,
  login,
  newContext,
  switchLanguage,
  visit,
  waitForHydration,
  withServerAndBrowser,
} from "../support/browser";
import { insertMeasure } from "../support/queries";
import type { TestServer } from "../support/server";
import { nb, nn } from "../support/texts";

let server: TestServer;
let browser: Browser;

withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const toast = (page: Page) => page.locator('main [role="status"]');

/** The matrix's municipality columns, without the measure and total columns. */
const columns = async (page: Page) => {
  const headers = (await page.locator("table.matrix thead th").allInnerTexts()).map((s) => s.split("\n")[0]!.trim());
  return headers.slice(1, -1);
};

/** axe (it runs in the page, so with JavaScript) and reflow in nb and nn; back to nb after. */
async function checkPage(page: Page, javaScript: boolean, label: string) {
  for (const lang of ["nb", "nn"] as const) {
    await switchLanguage(page, lang);
    if (javaScript) await expectNoAxeViolations(page, `${label} [${lang}]`);
    await expectReflow(page, `${label} [${lang}]`);
  }
  await switchLanguage(page, "nb");
}

/**
 * A made-up merger that takes effect today (Europe/Oslo), of the two members of a cooperation of
 * its own: the job carries only changes whose day is over, so this one waits for the secretariat.
 */
async function mergerToday(db: DB, tag: string, numbers: [string, string, string]) {
  const today = osloToday();
  const [a, b, merged] = numbers;
  const ids = { a: randomUUID(), b: randomUUID(), merged: randomUUID() };
  await db
    .insertInto("municipality")
    .values([
      {
        id: ids.a,
        number: a,
        name: `Nordvik ${tag}`,
        county: null,
        valid_from: "2013-01-01",
        valid_to: today,
        written_standard: "bokmaal",
      },
      {
        id: ids.b,
        number: b,
        name: `Sørvik ${tag}`,
        county: null,
        valid_from: "2013-01-01",
        valid_to: today,
        written_standard: "nynorsk",
      },
      {
        id: ids.merged,
        number: merged,
        name: `Vikane ${tag}`,
        county: null,
        valid_from: today,
        valid_to: null,
        written_standard: null,
      },
    ])
    .execute();
  await db
    .insertInto("municipality_change")
    .values([
      { id: randomUUID(), predecessor_id: ids.a, successor_id: ids.merged, effective_date: today, kind: "merger", partial: 0 },
      { id: randomUUID(), predecessor_id: ids.b, successor_id: ids.merged, effective_date: today, kind: "merger", partial: 0 },
    ])
    .execute();
  const slug = `vikane-${tag}`;
  const cooperationId = await createCooperation(db, {
    slug,
    name: `Vikane IKT ${tag}`,
    defaultLanguage: "nb",
    onDate: "2020-01-01",
  });
  await addMembers(db, { slug, municipalities: [a, b], joinedOn: "2020-01-01" });
  const stamp = "2024-01-01T08:00:00.000Z";
  const measureId = await insertMeasure(db, {
    cooperation_id: cooperationId,
    number: 1,
    name: "Felles sak- og arkivsystem",
    period_from: 2024,
    period_to: 2028,
    created_at: stamp,
  });
  const statuses = [
    [ids.a, "in_use"],
    [ids.b, "planned"],
  ] as const;
  for (const [municipalityId, status] of statuses) {
    await db
      .insertInto("uptake_report")
      .values({
        id: randomUUID(),
        cooperation_id: cooperationId,
        measure_id: measureId,
        municipality_id: municipalityId,
        status,
        comment: "",
        effective_date: "2024-06-01",
        seq: 1,
        created_at: stamp,
      })
      .execute();
  }
  const secretariat = `sekretariat@vikane-${tag}.example`;
  const reporter = `ikt@nordvik-${tag}.example`;
  await createUser(db, { email: secretariat, name: `Vera Sekretariat ${tag}`, password: DEMO_PASSWORD });
  await createUser(db, { email: reporter, name: `Nils Nordvik ${tag}`, password: DEMO_PASSWORD });
  await grantRole(db, { email: secretariat, slug, role: "secretariat" });
  await grantRole(db, { email: reporter, slug, role: "reporter", municipality: a });
  return { slug, secretariat, reporter, today, names: { a: `Nordvik ${tag}`, b: `Sørvik ${tag}`, merged: `Vikane ${tag}` } };
}

describe.each([true, false])("a change of the map with JavaScript %s", (javaScript) => {
  let merger: Awaited<ReturnType<typeof mergerToday>>;
  beforeAll(async () => {
    const tag = javaScript ? "js" : "html";
    merger = await mergerToday(server.db, tag, javaScript ? ["9101", "9102", "9103"] : ["9201", "9202", "9203"]);
  });

  it("the secretariat previews a merger on its day, carries it through and confirms the moved reporter", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, merger.secretariat);
      await switchLanguage(page, "nb");
      await visit(page, `${server.url}/c/${merger.slug}`);
      await page.locator(`nav a[href="/c/${merger.slug}/map-changes"]`).click();
      await page.waitForURL((u) => u.pathname.endsWith("/map-changes"));
      await waitForHydration(page);
      expect(await page.locator("h1").innerText()).toBe(nb.succession.page.heading);
      const section = page.locator(`section[aria-labelledby="change-${merger.today}"]`);
      expect(await section.getByTestId("change-state").innerText()).toBe(nb.succession.page.due);
      // the preview: the successor starts at the least advanced status of the two
      const uptake = section.locator("table", { hasText: nb.succession.page.uptakeCaption });
      const row = uptake.locator("tbody tr");
      expect(await row.count()).toBe(1);
      expect(await row.locator("td").nth(1).innerText()).toBe(`${merger.names.merged} (${javaScript ? "9103" : "9203"})`);
      expect(await row.locator("td").nth(2).innerText()).toBe(nb.uptakeStatus.planned);
      const reporters = section.locator("table", { hasText: nb.succession.page.reportersCaption });
      expect(await reporters.locator("tbody tr").innerText()).toContain(`Nils Nordvik ${javaScript ? "js" : "html"}`);
      await checkPage(page, javaScript, "map changes, preview");

      const carry = page.locator(`form#carry-${merger.today} button[type="submit"]`);
      expect(await carry.innerText()).toBe(nb.succession.page.carry.replace("{{date}}", formatDate("nb", merger.today)));
      await clickSubmit(page, carry, 20_000);
      await toast(page).filter({ hasText: nb.succession.page.carried }).waitFor();
      await waitForHydration(page);
      const state = await page
        .locator(`section[aria-labelledby="change-${merger.today}"]`)
        .getByTestId("change-state")
        .innerText();
      expect(state).toContain(`Vera Sekretariat ${javaScript ? "js" : "html"}`);
      expect(await page.locator(`form#carry-${merger.today}`).count()).toBe(0);

      // the reporter now reports for the successor, waiting for the secretariat to confirm it
      const moved = page.locator('section[aria-labelledby="moved-heading"] tbody tr');
      expect(await moved.count()).toBe(1);
      await checkPage(page, javaScript, "map changes, carried through");
      await clickSubmit(page, moved.locator('button[type="submit"]'), 20_000);
      await toast(page).filter({ hasText: nb.succession.page.confirmedToast }).waitFor();
      await waitForHydration(page);
      expect(await page.locator('section[aria-labelledby="moved-heading"]').innerText()).toContain(nb.succession.page.movedNone);
    } finally {
      await context.close();
    }
  });

  it("the matrix of last year shows the predecessors, this year's the successor alone", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, merger.secretariat);
      await switchLanguage(page, "nb");
      const year = Number(merger.today.slice(0, 4));
      await visit(page, `${server.url}/c/${merger.slug}/matrix?year=${year - 1}`);
      expect(await columns(page)).toEqual([merger.names.a, merger.names.b]);
      await visit(page, `${server.url}/c/${merger.slug}/matrix?year=${year}`);
      expect(await columns(page)).toEqual([merger.names.merged]);
      expect(await page.locator("table.matrix tbody td[data-cell]").first().getAttribute("data-cell")).toBe("planned");
    } finally {
      await context.close();
    }
  });

  it("the moved reporter reports for the successor, which starts from the predecessors", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, merger.reporter);
      await switchLanguage(page, "nn");
      await visit(page, `${server.url}/c/${merger.slug}/uptake`);
      const main = await page.locator("main").innerText();
      expect(main).toContain(merger.names.merged);
      expect(main).toContain(nn.uptakeStatus.planned);
    } finally {
      await context.close();
    }
  });
});

describe("eKommune Sunnmøre on both sides of 2020 and 2024", () => {
  it("the matrices of 2019, 2020 and 2024 show and offer the members of their year, with the year's round", async () => {
    const { context, page } = await newContext(browser, { javaScript: false });
    try {
      await login(page, server, "lesar@ekommune-sunnmore.example");
      await switchLanguage(page, "nb");
      /** municipality column → the cell of measure 13 (chosen participants) in the year's matrix */
      const measure13 = async (year: number) => {
        await visit(page, `${server.url}/c/${EKOMMUNE.slug}/matrix?year=${year}`);
        const row = page.locator("table.matrix tbody tr", { has: page.locator('th[scope="row"]', { hasText: /^13\./ }) });
        const cells = await row.locator("td[data-cell]").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-cell")));
        const names = await columns(page);
        expect(cells).toHaveLength(names.length);
        // the municipality filter offers the year's members, after its "any" choice
        expect((await page.locator("#matrix-municipality option").allInnerTexts()).slice(1)).toEqual(names);
        return Object.fromEntries(names.map((name, i) => [name, cells[i]]));
      };
      expect(await measure13(2019)).toEqual({
        Ålesund: "in_progress",
        Giske: "planned",
        Sula: "in_progress",
        Haram: "planned",
        Skodje: "in_progress",
        Ørskog: "not_participating",
        Stordal: "not_participating",
        Sandøy: "not_participating",
        Norddal: "not_started",
        Stranda: "not_participating",
        Sykkylven: "not_participating",
      });
      expect(await measure13(2020)).toEqual({
        Ålesund: "in_progress",
        Giske: "in_progress",
        Sula: "in_use",
        Fjord: "not_started",
        Stranda: "not_participating",
        Sykkylven: "not_participating",
      });
      expect(await measure13(2024)).toEqual({
        Ålesund: "in_use",
        Haram: "in_use",
        Giske: "in_use",
        Sula: "in_use",
        Fjord: "in_progress",
        Stranda: "not_participating",
        Sykkylven: "not_participating",
      });

      // the measure's uptake counts today's participants, as the catalogue does, not their predecessors
      await visit(page, `${server.url}/c/${EKOMMUNE.slug}/measures/13`);
      const counted = nb.measure.uptakeValue
        .replace("{{percent}}", formatPercent("nb", 4 / 5))
        .replace("{{inUse}}", "4")
        .replace("{{relevant}}", "5");
      expect(await page.getByTestId("uptake-summary").innerText()).toContain(counted);

      // a year outside the measure's period has no cost shares: the page shows its last year, and offers only its own
      await visit(page, `${server.url}/c/${EKOMMUNE.slug}/measures/10?year=2024`);
      expect(await page.locator("#share-year").inputValue()).toBe("2021");
      expect(await page.locator("#share-year option").allInnerTexts()).toEqual(["2019", "2020", "2021"]);
      await visit(page, `${server.url}/c/${EKOMMUNE.slug}/measures/13`);

      // the new Haram's history runs on from the Ålesund it was split from
      const before = page.locator("#history-1580").getByTestId("history-before");
      const links = await before.locator("a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
      expect(links).toEqual([["Ålesund (1507)", "#history-1507"]]);
    } finally {
      await context.close();
    }
  });

  it("a successor's history on a measure links its predecessors', and uptake over time names the changes", async () => {
    const { context, page } = await newContext(browser, { javaScript: true });
    try {
      await login(page, server, "styre@ekommune-sunnmore.example");
      await switchLanguage(page, "nb");
      await visit(page, `${server.url}/c/${EKOMMUNE.slug}/measures/1`);
      const fjord = page.locator('details[data-municipality="Fjord"]');
      await fjord.locator("summary").click();
      await expect.poll(() => fjord.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await fjord.innerText()).toContain(
        nb.uptake.timeline.bySuccession.replace("{{date}}", formatDate("nb", "2020-01-01")),
      );
      const before = fjord.getByTestId("history-before");
      expect(await before.innerText()).toContain(
        nb.uptake.timeline.beforeChange.replace("{{date}}", formatDate("nb", "2020-01-01")),
      );
      const links = await before.locator("a").evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
      expect(links).toEqual([
        ["Norddal (1524)", "#history-1524"],
        ["Stordal (1526)", "#history-1526"],
      ]);
      expect(await page.locator("#history-1524").count()).toBe(1);
      await expectNoAxeViolations(page, "measure 1 with the histories before 2020 [nb]");

      // uptake over time says where the lines run on from the predecessors to the successors
      await visit(page, `${server.url}/c/${EKOMMUNE.slug}/progress`);
      const changes = await page.getByTestId("map-changes").locator("li").allInnerTexts();
      expect(changes).toEqual([
        `${formatDate("nb", "2020-01-01")}: Ålesund (1504), Ørskog (1523), Skodje (1529), Haram (1534) og Sandøy (1546) → Ålesund (1507)`,
        `${formatDate("nb", "2020-01-01")}: Norddal (1524) og Stordal (1526) → Fjord (1578)`,
        `${formatDate("nb", "2024-01-01")}: del av Ålesund (1507) → Ålesund (1508)`,
        `${formatDate("nb", "2024-01-01")}: del av Ålesund (1507) → Haram (1580)`,
      ]);
      await expectNoAxeViolations(page, "progress with the changes of the map [nb]");
    } finally {
      await context.close();
    }
  });
});
