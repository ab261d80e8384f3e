/*
 * Logging in and out through the real form, what each demo role lands on and may open, and the
 * language switch — in Chromium, once with JavaScript and once without.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CooperationRole, Language } from "../../db/schema";
import { en, nb, type Messages, nn } from "../support/texts";
import { EKOMMUNE, KNUTEPUNKT } from "../../seeds/demo-content";
import {
  htmlLang,
  login,
  logout,
  newContext,
  pathOf,
  SITE_HEADER,
  submitLoginForm,
  switchLanguage,
  visit,
  withServerAndBrowser,
} from "../support/browser";
import { type TestServer } from "../support/server";

const MESSAGES: Record<Language, Messages> = { nb, nn, en };

interface CooperationUser {
  email: string;
  slug: string;
  cooperation: string;
  role: CooperationRole;
  municipality?: string;
  /** what the overview is shown in for a user who has not chosen a language */
  lang: Language;
}

const COOPERATION_USERS: CooperationUser[] = [
  {
    email: "sekretariat@ekommune-sunnmore.example",
    slug: EKOMMUNE.slug,
    cooperation: EKOMMUNE.name,
    role: "secretariat",
    lang: "nn",
  },
  { email: "styre@ekommune-sunnmore.example", slug: EKOMMUNE.slug, cooperation: EKOMMUNE.name, role: "board", lang: "nn" },
  { email: "lesar@ekommune-sunnmore.example", slug: EKOMMUNE.slug, cooperation: EKOMMUNE.name, role: "viewer", lang: "nn" },
  {
    email: "ikt@giske.example",
    slug: EKOMMUNE.slug,
    cooperation: EKOMMUNE.name,
    role: "reporter",
    municipality: "Giske",
    lang: "nn",
  },
  {
    email: "ikt@sula.example",
    slug: EKOMMUNE.slug,
    cooperation: EKOMMUNE.name,
    role: "reporter",
    municipality: "Sula",
    lang: "nn",
  },
  {
    email: "sekretariat@knutepunkt-sorlandet.example",
    slug: KNUTEPUNKT.slug,
    cooperation: KNUTEPUNKT.name,
    role: "secretariat",
    lang: "nb",
  },
];

const ADMIN = "admin@fellesloft.example";
/** text only a member can see: a measure of eKommune Sunnmøre's catalogue */
const EKOMMUNE_DATA = "Felles katalogløysing";

async function pageLanguage(page: Page): Promise<Language> {
  const lang = await htmlLang(page);
  expect(["nb", "nn", "en"], `<html lang> is ${lang}`).toContain(lang);
  return lang as Language;
}

async function h1(page: Page): Promise<string> {
  return (await page.locator("main h1").innerText()).trim();
}

/** The <dd> that follows the <dt> labelled `label` on the overview. */
async function definition(page: Page, label: string): Promise<string> {
  const dt = page.locator("main dl dt", { hasText: label });
  expect(await dt.count(), `a <dt> "${label}" on ${pathOf(page)}`).toBe(1);
  return (await dt.locator("xpath=following-sibling::dd[1]").innerText()).trim();
}

/** Opens `path` and asserts the not-found page: status 404 and the translated heading. */
async function expectNotFound(page: Page, server: TestServer, path: string): Promise<void> {
  const response = await visit(page, `${server.url}${path}`);
  expect(response?.status(), `status of ${path}`).toBe(404);
  expect(pathOf(page), "no redirect on the way to the 404 page").toBe(path);
  const t = MESSAGES[await pageLanguage(page)];
  expect(await h1(page)).toBe(t.errors.notFound.title);
  await expect(page.locator("main").innerText()).resolves.not.toContain(EKOMMUNE_DATA);
}

async function headerNavLinks(page: Page): Promise<string[]> {
  return (await page.locator(`${SITE_HEADER} nav a`).allInnerTexts()).map((s) => s.trim());
}

async function setAccountLanguage(server: TestServer, email: string, language: Language | null): Promise<void> {
  await server.db.updateTable("app_user").set({ language }).where("email", "=", email).execute();
}

async function accountLanguage(server: TestServer, email: string): Promise<Language | null> {
  const row = await server.db.selectFrom("app_user").select("language").where("email", "=", email).executeTakeFirstOrThrow();
  return row.language;
}

let server: TestServer;
let browser: Browser;
withServerAndBrowser((s, b) => ([server, browser] = [s, b]));

describe.each([
  { mode: "with JavaScript", javaScript: true },
  { mode: "without JavaScript", javaScript: false },
])("login and roles $mode", ({ javaScript }) => {
  async function fresh(viewport?: { width: number; height: number }) {
    return newContext(browser, { javaScript, viewport });
  }

  it.each(COOPERATION_USERS)("$email lands on /c/$slug as $role and sees only its own cooperation", async (user) => {
    const { context, page } = await fresh();
    try {
      await login(page, server, user.email);
      expect(pathOf(page)).toBe(`/c/${user.slug}`);
      const lang = await pageLanguage(page);
      expect(lang, "the cooperation's (or the municipality's) language").toBe(user.lang);
      const t = MESSAGES[lang];

      expect(await h1(page)).toBe(user.cooperation);
      const expectedRoles = t.roles[user.role] + (user.municipality ? ` (${user.municipality})` : "");
      expect(await definition(page, t.cooperation.yourRoles)).toBe(expectedRoles);
      if (user.role === "reporter") {
        const others = COOPERATION_USERS.filter((u) => u.municipality && u.municipality !== user.municipality);
        for (const other of others) expect(await definition(page, t.cooperation.yourRoles)).not.toContain(other.municipality);
      }
      // the header offers this cooperation only, and no platform administration
      expect(await headerNavLinks(page)).toEqual([user.cooperation]);
      expect(await page.locator(SITE_HEADER).innerText()).toContain(t.shell.logout);

      await expectNotFound(page, server, "/admin");
      const other = user.slug === EKOMMUNE.slug ? KNUTEPUNKT.slug : EKOMMUNE.slug;
      await expectNotFound(page, server, `/c/${other}`);
      // still signed in after the refusals: the own cooperation opens again
      await visit(page, `${server.url}/c/${user.slug}`);
      expect(await h1(page)).toBe(user.cooperation);
    } finally {
      await context.close();
    }
  });

  it("the platform admin lands on / and can open /admin, but no cooperation", async () => {
    const { context, page } = await fresh();
    try {
      await login(page, server, ADMIN);
      expect(pathOf(page)).toBe("/");
      const t = MESSAGES[await pageLanguage(page)];
      expect(await h1(page)).toBe("Fellesløft");
      expect(await page.locator("main").innerText()).toContain(t.home.noCooperations);
      expect(await headerNavLinks(page)).toEqual([t.shell.platformAdmin]);

      await page.locator(`${SITE_HEADER} nav a`, { hasText: t.shell.platformAdmin }).click();
      await page.waitForURL((url) => url.pathname === "/admin");
      await page.locator("main table").waitFor();
      expect(await h1(page)).toBe(t.admin.title);
      const table = page.locator("main table");
      expect((await table.locator("caption").innerText()).trim()).toBe(t.admin.cooperations);
      const rows = (await table.locator("tbody tr").allInnerTexts()).join("\n");
      for (const c of [EKOMMUNE, KNUTEPUNKT]) {
        expect(rows).toContain(c.name);
        expect(rows).toContain(c.slug);
      }
      // membership, not platform administration, opens a cooperation
      await expectNotFound(page, server, `/c/${EKOMMUNE.slug}`);
    } finally {
      await context.close();
    }
  });

  /** With JavaScript: the summary is document.activeElement. Without: the server rendered it with autofocus. */
  async function expectSummaryFocused(page: Page, when: string): Promise<void> {
    const summary = page.locator("main .ds-error-summary");
    if (javaScript) {
      const focused = await page
        .waitForFunction(() => document.activeElement?.classList.contains("ds-error-summary") ?? false, undefined, {
          timeout: 5_000,
        })
        .then(
          () => "the error summary",
          () => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? "nothing"),
        );
      expect(focused, `document.activeElement ${when}`).toBe("the error summary");
    } else {
      // the browser moves focus by the autofocus attribute; scripts cannot be asked here
      expect(await summary.getAttribute("autofocus"), `autofocus on the summary ${when}`).not.toBeNull();
      // and the server never sends the password back
      expect(await page.locator('input[name="password"]').inputValue()).toBe("");
    }
  }

  it("a wrong password shows the translated error summary, keeps the e-mail and moves focus to the summary", async () => {
    const { context, page } = await fresh();
    try {
      await visit(page, `${server.url}/login`);
      const t = MESSAGES[await pageLanguage(page)];
      await submitLoginForm(page, "ikt@giske.example", "not-the-password");
      const summary = page.locator("main .ds-error-summary");
      await summary.waitFor({ state: "visible" });

      expect(pathOf(page)).toBe("/login");
      expect(await summary.getAttribute("role")).toBe("alert");
      const text = await summary.innerText();
      expect(text).toContain(t.form.errorSummary);
      expect(text).toContain(t.login.invalid);
      expect(await page.locator('input[name="email"]').inputValue()).toBe("ikt@giske.example");
      await expectSummaryFocused(page, "after the failed login");

      // a second failure with the same message takes focus again
      await page.locator('input[name="password"]').fill("still-not-the-password");
      // with JavaScript the form posts through single fetch, to the route's .data URL
      const postedTo = javaScript ? "/login.data" : "/login";
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === postedTo);
      await page.locator('form#login button[type="submit"]').click();
      expect((await answered).status()).toBe(400);
      await summary.waitFor({ state: "visible" });
      expect(await summary.innerText()).toContain(t.login.invalid);
      expect(await page.locator('input[name="email"]').inputValue()).toBe("ikt@giske.example");
      await expectSummaryFocused(page, "after the second failed login");
      // not logged in
      const cookies = await context.cookies();
      expect(cookies.filter((c) => c.name.includes("fellesloft_session") && c.value)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("logging out ends the session, and going back does not show the cooperation's data", async () => {
    const { context, page } = await fresh();
    const email = "lesar@ekommune-sunnmore.example";
    try {
      await login(page, server, email);
      expect(pathOf(page)).toBe(`/c/${EKOMMUNE.slug}`);
      expect(await page.locator("main").innerText()).toContain(EKOMMUNE_DATA);
      const session = (await context.cookies()).find((c) => c.name.endsWith("fellesloft_session") && c.value);
      expect(session, "a session cookie after login").toBeTruthy();
      const oldCookie = `${session!.name}=${session!.value}`;

      await logout(page);
      const t = MESSAGES[await pageLanguage(page)];
      expect(await page.locator('main [role="status"]').innerText()).toContain(t.login.loggedOut);
      expect(await page.locator(SITE_HEADER).innerText()).not.toContain(t.shell.logout);
      const cookies = await context.cookies();
      expect(cookies.filter((c) => c.name.includes("fellesloft_session") && c.value)).toEqual([]);
      // the server has ended the session: its old token no longer opens the overview
      const replay = await fetch(`${server.url}/c/${EKOMMUNE.slug}`, { headers: { Cookie: oldCookie }, redirect: "manual" });
      expect(replay.status).toBe(302);
      expect(replay.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(`/c/${EKOMMUNE.slug}`)}`);

      // back to the overview in history: the data must not come back (no cached page, no client data)
      await page.goBack();
      // the login page that asks to return to the overview (waits for the DOM, not only the URL)
      const backToLogin = page.locator(`form#login input[name="redirectTo"][value="/c/${EKOMMUNE.slug}"]`);
      await backToLogin.waitFor({ state: "attached" }).catch(() => {});
      expect(pathOf(page), "going back after logout").toBe(`/login?redirectTo=${encodeURIComponent(`/c/${EKOMMUNE.slug}`)}`);
      expect(await backToLogin.count()).toBe(1);
      expect(await page.locator("body").innerText()).not.toContain(EKOMMUNE_DATA);

      // and opening it directly sends to the login page as well
      await visit(page, `${server.url}/c/${EKOMMUNE.slug}`);
      expect(pathOf(page)).toBe(`/login?redirectTo=${encodeURIComponent(`/c/${EKOMMUNE.slug}`)}`);
      expect(await page.locator("body").innerText()).not.toContain(EKOMMUNE_DATA);
    } finally {
      await context.close();
    }
  });

  it("an anonymous visit is sent to /login with redirectTo, and back there after logging in", async () => {
    const { context, page } = await fresh();
    try {
      const response = await visit(page, `${server.url}/c/${EKOMMUNE.slug}`);
      expect(response?.status()).toBe(200);
      expect(pathOf(page)).toBe(`/login?redirectTo=${encodeURIComponent(`/c/${EKOMMUNE.slug}`)}`);
      expect(await page.locator('form#login input[name="redirectTo"]').inputValue()).toBe(`/c/${EKOMMUNE.slug}`);
      expect(await page.locator("body").innerText()).not.toContain(EKOMMUNE_DATA);
      await login(page, server, "ikt@sula.example", { navigate: false });
      expect(pathOf(page)).toBe(`/c/${EKOMMUNE.slug}`);
      expect(await h1(page)).toBe(EKOMMUNE.name);
      await logout(page);

      // a target that differs from where the user would land anyway: the admin lands on / by default
      await visit(page, `${server.url}/admin`);
      expect(pathOf(page)).toBe(`/login?redirectTo=${encodeURIComponent("/admin")}`);
      await login(page, server, ADMIN, { navigate: false });
      expect(pathOf(page)).toBe("/admin");
      expect(await h1(page)).toBe(MESSAGES[await pageLanguage(page)].admin.title);
    } finally {
      await context.close();
    }
  });

  it("the header's language form switches between Bokmål, Nynorsk and English", async () => {
    const { context, page } = await fresh();
    try {
      await visit(page, `${server.url}/login`);
      expect(await htmlLang(page)).toBe("nb");
      const submit = page.locator('form#login button[type="submit"]');
      const changeLanguage = page.locator('form:has(#language-select) button[type="submit"]');
      expect((await submit.innerText()).trim()).toBe("Logg inn");
      expect((await changeLanguage.innerText()).trim()).toBe(nb.shell.changeLanguage);

      await switchLanguage(page, "nn");
      expect(await htmlLang(page)).toBe("nn");
      expect(pathOf(page), "the switch returns to the same page").toBe("/login");
      expect((await changeLanguage.innerText()).trim()).toBe(nn.shell.changeLanguage);
      expect(await page.locator("a.skip-link").innerText()).toBe(nn.shell.skipToContent);
      expect(nn.shell.changeLanguage).not.toBe(nb.shell.changeLanguage);
      expect(await page.locator("#language-select").inputValue()).toBe("nn");

      await switchLanguage(page, "en");
      expect(await htmlLang(page)).toBe("en");
      expect(pathOf(page)).toBe("/login");
      expect((await submit.innerText()).trim()).toBe("Sign in");
      expect(await h1(page)).toBe(en.login.title);
      expect(await page.locator('label[for="language-select"]').innerText()).toBe(en.shell.language);

      // the choice is kept for this browser
      await visit(page, `${server.url}/accessibility`);
      expect(await htmlLang(page)).toBe("en");

      await switchLanguage(page, "nb");
      expect(await htmlLang(page)).toBe("nb");
      expect(pathOf(page)).toBe("/accessibility");
      expect(await h1(page)).toBe(nb.accessibility.title);
    } finally {
      await context.close();
    }
  });

  it("a signed-in user's language is saved on the account and survives logout and login", async () => {
    const email = "styre@ekommune-sunnmore.example";
    await setAccountLanguage(server, email, null);
    const first = await fresh();
    try {
      await login(first.page, server, email);
      expect(await htmlLang(first.page)).toBe("nn");
      expect(await definition(first.page, nn.cooperation.yourRoles)).toBe(nn.roles.board);

      await switchLanguage(first.page, "en");
      expect(pathOf(first.page)).toBe(`/c/${EKOMMUNE.slug}`);
      expect(await definition(first.page, en.cooperation.yourRoles)).toBe(en.roles.board);
      expect(await accountLanguage(server, email)).toBe("en");
      await logout(first.page);
      await first.context.close();

      // a browser without the language cookie: the login page is in the default language …
      const second = await fresh();
      try {
        await visit(second.page, `${server.url}/login`);
        expect(await htmlLang(second.page)).toBe("nb");
        // … and after login the account's choice applies
        await login(second.page, server, email, { navigate: false });
        expect(pathOf(second.page)).toBe(`/c/${EKOMMUNE.slug}`);
        expect(await htmlLang(second.page)).toBe("en");
        expect(await definition(second.page, en.cooperation.yourRoles)).toBe(en.roles.board);
        expect((await second.page.locator(`${SITE_HEADER} form[action="/logout"] button`).innerText()).trim()).toBe(
          en.shell.logout,
        );
      } finally {
        await second.context.close();
      }
    } finally {
      await first.context.close();
      await setAccountLanguage(server, email, null);
    }
  });

  it("the overview has no horizontal page scroll at 320 px", async () => {
    const { context, page } = await fresh({ width: 320, height: 640 });
    try {
      await login(page, server, "ikt@giske.example");
      expect(pathOf(page)).toBe(`/c/${EKOMMUNE.slug}`);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        regions: [...document.querySelectorAll<HTMLElement>(".table-scroll")].map((r) => ({
          label: r.getAttribute("aria-labelledby"),
          right: Math.round(r.getBoundingClientRect().right),
          overflowX: getComputedStyle(r).overflowX,
        })),
      }));
      expect(widths.viewport).toBe(320);
      expect(widths.page, "document.documentElement.scrollWidth at 320 px").toBeLessThanOrEqual(321);
      // the wide tables scroll inside their own region, which stays within the viewport
      expect(widths.regions.length).toBeGreaterThan(0);
      for (const region of widths.regions) {
        expect(region.right, `right edge of region ${region.label}`).toBeLessThanOrEqual(321);
        expect(region.overflowX).toBe("auto");
      }
    } finally {
      await context.close();
    }
  });
});
