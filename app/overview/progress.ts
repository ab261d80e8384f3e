import type { ProgressFigures } from "./figures";
import type { UptakeSummary } from "../uptake/uptake";
import type { OverviewBase } from "./load.server";

/**
 * Progress of a set of measures: the weighted mean of their uptake (in use or realised ÷
 * relevant participants), each measure counting by its weight (1 unless the secretariat set
 * another). Measures nobody finds relevant are left out; none left gives null.
 */
export function weightedShare(measures: { weight: number; uptake: UptakeSummary }[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const m of measures) {
    if (m.uptake.ratio === null || m.weight <= 0) continue;
    weighted += m.weight * m.uptake.ratio;
    weights += m.weight;
  }
  return weights === 0 ? null : weighted / weights;
}

/** Progress per focus area and goal, over the measures given (those running in the year) with their uptake. */
export function buildProgress(base: OverviewBase, uptake: Map<string, UptakeSummary>): ProgressFigures {
  const measures = base.measures.filter((m) => uptake.has(m.id)).map((m) => ({ ...m, uptake: uptake.get(m.id)! }));
  return {
    equalWeights: measures.every((m) => m.weight === 1),
    areas: base.areas.map((area) => {
      const inArea = measures.filter((m) => m.areaIds.includes(area.id));
      return {
        focusAreaId: area.id,
        title: area.title,
        measures: inArea.length,
        share: weightedShare(inArea),
        goals: area.goals.map((goal) => {
          const forGoal = measures.filter((m) => m.goalIds.includes(goal.id));
          return { goalId: goal.id, text: goal.text, measures: forGoal.length, share: weightedShare(forGoal) };
        }),
      };
    }),
  };
}
