/**
 * A horizontal bar chart, plain or stacked, drawn as SVG on the server; every bar is labelled with
 * its value (the total, when stacked).
 *
 * ```tsx
 * import { BarChart } from "~/ui/charts/bar-chart";
 *
 * // plain bars of shares (0–1); level 1 rows (goals under a focus area) are indented and thinner
 * <BarChart
 *   title="Fremdrift per satsingsområde"
 *   unit="percent"
 *   categoryHeader="Satsingsområde"
 *   parts={["Andel tatt i bruk"]}
 *   rows={[
 *     { label: "Digital samhandling", values: [0.82] },
 *     { label: "Alle kommunene bruker Feide", values: [0.9], level: 1 },
 *     { label: "Digital kompetanse", values: [null] }, // no bar: "ingen data"
 *   ]}
 * />
 *
 * // stacked amounts in øre: one value per part, the legend names the parts
 * <BarChart
 *   title="Kostnader per kommune 2014"
 *   unit="nok"
 *   categoryHeader="Kommune"
 *   parts={["Investering", "Drift"]}
 *   rows={[{ label: "Ålesund", values: [12_000_000, 4_500_000] }, { label: "Giske", values: [2_000_000, 750_000] }]}
 * />
 * ```
 *
 * The scale starts at 0 and ends at `max` (default: 100 % for shares, otherwise a round number at or
 * above the largest total). No rows, or no value in any row: "Ingen data å vise." instead of a chart.
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import {
  AXIS_COLOUR,
  ChartFigure,
  ChartSvg,
  formatValue,
  GRID_COLOUR,
  LAYOUTS,
  Legend,
  linearScale,
  partFill,
  PartPatterns,
  round,
  textWidth,
  tickAnchors,
  useChartId,
  useChartLanguage,
  valueTicks,
  ValueCell,
  wrapText,
  type Anchor,
  type ChartUnit,
  type Layout,
} from "./chart-parts";

export interface BarRow {
  label: string;
  /** one value per part (in `BarChartProps.parts` order); null: no data */
  values: (number | null)[];
  /** 1: a sub-row (e.g. a goal under its focus area): indented label, thinner bar */
  level?: 0 | 1;
}

export interface BarChartProps {
  /** the caption, and the name of the picture and the table */
  title: string;
  rows: BarRow[];
  /** percent: ratios 0–1; nok: øre; number: plain numbers */
  unit: ChartUnit;
  /** header of the table's first column (the row labels) */
  categoryHeader: string;
  /** the names of the values in a row: one for plain bars (the value column's header), several to stack */
  parts: string[];
  /** the end of the scale; default 1 for percent, else a round number ≥ the largest total */
  max?: number;
  /** replaces the generated one-sentence summary */
  description?: string;
  /** id prefix of the figure; generated when left out */
  id?: string;
}

/** The sum of a row's values; null when every value is null. */
export function rowTotal(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length ? present.reduce((a, b) => a + Math.max(0, b), 0) : null;
}

function describe(t: TFunction, lang: Language, unit: ChartUnit, rows: BarRow[], totals: (number | null)[]): string {
  const present = rows.map((r, i) => ({ label: r.label, total: totals[i] })).filter((r) => r.total !== null);
  if (present.length === 0) return t("chart:noData");
  const fmt = (v: number | null) => formatValue(lang, unit, v ?? 0);
  if (present.length === 1) return t("chart:summary.single", { label: present[0].label, value: fmt(present[0].total) });
  // stable: of equal values the first row is named
  const hi = present.reduce((a, b) => ((b.total ?? 0) > (a.total ?? 0) ? b : a));
  const lo = present.reduce((a, b) => ((b.total ?? 0) < (a.total ?? 0) ? b : a));
  return t("chart:summary.highLow", {
    highest: t("chart:summary.labelValue", { label: hi.label, value: fmt(hi.total) }),
    lowest: t("chart:summary.labelValue", { label: lo.label, value: fmt(lo.total) }),
  });
}

export function BarChart({ title, rows, unit, categoryHeader, parts, max, description, id }: BarChartProps) {
  const { t } = useTranslation();
  const lang = useChartLanguage();
  const chartId = useChartId(id);
  const stacked = parts.length > 1;
  const values = rows.map((r) => parts.map((_, j) => r.values[j] ?? null));
  const totals = values.map(rowTotal);
  const empty = totals.every((v) => v === null);
  const summary = description ?? describe(t, lang, unit, rows, totals);
  const dataMax = Math.max(0, ...totals.map((v) => v ?? 0));
  const fmt = (v: number) => formatValue(lang, unit, v);

  const svg = (layout: Layout, svgId: string) => {
    const { width, fontSize } = LAYOUTS[layout];
    const wide = layout === "wide";
    const lineHeight = fontSize * 1.25;
    const indent = fontSize;
    const pad = wide ? 8 : 4;
    const rowGap = wide ? 10 : 8;
    const barHeight = (level: number) => (level === 1 ? (wide ? 12 : 10) : wide ? 18 : 16);
    const valueLabels = totals.map((v) => (v === null ? null : fmt(v)));
    const valueColumn = Math.ceil(Math.max(0, ...valueLabels.map((l) => (l ? textWidth(l, fontSize) : 0)))) + 8;

    // labels: a column on the left (wide), or a line above the bar (narrow); two lines at most
    const labelRoom = (level: number) => (wide ? Math.round(width * 0.36) : width - 2 * pad) - (level === 1 ? indent : 0);
    const labelLines = rows.map((r) => wrapText(r.label, labelRoom(r.level ?? 0), fontSize, 2));
    const labelColumn = wide
      ? Math.ceil(
          Math.max(
            ...labelLines.map(
              (lines, i) => Math.max(...lines.map((l) => textWidth(l, fontSize))) + (rows[i].level === 1 ? indent : 0),
            ),
          ),
        )
      : 0;
    const x0 = wide ? pad + labelColumn + 10 : pad;
    const x1 = width - pad - valueColumn;

    // ticks: as many round values as fit under the bars without their labels touching; if not even
    // two fit (long amounts on a narrow screen), only the zero is labelled: every bar has its value
    const tickCandidates = (n: number) => {
      const ticks = valueTicks(unit, max ?? dataMax, n).filter((v) => max === undefined || v <= max * (1 + 1e-9));
      return ticks.length >= 2 ? ticks : [0, max ?? Math.max(dataMax, 1)];
    };
    let ticks = tickCandidates(1);
    let anchors: (Anchor | null)[] = ["start", null];
    for (let n = 8; n >= 1; n--) {
      const candidate = tickCandidates(n);
      const top = max ?? candidate[candidate.length - 1];
      const fitted = tickAnchors(
        candidate.map((v) => x0 + ((x1 - x0) * v) / top),
        candidate.map((v) => textWidth(fmt(v), fontSize)),
        width,
      );
      if (fitted) {
        ticks = candidate;
        anchors = fitted;
        break;
      }
    }
    const domainMax = max ?? ticks[ticks.length - 1];
    const scale = linearScale(0, domainMax, x0, x1);

    let y = 4;
    const placed = rows.map((r, i) => {
      const level = r.level ?? 0;
      const lines = labelLines[i];
      const bar = barHeight(level);
      const labelHeight = lines.length * lineHeight;
      let labelTop: number;
      let barTop: number;
      let rowHeight: number;
      if (wide) {
        rowHeight = Math.max(labelHeight, bar);
        labelTop = y + (rowHeight - labelHeight) / 2;
        barTop = y + (rowHeight - bar) / 2;
      } else {
        rowHeight = labelHeight + 3 + bar;
        labelTop = y;
        barTop = y + labelHeight + 3;
      }
      y += rowHeight + rowGap;
      return { level, lines, bar, labelTop, barTop };
    });
    const rowsBottom = y - rowGap + 4;
    const height = rowsBottom + 8 + fontSize + 4;

    return (
      <ChartSvg id={svgId} layout={layout} title={title} description={summary} width={width} height={height} fontSize={fontSize}>
        {stacked ? <PartPatterns count={parts.length} patternId={svgId} /> : null}
        <g data-axis="x">
          {ticks.map((v, k) => (
            <g key={v}>
              <line
                x1={round(scale(v))}
                x2={round(scale(v))}
                y1={0}
                y2={round(rowsBottom)}
                stroke={GRID_COLOUR}
                strokeWidth={1}
              />
              {anchors[k] ? (
                <text x={round(scale(v))} y={round(rowsBottom + 6 + fontSize)} textAnchor={anchors[k]!} fill="currentColor">
                  {fmt(v)}
                </text>
              ) : null}
            </g>
          ))}
          <line x1={x0} x2={x0} y1={0} y2={round(rowsBottom)} stroke={AXIS_COLOUR} strokeWidth={1} />
        </g>
        {rows.map((r, i) => {
          const p = placed[i];
          const labelX = pad + (p.level === 1 ? indent : 0);
          let cumulative = 0;
          const total = totals[i];
          return (
            <g key={i} data-row={i}>
              <text x={labelX} y={round(p.labelTop + fontSize)} fill="currentColor">
                {p.lines.map((line, k) => (
                  <tspan key={k} x={labelX} dy={k === 0 ? 0 : round(lineHeight)}>
                    {line}
                  </tspan>
                ))}
              </text>
              {values[i].map((v, j) => {
                if (v === null || v <= 0) return null;
                const start = scale(cumulative);
                cumulative += v;
                const end = scale(Math.min(cumulative, domainMax));
                const gap = stacked && start > x0 ? 1.5 : 0;
                const w = Math.max(1, end - start - gap);
                return (
                  <rect
                    key={j}
                    data-part={j}
                    x={round(start + gap, 2)}
                    y={round(p.barTop)}
                    width={round(w, 2)}
                    height={p.bar}
                    fill={stacked ? partFill(j, svgId) : "#0062BA"}
                  />
                );
              })}
              {total === null ? (
                <text x={x0 + 4} y={round(p.barTop + p.bar / 2)} dy="0.35em" fill="currentColor" fontStyle="italic">
                  {t("chart:noValue")}
                </text>
              ) : (
                <text
                  x={round(scale(Math.min(total, domainMax)) + 6)}
                  y={round(p.barTop + p.bar / 2)}
                  dy="0.35em"
                  fill="currentColor"
                >
                  {fmt(total)}
                </text>
              )}
            </g>
          );
        })}
      </ChartSvg>
    );
  };

  return (
    <ChartFigure
      id={chartId}
      title={title}
      empty={empty}
      svg={svg}
      legend={
        stacked ? (
          <Legend
            entries={parts.map((part, j) => ({
              label: part,
              swatch: (
                <>
                  {j > 0 ? <PartPatterns count={parts.length} patternId={`${chartId}-legend${j}`} /> : null}
                  <rect x={1} y={1} width={34} height={12} fill={partFill(j, `${chartId}-legend${j}`)} />
                </>
              ),
            }))}
          />
        ) : null
      }
      table={{
        headers: [categoryHeader, ...parts, ...(stacked ? [t("chart:total")] : [])],
        rows: rows.map((r, i) => (
          <tr key={i}>
            <th scope="row" className={r.level === 1 ? "pl-6" : undefined}>
              {r.label}
            </th>
            {values[i].map((v, j) => (
              <ValueCell key={j} text={v === null ? null : fmt(v)} />
            ))}
            {stacked ? <ValueCell text={totals[i] === null ? null : fmt(totals[i]!)} /> : null}
          </tr>
        )),
      }}
    />
  );
}
