import { randomUUID } from "node:crypto";
import type { Transaction, Updateable } from "kysely";
import type { DB } from "../../db/connect";
import type { Database, DecisionBody, Strategy } from "../../db/schema";
import type { AdoptionInput, FocusAreaInput, GoalInput, StrategyInput } from "@shared-schema/strategy";
import { recordAudit, type AuditInput } from "../audit/audit.server";
import { expectVersionedUpdate, transact } from "../utils/concurrency.server";
import { StaleVersionError } from "../utils/errors.server";
import { StrategyFrozenError, StrategyNotFoundError, StrategyRuleError } from "./errors.server";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * Every write to a strategy, its focus areas, goals and yearly evaluations. Each function takes
 * the scope ids (cooperation from the URL, user from the session), runs in one transaction and
 * writes an audit event with before/after. Content changes need a draft: an adopted or archived
 * strategy is frozen (StrategyFrozenError; the database refuses as well, see migration
 * 2026-11-22T1800-strategy). Every content change is checked against and bumps the strategy's
 * `version`, so two people editing the same strategy never overwrite each other silently.
 */

type Trx = Transaction<Database>;
export interface Scope {
  cooperationId: CooperationId;
  userId: string;
}
type DraftScope = Scope & { strategyId: string; version: number };

const now = () => new Date().toISOString();

function strategyRow(input: StrategyInput) {
  return {
    title: input.title,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    vision: input.vision,
    purpose: input.purpose,
    principles: JSON.stringify(input.principles),
    national_guidelines: JSON.stringify(input.nationalGuidelines),
  };
}

function auditView(s: Strategy) {
  return {
    ...s,
    principles: JSON.parse(s.principles) as string[],
    national_guidelines: JSON.parse(s.national_guidelines) as string[],
  };
}

async function loadStrategy(trx: Trx, cooperationId: CooperationId, strategyId: string): Promise<Strategy> {
  const row = await trx
    .selectFrom("strategy")
    .selectAll()
    .where("id", "=", strategyId)
    .where("cooperation_id", "=", cooperationId)
    .executeTakeFirst();
  if (!row) throw new StrategyNotFoundError("strategy", strategyId);
  return row;
}

/**
 * Refuses unless the strategy is a draft, then claims the given version (version + 1), so a
 * concurrent change to the same strategy fails with StaleVersionError. Returns the row before.
 */
async function claimDraft(trx: Trx, scope: DraftScope): Promise<Strategy> {
  const { strategyId, version } = scope;
  const before = await loadStrategy(trx, scope.cooperationId, strategyId);
  if (before.status !== "draft") throw new StrategyFrozenError(strategyId, before.status);
  const result = await trx
    .updateTable("strategy")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: now() }))
    .where("id", "=", strategyId)
    .where("cooperation_id", "=", scope.cooperationId)
    .where("status", "=", "draft")
    .where("version", "=", version)
    .executeTakeFirst();
  expectVersionedUpdate(result, "strategy");
  return before;
}

async function loadFocusArea(trx: Trx, scope: Scope, strategyId: string, focusAreaId: string) {
  const row = await trx
    .selectFrom("focus_area")
    .selectAll()
    .where("id", "=", focusAreaId)
    .where("strategy_id", "=", strategyId)
    .where("cooperation_id", "=", scope.cooperationId)
    .executeTakeFirst();
  if (!row) throw new StrategyNotFoundError("focus_area", focusAreaId);
  return row;
}

async function loadGoal(trx: Trx, scope: Scope, strategyId: string, goalId: string) {
  const row = await trx
    .selectFrom("goal")
    .innerJoin("focus_area", "focus_area.id", "goal.focus_area_id")
    .selectAll("goal")
    .where("goal.id", "=", goalId)
    .where("focus_area.strategy_id", "=", strategyId)
    .where("goal.cooperation_id", "=", scope.cooperationId)
    .where("focus_area.cooperation_id", "=", scope.cooperationId)
    .executeTakeFirst();
  if (!row) throw new StrategyNotFoundError("goal", goalId);
  return row;
}

/** An audit event by the scope's user in the scope's cooperation. */
async function audit(trx: Trx, scope: Scope, event: Omit<AuditInput, "cooperationId" | "actorId">): Promise<void> {
  await recordAudit(trx, { cooperationId: scope.cooperationId, actorId: scope.userId, ...event });
}

/**
 * Runs one content change in its own transaction after claimDraft, so no change can skip the
 * frozen check or the version bump. `change` gets the strategy row as it was before.
 */
function changeDraft<T>(db: DB, scope: DraftScope, change: (trx: Trx, before: Strategy) => Promise<T>): Promise<T> {
  return transact(db, async (trx) => change(trx, await claimDraft(trx, scope)));
}

/**
 * An edit of a draft's text, as changeDraft, except that an edit `unchanged` finds would store
 * what is already there writes nothing: a form sent back as shown makes no version and no audit event.
 */
function editDraft(
  db: DB,
  scope: DraftScope,
  change: (trx: Trx, before: Strategy) => Promise<void>,
  unchanged: (trx: Trx, current: Strategy) => Promise<boolean>,
): Promise<void> {
  return transact(db, async (trx) => {
    const current = await loadStrategy(trx, scope.cooperationId, scope.strategyId);
    if (current.status !== "draft") throw new StrategyFrozenError(scope.strategyId, current.status);
    if (await unchanged(trx, current)) return;
    await change(trx, await claimDraft(trx, scope));
  });
}

/** Whether every field of `values` already has that value in `row`. */
function sameValues(row: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).every(([key, value]) => row[key] === value);
}

/**
 * A focus area or goal changed in place through editDraft: its new values, audited before and
 * after; a save that changes nothing writes nothing.
 */
function updatePart<T extends Ordered>(
  db: DB,
  scope: DraftScope,
  table: T,
  values: Updateable<Database[T]> & Record<string, unknown>,
  load: (trx: Trx) => Promise<{ id: string } & Record<string, unknown>>,
): Promise<void> {
  return editDraft(
    db,
    scope,
    async (trx) => {
      const before = await load(trx);
      await trx
        .updateTable(table as Ordered)
        .set(values)
        .where("id", "=", before.id)
        .where("cooperation_id", "=", scope.cooperationId)
        .execute();
      const after = await load(trx);
      await audit(trx, scope, { action: `${table}.updated`, entityType: table, entityId: before.id, before, after });
    },
    async (trx) => sameValues(await load(trx), values),
  );
}

/** Focus areas are ordered within their strategy, goals within their focus area. */
const ORDERED_WITHIN = { focus_area: "strategy_id", goal: "focus_area_id" } as const;
type Ordered = keyof typeof ORDERED_WITHIN;

/** The sort_order after the last sibling under `parentId`; 0 for the first. */
async function nextSortOrder(trx: Trx, table: Ordered, parentId: string): Promise<number> {
  const last = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max("sort_order").as("max"))
    .where(ORDERED_WITHIN[table], "=", parentId)
    .executeTakeFirst();
  return last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
}

/** Swaps sort_order with the neighbour above or below (renumbering 0…n first); at the edge it does nothing. */
async function swapNeighbour<T extends { id: string; sort_order: number }>(
  rows: T[],
  id: string,
  direction: "up" | "down",
  write: (id: string, order: number) => Promise<void>,
): Promise<{ before: string[]; after: string[] } | null> {
  const index = rows.findIndex((r) => r.id === id);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= rows.length) return null;
  const order = rows.map((r) => r.id);
  const next = [...order];
  [next[index], next[other]] = [next[other], next[index]];
  for (const [i, rowId] of next.entries()) {
    if (rows.find((r) => r.id === rowId)!.sort_order !== i) await write(rowId, i);
  }
  return { before: order, after: next };
}

/** Moves one focus area or goal among its siblings under `parentId`; the audit event keeps both orders. */
async function moveAmongSiblings(
  trx: Trx,
  scope: Scope,
  table: Ordered,
  parentId: string,
  id: string,
  direction: "up" | "down",
): Promise<void> {
  const rows = await trx
    .selectFrom(table)
    .select(["id", "sort_order"])
    .where(ORDERED_WITHIN[table], "=", parentId)
    .where("cooperation_id", "=", scope.cooperationId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const moved = await swapNeighbour(rows, id, direction, async (rowId, order) => {
    await trx.updateTable(table).set({ sort_order: order }).where("id", "=", rowId).execute();
  });
  if (moved) {
    await audit(trx, scope, {
      action: `${table}.moved`,
      entityType: table,
      entityId: id,
      before: { order: moved.before },
      after: { order: moved.after },
    });
  }
}

/** Deletes goals with their evaluations; a goal a measure points to stays (goalInUse). */
async function deleteGoals(trx: Trx, scope: Scope, goalIds: string[]): Promise<void> {
  if (!goalIds.length) return;
  const used = await trx.selectFrom("measure_goal").select("measure_id").where("goal_id", "in", goalIds).executeTakeFirst();
  if (used) throw new StrategyRuleError("goalInUse");
  await trx.deleteFrom("goal_evaluation").where("goal_id", "in", goalIds).execute();
  await trx.deleteFrom("goal").where("id", "in", goalIds).where("cooperation_id", "=", scope.cooperationId).execute();
}

// ---------------------------------------------------------------------------------------------
// The strategy itself

export async function createStrategy(db: DB, scope: Scope & { values: StrategyInput }): Promise<string> {
  return transact(db, async (trx) => {
    const id = randomUUID();
    const stamp = now();
    await trx
      .insertInto("strategy")
      .values({
        id,
        cooperation_id: scope.cooperationId,
        ...strategyRow(scope.values),
        status: "draft",
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    const after = await loadStrategy(trx, scope.cooperationId, id);
    await audit(trx, scope, {
      action: "strategy.created",
      entityType: "strategy",
      entityId: id,
      after: auditView(after),
    });
    return id;
  });
}

export async function updateStrategy(db: DB, scope: DraftScope & { values: StrategyInput }): Promise<void> {
  await editDraft(
    db,
    scope,
    async (trx, before) => {
      await trx
        .updateTable("strategy")
        .set(strategyRow(scope.values))
        .where("id", "=", scope.strategyId)
        .where("cooperation_id", "=", scope.cooperationId)
        .execute();
      const after = await loadStrategy(trx, scope.cooperationId, scope.strategyId);
      await audit(trx, scope, {
        action: "strategy.updated",
        entityType: "strategy",
        entityId: scope.strategyId,
        before: auditView(before),
        after: auditView(after),
      });
    },
    async (_trx, current) => sameValues(current, strategyRow(scope.values)),
  );
}

/**
 * Records the adoption decision and adopts the draft; every other adopted strategy of the
 * cooperation (the one a revision revises among them) is archived. Returns the decision id.
 */
export async function adoptStrategy(db: DB, scope: DraftScope & { decision: AdoptionInput }): Promise<string> {
  return changeDraft(db, scope, async (trx, before) => {
    const stamp = now();
    const decisionId = randomUUID();
    const decision = {
      id: decisionId,
      cooperation_id: scope.cooperationId,
      body: scope.decision.body as DecisionBody,
      outcome: "adopted" as const,
      decided_on: scope.decision.decidedOn,
      case_number: scope.decision.caseNumber,
      text: scope.decision.text,
      recorded_by: scope.userId,
      created_at: stamp,
    };
    await trx.insertInto("decision").values(decision).execute();
    await audit(trx, scope, {
      action: "decision.created",
      entityType: "decision",
      entityId: decisionId,
      after: decision,
    });

    const previous = await trx
      .selectFrom("strategy")
      .selectAll()
      .where("cooperation_id", "=", scope.cooperationId)
      .where("status", "=", "adopted")
      .where("id", "<>", scope.strategyId)
      .execute();
    for (const old of previous) {
      await trx
        .updateTable("strategy")
        .set((eb) => ({ status: "archived", version: eb("version", "+", 1), updated_at: stamp }))
        .where("id", "=", old.id)
        .where("cooperation_id", "=", scope.cooperationId)
        .where("status", "=", "adopted")
        .execute();
      await audit(trx, scope, {
        action: "strategy.archived",
        entityType: "strategy",
        entityId: old.id,
        before: auditView(old),
        after: auditView(await loadStrategy(trx, scope.cooperationId, old.id)),
      });
    }

    await trx
      .updateTable("strategy")
      .set({ status: "adopted", adoption_decision_id: decisionId, updated_at: stamp })
      .where("id", "=", scope.strategyId)
      .where("cooperation_id", "=", scope.cooperationId)
      .where("status", "=", "draft")
      .execute();
    await audit(trx, scope, {
      action: "strategy.adopted",
      entityType: "strategy",
      entityId: scope.strategyId,
      before: auditView(before),
      after: auditView(await loadStrategy(trx, scope.cooperationId, scope.strategyId)),
    });
    return decisionId;
  });
}

/**
 * A new draft with the adopted strategy's content, its focus areas and goals, pointing back with
 * `revision_of_id`. The adopted text stays as it is. A draft revision that already exists is
 * returned instead of a second one.
 */
export async function startRevision(db: DB, scope: Scope & { strategyId: string }): Promise<string> {
  return transact(db, async (trx) => {
    const original = await loadStrategy(trx, scope.cooperationId, scope.strategyId);
    if (original.status !== "adopted") throw new StrategyRuleError("notAdopted");
    const existing = await trx
      .selectFrom("strategy")
      .select("id")
      .where("cooperation_id", "=", scope.cooperationId)
      .where("revision_of_id", "=", original.id)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (existing) return existing.id;

    const id = randomUUID();
    const stamp = now();
    await trx
      .insertInto("strategy")
      .values({
        id,
        cooperation_id: scope.cooperationId,
        title: original.title,
        period_from: original.period_from,
        period_to: original.period_to,
        vision: original.vision,
        purpose: original.purpose,
        principles: original.principles,
        national_guidelines: original.national_guidelines,
        status: "draft",
        revision_of_id: original.id,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    const areas = await trx
      .selectFrom("focus_area")
      .selectAll()
      .where("strategy_id", "=", original.id)
      .where("cooperation_id", "=", scope.cooperationId)
      .orderBy("sort_order")
      .execute();
    for (const area of areas) {
      const areaId = randomUUID();
      await trx
        .insertInto("focus_area")
        .values({ ...area, id: areaId, strategy_id: id })
        .execute();
      const goals = await trx
        .selectFrom("goal")
        .selectAll()
        .where("focus_area_id", "=", area.id)
        .where("cooperation_id", "=", scope.cooperationId)
        .orderBy("sort_order")
        .execute();
      if (goals.length) {
        await trx
          .insertInto("goal")
          .values(goals.map((g) => ({ ...g, id: randomUUID(), focus_area_id: areaId })))
          .execute();
      }
    }
    await audit(trx, scope, {
      action: "strategy.revision_started",
      entityType: "strategy",
      entityId: id,
      after: { ...auditView(await loadStrategy(trx, scope.cooperationId, id)), focus_areas: areas.length },
    });
    return id;
  });
}

// ---------------------------------------------------------------------------------------------
// Focus areas

export async function addFocusArea(db: DB, scope: DraftScope & { values: FocusAreaInput }): Promise<string> {
  return changeDraft(db, scope, async (trx) => {
    const row = {
      id: randomUUID(),
      cooperation_id: scope.cooperationId,
      strategy_id: scope.strategyId,
      title: scope.values.title,
      description: scope.values.description,
      rationale: scope.values.rationale,
      sort_order: await nextSortOrder(trx, "focus_area", scope.strategyId),
    };
    await trx.insertInto("focus_area").values(row).execute();
    await audit(trx, scope, { action: "focus_area.created", entityType: "focus_area", entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateFocusArea(
  db: DB,
  scope: DraftScope & { focusAreaId: string; values: FocusAreaInput },
): Promise<void> {
  const values = { title: scope.values.title, description: scope.values.description, rationale: scope.values.rationale };
  await updatePart(db, scope, "focus_area", values, (trx) => loadFocusArea(trx, scope, scope.strategyId, scope.focusAreaId));
}

export async function removeFocusArea(db: DB, scope: DraftScope & { focusAreaId: string }): Promise<void> {
  await changeDraft(db, scope, async (trx) => {
    const before = await loadFocusArea(trx, scope, scope.strategyId, scope.focusAreaId);
    const goals = await trx.selectFrom("goal").selectAll().where("focus_area_id", "=", before.id).execute();
    const usedByMeasure = await trx
      .selectFrom("measure_focus_area")
      .select("measure_id")
      .where("focus_area_id", "=", before.id)
      .executeTakeFirst();
    if (usedByMeasure) throw new StrategyRuleError("focusAreaInUse");
    await deleteGoals(
      trx,
      scope,
      goals.map((g) => g.id),
    );
    await trx.deleteFrom("focus_area").where("id", "=", before.id).where("cooperation_id", "=", scope.cooperationId).execute();
    await audit(trx, scope, {
      action: "focus_area.deleted",
      entityType: "focus_area",
      entityId: before.id,
      before: { ...before, goals },
    });
  });
}

export async function moveFocusArea(
  db: DB,
  scope: DraftScope & { focusAreaId: string; direction: "up" | "down" },
): Promise<void> {
  await changeDraft(db, scope, async (trx) => {
    await loadFocusArea(trx, scope, scope.strategyId, scope.focusAreaId);
    await moveAmongSiblings(trx, scope, "focus_area", scope.strategyId, scope.focusAreaId, scope.direction);
  });
}

// ---------------------------------------------------------------------------------------------
// Goals

export async function addGoal(db: DB, scope: DraftScope & { focusAreaId: string; values: GoalInput }): Promise<string> {
  return changeDraft(db, scope, async (trx) => {
    const area = await loadFocusArea(trx, scope, scope.strategyId, scope.focusAreaId);
    const row = {
      id: randomUUID(),
      cooperation_id: scope.cooperationId,
      focus_area_id: area.id,
      text: scope.values.text,
      indicator: scope.values.indicator,
      target: scope.values.target,
      sort_order: await nextSortOrder(trx, "goal", area.id),
    };
    await trx.insertInto("goal").values(row).execute();
    await audit(trx, scope, { action: "goal.created", entityType: "goal", entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateGoal(db: DB, scope: DraftScope & { goalId: string; values: GoalInput }): Promise<void> {
  const values = { text: scope.values.text, indicator: scope.values.indicator, target: scope.values.target };
  await updatePart(db, scope, "goal", values, (trx) => loadGoal(trx, scope, scope.strategyId, scope.goalId));
}

export async function removeGoal(db: DB, scope: DraftScope & { goalId: string }): Promise<void> {
  await changeDraft(db, scope, async (trx) => {
    const before = await loadGoal(trx, scope, scope.strategyId, scope.goalId);
    await deleteGoals(trx, scope, [before.id]);
    await audit(trx, scope, { action: "goal.deleted", entityType: "goal", entityId: before.id, before });
  });
}

export async function moveGoal(db: DB, scope: DraftScope & { goalId: string; direction: "up" | "down" }): Promise<void> {
  await changeDraft(db, scope, async (trx) => {
    const goal = await loadGoal(trx, scope, scope.strategyId, scope.goalId);
    await moveAmongSiblings(trx, scope, "goal", goal.focus_area_id, goal.id, scope.direction);
  });
}

// ---------------------------------------------------------------------------------------------
// Yearly evaluation per goal (not strategy content: written for adopted and archived strategies)

export interface EvaluationEntry {
  goalId: string;
  /** empty: no assessment for that goal and year (an existing one is removed) */
  assessment: string;
  /** the assessment the form showed (stored when it was loaded): what the writer changed it from */
  shown: string;
}

/**
 * Upserts one assessment per goal for `year`; other years are untouched. The strategy must be
 * adopted or archived, and the year within its period (or the year after it, for the final
 * evaluation). Only the goals the writer changed in the form are written, so a form kept open
 * never puts back what someone else has saved since; a goal both changed differently is refused
 * (StaleVersionError) and nothing of the form is saved.
 */
export async function saveGoalEvaluations(
  db: DB,
  scope: Scope & { strategyId: string; year: number; entries: EvaluationEntry[] },
): Promise<{ changed: number }> {
  return transact(db, async (trx) => {
    const strategy = await loadStrategy(trx, scope.cooperationId, scope.strategyId);
    if (strategy.status === "draft") throw new StrategyRuleError("notAdopted");
    if (scope.year < strategy.period_from || scope.year > strategy.period_to + 1) {
      throw new StrategyRuleError("evaluationYearOutsidePeriod");
    }
    const goals = await trx
      .selectFrom("goal")
      .innerJoin("focus_area", "focus_area.id", "goal.focus_area_id")
      .select("goal.id")
      .where("focus_area.strategy_id", "=", strategy.id)
      .where("goal.cooperation_id", "=", scope.cooperationId)
      .execute();
    const known = new Set(goals.map((g) => g.id));
    if (scope.entries.some((e) => !known.has(e.goalId))) throw new StrategyRuleError("unknownGoal");

    const evaluationAudit = (action: string, id: string, before?: unknown, after?: unknown) =>
      audit(trx, scope, { action, entityType: "goal_evaluation", entityId: id, before, after });
    let changed = 0;
    for (const entry of scope.entries) {
      const assessment = entry.assessment.trim();
      const shown = entry.shown.trim();
      if (assessment === shown) continue;
      const before = await trx
        .selectFrom("goal_evaluation")
        .selectAll()
        .where("goal_id", "=", entry.goalId)
        .where("year", "=", scope.year)
        .where("cooperation_id", "=", scope.cooperationId)
        .executeTakeFirst();
      const stored = before?.assessment ?? "";
      if (stored === assessment) continue;
      if (stored !== shown) throw new StaleVersionError("goal_evaluation");
      changed++;
      if (!before) {
        const row = {
          id: randomUUID(),
          cooperation_id: scope.cooperationId,
          goal_id: entry.goalId,
          year: scope.year,
          assessment,
          author_id: scope.userId,
          created_at: now(),
        };
        await trx.insertInto("goal_evaluation").values(row).execute();
        await evaluationAudit("goal_evaluation.created", row.id, undefined, row);
      } else if (!assessment) {
        await trx.deleteFrom("goal_evaluation").where("id", "=", before.id).execute();
        await evaluationAudit("goal_evaluation.deleted", before.id, before, undefined);
      } else {
        await trx
          .updateTable("goal_evaluation")
          .set({ assessment, author_id: scope.userId, created_at: now() })
          .where("id", "=", before.id)
          .execute();
        const after = await trx.selectFrom("goal_evaluation").selectAll().where("id", "=", before.id).executeTakeFirstOrThrow();
        await evaluationAudit("goal_evaluation.updated", before.id, before, after);
      }
    }
    return { changed };
  });
}

/** Every mutating function of this module, for the tests that prove a frozen strategy stays frozen. */
export const CONTENT_MUTATIONS = [
  "updateStrategy",
  "adoptStrategy",
  "addFocusArea",
  "updateFocusArea",
  "removeFocusArea",
  "moveFocusArea",
  "addGoal",
  "updateGoal",
  "removeGoal",
  "moveGoal",
] as const;
