import type { UptakeStatus } from "../../db/schema";

const TAKEN_INTO_USE: ReadonlySet<UptakeStatus> = new Set(["in_use", "realised"]);

export interface UptakeSummary {
  /** participating municipalities for which the measure is relevant */
  relevant: number;
  inUse: number;
  /** null when no participating municipality finds the measure relevant */
  ratio: number | null;
}

/**
 * Uptake % = municipalities at in_use or realised ÷ participating municipalities that are not
 * not_relevant. A participant that has not reported yet counts as not_started.
 */
export function uptakeSummary(statuses: readonly (UptakeStatus | undefined)[]): UptakeSummary {
  const relevant = statuses.filter((s) => s !== "not_relevant").length;
  const inUse = statuses.filter((s) => s !== undefined && TAKEN_INTO_USE.has(s)).length;
  return { relevant, inUse, ratio: relevant === 0 ? null : inUse / relevant };
}

export interface DatedReport {
  status: UptakeStatus;
  effectiveDate: string;
  seq: number;
}

/**
 * The report in effect on a day: of those taking effect by then, the one taking effect last, and
 * of those the one saved last — so a report about an earlier day, saved later, fills in history
 * without replacing what was reported since.
 */
export function inEffectOn<R extends DatedReport>(reports: readonly R[], date: string): R | undefined {
  let found: R | undefined;
  for (const r of reports) {
    if (r.effectiveDate > date) continue;
    if (!found || r.effectiveDate > found.effectiveDate || (r.effectiveDate === found.effectiveDate && r.seq > found.seq))
      found = r;
  }
  return found;
}
