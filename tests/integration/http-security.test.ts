import { readdirSync, readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCookie, serverForSuite, startServer, type TestServer } from "../support/server";

describe("the production server", () => {
  let server: TestServer;
  /**
   * A server of its own for the calling suite: login failures counted in one would limit the
   * other's logins, and a killed worker would serve no one else.
   */
  const ownServer = () =>
    serverForSuite(
      (started) => {
        server = started;
      },
      { LOGIN_FAILURES_PER_ACCOUNT_AND_IP: "3", LOGIN_FAILURES_PER_IP: "5" },
    );

  describe("answering requests", () => {
    ownServer();

    it("answers /healthz with the database kind", async () => {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok", db: "sqlite" });
    });

    it("tells the browser to keep no copy of a signed-in user's pages or their navigation data", async () => {
      const cookie = await loginCookie(server, "sekretariat@ekommune-sunnmore.example");
      for (const path of ["/c/ekommune-sunnmore/matrix", "/c/ekommune-sunnmore/matrix.data"]) {
        const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
        expect(response.status, path).toBe(200);
        expect(response.headers.get("Cache-Control"), path).toBe("private, no-store");
      }
      const anonymous = await fetch(`${server.url}/accessibility.data`);
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get("Cache-Control") ?? "").not.toContain("no-store");
    });

    it("sends an enforced CSP whose script nonce matches the page's scripts", async () => {
      const response = await fetch(`${server.url}/login`);
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      // a new nonce for every request
      const again = await fetch(`${server.url}/login`);
      expect(again.headers.get("content-security-policy")).not.toContain(nonce);
    });

    it("issues a __Host- session cookie that is HttpOnly, Secure and SameSite=Lax", async () => {
      const response = await fetch(`${server.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "lesar@ekommune-sunnmore.example", password: "fellesloft-demo" }),
      });
      expect(response.status).toBe(302);
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__Host-fellesloft_session="))!;
      expect(cookie).toBeTruthy();
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Path=\//i);
      expect(cookie).not.toMatch(/Domain=/i);
      const token = cookie.split(";")[0].split("=")[1];
      // ≥ 120 bits of entropy: 40 base32 characters carry 200 bits
      expect(token.length).toBeGreaterThanOrEqual(24);
      // stored only as a hash
      const rows = await server.db.selectFrom("user_session").select("id").execute();
      expect(rows.some((r) => r.id === token)).toBe(false);
    });

    it("refuses a cross-origin POST before it reaches any action", async () => {
      const before = await server.db
        .selectFrom("user_session")
        .select(sql<number>`count(*)`.as("n"))
        .executeTakeFirstOrThrow();
      const attempts: Record<string, string>[] = [
        { Origin: "https://evil.example" },
        { "Sec-Fetch-Site": "cross-site", Origin: server.origin },
        {},
      ];
      for (const headers of attempts) {
        const response = await fetch(`${server.url}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: "lesar@ekommune-sunnmore.example", password: "fellesloft-demo" }),
        });
        expect(response.status).toBe(403);
        const html = await response.text();
        expect(html).toContain('<html lang="nb"');
        expect(html).toContain("Skjemaet ble avvist");
        expect(html).toContain("Hopp til hovedinnholdet");
      }
      const after = await server.db
        .selectFrom("user_session")
        .select(sql<number>`count(*)`.as("n"))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it("refuses a cross-origin write of any route with the error page in the reader's language, and changes nothing", async () => {
      const giske = await loginCookie(server, "ikt@giske.example");
      const language = () =>
        server.db.selectFrom("app_user").select("language").where("email", "=", "ikt@giske.example").executeTakeFirstOrThrow();
      const audits = () =>
        server.db
          .selectFrom("audit_event")
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow();
      const before = { language: await language(), audits: await audits() };
      const send = (path: string, origin: string, body: Record<string, string>) =>
        fetch(`${server.url}${path}`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: origin, Cookie: giske, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(body),
        });
      // a resource route (the language switch saves the choice on the account) and a page's action,
      // as a form posts them and as a client-side submission does (single fetch's .data URL)
      for (const path of [
        "/language",
        "/c/ekommune-sunnmore/uptake",
        "/language.data",
        "/c/ekommune-sunnmore/uptake.data?index",
      ]) {
        const response = await send(path, "https://evil.example", { lang: "en", redirectTo: "/" });
        expect(response.status, path).toBe(403);
        const html = await response.text();
        expect(html).toContain('<html lang="nn"');
        expect(html).toContain("<title>Skjemaet vart avvist");
        expect(html).toContain("Skjemaet vart sendt frå ei anna nettside enn Fellesløft, så ingenting er lagra.");
        expect(html).toContain("Logg ut");
      }
      expect(await language()).toEqual(before.language);
      expect(await audits()).toEqual(before.audits);
      // the page that says so is no page of its own
      expect((await fetch(`${server.url}/refused-write`, { headers: { Cookie: giske } })).status).toBe(404);
      // the same write from the portal's own page goes through
      expect((await send("/language", server.origin, { lang: "en", redirectTo: "/" })).status).toBe(302);
      expect(await language()).toEqual({ language: "en" });
    });
  });

  describe("counting failed logins per account", () => {
    ownServer();

    it("rate-limits logins per account with 429 and Retry-After", async () => {
      const attempt = (email: string, password: string) =>
        fetch(`${server.url}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email, password }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt("styre@ekommune-sunnmore.example", "wrong")).status).toBe(400);
      const limited = await attempt("styre@ekommune-sunnmore.example", "fellesloft-demo");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited.text()).toContain("For mange innloggingsforsøk");
    });
  });

  describe("counting failed logins per address", () => {
    ownServer();

    it("rate-limits logins per IP address across accounts", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${server.url}/login`, {
          method: "POST",
          redirect: "manual",
          headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: `nobody${i}@example.org`, password: "x" }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toContain(429);
    });
  });

  describe("losing a worker", () => {
    ownServer();

    it("serves from two worker processes and replaces one that dies", async () => {
      const workers = () =>
        readdirSync("/proc")
          .filter((entry) => /^\d+$/.test(entry))
          .filter((entry) => {
            try {
              const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
              const command = readFileSync(`/proc/${entry}/cmdline`, "utf8");
              return (
                Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === server.pid && command.includes("build/server.js")
              );
            } catch {
              return false;
            }
          })
          .map(Number);
      const before = workers();
      expect(before).toHaveLength(2);
      process.kill(before[0]!, "SIGKILL");
      await expect
        .poll(() => server.output(), { timeout: 20_000 })
        .toContain(`Worker ${before[0]} stopped (SIGKILL); starting a new one`);
      await expect.poll(() => workers().filter((pid) => !before.includes(pid)).length, { timeout: 20_000 }).toBe(1);
      for (let i = 0; i < 6; i++) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });
});

describe("a loader that fails in production", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("shows a translated error page with an incident id, never SQL or a stack trace", async () => {
    const cookie = await loginCookie(server, "lesar@ekommune-sunnmore.example");
    // break the database under the running server, as a failed disk or a bad deploy would
    await sql`alter table measure rename to measure_gone`.execute(server.db);
    const response = await fetch(`${server.url}/c/ekommune-sunnmore`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(500);
    const html = await response.text();
    const incident = response.headers.get("x-request-id")!;
    expect(html).toContain(incident);
    expect(html).toContain("Noko gjekk gale");
    expect(html).not.toMatch(/no such table|SqliteError|measure_gone|select .* from|\.ts:\d+/i);
    expect(server.output()).toContain(`[incident ${incident}]`);
  });
});
