import type { DB } from "../../db/connect";
import { participationOn, type ChosenRow, type MembershipRow } from "./participation";
import type { CooperationId } from "./scope.server";

/** The rows participation is computed from, in three set-based queries for the whole cooperation (or one municipality). */
export async function participationRows(
  db: DB,
  { cooperationId, municipalityId }: { cooperationId: CooperationId; municipalityId?: string },
): Promise<{
  memberships: (MembershipRow & { id: string })[];
  chosen: (ChosenRow & { customShareBp: number | null })[];
  allMemberMeasureIds: string[];
}> {
  let members = db
    .selectFrom("membership")
    .select(["id", "municipality_id", "joined_on", "left_on"])
    .where("cooperation_id", "=", cooperationId);
  if (municipalityId) members = members.where("municipality_id", "=", municipalityId);
  let chosen = db
    .selectFrom("measure_participant")
    .innerJoin("measure", "measure.id", "measure_participant.measure_id")
    .select([
      "measure_participant.measure_id",
      "measure_participant.municipality_id",
      "measure_participant.from_year",
      "measure_participant.to_year",
      "measure_participant.custom_share_bp",
    ])
    .where("measure.cooperation_id", "=", cooperationId)
    .where("measure.all_members", "=", 0);
  if (municipalityId) chosen = chosen.where("measure_participant.municipality_id", "=", municipalityId);
  const [memberRows, chosenRows, allMember] = await Promise.all([
    members.execute(),
    chosen.execute(),
    db.selectFrom("measure").select("id").where("cooperation_id", "=", cooperationId).where("all_members", "=", 1).execute(),
  ]);
  return {
    memberships: memberRows.map((m) => ({
      id: m.id,
      municipalityId: m.municipality_id,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    })),
    chosen: chosenRows.map((c) => ({
      measureId: c.measure_id,
      municipalityId: c.municipality_id,
      fromYear: c.from_year,
      toYear: c.to_year,
      customShareBp: c.custom_share_bp,
    })),
    allMemberMeasureIds: allMember.map((m) => m.id),
  };
}

/**
 * Who takes part in which measure on a day (see app/cooperation/participation.ts).
 * Returns municipality id → the measure ids it takes part in.
 */
export async function participation(
  db: DB,
  { cooperationId, date, municipalityId }: { cooperationId: CooperationId; date: string; municipalityId?: string },
): Promise<Map<string, Set<string>>> {
  return participationOn(date, await participationRows(db, { cooperationId, municipalityId }));
}

/** The measures one municipality takes part in on a day (none when it is not a member then). */
export async function measuresOf(
  db: DB,
  { cooperationId, municipalityId, date }: { cooperationId: CooperationId; municipalityId: string; date: string },
): Promise<Set<string>> {
  return (await participation(db, { cooperationId, date, municipalityId })).get(municipalityId) ?? new Set();
}
