/*
 * The browser gets the texts of the page's language only: not in the scripts, but fetched once
 * per language, and another one only when the page changes to it — through the language switch,
 * and a client-side navigation after it. (Without JavaScript the server's HTML carries the text;
 * the other browser tests run without JavaScript too.)
 */
import type { Browser, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en, nb, nn } from "../support/texts";
import { launchBrowser, newContext, pathOf, switchLanguage, visit, waitForHydration } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the page's language in the browser", () => {
  it("loads only that language's texts, and another one when the page switches to it", async () => {
    const { context, page } = await newContext(browser, { javaScript: true });
    // languages whose texts were fetched (the head's preload of a fetched language may ask again: the browser's cache answers)
    const fetched = new Set<string>();
    const texts = () => [...fetched];
    const scripts: Promise<string>[] = [];
    const errors: string[] = [];
    page.on("response", (response: Response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith("/texts/")) fetched.add(url.pathname.slice("/texts/".length));
      if (url.pathname.endsWith(".js")) scripts.push(response.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    try {
      await visit(page, `${server.url}/login`);
      expect(await page.locator("main h1").innerText()).toBe(nb.login.title);
      expect(texts()).toEqual(["nb"]);
      const code = (await Promise.all(scripts)).join("\n");
      expect(code.length).toBeGreaterThan(0);
      for (const text of [nb.login.intro, nn.login.intro, en.login.intro]) expect(code).not.toContain(text);

      await switchLanguage(page, "nn");
      expect(texts()).toEqual(["nb", "nn"]);
      expect(await page.locator("main h1").innerText()).toBe(nn.login.title);
      expect(await page.locator("main").innerText()).toContain(nn.login.intro);

      // a client-side navigation in the new language: no document load, the texts are there
      const documents: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "document") documents.push(request.url());
      });
      await page.locator('footer a[href="/accessibility"]').click();
      await page.waitForURL(`${server.url}/accessibility`);
      await waitForHydration(page);
      expect(pathOf(page)).toBe("/accessibility");
      expect(await page.locator("main h1").innerText()).toBe(nn.accessibility.title);
      expect(documents).toEqual([]);
      expect(texts()).toEqual(["nb", "nn"]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
