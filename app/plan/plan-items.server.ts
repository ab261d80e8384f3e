import type { DB } from "../../db/connect";
import type { PlanItem } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { PlanNotFoundError, PlanRuleError } from "./errors.server";
import { insertItems } from "./plan.server";
import { claimEditable, loadItems, requireEditable, type Scope, type Trx } from "./plan-store.server";
import { transact } from "../utils/concurrency.server";

/*
 * Editing a plan version's items: add a measure from the catalogue, set the year's budget,
 * priority, period and milestones, drop a measure. Only the secretariat, only while the version
 * is a draft or returned (claimEditable): an approved or superseded version is refused with
 * PlanVersionFrozenError. Each edit claims the version's `version` (optimistic concurrency) and is
 * audited with before/after.
 */

export interface PlanItemValues {
  /** øre */
  budget: number;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  milestones: string;
}

/** The data layer's own guard; the route's form schema gives the friendly field messages. */
function checkValues(v: PlanItemValues): void {
  const year = (y: number | null) => y === null || Number.isInteger(y);
  const valid =
    Number.isSafeInteger(v.budget) &&
    v.budget >= 0 &&
    (v.priority === null || Number.isInteger(v.priority)) &&
    year(v.periodFrom) &&
    year(v.periodTo) &&
    (v.periodFrom === null || v.periodTo === null || v.periodFrom <= v.periodTo);
  if (!valid) throw new PlanRuleError("invalidItem");
}

function sameValues(item: PlanItem, v: PlanItemValues): boolean {
  return (
    item.budget === v.budget &&
    item.priority === v.priority &&
    item.period_from === v.periodFrom &&
    item.period_to === v.periodTo &&
    item.milestones === v.milestones
  );
}

async function loadItem(trx: Trx, scope: Scope, versionId: string, itemId: string) {
  const item = (await loadItems(trx, scope.cooperationId, versionId)).find((i) => i.id === itemId);
  if (!item) throw new PlanNotFoundError("plan_item", itemId);
  return item;
}

async function audit(trx: Trx, scope: Scope, action: string, entityId: string, before: unknown, after: unknown) {
  await recordAudit(trx, {
    cooperationId: scope.cooperationId,
    actorId: scope.userId,
    action,
    entityType: "plan_item",
    entityId,
    before,
    after,
  });
}

/**
 * Adds a catalogue measure at the end of the plan. Without `values` the item starts from the
 * measure's own priority and period and a zero budget, for the secretariat to fill in.
 */
export async function addPlanItem(
  db: DB,
  scope: Scope & { versionId: string; version: number; measureId: string; values?: PlanItemValues },
): Promise<string> {
  return transact(db, async (trx) => {
    await claimEditable(trx, scope, scope.versionId, scope.version);
    const measure = await trx
      .selectFrom("measure")
      .select(["id", "priority", "period_from", "period_to"])
      .where("id", "=", scope.measureId)
      .where("cooperation_id", "=", scope.cooperationId)
      .executeTakeFirst();
    if (!measure) throw new PlanNotFoundError("measure", scope.measureId);
    const items = await loadItems(trx, scope.cooperationId, scope.versionId);
    if (items.some((i) => i.measure_id === measure.id)) throw new PlanRuleError("measureAlreadyInPlan", [measure.id]);
    const values = scope.values ?? {
      budget: 0,
      priority: measure.priority,
      periodFrom: measure.period_from,
      periodTo: measure.period_to,
      milestones: "",
    };
    checkValues(values);
    const sortOrder = items.reduce((max, i) => Math.max(max, i.sort_order + 1), 0);
    await insertItems(trx, scope.cooperationId, scope.versionId, [
      { measureId: measure.id, ...values, carriedOver: false, sortOrder },
    ]);
    const added = (await loadItems(trx, scope.cooperationId, scope.versionId)).find((i) => i.measure_id === measure.id)!;
    await audit(trx, scope, "plan_item.created", added.id, undefined, added);
    return added.id;
  });
}

export async function updatePlanItem(
  db: DB,
  scope: Scope & { versionId: string; version: number; itemId: string; values: PlanItemValues },
): Promise<void> {
  await transact(db, async (trx) => {
    await requireEditable(trx, scope, scope.versionId);
    checkValues(scope.values);
    const before = await loadItem(trx, scope, scope.versionId, scope.itemId);
    // a form sent back as it was shown changes nothing: no claimed version, no audit event
    if (sameValues(before, scope.values)) return;
    await claimEditable(trx, scope, scope.versionId, scope.version);
    await trx
      .updateTable("plan_item")
      .set({
        budget: scope.values.budget,
        priority: scope.values.priority,
        period_from: scope.values.periodFrom,
        period_to: scope.values.periodTo,
        milestones: scope.values.milestones,
      })
      .where("id", "=", before.id)
      .where("plan_version_id", "=", scope.versionId)
      .execute();
    const after = await loadItem(trx, scope, scope.versionId, scope.itemId);
    await audit(trx, scope, "plan_item.updated", before.id, before, after);
  });
}

export async function removePlanItem(
  db: DB,
  scope: Scope & { versionId: string; version: number; itemId: string },
): Promise<void> {
  await transact(db, async (trx) => {
    await claimEditable(trx, scope, scope.versionId, scope.version);
    const before = await loadItem(trx, scope, scope.versionId, scope.itemId);
    await trx.deleteFrom("plan_item").where("id", "=", before.id).where("plan_version_id", "=", scope.versionId).execute();
    await audit(trx, scope, "plan_item.deleted", before.id, before, undefined);
  });
}
