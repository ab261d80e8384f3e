/*
 * Every POST form the portal shows, as a browser would send it: each page of the route manifest
 * is opened in Chromium (without JavaScript, so the DOM is the server's HTML) as each actor, and
 * each form's entries are read with the browser's own FormData, once per submit button. Empty
 * required text and date fields are filled in, so that an "add" form is sent as a user would send it.
 */
import type { Browser } from "playwright-core";
import { login, newContext } from "./browser";
import { loadRouteManifest, resolveRouteUrl, type CooperationRef } from "./route-manifest";
import type { TestServer } from "./server";

export interface ShownForm {
  actor: string;
  /** the page the form was on */
  page: string;
  /** path and query the form posts to */
  action: string;
  /** the submit button's name=value, when it has one */
  intent: string | null;
  entries: [string, string][];
}

/** Pages that post somewhere no editing happens: signing out ends the actor's session. */
const NOT_A_WRITE = new Set(["/logout"]);

export async function collectForms(
  server: TestServer,
  browser: Browser,
  {
    actors,
    cooperation,
    extraPaths = [],
  }: {
    actors: readonly string[];
    cooperation: CooperationRef;
    /** pages the manifest's parameters do not reach, e.g. a draft's edit forms when the first strategy is adopted */
    extraPaths?: readonly string[];
  },
): Promise<ShownForm[]> {
  const manifest = (await loadRouteManifest()).filter((r) => r.hasComponent && !r.pathless && r.kind !== "admin");
  const paths: string[] = [];
  for (const route of manifest) {
    if (!route.params.includes("*")) paths.push((await resolveRouteUrl(server.db, route, { cooperation })).path);
  }
  paths.push(...extraPaths);
  const seen = new Set<string>();
  const forms: ShownForm[] = [];
  for (const actor of actors) {
    const { context, page } = await newContext(browser, { javaScript: false });
    await login(page, server, actor);
    for (const path of new Set(paths)) {
      const response = await page.goto(`${server.url}${path}`);
      if (!response || response.status() !== 200) continue;
      const shown = await page.evaluate(() => {
        const today = new Date().toISOString().slice(0, 10);
        return [...document.querySelectorAll<HTMLFormElement>("form")]
          .filter((form) => form.method === "post")
          .flatMap((form) => {
            for (const field of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) {
              if (field.value !== "" || field.disabled || !field.required) continue;
              if (field instanceof HTMLTextAreaElement || field.type === "text") field.value = "Samtidig lagring";
              else if (field.type === "date") field.value = today;
            }
            const buttons = [...form.querySelectorAll<HTMLButtonElement>("button[type=submit], button:not([type])")];
            const submitters: (HTMLButtonElement | null)[] = buttons.length ? buttons : [null];
            return submitters.map((button) => {
              const data = new FormData(form, button);
              const url = new URL(form.action, location.href);
              return {
                action: url.pathname + url.search,
                intent: button?.name ? `${button.name}=${button.value}` : null,
                entries: [...data.entries()].map(([k, v]) => [k, String(v)] as [string, string]),
              };
            });
          });
      });
      for (const form of shown) {
        if (NOT_A_WRITE.has(form.action)) continue;
        const key = `${actor} ${form.action} ${form.intent} ${form.entries.map(([k]) => k).join(",")}`;
        if (seen.has(key)) continue;
        seen.add(key);
        forms.push({ actor, page: path, ...form });
      }
    }
    await context.close();
  }
  return forms;
}
