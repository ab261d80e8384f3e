/*
 * Dates as Norway counts them. A cooperation's "today", its years and its deadlines are Europe/Oslo's:
 * the server's clock runs on UTC, whose date is still yesterday's between midnight and 01:00 (02:00
 * in summer) in Norway. Calendar dates are ISO strings (yyyy-mm-dd), which compare as text.
 */

// Swedish writes dates as ISO (yyyy-mm-dd); made once, as making a formatter is the costly part
const OSLO_ISO_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" });

/** The date in Norway at the instant `now`, as yyyy-mm-dd. */
export function osloToday(now = new Date()): string {
  return OSLO_ISO_DATE.format(now);
}

/** The date in Norway of a stored instant (an ISO timestamp, which is UTC's). */
export function osloDateOf(timestamp: string): string {
  return osloToday(new Date(timestamp));
}

/** The year in Norway at the instant `now`. */
export function osloYear(now = new Date()): number {
  return Number(osloToday(now).slice(0, 4));
}

export const yearStart = (year: number) => `${year}-01-01`;

export const yearEnd = (year: number) => `${year}-12-31`;

/** A calendar date `days` later (earlier when negative); no time zone enters calendar arithmetic. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
