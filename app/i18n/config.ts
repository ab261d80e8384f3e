import i18next, { type i18n as I18n, type ParseKeys, type Resource, type ResourceLanguage } from "i18next";
import type { Language, WrittenStandard } from "../../db/schema";

/** The languages the portal speaks: each is a folder of JSON files in app/locales, one per namespace. */
export const LANGUAGES = ["nb", "nn", "en"] as const satisfies readonly Language[];
export const DEFAULT_LANGUAGE: Language = "nb";

/**
 * One namespace per domain folder and "common" for the site's shell. All are default
 * namespaces, so every `t` takes every key as "namespace:key" without naming namespaces first.
 */
export const NAMESPACES = [
  "common",
  "strategy",
  "measure",
  "decision",
  "plan",
  "planComments",
  "mail",
  "uptake",
  "overview",
  "round",
  "chart",
  "reportExport",
  "report",
  "adminCli",
  "publication",
  "succession",
] as const;

/** A text's key, "namespace:key": what code that hands keys on (errors, toasts, labels) holds. */
export type TextKey = ParseKeys<typeof NAMESPACES>;

/**
 * A key that arrives as a plain string, from where types do not reach: a form's errors as Conform
 * and zod carry them, a message a schema names. The server only ever sends keys of the files.
 */
export const textKey = (key: string) => key as TextKey;

/** Språklova: the language a municipality's written standard (målform) calls for; none when neutral. */
export const LANGUAGE_OF_STANDARD: Record<WrittenStandard, Language | null> = { bokmaal: "nb", nynorsk: "nn", neutral: null };

/** The locale `Intl` formats with; the value is also what `<html lang>` carries. */
export const INTL_LOCALE: Record<Language, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** An instance that speaks one language, ready at once: its resources are given, not fetched. */
export function createI18n(lng: string, resources: Resource): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: [...NAMESPACES],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

const instances = new Map<Language, I18n>();

/**
 * Nobody changes an instance's language after it is made, so every request and every e-mail
 * shares the one of its language (making one costs more than rendering a small page). The server
 * adds every language at start (i18n.server.ts); the browser only the page's (texts.client.ts).
 */
export function addLanguage(lng: Language, resources: ResourceLanguage): I18n {
  const instance = createI18n(lng, { [lng]: resources });
  instances.set(lng, instance);
  return instance;
}

export function hasLanguage(lng: Language): boolean {
  return instances.has(lng);
}

export function i18nFor(lng: Language): I18n {
  const instance = instances.get(lng);
  if (!instance) throw new Error(`The texts of "${lng}" are not loaded`);
  return instance;
}
