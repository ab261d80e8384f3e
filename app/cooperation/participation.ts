/*
 * Who takes part in which measure on a day, from rows already loaded: every member in an "all
 * members" measure, and the chosen municipalities within their from–to years. Pure, so the
 * overview can ask it for many days (years, rounds) without a query per day.
 */

export interface MembershipRow {
  municipalityId: string;
  joinedOn: string;
  leftOn: string | null;
}

export interface ChosenRow {
  measureId: string;
  municipalityId: string;
  fromYear: number | null;
  toYear: number | null;
}

/** Municipality id → the ids of the measures it takes part in on `date` (yyyy-mm-dd). */
export function participationOn(
  date: string,
  {
    memberships,
    chosen,
    allMemberMeasureIds,
  }: { memberships: MembershipRow[]; chosen: ChosenRow[]; allMemberMeasureIds: string[] },
): Map<string, Set<string>> {
  const year = Number(date.slice(0, 4));
  const result = new Map<string, Set<string>>();
  for (const m of memberships) {
    if (m.joinedOn <= date && (m.leftOn === null || m.leftOn > date)) result.set(m.municipalityId, new Set(allMemberMeasureIds));
  }
  for (const c of chosen) {
    if ((c.fromYear === null || c.fromYear <= year) && (c.toYear === null || c.toYear >= year)) {
      result.get(c.municipalityId)?.add(c.measureId);
    }
  }
  return result;
}
