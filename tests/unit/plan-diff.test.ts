import { describe, expect, it } from "vitest";
import { diffPlans, type DiffableItem } from "../../app/plan/diff";

const item = (measureId: string, sortOrder: number, extra: Partial<DiffableItem> = {}): DiffableItem => ({
  measureId,
  budget: 100_000_00,
  priority: 2,
  periodFrom: 2014,
  periodTo: 2016,
  milestones: "Avtale signert i mars",
  sortOrder,
  ...extra,
});

describe("plan diff", () => {
  it("classifies added, removed, changed and unchanged items by measure", () => {
    const before = [item("kept", 0), item("dropped", 1), item("repriced", 2), item("moved", 3)];
    const after = [
      item("kept", 0),
      item("repriced", 1, { budget: 75_000_50, priority: 1 }),
      item("moved", 2, { periodFrom: 2015, periodTo: 2017 }),
      item("new", 3),
    ];
    const diff = diffPlans(before, after);
    expect(diff.entries.map((e) => [e.kind, e.measureId])).toEqual([
      ["unchanged", "kept"],
      ["changed", "repriced"],
      ["changed", "moved"],
      ["added", "new"],
      ["removed", "dropped"],
    ]);
    expect(diff.entries[1]).toMatchObject({
      changes: {
        priority: { before: 2, after: 1 },
        budget: { before: 100_000_00, after: 75_000_50, difference: -24_999_50 },
      },
    });
    expect(diff.entries[1]).not.toHaveProperty("changes.period");
    expect(diff.entries[2]).toMatchObject({
      changes: { period: { before: { from: 2014, to: 2016 }, after: { from: 2015, to: 2017 } } },
    });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 1 });
    expect(diff.budgetDifference).toBe(-24_999_50);
  });

  it("notices changed milestones, like budget and priority", () => {
    const diff = diffPlans([item("m", 0)], [item("m", 0, { milestones: "Avtale signert i mars\nPilot i Giske i juni" })]);
    expect(diff.entries[0]).toMatchObject({
      kind: "changed",
      changes: { milestones: { before: "Avtale signert i mars", after: "Avtale signert i mars\nPilot i Giske i juni" } },
    });
    expect(diffPlans([item("m", 0)], [item("m", 0, { milestones: "Avtale signert i mars\n" })]).entries[0].kind).toBe(
      "unchanged",
    );
  });

  it("a change of sort order alone is not a change", () => {
    const diff = diffPlans([item("a", 0), item("b", 1)], [item("b", 0), item("a", 1)]);
    expect(diff.entries.map((e) => [e.kind, e.measureId])).toEqual([
      ["unchanged", "b"],
      ["unchanged", "a"],
    ]);
  });

  it("notices a priority set or cleared and a budget increase", () => {
    const diff = diffPlans([item("a", 0, { priority: null, budget: 0 })], [item("a", 0, { priority: 1, budget: 1 })]);
    expect(diff.entries[0]).toMatchObject({
      kind: "changed",
      changes: { priority: { before: null, after: 1 }, budget: { difference: 1 } },
    });
  });

  it("is stable: ties in sort order keep the input order; removed follow the older order", () => {
    const before = [item("r2", 5), item("r1", 1), item("x", 0)];
    const after = [item("n2", 0), item("n1", 0), item("x", 0)];
    expect(diffPlans(before, after).entries.map((e) => e.measureId)).toEqual(["n2", "n1", "x", "r1", "r2"]);
  });

  it("keeps the caller's extra fields on the entries", () => {
    const diff = diffPlans([], [{ ...item("a", 0), name: "Felles arkiv" }]);
    expect(diff.entries[0]).toMatchObject({ kind: "added", after: { name: "Felles arkiv" } });
  });
});
