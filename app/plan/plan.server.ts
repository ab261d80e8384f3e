import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import type { Decision, DecisionBody, DecisionOutcome, MeasureStatus, PlanVersion, PlanVersionStatus } from "../../db/schema";
import { osloToday } from "@shared-schema/dates";
import { recordAudit } from "../audit/audit.server";
import { listMembers } from "../cooperation/members.server";
import { enqueuePlanInputMail } from "../mail/queue.server";
import { expectVersionedUpdate, transact } from "../utils/concurrency.server";
import { absoluteUrl } from "../utils/origin.server";
import { PlanExistsError, PlanForbiddenError, PlanRuleError, PlanTransitionError } from "./errors.server";
import {
  auditView,
  expectVersion,
  loadItems,
  loadVersion,
  now,
  requirePermission,
  rolesOf,
  type Scope,
  type Trx,
} from "./plan-store.server";
import { rollOver, type FinishedMeasure } from "./roll-over";
import { buildSnapshot, type PlanSnapshot } from "./snapshot.server";
import { checkTransition, FROZEN_STATUSES, inputRoundOf, isInputOpen, PLAN_TRANSITIONS, type PlanAction } from "./state-machine";
import { planUrl } from "./urls";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * The annual action plan's data layer: create a year's plan (rolled from last year's
 * approved plan, or empty for the first year), read a version with its items, and move a version
 * through the approval workflow of ./state-machine. Each write runs in one transaction and writes
 * an audit event with before/after; the user's roles are read from the role grants, not trusted
 * from the caller. An approved version is immutable here: the only action on it is `amend`, which
 * leaves it untouched and starts a new version; its snapshot is written once, on approval.
 * Sending a version for input e-mails the member municipalities' reporters in the same
 * transaction (decision 007). Item edits are in ./plan-items.server.
 */

export type { Scope } from "./plan-store.server";

/** What a plan says about one of its measures: the budget, the priority, the period, the milestones. */
export interface PlanItemValues {
  budget: number;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  milestones: string;
  carriedOver: boolean;
  sortOrder: number;
}

export interface NewPlanItem extends PlanItemValues {
  measureId: string;
}

export interface CreatedPlan {
  planId: string;
  versionId: string;
  /** measures of last year's plan that were completed or discontinued (empty for a first plan) */
  finishedLastYear: FinishedMeasure[];
  /** unfinished catalogue measures not in last year's plan, for the secretariat to add */
  candidates: string[];
}

// ---------------------------------------------------------------------------------------------
// Creating a year's plan

async function refuseExistingYear(trx: Trx, cooperationId: CooperationId, year: number): Promise<void> {
  const existing = await trx
    .selectFrom("action_plan")
    .select("id")
    .where("cooperation_id", "=", cooperationId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (existing) throw new PlanExistsError(year);
}

export async function insertItems(trx: Trx, cooperationId: CooperationId, versionId: string, items: readonly NewPlanItem[]) {
  if (!items.length) return;
  await trx
    .insertInto("plan_item")
    .values(
      items.map((item) => ({
        id: randomUUID(),
        cooperation_id: cooperationId,
        plan_version_id: versionId,
        measure_id: item.measureId,
        budget: item.budget,
        priority: item.priority,
        period_from: item.periodFrom,
        period_to: item.periodTo,
        milestones: item.milestones,
        carried_over: (item.carriedOver ? 1 : 0) as 0 | 1,
        sort_order: item.sortOrder,
      })),
    )
    .execute();
}

/** Inserts a version with its items and audits it as created. */
async function insertVersion(
  trx: Trx,
  scope: Scope,
  values: { planId: string; versionNo: number; basedOnVersionId: string | null; items: readonly NewPlanItem[] },
  action: string,
): Promise<string> {
  const id = randomUUID();
  const stamp = now();
  await trx
    .insertInto("plan_version")
    .values({
      id,
      cooperation_id: scope.cooperationId,
      plan_id: values.planId,
      version_no: values.versionNo,
      status: "draft",
      based_on_version_id: values.basedOnVersionId,
      input_deadline: null,
      input_closed_at: null,
      decision_id: null,
      snapshot: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
  await insertItems(trx, scope.cooperationId, id, values.items);
  await recordAudit(trx, {
    cooperationId: scope.cooperationId,
    actorId: scope.userId,
    action,
    entityType: "plan_version",
    entityId: id,
    after: {
      version: auditView(await loadVersion(trx, scope.cooperationId, id)),
      items: await loadItems(trx, scope.cooperationId, id),
    },
  });
  return id;
}

async function insertPlan(trx: Trx, scope: Scope, year: number, items: readonly NewPlanItem[]) {
  await refuseExistingYear(trx, scope.cooperationId, year);
  const plan = { id: randomUUID(), cooperation_id: scope.cooperationId, year, created_at: now() };
  await trx.insertInto("action_plan").values(plan).execute();
  await recordAudit(trx, {
    cooperationId: scope.cooperationId,
    actorId: scope.userId,
    action: "action_plan.created",
    entityType: "action_plan",
    entityId: plan.id,
    after: plan,
  });
  const versionId = await insertVersion(
    trx,
    scope,
    { planId: plan.id, versionNo: 1, basedOnVersionId: null, items },
    "plan_version.created",
  );
  return { planId: plan.id, versionId };
}

/** A first plan, for a year with no approved plan before it: an empty draft to add measures to. */
export async function createEmptyPlan(db: DB, scope: Scope & { year: number }): Promise<CreatedPlan> {
  return transact(db, async (trx) => {
    await requirePermission(trx, scope, "plan:edit");
    const created = await insertPlan(trx, scope, scope.year, []);
    return { ...created, finishedLastYear: [], candidates: [] };
  });
}

async function latestApprovedVersion(trx: Trx, cooperationId: CooperationId, year: number): Promise<PlanVersion | undefined> {
  return trx
    .selectFrom("plan_version")
    .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
    .selectAll("plan_version")
    .where("action_plan.cooperation_id", "=", cooperationId)
    .where("action_plan.year", "=", year)
    .where("plan_version.status", "=", "approved")
    .orderBy("plan_version.version_no", "desc")
    .executeTakeFirst();
}

/** "Create the plan for `year` from `year − 1`": rolls last year's approved plan (./roll-over). */
export async function createPlanFromPreviousYear(db: DB, scope: Scope & { year: number }): Promise<CreatedPlan> {
  return transact(db, async (trx) => {
    await requirePermission(trx, scope, "plan:edit");
    await refuseExistingYear(trx, scope.cooperationId, scope.year);
    const previous = await latestApprovedVersion(trx, scope.cooperationId, scope.year - 1);
    if (!previous) throw new PlanRuleError("noApprovedPreviousPlan");
    const previousItems = await trx
      .selectFrom("plan_item")
      .innerJoin("measure", "measure.id", "plan_item.measure_id")
      .select([
        "plan_item.measure_id as measureId",
        "measure.status as status",
        "plan_item.budget as budget",
        "plan_item.priority as priority",
        "plan_item.period_from as periodFrom",
        "plan_item.period_to as periodTo",
        "plan_item.milestones as milestones",
        "plan_item.sort_order as sortOrder",
      ])
      .where("plan_item.plan_version_id", "=", previous.id)
      .where("plan_item.cooperation_id", "=", scope.cooperationId)
      .execute();
    const catalogue = await trx
      .selectFrom("measure")
      .select(["id", "number", "status"])
      .where("cooperation_id", "=", scope.cooperationId)
      .execute();
    const rolled = rollOver(previousItems, catalogue);
    const created = await insertPlan(trx, scope, scope.year, rolled.items);
    return { ...created, finishedLastYear: rolled.finishedLastYear, candidates: rolled.candidates };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface PlanItemView extends PlanItemValues {
  id: string;
  measureId: string;
  measureNumber: number;
  measureName: string;
  measureStatus: MeasureStatus;
}

export interface PlanVersionView {
  plan: { id: string; year: number };
  version: Omit<PlanVersion, "snapshot">;
  items: PlanItemView[];
  decision: Decision | null;
  /** set once the version is approved: what was approved, as it was on that day */
  snapshot: PlanSnapshot | null;
}

/** A version with its items (shaped for ./diff) and its decision and snapshot. */
export async function loadPlanVersion(
  db: DB,
  { cooperationId, versionId }: { cooperationId: CooperationId; versionId: string },
): Promise<PlanVersionView> {
  return transact(db, async (trx) => {
    const { snapshot, ...version } = await loadVersion(trx, cooperationId, versionId);
    const plan = await trx
      .selectFrom("action_plan")
      .select(["id", "year"])
      .where("id", "=", version.plan_id)
      .where("cooperation_id", "=", cooperationId)
      .executeTakeFirstOrThrow();
    const rows = await trx
      .selectFrom("plan_item")
      .innerJoin("measure", "measure.id", "plan_item.measure_id")
      .select([
        "plan_item.id",
        "plan_item.measure_id",
        "measure.number",
        "measure.name",
        "measure.status",
        "plan_item.budget",
        "plan_item.priority",
        "plan_item.period_from",
        "plan_item.period_to",
        "plan_item.milestones",
        "plan_item.carried_over",
        "plan_item.sort_order",
      ])
      .where("plan_item.plan_version_id", "=", versionId)
      .where("plan_item.cooperation_id", "=", cooperationId)
      .orderBy("plan_item.sort_order")
      .orderBy("measure.number")
      .execute();
    const decision = version.decision_id
      ? await trx.selectFrom("decision").selectAll().where("id", "=", version.decision_id).executeTakeFirstOrThrow()
      : null;
    return {
      plan,
      version,
      decision,
      snapshot: snapshot === null ? null : (JSON.parse(snapshot) as PlanSnapshot),
      items: rows.map((r) => ({
        id: r.id,
        measureId: r.measure_id,
        measureNumber: r.number,
        measureName: r.name,
        measureStatus: r.status,
        budget: r.budget,
        priority: r.priority,
        periodFrom: r.period_from,
        periodTo: r.period_to,
        milestones: r.milestones,
        carriedOver: r.carried_over === 1,
        sortOrder: r.sort_order,
      })),
    };
  });
}

/** A year's plan with all its versions, oldest first; null when the year has no plan. */
export async function findPlanByYear(db: DB, { cooperationId, year }: { cooperationId: CooperationId; year: number }) {
  const plan = await db
    .selectFrom("action_plan")
    .select(["id", "year"])
    .where("cooperation_id", "=", cooperationId)
    .where("year", "=", year)
    .executeTakeFirst();
  if (!plan) return null;
  const versions = await db
    .selectFrom("plan_version")
    .select([
      "id",
      "version_no",
      "status",
      "based_on_version_id",
      "input_deadline",
      "input_closed_at",
      "decision_id",
      "version",
      "updated_at",
    ])
    .where("plan_id", "=", plan.id)
    .where("cooperation_id", "=", cooperationId)
    .orderBy("version_no")
    .execute();
  return { ...plan, versions };
}

// ---------------------------------------------------------------------------------------------
// The approval workflow

export interface DecisionInput {
  body: DecisionBody;
  /** YYYY-MM-DD */
  decidedOn: string;
  /** e.g. "21/13" */
  caseNumber: string | null;
  text: string;
}

export type TransitionRequest =
  | { action: "sendForInput"; inputDeadline: string }
  | { action: "closeInput" }
  | { action: "submit" }
  | { action: "reopen" }
  | { action: "approve"; decision: DecisionInput }
  | { action: "return"; decision: DecisionInput }
  | { action: "amend" };

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

async function recordDecision(trx: Trx, scope: Scope, outcome: DecisionOutcome, input: DecisionInput): Promise<Decision> {
  if (!isIsoDate(input.decidedOn) || !input.text.trim()) throw new PlanRuleError("invalidDecision");
  const decision: Decision = {
    id: randomUUID(),
    cooperation_id: scope.cooperationId,
    body: input.body,
    outcome,
    decided_on: input.decidedOn,
    case_number: input.caseNumber,
    text: input.text,
    recorded_by: scope.userId,
    created_at: now(),
  };
  await trx.insertInto("decision").values(decision).execute();
  await recordAudit(trx, {
    cooperationId: scope.cooperationId,
    actorId: scope.userId,
    action: "decision.created",
    entityType: "decision",
    entityId: decision.id,
    after: decision,
  });
  return decision;
}

/**
 * Seed 004 ch. 4: a measure that introduces a new system cannot enter an approved plan without a
 * benefits realisation plan, i.e. at least one benefit with owner, baseline, target and when it
 * is measured.
 */
async function requireBenefitsPlans(trx: Trx, version: PlanVersion): Promise<void> {
  const systems = await trx
    .selectFrom("plan_item")
    .innerJoin("measure", "measure.id", "plan_item.measure_id")
    .select("measure.id")
    .where("plan_item.plan_version_id", "=", version.id)
    .where("measure.introduces_system", "=", 1)
    .execute();
  if (!systems.length) return;
  const benefits = await trx
    .selectFrom("measure_benefit")
    .select(["measure_id", "owner", "baseline", "target", "measured_when"])
    .where(
      "measure_id",
      "in",
      systems.map((s) => s.id),
    )
    .execute();
  const planned = new Set(
    benefits
      .filter((b) => [b.owner, b.baseline, b.target, b.measured_when].every((field) => Boolean(field?.trim())))
      .map((b) => b.measure_id),
  );
  const missing = systems.map((s) => s.id).filter((id) => !planned.has(id));
  if (missing.length) throw new PlanRuleError("benefitsPlanMissing", missing);
}

/** The columns a transition sets besides the status; records the decision where there is one. */
async function transitionColumns(
  trx: Trx,
  scope: Scope,
  before: PlanVersion,
  request: Exclude<TransitionRequest, { action: "amend" }>,
): Promise<Partial<Pick<PlanVersion, "input_deadline" | "input_closed_at" | "decision_id" | "snapshot">>> {
  switch (request.action) {
    case "sendForInput":
      if (!isIsoDate(request.inputDeadline)) throw new PlanRuleError("invalidDeadline");
      // a version reopened and sent again starts a new round
      return { input_deadline: request.inputDeadline, input_closed_at: null };
    case "closeInput":
      return { input_closed_at: now() };
    case "submit":
    case "reopen":
      return {};
    case "return":
      // the version links its latest decision; an earlier return stays in `decision` and the trail
      return { decision_id: (await recordDecision(trx, scope, "returned", request.decision)).id };
    case "approve": {
      await requireBenefitsPlans(trx, before);
      const decision = await recordDecision(trx, scope, "approved", request.decision);
      const plan = await trx.selectFrom("action_plan").select("year").where("id", "=", before.plan_id).executeTakeFirstOrThrow();
      const snapshot = await buildSnapshot(trx, {
        cooperationId: scope.cooperationId,
        version: before,
        year: plan.year,
        decision,
        approvedAt: now(),
      });
      return { decision_id: decision.id, snapshot: JSON.stringify(snapshot) };
    }
  }
}

/** On approval the year's previously approved version stops being the valid plan; it stays readable. */
async function supersedeOthers(trx: Trx, scope: Scope, approved: PlanVersion): Promise<void> {
  const others = await trx
    .selectFrom("plan_version")
    .selectAll()
    .where("plan_id", "=", approved.plan_id)
    .where("cooperation_id", "=", scope.cooperationId)
    .where("status", "=", "approved")
    .where("id", "<>", approved.id)
    .execute();
  for (const old of others) {
    await trx
      .updateTable("plan_version")
      .set((eb) => ({ status: "superseded", version: eb("version", "+", 1), updated_at: now() }))
      .where("id", "=", old.id)
      .where("status", "=", "approved")
      .execute();
    await recordAudit(trx, {
      cooperationId: scope.cooperationId,
      actorId: scope.userId,
      action: "plan_version.superseded",
      entityType: "plan_version",
      entityId: old.id,
      before: auditView(old),
      after: auditView(await loadVersion(trx, scope.cooperationId, old.id)),
    });
  }
}

/** A new draft version copying the approved one; one unfinished version per plan at a time. */
async function startAmendment(trx: Trx, scope: Scope, approved: PlanVersion): Promise<string> {
  const versions = await trx
    .selectFrom("plan_version")
    .select(["version_no", "status"])
    .where("plan_id", "=", approved.plan_id)
    .where("cooperation_id", "=", scope.cooperationId)
    .execute();
  const frozen: readonly PlanVersionStatus[] = FROZEN_STATUSES;
  if (versions.some((v) => !frozen.includes(v.status))) throw new PlanRuleError("openVersionExists");
  const items = (await loadItems(trx, scope.cooperationId, approved.id)).map((i) => ({
    measureId: i.measure_id,
    budget: i.budget,
    priority: i.priority,
    periodFrom: i.period_from,
    periodTo: i.period_to,
    milestones: i.milestones,
    carriedOver: i.carried_over === 1,
    sortOrder: i.sort_order,
  }));
  const versionNo = Math.max(...versions.map((v) => v.version_no)) + 1;
  return insertVersion(
    trx,
    scope,
    { planId: approved.plan_id, versionNo, basedOnVersionId: approved.id, items },
    "plan_version.amend",
  );
}

/**
 * Asks the reporters of the cooperation's current member municipalities for input on `version`,
 * by e-mail: its year, number, deadline and the plan page.
 */
async function announceInputRound(trx: Trx, scope: Scope, version: PlanVersion, today: string): Promise<void> {
  const cooperation = await trx
    .selectFrom("cooperation")
    .select(["name", "slug"])
    .where("id", "=", scope.cooperationId)
    .executeTakeFirstOrThrow();
  const plan = await trx.selectFrom("action_plan").select("year").where("id", "=", version.plan_id).executeTakeFirstOrThrow();
  const members = await listMembers(trx, { cooperationId: scope.cooperationId, onDate: today });
  await enqueuePlanInputMail(trx, {
    cooperationId: scope.cooperationId,
    cooperationName: cooperation.name,
    planVersionId: version.id,
    year: plan.year,
    versionNo: version.version_no,
    deadline: version.input_deadline!,
    link: absoluteUrl(planUrl(cooperation.slug, plan.year)),
    municipalities: members.map((m) => ({ id: m.municipalityId, name: m.name })),
    now: new Date(),
  });
}

/**
 * Performs `request.action` on the version, if the state machine allows it for the user's roles
 * and the input round's state on Norway's today (PlanTransitionError otherwise) and `version` is
 * still current (StaleVersionError). Returns the resulting version: the new draft for `amend`,
 * the same version otherwise. A version sent for input with a deadline still ahead is announced
 * to the reporters; one whose deadline has passed (a past plan entered after the fact) is not,
 * as nobody can comment on it.
 */
export async function transitionPlanVersion(
  db: DB,
  scope: Scope & { versionId: string; version: number; request: TransitionRequest },
): Promise<{ versionId: string; status: PlanVersionStatus }> {
  const { request } = scope;
  const today = osloToday();
  return transact(db, async (trx) => {
    const before = await loadVersion(trx, scope.cooperationId, scope.versionId);
    const state = { status: before.status, inputOpen: isInputOpen(inputRoundOf(before), today) };
    const check = checkTransition(state, request.action, await rolesOf(trx, scope));
    if (!check.ok) {
      throw check.reason === "notAllowed"
        ? new PlanForbiddenError(PLAN_TRANSITIONS[request.action].permission)
        : new PlanTransitionError(request.action, before.status, check.reason);
    }
    expectVersion(before, scope.version);
    if (request.action === "amend") {
      return { versionId: await startAmendment(trx, scope, before), status: "draft" as const };
    }
    const columns = await transitionColumns(trx, scope, before, request);
    const result = await trx
      .updateTable("plan_version")
      .set((eb) => ({ ...columns, status: check.to, version: eb("version", "+", 1), updated_at: now() }))
      .where("id", "=", before.id)
      .where("cooperation_id", "=", scope.cooperationId)
      .where("status", "=", before.status)
      .where("snapshot", "is", null)
      .where("version", "=", scope.version)
      .executeTakeFirst();
    expectVersionedUpdate(result, "plan_version");
    if (request.action === "approve") await supersedeOthers(trx, scope, before);
    const after = await loadVersion(trx, scope.cooperationId, before.id);
    if (request.action === "sendForInput" && isInputOpen(inputRoundOf(after), today)) {
      await announceInputRound(trx, scope, after, today);
    }
    await recordAudit(trx, {
      cooperationId: scope.cooperationId,
      actorId: scope.userId,
      action: `plan_version.${request.action satisfies PlanAction}`,
      entityType: "plan_version",
      entityId: before.id,
      before: auditView(before),
      after: auditView(after),
    });
    return { versionId: after.id, status: after.status };
  });
}
