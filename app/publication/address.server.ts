import type { Language } from "../../db/schema";
import { LANGUAGES } from "../i18n/config";

/*
 * Where a public page lives, as search engines and link previews are told: one address per page
 * and language, with only what changes the content in its query. The page in the cooperation's
 * own language carries no `lang`, so a link without it and the canonical address agree.
 */

export interface Alternate {
  /** a language, or x-default: the page for a reader whose language none of the others is */
  hreflang: Language | "x-default";
  href: string;
}

export interface PublicAddress {
  /** the canonical, absolute URL of the page in its language */
  url: string;
  language: Language;
  alternates: Alternate[];
}

export interface PublicPageRef {
  /** the path, e.g. `/public/fosen/plans/2025` */
  path: string;
  /** the query parameters that change what the page shows, e.g. `{ year: "2024" }` on the matrix */
  query?: Record<string, string>;
  /** the language the page is in without `?lang=` */
  defaultLanguage: Language;
}

function urlIn(origin: string, page: PublicPageRef, language: Language): string {
  const url = new URL(page.path, `${origin}/`);
  for (const [name, value] of Object.entries(page.query ?? {})) url.searchParams.set(name, value);
  if (language !== page.defaultLanguage) url.searchParams.set("lang", language);
  return url.href;
}

/** The page's address in `language` and in every other one, under `origin` (see requestOrigin). */
export function pageAddress(page: PublicPageRef, language: Language, origin: string): PublicAddress {
  return {
    url: urlIn(origin, page, language),
    language,
    alternates: [
      ...LANGUAGES.map((lng) => ({ hreflang: lng, href: urlIn(origin, page, lng) })),
      { hreflang: "x-default" as const, href: urlIn(origin, page, page.defaultLanguage) },
    ],
  };
}

/** The path a loader answers, without the trailing slash a visitor may have typed. */
export function requestPath(request: Request): string {
  return new URL(request.url).pathname.replace(/\/+$/, "") || "/";
}
