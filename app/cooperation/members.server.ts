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
