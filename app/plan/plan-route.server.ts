import { type LoaderFunctionArgs } from "@remix-run/node";
import type { PlanVersionStatus } from "../../db/schema";
import { notFound, requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { findPlanByYear, loadPlanVersion, type PlanVersionView } from "./plan.server";
import { isFinished } from "./roll-over";
import { buildSnapshot, type SnapshotItem } from "./snapshot.server";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * What the plan routes share: reading the year and version from the URL, the plan list, the
 * items with their live (draft) or frozen (approved) details, and the timeline.
 */

export { planUrl } from "./urls";

/** The `:year` of the URL, or 404. */
export function yearParam(args: Pick<LoaderFunctionArgs, "params">): number {
  return requireYearParam(args.params.year);
}

export type PlanWithVersions = NonNullable<Awaited<ReturnType<typeof findPlanByYear>>>;

/** The year's plan with its versions, or 404. */
export async function requirePlan(cooperationId: CooperationId, year: number): Promise<PlanWithVersions> {
  const plan = await findPlanByYear(db(), { cooperationId, year });
  if (!plan || !plan.versions.length) throw notFound();
  return plan;
}

/** `?version=N` or the latest version; 404 for a number the plan does not have. */
export function pickVersion(plan: PlanWithVersions, request: Request) {
  const asked = new URL(request.url).searchParams.get("version");
  if (asked === null || asked === "") return plan.versions[plan.versions.length - 1];
  const found = /^\d{1,4}$/.test(asked) ? plan.versions.find((v) => v.version_no === Number(asked)) : undefined;
  if (!found) throw notFound();
  return found;
}

export interface PlanListRow {
  year: number;
  latest: { versionNo: number; status: PlanVersionStatus };
  approved: { versionNo: number; decidedOn: string | null; caseNumber: string | null } | null;
  versions: number;
}

export async function listPlans(cooperationId: CooperationId): Promise<PlanListRow[]> {
  const rows = await db()
    .selectFrom("plan_version")
    .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
    .leftJoin("decision", "decision.id", "plan_version.decision_id")
    .select(["action_plan.year", "plan_version.version_no", "plan_version.status", "decision.decided_on", "decision.case_number"])
    .where("action_plan.cooperation_id", "=", cooperationId)
    .where("plan_version.cooperation_id", "=", cooperationId)
    .orderBy("action_plan.year", "desc")
    .orderBy("plan_version.version_no")
    .execute();
  const byYear = new Map<number, PlanListRow>();
  for (const r of rows) {
    const row = byYear.get(r.year) ?? { year: r.year, latest: { versionNo: 0, status: r.status }, approved: null, versions: 0 };
    row.versions++;
    if (r.version_no >= row.latest.versionNo) row.latest = { versionNo: r.version_no, status: r.status };
    if (r.status === "approved") {
      row.approved = { versionNo: r.version_no, decidedOn: r.decided_on ?? null, caseNumber: r.case_number ?? null };
    }
    byYear.set(r.year, row);
  }
  return [...byYear.values()];
}

/**
 * The items as the plan page shows them: from the snapshot once approved (as decided), live for
 * a version still being worked on. The live view reuses the snapshot builder, read-only.
 */
export async function planItemsWithDetails(cooperationId: CooperationId, view: PlanVersionView): Promise<SnapshotItem[]> {
  if (view.snapshot) return view.snapshot.items;
  return db()
    .transaction()
    .setAccessMode("read only")
    .execute((trx) =>
      buildSnapshot(trx, {
        cooperationId,
        version: { ...view.version, snapshot: null },
        year: view.plan.year,
        approvedAt: "",
        decision: {
          id: "",
          cooperation_id: cooperationId,
          body: "board",
          outcome: "approved",
          decided_on: "",
          case_number: null,
          text: "",
          recorded_by: "",
          created_at: "",
        },
      }),
    )
    .then((s) => s.items);
}

/** The latest approved version of a year's plan, loaded, or null. */
export async function approvedPlanOfYear(cooperationId: CooperationId, year: number): Promise<PlanVersionView | null> {
  const plan = await findPlanByYear(db(), { cooperationId, year });
  const approved = plan?.versions.filter((v) => v.status === "approved").pop();
  return approved ? loadPlanVersion(db(), { cooperationId, versionId: approved.id }) : null;
}

/** Measures of last year's approved plan that are completed or discontinued now. */
export async function completedLastYear(cooperationId: CooperationId, year: number) {
  const previous = await approvedPlanOfYear(cooperationId, year - 1);
  if (!previous) return [];
  return previous.items
    .filter((i) => isFinished(i.measureStatus))
    .map((i) => ({ number: i.measureNumber, name: i.measureName, status: i.measureStatus }));
}

export interface TimelineEntry {
  at: string;
  action: string;
  actor: string | null;
  versionNo: number;
}

/** Every audited change of the plan's versions, oldest first. */
export async function planTimeline(cooperationId: CooperationId, plan: PlanWithVersions): Promise<TimelineEntry[]> {
  const numbers = new Map(plan.versions.map((v) => [v.id, v.version_no]));
  const rows = await db()
    .selectFrom("audit_event")
    .leftJoin("app_user", "app_user.id", "audit_event.actor_id")
    .select(["audit_event.created_at", "audit_event.action", "audit_event.entity_id", "app_user.name"])
    .where("audit_event.cooperation_id", "=", cooperationId)
    .where("audit_event.entity_type", "=", "plan_version")
    .where("audit_event.entity_id", "in", [...numbers.keys()])
    .orderBy("audit_event.created_at")
    .execute();
  return rows.map((r) => ({
    at: r.created_at,
    action: r.action.replace(/^plan_version\./, ""),
    actor: r.name ?? null,
    versionNo: numbers.get(r.entity_id) ?? 0,
  }));
}

/** Decisions of all versions, by version id. */
export async function decisionsOf(cooperationId: CooperationId, plan: PlanWithVersions) {
  const ids = plan.versions.map((v) => v.decision_id).filter((id): id is string => Boolean(id));
  if (!ids.length) return {};
  const rows = await db()
    .selectFrom("decision")
    .select(["id", "outcome", "decided_on", "case_number"])
    .where("cooperation_id", "=", cooperationId)
    .where("id", "in", ids)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r]));
}
