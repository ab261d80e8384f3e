import type { MetaArgs } from "@remix-run/node";
import type { Language } from "../../db/schema";
import { i18nFor, DEFAULT_LANGUAGE } from "./config";

/** "<page> – Fellesløft" in the page's language (WCAG 2.4.2: every page has a descriptive title). */
export function pageTitle(matches: MetaArgs["matches"], key: string, options?: Record<string, unknown>): { title: string }[] {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Language } | undefined;
  const { t } = i18nFor(root?.lang ?? DEFAULT_LANGUAGE);
  return [{ title: `${t(key, options)} – Fellesløft` }];
}

/** A page inside a cooperation: the cooperation's name (from the /c/{slug} layout) fills `{{name}}`. */
export function cooperationPageTitle(
  matches: MetaArgs["matches"],
  key: string,
  options: Record<string, unknown> = {}
): { title: string }[] {
  const layout = matches.find((m) => m.id === "routes/c.$slug")?.data as { name?: string } | undefined;
  return pageTitle(matches, key, { name: layout?.name ?? "", ...options });
}
