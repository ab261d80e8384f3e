import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEXTS } from "../support/texts";
import { chooseLanguage, loginCookie, startServer, type TestServer } from "../support/server";

/*
 * The uptake matrix's cell links, as documents: each leads to its municipality's part of the
 * measure page's history, and that part is there for every cell the matrix links from — also
 * for a municipality that has never reported (here Molde, a member from 2014 with no reports).
 * Each link's name is put together from ids on the page (aria-labelledby), which must be there.
 */

const SLUG = "ekommune-sunnmore";
const YEAR = 2014;

describe("the matrix's cell links and the measure page's history", () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer();
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/admin.ts",
        "add-members",
        "--slug",
        SLUG,
        "--municipalities",
        "1502",
        "--joined",
        `${YEAR}-01-01`,
      ],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: server.dbFile, NODE_ENV: "production" } },
    );
    expect(result.status, result.stderr).toBe(0);
    cookie = await loginCookie(server, "sekretariat@ekommune-sunnmore.example");
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function documentOf(path: string): Promise<string> {
    const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie, Accept: "text/html" } });
    expect(response.status, path).toBe(200);
    return response.text();
  }

  const idsIn = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  /** the measure page's history section: from its heading's section to the next section */
  const historyOf = (html: string) => /<section id="history"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";

  describe.each(["nb", "nn", "en"] as const)("in %s", (lang) => {
    beforeAll(async () => {
      await chooseLanguage(server, cookie, lang);
    });

    it("every cell link's name parts are on the page, and its fragment is in its measure page's history", async () => {
      const matrix = await documentOf(`/c/${SLUG}/matrix?year=${YEAR}`);
      const links = [...matrix.matchAll(/<a href="([^"#]+)#([^"]+)" aria-labelledby="([^"]+)">/g)].map((m) => ({
        page: m[1]!,
        fragment: m[2]!,
        labelledBy: m[3]!.split(" "),
      }));
      expect(links.length).toBeGreaterThan(50);
      const ids = idsIn(matrix);
      for (const id of new Set(links.flatMap((l) => l.labelledBy))) {
        expect(
          ids.filter((i) => i === id),
          `id ${id} in the matrix document`,
        ).toHaveLength(1);
      }
      const pages = new Map<string, Set<string>>();
      for (const l of links) pages.set(l.page, (pages.get(l.page) ?? new Set()).add(l.fragment));
      for (const [page, fragments] of pages) {
        const history = historyOf(await documentOf(page));
        const inHistory = idsIn(history);
        for (const fragment of fragments) {
          expect(
            inHistory.filter((i) => i === fragment),
            `#${fragment} in the history of ${page}`,
          ).toHaveLength(1);
        }
      }
      // Molde's column has links, to a line saying it has not reported
      const molde = links.filter((l) => l.fragment === "history-1502");
      expect(molde.length).toBeGreaterThan(0);
      const history = historyOf(await documentOf(molde[0]!.page));
      const line = /<p id="history-1502"[^>]*data-municipality="Molde">([\s\S]*?)<\/p>/.exec(history)?.[1] ?? "";
      expect(line.replace(/<!-- -->/g, "")).toBe(`Molde ${TEXTS[lang].measure.page.notReported}`);
    });
  });

  it("a measure the matrix never shows Molde in lists no line for it", async () => {
    // the one chosen-members measure: Molde was not chosen
    const chosen = await server.db
      .selectFrom("measure")
      .innerJoin("cooperation", "cooperation.id", "measure.cooperation_id")
      .select("measure.number")
      .where("cooperation.slug", "=", SLUG)
      .where("measure.all_members", "=", 0)
      .executeTakeFirstOrThrow();
    const history = historyOf(await documentOf(`/c/${SLUG}/measures/${chosen.number}`));
    expect(history).toContain("data-municipality=");
    expect(history).not.toContain("Molde");
  });
});
