/*
 * The signed-in user's language on every page, error pages included: a reporter who never chose
 * a language gets the written standard of the municipality they report for (Giske: nynorsk) on
 * the front page, the accessibility statement, a 404, a 403, a cooperation they are no member of (real
 * or made up: both alike, so the language tells nothing), and the refusals of an action (413,
 * 415) — with the signed-in header, not "Logg inn". An anonymous visitor gets bokmål.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nb, nn } from "../support/texts";
import { EKOMMUNE } from "../../seeds/demo-content";
import { loginCookie, startServer, type TestServer } from "../support/server";

const FORM = "application/x-www-form-urlencoded";

describe("the user's language on every page", () => {
  let server: TestServer;
  let giske: string;

  beforeAll(async () => {
    server = await startServer();
    giske = await loginCookie(server, "ikt@giske.example");
    const own = await server.db
      .selectFrom("app_user")
      .select("language")
      .where("email", "=", "ikt@giske.example")
      .executeTakeFirstOrThrow();
    // the rule is about a user who has not chosen: the demo reporter has not
    expect(own.language).toBeNull();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const page = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      ...init,
      headers: { Cookie: giske, ...init.headers },
    });
    const html = await response.text();
    return { status: response.status, html, lang: /<html lang="([a-z]+)"/.exec(html)?.[1] };
  };

  it.each([
    "/",
    "/accessibility",
    "/no-such-page",
    "/c/knutepunkt-sorlandet",
    "/c/no-such-cooperation",
    `/c/${EKOMMUNE.slug}/measures/new`,
  ])("GET %s is in the reporter's written standard", async (path) => {
    const { lang, html } = await page(path);
    expect(lang).toBe("nn");
    expect(html).toContain(nn.shell.logout);
    expect(html).not.toContain(`>${nb.shell.login}<`);
  });

  it("a stranger cannot tell a real cooperation from a made-up one by its 404", async () => {
    const strip = (html: string) => html.replace(/nonce="[^"]+"/g, "").replace(/[A-Z0-9]{8}/g, "");
    const real = await page("/c/knutepunkt-sorlandet");
    const madeUp = await page("/c/no-such-cooperation");
    expect(real.status).toBe(404);
    expect(strip(real.html).replace(/knutepunkt-sorlandet/g, "x")).toBe(strip(madeUp.html).replace(/no-such-cooperation/g, "x"));
  });

  it("an action's refusals (413, 415) are in the reporter's language, signed in", async () => {
    const post = (type: string, body: string) =>
      page(`/c/${EKOMMUNE.slug}/uptake/1`, { method: "POST", body, headers: { Origin: server.origin, "Content-Type": type } });
    const tooLarge = await post(FORM, `comment=${"a".repeat(2 * 1024 * 1024)}`);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.lang).toBe("nn");
    expect(tooLarge.html).toContain(nn.errors.tooLarge.title);
    expect(tooLarge.html).toContain(nn.shell.logout);
    const json = await post("application/json", "{}");
    expect(json.status).toBe(415);
    expect(json.html).toContain(nn.errors.unsupportedType.body);
  });

  it("an anonymous visitor's refused login is in bokmål", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { Origin: server.origin, "Content-Type": "application/json" },
      body: "{}",
    });
    const html = await response.text();
    expect(response.status).toBe(415);
    expect(html).toContain('<html lang="nb"');
    expect(html).toContain(nb.errors.unsupportedType.title);
  });
});
