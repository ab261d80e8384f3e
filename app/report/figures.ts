import type { Language, MeasureStatus } from "../../db/schema";
import type { CostFigures, ProgressFigures, UptakeMatrix } from "../overview/figures";
import type { UptakeSummary } from "../uptake/uptake";

/*
 * The annual status report's figures, as plain JSON: the overview's figures for a year with the
 * plan, benefits and comments, frozen into annual_report.figures when the report is published.
 * The exports (PDF, CSV, XLSX) read only this shape.
 * Money is in øre (integers).
 */

export const FIGURES_FORMAT = 1;

export interface PlanItemFigure {
  number: number;
  name: string;
  status: MeasureStatus;
  statusText: string | null;
  budget: number;
  priority: number | null;
  milestones: string;
  uptake: UptakeSummary;
}

export interface RealisedBenefitFigure {
  measureNumber: number;
  measureName: string;
  municipality: string;
  description: string;
  amount: number;
  unit: string | null;
  /** the measure's expected amount for the whole cooperation, when it has one */
  expected: number | null;
}

export interface CommentFigure {
  measureNumber: number | null;
  /** absent in reports published before it was kept (the exports then look it up in the matrix) */
  measureName?: string;
  municipality: string | null;
  author: string;
  date: string;
  text: string;
}

export const REPORT_SECTIONS = ["summary", "plan", "matrix", "progress", "costs", "benefits", "comments"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface ReportFigures {
  format: typeof FIGURES_FORMAT;
  cooperation: { name: string; slug: string };
  year: number;
  /** when these figures were computed (for a published report: the day of publishing) */
  computedAt: string;
  /** the plan the report follows up: the approved plan of the year, if any */
  plan: { versionNo: number; approvedOn: string | null; items: PlanItemFigure[] } | null;
  matrix: UptakeMatrix;
  progress: ProgressFigures;
  costs: CostFigures;
  benefits: RealisedBenefitFigure[];
  /** uptake reports with a comment during the year */
  comments: CommentFigure[];
}

/** What an export needs besides the figures. */
export interface ReportDocument {
  figures: ReportFigures;
  /** the secretariat's text per section; empty sections are left out */
  narrative: Partial<Record<ReportSection, string>>;
  language: Language;
  /** null for a draft (a preview) */
  publishedAt: string | null;
  publishedBy: string | null;
}

/** The name a report download is saved under; a draft says so. */
export function reportFileName(slug: string, year: number, published: boolean, format: "pdf" | "csv" | "xlsx"): string {
  return `${slug}-arsrapport-${year}${published ? "" : "-utkast"}.${format}`;
}
