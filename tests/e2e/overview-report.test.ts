/*
 * The uptake matrix, the progress overview and the annual report in Chromium, with and
 * without JavaScript:
 *   - the secretariat creates the report for 2014, writes the narrative (Nynorsk, æøå), sees it in
 *     the preview and publishes; a status reported afterwards (effective in 2014) changes the live
 *     matrix for 2014 but neither the published report's figures nor its CSV; the PDF, CSV and XLSX
 *     downloads and the approved plan's PDF are real files with the right headers and content;
 *   - the matrix by keyboard: Tab reaches the filters, the scroll region and the cell links in
 *     order, Enter on a cell opens the measure page at its municipality's history, each cell link has
 *     its own name and a target on its page, a cell reached with Tab at 320 px is clear of the sticky
 *     measure column; the filters narrow the table to one municipality or one focus area; the
 *     Giske reporter's own column is marked;
 *   - the secretariat's progress weights change the figures to the weighted mean (checked against a
 *     value computed from the matrix page's own cells), and an invalid weight is refused next to
 *     the field with what was typed kept.
 *
 * Each test gets its own server (a fresh copy of the demo database), so what one publishes or
 * reports never reaches another's matrix. The axe scans of these pages are in accessibility.test.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { APIResponse, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language, UptakeStatus } from "../../db/schema";
import { en, nb, type Messages, nn } from "../support/texts";
import { formatDate, formatPercent } from "../../app/i18n/format";
import { saveUptakeReports } from "../../app/uptake/report.server";
import { DEMO_USERS, EKOMMUNE, EKOMMUNE_MEASURES, EKOMMUNE_STRATEGY } from "../../seeds/demo-content";
import { EKOMMUNE_LATER_MEASURES } from "../../seeds/later-content";
import {
  clickSubmit,
  htmlLang,
  launchBrowser,
  linkNames,
  login,
  newContext,
  pathOf,
  REFLOW_VIEWPORT,
  visit,
  waitForHydration,
} from "../support/browser";
import { statusReport, cooperationIdOf } from "../support/queries";
import { loginCookie, serverForEachTest, startServer, type TestServer } from "../support/server";

const MESSAGES: Record<Language, Messages> = { nb, nn, en };
const SLUG = EKOMMUNE.slug;
const BASE = `/c/${SLUG}`;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const SECRETARIAT_NAME = DEMO_USERS.find((u) => u.email === SECRETARIAT)!.name;
const GISKE = "ikt@giske.example";
const YEAR = 2014;
/** a measure name with æøå, running in 2014 */
const MEASURE_WITH_AEOA = EKOMMUNE_MEASURES.find((m) => m.number === 7)!.name;
const TAKEN_INTO_USE = new Set(["in_use", "realised"]);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function language(page: Page): Promise<Language> {
  return ((await htmlLang(page)) ?? "nb") as Language;
}

async function messages(page: Page): Promise<Messages> {
  return MESSAGES[await language(page)];
}

/** A translation with its {{values}} filled in, as i18next does it. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function plural(forms: { one: string; other: string }, count: number): string {
  return fill(count === 1 ? forms.one : forms.other, { count });
}

const toast = (page: Page) => page.locator('main [role="status"]');

/** What the secretariat's forms do, then the page it leads to: the toast, and (with JavaScript) hydration. */
async function expectToast(page: Page, text: string): Promise<void> {
  await toast(page).filter({ hasText: text }).waitFor();
  await waitForHydration(page);
}

interface MatrixRow {
  number: number;
  name: string;
  cells: string[];
  uptake: string;
}

/** The matrix table as the page shows it: municipality columns, and per measure its cells' states. */
async function readMatrix(page: Page): Promise<{ municipalities: string[]; rows: MatrixRow[] }> {
  return page.locator("table.matrix").evaluate((table) => {
    const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
    // a column's name without the "(your municipality)" under it
    const heads = [...table.querySelectorAll("thead th")].map((th) => {
      const copy = th.cloneNode(true) as HTMLElement;
      copy.querySelectorAll("span").forEach((span) => span.remove());
      return text(copy);
    });
    const rows = [...table.querySelectorAll("tbody tr")]
      .filter((tr) => !tr.classList.contains("group"))
      .map((tr) => {
        const label = text(tr.querySelector("th[scope=row] a"));
        const match = /^(\d+)\.\s*(.*)$/.exec(label);
        const tds = [...tr.querySelectorAll("td")];
        return {
          number: Number(match?.[1]),
          name: match?.[2] ?? label,
          cells: tds.filter((td) => td.hasAttribute("data-cell")).map((td) => (td as HTMLElement).dataset.cell ?? ""),
          uptake: text(tds[tds.length - 1]),
        };
      });
    return { municipalities: heads.slice(1, -1), rows };
  });
}

/** A matrix state in the words of the legend. */
function statusText(t: Messages, cell: string): string {
  return cell === "not_reported" ? t.overview.notReported : t.uptakeStatus[cell as UptakeStatus];
}

/** Relevant and in-use counts of a matrix row, from its cells (not participating and not relevant do not count). */
function countsOf(cells: string[]): { relevant: number; inUse: number } {
  const counted = cells.filter((c) => c !== "not_participating" && c !== "not_relevant");
  return { relevant: counted.length, inUse: counted.filter((c) => TAKEN_INTO_USE.has(c)).length };
}

/** The rows of the report page's matrix section: measure → [relevant, in use, uptake]. */
async function reportMatrixSection(page: Page): Promise<Map<string, string[]>> {
  const rows = await page
    .locator('[data-testid="report-document"] section[aria-labelledby="section-matrix"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        // the measure's label without the focus area written under it
        (() => {
          const th = tr.querySelector("th")!.cloneNode(true) as HTMLElement;
          th.querySelectorAll("span").forEach((span) => span.remove());
          return (th.textContent ?? "").replace(/\s+/g, " ").trim();
        })(),
        [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim()),
      ]),
    );
  return new Map(rows as [string, string[]][]);
}

function expectAttachment(response: APIResponse, contentType: string, filename: string): void {
  expect(response.status(), `status of ${response.url()}`).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe(contentType);
  expect(headers["content-disposition"]).toMatch(/^attachment;/);
  expect(headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(filename)}`);
}

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "fellesloft-pdf-"));
  try {
    const file = path.join(dir, "file.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("overviews and the annual report $mode", ({ mode, javaScript }) => {
  let server: TestServer;

  serverForEachTest((s) => (server = s));

  async function ids() {
    const cooperation = { id: await cooperationIdOf(server.db, SLUG) };
    const giskeUser = await server.db.selectFrom("app_user").select("id").where("email", "=", GISKE).executeTakeFirstOrThrow();
    const giske = await server.db.selectFrom("municipality").select("id").where("name", "=", "Giske").executeTakeFirstOrThrow();
    return { cooperationId: cooperation.id, giskeUser: giskeUser.id, giske: giske.id };
  }

  it("the secretariat writes and publishes the 2014 report; a later status change leaves it (and its CSV) as published", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}${BASE}/reports`);
      const t = await messages(page);
      const lang = await language(page);
      expect(await page.locator("main h1").innerText()).toBe(fill(t.report.listTitle, { name: EKOMMUNE.name }));

      // create the 2014 report
      await page.locator("#report-year").selectOption(String(YEAR));
      await page.getByRole("button", { name: t.report.create, exact: true }).click();
      await page.waitForURL((url) => url.pathname === `${BASE}/reports/${YEAR}`);
      await expectToast(page, t.report.created);
      expect(pathOf(page)).toBe(`${BASE}/reports/${YEAR}`);
      expect(await page.locator("main h1").innerText()).toBe(fill(t.report.title, { year: YEAR, name: EKOMMUNE.name }));
      expect(await page.locator('[data-testid="report-state"]').innerText()).toContain(t.report.draftNote);

      // the narrative: Nynorsk with æøå, two lines in the summary, one more section
      const summary = `Samarbeidet har nådd dei fleste måla for ${YEAR} (${mode}).\nFiberringen knyter no alle kommunane saman, også øyane.`;
      const matrixText = `Innføringa av Feide gjekk seinare enn venta i nokre kommunar (${mode}).`;
      const narrative = page.locator("form#narrative");
      await narrative.locator('textarea[name="summary"]').fill(summary);
      await narrative.locator('textarea[name="matrix"]').fill(matrixText);
      await narrative.getByRole("button", { name: t.report.save, exact: true }).click();
      await expectToast(page, t.report.saved);
      expect(pathOf(page)).toBe(`${BASE}/reports/${YEAR}`);
      expect(await page.locator('form#narrative textarea[name="summary"]').inputValue()).toBe(summary);
      expect(await page.locator('form#narrative textarea[name="matrix"]').inputValue()).toBe(matrixText);
      const doc = page.locator('[data-testid="report-document"]');
      for (const line of summary.split("\n")) {
        expect(await doc.locator('section[aria-labelledby="section-summary"]').innerText()).toContain(line);
      }
      expect(await doc.locator('section[aria-labelledby="section-matrix"]').innerText()).toContain(matrixText);
      expect(await doc.locator("h2#section-summary").innerText()).toBe(t.reportExport.sections.summary);
      expect(await doc.locator("h2#section-matrix").innerText()).toBe(t.reportExport.sections.matrix);

      // the preview's matrix section agrees with the live matrix of 2014
      const preview = await reportMatrixSection(page);
      await visit(page, `${server.url}${BASE}/matrix?year=${YEAR}`);
      const liveBefore = await readMatrix(page);
      expect(liveBefore.rows.length).toBeGreaterThan(0);
      for (const row of liveBefore.rows) {
        const { relevant, inUse } = countsOf(row.cells);
        expect(preview.get(`${row.number}. ${row.name}`)?.slice(0, 2), `preview of measure ${row.number}`).toEqual([
          String(relevant),
          String(inUse),
        ]);
      }

      // publish
      await visit(page, `${server.url}${BASE}/reports/${YEAR}`);
      await page.locator("form#publish").getByRole("button", { name: t.report.publish, exact: true }).click();
      await expectToast(page, t.report.publishedToast);
      expect(pathOf(page)).toBe(`${BASE}/reports/${YEAR}`);
      const stored = await server.db
        .selectFrom("annual_report")
        .select(["published_at", "narrative"])
        .where("year", "=", YEAR)
        .executeTakeFirstOrThrow();
      expect(stored.published_at).not.toBeNull();
      // (a form posted without JavaScript sends line breaks as CRLF, FormData in the page as LF)
      const storedNarrative = JSON.parse(stored.narrative) as Record<string, string>;
      expect(storedNarrative.summary.replace(/\r\n/g, "\n")).toBe(summary);
      expect(storedNarrative.matrix).toBe(matrixText);
      expect(await page.locator('[data-testid="report-state"]').innerText()).toContain(
        fill(t.report.publishedNote, { date: formatDate(lang, stored.published_at!), name: SECRETARIAT_NAME }),
      );
      expect(await page.locator("form#narrative").count()).toBe(0);
      expect(await page.locator("form#publish").count()).toBe(0);
      expect(await doc.locator('section[aria-labelledby="section-summary"]').innerText()).toContain(summary.split("\n")[0]);
      const published = await reportMatrixSection(page);
      expect(published).toEqual(preview);

      // the download links, and the files they lead to
      const reportFile = (ext: string) => `${SLUG}-arsrapport-${YEAR}.${ext}`;
      for (const ext of ["pdf", "csv", "xlsx"]) {
        expect(await page.locator(`main a[href="${BASE}/reports/${YEAR}.${ext}"]`).count(), `link to the ${ext}`).toBe(1);
      }
      const csvResponse = await context.request.get(`${server.url}${BASE}/reports/${YEAR}.csv`);
      expectAttachment(csvResponse, "text/csv; charset=utf-8", reportFile("csv"));
      const csvBytes = await csvResponse.body();
      expect([...csvBytes.subarray(0, 3)], "UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);
      const csv = csvBytes.toString("utf8");
      expect(csv.split("\r\n")[0]).toContain(String(YEAR));
      expect(csv).toContain(";");
      expect(csv.split("\r\n").some((line) => line.split(";").includes(MEASURE_WITH_AEOA))).toBe(true);
      expect(csv).toContain(EKOMMUNE.name);
      expect(csv).not.toContain(summary.split("\n")[0]);
      expect(csv).not.toContain(matrixText);

      const pdfResponse = await context.request.get(`${server.url}${BASE}/reports/${YEAR}.pdf`);
      expectAttachment(pdfResponse, "application/pdf", reportFile("pdf"));
      const pdf = await pdfResponse.body();
      expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
      const pdfWords = oneLine(pdfText(pdf));
      expect(pdfWords).toContain(oneLine(summary.split("\n")[1]));
      expect(pdfWords).toContain(MEASURE_WITH_AEOA);

      const xlsxResponse = await context.request.get(`${server.url}${BASE}/reports/${YEAR}.xlsx`);
      expectAttachment(xlsxResponse, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reportFile("xlsx"));
      const xlsx = await xlsxResponse.body();
      expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
      const sheet = workbook.worksheets.find((s) => s.name === t.reportExport.sheets.matrix);
      expect(sheet, `a sheet «${t.reportExport.sheets.matrix}» in ${workbook.worksheets.map((s) => s.name)}`).toBeDefined();
      const values: string[] = [];
      sheet!.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
      expect(values).toContain(MEASURE_WITH_AEOA);

      // the approved plan of 2014 as PDF, from the plan page's link
      await visit(page, `${server.url}${BASE}/plans/${YEAR}`);
      const planLink = page.locator(`main a[href="${BASE}/plans/${YEAR}.pdf"]`);
      expect(await planLink.innerText()).toBe(t.report.planPdf);
      const planResponse = await context.request.get(`${server.url}${await planLink.getAttribute("href")}`);
      expect(planResponse.status()).toBe(200);
      expect(planResponse.headers()["content-type"]).toBe("application/pdf");
      expect(planResponse.headers()["content-disposition"]).toMatch(
        new RegExp(`^attachment;.*filename\\*=UTF-8''${SLUG}-handlingsplan-${YEAR}-v\\d+\\.pdf$`),
      );
      expect((await planResponse.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");

      // Giske reports a new status for 2014 after publishing
      const giskeColumn = liveBefore.municipalities.indexOf("Giske");
      expect(giskeColumn, `Giske among ${liveBefore.municipalities}`).toBeGreaterThanOrEqual(0);
      const target = liveBefore.rows.find((r) => r.cells[giskeColumn] !== "not_participating")!;
      const from = target.cells[giskeColumn];
      const to: UptakeStatus = TAKEN_INTO_USE.has(from) ? "in_progress" : "in_use";
      const { cooperationId, giskeUser, giske } = await ids();
      const measure = await server.db
        .selectFrom("measure")
        .select("id")
        .where("cooperation_id", "=", cooperationId)
        .where("number", "=", target.number)
        .executeTakeFirstOrThrow();
      await saveUptakeReports(server.db, {
        cooperationId,
        municipalityId: giske,
        userId: giskeUser,
        reports: [statusReport(measure.id, to, `${YEAR}-12-31`, `Retta etter at årsrapporten var publisert (${mode}).`)],
      });

      // the live matrix of 2014 shows it …
      await visit(page, `${server.url}${BASE}/matrix?year=${YEAR}`);
      const liveAfter = await readMatrix(page);
      const changed = liveAfter.rows.find((r) => r.number === target.number)!;
      expect(changed.cells[giskeColumn]).toBe(to);
      expect(countsOf(changed.cells)).not.toEqual(countsOf(target.cells));
      expect(changed.uptake).not.toBe(target.uptake);

      // … the published report does not: its page, and its CSV byte for byte
      await visit(page, `${server.url}${BASE}/reports/${YEAR}`);
      expect(await reportMatrixSection(page)).toEqual(published);
      const key = `${target.number}. ${target.name}`;
      expect(published.get(key)?.slice(0, 2)).toEqual([
        String(countsOf(target.cells).relevant),
        String(countsOf(target.cells).inUse),
      ]);
      const csvAgain = await context.request.get(`${server.url}${BASE}/reports/${YEAR}.csv`);
      expect((await csvAgain.body()).toString("utf8")).toBe(csv);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("the matrix by keyboard: filters, the scroll region, the cell links in order, Enter opens the measure's history", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}${BASE}/matrix`);
      const t = await messages(page);
      expect(await page.locator("table.matrix tbody tr.group > th[scope=colgroup]").count()).toBeGreaterThan(0);
      const region = page.locator(".matrix-scroll");
      expect(await region.getAttribute("role")).toBe("region");
      expect(await region.getAttribute("tabindex")).toBe("0");
      expect(await region.getAttribute("aria-label")).toBe(t.overview.matrixRegion);

      const active = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const links = [...document.querySelectorAll("table.matrix a")];
          return {
            id: el?.id ?? "",
            tag: el?.tagName.toLowerCase() ?? "",
            className: el?.className ?? "",
            text: (el?.textContent ?? "").trim(),
            linkIndex: el ? links.indexOf(el) : -1,
          };
        });

      // Tab from the top until the first filter
      let stop = await active();
      for (let i = 0; i < 40 && stop.id !== "matrix-year"; i++) {
        await page.keyboard.press("Tab");
        stop = await active();
      }
      expect(stop.id, "Tab reaches the year filter").toBe("matrix-year");
      for (const id of ["matrix-area", "matrix-status", "matrix-municipality"]) {
        await page.keyboard.press("Tab");
        expect((await active()).id).toBe(id);
      }
      await page.keyboard.press("Tab");
      expect(await active()).toMatchObject({ tag: "button", text: t.overview.show });
      await page.keyboard.press("Tab");
      expect(await active()).toMatchObject({ tag: "a", text: t.overview.reset });
      await page.keyboard.press("Tab");
      expect((await active()).className, "the scroll region takes focus").toContain("matrix-scroll");

      // then the links in the table, in document order: a measure, its cells, the next measure …
      const links = await page
        .locator("table.matrix a")
        .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href") ?? "", cell: Boolean(a.closest("td[data-cell]")) })));
      const steps = Math.min(links.length, 30);
      expect(links.slice(0, steps).filter((l) => l.cell).length).toBeGreaterThan(10);
      for (let i = 0; i < steps; i++) {
        await page.keyboard.press("Tab");
        expect((await active()).linkIndex, `Tab ${i + 1} in the table`).toBe(i);
      }
      // back to the last cell link passed, and Enter
      let last = steps - 1;
      while (!links[last].cell) last--;
      for (let i = steps - 1; i > last; i--) await page.keyboard.press("Shift+Tab");
      expect((await active()).linkIndex).toBe(last);
      const href = links[last].href;
      expect(href).toMatch(new RegExp(`^${BASE}/measures/\\d+#history-\\d{4}$`));
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname + url.hash === href);
      await waitForHydration(page);
      expect(await page.locator("#history-heading").innerText()).toBe(t.uptake.timeline.title);
      // the municipality's part of the history, scrolled to
      const target = page.locator(`#history ${href.slice(href.indexOf("#"))}`);
      const box = await target.boundingBox();
      expect(box, "the municipality's history is scrolled into view").not.toBeNull();
      expect(box!.y).toBeGreaterThan(-1); // scrolled to its top edge, give or take a subpixel
      expect(box!.y).toBeLessThan(page.viewportSize()!.height);
      // with JavaScript the timeline is opened; without, its summary is one press away
      if (javaScript) expect(await target.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("every cell link of the matrix has its own name (measure, municipality, status) and leads to that municipality's history", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}${BASE}/matrix?year=${YEAR}`);
      const t = await messages(page);
      const { municipalities, rows } = await readMatrix(page);
      const links = await linkNames(page, "table.matrix tbody td[data-cell]");
      const expected = rows.flatMap((row) =>
        row.cells.flatMap((cell, i) =>
          cell === "not_participating" ? [] : [`${row.number}. ${row.name} ${municipalities[i]} ${statusText(t, cell)}`],
        ),
      );
      expect(expected.length).toBeGreaterThan(50);
      // the names Chromium gives the links, as a screen reader hears them, each once
      expect(links.map((l) => l.name)).toEqual(expected);
      expect(new Set(links.map((l) => l.name)).size).toBe(links.length);

      // every link's fragment is on its measure page, in the history, for the column's municipality
      const byPage = new Map<string, { fragment: string; municipality: string }[]>();
      let i = 0;
      for (const row of rows) {
        row.cells.forEach((cell, column) => {
          if (cell === "not_participating") return;
          const [path, fragment] = links[i++]!.href.split("#");
          expect(path).toBe(`${BASE}/measures/${row.number}`);
          byPage.set(path!, [...(byPage.get(path!) ?? []), { fragment: fragment!, municipality: municipalities[column]! }]);
        });
      }
      for (const [path, targets] of byPage) {
        await visit(page, `${server.url}${path}`);
        for (const { fragment, municipality } of targets) {
          const target = page.locator(`#history [id="${fragment}"]`);
          expect(await target.count(), `#${fragment} on ${path}`).toBe(1);
          expect(await target.getAttribute("data-municipality"), `#${fragment} on ${path}`).toBe(municipality);
          // one that has not reported says so
          if ((await target.evaluate((el) => el.tagName)) !== "DETAILS") {
            expect(oneLine(await target.innerText())).toBe(`${municipality} ${t.measure.page.notReported}`);
          }
        }
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it("at 320 px a cell reached with Tab is scrolled into view clear of the sticky measure column", async () => {
    const { context, page } = await newContext(browser, { javaScript, viewport: REFLOW_VIEWPORT });
    try {
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}${BASE}/matrix?year=${YEAR}`);
      const rows = page.locator("table.matrix tbody tr:not(.group)");
      // to a row's last cell (the region scrolls to its right end), then on to the next row's
      // measure link and its first cell, at the left, which the region has to scroll back to
      const row = rows.filter({ has: page.locator("td[data-cell] a") }).nth(1);
      await row.locator("td[data-cell] a").last().focus();
      expect(
        await page.locator(".matrix-scroll").evaluate((region) => region.scrollLeft),
        "the region scrolled to the row's end",
      ).toBeGreaterThan(0);
      for (let stop = 0; stop < 10; stop++) {
        await page.keyboard.press("Tab");
        const place = await page.evaluate(() => {
          const focused = document.activeElement as HTMLElement;
          const header = focused.closest("tr")?.querySelector("th[scope=row]");
          return {
            inCell: Boolean(focused.closest("td[data-cell]")),
            left: focused.getBoundingClientRect().left,
            stickyRight: header?.getBoundingClientRect().right ?? NaN,
          };
        });
        if (!place.inCell) continue;
        expect(place.left, "the focused cell's left edge is right of the measure column").toBeGreaterThanOrEqual(
          place.stickyRight,
        );
        return;
      }
      throw new Error("Tab did not reach a cell of the next row");
    } finally {
      await context.close();
    }
  }, 60_000);

  it("the matrix filters show one municipality's column or one focus area's group", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}${BASE}/matrix?year=${YEAR}`);
      const t = await messages(page);
      const all = await readMatrix(page);
      expect(all.municipalities.length).toBe(EKOMMUNE.members.length);
      const filters = page.locator("form:has(#matrix-year)");
      /** presses «Show» and waits for the page of the URL the form leads to */
      const show = async (arrived: (params: URLSearchParams) => boolean) => {
        await filters.getByRole("button", { name: t.overview.show, exact: true }).click();
        await page.waitForURL((url) => url.pathname === `${BASE}/matrix` && arrived(url.searchParams));
        await waitForHydration(page);
      };

      // one municipality
      expect(await page.locator("#matrix-year").inputValue()).toBe(String(YEAR));
      await page.locator("#matrix-municipality").selectOption({ label: "Sula" });
      await show((params) => Boolean(params.get("municipality")));
      expect(new URL(page.url()).searchParams.get("year")).toBe(String(YEAR));
      const sula = await readMatrix(page);
      expect(sula.municipalities).toEqual(["Sula"]);
      expect(await page.locator("table.matrix thead th").count()).toBe(3);
      expect(sula.rows.map((r) => r.number)).toEqual(all.rows.map((r) => r.number));
      const sulaColumn = all.municipalities.indexOf("Sula");
      for (const row of sula.rows) {
        expect(row.cells).toEqual([all.rows.find((r) => r.number === row.number)!.cells[sulaColumn]]);
      }
      expect(await page.locator("table.matrix tfoot td").count()).toBe(2);

      // one focus area (and every municipality again)
      const area = EKOMMUNE_STRATEGY.focusAreas[1].title;
      await page.locator("#matrix-municipality").selectOption("");
      await page.locator("#matrix-area").selectOption({ label: area });
      await show((params) => Boolean(params.get("focusArea")) && !params.get("municipality"));
      const groups = await page.locator("table.matrix tbody tr.group > th[scope=colgroup]").allInnerTexts();
      expect(groups).toEqual([area]);
      const inArea = await readMatrix(page);
      expect(inArea.municipalities).toEqual(all.municipalities);
      // the measures supporting the area, directly or through one of its goals
      const expected = EKOMMUNE_MEASURES.filter(
        (m) => m.focusArea === 1 || (m.details?.goals ?? []).some(([areaIndex]) => areaIndex === 1),
      ).map((m) => m.number);
      expect(inArea.rows.map((r) => r.number)).toEqual(expected);
      expect(await page.locator("#matrix-area option:checked").innerText()).toBe(area);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("the Giske reporter sees Giske's column marked as theirs", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, GISKE);
      await visit(page, `${server.url}${BASE}/matrix`);
      const t = await messages(page);
      const own = page.locator("table.matrix thead th.own");
      expect(await own.count()).toBe(1);
      expect(oneLine(await own.innerText())).toBe(`Giske ${t.overview.yours}`);
      const { municipalities, rows } = await readMatrix(page);
      expect(await page.locator("table.matrix tbody td[data-cell].own").count()).toBe(rows.length);
      // Giske's cell links are named by the measure, the municipality (marked as theirs) and the
      // status in words (the symbol alone would say nothing)
      const giske = municipalities.indexOf("Giske");
      for (const row of rows.filter((r) => r.cells[giske] !== "not_participating").slice(0, 3)) {
        const cell = page
          .locator("table.matrix tbody tr", { has: page.locator(`th a[href="${BASE}/measures/${row.number}"]`) })
          .locator("td[data-cell].own");
        const name = `${row.number}. ${row.name} Giske ${t.overview.yours} ${statusText(t, row.cells[giske])}`;
        expect(await cell.getByRole("link", { name, exact: true }).count(), `Giske's cell of measure ${row.number}`).toBe(1);
      }
      // nobody else's column is marked
      expect(await page.locator("table.matrix td[data-cell]:not(.own)").count()).toBe(rows.length * (municipalities.length - 1));
    } finally {
      await context.close();
    }
  }, 60_000);

  it("answers the matrix with Server-Timing: matching the URL, the loaders' data and the render", async () => {
    const cookie = await loginCookie(server, GISKE);
    const response = await fetch(`${server.url}${BASE}/matrix?year=${YEAR}`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const timing = Object.fromEntries(
      [...(response.headers.get("server-timing") ?? "").matchAll(/(\w+);dur=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]),
    );
    expect(Object.keys(timing)).toEqual(["route", "data", "render"]);
    // the loaders read the database and React renders a table: neither takes no time
    expect(timing.data).toBeGreaterThan(0);
    expect(timing.render).toBeGreaterThan(0);
  });

  it("a cooperation's overview carries its name in the title; its pages have its menu, a reporter's with the uptake form", async () => {
    const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1];
    const menuOf = (html: string) => html.match(/<nav aria-label="[^"]*" class="no-print">([\s\S]*?)<\/nav>/)?.[1] ?? "";
    for (const [email, reporter] of [
      [GISKE, true],
      [SECRETARIAT, false],
    ] as const) {
      const cookie = await loginCookie(server, email);
      const overview = await (await fetch(`${server.url}${BASE}`, { headers: { Cookie: cookie } })).text();
      expect(titleOf(overview)).toBe(`${EKOMMUNE.name} – Fellesløft`);
      const matrix = await (await fetch(`${server.url}${BASE}/matrix?year=${YEAR}`, { headers: { Cookie: cookie } })).text();
      expect(titleOf(matrix)).toContain(String(YEAR));
      for (const html of [overview, matrix]) {
        expect(menuOf(html)).toContain(`href="${BASE}/matrix"`);
        expect(menuOf(html).includes(`href="${BASE}/uptake"`)).toBe(reporter);
      }
    }
  });

  it("the secretariat's weights change progress to the weighted mean; an invalid weight is refused and kept", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}${BASE}/progress`);
      const t = await messages(page);
      const lang = await language(page);
      const year = Number(await page.locator("#progress-year").inputValue());
      const progressPath = pathOf(page);

      /** measure number → the index of its row in the weights form, and the weight it shows */
      // the document streams in: the toast at the top can be there before the table rows are
      const weightRows = async () =>
        new Map(
          (
            await page
              .waitForLoadState("load")
              .then(() => page.locator("form#weights tbody tr"))
              .then((rows) =>
                rows.evaluateAll((trs) =>
                  trs.map((tr) => {
                    const input = tr.querySelector("input[id^=weight-]") as HTMLInputElement;
                    return {
                      number: Number(/^(\d+)\./.exec((tr.querySelector("label")?.textContent ?? "").trim())?.[1]),
                      id: input.id,
                      weight: input.value,
                    };
                  }),
                ),
              )
          ).map((r) => [r.number, r]),
        );
      /** focus area → the share the page's data table shows */
      const areaShares = async () =>
        new Map(
          (await page
            .locator('section[aria-labelledby="areas-heading"] figure.chart table tbody tr:has(th:not(.pl-6))')
            .evaluateAll((trs) =>
              trs.map((tr) => [
                (tr.querySelector("th")?.textContent ?? "").trim(),
                (tr.querySelector("td")?.textContent ?? "").trim(),
              ]),
            )) as [string, string][],
        );
      const openWeights = async () => {
        const details = page.locator("details:has(form#weights)");
        if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
        await page.locator("form#weights").waitFor({ state: "visible" });
      };

      /** The share per focus area computed from the matrix's cells of the same year (one page per area), weighted. */
      const expectedShares = async (weights: Map<number, number>) => {
        await visit(page, `${server.url}${BASE}/matrix?year=${year}`);
        const areas = await page
          .locator("#matrix-area option")
          .evaluateAll((os) => os.map((o) => ({ id: (o as HTMLOptionElement).value, title: (o.textContent ?? "").trim() })));
        const result = new Map<string, string>();
        for (const area of areas.filter((a) => a.id)) {
          await visit(page, `${server.url}${BASE}/matrix?year=${year}&focusArea=${area.id}`);
          let weighted = 0;
          let sum = 0;
          // an area with no measure in the year has no matrix, only its empty state
          const rows = (await page.locator("table.matrix").count()) > 0 ? (await readMatrix(page)).rows : [];
          for (const row of rows) {
            const { relevant, inUse } = countsOf(row.cells);
            const weight = weights.get(row.number)!;
            if (relevant === 0 || weight <= 0) continue;
            weighted += weight * (inUse / relevant);
            sum += weight;
          }
          // no value: the data table shows a dash and tells screen readers there is none
          result.set(area.title, sum === 0 ? `–${t.chart.noValue}` : formatPercent(lang, weighted / sum));
        }
        await visit(page, `${server.url}${progressPath}`);
        return result;
      };

      const before = await weightRows();
      expect([...before.keys()].sort((a, b) => a - b)).toEqual(
        [...EKOMMUNE_MEASURES, ...EKOMMUNE_LATER_MEASURES].map((m) => m.number),
      );
      expect([...before.values()].every((r) => r.weight === "1")).toBe(true);
      expect(await page.locator('section[aria-labelledby="areas-heading"]').innerText()).toContain(t.overview.equalWeights);
      const sharesBefore = await areaShares();
      const weightsBefore = new Map([...before].map(([n, r]) => [n, Number(r.weight)]));
      expect(sharesBefore).toEqual(await expectedShares(weightsBefore));

      // measure 12 counts three times, measure 11 not at all
      await openWeights();
      await page.locator(`#${before.get(12)!.id}`).fill("3");
      await page.locator(`#${before.get(11)!.id}`).fill("0");
      await clickSubmit(
        page,
        page.locator("form#weights").getByRole("button", { name: t.overview.saveWeights, exact: true }),
        20_000,
      );
      await expectToast(page, plural({ one: t.overview.weightsSaved_one, other: t.overview.weightsSaved_other }, 2));
      expect(pathOf(page)).toBe(progressPath);
      const stored = await server.db
        .selectFrom("measure")
        .innerJoin("cooperation", "cooperation.id", "measure.cooperation_id")
        .select(["measure.number", "measure.progress_weight"])
        .where("cooperation.slug", "=", SLUG)
        .where("measure.number", "in", [11, 12])
        .orderBy("measure.number")
        .execute();
      expect(stored).toEqual([
        { number: 11, progress_weight: 0 },
        { number: 12, progress_weight: 3 },
      ]);
      const after = await weightRows();
      expect(after.get(12)!.weight).toBe("3");
      expect(after.get(11)!.weight).toBe("0");
      expect(await page.locator('section[aria-labelledby="areas-heading"]').innerText()).toContain(t.overview.weighted);
      const sharesAfter = await areaShares();
      const weightsAfter = new Map([...weightsBefore, [12, 3], [11, 0]]);
      expect(sharesAfter).toEqual(await expectedShares(weightsAfter));
      // «Digital samhandling» holds the measures of this year's progress, 11 and 12 among them: its share changed
      const cooperation = EKOMMUNE_STRATEGY.focusAreas[0].title;
      expect(sharesAfter.get(cooperation)).not.toBe(sharesBefore.get(cooperation));

      // an invalid weight: refused next to the field and in the summary, what was typed is kept, nothing saved
      await openWeights();
      const rows = await weightRows();
      await page.locator(`#${rows.get(1)!.id}`).fill("abc");
      await page.locator(`#${rows.get(2)!.id}`).fill("500");
      await clickSubmit(
        page,
        page.locator("form#weights").getByRole("button", { name: t.overview.saveWeights, exact: true }),
        20_000,
      );
      const errorSummary = page.locator("main .ds-error-summary");
      await errorSummary.waitFor({ state: "visible" });
      await waitForHydration(page);
      expect(await errorSummary.innerText()).toContain(t.overview.validation.weight);
      const weightName = (n: number) => EKOMMUNE_MEASURES.find((m) => m.number === n)!.name;
      expect(await errorSummary.innerText()).toContain(fill(t.overview.weightFor, { name: weightName(1) }));
      for (const [n, typed] of [
        [1, "abc"],
        [2, "500"],
      ] as const) {
        const input = page.locator(`#${rows.get(n)!.id}`);
        expect(await input.inputValue(), `weight of measure ${n} as typed`).toBe(typed);
        expect(await input.getAttribute("aria-invalid")).toBe("true");
        expect(await input.getAttribute("aria-describedby")).toBe(`${rows.get(n)!.id}-error`);
        expect(await page.locator(`#${rows.get(n)!.id}-error`).innerText()).toContain(t.overview.validation.weight);
      }
      expect(await page.locator('form#weights [aria-invalid="true"]').count()).toBe(2);
      expect(await toast(page).count()).toBe(0);
      const unchanged = await server.db
        .selectFrom("measure")
        .innerJoin("cooperation", "cooperation.id", "measure.cooperation_id")
        .select("measure.progress_weight")
        .where("cooperation.slug", "=", SLUG)
        .where("measure.number", "in", [1, 2])
        .execute();
      expect(unchanged.map((m) => m.progress_weight)).toEqual([1, 1]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe("report downloads in the browser", () => {
  it("with JavaScript, the PDF link says the file is being made and when it is done, and saves the file", async () => {
    const server = await startServer();
    const { context, page } = await newContext(browser, { javaScript: true });
    try {
      await login(page, server, "lesar@ekommune-sunnmore.example");
      await visit(page, `${server.url}${BASE}/reports/2013`);
      const t = await messages(page);
      const link = page.locator('a[href$="/reports/2013.pdf"]');
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), link.click()]);
      expect(download.suggestedFilename()).toBe(`${SLUG}-arsrapport-2013.pdf`);
      await expect
        .poll(() => link.locator("xpath=following-sibling::*[@role='status'][1]").innerText(), { timeout: 60_000 })
        .toBe(t.report.downloadDone);
      const file = await download.path();
      expect(file).toBeTruthy();
    } finally {
      await context.close();
      await server.stop();
    }
  }, 120_000);
});
