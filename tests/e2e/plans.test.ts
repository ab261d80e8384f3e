/*
 * Workflows 3 and 4 in Chromium, with and without JavaScript: the secretariat rolls next year's
 * action plan from the last approved one, edits an item's budget, sends the plan out for input
 * and submits it; the board returns it; the secretariat resubmits; the board approves it with a
 * decision. The approved version shows the decision and no edit controls; the diff shows the
 * budget change. Reporters and viewers get no buttons and 403; axe finds nothing in nb and nn.
 *
 * The demo data may or may not hold plans: setUpRollableYear() brings the newest plan to
 * "approved" through the domain functions (or creates a first one), so each run rolls a year
 * nobody else uses.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { formatNok } from "../../app/i18n/format";
import { en, nb, type Messages, nn } from "../support/texts";
import { addPlanItem } from "../../app/plan/plan-items.server";
import { createEmptyPlan, findPlanByYear, transitionPlanVersion, type TransitionRequest } from "../../app/plan/plan.server";
import { osloToday } from "../../shared-schema/dates";
import { EKOMMUNE } from "../../seeds/demo-content";
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
import { cooperationIdOf } from "../support/queries";

const MESSAGES: Record<Language, Messages> = { nb, nn, en };
const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const BOARD = "styre@ekommune-sunnmore.example";
const REPORTER = "ikt@giske.example";
const VIEWER = "lesar@ekommune-sunnmore.example";

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

const text = (s: string) => s.replace(/\s+/g, " ").trim();

async function messages(page: Page): Promise<Messages> {
  return MESSAGES[((await htmlLang(page)) ?? "nb") as Language];
}

async function ids() {
  const coop = { id: await cooperationIdOf(server.db, SLUG) };
  const user = async (email: string) =>
    (await server.db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  return { cooperationId: coop.id, secretariat: await user(SECRETARIAT), board: await user(BOARD) };
}

const DECISION = { body: "chief_executives" as const, decidedOn: "2015-02-12", caseNumber: "9/15", text: "Planen er godkjend." };

/** Norway's date `days` from today, yyyy-mm-dd. */
function daysFromToday(days: number): string {
  const d = new Date(`${osloToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The newest plan brought to "approved" (or a first plan made and approved); returns the year after it. */
async function setUpRollableYear(): Promise<number> {
  const { cooperationId, secretariat, board } = await ids();
  const newest = await server.db
    .selectFrom("action_plan")
    .select("year")
    .where("cooperation_id", "=", cooperationId)
    .orderBy("year", "desc")
    .executeTakeFirst();
  let year = newest?.year;
  if (year === undefined) {
    year = 2014;
    const created = await createEmptyPlan(server.db, { cooperationId, userId: secretariat, year });
    const measures = await server.db
      .selectFrom("measure")
      .select("id")
      .where("cooperation_id", "=", cooperationId)
      .where("introduces_system", "=", 0)
      .where("status", "not in", ["completed", "discontinued"])
      .orderBy("number")
      .limit(2)
      .execute();
    for (const [i, m] of measures.entries()) {
      const row = await server.db
        .selectFrom("plan_version")
        .select("version")
        .where("id", "=", created.versionId)
        .executeTakeFirstOrThrow();
      await addPlanItem(server.db, {
        cooperationId,
        userId: secretariat,
        versionId: created.versionId,
        version: row.version,
        measureId: m.id,
        values: { budget: (i + 1) * 100_000_00, priority: i + 1, periodFrom: 2014, periodTo: 2016, milestones: "" },
      });
    }
  }
  for (let step = 0; step < 6; step++) {
    const plan = (await findPlanByYear(server.db, { cooperationId, year }))!;
    const latest = plan.versions[plan.versions.length - 1];
    const inputOpen = latest.status === "input" && latest.input_closed_at === null && latest.input_deadline! >= osloToday();
    const next: [string, TransitionRequest] | null =
      latest.status === "draft"
        ? [secretariat, { action: "sendForInput", inputDeadline: "2015-01-15" }]
        : inputOpen
          ? [secretariat, { action: "closeInput" }]
          : latest.status === "input" || latest.status === "returned"
            ? [secretariat, { action: "submit" }]
            : latest.status === "submitted"
              ? [board, { action: "approve", decision: DECISION }]
              : null;
    if (!next) break;
    await transitionPlanVersion(server.db, {
      cooperationId,
      userId: next[0],
      versionId: latest.id,
      version: latest.version,
      request: next[1],
    });
  }
  return year + 1;
}

async function loggedIn(javaScript: boolean, email: string) {
  const { context, page } = await newContext(browser, { javaScript });
  await login(page, server, email);
  return { context, page };
}

/** Submits a form of the plan page and waits until the page shows the plan in `status`. */
async function submitAndWait(page: Page, form: string, status: string): Promise<void> {
  await page.locator(`${form} button[type="submit"]`).first().click();
  await page.locator('[data-testid="plan-status"]', { hasText: status }).waitFor();
  await waitForHydration(page);
}

async function fillDecision(page: Page, form: string, _t: Messages, caseNumber: string, decisionText: string) {
  await page.locator(`${form} select[name="body"]`).selectOption("chief_executives");
  await page.locator(`${form} input[name="decidedOn"]`).fill("2016-02-11");
  await page.locator(`${form} input[name="caseNumber"]`).fill(caseNumber);
  await page.locator(`${form} textarea[name="text"]`).fill(decisionText);
}

describe.each([
  // each run types a budget the rolled item cannot already have
  { mode: "with JavaScript", javaScript: true, typed: "1 250 000,50", ore: 125_000_050 },
  { mode: "without JavaScript", javaScript: false, typed: "1 300 000,75", ore: 130_000_075 },
])("action plan workflow $mode", ({ javaScript, typed, ore }) => {
  it("rolls a year, edits a budget, goes through input, return, resubmit and approval; the diff shows the change", async () => {
    const year = await setUpRollableYear();
    const planPath = `/c/${SLUG}/plans/${year}`;
    const planRe = new RegExp(`^${planPath}$`);
    const sec = await loggedIn(javaScript, SECRETARIAT);
    try {
      const page = sec.page;
      const t = await messages(page);
      await visit(page, `${server.url}/c/${SLUG}/plans`);
      const roll = t.plan.list.roll.replace("{{year}}", String(year)).replace("{{previous}}", String(year - 1));
      expect(
        await page
          .locator("#roll-plan")
          .innerText()
          .catch(() => page.locator("main").innerText()),
      ).toContain(roll);
      await page.getByRole("button", { name: roll }).click();
      await page.waitForURL((url) => planRe.test(url.pathname));
      await waitForHydration(page);
      expect(await page.locator('main [role="status"]').innerText()).toContain(t.plan.toast.created);
      expect(text(await page.getByTestId("plan-status").innerText())).toContain(t.plan.status.draft);

      // the item form: add a measure if the roll carried nothing over, then change a budget
      await page.getByTestId("edit-items").click();
      await page.waitForURL((url) => url.pathname === `${planPath}/items`);
      await waitForHydration(page);
      if ((await page.locator('[data-testid^="item-form-"]').count()) === 0) {
        await page.locator('form#add-item button[type="submit"]').click();
        await page.locator('[data-testid^="item-form-"]').first().waitFor();
        await waitForHydration(page);
      }
      const itemForm = page.locator('[data-testid^="item-form-"]').first();
      const number = Number((await itemForm.getAttribute("data-testid"))!.replace("item-form-", ""));
      await itemForm.locator('input[name="budget"]').fill(typed);
      await itemForm.locator('form button[type="submit"]').first().click();
      await page.locator('main [role="status"]', { hasText: t.plan.toast.itemSaved }).waitFor();
      await waitForHydration(page);
      expect(await page.locator(`[data-testid="item-form-${number}"] input[name="budget"]`).inputValue()).toBe(typed);

      // out for input with a deadline, then to the board
      await visit(page, `${server.url}${planPath}`);
      expect(text(await page.getByTestId(`budget-${number}`).innerText())).toBe(text(formatNok("nb", ore)));
      await page.locator('#transition-sendForInput input[name="inputDeadline"]').fill(daysFromToday(14));
      await submitAndWait(page, "#transition-sendForInput", t.plan.status.input);
      expect(text(await page.getByTestId("plan-status").innerText())).toContain(t.plan.status.input);
      expect(await page.getByTestId("edit-items").count()).toBe(0);
      // the board gets the plan only once the input round is over: the secretariat closes it early
      expect(await page.locator("#transition-submit").count()).toBe(0);
      const closedEarly = t.plan.page.inputClosedEarly.split("{{date}}")[0];
      await page.locator('#transition-closeInput button[type="submit"]').click();
      await page.getByTestId("input-round").filter({ hasText: closedEarly }).waitFor();
      await waitForHydration(page);
      expect(await page.locator('main [role="status"]').innerText()).toContain(t.plan.toast.closeInput);
      await submitAndWait(page, "#transition-submit", t.plan.status.submitted);
      // the secretariat cannot decide
      expect(await page.locator("#transition-approve").count()).toBe(0);
    } finally {
      await sec.context.close();
    }

    // the board returns it
    const board = await loggedIn(javaScript, BOARD);
    try {
      const page = board.page;
      const t = await messages(page);
      await visit(page, `${server.url}${planPath}`);
      await fillDecision(page, "#transition-return", t, `3/${year % 100}`, "Budsjettet må justerast.");
      await submitAndWait(page, "#transition-return", t.plan.status.returned);
      expect(text(await page.getByTestId("plan-status").innerText())).toContain(t.plan.status.returned);
      expect(await page.getByTestId("decision-block").innerText()).toContain("Budsjettet må justerast.");
    } finally {
      await board.context.close();
    }

    // the secretariat resubmits
    const sec2 = await loggedIn(javaScript, SECRETARIAT);
    try {
      const page = sec2.page;
      const t = await messages(page);
      await visit(page, `${server.url}${planPath}`);
      await submitAndWait(page, "#transition-submit", t.plan.status.submitted);
    } finally {
      await sec2.context.close();
    }

    // the board approves with a decision; a missing decision text is refused first
    const board2 = await loggedIn(javaScript, BOARD);
    try {
      const page = board2.page;
      const t = await messages(page);
      await visit(page, `${server.url}${planPath}`);
      await page.locator('#transition-approve textarea[name="text"]').fill("");
      await page.locator('#transition-approve button[type="submit"]').click();
      await page.locator(".ds-error-summary").waitFor();
      expect(await page.locator(".ds-error-summary").innerText()).toContain(t.validation.required);
      // a case number archives would not write, a text of one letter and tomorrow's date: each refused, all kept
      await page.locator('#transition-approve input[name="decidedOn"]').fill(daysFromToday(1));
      await page.locator('#transition-approve input[name="caseNumber"]').fill("abc");
      await page.locator('#transition-approve textarea[name="text"]').fill("x");
      await page.locator('#transition-approve button[type="submit"]').click();
      await page.locator(".ds-error-summary", { hasText: t.decision.validation.textTooShort }).waitFor();
      await waitForHydration(page);
      const summary = await page.locator(".ds-error-summary").innerText();
      for (const message of [
        t.decision.validation.caseNumber,
        t.decision.validation.futureDate,
        t.decision.validation.textTooShort,
      ]) {
        expect(summary).toContain(message);
      }
      expect(await page.locator('#transition-approve input[name="decidedOn"]').inputValue()).toBe(daysFromToday(1));
      expect(await page.locator('#transition-approve input[name="caseNumber"]').inputValue()).toBe("abc");
      expect(await page.locator('#transition-approve textarea[name="text"]').inputValue()).toBe("x");
      expect(text(await page.getByTestId("plan-status").innerText())).toContain(t.plan.status.submitted);
      await fillDecision(page, "#transition-approve", t, "21/16", "Rådmannsutvalet godkjenner handlingsplanen.");
      await submitAndWait(page, "#transition-approve", t.plan.status.approved);
      expect(await page.locator('main [role="status"]').innerText()).toContain(t.plan.toast.approve);
      expect(text(await page.getByTestId("plan-status").innerText())).toContain(t.plan.status.approved);
      const decision = await page.getByTestId("decision-block").innerText();
      expect(decision).toContain("21/16");
      expect(decision).toContain("Rådmannsutvalet godkjenner handlingsplanen.");
      expect(decision).toContain(t.decision.bodies.chief_executives);
      expect(await page.getByTestId("plan-actions").count()).toBe(0);
      expect(await page.getByTestId("edit-items").count()).toBe(0);
      expect(await page.locator("main form").count()).toBe(0);
      const timeline = await page.getByTestId("plan-timeline").innerText();
      for (const step of ["sendForInput", "closeInput", "submit", "return", "approve"] as const) {
        expect(timeline).toContain(t.plan.timelineAction[step]);
      }

      // the diff against last year's approved plan shows the budget change in words
      await visit(page, `${server.url}${planPath}/diff`);
      const row = text(
        await page.locator(`[data-testid="diff-last-year"] [data-testid="diff-row-${await firstChanged(page)}"]`).innerText(),
      );
      expect(row).toContain(t.plan.diff.changed);
      expect(row).toContain(text(formatNok("nb", ore)));
    } finally {
      await board2.context.close();
    }

    // approved: the secretariat sees the decision, no item editing, and the item page says why
    const sec3 = await loggedIn(javaScript, SECRETARIAT);
    try {
      const page = sec3.page;
      const t = await messages(page);
      await visit(page, `${server.url}${planPath}`);
      expect(await page.getByTestId("decision-block").innerText()).toContain("21/16");
      expect(await page.getByTestId("edit-items").count()).toBe(0);
      await visit(page, `${server.url}${planPath}/items`);
      expect(await page.locator('input[name="budget"]').count()).toBe(0);
      expect(await page.locator("main").innerText()).toContain(t.plan.status.approved);
    } finally {
      await sec3.context.close();
    }
  }, 120_000);
});

/** The measure number of the first changed row of the diff against last year. */
async function firstChanged(page: Page): Promise<string> {
  const rows = page.locator('[data-testid="diff-last-year"] tr[data-testid^="diff-row-"]');
  const t = await messages(page);
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    if ((await row.innerText()).includes(t.plan.diff.changed))
      return (await row.getAttribute("data-testid"))!.replace("diff-row-", "");
  }
  throw new Error("no changed row in the diff");
}

async function newestPlanYear(): Promise<number> {
  const { cooperationId } = await ids();
  return (
    await server.db
      .selectFrom("action_plan")
      .select("year")
      .where("cooperation_id", "=", cooperationId)
      .orderBy("year", "desc")
      .executeTakeFirstOrThrow()
  ).year;
}

describe("who may move a plan", () => {
  it.each([REPORTER, VIEWER])("%s sees no action buttons and gets 403 from every transition and the item form", async (email) => {
    const year = await newestPlanYear();
    const { context, page } = await loggedIn(true, email);
    try {
      const response = await visit(page, `${server.url}/c/${SLUG}/plans/${year}`);
      expect(response?.status()).toBe(200);
      expect(await page.getByTestId("plan-actions").count()).toBe(0);
      expect(await page.getByTestId("edit-items").count()).toBe(0);
      expect(await page.locator("main form").count()).toBe(0);
      expect((await visit(page, `${server.url}/c/${SLUG}/plans/${year}/items`))?.status()).toBe(403);
    } finally {
      await context.close();
    }
    const cookie = await loginCookie(server, email);
    const auditCount = async () => (await server.db.selectFrom("audit_event").select("id").execute()).length;
    const before = await auditCount();
    const posts: [string, Record<string, string>][] = [
      ...["sendForInput", "closeInput", "submit", "approve", "return", "reopen", "amend"].map(
        (intent) =>
          [
            `/c/${SLUG}/plans/${year}?index`,
            { intent, versionNo: "1", version: "1", inputDeadline: "2030-01-01", ...DECISION },
          ] as [string, Record<string, string>],
      ),
      [`/c/${SLUG}/plans?index`, { year: String(year + 1), mode: "roll" }],
      [`/c/${SLUG}/plans/${year}/items`, { intent: "remove", itemId: "x", version: "1" }],
    ];
    for (const [path, body] of posts) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body),
      });
      expect(response.status, `POST ${path} ${body.intent ?? ""}`).toBe(403);
    }
    expect(await auditCount()).toBe(before);
  });

  it("a plan for a year that exists is refused with a clear message", async () => {
    const year = await newestPlanYear();
    const cookie = await loginCookie(server, SECRETARIAT);
    const response = await fetch(`${server.url}/c/${SLUG}/plans?index`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ year: String(year), mode: "roll" }),
    });
    expect(response.status).toBe(409);
    const body = await response.text();
    // the page is in the user's or the cooperation's language
    expect([nb, nn, en].some((m) => body.includes(m.plan.errors.exists))).toBe(true);
  });
});

describe("accessibility of the plan pages", () => {
  it("axe finds nothing on the list, a draft and an approved plan, the diff and the item form, in nb and nn", async () => {
    // an amendment gives the newest year a draft version 2 next to its approved version 1
    const year = (await setUpRollableYear()) - 1;
    const { cooperationId, secretariat } = await ids();
    const plan = (await findPlanByYear(server.db, { cooperationId, year }))!;
    const approved = plan.versions[plan.versions.length - 1];
    expect(approved.status).toBe("approved");
    await transitionPlanVersion(server.db, {
      cooperationId,
      userId: secretariat,
      versionId: approved.id,
      version: approved.version,
      request: { action: "amend" },
    });
    const { context, page } = await loggedIn(true, SECRETARIAT);
    try {
      for (const lang of ["nb", "nn"] as const) {
        await switchLanguage(page, lang);
        for (const [label, path] of [
          ["plan list", `/c/${SLUG}/plans`],
          ["draft plan", `/c/${SLUG}/plans/${year}`],
          ["approved plan", `/c/${SLUG}/plans/${year}?version=${approved.version_no}`],
          ["diff", `/c/${SLUG}/plans/${year}/diff`],
          ["item form", `/c/${SLUG}/plans/${year}/items`],
        ] as const) {
          const response = await visit(page, `${server.url}${path}`);
          expect(response?.status(), path).toBe(200);
          expect(await htmlLang(page)).toBe(lang);
          await expectNoAxeViolations(page, `${label} (${lang})`);
        }
      }
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("refusals of the input round's rules, through the server", () => {
  it("refuses to send a plan to the board while its input round is open, with the reason on the plan page", async () => {
    const { cooperationId, secretariat } = await ids();
    const year = 2006;
    const { versionId } = await createEmptyPlan(server.db, { cooperationId, userId: secretariat, year });
    await transitionPlanVersion(server.db, {
      cooperationId,
      userId: secretariat,
      versionId,
      version: 1,
      request: { action: "sendForInput", inputDeadline: daysFromToday(7) },
    });
    const { version } = await server.db
      .selectFrom("plan_version")
      .select("version")
      .where("id", "=", versionId)
      .executeTakeFirstOrThrow();
    const cookie = await loginCookie(server, SECRETARIAT);
    const refused = await fetch(`${server.url}/c/${SLUG}/plans/${year}?index`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "submit", versionNo: "1", version: String(version) }),
    });
    expect(refused.status).toBe(302);
    const toast = refused.headers
      .getSetCookie()
      .find((c) => c.startsWith("fl_toast="))!
      .split(";")[0];
    const page = await fetch(`${server.url}${refused.headers.get("location")}`, { headers: { Cookie: `${cookie}; ${toast}` } });
    const html = await page.text();
    expect([nb, nn, en].some((m) => html.includes(m.plan.refused.inputOpen))).toBe(true);
    expect(
      (await server.db.selectFrom("plan_version").select("status").where("id", "=", versionId).executeTakeFirstOrThrow()).status,
    ).toBe("input");
  });
});

describe("a refused decision keeps what was typed", () => {
  it("answers an approval the plan has moved past with the decision as typed and the reason, without JavaScript", async () => {
    const { cooperationId, secretariat } = await ids();
    // a year before every other plan, so the rolling tests above never pick it
    const year = 2005;
    const { versionId } = await createEmptyPlan(server.db, { cooperationId, userId: secretariat, year });
    for (const request of [
      { action: "sendForInput", inputDeadline: "2004-11-12" },
      { action: "submit" },
    ] as TransitionRequest[]) {
      const { version } = await server.db
        .selectFrom("plan_version")
        .select("version")
        .where("id", "=", versionId)
        .executeTakeFirstOrThrow();
      await transitionPlanVersion(server.db, { cooperationId, userId: secretariat, versionId, version, request });
    }
    const typed = "Rådmannsutvalet godkjenner handlingsplanen for 2005 med dei merknadene som kom i møtet";
    const response = await fetch(`${server.url}/c/${SLUG}/plans/${year}?index`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: await loginCookie(server, BOARD),
        Origin: server.origin,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      // the form was loaded before the secretariat's last change: its row version is behind
      body: new URLSearchParams({
        intent: "approve",
        versionNo: "1",
        version: "1",
        body: "chief_executives",
        decidedOn: "2004-12-02",
        caseNumber: "2004 / 118",
        text: typed,
      }),
    });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain(typed);
    expect(html).toContain('value="2004 / 118"');
    expect([nb, nn, en].some((m) => html.includes(m.form.staleVersion))).toBe(true);
    const row = await server.db
      .selectFrom("plan_version")
      .select(["status", "decision_id"])
      .where("id", "=", versionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "submitted", decision_id: null });
  });
});
