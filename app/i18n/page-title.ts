import type { MetaArgs } from "@remix-run/node";
import type { Language } from "../../db/schema";
import { i18nFor, DEFAULT_LANGUAGE, type TextKey } from "./config";

/** "<page> – Fellesløft" in the page's language (WCAG 2.4.2: every page has a descriptive title). */
export function pageTitle(matches: MetaArgs["matches"], key: TextKey, options?: Record<string, unknown>): { title: string }[] {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: Language } | undefined;
  const { t } = i18nFor(root?.lang ?? DEFAULT_LANGUAGE);
  return [{ title: `${t(key, options)} – Fellesløft` }];
}

/** The name of the cooperation in the URL, from the user's cooperations the root loaded. */
export function cooperationName(matches: MetaArgs["matches"]): string | undefined {
  const root = matches.find((m) => m.id === "root");
  const cooperations = (root?.data as { cooperations?: { slug: string; name: string }[] } | undefined)?.cooperations;
  return cooperations?.find((c) => c.slug === root?.params.slug)?.name;
}

/** A page inside a cooperation: the cooperation's name fills `{{name}}`. */
export function cooperationPageTitle(
  matches: MetaArgs["matches"],
  key: TextKey,
  options: Record<string, unknown> = {},
): { title: string }[] {
  return pageTitle(matches, key, { name: cooperationName(matches) ?? "", ...options });
}
