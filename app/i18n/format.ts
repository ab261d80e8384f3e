import type { Language } from "../../db/schema";
import { INTL_LOCALE } from "./config";

export function formatDate(lang: Language, isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T12:00:00Z` : isoDate);
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: "long", timeZone: "Europe/Oslo" }).format(date);
}

export function formatDateTime(lang: Language, isoTimestamp: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Oslo",
  }).format(new Date(isoTimestamp));
}

export function formatNumber(lang: Language, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang], {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Amounts are kept in øre; shown in kroner, with øre only where there are any. */
export function formatNok(lang: Language, ore: number): string {
  const hasOre = ore % 100 !== 0;
  return new Intl.NumberFormat(INTL_LOCALE[lang], {
    style: "currency",
    currency: "NOK",
    minimumFractionDigits: hasOre ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(ore / 100);
}

export function formatPercent(lang: Language, ratio: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang], { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
