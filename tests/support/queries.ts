import type { KyselyPlugin } from "kysely";
import type { DB } from "../../db/connect";
import type { UptakeStatus } from "../../db/schema";
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
