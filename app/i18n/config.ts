import i18next, { type i18n as I18n } from "i18next";
import { LRUCache } from "lru-cache";
import type { Language, WrittenStandard } from "../../db/schema";
import { en } from "./locales/en";
import { nb } from "./locales/nb";
import { nn } from "./locales/nn";

export const LANGUAGES = ["nb", "nn", "en"] as const satisfies readonly Language[];
export const DEFAULT_LANGUAGE: Language = "nb";

export const resources = {
  nb: { translation: nb },
  nn: { translation: nn },
  en: { translation: en },
} as const;

/** The locale `Intl` formats with; the value is also what `<html lang>` carries. */
/** Språklova: the language a municipality's written standard (målform) calls for; none when neutral. */
export const LANGUAGE_OF_STANDARD: Record<WrittenStandard, Language | null> = { bokmaal: "nb", nynorsk: "nn", neutral: null };

export const INTL_LOCALE: Record<Language, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

const instances = new Map<Language, I18n>();

/**
 * The ready instance for a language. All resources are bundled, so initialisation is synchronous;
 * nobody changes an instance's language afterwards, so every request and every e-mail shares the
 * one of its language (making one costs more than rendering a small page).
 */
export function i18nFor(lng: Language): I18n {
  const made = instances.get(lng);
  if (made) return made;
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: false,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  remember(instance);
  instances.set(lng, instance);
  return instance;
}

type Translate = (key: unknown, options?: unknown) => unknown;

/**
 * Texts are looked up through a cache. i18next copies all its options into a new object on every
 * call of a component's `t` and then walks the resources: about 30 µs, and a page calls it a hundred
 * times. The resources never change after start, so a key with the same options gives the same
 * text; options that are not plain values (dates, objects) are never cached.
 */
function remember(instance: I18n): void {
  const translate = instance.t.bind(instance) as Translate;
  const texts = new LRUCache<string, string>({ max: 5000 });
  const t: Translate = (key, options) => {
    const id = cacheKey(key, options);
    if (id === null) return translate(key, options);
    const known = texts.get(id);
    if (known !== undefined) return known;
    const text = translate(key, options);
    if (typeof text === "string") texts.set(id, text);
    return text;
  };
  const getFixedT = instance.getFixedT.bind(instance);
  instance.t = t as I18n["t"];
  // what useTranslation() asks for: this instance's language, the one namespace, no key prefix
  instance.getFixedT = ((lang: unknown, ns: unknown, keyPrefix: unknown) =>
    (lang == null || lang === instance.language) && (ns == null || ns === "translation") && keyPrefix == null
      ? t
      : getFixedT(lang as never, ns as never, keyPrefix as never)) as I18n["getFixedT"];
}

function cacheKey(key: unknown, options: unknown): string | null {
  if (typeof key !== "string") return null;
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null || !Object.values(options).every(isPlainValue)) return null;
  return JSON.stringify([key, options]);
}

const isPlainValue = (value: unknown) =>
  value == null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
