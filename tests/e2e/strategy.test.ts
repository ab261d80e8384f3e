/*
 * Workflow 1 in Chromium, with and without JavaScript: the secretariat writes a strategy with two
 * focus areas and goals, reorders them, adopts it with a decision, and it becomes current while
 * the previously adopted one is archived. Validation keeps what was typed; other roles see no
 * edit controls and get 403 from every edit action; axe finds nothing on the new pages in nb and nn.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { en, nb, type Messages, nn } from "../support/texts";
import { EKOMMUNE } from "../../seeds/demo-content";
import {
  expectNoAxeViolations,
  htmlLang,
  login,
  newContext,
  pathOf,
  switchLanguage,
  visit,
  waitForHydration,
  withServerAndBrowser,
} from "../support/browser";
import { loginCookie, type TestServer } from "../support/server";

const MESSAGES: Record<Language, Messages> = { nb, nn, en };
const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

async function messages(page: Page): Promise<Messages> {
  return MESSAGES[((await htmlLang(page)) ?? "nb") as Language];
}

async function cooperationId(): Promise<string> {
  return (await server.db.selectFrom("cooperation").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow()).id;
}

async function strategyWithStatus(status: "draft" | "adopted" | "archived") {
  return server.db
    .selectFrom("strategy")
    .select(["id", "title", "status"])
    .where("cooperation_id", "=", await cooperationId())
    .where("status", "=", status)
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
}

/** Submits the form on the page and waits until the browser is on a path matching `to`. */
async function submitAndWait(page: Page, form: string, to: RegExp): Promise<void> {
  await page.locator(`${form} button[type="submit"]`).click();
  await page.waitForURL((url) => to.test(url.pathname));
  await waitForHydration(page);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A control's accessible name: its visible label and, for screen readers, the item it acts on. */
const named = (label: string, item: string) => new RegExp(`^${escape(label)}\\W*${escape(item)}$`);

async function areaTitles(page: Page): Promise<string[]> {
  return (await page.locator('[data-testid="focus-area"] > h3').allInnerTexts()).map((s) => s.trim());
}

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("strategy workflow $mode", ({ mode, javaScript }) => {
  it("the secretariat writes a strategy with two focus areas and goals, reorders, adopts it, and it becomes current", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      const previous = await strategyWithStatus("adopted");
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}/c/${SLUG}/strategies/new`);
      const t = await messages(page);
      const title = `IKT-strategi 2021–2024 (${mode})`;
      await page.locator('form#strategy [name="title"]').fill(title);
      await page.locator('form#strategy [name="periodFrom"]').fill("2021");
      await page.locator('form#strategy [name="periodTo"]').fill("2024");
      await page.locator('form#strategy [name="vision"]').fill("Digitalt førsteval – saman");
      await page
        .locator('form#strategy [name="principles"]')
        .fill("Sky er førstevalet\nEitt nytt system inn betyr eitt system ut");
      await submitAndWait(page, "form#strategy", /^\/c\/[^/]+\/strategies\/[0-9a-f-]{36}$/);
      const strategyId = pathOf(page).split("/").pop()!;
      expect(await page.locator("main h1").innerText()).toBe(title);
      expect(await page.locator('main [role="status"]').innerText()).toContain(t.strategy.toast.created);

      for (const areaTitle of ["Digital samhandling", "Digital kompetanse"]) {
        await page.getByRole("link", { name: t.strategy.addFocusArea, exact: true }).click();
        await page.waitForURL((url) => url.pathname.endsWith("/area"));
        await waitForHydration(page);
        await page.locator('form#focus-area [name="title"]').fill(areaTitle);
        await page.locator('form#focus-area [name="description"]').fill(`Skildring av ${areaTitle.toLowerCase()}.`);
        await page.locator('form#focus-area [name="rationale"]').fill("Grunngjeving.");
        await submitAndWait(page, "form#focus-area", new RegExp(`/strategies/${strategyId}$`));
      }
      const goals: [string, string][] = [
        ["Digital samhandling", "Auke talet på digitale tenester"],
        ["Digital samhandling", "Ta i bruk nasjonale fellesløysingar"],
        ["Digital kompetanse", "Auke IKT-kompetansen på alle nivå"],
      ];
      for (const [areaTitle, text] of goals) {
        await page.getByRole("link", { name: named(t.strategy.addGoal, areaTitle) }).click();
        await page.waitForURL((url) => url.pathname.endsWith("/goal"));
        await waitForHydration(page);
        await page.locator('form#goal [name="text"]').fill(text);
        await page.locator('form#goal [name="indicator"]').fill("Tal på tenester");
        await submitAndWait(page, "form#goal", new RegExp(`/strategies/${strategyId}$`));
      }
      expect(await areaTitles(page)).toEqual(["Digital samhandling", "Digital kompetanse"]);

      // reorder with the plain buttons: the second area up, the second goal up
      await page.getByRole("button", { name: named(t.strategy.moveUp, "Digital kompetanse") }).click();
      await page.locator('[data-testid="focus-area"] > h3').first().filter({ hasText: "Digital kompetanse" }).waitFor();
      await waitForHydration(page);
      expect(await areaTitles(page)).toEqual(["Digital kompetanse", "Digital samhandling"]);
      await page.getByRole("button", { name: named(t.strategy.moveUp, "Ta i bruk nasjonale fellesløysingar") }).click();
      const samhandling = page.locator('[data-testid="focus-area"]', { hasText: "Digital samhandling" });
      await samhandling.locator('[data-testid="goal"] > span').first().filter({ hasText: "Ta i bruk" }).waitFor();
      await waitForHydration(page);
      expect((await samhandling.locator('[data-testid="goal"] > span').allInnerTexts()).map((s) => s.trim())).toEqual([
        "Ta i bruk nasjonale fellesløysingar",
        "Auke talet på digitale tenester",
      ]);

      // adopt with a decision
      await page.getByRole("link", { name: t.strategy.adopt, exact: true }).click();
      await page.waitForURL((url) => url.pathname.endsWith("/adopt"));
      await waitForHydration(page);
      await page.locator('form#adopt [name="body"]').selectOption("board");
      await page.locator('form#adopt [name="decidedOn"]').fill("2020-12-10");
      await page.locator('form#adopt [name="caseNumber"]').fill("21/13");
      await page.locator('form#adopt [name="text"]').fill("Styret vedtek IKT-strategi for eKommune Sunnmøre 2021–2024.");
      await submitAndWait(page, "form#adopt", new RegExp(`^/c/${SLUG}/strategy$`));
      expect(await page.locator("main h1").innerText()).toBe(title);
      expect(await page.locator('main [role="status"]').innerText()).toContain(t.strategy.toast.adopted);
      const decisionText = await page.locator('[data-testid="decision"]').innerText();
      expect(decisionText).toContain("21/13");
      expect(decisionText).toContain(t.decision.bodies.board);
      expect(await areaTitles(page)).toEqual(["Digital kompetanse", "Digital samhandling"]);

      // the previously adopted strategy is archived, its text still readable
      expect(
        (await server.db.selectFrom("strategy").select("status").where("id", "=", strategyId).executeTakeFirstOrThrow()).status,
      ).toBe("adopted");
      const old = await server.db
        .selectFrom("strategy")
        .select(["status", "title"])
        .where("id", "=", previous.id)
        .executeTakeFirstOrThrow();
      expect(old.status).toBe("archived");
      await visit(page, `${server.url}/c/${SLUG}/strategies/${previous.id}`);
      expect(await page.locator("main h1").innerText()).toBe(previous.title);
      expect(await page.locator("main").innerText()).toContain(t.strategy.archivedNote);
      await visit(page, `${server.url}/c/${SLUG}/strategies`);
      const row = page.locator("main tr", { hasText: previous.title });
      expect(await row.innerText()).toContain(t.strategyStatus.archived);
      // an adopted strategy offers no content controls any more
      await visit(page, `${server.url}/c/${SLUG}/strategies/${strategyId}`);
      expect(await page.getByRole("button", { name: new RegExp(`^${t.strategy.moveUp}`) }).count()).toBe(0);
      expect(await page.getByRole("button", { name: t.strategy.startRevision }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("a validation error keeps what was typed and moves focus to the summary", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}/c/${SLUG}/strategies/new`);
      const t = await messages(page);
      await page.locator('form#strategy [name="title"]').fill("Strategi som skal takast vare på");
      await page.locator('form#strategy [name="periodFrom"]').fill("2026");
      await page.locator('form#strategy [name="periodTo"]').fill("2022");
      await page.locator('form#strategy [name="purpose"]').fill("Føremålet eg skreiv.");
      await page.locator('form#strategy button[type="submit"]').click();
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      await page.waitForFunction(() => document.activeElement?.classList.contains("ds-error-summary"));
      expect(await summary.innerText()).toContain(t.strategy.validation.periodOrder);
      expect(await page.locator('form#strategy [name="title"]').inputValue()).toBe("Strategi som skal takast vare på");
      expect(await page.locator('form#strategy [name="purpose"]').inputValue()).toBe("Føremålet eg skreiv.");
      expect(await page.locator('form#strategy [name="periodTo"]').getAttribute("aria-invalid")).toBe("true");
      expect(pathOf(page)).toBe(`/c/${SLUG}/strategies/new`);
    } finally {
      await context.close();
    }
  });

  it("two secretaries evaluate the same goal: the later save is refused with her text kept, and saved once she has seen the other's", async () => {
    const first = await newContext(browser, { javaScript });
    const second = await newContext(browser, { javaScript });
    try {
      const strategy = await strategyWithStatus("adopted");
      const { period_from: year } = await server.db
        .selectFrom("strategy")
        .select("period_from")
        .where("id", "=", strategy.id)
        .executeTakeFirstOrThrow();
      const url = `${server.url}/c/${SLUG}/strategies/${strategy.id}/evaluations/${year}`;
      const stored = async () => {
        const goal = await server.db
          .selectFrom("goal")
          .innerJoin("focus_area", "focus_area.id", "goal.focus_area_id")
          .select("goal.id")
          .where("focus_area.strategy_id", "=", strategy.id)
          .orderBy("focus_area.sort_order")
          .orderBy("goal.sort_order")
          .executeTakeFirstOrThrow();
        const row = await server.db
          .selectFrom("goal_evaluation")
          .select("assessment")
          .where("goal_id", "=", goal.id)
          .where("year", "=", year)
          .executeTakeFirst();
        return row?.assessment;
      };
      for (const { page } of [first, second]) {
        await login(page, server, SECRETARIAT);
        await visit(page, url);
      }
      const strategyPage = /^\/c\/[^/]+\/strategies\/[0-9a-f-]{36}$/;
      await first.page.locator("#assessment-0").fill(`Første vurdering (${mode})`);
      await submitAndWait(first.page, "main form", strategyPage);
      expect(await stored()).toBe(`Første vurdering (${mode})`);

      const t = await messages(second.page);
      await second.page.locator("#assessment-0").fill(`Andre vurdering (${mode})`);
      await second.page.locator('main form button[type="submit"]').click();
      const summary = second.page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      expect(await summary.innerText()).toContain(t.form.staleVersion);
      expect(await second.page.locator("#assessment-0").inputValue()).toBe(`Andre vurdering (${mode})`);
      expect(await stored()).toBe(`Første vurdering (${mode})`);

      await waitForHydration(second.page);
      await submitAndWait(second.page, "main form", strategyPage);
      expect(await stored()).toBe(`Andre vurdering (${mode})`);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it.each(["ikt@giske.example", "styre@ekommune-sunnmore.example"])(
    "%s sees no edit controls on the strategy pages",
    async (email) => {
      const { context, page } = await newContext(browser, { javaScript });
      try {
        const draft = await strategyWithStatus("draft");
        await login(page, server, email);
        for (const path of [`/c/${SLUG}/strategy`, `/c/${SLUG}/strategies`, `/c/${SLUG}/strategies/${draft.id}`]) {
          const response = await visit(page, `${server.url}${path}`);
          expect(response?.status(), path).toBe(200);
          const t = await messages(page);
          expect(await page.locator('[data-testid="strategy-edit-controls"]').count(), path).toBe(0);
          expect(await page.locator("main form").count(), path).toBe(0);
          expect(await page.getByRole("link", { name: t.strategy.newStrategy }).count(), path).toBe(0);
        }
        const response = await visit(page, `${server.url}/c/${SLUG}/strategies/${draft.id}/edit`);
        expect(response?.status()).toBe(403);
      } finally {
        await context.close();
      }
    },
  );
});

describe("strategy edit actions refuse everyone but the secretariat", () => {
  it.each(["ikt@giske.example", "styre@ekommune-sunnmore.example", "lesar@ekommune-sunnmore.example"])(
    "%s gets 403 from every edit action and changes nothing",
    async (email) => {
      const cookie = await loginCookie(server, email);
      const draft = await strategyWithStatus("draft");
      const adopted = await strategyWithStatus("adopted");
      const area = await server.db.selectFrom("focus_area").select("id").where("strategy_id", "=", adopted.id).executeTakeFirst();
      const base = `/c/${SLUG}/strategies`;
      const posts: [string, Record<string, string>][] = [
        [`${base}/new`, { title: "Kapra", periodFrom: "2030", periodTo: "2033" }],
        [`${base}/${draft.id}/edit`, { title: "Kapra", periodFrom: "2030", periodTo: "2033", version: "1" }],
        [`${base}/${draft.id}/area`, { title: "Kapra", version: "1" }],
        [`${base}/${draft.id}/goal`, { text: "Kapra", focusAreaId: area?.id ?? "x", version: "1" }],
        [`${base}/${draft.id}/adopt`, { body: "board", decidedOn: "2030-01-01", text: "Kapra", version: "1" }],
        [`${base}/${draft.id}?index`, { intent: "startRevision" }],
        [`${base}/${adopted.id}?index`, { intent: "startRevision" }],
        [`${base}/${adopted.id}/evaluations/2014`, { "entries[0].goalId": "x", "entries[0].assessment": "Kapra" }],
      ];
      const count = async () =>
        (await server.db.selectFrom("audit_event").select("id").execute()).length +
        (await server.db.selectFrom("strategy").select("id").execute()).length;
      const before = await count();
      for (const [path, body] of posts) {
        const response = await fetch(`${server.url}${path}`, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(body),
        });
        expect(response.status, `POST ${path}`).toBe(403);
      }
      expect(await count()).toBe(before);
    },
  );
});

describe("axe: the strategy pages in nb and nn", () => {
  it("has no WCAG 2.1 A/AA violations on any strategy page", async () => {
    const { context, page } = await newContext(browser, { javaScript: true });
    try {
      await login(page, server, SECRETARIAT);
      const draft = await strategyWithStatus("draft");
      const adopted = await strategyWithStatus("adopted");
      const archived = await server.db
        .selectFrom("strategy")
        .select("id")
        .where("status", "=", "archived")
        .where("cooperation_id", "=", await cooperationId())
        .executeTakeFirst();
      const draftArea = await server.db
        .selectFrom("focus_area")
        .select("id")
        .where("strategy_id", "=", draft.id)
        .executeTakeFirst();
      const pages = [
        `/c/${SLUG}/strategy`,
        `/c/${SLUG}/strategies`,
        `/c/${SLUG}/strategies/new`,
        `/c/${SLUG}/strategies/${draft.id}`,
        `/c/${SLUG}/strategies/${draft.id}/edit`,
        `/c/${SLUG}/strategies/${draft.id}/area`,
        ...(draftArea ? [`/c/${SLUG}/strategies/${draft.id}/area?area=${draftArea.id}`] : []),
        `/c/${SLUG}/strategies/${draft.id}/goal`,
        `/c/${SLUG}/strategies/${draft.id}/adopt`,
        `/c/${SLUG}/strategies/${adopted.id}`,
        ...(archived ? [`/c/${SLUG}/strategies/${archived.id}`] : []),
        `/c/${SLUG}/strategies/${(archived ?? adopted).id}/evaluations/2014`,
      ];
      for (const lang of ["nb", "nn"] as Language[]) {
        await visit(page, `${server.url}/c/${SLUG}/strategy`);
        await switchLanguage(page, lang);
        for (const path of pages) {
          const response = await visit(page, `${server.url}${path}`);
          expect(response?.status(), path).toBe(200);
          expect(await htmlLang(page)).toBe(lang);
          await expectNoAxeViolations(page, `${path} (${lang})`);
        }
        // a form showing its errors
        await visit(page, `${server.url}/c/${SLUG}/strategies/new`);
        await page.locator('form#strategy [name="title"]').fill("");
        await page.locator('form#strategy button[type="submit"]').click();
        await page.locator("main .ds-error-summary").waitFor({ state: "visible" });
        await expectNoAxeViolations(page, `/strategies/new with errors (${lang})`);
        // at 320 px the page does not scroll sideways
        await page.setViewportSize({ width: 320, height: 640 });
        await visit(page, `${server.url}/c/${SLUG}/strategies/${adopted.id}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, "horizontal scroll at 320 px").toBeLessThanOrEqual(0);
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    } finally {
      await context.close();
    }
  }, 180_000);
});
