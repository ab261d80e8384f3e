import type { MetaDescriptor } from "@remix-run/node";
import type { Language } from "../../db/schema";
import { i18nFor, INTL_LOCALE, LANGUAGES } from "../i18n/config";
import type { PublicAddress } from "./address.server";

/*
 * The head of a public page for search engines and link previews: one canonical address, the
 * same page in the other languages, a description, and the Open Graph card a shared link shows.
 */

export type Translate = ReturnType<typeof i18nFor>["t"];

export interface PublicPageText {
  /** what the page is, e.g. "Handlingsplan 2025 – eKommune Sunnmøre"; the title adds the site's name */
  title: string;
  description: string;
  /** "article" for one document (a plan, a report, a strategy, a measure), else a page of the site */
  type?: "website" | "article";
}

const SITE = "Fellesløft";

/** Open Graph names locales as language_TERRITORY. */
const ogLocale = (lang: Language) => INTL_LOCALE[lang].replace("-", "_");

export function publicMeta(address: PublicAddress, text: (t: Translate, lang: Language) => PublicPageText): MetaDescriptor[] {
  const lang = address.language;
  const { title, description, type = "website" } = text(i18nFor(lang).t, lang);
  return [
    { title: `${title} – ${SITE}` },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: address.url },
    ...address.alternates.map(({ hreflang, href }) => ({ tagName: "link", rel: "alternate", hrefLang: hreflang, href })),
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: address.url },
    { property: "og:type", content: type },
    { property: "og:site_name", content: SITE },
    { property: "og:locale", content: ogLocale(lang) },
    ...LANGUAGES.filter((other) => other !== lang).map((other) => ({
      property: "og:locale:alternate",
      content: ogLocale(other),
    })),
  ];
}

/** Whether the page is in its cooperation's own language (its address carries no `lang`). */
export function inDefaultLanguage(address: PublicAddress): boolean {
  return address.alternates.some((a) => a.hreflang === "x-default" && a.href === address.url);
}

const SUMMARY_LENGTH = 300;

/** A text's first paragraph, cut at a word within the length search engines show. */
export function summary(text: string | null): string {
  const first = (text ?? "")
    .trim()
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, " ");
  if (first.length <= SUMMARY_LENGTH) return first;
  const cut = first.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), SUMMARY_LENGTH / 2))}…`;
}
