import type { Language } from "../../db/schema";
import { INTL_LOCALE } from "./config";

/**
 * Some browsers' ICU (Debian's Chromium among them) has no Nynorsk data and would fall back to
 * English; Bokmål formats dates and numbers the same way (same month names, separators), so it
 * stands in — and the page hydrates with exactly the text the server rendered.
 */
function intlLocale(lang: Language): string {
  const wanted = INTL_LOCALE[lang];
  if (lang !== "nn" || Intl.DateTimeFormat.supportedLocalesOf([wanted]).length > 0) return wanted;
  return INTL_LOCALE.nb;
}

// Making an Intl formatter costs far more than using one, and a matrix formats thousands of
// numbers: each (language, kind) is made once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  lang: Language,
  kind: string,
  make: (locale: string) => F,
): F {
  const key = `${lang}|${kind}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make(intlLocale(lang));
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(lang: Language, isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  return cached(lang, "date", (locale) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Oslo" })).format(
    date,
  );
}

export function formatDateTime(lang: Language, isoTimestamp: string): string {
  return cached(
    lang,
    "dateTime",
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }),
  ).format(new Date(isoTimestamp));
}

export function formatNumber(lang: Language, value: number, fractionDigits = 0): string {
  return cached(
    lang,
    `number${fractionDigits}`,
    (locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
  ).format(value);
}

/** Amounts are kept in øre; shown in kroner, with øre only where there are any. */
export function formatNok(lang: Language, ore: number): string {
  const hasOre = ore % 100 !== 0;
  return cached(
    lang,
    `nok${hasOre ? 2 : 0}`,
    (locale) =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency: "NOK",
        minimumFractionDigits: hasOre ? 2 : 0,
        maximumFractionDigits: 2,
      }),
  ).format(ore / 100);
}

export function formatPercent(lang: Language, ratio: number): string {
  return cached(
    lang,
    "percent",
    (locale) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }),
  ).format(ratio);
}

/** "Giske, Sula og Ørskog" */
export function formatList(lang: Language, items: string[]): string {
  return cached(lang, "list", (locale) => new Intl.ListFormat(locale, { type: "conjunction" })).format(items);
}
