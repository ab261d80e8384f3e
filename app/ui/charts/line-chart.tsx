/**
 * A line chart of shares (0–100 %) over a row of points, drawn as SVG on the server.
 *
 * ```tsx
 * import { LineChart } from "~/ui/charts/line-chart";
 *
 * // `series` can be figures.uptakeSeries (UptakeSeries[]) as it is: label + points {label, at?, ratio}
 * <LineChart
 *   title="Andel tatt i bruk over tid"
 *   seriesHeader="Tiltak"
 *   series={[
 *     { label: "3. Feide", points: [{ label: "2013", ratio: 0.2 }, { label: "2014", ratio: 0.45 }, { label: "Runde vår 2015", ratio: 0.82 }] },
 *     { label: "7. Felles drift", points: [{ label: "2013", ratio: 0 }, { label: "2014", ratio: null }, { label: "Runde vår 2015", ratio: 0.09 }] },
 *   ]}
 * />
 * ```
 *
 * Points are matched across series by their label and ordered by `at` when every point has one
 * (otherwise in the order they first appear). A null ratio (or a missing point) leaves a gap in the
 * line; a point standing alone between gaps shows as its marker. Each series has its own colour,
 * dash pattern and marker, repeated in the legend. No series or no ratio at all: "Ingen data å vise.".
 */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { formatPercent } from "../../i18n/format";
import {
  AXIS_COLOUR,
  ChartFigure,
  ChartSvg,
  GRID_COLOUR,
  LAYOUTS,
  Legend,
  Marker,
  round,
  seriesStyle,
  textWidth,
  useChartId,
  useChartLanguage,
  ValueCell,
  wrapText,
  type Layout,
} from "./chart-parts";

export interface LinePoint {
  label: string;
  /** ISO date of the point; orders the points when every point has one */
  at?: string;
  /** 0–1; null: nothing to measure (a gap) */
  ratio: number | null;
}

export interface LineSeries {
  label: string;
  points: LinePoint[];
}

export interface LineChartProps {
  /** the caption, and the name of the picture and the table */
  title: string;
  series: LineSeries[];
  /** header of the table's first column (the series names); default "Serie" */
  seriesHeader?: string;
  /** replaces the generated one-sentence summary */
  description?: string;
  /** id prefix of the figure; generated when left out */
  id?: string;
}

/** The points of all series in order, each once. */
export function linePoints(series: LineSeries[]): { label: string; at?: string }[] {
  const seen = new Map<string, { label: string; at?: string; first: number }>();
  let n = 0;
  for (const s of series)
    for (const p of s.points) if (!seen.has(p.label)) seen.set(p.label, { label: p.label, at: p.at, first: n++ });
  const points = [...seen.values()];
  if (points.every((p) => p.at)) points.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : a.first - b.first));
  return points.map(({ label, at }) => ({ label, at }));
}

/** A series' ratios in the order of `labels` (null where it has no point or no value). */
function valuesAt(series: LineSeries, labels: string[]): (number | null)[] {
  const byLabel = new Map(series.points.map((p) => [p.label, p.ratio]));
  return labels.map((l) => {
    const v = byLabel.get(l);
    return v === undefined || v === null || !Number.isFinite(v) ? null : Math.min(1, Math.max(0, v));
  });
}

/** The polyline pieces of one series: runs of consecutive values, split at every gap. */
export function lineSegments(values: (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ index, value });
  });
  if (run.length) runs.push(run);
  return runs;
}

function describe(t: TFunction, lang: Language, series: LineSeries[], labels: string[], values: (number | null)[][]): string {
  const latest = series
    .map((s, i) => {
      const idx = values[i].map((v, j) => (v === null ? -1 : j)).filter((j) => j >= 0);
      return idx.length ? { label: s.label, first: idx[0], last: idx[idx.length - 1], values: values[i] } : null;
    })
    .filter((x) => x !== null);
  if (latest.length === 0) return t("chart:noData");
  const pct = (v: number | null) => formatPercent(lang, v ?? 0);
  if (latest.length === 1) {
    const s = latest[0];
    if (s.first === s.last)
      return t("chart:summary.linePoint", { series: s.label, value: pct(s.values[s.first]), at: labels[s.first] });
    return t("chart:summary.line", {
      series: s.label,
      first: pct(s.values[s.first]),
      from: labels[s.first],
      last: pct(s.values[s.last]),
      to: labels[s.last],
    });
  }
  const sorted = [...latest].sort((a, b) => (b.values[b.last] ?? 0) - (a.values[a.last] ?? 0));
  const hi = sorted[0];
  const lo = sorted[sorted.length - 1];
  const labelValue = (s: (typeof latest)[number]) =>
    t("chart:summary.labelValue", { label: s.label, value: pct(s.values[s.last]) });
  return t("chart:summary.lines", {
    from: labels[Math.min(...latest.map((s) => s.first))],
    to: labels[Math.max(...latest.map((s) => s.last))],
    highest: labelValue(hi),
    lowest: labelValue(lo),
  });
}

export function LineChart({ title, series, seriesHeader, description, id }: LineChartProps) {
  const { t } = useTranslation();
  const lang = useChartLanguage();
  const chartId = useChartId(id);
  const points = linePoints(series);
  const labels = points.map((p) => p.label);
  const values = series.map((s) => valuesAt(s, labels));
  const empty = values.every((vs) => vs.every((v) => v === null));
  const summary = description ?? describe(t, lang, series, labels, values);

  const svg = (layout: Layout, svgId: string) => {
    const { width, fontSize } = LAYOUTS[layout];
    const lineHeight = fontSize * 1.25;
    const plotHeight = layout === "wide" ? 240 : 190;
    const yTicks = [0, 0.25, 0.5, 0.75, 1];
    const tickLabels = yTicks.map((v) => formatPercent(lang, v));
    const left = Math.ceil(Math.max(...tickLabels.map((l) => textWidth(l, fontSize)))) + 10;
    const right = 12;
    const top = Math.ceil(fontSize / 2) + 4;
    const plotWidth = width - left - right;
    const step = plotWidth / Math.max(1, labels.length);
    // x labels: wrapped into the room of one point; if even a year does not fit, every k-th label
    const maxLines = layout === "wide" ? 2 : 3;
    const every = Math.max(1, Math.ceil((textWidth("0000", fontSize) + 6) / step));
    const room = step * every - 6;
    const xLabels = labels.map((l, i) => (i % every === 0 ? wrapText(l, room, fontSize, maxLines) : []));
    const labelLines = Math.max(1, ...xLabels.map((l) => l.length));
    const bottom = 8 + labelLines * lineHeight;
    const height = top + plotHeight + bottom;
    const x = (i: number) => left + step * (i + 0.5);
    const y = (v: number) => top + plotHeight * (1 - v);
    const markerR = layout === "wide" ? 4.5 : 4;
    return (
      <ChartSvg id={svgId} layout={layout} title={title} description={summary} width={width} height={height} fontSize={fontSize}>
        <g data-axis="y">
          {yTicks.map((v, i) => (
            <g key={v}>
              <line
                x1={left}
                x2={width - right}
                y1={round(y(v))}
                y2={round(y(v))}
                stroke={v === 0 ? AXIS_COLOUR : GRID_COLOUR}
                strokeWidth={1}
              />
              <text x={left - 6} y={round(y(v))} dy="0.35em" textAnchor="end" fill="currentColor">
                {tickLabels[i]}
              </text>
            </g>
          ))}
        </g>
        <g data-axis="x">
          {labels.map((_, i) => (
            <line
              key={i}
              x1={round(x(i))}
              x2={round(x(i))}
              y1={top + plotHeight}
              y2={top + plotHeight + 4}
              stroke={AXIS_COLOUR}
            />
          ))}
          {xLabels.map((lines, i) =>
            lines.length ? (
              <text key={i} x={round(x(i))} y={round(top + plotHeight + 6 + fontSize)} textAnchor="middle" fill="currentColor">
                {lines.map((line, k) => (
                  <tspan key={k} x={round(x(i))} dy={k === 0 ? 0 : round(lineHeight)}>
                    {line}
                  </tspan>
                ))}
              </text>
            ) : null,
          )}
        </g>
        {series.map((s, i) => {
          const style = seriesStyle(i);
          const runs = lineSegments(values[i]);
          const d = runs
            .filter((run) => run.length > 1)
            .map((run) => run.map((p, k) => `${k === 0 ? "M" : "L"}${round(x(p.index))} ${round(y(p.value))}`).join(" "))
            .join(" ");
          return (
            <g key={i} data-series={i}>
              {d ? (
                <path
                  d={d}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash}
                  strokeLinejoin="round"
                  strokeLinecap="butt"
                />
              ) : null}
              {runs.flat().map((p) => (
                <Marker key={p.index} shape={style.marker} x={x(p.index)} y={y(p.value)} r={markerR} colour={style.colour} />
              ))}
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
        <Legend
          entries={series.map((s, i) => {
            const style = seriesStyle(i);
            return {
              label: s.label,
              swatch: (
                <>
                  <line x1={1} x2={35} y1={7} y2={7} stroke={style.colour} strokeWidth={2.5} strokeDasharray={style.dash} />
                  <Marker shape={style.marker} x={18} y={7} r={4.5} colour={style.colour} />
                </>
              ),
            };
          })}
        />
      }
      table={{
        headers: [seriesHeader ?? t("chart:series"), ...labels],
        rows: series.map((s, i) => (
          <tr key={i}>
            <th scope="row">{s.label}</th>
            {values[i].map((v, j) => (
              <ValueCell key={j} text={v === null ? null : formatPercent(lang, v)} />
            ))}
          </tr>
        )),
      }}
    />
  );
}
