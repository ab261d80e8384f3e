/*
 * Saves people make at the same moment, against the real server (two worker processes over one
 * SQLite file, and over PostgreSQL): ten secretaries saving one measure from the same version
 * (one wins, the others are told someone else saved), two municipalities reporting at once (all
 * saved), a reporter's form that stays valid while the secretariat saves the measure, and the
 * edges of the HTTP layer (TRACE, a 20 MB login, bodies that are no form).
 */
import { request } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nb, nn } from "../support/texts";
import { EKOMMUNE } from "../../seeds/demo-content";
import { launchBrowser, login, newContext } from "../support/browser";
import { demoServerKinds, loginCookie, startServer, type TestServer } from "../support/server";

const SLUG = EKOMMUNE.slug;
const oneOf = (page: string, texts: string[]) => texts.some((t) => page.includes(t));
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";
const FORM = "application/x-www-form-urlencoded";

const databases = demoServerKinds();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The measure form's entries as the browser would send them (JavaScript off: the server's HTML). */
async function measureFormEntries(server: TestServer, number: number): Promise<[string, string][]> {
  const { context, page } = await newContext(browser, { javaScript: false });
  await login(page, server, SECRETARIAT);
  await page.goto(`${server.url}/c/${SLUG}/measures/${number}/edit`);
  const entries = await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("form[method=post]:has(input[name=version])")!;
    return [...new FormData(form).entries()].map(([k, v]) => [k, String(v)] as [string, string]);
  });
  await context.close();
  return entries;
}

const postForm = (server: TestServer, cookie: string, path: string, entries: [string, string][]) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: server.origin, "Content-Type": FORM },
    body: new URLSearchParams(entries),
  });

describe.each(databases)("saves at the same moment on $name", ({ open }) => {
  let server: TestServer;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, close } = await open());
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await close?.();
  });

  async function cooperationId() {
    return (await server.db.selectFrom("cooperation").select("id").where("slug", "=", SLUG).executeTakeFirstOrThrow()).id;
  }

  const post = (cookie: string, path: string, entries: [string, string][]) => postForm(server, cookie, path, entries);

  it("ten secretaries save one measure from the same version: one is saved, nine get 409, nothing is mixed", async () => {
    const entries = await measureFormEntries(server, 1);
    const cookies = await Promise.all(Array.from({ length: 10 }, () => loginCookie(server, SECRETARIAT)));
    const names = cookies.map((_, i) => `Samtidig namn ${i}`);
    const answers = await Promise.all(
      cookies.map((cookie, i) =>
        post(
          cookie,
          `/c/${SLUG}/measures/1/edit`,
          entries.map(([k, v]) => [k, k === "name" ? names[i] : v]),
        ),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([302, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.findIndex((a) => a.status === 302);
    const stored = await server.db
      .selectFrom("measure")
      .select(["name", "version"])
      .where("cooperation_id", "=", await cooperationId())
      .where("number", "=", 1)
      .executeTakeFirstOrThrow();
    expect(stored.name).toBe(names[winner]);
    const refused = await answers.find((a) => a.status === 409)!.text();
    // the demo's secretariat writes nynorsk
    expect(refused).toContain(nn.form.staleVersion.slice(0, 40));
  });

  it("a narrative saved just after the report was published is shown back to its writer, not lost", async () => {
    const secretariat = await loginCookie(server, SECRETARIAT);
    const coop = await cooperationId();
    const year = 2014;
    const existing = await server.db
      .selectFrom("annual_report")
      .select("year")
      .where("cooperation_id", "=", coop)
      .where("year", "=", year)
      .executeTakeFirst();
    if (!existing) expect((await post(secretariat, `/c/${SLUG}/reports?index`, [["year", String(year)]])).status).toBe(302);
    const { version } = await server.db
      .selectFrom("annual_report")
      .select("version")
      .where("cooperation_id", "=", coop)
      .where("year", "=", year)
      .executeTakeFirstOrThrow();
    const text = 'Skrive medan ein kollega publiserte: æøå <b> & "sitat"';
    const publishing = post(secretariat, `/c/${SLUG}/reports/${year}`, [
      ["intent", "publish"],
      ["version", String(version)],
    ]);
    expect((await publishing).status).toBe(302);
    const saving = await post(secretariat, `/c/${SLUG}/reports/${year}`, [
      ["intent", "save"],
      ["version", String(version)],
      ["summary", text],
    ]);
    expect(saving.status).toBe(409);
    const page = await saving.text();
    expect(page).toContain(nn.report.unsavedTitle);
    expect(page).toContain("Skrive medan ein kollega publiserte: æøå &lt;b&gt; &amp; &quot;sitat&quot;");
  });

  it("Giske and Sula report at once, ten times each: every report is saved", async () => {
    const [giske, sula] = await Promise.all([loginCookie(server, "ikt@giske.example"), loginCookie(server, "ikt@sula.example")]);
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });
    const count = () =>
      server.db
        .selectFrom("uptake_report")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
    const before = Number((await count()).n);
    const report = (cookie: string, i: number) =>
      post(cookie, `/c/${SLUG}/uptake/1`, [
        ["status", i % 2 ? "in_use" : "in_progress"],
        ["comment", `Samtidig rapport ${i}`],
        ["effectiveDate", today],
      ]);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => [report(giske, i), report(sula, i)]).flat());
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 302));
    expect(Number((await count()).n)).toBe(before + 20);
  });

  it("a reporter's open form stays valid while the secretariat saves the measure", async () => {
    const benefit = await server.db
      .selectFrom("measure_benefit")
      .innerJoin("measure", "measure.id", "measure_benefit.measure_id")
      .select(["measure.number", "measure_benefit.id"])
      .where("measure.cooperation_id", "=", await cooperationId())
      .orderBy("measure.number")
      .executeTakeFirstOrThrow();
    // the reporter's form was built before the save: it names the benefit by the id it had then
    const shownBenefitId = benefit.id;
    const secretariat = await loginCookie(server, SECRETARIAT);
    // a real change, so the save writes the measure and its benefits rather than finding nothing to do
    const edited = (await measureFormEntries(server, benefit.number)).map(([k, v]): [string, string] => [
      k,
      k === "name" ? `${v} (endra)` : v,
    ]);
    const saved = await post(secretariat, `/c/${SLUG}/measures/${benefit.number}/edit`, edited);
    expect([302, 303]).toContain(saved.status);
    const giske = await loginCookie(server, "ikt@giske.example");
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });
    const answer = await post(giske, `/c/${SLUG}/uptake/${benefit.number}`, [
      ["status", "realised"],
      ["comment", "Gevinst målt"],
      ["effectiveDate", today],
      ["benefits[0].benefitId", shownBenefitId],
      ["benefits[0].amount", "120"],
    ]);
    expect(answer.status).toBe(302);
  });
});

describe("the HTTP layer's edges", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("TRACE with same-origin headers is 405, like any method the portal does not take", async () => {
    // fetch() itself refuses to send TRACE, so a plain HTTP request
    for (const method of ["TRACE"]) {
      const url = new URL(server.url);
      const status = await new Promise<number>((resolve, reject) => {
        const sent = request(
          { host: url.hostname, port: url.port, method, path: "/", headers: { "Sec-Fetch-Site": "same-origin" } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        sent.on("error", reject);
        sent.end();
      });
      expect(status, method).toBe(405);
    }
  });

  it("a 20 MB login is refused with 413 before it is read, in a small translated page", async () => {
    // the answer must come while most of the body is still unsent: only then was it refused unread
    const url = new URL(server.url);
    const declared = 20 * 1024 * 1024;
    const { status, page } = await new Promise<{ status: number; page: string }>((resolve, reject) => {
      const sent = request(
        {
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: "/login",
          headers: { Origin: server.origin, "Content-Type": FORM, "Content-Length": declared },
        },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => {
            sent.destroy();
            resolve({ status: res.statusCode ?? 0, page: body });
          });
        },
      );
      sent.on("error", reject);
      sent.write(`email=${"a".repeat(1024 * 1024)}`);
    });
    expect(status).toBe(413);
    expect(page.length).toBeLessThan(100_000);
    expect(page).toContain(nb.errors.tooLarge.title);
  });

  it("an e-mail far over its length is not echoed back", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { Origin: server.origin, "Content-Type": FORM },
      body: new URLSearchParams({ email: `${"a".repeat(500_000)}@kommune.no`, password: "x" }),
    });
    expect(response.status).toBe(400);
    expect((await response.text()).length).toBeLessThan(100_000);
  });

  it("a measure form naming a municipality that is no member is refused, not ignored", async () => {
    const cookie = await loginCookie(server, SECRETARIAT);
    const foreign = await server.db
      .selectFrom("municipality")
      .select("id")
      .where("number", "=", "0301")
      .executeTakeFirstOrThrow();
    const entries = (await measureFormEntries(server, 2)).map(([k, v]): [string, string] => [
      k,
      k === "members[0].id" ? foreign.id : v,
    ]);
    expect(entries.find(([k]) => k === "participation")?.[1]).toBe("all");
    const answer = await postForm(server, cookie, `/c/${SLUG}/measures/2/edit`, entries);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain(nn.measure.validation.foreignParticipant);
  });

  it("removing a benefit with realised values is refused with the reason on the page, the rest kept", async () => {
    const cookie = await loginCookie(server, SECRETARIAT);
    const reported = await server.db
      .selectFrom("uptake_benefit")
      .innerJoin("measure_benefit", "measure_benefit.id", "uptake_benefit.benefit_id")
      .innerJoin("measure", "measure.id", "measure_benefit.measure_id")
      .select(["measure.number", "measure_benefit.id"])
      .orderBy("measure.number")
      .executeTakeFirstOrThrow();
    const entries = await measureFormEntries(server, reported.number);
    const row = entries.find(([k, v]) => /^benefits\[\d+\]\.id$/.test(k) && v === reported.id)![0].replace(/\.id$/, ".");
    // a browser without JavaScript removes a row by blanking its fields; the hidden id stays
    const blanked = entries.map(([k, v]): [string, string] => [
      k,
      k.startsWith(row) && !k.endsWith(".id") ? "" : k === "name" ? `${v} (endra)` : v,
    ]);
    const answer = await postForm(server, cookie, `/c/${SLUG}/measures/${reported.number}/edit`, blanked);
    expect(answer.status).toBe(400);
    const page = await answer.text();
    expect(page).toContain(nn.measure.validation.benefitInUse.slice(0, 40));
    expect(page).toContain("(endra)");
    expect(
      await server.db.selectFrom("measure_benefit").select("id").where("id", "=", reported.id).executeTakeFirst(),
    ).toBeTruthy();
  });

  it("a body that is no form is 400 or 415 with a translated page, never 500", async () => {
    const cookie = await loginCookie(server, SECRETARIAT);
    const send = (type: string, body: string) =>
      fetch(`${server.url}/c/${SLUG}/measures/new`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: server.origin, "Content-Type": type },
        body,
      });
    const broken = await send("multipart/form-data; boundary=y", '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n');
    expect(broken.status).toBe(400);
    expect(oneOf(await broken.text(), [nb.errors.badRequest.title, nn.errors.badRequest.title])).toBe(true);
    const asJson = await send("application/json", JSON.stringify({ name: "x" }));
    expect(asJson.status).toBe(415);
    expect(oneOf(await asJson.text(), [nb.errors.unsupportedType.title, nn.errors.unsupportedType.title])).toBe(true);
  });
});
