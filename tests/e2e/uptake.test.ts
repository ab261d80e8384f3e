/*
 * Uptake reporting in Chromium, with and without JavaScript: the Giske reporter updates
 * three measures in one table, one of which completes the open round, and submits the round; a step back
 * without a comment is refused with the row named, what was typed kept and nothing saved; after a
 * successful save the comment fields are empty again, so a second save reports nothing twice; the
 * secretariat opens a round, sees Sula missing, reminds Sula, and the e-mail reaches the outbox.
 *
 * Each test gets its own server (a fresh copy of the demo database), so no test sees another's
 * reports, rounds or e-mail, whatever order they run in. The background job runs every 200 ms so
 * queued e-mail moves to the outbox quickly. The axe scans of these pages are in accessibility.test.ts.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language, UptakeStatus } from "../../db/schema";
import { en, nb, type Messages, nn } from "../support/texts";
import { UPTAKE_SCALE } from "../../shared-schema/uptake";
import { EKOMMUNE } from "../../seeds/demo-content";
import { OPEN_ROUND as DEMO_OPEN_ROUND } from "../../seeds/later-content";
import { htmlLang, launchBrowser, login, newContext, pathOf, visit, waitForHydration } from "../support/browser";
import { serverForEachTest, type TestServer } from "../support/server";

const MESSAGES: Record<Language, Messages> = { nb, nn, en };
const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const GISKE = "ikt@giske.example";
const SULA = "ikt@sula.example";
/** the open round of the demo data: Giske has answered measures 11 and 12 of 11, 12 and 13 */
const OPEN_ROUND = DEMO_OPEN_ROUND.name;
const DAY = 24 * 60 * 60 * 1000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function messages(page: Page): Promise<Messages> {
  return MESSAGES[((await htmlLang(page)) ?? "nb") as Language];
}

/** A translation with its {{values}} filled in, as i18next does it. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The plural form i18next picks for `count` in nb, nn and en (one / other). */
function plural(forms: { one: string; other: string }, count: number, values: Record<string, string | number> = {}): string {
  return fill(count === 1 ? forms.one : forms.other, { count, ...values });
}

const toast = (page: Page) => page.locator('main [role="status"]');

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("uptake reporting $mode", ({ mode, javaScript }) => {
  let server: TestServer;

  serverForEachTest((s) => (server = s), { JOB_INTERVAL_MS: "200" });

  async function ids() {
    const cooperation = await server.db.selectFrom("cooperation").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow();
    const user = async (email: string) =>
      (await server.db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    const municipality = async (name: string) =>
      (await server.db.selectFrom("municipality").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
    const openRound = await server.db
      .selectFrom("reporting_round")
      .select("id")
      .where("cooperation_id", "=", cooperation.id)
      .where("name", "=", OPEN_ROUND)
      .executeTakeFirstOrThrow();
    return {
      cooperationId: cooperation.id,
      giskeUser: await user(GISKE),
      giske: await municipality("Giske"),
      sula: await municipality("Sula"),
      openRoundId: openRound.id,
    };
  }

  async function measureIds(cooperationId: string, numbers: number[]): Promise<Map<number, string>> {
    const rows = await server.db
      .selectFrom("measure")
      .select(["id", "number"])
      .where("cooperation_id", "=", cooperationId)
      .where("number", "in", numbers)
      .execute();
    return new Map(rows.map((r) => [r.number, r.id]));
  }

  async function reportIds(municipalityId: string): Promise<Set<string>> {
    const rows = await server.db.selectFrom("uptake_report").select("id").where("municipality_id", "=", municipalityId).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The `i` of the row's `rows[i].…` fields, read from its status select's id (row-{i}-status). */
  async function rowIndex(page: Page, measure: number): Promise<number> {
    const id = await page.locator(`form#bulk-uptake tr[data-measure="${measure}"] select`).getAttribute("id");
    const match = /^row-(\d+)-status$/.exec(id ?? "");
    if (!match) throw new Error(`no status select in the row of measure ${measure} (id ${id})`);
    return Number(match[1]);
  }

  const roundBox = (page: Page) => page.locator("main section.ds-alert", { hasText: OPEN_ROUND });

  it("the Giske reporter updates three measures at once, completes the open round and submits it", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      const { cooperationId, giskeUser, giske, openRoundId } = await ids();
      const before = await reportIds(giske);
      await login(page, server, GISKE);
      await visit(page, `${server.url}/c/${SLUG}/uptake`);
      const t = await messages(page);
      expect(await page.locator("main h1").innerText()).toBe(fill(t.uptake.title, { municipality: "Giske" }));
      expect(await roundBox(page).innerText()).toContain(fill(t.uptake.round.progress, { answered: 2, asked: 3 }));

      // one step forward on the scale from what the page shows: the round's measure not yet answered, and two others
      const changes = new Map<number, { index: number; from: UptakeStatus; to: UptakeStatus; comment: string }>();
      for (const measure of [13, 1, 9]) {
        const index = await rowIndex(page, measure);
        const select = page.locator(`#row-${index}-status`);
        const from = (await select.inputValue()) as UptakeStatus;
        const position = UPTAKE_SCALE.indexOf(from);
        expect(position, `measure ${measure} is at ${from}, which has a next step`).toBeLessThan(UPTAKE_SCALE.length - 1);
        const to = UPTAKE_SCALE[position + 1];
        await select.selectOption(to);
        const comment = measure === 9 ? `Opne standardar er no eit krav i alle innkjøp (${mode}).` : "";
        if (comment) await page.locator(`#row-${index}-comment`).fill(comment);
        changes.set(measure, { index, from, to, comment });
      }
      await page.locator('form#bulk-uptake button[type="submit"]').click();
      await toast(page)
        .filter({ hasText: plural({ one: t.uptake.savedMany_one, other: t.uptake.savedMany_other }, 3) })
        .waitFor();
      await waitForHydration(page);
      expect(pathOf(page)).toBe(`/c/${SLUG}/uptake`);

      // the table shows the new current statuses
      for (const [measure, change] of changes) {
        const row = page.locator(`form#bulk-uptake tr[data-measure="${measure}"]`);
        expect(await row.locator("td").first().locator("strong").innerText(), `current status of ${measure}`).toBe(
          t.uptakeStatus[change.to],
        );
        expect(await row.locator("select").inputValue()).toBe(change.to);
        if (change.comment) expect(await row.locator("td").first().innerText()).toContain(change.comment);
      }

      // exactly three new reports, by Giske's reporter; the one on the round's measure answers the round
      const measures = await measureIds(cooperationId, [...changes.keys()]);
      const rows = (
        await server.db
          .selectFrom("uptake_report")
          .select(["id", "measure_id", "status", "comment", "reporter_id", "round_id", "cooperation_id"])
          .where("municipality_id", "=", giske)
          .execute()
      ).filter((r) => !before.has(r.id));
      expect(rows).toHaveLength(3);
      for (const [measure, change] of changes) {
        const row = rows.find((r) => r.measure_id === measures.get(measure));
        expect(row, `a new report on measure ${measure}`).toBeDefined();
        expect(row).toMatchObject({
          status: change.to,
          comment: change.comment,
          reporter_id: giskeUser,
          round_id: DEMO_OPEN_ROUND.measures.includes(measure) ? openRoundId : null,
          cooperation_id: cooperationId,
        });
      }

      // the round box: every measure answered; submit for Giske
      const box = roundBox(page);
      expect(await box.innerText()).toContain(fill(t.uptake.round.progress, { answered: 3, asked: 3 }));
      expect(await box.innerText()).not.toContain(fill(t.uptake.round.missing, { measures: "" }).trim());
      await box.getByRole("button", { name: fill(t.uptake.round.submit, { municipality: "Giske" }) }).click();
      await toast(page).filter({ hasText: t.uptake.round.submittedToast }).waitFor();
      await waitForHydration(page);
      expect(await roundBox(page).innerText()).toContain(fill(t.uptake.round.submitted, { date: "" }).replace(/\s*\.$/, ""));
      expect(await roundBox(page).getByRole("button").count()).toBe(0);
      const submission = await server.db
        .selectFrom("round_submission")
        .select(["submitted_by", "returned_at"])
        .where("round_id", "=", openRoundId)
        .where("municipality_id", "=", giske)
        .execute();
      expect(submission).toEqual([{ submitted_by: giskeUser, returned_at: null }]);

      // the measure page shows Giske's timeline, open, with the new report and its comment on top
      await visit(page, `${server.url}/c/${SLUG}/measures/9`);
      const timeline = page.locator('main details[data-municipality="Giske"]');
      expect(await timeline.getAttribute("open")).not.toBeNull();
      expect(await timeline.innerText()).toContain(changes.get(9)!.comment);
      expect(await page.locator('[data-testid="uptake-summary"]').innerText()).toContain(t.measure.uptake);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("a step back without a comment is refused next to the row and in the summary, keeps what was typed and saves nothing", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      const { giske } = await ids();
      const before = await reportIds(giske);
      await login(page, server, GISKE);
      await visit(page, `${server.url}/c/${SLUG}/uptake`);
      const t = await messages(page);

      // measure 1 is "in use" for Giske: one step back, no comment; a comment on measure 2 that must survive
      const back = await rowIndex(page, 1);
      const from = (await page.locator(`#row-${back}-status`).inputValue()) as UptakeStatus;
      expect(from).toBe("in_use");
      const to = UPTAKE_SCALE[UPTAKE_SCALE.indexOf(from) - 1];
      await page.locator(`#row-${back}-status`).selectOption(to);
      const other = await rowIndex(page, 2);
      const typed = `Kommentar som skal bli ståande (${mode}).`;
      await page.locator(`#row-${other}-comment`).fill(typed);
      await page.locator('form#bulk-uptake button[type="submit"]').click();

      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      await waitForHydration(page);
      if (javaScript) {
        await page.waitForFunction(() => document.activeElement?.classList.contains("ds-error-summary"));
      }
      const measureName = (await page.locator(`form#bulk-uptake tr[data-measure="1"] th a`).innerText()).replace(/^1\.\s*/, "");
      const summaryText = await summary.innerText();
      expect(summaryText).toContain(t.uptake.validation.backwardsNeedsComment);
      expect(summaryText).toContain(fill(t.uptake.commentFor, { name: measureName }));
      // the summary links to the row's comment, which is marked invalid and described by its error
      expect(await summary.locator(`a[href="#row-${back}-comment"]`).count()).toBe(1);
      const comment = page.locator(`#row-${back}-comment`);
      expect(await comment.getAttribute("aria-invalid")).toBe("true");
      expect(await comment.getAttribute("aria-describedby")).toContain(`row-${back}-comment-error`);
      expect(await page.locator(`#row-${back}-comment-error`).innerText()).toContain(t.uptake.validation.backwardsNeedsComment);
      // no other row is marked
      expect(await page.locator('form#bulk-uptake [aria-invalid="true"]').count()).toBe(1);

      // what was typed stays, nothing was saved, no success toast
      expect(await page.locator(`#row-${back}-status`).inputValue()).toBe(to);
      expect(await page.locator(`#row-${other}-comment`).inputValue()).toBe(typed);
      expect(await toast(page).count()).toBe(0);
      // a failed post stays on the page (Remix posts an index route to `?index`)
      expect(new URL(page.url()).pathname).toBe(`/c/${SLUG}/uptake`);
      expect(await reportIds(giske)).toEqual(before);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("after a successful save the form is empty again, so saving once more reports nothing twice", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      const { giske } = await ids();
      await login(page, server, GISKE);
      await visit(page, `${server.url}/c/${SLUG}/uptake`);
      const t = await messages(page);
      const index = await rowIndex(page, 1);
      const comment = `Fiberringen er ferdig, alle skulane er kopla på (${mode}).`;
      await page.locator(`#row-${index}-comment`).fill(comment);
      await page.locator('form#bulk-uptake button[type="submit"]').click();
      // (the first save also answers whatever the open round still asks about, so the count varies)
      await toast(page).waitFor();
      await waitForHydration(page);
      expect(await toast(page).innerText()).not.toContain(t.uptake.validation.nothingToSave);
      const commented = async () =>
        (
          await server.db
            .selectFrom("uptake_report")
            .select("id")
            .where("municipality_id", "=", giske)
            .where("comment", "=", comment)
            .execute()
        ).length;
      expect(await commented()).toBe(1);
      const after = await reportIds(giske);

      // the comment now shows as the current report's, and the field is empty again
      expect(await page.locator(`form#bulk-uptake tr[data-measure="1"] td`).first().innerText()).toContain(comment);
      expect(await page.locator(`#row-${index}-comment`).inputValue(), "comment field after a successful save").toBe("");
      // pressing save again changes nothing: the server says there is nothing to save
      await page.locator('form#bulk-uptake button[type="submit"]').click();
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });
      expect(await summary.innerText()).toContain(t.uptake.validation.nothingToSave);
      expect(await commented()).toBe(1);
      expect(await reportIds(giske)).toEqual(after);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("the secretariat opens a round, sees Sula missing and sends a reminder that reaches the outbox", async () => {
    const { context, page } = await newContext(browser, { javaScript });
    try {
      const { cooperationId, sula } = await ids();
      await login(page, server, SECRETARIAT);
      await visit(page, `${server.url}/c/${SLUG}/rounds/new`);
      const t = await messages(page);
      const name = `Statusrapportering 2026 (${mode})`;
      const deadline = new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10);
      const measures = await measureIds(cooperationId, [1, 2]);
      const form = page.locator("form#round");
      await form.locator('[name="name"]').fill(name);
      await form.locator('[name="deadline"]').fill(deadline);
      for (const id of measures.values()) await form.locator(`input[name="measures"][value="${id}"]`).check();
      await form.locator('button[type="submit"]').click();
      await page.waitForURL((url) => /^\/c\/[^/]+\/rounds\/[0-9a-f-]{36}$/.test(url.pathname));
      await waitForHydration(page);
      const roundId = pathOf(page).split("/").pop()!;

      const round = await server.db
        .selectFrom("reporting_round")
        .select(["name", "deadline", "cooperation_id", "closed_at"])
        .where("id", "=", roundId)
        .executeTakeFirstOrThrow();
      expect(round).toEqual({ name, deadline, cooperation_id: cooperationId, closed_at: null });
      const asked = await server.db.selectFrom("round_measure").select("measure_id").where("round_id", "=", roundId).execute();
      expect(asked.map((r) => r.measure_id).sort()).toEqual([...measures.values()].sort());

      // "round opened" e-mail to the reporters of every asked municipality, and the toast says how many
      const askedNames = await page
        .locator("main tr[data-municipality]")
        .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.municipality!));
      expect(askedNames).toContain("Giske");
      expect(askedNames).toContain("Sula");
      const reporters = await server.db
        .selectFrom("role_grant")
        .innerJoin("app_user", "app_user.id", "role_grant.user_id")
        .innerJoin("municipality", "municipality.id", "role_grant.municipality_id")
        .select(["app_user.email", "municipality.name"])
        .where("role_grant.cooperation_id", "=", cooperationId)
        .where("role_grant.role", "=", "reporter")
        .execute();
      const expectedOpened = reporters.filter((r) => askedNames.includes(r.name)).map((r) => r.email);
      expect(expectedOpened).toEqual(expect.arrayContaining([GISKE, SULA]));
      const mailOf = (kind: "round_opened" | "round_reminder") =>
        server.db
          .selectFrom("mail_message")
          .select(["to_address", "municipality_id", "cooperation_id"])
          .where("round_id", "=", roundId)
          .where("kind", "=", kind)
          .execute();
      const opened = await mailOf("round_opened");
      expect(opened.map((m) => m.to_address).sort()).toEqual([...expectedOpened].sort());
      expect(opened.every((m) => m.cooperation_id === cooperationId)).toBe(true);
      expect(await toast(page).innerText()).toContain(
        plural({ one: t.round.form.opened_one, other: t.round.form.opened_other }, opened.length),
      );
      expect(await page.locator("main h1").innerText()).toBe(fill(t.round.detail.title, { name }));

      // Sula has answered nothing; remind Sula alone
      const sulaRow = page.locator('main tr[data-municipality="Sula"]');
      expect(await sulaRow.getAttribute("data-state")).toBe("missing");
      expect(await page.locator('main tr[data-municipality="Sula"][data-state="missing"]').count()).toBe(1);
      expect(await sulaRow.innerText()).toContain(t.round.states.missing);
      expect(await mailOf("round_reminder")).toEqual([]);
      await sulaRow.getByRole("button", { name: fill(t.round.detail.remindFor, { name: "Sula" }), exact: true }).click();
      await toast(page)
        .filter({ hasText: plural({ one: t.round.detail.reminded_one, other: t.round.detail.reminded_other }, 1) })
        .waitFor();
      await waitForHydration(page);
      expect(pathOf(page)).toBe(`/c/${SLUG}/rounds/${roundId}`);
      const reminders = await mailOf("round_reminder");
      expect(reminders).toEqual([{ to_address: SULA, municipality_id: sula, cooperation_id: cooperationId }]);

      // the background job moves it to the outbox (no SMTP_URL); the secretariat reads it at /mail
      const message = page
        .locator('main tr[data-testid="mail-message"]')
        .filter({ hasText: SULA })
        .filter({ hasText: name })
        .filter({ hasText: t.mail.page.kind.round_reminder });
      const deadlineAt = Date.now() + 10_000;
      let status: string | null = null;
      for (;;) {
        await visit(page, `${server.url}/c/${SLUG}/mail`);
        expect(pathOf(page)).toBe(`/c/${SLUG}/mail`);
        status = (await message.count()) === 1 ? await message.getAttribute("data-status") : null;
        if (status === "outbox" || Date.now() > deadlineAt) break;
        await page.waitForTimeout(300);
      }
      expect(status, "the reminder to Sula reached the outbox").toBe("outbox");
      expect(await message.locator('[data-testid="mail-status"]').innerText()).toContain(t.mail.page.status.outbox);
      expect(await page.locator("main").innerText()).toContain(t.mail.page.noServer);
      const stored = await server.db
        .selectFrom("mail_message")
        .select(["status", "sent_at"])
        .where("round_id", "=", roundId)
        .where("kind", "=", "round_reminder")
        .executeTakeFirstOrThrow();
      expect(stored.status).toBe("outbox");
    } finally {
      await context.close();
    }
  }, 90_000);
});
