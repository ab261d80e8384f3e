import type { DB } from "../../db/connect";

/**
 * Who takes part in which measure on a day: every member in an "all members" measure, and the
 * chosen municipalities within their from–to years (members are free to choose). Set-based
 * queries for the whole cooperation, or one municipality of it.
 * Returns municipality id → the measure ids it takes part in.
 */
export async function participation(
  db: DB,
  { cooperationId, date, municipalityId }: { cooperationId: string; date: string; municipalityId?: string }
): Promise<Map<string, Set<string>>> {
  const year = Number(date.slice(0, 4));
  let members = db
    .selectFrom("membership")
    .select("municipality_id")
    .where("cooperation_id", "=", cooperationId)
    .where("joined_on", "<=", date)
    .where((eb) => eb.or([eb("left_on", "is", null), eb("left_on", ">", date)]));
  if (municipalityId) members = members.where("municipality_id", "=", municipalityId);
  let chosen = db
    .selectFrom("measure_participant")
    .innerJoin("measure", "measure.id", "measure_participant.measure_id")
    .select(["measure_participant.measure_id", "measure_participant.municipality_id"])
    .where("measure.cooperation_id", "=", cooperationId)
    .where("measure.all_members", "=", 0)
    .where((eb) => eb.or([eb("measure_participant.from_year", "is", null), eb("measure_participant.from_year", "<=", year)]))
    .where((eb) => eb.or([eb("measure_participant.to_year", "is", null), eb("measure_participant.to_year", ">=", year)]));
  if (municipalityId) chosen = chosen.where("measure_participant.municipality_id", "=", municipalityId);

  const [memberRows, chosenRows, allMemberMeasures] = await Promise.all([
    members.execute(),
    chosen.execute(),
    db.selectFrom("measure").select("id").where("cooperation_id", "=", cooperationId).where("all_members", "=", 1).execute(),
  ]);
  const result = new Map<string, Set<string>>();
  for (const m of memberRows) result.set(m.municipality_id, new Set(allMemberMeasures.map((x) => x.id)));
  for (const c of chosenRows) result.get(c.municipality_id)?.add(c.measure_id);
  return result;
}

/** The measures one municipality takes part in on a day (none when it is not a member then). */
export async function measuresOf(
  db: DB,
  { cooperationId, municipalityId, date }: { cooperationId: string; municipalityId: string; date: string }
): Promise<Set<string>> {
  return (await participation(db, { cooperationId, date, municipalityId })).get(municipalityId) ?? new Set();
}
