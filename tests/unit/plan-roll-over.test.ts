import { describe, expect, it } from "vitest";
import type { MeasureStatus } from "../../db/schema";
import { isFinished, periodEnded, rollOver, type CatalogueMeasure, type PreviousPlanItem } from "../../app/plan/roll-over";

const item = (measureId: string, status: MeasureStatus, sortOrder: number, extra: Partial<PreviousPlanItem> = {}) => ({
  measureId,
  status,
  budget: 100_000_00,
  priority: 2,
  periodFrom: 2013,
  periodTo: 2016,
  milestones: "Q2: pilot",
  sortOrder,
  ...extra,
});
const measure = (id: string, number: number, status: MeasureStatus): CatalogueMeasure => ({ id, number, status });

describe("roll-over", () => {
  it("counts a period as ended when its last year is before the plan's year; an open-ended one never ends", () => {
    expect(periodEnded({ periodTo: 2014 }, 2016)).toBe(true);
    expect(periodEnded({ periodTo: 2015 }, 2016)).toBe(true);
    expect(periodEnded({ periodTo: 2016 }, 2016)).toBe(false);
    expect(periodEnded({ periodTo: 2017 }, 2016)).toBe(false);
    expect(periodEnded({ periodTo: null }, 2016)).toBe(false);
  });

  it("counts completed and discontinued as finished, everything else as unfinished", () => {
    expect(isFinished("completed")).toBe(true);
    expect(isFinished("discontinued")).toBe(true);
    for (const s of ["proposed", "planned", "in_progress", "available", "on_hold", "continuous"] as const) {
      expect(isFinished(s)).toBe(false);
    }
  });

  it("carries over unfinished measures in order, keeps priority, budget and period, clears milestones", () => {
    const previous = [
      item("b", "on_hold", 5, { priority: 1, budget: 5_000_00, periodFrom: 2014, periodTo: 2015 }),
      item("a", "in_progress", 2, { priority: 3, budget: 0, periodFrom: null, periodTo: null }),
      item("c", "completed", 3),
    ];
    const catalogue = [measure("a", 1, "in_progress"), measure("b", 2, "on_hold"), measure("c", 3, "completed")];
    expect(rollOver(previous, catalogue).items).toEqual([
      {
        measureId: "a",
        budget: 0,
        priority: 3,
        periodFrom: null,
        periodTo: null,
        milestones: "",
        carriedOver: true,
        sortOrder: 0,
      },
      {
        measureId: "b",
        budget: 5_000_00,
        priority: 1,
        periodFrom: 2014,
        periodTo: 2015,
        milestones: "",
        carriedOver: true,
        sortOrder: 1,
      },
    ]);
  });

  it("lists finished measures separately, in last year's order", () => {
    const previous = [item("x", "completed", 2), item("y", "in_progress", 0), item("z", "discontinued", 1)];
    const catalogue = [measure("x", 1, "completed"), measure("y", 2, "in_progress"), measure("z", 3, "discontinued")];
    const result = rollOver(previous, catalogue);
    expect(result.finishedLastYear).toEqual([
      { measureId: "z", status: "discontinued" },
      { measureId: "x", status: "completed" },
    ]);
    expect(result.items.map((i) => i.measureId)).toEqual(["y"]);
  });

  it("takes the status from the catalogue, falling back to the stored one", () => {
    const previous = [item("done-since", "in_progress", 0), item("reopened", "completed", 1), item("gone", "planned", 2)];
    const catalogue = [measure("done-since", 1, "completed"), measure("reopened", 2, "in_progress")];
    const result = rollOver(previous, catalogue);
    expect(result.items.map((i) => i.measureId)).toEqual(["reopened", "gone"]);
    expect(result.finishedLastYear).toEqual([{ measureId: "done-since", status: "completed" }]);
  });

  it("keeps the input order for equal sort orders", () => {
    const previous = [item("p", "planned", 0), item("q", "planned", 0), item("r", "planned", 0)];
    expect(rollOver(previous, []).items.map((i) => i.measureId)).toEqual(["p", "q", "r"]);
  });

  it("offers unfinished catalogue measures not in last year's plan as candidates, by number", () => {
    const previous = [item("in-plan", "planned", 0)];
    const catalogue = [
      measure("new-b", 9, "proposed"),
      measure("in-plan", 1, "planned"),
      measure("done", 2, "completed"),
      measure("new-a", 4, "on_hold"),
    ];
    expect(rollOver(previous, catalogue).candidates).toEqual(["new-a", "new-b"]);
  });

  it("rolls an empty plan into an empty draft", () => {
    expect(rollOver([], [])).toEqual({ items: [], finishedLastYear: [], candidates: [] });
  });
});
