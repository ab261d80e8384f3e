import i18next, { type i18n as I18n } from "i18next";
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
  instances.set(lng, instance);
  return instance;
}
