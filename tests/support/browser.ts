/*
 * Browser helpers for the end-to-end tests: Debian's Chromium driven by playwright-core, a real
 * login through the form, language switching through the header's form, and axe-core scans.
 *
 * Pages always come from `browser.newContext()` + `context.newPage()`: `browser.newPage()`
 * makes @axe-core/playwright's analyze() throw.
 */
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Language } from "../../db/schema";
import { DEMO_PASSWORD } from "../../seeds/demo-content";
import { startServer, type TestServer } from "./server";

export { DEMO_PASSWORD };

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** How long a helper waits for the page to reach the state it expects before failing. */
const WAIT_MS = 10_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/**
 * The production server and Chromium for one test file: started side by side before its tests,
 * handed to `started`, and stopped after them.
 */
export function withServerAndBrowser(started: (server: TestServer, browser: Browser) => void): void {
  let running: [TestServer, Browser] | undefined;
  beforeAll(async () => {
    running = await Promise.all([startServer(), launchBrowser()]);
    started(...running);
  });
  afterAll(async () => {
    await running?.[1].close();
    await running?.[0].stop();
  });
}

/** Whether JavaScript runs in a context made by newContext(); helpers wait for hydration only then. */
const javaScriptOf = new WeakMap<BrowserContext, boolean>();

export interface ContextOptions {
  javaScript: boolean;
  /** e.g. { width: 320, height: 640 } for the narrow-screen checks */
  viewport?: { width: number; height: number };
}

/** A fresh, isolated context (no cookies, no storage) and its one page. */
export async function newContext(browser: Browser, options: ContextOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  javaScriptOf.set(context, options.javaScript);
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  const page = await context.newPage();
  return { context, page };
}

export function javaScriptEnabled(page: Page): boolean {
  return javaScriptOf.get(page.context()) ?? true;
}

/**
 * With JavaScript on, waits until React has hydrated the document (a hydrated element carries
 * React's `__reactFiber$…` property), so a click is handled by Remix rather than by the browser
 * before the scripts have run. With JavaScript off there is nothing to wait for.
 */
/**
 * With JavaScript on: waits until React has hydrated the page and Remix has finished any
 * navigation — after a client-side submit the URL changes a moment before the new page renders.
 */
/**
 * Clicks a form's submit button and returns the POST it sent, or null when none was sent (the
 * form's own validation kept it back, or `wait` ms passed). Seen in full runs only, on the progress
 * page's weights form, with and without scripts: a click on the visible button sent nothing —
 * without scripts no code of ours is there to stop it. When the click sends nothing within 10 s
 * and the page shows no error, the form is submitted with that button, which is what the click
 * means; callers still judge the save by its answer and the data.
 */
export async function clickSubmit(page: Page, button: Locator, wait: number): Promise<Request | null> {
  const posted = (timeout: number) => page.waitForRequest((r) => r.method() === "POST", { timeout }).catch(() => null);
  const sent = posted(10_000);
  await button.click();
  const request = await sent;
  const shown = await page
    .locator("main .ds-error-summary, main .ds-validation-message, main .ds-alert[data-color=danger]")
    .allInnerTexts();
  if (request || shown.some((text) => text.trim())) return request;
  const again = posted(wait);
  await button.evaluate((b) => (b as HTMLButtonElement).form?.requestSubmit(b as HTMLButtonElement));
  return again;
}

export async function waitForHydration(page: Page): Promise<void> {
  // without JavaScript there is nothing to hydrate, but a locator can match the top of a document
  // whose rest is still being parsed: wait for all of it
  if (!javaScriptEnabled(page)) return page.waitForLoadState("load");
  await page.waitForFunction(
    () => {
      const main = document.querySelector("main#main");
      const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string } } } }).__remixRouter;
      return (
        main !== null &&
        Object.keys(main).some((k) => k.startsWith("__reactFiber$")) &&
        (!router || router.state.navigation.state === "idle") &&
        (main as HTMLElement).dataset.path === window.location.pathname + window.location.search
      );
    },
    undefined,
    { timeout: WAIT_MS },
  );
}

/** Navigates and, with JavaScript on, waits for hydration. Returns the document response. */
export async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return url.pathname + url.search;
}

/**
 * Fills the login form on the current page and submits it. Use on a page that already shows
 * the form (e.g. after a redirect to /login?redirectTo=…); login() below opens /login first.
 */
export async function submitLoginForm(page: Page, email: string, password: string): Promise<void> {
  await waitForHydration(page);
  const form = page.locator("form#login");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
}

/**
 * Logs in through the real form at /login (unless `navigate: false`) and waits until the
 * browser has left the login page. Fails with what the page showed if the login did not work.
 */
export async function login(
  page: Page,
  server: TestServer,
  email: string,
  options: { password?: string; navigate?: boolean } = {},
): Promise<void> {
  if (options.navigate !== false) await visit(page, `${server.url}/login`);
  await submitLoginForm(page, email, options.password ?? DEMO_PASSWORD);
  try {
    await page.waitForURL((url) => url.pathname !== "/login", { timeout: WAIT_MS });
    // with JavaScript the URL changes a moment before React renders the new page
    await page.locator("form#login").waitFor({ state: "detached", timeout: WAIT_MS });
  } catch {
    const summary = await page.locator(".ds-error-summary").allInnerTexts();
    throw new Error(`login as ${email} did not leave ${pathOf(page)}; error summary: ${JSON.stringify(summary)}`);
  }
  await waitForHydration(page);
}

/** The site header (the overview page has a <header> of its own inside <main>). */
export const SITE_HEADER = "body > header";

/** Logs out with the header's button and waits for the login page it leads to. */
export async function logout(page: Page): Promise<void> {
  await waitForHydration(page);
  const logoutForm = page.locator(`${SITE_HEADER} form[action="/logout"]`);
  await logoutForm.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/login", { timeout: WAIT_MS });
  await logoutForm.waitFor({ state: "detached", timeout: WAIT_MS });
  await page.locator("form#login").waitFor({ state: "attached", timeout: WAIT_MS });
  await waitForHydration(page);
}

/**
 * Changes language with the header's form: picks `lang` in #language-select and presses the
 * submit button of the same form, then waits for `<html lang>` to say so.
 */
export async function switchLanguage(page: Page, lang: Language): Promise<void> {
  await waitForHydration(page);
  const form = page.locator(`${SITE_HEADER} form:has(#language-select)`);
  await form.locator("#language-select").selectOption(lang);
  await form.locator('button[type="submit"]').click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: "attached", timeout: WAIT_MS });
  // without JavaScript the new document's <html> is there before the rest of it has arrived
  await page.waitForLoadState("load");
  await waitForHydration(page);
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

/**
 * Runs axe-core for WCAG 2.0/2.1 A and AA and fails with one readable line per violation and
 * element: rule id, impact, the element's selector, and axe's help text and link.
 * axe runs inside the page, so it needs a context with JavaScript on.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  if (!javaScriptEnabled(page)) {
    throw new Error(`expectNoAxeViolations(${label}): axe-core runs in the page and needs a context with JavaScript enabled`);
  }
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = results.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `[${v.id}] (${v.impact ?? "unknown impact"}) ${n.target
          .map((t) => (Array.isArray(t) ? t.join(" >> ") : String(t)))
          .join(" | ")} — ${v.help} (${v.helpUrl})` +
        (n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, "\n    ")}` : ""),
    ),
  );
  expect(
    found,
    `axe found ${found.length} WCAG 2.1 A/AA violation(s) on ${label} (${pathOf(page)}, lang=${await htmlLang(page)})`,
  ).toEqual([]);
  // a scan that checked nothing proves nothing
  expect(results.passes.length, `axe checked nothing on ${label}`).toBeGreaterThan(0);
  const uninterpolated = (await page.locator("body").innerText()).match(/\{\{\w+\}\}/g);
  expect(uninterpolated, `text with a missing translation value on ${label}`).toBeNull();
}

/** The narrowest screen WCAG 1.4.10 (reflow) asks a page to work on without scrolling sideways. */
export const REFLOW_VIEWPORT = { width: 320, height: 640 };

/**
 * Checks WCAG 1.4.10 at 320 CSS px, which axe does not: the document is no wider than the
 * window, so only a region meant to scroll (a wide table's own scroll container) scrolls sideways.
 * The page is narrowed for the check and given its size back afterwards. A failure names the
 * outermost elements that stick out, so the page to fix is found from the message.
 */
export async function expectReflow(page: Page, label: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize(REFLOW_VIEWPORT);
  try {
    const layout = await page.evaluate(() => {
      const width = window.innerWidth;
      const scrolls = (el: Element) => getComputedStyle(el).overflowX !== "visible";
      // a scroll container clips what is laid out in it, but not an absolutely positioned
      // descendant whose containing block is outside it (a visually hidden text in a table cell)
      const clipped = (el: HTMLElement) => {
        const position = getComputedStyle(el).position;
        if (position === "fixed") return false;
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
          if (!scrolls(up)) continue;
          if (position !== "absolute") return true;
          const block = el.offsetParent;
          if (block && (block === up || up.contains(block))) return true;
        }
        return false;
      };
      const describe = ({ el, to }: { el: Element; to: number }) =>
        `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${
          typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""
        }> to ${Math.round(to)} px: ${(el.textContent ?? "").trim().slice(0, 60)}`;
      const right = (node: Node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return (node instanceof Element ? node.getBoundingClientRect() : range.getBoundingClientRect()).right + window.scrollX;
      };
      // elements, and text running out of its element (a long word that does not wrap)
      const sticking: { el: Element; to: number }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node instanceof HTMLElement ? node : node.parentElement;
        if (!el || sticking.some((outer) => outer.el.contains(el))) continue;
        const to = right(node);
        if (to > width + 0.5 && !clipped(el)) sticking.push({ el, to });
      }
      return { scrollWidth: document.documentElement.scrollWidth, width, sticking: sticking.slice(0, 8).map(describe) };
    });
    expect(
      layout.scrollWidth,
      `${label} (${pathOf(page)}) is ${layout.scrollWidth} px wide at ${layout.width} px; sticking out: ${layout.sticking.join(" | ")}`,
    ).toBeLessThanOrEqual(layout.width);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/**
 * The links inside the elements `selector` matches, in document order, with the accessible name
 * Chromium computes for each (what a screen reader announces, aria-labelledby and all) and href.
 */
export async function linkNames(page: Page, selector: string): Promise<{ name: string; href: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
    const links: { name: string; href: string }[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send("Accessibility.queryAXTree", { nodeId, role: "link" });
      for (const node of nodes) {
        const { node: element } = await cdp.send("DOM.describeNode", { backendNodeId: node.backendDOMNodeId });
        // a flat list: name, value, name, value …
        const attributes = element.attributes ?? [];
        const href = attributes.findIndex((a, i) => i % 2 === 0 && a === "href");
        links.push({ name: String(node.name?.value ?? ""), href: href < 0 ? "" : attributes[href + 1]! });
      }
    }
    return links;
  } finally {
    await cdp.detach();
  }
}
