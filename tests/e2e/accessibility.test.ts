/*
 * Universal design (forskrift om universell utforming av IKT-løsninger → WCAG 2.1 A and AA):
 * an axe-core scan of every page a user can reach, in Bokmål and in Nynorsk, with a reflow check at
 * 320 px (axe does not see a page that scrolls sideways), and the keyboard basics — skip link
 * first, visible focus.
 *
 * axe runs inside the page, so the scans use contexts with JavaScript on; the markup is the
 * server's, hydrated. The keyboard checks run with and without JavaScript.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { nb, type Messages, nn } from "../support/texts";
import { formatDate } from "../../app/i18n/format";
import { createReport, findReport, publishReport, saveNarrative } from "../../app/report/report.server";
import { EKOMMUNE, EKOMMUNE_MEASURES, EKOMMUNE_STRATEGY, KNUTEPUNKT } from "../../seeds/demo-content";
import { EKOMMUNE_LATER_MEASURES, OPEN_ROUND } from "../../seeds/later-content";
import {
  expectNoAxeViolations,
  expectReflow,
  htmlLang,
  login,
  logout,
  newContext,
  pathOf,
  submitLoginForm,
  switchLanguage,
  visit,
  withServerAndBrowser,
} from "../support/browser";
import { type TestServer } from "../support/server";
import { cooperationIdOf } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

const LANGUAGES: Language[] = ["nb", "nn"];
const MESSAGES: Partial<Record<Language, Messages>> = { nb, nn };

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

async function h1(page: Page): Promise<string> {
  return (await page.locator("main h1").innerText()).trim();
}

/** Opens `path`, switches to `lang` with the header's form and checks the page is still `path`. */
async function openIn(page: Page, path: string, lang: Language): Promise<void> {
  await visit(page, `${server.url}${path}`);
  expect(pathOf(page), `opening ${path}`).toBe(path);
  await switchLanguage(page, lang);
  expect(pathOf(page), `${path} after switching to ${lang}`).toBe(path);
}

interface PageCase {
  name: string;
  /** signed in as this demo user first */
  user?: string;
  /** the languages to scan in; nb and nn unless said otherwise */
  languages?: Language[];
  /** brings the page into the state to scan, in `lang` */
  open(page: Page, lang: Language): Promise<void>;
}

function simple(name: string, path: string, user?: string, expectedH1?: (t: Messages) => string): PageCase {
  return {
    name,
    user,
    async open(page, lang) {
      await openIn(page, path, lang);
      if (expectedH1) expect(await h1(page)).toBe(expectedH1(MESSAGES[lang]!));
    },
  };
}

/** A translation with its {{values}} filled in, as i18next does it. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

// Uptake reporting: the reporter's pages, the measure page with the timelines, the
// secretariat's rounds and e-mail pages, and the bulk form showing its errors.
const UPTAKE = `/c/${EKOMMUNE.slug}/uptake`;
const ROUNDS = `/c/${EKOMMUNE.slug}/rounds`;
const MEASURE_1 = EKOMMUNE_MEASURES.find((m) => m.number === 1)!;

/** The demo data's open round. */
async function openRoundPath(): Promise<string> {
  const round = await server.db
    .selectFrom("reporting_round")
    .innerJoin("cooperation", "cooperation.id", "reporting_round.cooperation_id")
    .select("reporting_round.id")
    .where("cooperation.slug", "=", EKOMMUNE.slug)
    .where("reporting_round.name", "=", OPEN_ROUND.name)
    .executeTakeFirstOrThrow();
  return `${ROUNDS}/${round.id}`;
}

const UPTAKE_PAGES: PageCase[] = [
  simple(`${UPTAKE} (reporter, Giske)`, UPTAKE, "ikt@giske.example", (t) => fill(t.uptake.title, { municipality: "Giske" })),
  simple(`${UPTAKE}/1 (reporter, Giske)`, `${UPTAKE}/1`, "ikt@giske.example", (t) =>
    fill(t.uptake.single.title, { number: 1, name: MEASURE_1.name }),
  ),
  {
    name: `${UPTAKE} after a save refused for a step back without a comment`,
    user: "ikt@giske.example",
    async open(page, lang) {
      await openIn(page, UPTAKE, lang);
      const select = page.locator('form#bulk-uptake tr[data-measure="1"] select');
      expect(await select.inputValue()).toBe("in_use");
      await select.selectOption("in_progress");
      await page.locator('form#bulk-uptake button[type="submit"]').click();
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      expect(await summary.innerText()).toContain(MESSAGES[lang]!.uptake.validation.backwardsNeedsComment);
      expect(await page.locator('form#bulk-uptake [aria-invalid="true"]').count()).toBe(1);
    },
  },
  {
    name: `/c/${EKOMMUNE.slug}/measures/1 with the uptake timelines (reporter, Giske)`,
    user: "ikt@giske.example",
    async open(page, lang) {
      await openIn(page, `/c/${EKOMMUNE.slug}/measures/1`, lang);
      expect(await page.locator('[data-testid="uptake-summary"]').count()).toBe(1);
      expect(await page.locator('main details[data-municipality="Giske"][open]').count()).toBe(1);
      expect(await page.locator("main details[data-municipality]").count()).toBeGreaterThan(1);
    },
  },
  simple(`${ROUNDS} (secretariat)`, ROUNDS, "sekretariat@ekommune-sunnmore.example", (t) =>
    fill(t.round.listTitle, { name: EKOMMUNE.name }),
  ),
  simple(`${ROUNDS} (reporter, Giske)`, ROUNDS, "ikt@giske.example", (t) => fill(t.round.listTitle, { name: EKOMMUNE.name })),
  simple(`${ROUNDS}/new (secretariat)`, `${ROUNDS}/new`, "sekretariat@ekommune-sunnmore.example", (t) =>
    fill(t.round.form.title, { name: EKOMMUNE.name }),
  ),
  {
    name: `${ROUNDS}/{open round} (secretariat: remind, return and close controls)`,
    user: "sekretariat@ekommune-sunnmore.example",
    async open(page, lang) {
      await openIn(page, await openRoundPath(), lang);
      expect(await h1(page)).toBe(OPEN_ROUND.name);
      expect(await page.locator('main tr[data-municipality="Sula"][data-state="missing"]').count()).toBe(1);
      expect(await page.locator('main tr[data-municipality="Haram"][data-state="returned"]').count()).toBe(1);
    },
  },
  {
    name: `/c/${EKOMMUNE.slug}/mail with messages (secretariat)`,
    user: "sekretariat@ekommune-sunnmore.example",
    async open(page, lang) {
      const t = MESSAGES[lang]!;
      if ((await server.db.selectFrom("mail_message").select("id").execute()).length === 0) {
        // no e-mail yet: remind everyone who has not submitted the open round
        await openIn(page, await openRoundPath(), lang);
        await page.getByRole("button", { name: t.round.detail.remindAll, exact: true }).click();
        await page.locator('main [role="status"]').waitFor();
      }
      await openIn(page, `/c/${EKOMMUNE.slug}/mail`, lang);
      expect(await h1(page)).toBe(t.mail.page.heading);
      expect(await page.locator('main tr[data-testid="mail-message"]').count()).toBeGreaterThan(0);
    },
  },
];

// Overviews and the annual report: the uptake matrix (the reporter's own column marked,
// and filtered), progress with the secretariat's weights form open, the report list, a report as
// a draft with the secretariat's forms and another, published, as a viewer reads it (two years, so
// neither case depends on whether the other has run), and the approved 2014 plan with its PDF link.
const C = `/c/${EKOMMUNE.slug}`;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const DRAFT_YEAR = 2015;
const PUBLISHED_YEAR = 2014;

async function cooperationAndSecretariat(): Promise<{ cooperationId: CooperationId; userId: string }> {
  const cooperation = { id: await cooperationIdOf(server.db, EKOMMUNE.slug) };
  const user = await server.db.selectFrom("app_user").select("id").where("email", "=", SECRETARIAT).executeTakeFirstOrThrow();
  return { cooperationId: cooperation.id, userId: user.id };
}

/** The year's report with some narrative, made (once) directly through the domain functions. */
async function reportWithNarrative(year: number): Promise<{ cooperationId: CooperationId; userId: string }> {
  const { cooperationId, userId } = await cooperationAndSecretariat();
  const where = { cooperationId, userId, year };
  if (!(await findReport(server.db, where))) {
    await createReport(server.db, where);
    const report = (await findReport(server.db, where))!;
    await saveNarrative(server.db, {
      ...where,
      version: report.version,
      narrative: {
        summary: `Samarbeidet har nådd dei fleste måla for ${year}.\nFiberringen knyter no alle kommunane saman.`,
        matrix: "Innføringa av Feide gjekk seinare enn venta i nokre kommunar.",
      },
    });
  }
  return { cooperationId, userId };
}

const OVERVIEW_PAGES: PageCase[] = [
  {
    name: `${C}/matrix (reporter, Giske: own column marked)`,
    user: "ikt@giske.example",
    async open(page, lang) {
      await openIn(page, `${C}/matrix`, lang);
      const year = await page.locator("#matrix-year").inputValue();
      expect(await h1(page)).toBe(fill(MESSAGES[lang]!.overview.matrixTitle, { year, name: EKOMMUNE.name }));
      expect(await page.locator("table.matrix thead th.own").innerText()).toContain(MESSAGES[lang]!.overview.yours);
    },
  },
  {
    name: `${C}/matrix (secretariat)`,
    user: SECRETARIAT,
    async open(page, lang) {
      await openIn(page, `${C}/matrix`, lang);
      // this year's: the measures that run in it, a cell for each of today's members
      const cells = await page.locator("table.matrix td[data-cell]").count();
      expect(cells).toBeGreaterThan(0);
      expect(cells % EKOMMUNE.membersSince2024.length).toBe(0);
      expect(await page.locator("table.matrix th.own").count()).toBe(0);
    },
  },
  {
    name: `${C}/matrix?year=2014 filtered by focus area and municipality (secretariat)`,
    user: SECRETARIAT,
    async open(page, lang) {
      const area = await server.db
        .selectFrom("focus_area")
        .innerJoin("strategy", "strategy.id", "focus_area.strategy_id")
        .innerJoin("cooperation", "cooperation.id", "strategy.cooperation_id")
        .select("focus_area.id")
        .where("cooperation.slug", "=", EKOMMUNE.slug)
        .where("strategy.period_from", "=", EKOMMUNE_STRATEGY.periodFrom)
        .where("focus_area.title", "=", EKOMMUNE_STRATEGY.focusAreas[0].title)
        .executeTakeFirstOrThrow();
      const sula = await server.db.selectFrom("municipality").select("id").where("name", "=", "Sula").executeTakeFirstOrThrow();
      await openIn(page, `${C}/matrix?year=2014&focusArea=${area.id}&status=&municipality=${sula.id}`, lang);
      expect(await page.locator("table.matrix tbody tr.group").allInnerTexts()).toEqual([EKOMMUNE_STRATEGY.focusAreas[0].title]);
      expect(await page.locator("table.matrix thead th").count()).toBe(3);
    },
  },
  {
    name: `${C}/progress with the weights form open (secretariat)`,
    user: SECRETARIAT,
    async open(page, lang) {
      await openIn(page, `${C}/progress`, lang);
      await page.locator("details:has(form#weights) > summary").click();
      await page.locator("form#weights").waitFor({ state: "visible" });
      expect(await page.locator("form#weights input[id^=weight-]").count()).toBe(
        EKOMMUNE_MEASURES.length + EKOMMUNE_LATER_MEASURES.length,
      );
    },
  },
  simple(`${C}/reports (secretariat)`, `${C}/reports`, SECRETARIAT, (t) => fill(t.report.listTitle, { name: EKOMMUNE.name })),
  {
    name: `${C}/reports/${DRAFT_YEAR} as a draft, with the narrative and publish forms (secretariat)`,
    user: SECRETARIAT,
    async open(page, lang) {
      await reportWithNarrative(DRAFT_YEAR);
      await openIn(page, `${C}/reports/${DRAFT_YEAR}`, lang);
      expect(await h1(page)).toBe(fill(MESSAGES[lang]!.report.title, { year: DRAFT_YEAR, name: EKOMMUNE.name }));
      expect(await page.locator('[data-testid="report-state"]').innerText()).toContain(MESSAGES[lang]!.report.draftNote);
      expect(await page.locator("form#narrative textarea").count()).toBe(7);
      expect(await page.locator("form#publish").count()).toBe(1);
    },
  },
  {
    name: `${C}/reports/${PUBLISHED_YEAR} published (viewer)`,
    user: "lesar@ekommune-sunnmore.example",
    async open(page, lang) {
      const { cooperationId, userId } = await reportWithNarrative(PUBLISHED_YEAR);
      const report = (await findReport(server.db, { cooperationId, year: PUBLISHED_YEAR }))!;
      if (!report.publishedAt) {
        await publishReport(server.db, { cooperationId, userId, year: PUBLISHED_YEAR, version: report.version });
      }
      const { publishedAt, publishedBy } = (await findReport(server.db, { cooperationId, year: PUBLISHED_YEAR }))!;
      await openIn(page, `${C}/reports/${PUBLISHED_YEAR}`, lang);
      expect(await page.locator('[data-testid="report-state"]').innerText()).toContain(
        fill(MESSAGES[lang]!.report.publishedNote, { date: formatDate(lang, publishedAt!), name: publishedBy! }),
      );
      expect(await page.locator("form#narrative, form#publish").count()).toBe(0);
      expect(await page.locator('[data-testid="report-document"] h2').count()).toBe(7);
    },
  },
  {
    name: `${C}/plans/2014 with the approved plan's PDF link (viewer)`,
    user: "lesar@ekommune-sunnmore.example",
    async open(page, lang) {
      await openIn(page, `${C}/plans/2014`, lang);
      expect(await page.locator(`main a[href="${C}/plans/2014.pdf"]`).innerText()).toBe(MESSAGES[lang]!.report.planPdf);
    },
  },
];

// The public pages carry their language in the address: the header's switch is a GET form that
// adds ?lang=, and they are read by anyone, so they are opened without signing in.
const PUBLIC = `/public/${EKOMMUNE.slug}`;

function publicPage(path: string): PageCase {
  return {
    name: `${path} (public)`,
    languages: ["nb", "nn", "en"],
    async open(page, lang) {
      await visit(page, `${server.url}${path}`);
      expect(pathOf(page), `opening ${path}`).toBe(path);
      await switchLanguage(page, lang);
      expect(pathOf(page), `${path} after switching to ${lang}`).toBe(`${path}?lang=${lang}`);
      expect(await page.locator("main h1").count(), `${path} has one main heading`).toBe(1);
    },
  };
}

const PUBLIC_PAGES: PageCase[] = [
  "/public",
  PUBLIC,
  `${PUBLIC}/strategy`,
  `${PUBLIC}/plans`,
  `${PUBLIC}/plans/2013`,
  `${PUBLIC}/matrix`,
  `${PUBLIC}/measures/1`,
  `${PUBLIC}/reports`,
  `${PUBLIC}/reports/2013`,
  `${PUBLIC}/data`,
].map(publicPage);

const PAGES: PageCase[] = [
  simple("/ (anonymous)", "/", undefined, () => "Fellesløft"),
  simple("/ (signed in, with cooperations)", "/", "sekretariat@ekommune-sunnmore.example", () => "Fellesløft"),
  simple("/ (platform admin)", "/", "admin@fellesloft.example", () => "Fellesløft"),
  simple("/login", "/login", undefined, (t) => t.login.title),
  {
    name: "/login after a submit with empty fields",
    async open(page, lang) {
      await openIn(page, "/login", lang);
      await submitLoginForm(page, "", "");
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      // field errors: the summary links to the fields, the fields are marked invalid
      expect(await summary.locator("a").count()).toBe(2);
      expect(await page.locator('input[aria-invalid="true"]').count()).toBe(2);
      expect(await summary.innerText()).toContain(MESSAGES[lang]!.validation.required);
    },
  },
  {
    name: "/login after a wrong password",
    async open(page, lang) {
      await openIn(page, "/login", lang);
      await submitLoginForm(page, "ikt@giske.example", "wrong-password");
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      expect(await summary.innerText()).toContain(MESSAGES[lang]!.login.invalid);
    },
  },
  {
    name: "/login after logging out (with the confirmation)",
    user: "lesar@ekommune-sunnmore.example",
    async open(page, lang) {
      // the confirmation is shown once: pick the language first, then log out
      if (pathOf(page) === "/login") await login(page, server, "lesar@ekommune-sunnmore.example");
      await switchLanguage(page, lang);
      await logout(page);
      expect(await htmlLang(page)).toBe(lang);
      expect(await page.locator('main [role="status"]').innerText()).toContain(MESSAGES[lang]!.login.loggedOut);
    },
  },
  simple("/accessibility", "/accessibility", undefined, (t) => t.accessibility.title),
  simple("/admin (platform admin)", "/admin", "admin@fellesloft.example", (t) => t.admin.title),
  simple(
    `/c/${EKOMMUNE.slug} (secretariat)`,
    `/c/${EKOMMUNE.slug}`,
    "sekretariat@ekommune-sunnmore.example",
    () => EKOMMUNE.name,
  ),
  simple(`/c/${EKOMMUNE.slug} (board)`, `/c/${EKOMMUNE.slug}`, "styre@ekommune-sunnmore.example", () => EKOMMUNE.name),
  simple(`/c/${EKOMMUNE.slug} (viewer)`, `/c/${EKOMMUNE.slug}`, "lesar@ekommune-sunnmore.example", () => EKOMMUNE.name),
  simple(`/c/${EKOMMUNE.slug} (reporter, Giske)`, `/c/${EKOMMUNE.slug}`, "ikt@giske.example", () => EKOMMUNE.name),
  simple(
    `/c/${KNUTEPUNKT.slug} (secretariat)`,
    `/c/${KNUTEPUNKT.slug}`,
    "sekretariat@knutepunkt-sorlandet.example",
    () => KNUTEPUNKT.name,
  ),
  simple("404 page (signed in)", "/c/does-not-exist", "lesar@ekommune-sunnmore.example", (t) => t.errors.notFound.title),
  simple(
    "404 page for a URL no route matches (signed in)",
    "/does-not-exist",
    "lesar@ekommune-sunnmore.example",
    (t) => t.errors.notFound.title,
  ),
  simple(
    `/c/${EKOMMUNE.slug}/settings (secretariat)`,
    `/c/${EKOMMUNE.slug}/settings`,
    "sekretariat@ekommune-sunnmore.example",
    (t) => fill(t.publication.settings.title, { name: EKOMMUNE.name }),
  ),
  simple(
    `/c/${EKOMMUNE.slug}/map-changes (secretariat)`,
    `/c/${EKOMMUNE.slug}/map-changes`,
    "sekretariat@ekommune-sunnmore.example",
    (t) => t.succession.page.heading,
  ),
  ...UPTAKE_PAGES,
  ...OVERVIEW_PAGES,
  ...PUBLIC_PAGES,
];

describe("axe-core finds no WCAG 2.1 A/AA violations and the page reflows at 320 px, in nb and nn", () => {
  it.each(PAGES)("$name", async (pageCase) => {
    const { context, page } = await newContext(browser, { javaScript: true });
    try {
      if (pageCase.user) await login(page, server, pageCase.user);
      for (const lang of pageCase.languages ?? LANGUAGES) {
        await pageCase.open(page, lang);
        expect(await htmlLang(page)).toBe(lang);
        await expectNoAxeViolations(page, `${pageCase.name} [${lang}]`);
        await expectReflow(page, `${pageCase.name} [${lang}]`);
      }
    } finally {
      await context.close();
    }
  });
});

interface FocusInfo {
  tag: string;
  id: string;
  className: string;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  top: number;
  bottom: number;
}

/** What has focus, with the outline it is drawn with and where it is on screen. */
function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === "string" ? el.className : "",
      text: (el.textContent ?? "").trim(),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      top: box.top,
      bottom: box.bottom,
    };
  });
}

function expectVisibleFocus(info: FocusInfo | null, what: string): void {
  expect(info, `${what} has focus`).not.toBeNull();
  expect(info!.outlineStyle, `outline-style of ${what}`).not.toBe("none");
  expect(info!.outlineWidth, `outline-width of ${what}`).toBeGreaterThan(0);
}

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("keyboard $mode", ({ javaScript }) => {
  it.each([
    { path: "/login", user: undefined },
    { path: `/c/${EKOMMUNE.slug}`, user: "ikt@giske.example" },
  ])("on $path the first Tab reaches the skip link, which moves focus to main", async ({ path, user }) => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      if (user) await login(page, server, user);
      await visit(page, `${server.url}${path}`);
      expect(pathOf(page)).toBe(path);
      const t = MESSAGES[(await htmlLang(page)) as Language] ?? nb;

      await page.keyboard.press("Tab");
      const skip = await focused(page);
      expect(skip?.tag).toBe("a");
      expect(skip?.className).toContain("skip-link");
      expect(skip?.text).toBe(t.shell.skipToContent);
      expectVisibleFocus(skip, "the skip link");
      // shown on screen while focused (it sits above the viewport otherwise)
      expect(skip!.top, "top of the focused skip link").toBeGreaterThanOrEqual(0);
      expect(skip!.bottom, "bottom of the focused skip link").toBeLessThanOrEqual(page.viewportSize()!.height);

      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.id === "main", undefined, { timeout: 5_000 }).catch(() => {});
      const target = await focused(page);
      expect(target?.tag, "focus after activating the skip link").toBe("main");
      expect(target?.id).toBe("main");
      expect(new URL(page.url()).hash).toBe("#main");

      // the next Tab continues inside the main content, not back in the header
      await page.keyboard.press("Tab");
      const next = await page.evaluate(() => {
        const el = document.activeElement;
        return { insideMain: Boolean(el?.closest("main#main")), tag: el?.tagName.toLowerCase() };
      });
      expect(next.insideMain, `the Tab after the skip link lands in main (got <${next.tag}>)`).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("links and buttons show a visible focus outline when tabbed to", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await visit(page, `${server.url}/login`);
      await page.keyboard.press("Tab"); // skip link
      await page.keyboard.press("Tab"); // the "Fellesløft" home link
      const home = await focused(page);
      expect(home?.tag).toBe("a");
      expect(home?.text).toBe("Fellesløft");
      expectVisibleFocus(home, "the home link");

      // walk on to the first button (the language form's), checking every stop on the way
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press("Tab");
        const stop = await focused(page);
        expectVisibleFocus(stop, `tab stop ${i + 3} (<${stop?.tag}> ${stop?.text.slice(0, 40)})`);
        if (stop?.tag === "button") return;
      }
      throw new Error("no button reached within 12 Tab presses on /login");
    } finally {
      await context.close();
    }
  });
});
