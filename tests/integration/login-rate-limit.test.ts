/*
 * The login limits on the real server (two worker processes counting in the primary): only
 * failures count, an account is limited per address it is guessed from, an address over all
 * accounts, and an account over all addresses but those it signed in from lately.
 * TRUST_PROXY=loopback lets X-Forwarded-For stand for the client's address.
 */
import { createCookie } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, nb, type Messages, nn } from "../support/texts";
import { startServer, type TestServer } from "../support/server";

const PASSWORD = "fellesloft-demo";
const WRONG = "feil-passord-som-aldri-skal-tilbake";
const PER_ACCOUNT_AND_IP = 3;
const PER_IP = 5;
const PER_ACCOUNT = 8;

describe("login limits on the production server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      TRUST_PROXY: "loopback",
      LOGIN_FAILURES_PER_ACCOUNT_AND_IP: String(PER_ACCOUNT_AND_IP),
      LOGIN_FAILURES_PER_IP: String(PER_IP),
      LOGIN_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const login = (ip: string, email: string, password: string, cookie?: string) =>
    fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: server.origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": ip,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams({ email, password }),
    });
  const status = async (ip: string, email: string, password: string) => (await login(ip, email, password)).status;

  /** The form's error summary as rendered (the page's script also carries the texts). */
  const errorSummary = (html: string) => /<div[^>]*class="[^"]*ds-error-summary[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";

  async function expectRefused(response: Response, t: Messages = nb) {
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const html = await response.text();
    expect(errorSummary(html)).toContain(t.login.tooManyAttempts);
    return html;
  }

  it("lets more people sign in from one address than its failure limit: successful logins do not count", async () => {
    const townHall = "198.51.100.1";
    const users = [
      "sekretariat@ekommune-sunnmore.example",
      "styre@ekommune-sunnmore.example",
      "lesar@ekommune-sunnmore.example",
      "ikt@giske.example",
      "ikt@sula.example",
    ];
    const statuses: number[] = [];
    // each user twice: more logins than the address's and each account's limit
    for (const email of [...users, ...users]) statuses.push(await status(townHall, email, PASSWORD));
    expect(statuses).toEqual(Array(users.length * 2).fill(302));
    expect(statuses.length).toBeGreaterThan(PER_IP + 1);
  });

  it("keeps the owner signing in from their own address while the address the account was guessed from is refused", async () => {
    const stranger = "203.0.113.10";
    const owner = "198.51.100.20";
    const email = "styre@ekommune-sunnmore.example";
    for (let i = 0; i < PER_ACCOUNT_AND_IP; i++) expect(await status(stranger, email, WRONG)).toBe(400);

    // refused before the password is looked at: the right one too
    await expectRefused(await login(stranger, email, PASSWORD));
    expect(await status(owner, email, PASSWORD)).toBe(302);
    // the stranger's address may still sign in to other accounts
    expect(await status(stranger, "lesar@ekommune-sunnmore.example", PASSWORD)).toBe(302);
    await expectRefused(await login(stranger, email, PASSWORD));
  });

  it("refuses every account from an address with too many failures, and no other address", async () => {
    const guesser = "203.0.113.30";
    for (let i = 0; i < PER_IP; i++) expect(await status(guesser, `ukjend${i}@example.org`, WRONG)).toBe(400);

    await expectRefused(await login(guesser, "ukjend-ny@example.org", WRONG));
    await expectRefused(await login(guesser, "ikt@giske.example", PASSWORD));
    expect(await status("198.51.100.30", "ikt@giske.example", PASSWORD)).toBe(302);
  });

  it("a success does not clear an address's failures for other accounts", async () => {
    const guesser = "203.0.113.40";
    for (let i = 0; i < PER_IP - 1; i++) expect(await status(guesser, `ukjend${i}@example.org`, WRONG)).toBe(400);
    expect(await status(guesser, "ikt@giske.example", PASSWORD)).toBe(302);
    expect(await status(guesser, "ukjend-siste@example.org", WRONG)).toBe(400);
    await expectRefused(await login(guesser, "ukjend-etter@example.org", WRONG));
  });

  it("stops guessing one account from many addresses, but not at an address its owner signed in from", async () => {
    const email = "sekretariat@knutepunkt-sorlandet.example";
    const office = "198.51.100.50";
    expect(await status(office, email, PASSWORD)).toBe(302);

    const statuses: number[] = [];
    for (let address = 1; address <= 4; address++) {
      for (let i = 0; i < PER_ACCOUNT_AND_IP; i++) statuses.push(await status(`203.0.113.${100 + address}`, email, WRONG));
    }
    // the account's overall limit stops the guessing before every address has used up its own
    expect(statuses.filter((s) => s === 400)).toHaveLength(PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4 * PER_ACCOUNT_AND_IP - PER_ACCOUNT);

    await expectRefused(await login("203.0.113.200", email, PASSWORD));
    expect(await status(office, email, PASSWORD)).toBe(302);
  });

  it("checks no more passwords than the limit when the attempts come all at once", async () => {
    const guesser = "203.0.113.60";
    const email = "ikt@sula.example";
    const statuses = await Promise.all(Array.from({ length: 12 }, () => status(guesser, email, WRONG)));
    const checked = statuses.filter((s) => s === 400).length;
    // fewer than the limit only when, all at once, the address's own limit refused one first
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(PER_ACCOUNT_AND_IP);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - checked);
    // the refused ones did not count against the address
    expect(await status(guesser, "ikt@giske.example", WRONG)).toBe(400);
  });

  it("never sends the password back, and says why in the visitor's language", async () => {
    const guesser = "203.0.113.70";
    const email = "lesar@ekommune-sunnmore.example";
    const wrong = await login(guesser, email, WRONG);
    expect(wrong.status).toBe(400);
    const wrongHtml = await wrong.text();
    expect(errorSummary(wrongHtml)).toContain(nb.login.invalid);
    expect(wrongHtml).toContain(email);
    expect(wrongHtml).not.toContain(WRONG);

    for (let i = 1; i < PER_ACCOUNT_AND_IP; i++) await login(guesser, email, WRONG);
    for (const [language, t] of [
      ["nb", nb],
      ["nn", nn],
      ["en", en],
    ] as const) {
      const cookie = (await createCookie("fl_lang").serialize(language)).split(";")[0];
      const html = await expectRefused(await login(guesser, email, WRONG, cookie), t);
      expect(html).toContain(`lang="${language}"`);
      expect(html).toContain(email);
      expect(html).not.toContain(WRONG);
    }
  });
});
