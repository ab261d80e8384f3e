import type { MeasureStatus, UptakeStatus } from "../../db/schema";
import type { UptakeSummary } from "../uptake/uptake";

/*
 * The figures of the overview pages, as plain JSON: computed from the data for a year. The annual
 * status report (app/report/figures.ts) freezes them when it is published, and the charts and the
 * report's exports read only this shape.
 * Money is in øre (integers); ratios are 0–1 or null when nothing is relevant.
 */

/** A cell of the uptake matrix: the current status, or why there is none. */
export type MatrixCell = UptakeStatus | "not_reported" | "not_participating";

export interface MatrixMunicipality {
  id: string;
  number: string;
  name: string;
}

export interface MatrixMeasure {
  id: string;
  number: number;
  name: string;
  status: MeasureStatus;
  /** one per municipality, in the order of `UptakeMatrix.municipalities` */
  cells: MatrixCell[];
  uptake: UptakeSummary;
}

export interface MatrixGroup {
  /** null: measures that support none of the strategy's focus areas (title "": the reader names the group) */
  focusAreaId: string | null;
  title: string;
  measures: MatrixMeasure[];
}

export interface UptakeMatrix {
  year: number;
  municipalities: MatrixMunicipality[];
  /** a measure supporting several focus areas appears under the first */
  groups: MatrixGroup[];
  /** per municipality (same order): of the measures it takes part in and finds relevant, how many are in use */
  municipalityTotals: UptakeSummary[];
  total: UptakeSummary;
}

export interface GoalProgress {
  goalId: string;
  text: string;
  measures: number;
  /** weighted share of in_use + realised over the goal's measures; null when none is relevant */
  share: number | null;
}

export interface AreaProgress {
  focusAreaId: string;
  title: string;
  measures: number;
  share: number | null;
  goals: GoalProgress[];
}

export interface ProgressFigures {
  /** true when every weight is the default (1) */
  equalWeights: boolean;
  areas: AreaProgress[];
}

/** One point of an uptake curve: at the end of a year, or at the close (or today) of a round. */
export interface UptakePoint {
  label: string;
  /** ISO date the point is taken at */
  at: string;
  ratio: number | null;
}

export interface UptakeSeries {
  /** a measure ("3. Feide") or a focus area */
  label: string;
  kind: "measure" | "focusArea";
  points: UptakePoint[];
}

export interface CostFigures {
  year: number;
  measures: { id: string; number: number; name: string; investment: number; running: number }[];
  municipalities: {
    id: string;
    name: string;
    /** same order as `measures`; null where the municipality does not take part */
    shares: ({ investment: number; running: number } | null)[];
    totalInvestment: number;
    totalRunning: number;
  }[];
  totalInvestment: number;
  totalRunning: number;
  /** the years of the population figures that shares by population used; absent in reports frozen before it was kept */
  populationYears?: number[];
  /** measures whose cost could not be shared; absent in reports frozen before it was kept */
  unshared?: { number: number; populationYear: number; missing: string[] }[];
}
