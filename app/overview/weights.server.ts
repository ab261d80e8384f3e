import type { DB } from "../../db/connect";
import type { WeightsInput } from "@shared-schema/overview";
import { recordAudit } from "../audit/audit.server";
import { expectVersionedUpdate, transact } from "../utils/concurrency.server";
import { StaleVersionError } from "../utils/errors.server";
import type { CooperationId } from "../cooperation/scope.server";

/** Sets the measures' progress weights in one transaction; any measure changed meanwhile refuses all. */
export async function saveWeights(
  db: DB,
  { cooperationId, userId, rows }: { cooperationId: CooperationId; userId: string; rows: WeightsInput["rows"] },
): Promise<number> {
  return transact(db, async (trx) => {
    const current = await trx
      .selectFrom("measure")
      .select(["id", "progress_weight", "version"])
      .where("cooperation_id", "=", cooperationId)
      .where(
        "id",
        "in",
        rows.map((r) => r.measureId),
      )
      .execute();
    const byId = new Map(current.map((m) => [m.id, m]));
    let changed = 0;
    for (const row of rows) {
      const measure = byId.get(row.measureId);
      if (!measure) throw new StaleVersionError("measure");
      if (measure.progress_weight === row.weight) continue;
      const result = await trx
        .updateTable("measure")
        .set((eb) => ({ progress_weight: row.weight, version: eb("version", "+", 1), updated_at: new Date().toISOString() }))
        .where("id", "=", row.measureId)
        .where("cooperation_id", "=", cooperationId)
        .where("version", "=", row.version)
        .executeTakeFirst();
      expectVersionedUpdate(result, "measure");
      await recordAudit(trx, {
        cooperationId,
        actorId: userId,
        action: "measure.weight",
        entityType: "measure",
        entityId: row.measureId,
        before: { progressWeight: measure.progress_weight },
        after: { progressWeight: row.weight },
      });
      changed++;
    }
    return changed;
  });
}

/** The measures with the weights the progress figure gives them, and the versions a save checks. */
export async function listWeights(db: DB, { cooperationId }: { cooperationId: CooperationId }) {
  return db
    .selectFrom("measure")
    .select(["id", "number", "name", "progress_weight", "version"])
    .where("cooperation_id", "=", cooperationId)
    .orderBy("number")
    .execute();
}
