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
