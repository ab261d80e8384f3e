/**
 * The three charts of the overview pages and the annual report, fed with the figures of
 * app/overview/figures.ts as they are.
 *
 * ```tsx
 * import { CostChart, ProgressChart, UptakeChart } from "~/overview/charts";
 *
 * <UptakeChart series={uptakeSeries} />                       // UptakeSeries[]: lines 0–100 %, gaps for null
 * <ProgressChart progress={figures.progress} goals />          // bars per focus area, its goals indented below
 * <CostChart costs={figures.costs} stacked />                  // bars per municipality in kroner, investment + running
 * <CostChart costs={figures.costs} title="Kostnader 2014" />   // every chart takes a title instead of its default
 * ```
 */
import { useTranslation } from "react-i18next";
import type { CostFigures, ProgressFigures, UptakeSeries } from "./figures";
import { BarChart, type BarRow } from "../ui/charts/bar-chart";
import { LineChart } from "../ui/charts/line-chart";

/** Focus areas (and, with `goals`, each area's goals right under it) as rows of shares. */
export function progressRows(progress: ProgressFigures, goals: boolean): BarRow[] {
  return progress.areas.flatMap((area) => [
    { label: area.title, values: [area.share] },
    ...(goals ? area.goals.map((g): BarRow => ({ label: g.text, values: [g.share], level: 1 })) : []),
  ]);
}

/** Municipalities as rows of amounts in øre: [investment, running] when stacked, else [total]. */
export function costRows(costs: CostFigures, stacked: boolean): BarRow[] {
  return costs.municipalities.map((m) => ({
    label: m.name,
    values: stacked ? [m.totalInvestment, m.totalRunning] : [m.totalInvestment + m.totalRunning],
  }));
}

export function UptakeChart({ series, title, id }: { series: UptakeSeries[]; title?: string; id?: string }) {
  const { t } = useTranslation();
  return <LineChart id={id} title={title ?? t("chart:uptake.title")} seriesHeader={t("chart:uptake.series")} series={series} />;
}

export function ProgressChart({
  progress,
  goals = false,
  title,
  id,
}: {
  progress: ProgressFigures;
  goals?: boolean;
  title?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <BarChart
      id={id}
      title={title ?? t(goals ? "chart:progress.titleGoals" : "chart:progress.title")}
      unit="percent"
      max={1}
      categoryHeader={t(goals ? "chart:progress.categoryGoals" : "chart:progress.category")}
      parts={[t("chart:progress.share")]}
      rows={progressRows(progress, goals)}
    />
  );
}

export function CostChart({
  costs,
  stacked = false,
  title,
  id,
}: {
  costs: CostFigures;
  stacked?: boolean;
  title?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <BarChart
      id={id}
      title={title ?? t("chart:costs.title", { year: costs.year })}
      unit="nok"
      categoryHeader={t("chart:costs.municipality")}
      parts={stacked ? [t("chart:costs.investment"), t("chart:costs.running")] : [t("chart:costs.total")]}
      rows={costRows(costs, stacked)}
    />
  );
}
