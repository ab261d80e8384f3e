/*
 * What changed between two versions of an action plan: against last year's
 * approved plan or against the version's own predecessor. Items are matched by measure, the
 * stable identity across years. Entries follow the newer plan's order, because that is the plan
 * being read; items it removed follow at the end, in the older plan's order. Ties in sort order
 * keep the input order, so the same input always gives the same output.
 */

export interface DiffableItem {
  measureId: string;
  /** øre */
  budget: number;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  milestones: string;
  sortOrder: number;
}

export interface Change<V> {
  before: V;
  after: V;
}

export interface Period {
  from: number | null;
  to: number | null;
}

export interface ItemChanges {
  priority?: Change<number | null>;
  /** `difference` = after − before, in øre (negative when the budget went down) */
  budget?: Change<number> & { difference: number };
  period?: Change<Period>;
  milestones?: Change<string>;
}

export type PlanDiffEntry<T extends DiffableItem> =
  | { kind: "added"; measureId: string; after: T }
  | { kind: "removed"; measureId: string; before: T }
  | { kind: "changed"; measureId: string; before: T; after: T; changes: ItemChanges }
  | { kind: "unchanged"; measureId: string; before: T; after: T };

export interface PlanDiff<T extends DiffableItem> {
  entries: PlanDiffEntry<T>[];
  counts: Record<PlanDiffEntry<T>["kind"], number>;
  /** total budget after − before, in øre */
  budgetDifference: number;
}

function inPlanOrder<T extends DiffableItem>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.sortOrder - b.item.sortOrder || a.index - b.index)
    .map(({ item }) => item);
}

export function itemChanges(before: DiffableItem, after: DiffableItem): ItemChanges {
  const changes: ItemChanges = {};
  if (before.priority !== after.priority) changes.priority = { before: before.priority, after: after.priority };
  if (before.budget !== after.budget) {
    changes.budget = { before: before.budget, after: after.budget, difference: after.budget - before.budget };
  }
  if (before.periodFrom !== after.periodFrom || before.periodTo !== after.periodTo) {
    changes.period = {
      before: { from: before.periodFrom, to: before.periodTo },
      after: { from: after.periodFrom, to: after.periodTo },
    };
  }
  // line breaks and spaces at the ends are how the text was typed, not what it says
  if (before.milestones.trim() !== after.milestones.trim()) {
    changes.milestones = { before: before.milestones, after: after.milestones };
  }
  return changes;
}

export function diffPlans<T extends DiffableItem>(before: readonly T[], after: readonly T[]): PlanDiff<T> {
  const oldByMeasure = new Map(before.map((item) => [item.measureId, item]));
  const newMeasures = new Set(after.map((item) => item.measureId));
  const entries: PlanDiffEntry<T>[] = inPlanOrder(after).map((item) => {
    const old = oldByMeasure.get(item.measureId);
    if (!old) return { kind: "added", measureId: item.measureId, after: item };
    const changes = itemChanges(old, item);
    return Object.keys(changes).length
      ? { kind: "changed", measureId: item.measureId, before: old, after: item, changes }
      : { kind: "unchanged", measureId: item.measureId, before: old, after: item };
  });
  for (const old of inPlanOrder(before)) {
    if (!newMeasures.has(old.measureId)) entries.push({ kind: "removed", measureId: old.measureId, before: old });
  }
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const entry of entries) counts[entry.kind]++;
  const total = (items: readonly T[]) => items.reduce((sum, item) => sum + item.budget, 0);
  return { entries, counts, budgetDifference: total(after) - total(before) };
}
