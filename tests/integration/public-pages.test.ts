/*
 * The public face as a visitor meets it: every page and file reachable from /public, crawled by
 * following links, answers for anyone, says nothing of users or of what staff wrote for each
 * other, and can be kept by caches without outliving a withdrawal. A cooperation that publishes
 * nothing, or a part it does not publish, is the same 404 as a slug that does not exist.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_PARTS, type PublicPart } from "../../shared-schema/publication";
import { EKOMMUNE, KNUTEPUNKT } from "../../seeds/demo-content";
import { privateTexts } from "../support/private-texts";
import { publishParts } from "../support/publication";
import { cooperationIdOf } from "../support/queries";
import { startServer, type TestServer } from "../support/server";

const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

interface Answer {
  path: string;
  status: number;
  headers: Headers;
  body: string;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, { headers, redirect: "manual" });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // a ZIP is read as what it holds, so the leak check below reads its files too
  const body =
    response.headers.get("content-type") === "application/zip"
      ? Object.values(unzipSync(bytes))
          .map((file) => strFromU8(file))
          .join("\n")
      : new TextDecoder().decode(bytes);
  return { path, status: response.status, headers: response.headers, body };
}

/** The public addresses a page links to (pages and downloads), as a visitor would follow them. */
function publicLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/public[^"#]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
}

/** Every answer reachable from /public by following links. */
async function crawl(): Promise<Answer[]> {
  const seen = new Set<string>(["/public"]);
  const queue = ["/public"];
  const answers: Answer[] = [];
  while (queue.length) {
    const answer = await get(queue.shift()!);
    answers.push(answer);
    if (!(answer.headers.get("content-type") ?? "").includes("text/html")) continue;
    for (const link of publicLinks(answer.body)) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return answers;
}

const publish = (parts: readonly PublicPart[]) => publishParts(server.db, SLUG, SECRETARIAT, parts);

describe("the public pages", () => {
  let answers: Answer[];

  beforeAll(async () => {
    answers = await crawl();
  });

  it("reach every published part of the demo cooperation, and answer each address", async () => {
    const paths = answers.map((a) => a.path);
    for (const part of [
      "",
      "/strategy",
      "/plans",
      "/plans/2013",
      "/matrix",
      "/measures/1",
      "/reports",
      "/reports/2013",
      "/reports/2013.pdf",
      "/data",
      "/data/uptake.csv",
      "/data/report-figures.json",
      "/data/all.zip",
      "/catalog.ttl",
      "/catalog.jsonld",
    ]) {
      expect(paths, `the crawl reaches /public/${SLUG}${part}`).toContain(`/public/${SLUG}${part}`);
    }
    expect(paths.some((p) => p.startsWith(`/public/${KNUTEPUNKT.slug}`))).toBe(false);
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.path}`)).toEqual([]);
  });

  it("set no cookie, and may be kept by any cache that asks again", () => {
    for (const answer of answers) {
      expect(answer.headers.get("set-cookie"), answer.path).toBeNull();
      expect(answer.headers.get("cache-control"), answer.path).toBe("public, max-age=0, must-revalidate");
      expect(answer.headers.get("etag"), answer.path).toMatch(/^(W\/)?"[^"]+"$/);
    }
  });

  it("name no user and quote nothing staff wrote for each other", async () => {
    const secrets = await privateTexts(server.db);
    expect(secrets.length).toBeGreaterThan(10);
    const leaks = answers.flatMap((a) => secrets.filter((s) => a.body.includes(s)).map((s) => `${a.path}: ${s}`));
    expect(leaks).toEqual([]);
  });

  it("answer 304 without a body or a script policy to a cache holding this version", async () => {
    for (const path of [`/public/${SLUG}`, `/public/${SLUG}/reports/2013.csv`]) {
      const first = await get(path);
      const again = await get(path, { "If-None-Match": first.headers.get("etag")! });
      expect(again.status, path).toBe(304);
      expect(again.body, path).toBe("");
      expect(again.headers.get("content-security-policy"), path).toBeNull();
    }
  });

  it("are in the cooperation's language unless the address asks for another", async () => {
    expect((await get(`/public/${SLUG}`)).body).toContain('<html lang="nn"');
    expect((await get(`/public/${SLUG}?lang=en`)).body).toContain('<html lang="en"');
    expect((await get(`/public/${SLUG}?lang=xx`)).body).toContain('<html lang="nn"');
    const english = await get(`/public/${SLUG}/plans?lang=en`);
    expect(
      publicLinks(english.body)
        .filter((l) => l.startsWith(`/public/${SLUG}/plans/`))
        .every((l) => l.endsWith("lang=en")),
    ).toBe(true);
  });
});

/** A 404 page without what differs between any two requests (nonce, request id) and the slug asked for. */
function comparable(body: string, slug: string): string {
  return body
    .replaceAll(slug, "x")
    .replace(/nonce="[^"]*"/g, "")
    .replace(/\\"requestId\\",\\"[^\\]*\\"/g, "")
    .replace(/[0-9A-F]{8}/g, "");
}

describe("what is not published", () => {
  it("is the same 404 as a cooperation that does not exist", async () => {
    const unknown = await get("/public/finst-ikkje");
    expect(unknown.status).toBe(404);
    const paths = [
      "",
      "/strategy",
      "/plans",
      "/plans/2013",
      "/matrix",
      "/measures/1",
      "/reports",
      "/reports/2013",
      "/reports/2013.pdf",
      "/data",
      "/data/uptake.csv",
      "/data/all.zip",
      "/catalog.ttl",
    ];
    for (const part of paths) {
      const nothing = await get(`/public/${KNUTEPUNKT.slug}${part}`);
      const none = await get(`/public/finst-ikkje${part}`);
      expect(nothing.status, part).toBe(404);
      expect(comparable(nothing.body, KNUTEPUNKT.slug), part).toBe(comparable(none.body, "finst-ikkje"));
    }
  });

  it("leaves drafts, plans not approved and unpublished reports out", async () => {
    const cooperationId = await cooperationIdOf(server.db, SLUG);
    const draft = await server.db
      .selectFrom("strategy")
      .select("id")
      .where("cooperation_id", "=", cooperationId)
      .where("status", "=", "draft")
      .executeTakeFirstOrThrow();
    expect((await get(`/public/${SLUG}/strategies/${draft.id}`)).status).toBe(404);
    const approved = await server.db
      .selectFrom("plan_version")
      .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
      .select("action_plan.year")
      .where("action_plan.cooperation_id", "=", cooperationId)
      .where("plan_version.status", "=", "approved")
      .execute();
    const plans = await server.db.selectFrom("action_plan").select("year").where("cooperation_id", "=", cooperationId).execute();
    const notApproved = plans.map((p) => p.year).filter((y) => !approved.some((a) => a.year === y));
    expect(notApproved.length).toBeGreaterThan(0);
    for (const year of notApproved) expect((await get(`/public/${SLUG}/plans/${year}`)).status, `plan ${year}`).toBe(404);
    const unpublished = await server.db
      .selectFrom("annual_report")
      .select("year")
      .where("cooperation_id", "=", cooperationId)
      .where("published_at", "is", null)
      .execute();
    for (const { year } of unpublished) {
      for (const suffix of ["", ".csv", ".pdf", ".xlsx"]) {
        expect((await get(`/public/${SLUG}/reports/${year}${suffix}`)).status, `report ${year}${suffix}`).toBe(404);
      }
    }
  });

  it("is withdrawn on the very next request, caches included", async () => {
    const front = await get(`/public/${SLUG}`);
    const report = await get(`/public/${SLUG}/reports/2013`);
    await publish(PUBLIC_PARTS.filter((p) => p !== "reports"));
    try {
      const kept = await get(`/public/${SLUG}/reports/2013`, { "If-None-Match": report.headers.get("etag")! });
      expect(kept.status).toBe(404);
      const changed = await get(`/public/${SLUG}`, { "If-None-Match": front.headers.get("etag")! });
      expect(changed.status).toBe(200);
      expect(publicLinks(changed.body)).not.toContain(`/public/${SLUG}/reports`);
      await publish([]);
      expect((await get(`/public/${SLUG}`)).status).toBe(404);
      expect(publicLinks((await get("/public")).body)).not.toContain(`/public/${SLUG}`);
    } finally {
      await publish(PUBLIC_PARTS);
    }
    expect((await get(`/public/${SLUG}/reports/2013`)).status).toBe(200);
  });
});
