import type { Transaction } from "kysely";
import type { CooperationRole, Database, PlanItem, PlanVersion } from "../../db/schema";
import { can, type Permission } from "../cooperation/permissions";
import { expectVersionedUpdate } from "../utils/concurrency.server";
import { StaleVersionError } from "../utils/errors.server";
import { PlanForbiddenError, PlanNotFoundError, PlanRuleError, PlanVersionFrozenError } from "./errors.server";
import { isEditable, isFrozen } from "./state-machine";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * Building blocks shared by the plan's write functions; each runs inside the caller's
 * transaction. Every query is narrowed to the cooperation of the scope, so an id from another
 * cooperation is simply "not found".
 */

export type Trx = Transaction<Database>;

export interface Scope {
  cooperationId: CooperationId;
  userId: string;
}

export const now = () => new Date().toISOString();

/**
 * The user's roles, read from the role grants inside the transaction rather than taken from the
 * caller, so the data layer enforces "only the board decides" on its own too.
 */
export async function rolesOf(trx: Trx, scope: Scope): Promise<CooperationRole[]> {
  const rows = await trx
    .selectFrom("role_grant")
    .select("role")
    .where("user_id", "=", scope.userId)
    .where("cooperation_id", "=", scope.cooperationId)
    .execute();
  return rows.map((r) => r.role);
}

export async function requirePermission(trx: Trx, scope: Scope, permission: Permission): Promise<void> {
  if (!can(await rolesOf(trx, scope), permission)) throw new PlanForbiddenError(permission);
}

export async function loadVersion(trx: Trx, cooperationId: CooperationId, versionId: string): Promise<PlanVersion> {
  const row = await trx
    .selectFrom("plan_version")
    .selectAll()
    .where("id", "=", versionId)
    .where("cooperation_id", "=", cooperationId)
    .executeTakeFirst();
  if (!row) throw new PlanNotFoundError("plan_version", versionId);
  return row;
}

export async function loadItems(trx: Trx, cooperationId: CooperationId, versionId: string): Promise<PlanItem[]> {
  return trx
    .selectFrom("plan_item")
    .selectAll()
    .where("plan_version_id", "=", versionId)
    .where("cooperation_id", "=", cooperationId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}

/** The version row as the audit trail keeps it: the snapshot is immutable and large, so only its presence. */
export function auditView(v: PlanVersion) {
  const { snapshot, ...rest } = v;
  return { ...rest, hasSnapshot: snapshot !== null };
}

/** Refuses as claimEditable does, without claiming: for a save that may turn out to change nothing. */
export async function requireEditable(trx: Trx, scope: Scope, versionId: string): Promise<PlanVersion> {
  await requirePermission(trx, scope, "plan:edit");
  const row = await loadVersion(trx, scope.cooperationId, versionId);
  if (isFrozen(row.status)) throw new PlanVersionFrozenError(versionId, row.status);
  if (!isEditable(row.status)) throw new PlanRuleError("notEditable");
  return row;
}

/**
 * Refuses unless the version's items may change (frozen → PlanVersionFrozenError, under review →
 * PlanRuleError), then claims the given `version` (version + 1), so two people editing the same
 * plan never overwrite each other silently. The update repeats the status and snapshot
 * conditions, so it cannot touch a version that was approved in between. Returns the row before.
 */
export async function claimEditable(trx: Trx, scope: Scope, versionId: string, version: number): Promise<PlanVersion> {
  const before = await requireEditable(trx, scope, versionId);
  const result = await trx
    .updateTable("plan_version")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: now() }))
    .where("id", "=", versionId)
    .where("cooperation_id", "=", scope.cooperationId)
    .where("status", "=", before.status)
    .where("snapshot", "is", null)
    .where("version", "=", version)
    .executeTakeFirst();
  expectVersionedUpdate(result, "plan_version");
  return before;
}

export function expectVersion(row: PlanVersion, version: number): void {
  if (row.version !== version) throw new StaleVersionError("plan_version");
}
