/*
 * The public face as a visitor meets it: every page and file reachable from /public, crawled by
 * following links, answers for anyone, says nothing of users or of what staff wrote for each
 * other, and can be kept by caches without outliving a withdrawal. A cooperation that publishes
 * nothing, or a part it does not publish, is the same 404 as a slug that does not exist. Search
 * engines find the same pages: the sitemap lists exactly them, and each names its own address.
 */
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_PARTS, type PublicPart } from "../../shared-schema/publication";
import { EKOMMUNE, KNUTEPUNKT } from "../../seeds/demo-content";
import { privateTexts } from "../support/private-texts";
import { changePublicationSettings, publishParts } from "../support/publication";
import { cooperationIdOf } from "../support/queries";
import { loginCookie, onEachDemoDatabase, type TestServer } from "../support/server";

const SLUG = EKOMMUNE.slug;
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";

let server: TestServer;

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

/** An address under a cooperation's public address for each part, its files and its catalogue. */
const PART_PATHS = [
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

const publish = (parts: readonly PublicPart[]) => publishParts(server.db, SLUG, SECRETARIAT, parts);

// the same checks on each database the demo runs on
onEachDemoDatabase(
  (opened) => {
    server = opened;
  },
  () => {
    describe("the public pages", () => {
      let answers: Answer[];

      beforeAll(async () => {
        answers = await crawl();
      });

      it("reach every published part of the demo cooperation, and answer each address", async () => {
        const paths = answers.map((a) => a.path);
        for (const part of [...PART_PATHS, "/data/report-figures.json", "/catalog.jsonld"]) {
          expect(paths, `the crawl reaches /public/${SLUG}${part}`).toContain(`/public/${SLUG}${part}`);
        }
        expect(paths.some((p) => p.startsWith(`/public/${KNUTEPUNKT.slug}`))).toBe(false);
        expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.path}`)).toEqual([]);
      });

      it("tell two municipalities of one name apart in a measure's history, by number", async () => {
        const page = await get(`/public/${SLUG}/measures/13`);
        expect(page.status).toBe(200);
        const headings = [...page.body.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1]);
        for (const label of ["Ålesund (1504)", "Ålesund (1507)", "Ålesund (1508)", "Haram (1534)", "Haram (1580)", "Giske"]) {
          expect(headings, label).toContain(label);
        }
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

    describe("a page kept for the next visitor", () => {
      const isKept = (answer: Answer) => /(^|,\s*)kept;/.test(answer.headers.get("server-timing") ?? "");

      /** Each worker process keeps its own pages: asked a few times, the address is sent kept. */
      async function keptAnswer(path: string): Promise<Answer> {
        let answer = await get(path);
        for (let i = 0; i < 5 && !isKept(answer); i++) answer = await get(path);
        return answer;
      }

      it("is every page as it was made for the first visitor, sent with the script policy its nonce belongs to", async () => {
        const pages = (await crawl()).filter(
          (a) => a.path !== "/public" && (a.headers.get("content-type") ?? "").includes("text/html"),
        );
        expect(pages.length).toBeGreaterThan(10);
        for (const first of pages) {
          const again = await keptAnswer(first.path);
          expect(isKept(again), first.path).toBe(true);
          expect(again.status, first.path).toBe(200);
          expect(comparable(again.body, SLUG), first.path).toBe(comparable(first.body, SLUG));
          for (const name of ["etag", "cache-control", "content-type"]) {
            expect(again.headers.get(name), `${first.path} ${name}`).toBe(first.headers.get(name));
          }
          expect(again.headers.get("set-cookie"), first.path).toBeNull();
          const nonce = /'nonce-([^']+)'/.exec(again.headers.get("content-security-policy") ?? "")?.[1];
          const scripts = [...again.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
          expect(scripts.length, first.path).toBeGreaterThan(0);
          for (const attributes of scripts) expect(attributes, first.path).toContain(`nonce="${nonce}"`);
          // the very bytes each time: what differs from the first visitor's is one worker's nonce and request id
          // one worker's kept page is the very same bytes each time (its nonce included); of five
          // answers from two workers at most one is a render, so two come kept from the same one
          const byPolicy = new Map<string, string[]>();
          for (const answer of [again, ...(await Promise.all([1, 2, 3, 4].map(() => get(first.path))))]) {
            if (!isKept(answer)) continue;
            const policy = answer.headers.get("content-security-policy") ?? "";
            byPolicy.set(policy, [...(byPolicy.get(policy) ?? []), answer.body]);
          }
          expect(Math.max(...[...byPolicy.values()].map((bodies) => bodies.length)), first.path).toBeGreaterThan(1);
          for (const bodies of byPolicy.values()) expect(new Set(bodies).size, first.path).toBe(1);
          const held = await get(first.path, { "If-None-Match": again.headers.get("etag")! });
          expect(held.status, first.path).toBe(304);
          expect(held.body, first.path).toBe("");
          expect(held.headers.get("content-security-policy"), first.path).toBeNull();
        }
      });

      it("is made anew once anything of the cooperation changes", async () => {
        const path = `/public/${SLUG}`;
        const kept = await keptAnswer(path);
        expect(isKept(kept)).toBe(true);
        const before = await changePublicationSettings(server.db, SLUG, SECRETARIAT, {
          contactName: "Kontaktpunkt for innbyggjarar",
        });
        try {
          const changed = await get(path);
          expect(isKept(changed)).toBe(false);
          expect(changed.body).toContain("Kontaktpunkt for innbyggjarar");
          expect(changed.headers.get("etag")).not.toBe(kept.headers.get("etag"));
          expect(isKept(await keptAnswer(path))).toBe(true);
        } finally {
          await changePublicationSettings(server.db, SLUG, SECRETARIAT, before);
        }
      });

      it("is never sent to a signed-in user, nor kept when it was not found", async () => {
        const path = `/public/${SLUG}/matrix`;
        expect(isKept(await keptAnswer(path))).toBe(true);
        const signedIn = await get(path, { Cookie: await loginCookie(server, SECRETARIAT) });
        expect(isKept(signedIn)).toBe(false);
        expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
        for (let i = 0; i < 2; i++) {
          const missing = await get(`/public/${SLUG}/measures/99999`);
          expect(missing.status).toBe(404);
          expect(isKept(missing)).toBe(false);
        }
      });

      it("is gone once its part is withdrawn, and made anew when it is published again", async () => {
        const path = `/public/${SLUG}/reports/2013`;
        const kept = await keptAnswer(path);
        expect(isKept(kept)).toBe(true);
        await publish(PUBLIC_PARTS.filter((p) => p !== "reports"));
        try {
          expect((await get(path)).status).toBe(404);
          expect((await get(path, { "If-None-Match": kept.headers.get("etag")! })).status).toBe(404);
        } finally {
          await publish(PUBLIC_PARTS);
        }
        const again = await get(path);
        expect(again.status).toBe(200);
        expect(isKept(again)).toBe(false);
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
        const paths = PART_PATHS;
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
        const plans = await server.db
          .selectFrom("action_plan")
          .select("year")
          .where("cooperation_id", "=", cooperationId)
          .execute();
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

    const HTML_ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#x27;": "'", "&lt;": "<", "&gt;": ">" };
    const unescapeHtml = (text: string) => text.replace(/&(amp|quot|#x27|lt|gt);/g, (e) => HTML_ENTITIES[e]);

    /** The tags of a page's head with their attributes, e.g. every `<link>` or `<meta>`. */
    function headTags(html: string, tag: "link" | "meta"): Array<Record<string, string>> {
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? "";
      return [...head.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, "g"))].map((m) =>
        Object.fromEntries([...m[1].matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1].toLowerCase(), unescapeHtml(a[2])])),
      );
    }

    interface PageHead {
      canonical: string[];
      alternates: Record<string, string>;
      description: string[];
      og: Record<string, string[]>;
    }

    function pageHead(html: string): PageHead {
      const links = headTags(html, "link");
      const metas = headTags(html, "meta");
      const og: Record<string, string[]> = {};
      for (const m of metas.filter((m) => m.property?.startsWith("og:"))) (og[m.property] ??= []).push(m.content);
      return {
        canonical: links.filter((l) => l.rel === "canonical").map((l) => l.href),
        alternates: Object.fromEntries(links.filter((l) => l.rel === "alternate").map((l) => [l.hreflang, l.href])),
        description: metas.filter((m) => m.name === "description").map((m) => m.content),
        og,
      };
    }

    const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const XHTML = "http://www.w3.org/1999/xhtml";

    interface SitemapUrl {
      loc: string;
      lastmod: string | null;
      alternates: Record<string, string>;
    }

    /** The sitemap read by a strict, namespace-aware XML parser: any error of well-formedness throws. */
    function parseSitemap(xml: string): SitemapUrl[] {
      const parser = new SaxesParser({ xmlns: true });
      const urls: SitemapUrl[] = [];
      const path: string[] = [];
      let text = "";
      parser.on("opentag", (node) => {
        path.push(`${node.uri}|${node.local}`);
        text = "";
        if (node.uri === SITEMAP && node.local === "url") urls.push({ loc: "", lastmod: null, alternates: {} });
        if (node.uri === XHTML && node.local === "link") {
          expect(node.attributes.rel?.value).toBe("alternate");
          urls.at(-1)!.alternates[node.attributes.hreflang.value] = node.attributes.href.value;
        }
      });
      parser.on("text", (chunk) => (text += chunk));
      parser.on("closetag", (node) => {
        path.pop();
        if (node.uri !== SITEMAP) return;
        if (node.local === "loc") urls.at(-1)!.loc = text;
        if (node.local === "lastmod") urls.at(-1)!.lastmod = text;
      });
      parser.on("opentagstart", (node) => {
        if (path.length === 0) expect(node.name).toBe("urlset");
      });
      parser.write(xml).close();
      return urls;
    }

    async function sitemap(): Promise<SitemapUrl[]> {
      const answer = await get("/sitemap.xml");
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/xml; charset=utf-8");
      return parseSitemap(answer.body);
    }

    describe("search engines and link previews", () => {
      let answers: Answer[];
      let listed: SitemapUrl[];

      beforeAll(async () => {
        answers = (await crawl()).filter((a) => (a.headers.get("content-type") ?? "").includes("text/html"));
        listed = await sitemap();
      });

      it("every public page names one canonical address, its languages, a description and a preview card", () => {
        expect(answers.length).toBeGreaterThan(10);
        for (const { path, body } of answers) {
          const head = pageHead(body);
          // the crawl follows links without ?lang=: the cooperation's own language, whose address has none
          expect(head.canonical, path).toEqual([`${server.url}${path}`]);
          expect(Object.keys(head.alternates).sort(), path).toEqual(["en", "nb", "nn", "x-default"]);
          expect(head.alternates["x-default"], path).toBe(head.canonical[0]);
          expect(head.description, path).toHaveLength(1);
          expect(head.description[0].length, path).toBeGreaterThan(40);
          for (const property of ["og:title", "og:description", "og:url", "og:type", "og:locale"]) {
            expect(head.og[property], `${path} ${property}`).toHaveLength(1);
          }
          expect(head.og["og:url"], path).toEqual(head.canonical);
          expect(head.og["og:description"], path).toEqual(head.description);
          expect(body, path).toContain(`<title>${head.og["og:title"][0]} – Fellesløft</title>`);
        }
      });

      it("a page in another language than the cooperation's names its own address with lang, and only the query that matters", async () => {
        const base = `${server.url}/public/${SLUG}`;
        const english = pageHead((await get(`/public/${SLUG}/plans/2013?lang=en`)).body);
        expect(english.canonical).toEqual([`${base}/plans/2013?lang=en`]);
        expect(english.alternates).toEqual({
          nb: `${base}/plans/2013?lang=nb`,
          nn: `${base}/plans/2013`,
          en: `${base}/plans/2013?lang=en`,
          "x-default": `${base}/plans/2013`,
        });
        expect(english.og["og:locale"]).toEqual(["en_GB"]);
        expect(english.description[0]).toContain("The action plan for 2013 of");
        const own = pageHead((await get(`/public/${SLUG}/plans/2013?lang=nn`)).body);
        expect(own.canonical).toEqual([`${base}/plans/2013`]);
        expect(own.description[0]).toMatch(/^Handlingsplanen for 2013 for .*, godkjend av /);
        const matrix = pageHead((await get(`/public/${SLUG}/matrix?utm_source=x&year=2014&lang=nb`)).body);
        expect(matrix.canonical).toEqual([`${base}/matrix?year=2014&lang=nb`]);
        // a year the matrix does not have shows the default one, at the address without a year
        expect(pageHead((await get(`/public/${SLUG}/matrix?year=1850`)).body).canonical).toEqual([`${base}/matrix`]);
        expect(pageHead((await get("/public?lang=nb")).body).canonical).toEqual([`${server.url}/public`]);
      });

      it("the sitemap is well-formed XML listing every page it names in each language, each answering with that address", async () => {
        expect(listed.length).toBeGreaterThan(30);
        for (const url of listed) {
          expect(url.loc.startsWith(`${server.url}/public`), url.loc).toBe(true);
          expect(Object.values(url.alternates), url.loc).toContain(url.loc);
          expect(Object.keys(url.alternates).sort(), url.loc).toEqual(["en", "nb", "nn", "x-default"]);
          if (url.lastmod !== null) expect(url.lastmod, url.loc).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          const answer = await get(url.loc.slice(server.url.length));
          expect(answer.status, url.loc).toBe(200);
          expect(pageHead(answer.body).canonical, url.loc).toEqual([url.loc]);
        }
        expect(new Set(listed.map((u) => u.loc)).size).toBe(listed.length);
      });

      it("the sitemap lists exactly the pages the public links lead to, the matrix of each year and the strategy in force at its own address", async () => {
        const inForce = await server.db
          .selectFrom("strategy")
          .select("id")
          .where("cooperation_id", "=", await cooperationIdOf(server.db, SLUG))
          .where("status", "=", "adopted")
          .executeTakeFirstOrThrow();
        const own = listed.map((u) => u.loc.slice(server.url.length)).filter((loc) => !/[?&]lang=/.test(loc));
        const crawled = answers.map((a) => a.path);
        expect(crawled.filter((path) => !own.includes(path))).toEqual([]);
        const onlyListed = own.filter((path) => !crawled.includes(path));
        // the year form is a GET form, which a crawl of links does not submit
        const byYearOrId = (path: string) =>
          path.startsWith(`/public/${SLUG}/matrix?year=`) || path === `/public/${SLUG}/strategies/${inForce.id}`;
        expect(onlyListed.filter((path) => !byYearOrId(path))).toEqual([]);
        expect(onlyListed).toContain(`/public/${SLUG}/strategies/${inForce.id}`);
        expect(own.some((loc) => loc.startsWith(`/public/${KNUTEPUNKT.slug}`))).toBe(false);
        const dated = (path: string) => listed.find((u) => u.loc === `${server.url}${path}`)?.lastmod;
        expect(dated(`/public/${SLUG}/reports/2013`)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(dated(`/public/${SLUG}/plans/2013`)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });

      it("a part withdrawn leaves the sitemap at once, and a cooperation that publishes nothing is not in it", async () => {
        const before = await get("/sitemap.xml");
        expect((await get("/sitemap.xml", { "If-None-Match": before.headers.get("etag")! })).status).toBe(304);
        const paths = (urls: SitemapUrl[]) => urls.map((u) => new URL(u.loc).pathname);
        await publish(PUBLIC_PARTS.filter((p) => p !== "matrix"));
        try {
          const changed = await get("/sitemap.xml", { "If-None-Match": before.headers.get("etag")! });
          expect(changed.status).toBe(200);
          const withoutMatrix = paths(parseSitemap(changed.body));
          expect(withoutMatrix.filter((p) => p.includes("/matrix") || p.includes("/measures/"))).toEqual([]);
          expect(withoutMatrix).toContain(`/public/${SLUG}/plans/2013`);
          await publish([]);
          expect(paths(await sitemap())).toEqual(["/public", "/public", "/public"]);
        } finally {
          await publish(PUBLIC_PARTS);
        }
        expect(paths(await sitemap())).toEqual(paths(listed));
      });

      it("robots.txt lets crawlers read the public pages, the sitemap and the read API, and nothing else", async () => {
        const robots = await get("/robots.txt");
        expect(robots.status).toBe(200);
        expect(robots.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(robots.headers.get("set-cookie")).toBeNull();
        const lines = robots.body.split("\n").filter(Boolean);
        expect(lines[0]).toBe("User-agent: *");
        expect(lines).toEqual(
          expect.arrayContaining([
            "Allow: /public$",
            "Allow: /public/",
            "Allow: /sitemap.xml$",
            "Allow: /api/v1/",
            "Disallow: /",
          ]),
        );
        expect(lines.filter((l) => l.startsWith("Allow:")).every((l) => !/^Allow: \/(c|admin|login)\b/.test(l))).toBe(true);
        expect(lines.at(-1)).toBe(`Sitemap: ${server.url}/sitemap.xml`);
      });
    });
  },
);
