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

export function formatDate(lang: Language, isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "long", timeZone: "Europe/Oslo" }).format(date);
}

export function formatDateTime(lang: Language, isoTimestamp: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(new Date(isoTimestamp));
}

export function formatNumber(lang: Language, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Amounts are kept in øre; shown in kroner, with øre only where there are any. */
export function formatNok(lang: Language, ore: number): string {
  const hasOre = ore % 100 !== 0;
  return new Intl.NumberFormat(intlLocale(lang), {
    style: "currency",
    currency: "NOK",
    minimumFractionDigits: hasOre ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(ore / 100);
}

export function formatPercent(lang: Language, ratio: number): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
