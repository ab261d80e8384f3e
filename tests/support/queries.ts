import { randomUUID } from "node:crypto";
import type { KyselyPlugin } from "kysely";
import type { DB } from "../../db/connect";
import type { NewMeasure, UptakeStatus } from "../../db/schema";
import type { ReportToSave } from "../../app/uptake/report.server";
import { storedCooperationId, type CooperationId } from "../../app/cooperation/scope.server";

/** Counts the statements a Kysely instance sends. */
export function counting(db: DB): { db: DB; count: () => number } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: db.withPlugin(plugin), count: () => n };
}

/** A seeded cooperation's id as data functions take it: read from the database, as a job does. */
export async function cooperationIdOf(db: DB, slug: string): Promise<CooperationId> {
  const row = await db.selectFrom("cooperation").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  return storedCooperationId(row.id);
}

/** The id of the municipality that carries this SSB number today. */
export async function currentMunicipalityId(db: DB, number: string): Promise<string> {
  const row = await db
    .selectFrom("municipality")
    .select("id")
    .where("number", "=", number)
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The id of the user with this e-mail address. */
export async function userIdByEmail(db: DB, email: string): Promise<string> {
  return (await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** A reporter's status for one measure, with a comment and nothing else besides. */
export function statusReport(
  measureId: string,
  status: UptakeStatus,
  effectiveDate: string,
  comment = "Endra for testen",
): ReportToSave {
  return {
    measureId,
    status,
    comment,
    effectiveDate,
    decisionReference: null,
    evidenceUrl: null,
    realisedBenefitText: null,
    benefits: [],
  };
}

/** A measure of one cooperation written straight into the database: an equal key, no costs, for all members unless told. */
export async function insertMeasure(
  db: DB,
  measure: Pick<NewMeasure, "cooperation_id" | "number"> & Partial<NewMeasure>,
): Promise<string> {
  const id = measure.id ?? randomUUID();
  const stamp = measure.created_at ?? "2019-01-01T08:00:00.000Z";
  await db
    .insertInto("measure")
    .values({
      name: `Tiltak ${measure.number}`,
      description: "",
      status: "in_progress",
      status_text: null,
      priority: null,
      period_from: null,
      period_to: null,
      owner: null,
      benefits_text: "",
      investment_cost: 0,
      running_cost: 0,
      financing_text: "",
      cost_key: "equal",
      cost_key_equal_percent: null,
      cost_key_population_year: null,
      all_members: 1,
      introduces_system: 0,
      phased_out_systems: "[]",
      updated_at: stamp,
      ...measure,
      id,
      created_at: stamp,
    })
    .execute();
  return id;
}
