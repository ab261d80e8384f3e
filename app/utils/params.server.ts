import { parseYear } from "@shared-schema/common";
import { notFound } from "../auth/guards.server";

/** The year an address names (`/plans/2025`), read as every form reads a year; any other text is 404. */
export function requireYearParam(value: string | undefined): number {
  const year = parseYear(value);
  if (year === null) throw notFound();
  return year;
}
