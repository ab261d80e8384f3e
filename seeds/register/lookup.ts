import type { Kysely, Selectable } from "kysely";
import type { Database, MunicipalityChangeTable, MunicipalityTable } from "../../db/schema";

/** A municipality seen across one change, with how it was linked. */
export type LinkedMunicipality = Selectable<MunicipalityTable> &
  Pick<Selectable<MunicipalityChangeTable>, "kind" | "partial" | "effective_date">;

/** The municipality that held `number` on `onDate` (YYYY-MM-DD); valid_to is exclusive. */
export async function findMunicipalityByNumber(
  db: Kysely<Database>,
  number: string,
  onDate: string,
): Promise<Selectable<MunicipalityTable> | undefined> {
  return db
    .selectFrom("municipality")
    .selectAll()
    .where("number", "=", number)
    .where("valid_from", "<=", onDate)
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", onDate)]))
    .executeTakeFirst();
}

export async function successorsOf(db: Kysely<Database>, municipalityId: string): Promise<LinkedMunicipality[]> {
  return linkedAcrossChanges(db, municipalityId, "predecessor_id", "successor_id");
}

export async function predecessorsOf(db: Kysely<Database>, municipalityId: string): Promise<LinkedMunicipality[]> {
  return linkedAcrossChanges(db, municipalityId, "successor_id", "predecessor_id");
}

type ChangeEnd = "predecessor_id" | "successor_id";

function linkedAcrossChanges(
  db: Kysely<Database>,
  municipalityId: string,
  from: ChangeEnd,
  to: ChangeEnd,
): Promise<LinkedMunicipality[]> {
  return db
    .selectFrom("municipality_change as c")
    .innerJoin("municipality as m", "m.id", `c.${to}`)
    .where(`c.${from}`, "=", municipalityId)
    .selectAll("m")
    .select(["c.kind", "c.partial", "c.effective_date"])
    .orderBy("m.number")
    .execute();
}

/** A cooperation's member municipalities, number → id. */
export async function membersByNumber(db: Kysely<Database>, cooperationId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("membership")
    .innerJoin("municipality", "municipality.id", "membership.municipality_id")
    .select(["municipality.number", "municipality.id"])
    .where("membership.cooperation_id", "=", cooperationId)
    .execute();
  return new Map(rows.map((r) => [r.number, r.id]));
}
