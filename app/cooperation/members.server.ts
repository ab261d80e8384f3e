import type { DB } from "../../db/connect";
import type { WrittenStandard } from "../../db/schema";
import { osloToday } from "@shared-schema/dates";
import type { CooperationId } from "./scope.server";

export interface Member {
  municipalityId: string;
  number: string;
  name: string;
  county: string | null;
  writtenStandard: WrittenStandard | null;
  population: number | null;
  populationYear: number | null;
  joinedOn: string;
}

/** Members on a date (default today): joined on or before it and not yet left. */
export async function listMembers(
  db: DB,
  { cooperationId, onDate }: { cooperationId: CooperationId; onDate?: string },
): Promise<Member[]> {
  const date = onDate ?? osloToday();
  const rows = await db
    .selectFrom("membership")
    .innerJoin("municipality", "municipality.id", "membership.municipality_id")
    .leftJoin("municipality_population as pop", (join) =>
      join.onRef("pop.municipality_id", "=", "municipality.id").on((eb) =>
        eb(
          "pop.year",
          "=",
          eb
            .selectFrom("municipality_population as p2")
            .select((e) => e.fn.max("p2.year").as("y"))
            .whereRef("p2.municipality_id", "=", "municipality.id"),
        ),
      ),
    )
    .select([
      "municipality.id",
      "municipality.number",
      "municipality.name",
      "municipality.county",
      "municipality.written_standard",
      "pop.population",
      "pop.year",
      "membership.joined_on",
    ])
    .where("membership.cooperation_id", "=", cooperationId)
    .where("membership.joined_on", "<=", date)
    .where((eb) => eb.or([eb("membership.left_on", "is", null), eb("membership.left_on", ">", date)]))
    .orderBy("municipality.number")
    .execute();
  return rows.map((r) => ({
    municipalityId: r.id,
    number: r.number,
    name: r.name,
    county: r.county,
    writtenStandard: r.written_standard,
    population: r.population,
    populationYear: r.year,
    joinedOn: r.joined_on,
  }));
}

/** A change of the map between two of the cooperation's members, past or present: who came to whom, and when. */
export interface MemberMapChange {
  date: string;
  successor: { number: string; name: string };
  predecessors: { number: string; name: string; partial: boolean }[];
}

/**
 * The changes of the map the cooperation went through: each successor that became a member in
 * the place of members before it, oldest first. For the views over time, which run on across them.
 */
export async function memberMapChanges(db: DB, { cooperationId }: { cooperationId: CooperationId }): Promise<MemberMapChange[]> {
  const members = db.selectFrom("membership").select("municipality_id").where("cooperation_id", "=", cooperationId);
  const rows = await db
    .selectFrom("municipality_change as c")
    .innerJoin("municipality as p", "p.id", "c.predecessor_id")
    .innerJoin("municipality as s", "s.id", "c.successor_id")
    .select([
      "c.effective_date",
      "c.partial",
      "p.number as p_number",
      "p.name as p_name",
      "s.number as s_number",
      "s.name as s_name",
    ])
    .where("c.predecessor_id", "in", members)
    .where("c.successor_id", "in", members)
    .whereRef("c.predecessor_id", "<>", "c.successor_id")
    .orderBy("c.effective_date")
    .orderBy("s.number")
    .orderBy("p.number")
    .execute();
  const changes: MemberMapChange[] = [];
  for (const r of rows) {
    let change = changes.find((c) => c.date === r.effective_date && c.successor.number === r.s_number);
    if (!change) {
      change = { date: r.effective_date, successor: { number: r.s_number, name: r.s_name }, predecessors: [] };
      changes.push(change);
    }
    change.predecessors.push({ number: r.p_number, name: r.p_name, partial: r.partial === 1 });
  }
  return changes;
}
