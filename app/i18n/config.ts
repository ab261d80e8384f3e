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

/** A ready instance for one language. All resources are bundled, so initialisation is synchronous. */
export function createI18n(lng: Language): I18n {
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
  return instance;
}
