/*
 * The input round in Chromium, with and without JavaScript, on the demo data's
 * plan for next year (out for input, seeds/plan-demo.ts): the Giske reporter comments on the plan and on
 * an item, an invalid submit keeps what was chosen and lands on the error summary; the
 * secretariat finds the comments under Giske and marks one handled; a viewer reads the comments
 * without any form and gets 403 from POST; axe finds nothing on the page in nb and nn.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { en, nb, type Messages, nn } from "../support/texts";
import { formatDate } from "../../app/i18n/format";
import { osloToday } from "../../shared-schema/dates";
import { EKOMMUNE } from "../../seeds/demo-content";
import { PLAN_OUT_FOR_INPUT } from "../../seeds/plan-demo";
import {
  expectNoAxeViolations,
  htmlLang,
  login,
  newContext,
  switchLanguage,
  visit,
  waitForHydration,
  withServerAndBrowser,
} from "../support/browser";
import { loginCookie, type TestServer } from "../support/server";

const SLUG = EKOMMUNE.slug;
const YEAR = PLAN_OUT_FOR_INPUT;
const PATH = `/c/${SLUG}/plans/${YEAR}/comments`;
const GISKE_REPORTER = "ikt@giske.example";
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const VIEWER = "lesar@ekommune-sunnmore.example";
const MESSAGES: Record<Language, Messages> = { nb, nn, en };

/** The page's language (eKommune Sunnmøre writes nynorsk) and its planComments texts. */
async function texts(page: Page) {
  const lang = ((await htmlLang(page)) ?? "nb") as Language;
  return { lang, t: MESSAGES[lang].planComments };
}

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

/** The version out for input of the plan for next year. */
async function versionOutForInput() {
  return server.db
    .selectFrom("plan_version")
    .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
    .select(["plan_version.id", "plan_version.input_deadline"])
    .where("action_plan.year", "=", YEAR)
    .where("plan_version.status", "=", "input")
    .executeTakeFirstOrThrow();
}

async function deadline(): Promise<string> {
  return (await versionOutForInput()).input_deadline!;
}

async function giskeId(): Promise<string> {
  return (await server.db.selectFrom("municipality").select("id").where("number", "=", "1532").executeTakeFirstOrThrow()).id;
}

/** The comment on the page whose text is `body`. */
const entry = (page: Page, body: string) => page.locator('[data-testid="plan-comment"]', { hasText: body });

async function submitComment(page: Page, body: string, target: string | null): Promise<void> {
  const form = page.locator("main form:has(textarea)");
  if (target) await form.locator("select").selectOption({ label: target });
  await form.locator("textarea").fill(body);
  await form.locator('button[type="submit"]').click();
  await entry(page, body).waitFor({ state: "visible" });
  await waitForHydration(page);
}

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("input round $mode", ({ mode, javaScript }) => {
  it("the Giske reporter comments on the plan and on an item; the secretariat sees them under Giske and marks one handled", async () => {
    const onPlan = `Giske meiner planen manglar opplæring (${mode}).`;
    const onItem = `Giske ønskjer vakt i helgane òg (${mode}).`;
    const reporter = await newContext(browser, { javaScript });
    let itemLabel: string;
    let wholePlan = "";
    try {
      const page = reporter.page;
      await login(page, server, GISKE_REPORTER);
      const response = await visit(page, `${server.url}${PATH}`);
      expect(response?.status()).toBe(200);
      const { t } = await texts(page);
      expect(await page.locator("h1").innerText()).toBe(t.pageTitle.replace("{{year}}", String(YEAR)));
      const { lang } = await texts(page);
      expect(await page.locator("main").innerText()).toContain(
        t.deadline.replace("{{date}}", formatDate(lang, await deadline())),
      );
      expect(await page.locator("main").innerText()).toContain(t.form.forMunicipality.replace("{{municipality}}", "Giske"));

      // an empty comment is refused; the chosen item is kept and the summary names the field
      const form = page.locator("main form:has(textarea)");
      const options = await form.locator("select option").allInnerTexts();
      itemLabel = options.find((o) => o.startsWith("Tiltak 11"))!;
      expect(itemLabel).toBeTruthy();
      await form.locator("select").selectOption({ label: itemLabel });
      await form.locator('button[type="submit"]').click();
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      await waitForHydration(page);
      expect(await summary.innerText()).toContain(t.validation.bodyRequired);
      expect(await page.locator("main textarea").getAttribute("aria-invalid")).toBe("true");
      const selected = await page
        .locator("main form:has(textarea) select")
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
      expect(selected).toBe(itemLabel);
      if (javaScript) {
        await page.waitForFunction(() => document.activeElement?.classList.contains("ds-error-summary"));
      }

      await submitComment(page, onItem, itemLabel);
      await submitComment(page, onPlan, t.form.wholePlan);
      wholePlan = t.form.wholePlan;
      const giske = page.locator(`[data-municipality-id="${await giskeId()}"]`);
      expect(await giske.locator('[data-testid="plan-comment"]', { hasText: onPlan }).innerText()).toContain(t.form.wholePlan);
      expect(await giske.locator('[data-testid="plan-comment"]', { hasText: onItem }).innerText()).toContain(itemLabel);
      expect(await entry(page, onPlan).innerText()).toContain(t.comment.notHandled);
      // reporters do not mark comments handled
      expect(await page.getByRole("button", { name: t.comment.markHandled }).count()).toBe(0);
    } finally {
      await reporter.context.close();
    }

    const rows = await server.db
      .selectFrom("comment")
      .select(["body", "municipality_id"])
      .where("body", "in", [onPlan, onItem])
      .execute();
    expect(rows.map((r) => r.municipality_id)).toEqual([await giskeId(), await giskeId()]);

    const secretariat = await newContext(browser, { javaScript });
    try {
      const page = secretariat.page;
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}${PATH}`);
      const { t } = await texts(page);
      const giske = page.locator(`[data-municipality-id="${await giskeId()}"]`);
      expect(await giske.locator('[data-testid="plan-comment"]', { hasText: onPlan }).innerText()).toContain(wholePlan);
      const comment = giske.locator('[data-testid="plan-comment"]', { hasText: onPlan });
      await comment.getByRole("button", { name: t.comment.markHandled }).click();
      await comment
        .locator('[data-testid="handled-status"]', { hasText: new RegExp(`^${t.comment.handled.split(" ")[0]} `) })
        .waitFor({ state: "visible" });
      await waitForHydration(page);
      expect(await comment.getByRole("button", { name: t.comment.undo }).count()).toBe(1);
      const row = await server.db
        .selectFrom("comment")
        .select(["handled_at"])
        .where("body", "=", onPlan)
        .executeTakeFirstOrThrow();
      expect(row.handled_at).not.toBeNull();
      // the other one is still open
      expect(await giske.locator('[data-testid="plan-comment"]', { hasText: onItem }).innerText()).toContain(
        t.comment.notHandled,
      );
    } finally {
      await secretariat.context.close();
    }
  });

  it("a viewer reads the comments but gets no form", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      await login(page, server, VIEWER);
      const response = await visit(page, `${server.url}${PATH}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('[data-testid="plan-comment"]').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator("main form").count()).toBe(0);
      expect(await page.locator("main textarea").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe("writes are refused to those without the right", () => {
  const post = async (cookie: string, body: Record<string, string>) =>
    fetch(`${server.url}${PATH}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body),
    });
  const count = async () =>
    (await server.db.selectFrom("audit_event").select("id").execute()).length +
    (await server.db.selectFrom("comment").select("id").where("handled_at", "is not", null).execute()).length * 1000 +
    (await server.db.selectFrom("comment").select("id").execute()).length * 1_000_000;

  it("a viewer gets 403 from commenting and from marking handled; a reporter gets 403 from marking handled", async () => {
    const open = await server.db.selectFrom("comment").select("id").where("handled_at", "is", null).executeTakeFirstOrThrow();
    const before = await count();
    const viewer = await loginCookie(server, VIEWER);
    expect((await post(viewer, { intent: "comment", body: "Lesaren prøver." })).status).toBe(403);
    expect((await post(viewer, { intent: "markHandled", commentId: open.id })).status).toBe(403);
    const reporter = await loginCookie(server, GISKE_REPORTER);
    expect((await post(reporter, { intent: "markHandled", commentId: open.id })).status).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe("axe: the comments page in nb and nn", () => {
  it.each([SECRETARIAT, GISKE_REPORTER])("has no WCAG 2.1 A/AA violations for %s", async (email) => {
    const { context, page } = await newContext(browser, { javaScript: true });
    try {
      await login(page, server, email);
      await visit(page, `${server.url}${PATH}`);
      await expectNoAxeViolations(page, `${PATH} (nb)`);
      await switchLanguage(page, "nn");
      expect(await page.locator("h1").innerText()).toBe(nn.planComments.pageTitle.replace("{{year}}", String(YEAR)));
      await expectNoAxeViolations(page, `${PATH} (nn)`);
      await switchLanguage(page, "nb");
    } finally {
      await context.close();
    }
  });
});

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("after the input deadline $mode", ({ mode, javaScript }) => {
  it("a comment typed before the deadline and sent after it is refused and shown back; then the page has no form, and says why", async () => {
    const body = `Giske kjem for seint (${mode}).`;
    const { context, page } = await newContext(browser, { javaScript });
    const { id, input_deadline } = await versionOutForInput();
    try {
      await login(page, server, GISKE_REPORTER);
      await visit(page, `${server.url}${PATH}`);
      const { t, lang } = await texts(page);
      const form = page.locator("main form:has(textarea)");
      await form.locator("textarea").fill(body);
      await waitForHydration(page);
      // the deadline passes while the reporter types: yesterday in Norway
      const yesterday = new Date(`${osloToday()}T12:00:00Z`);
      yesterday.setUTCDate(yesterday.getUTCDate() - 1);
      const passed = yesterday.toISOString().slice(0, 10);
      await server.db.updateTable("plan_version").set({ input_deadline: passed }).where("id", "=", id).execute();
      await form.locator('button[type="submit"]').click();
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      await waitForHydration(page);
      expect(await summary.innerText()).toContain(t.errors.inputClosed);
      expect(await page.locator("main textarea").inputValue()).toBe(body);
      expect(await page.locator('main form:has(textarea) button[type="submit"]').count()).toBe(0);
      expect(await server.db.selectFrom("comment").select("id").where("body", "=", body).execute()).toEqual([]);

      await visit(page, `${server.url}${PATH}`);
      expect(await page.getByTestId("input-over").innerText()).toContain(
        t.deadlinePassed.replace("{{date}}", formatDate(lang, passed)),
      );
      expect(await page.locator("main textarea").count()).toBe(0);
    } finally {
      await server.db.updateTable("plan_version").set({ input_deadline: input_deadline }).where("id", "=", id).execute();
      await context.close();
    }
  });
});
