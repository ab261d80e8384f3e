import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { TEXTS } from "../support/texts";
import { chooseLanguage, loginCookie, startServer, type TestServer } from "../support/server";
import { PLAN_OUT_FOR_INPUT } from "../../seeds/plan-demo";

/*
 * Rolling a plan carries every unfinished measure, also one whose implementation period has ended
 * (the demo's plan out for input, rolled from this year's, has measure 13 planned for 2019–2026). The plan
 * shows those apart, for the secretariat to extend or drop, and marks each of them where it stands.
 */

const SUNNMORE = "ekommune-sunnmore";

describe("plan items whose period has ended", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function planPage(lang: Language, year = PLAN_OUT_FOR_INPUT) {
    const cookie = await loginCookie(server, "styre@ekommune-sunnmore.example");
    await chooseLanguage(server, cookie, lang);
    const response = await fetch(`${server.url}/c/${SUNNMORE}/plans/${year}`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    return response.text();
  }

  /** the measures linked from the "period ended" section, by number */
  const listed = (html: string) => {
    const section = html.match(/<section aria-labelledby="period-ended-heading"[\s\S]*?<\/section>/)?.[0] ?? "";
    return [...section.matchAll(/href="#item-(\d+)"/g)].map((m) => Number(m[1]));
  };

  it.each<Language>(["nb", "nn"])("lists them apart and marks each, in %s", async (lang) => {
    const html = await planPage(lang);
    const t = TEXTS[lang].plan.page;
    expect(html).toContain(t.periodEnded);
    expect(listed(html)).toEqual([13]);
    const ended = html.match(/data-testid="plan-item-13"[\s\S]*?<\/section>/)?.[0] ?? "";
    expect(ended).toContain(t.periodEndedItem.replace("{{period}}", "2019–2026"));
    for (const number of [9, 11, 12]) {
      const item = html.match(new RegExp(`data-testid="plan-item-${number}"[\\s\\S]*?</section>`))?.[0] ?? "";
      expect(item, `measure ${number}`).not.toContain(t.periodEnded);
    }
  });

  it("says so when no item's period has ended", async () => {
    const html = await planPage("nb", 2014);
    expect(listed(html)).toEqual([]);
    expect(html).toContain(TEXTS.nb.plan.page.nonePeriodEnded.replace("{{year}}", "2014"));
  });
});
