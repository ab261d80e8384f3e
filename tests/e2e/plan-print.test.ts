/*
 * An approved plan prints cleanly to A4 from the browser. Chromium prints the
 * demo's approved 2014 plan with the print stylesheet; the PDF is read back with poppler
 * (pdfinfo, pdftotext): A4 pages, the decision block and the plan items are there, the site's
 * header, navigation, language form and action buttons are not.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nn } from "../support/texts";
import { EKOMMUNE, EKOMMUNE_MEASURES } from "../../seeds/demo-content";
import { login, newContext, visit, withServerAndBrowser } from "../support/browser";
import { loginCookie, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
let dir: string;

withServerAndBrowser((s, b) => ([server, browser] = [s, b]));
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fellesloft-print-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("printing an approved action plan", () => {
  it("gives A4 pages with the decision and the items, without the site's chrome", async () => {
    const { context, page } = await newContext(browser, { javaScript: true });
    try {
      await login(page, server, "styre@ekommune-sunnmore.example");
      await visit(page, `${server.url}/c/${EKOMMUNE.slug}/plans/2014`);
      const pdf = path.join(dir, "plan-2014.pdf");
      writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true }));

      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(info).toMatch(/Page size:.*\(A4\)/);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      // the decision block: case number and body as the demo's rådmannsutval recorded them
      expect(text).toContain("14/13");
      for (const measure of EKOMMUNE_MEASURES.filter((m) => m.status !== "completed").slice(0, 3)) {
        expect(text).toContain(measure.name.slice(0, 30));
      }
      // nothing of the screen-only chrome
      for (const chrome of [nn.shell.logout, nn.shell.changeLanguage, nn.shell.skipToContent, nn.plan.nav]) {
        expect(text).not.toContain(chrome);
      }
    } finally {
      await context.close();
    }
  });
});

describe("the approved plan's PDF", () => {
  it("says the plan was approved on the decision's date, not the day it was entered", async () => {
    const cookie = await loginCookie(server, "styre@ekommune-sunnmore.example");
    const response = await fetch(`${server.url}/c/${EKOMMUNE.slug}/plans/2014.pdf`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const pdf = path.join(dir, "plan-2014-download.pdf");
    writeFileSync(pdf, Buffer.from(await response.arrayBuffer()));
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    // the demo's rådmannsutval approved the 2014 plan on 5 December 2013 (case 14/13)
    expect(text).toContain("Godkjend 5. desember 2013");
    const today = new Intl.DateTimeFormat("nn-NO", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/Oslo",
    }).format(new Date());
    expect(text).not.toContain(`Godkjend ${today}`);
  });
});
