/**
 * What the charts share: scales and ticks, an approximate text measure (the server has no fonts to
 * ask), the palette with its dash patterns and markers, and the frame every chart is drawn in.
 *
 * The frame (`ChartFigure`) is the one accessible pattern of all charts:
 *
 *   <figure>                                 named by its <figcaption>, the visible title
 *     <svg role="img" aria-labelledby="title desc">   the picture: <title> + a generated one-sentence
 *                                             <desc>; everything drawn inside is presentational
 *     <ul> legend </ul>                      plain text, for series told apart by colour AND dash/marker
 *     <details><summary>Vis tallene</summary><table>…</table></details>   the numbers, no JS needed
 *   </figure>
 *
 * The SVG is drawn twice, for a narrow (320 units) and a wide (640 units) layout, and a container
 * query shows one of them (the other is display:none, so it is not in the accessibility tree either).
 * A viewBox scales text with the picture; two layouts keep the text between ~11 and ~17 px from a
 * 320 px phone to a desktop column without any script.
 */
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { DEFAULT_LANGUAGE, isLanguage } from "../../i18n/config";
import { formatNok, formatNumber, formatPercent } from "../../i18n/format";
import { DataTable } from "../data-table";

// ---------------------------------------------------------------------------------------------
// Language and numbers

/**
 * The language the charts format numbers in. It is the language of the i18next instance the
 * page renders with: root.tsx creates that instance from the same `lang` that `useLanguage()`
 * reads, so the two agree in the app, and a chart also renders outside a Remix route (an export
 * rendered with renderToStaticMarkup, a test) as long as an I18nextProvider is there.
 */
export function useChartLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** percent: ratios 0–1; nok: amounts in øre; number: plain numbers. */
export type ChartUnit = "percent" | "nok" | "number";

export function formatValue(lang: Language, unit: ChartUnit, value: number): string {
  if (unit === "percent") return formatPercent(lang, value);
  if (unit === "nok") return formatNok(lang, Math.round(value));
  return formatNumber(lang, value);
}

// ---------------------------------------------------------------------------------------------
// Scales and ticks

/** A linear map from [d0, d1] to [r0, r1]; a zero-length domain maps everything to r0. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) of at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Ticks from 0 to a nice number ≥ max, at most `count` intervals (so at most count + 1 ticks). */
export function niceTicks(max: number, count: number): number[] {
  const top = max > 0 ? max : 1;
  const step = niceStep(top / Math.max(1, count));
  const ticks: number[] = [];
  for (let i = 0; i * step < top + step / 1e9; i++) ticks.push(round(i * step, 9));
  if (ticks[ticks.length - 1] < top) ticks.push(round(ticks.length * step, 9));
  return ticks;
}

/** Amounts in øre get their ticks in whole kroner. */
export function valueTicks(unit: ChartUnit, max: number, count: number): number[] {
  if (unit === "percent") return niceTicks(Math.max(max, 1), count);
  if (unit === "nok") return niceTicks(max / 100, count).map((kr) => Math.round(kr * 100));
  return niceTicks(max, count);
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export type Anchor = "start" | "middle" | "end";

/**
 * Where to anchor tick labels at `xs` (each `widths` wide) in a drawing `width` wide: centred on the
 * tick, or starting/ending at it where a centred label would leave the drawing. Null when two labels
 * would come closer than `gap`: then there are too many ticks.
 */
export function tickAnchors(xs: number[], widths: number[], width: number, gap = 8): Anchor[] | null {
  const anchors: Anchor[] = xs.map((x, i) => (x - widths[i] / 2 < 0 ? "start" : x + widths[i] / 2 > width ? "end" : "middle"));
  const spans = xs.map((x, i) => {
    const w = widths[i];
    return anchors[i] === "start" ? [x, x + w] : anchors[i] === "end" ? [x - w, x] : [x - w / 2, x + w / 2];
  });
  for (let i = 1; i < spans.length; i++) if (spans[i][0] - spans[i - 1][1] < gap) return null;
  if (spans.some(([a, b]) => a < 0 || b > width)) return null;
  return anchors;
}

// ---------------------------------------------------------------------------------------------
// Text measuring (an approximation: widths in em close to DejaVu Sans, the widest of the fonts the
// page falls back to, so that a label measured here also fits in Inter or Segoe UI)

const NARROW = new Set("iljI.,:;'|!·ıíìî");
const SEMI = new Set("fjrt()[]{}/\\-– ");
const WIDE = new Set("mwMW%@");

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.3;
    else if (SEMI.has(ch)) em += 0.42;
    else if (WIDE.has(ch)) em += 1;
    else if (ch >= "0" && ch <= "9") em += 0.65;
    else if (ch === "\u00a0" || ch === "\u202f") em += 0.32;
    else if (ch !== ch.toLowerCase()) em += 0.76;
    else em += 0.63;
  }
  return em * fontSize;
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth`; a word longer than a line
 * is cut, and what does not fit ends the last line with "…" (the full text is in the table).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, fontSize) <= maxWidth) current = candidate;
    else {
      if (current) lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length === 0) return [""];
  const truncated = lines.length > maxLines;
  return lines
    .slice(0, maxLines)
    .map((line, i) =>
      (truncated && i === maxLines - 1) || textWidth(line, fontSize) > maxWidth ? ellipsis(line, maxWidth, fontSize) : line,
    );
}

function ellipsis(line: string, maxWidth: number, fontSize: number): string {
  let out = line;
  while (out.length > 0 && textWidth(`${out}…`, fontSize) > maxWidth) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Colours, dash patterns and markers

/**
 * Eight colours in the spirit of Designsystemet's accent/success/warning/danger bases, each with a
 * contrast of at least 4.5:1 on white (so they pass the 3:1 for graphics with a margin, and can be
 * used for text). Neighbouring series do not rely on them: each also has its own dash and marker.
 */
export const PALETTE = ["#0062BA", "#C3470A", "#0B7A4B", "#7A3DAB", "#B3174A", "#6E6200", "#00738A", "#4B5867"] as const;

/** stroke-dasharray per series; "none" is a solid line. */
export const DASHES = ["none", "8 4", "2 3", "10 3 2 3", "4 2", "12 3 3 3 3 3", "16 4", "3 3 8 3"] as const;

export const MARKERS = ["circle", "square", "triangle", "diamond", "triangleDown", "plus", "cross", "star"] as const;
export type MarkerShape = (typeof MARKERS)[number];

/** Axis lines and tick marks (5:1 on white); grid lines are decoration and lighter. */
export const AXIS_COLOUR = "#68707C";
export const GRID_COLOUR = "#D5DAE0";

export interface SeriesStyle {
  colour: string;
  dash: string;
  marker: MarkerShape;
}

/**
 * The style of series `i`. The first eight differ in colour, dash and marker; beyond eight the
 * dash and the marker shift against the colour, so no two of the first 64 look the same.
 */
export function seriesStyle(i: number): SeriesStyle {
  const lap = Math.floor(i / PALETTE.length);
  return {
    colour: PALETTE[i % PALETTE.length],
    dash: DASHES[(i + lap) % DASHES.length],
    marker: MARKERS[(i + 2 * lap) % MARKERS.length],
  };
}

/** A marker centred on (x, y), about 2r wide; filled, with a white edge so that it stands off the lines. */
export function Marker({ shape, x, y, r, colour }: { shape: MarkerShape; x: number; y: number; r: number; colour: string }) {
  const common = { fill: colour, stroke: "#FFFFFF", strokeWidth: 1 };
  const pts = (list: [number, number][]) => list.map(([dx, dy]) => `${round(x + dx * r)},${round(y + dy * r)}`).join(" ");
  switch (shape) {
    case "circle":
      return <circle cx={round(x)} cy={round(y)} r={round(r)} {...common} />;
    case "square":
      return <rect x={round(x - r * 0.85)} y={round(y - r * 0.85)} width={round(r * 1.7)} height={round(r * 1.7)} {...common} />;
    case "triangle":
      return (
        <polygon
          points={pts([
            [0, -1.15],
            [1.05, 0.8],
            [-1.05, 0.8],
          ])}
          {...common}
        />
      );
    case "triangleDown":
      return (
        <polygon
          points={pts([
            [0, 1.15],
            [1.05, -0.8],
            [-1.05, -0.8],
          ])}
          {...common}
        />
      );
    case "diamond":
      return (
        <polygon
          points={pts([
            [0, -1.2],
            [1.2, 0],
            [0, 1.2],
            [-1.2, 0],
          ])}
          {...common}
        />
      );
    case "plus": {
      const a = 0.38;
      return (
        <polygon
          points={pts([
            [-a, -1.1],
            [a, -1.1],
            [a, -a],
            [1.1, -a],
            [1.1, a],
            [a, a],
            [a, 1.1],
            [-a, 1.1],
            [-a, a],
            [-1.1, a],
            [-1.1, -a],
            [-a, -a],
          ])}
          {...common}
        />
      );
    }
    case "cross": {
      const a = 0.3;
      const b = 0.95;
      return (
        <polygon
          points={pts([
            [0, -a * 1.4],
            [b - a, -b],
            [b, -(b - a)],
            [a * 1.4, 0],
            [b, b - a],
            [b - a, b],
            [0, a * 1.4],
            [-(b - a), b],
            [-b, b - a],
            [-a * 1.4, 0],
            [-b, -(b - a)],
            [-(b - a), -b],
          ])}
          {...common}
        />
      );
    }
    case "star": {
      const list: [number, number][] = [];
      for (let k = 0; k < 10; k++) {
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        const radius = k % 2 === 0 ? 1.25 : 0.55;
        list.push([Math.cos(angle) * radius, Math.sin(angle) * radius]);
      }
      return <polygon points={pts(list)} {...common} />;
    }
  }
}

/**
 * Fills for the parts of a stacked bar: the first solid, the others striped in white at different
 * angles, so that the parts differ in pattern as well as in colour.
 */
export function partFill(part: number, patternId: string): string {
  return part === 0 ? PALETTE[0] : `url(#${patternId}-${part})`;
}

export function PartPatterns({ count, patternId }: { count: number; patternId: string }) {
  const angles = [45, -45, 0, 90];
  return (
    <defs>
      {Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 1).map((part) => (
        <pattern
          key={part}
          id={`${patternId}-${part}`}
          patternUnits="userSpaceOnUse"
          width={6}
          height={6}
          patternTransform={`rotate(${angles[(part - 1) % angles.length]})`}
        >
          <rect width={6} height={6} fill={PALETTE[part % PALETTE.length]} />
          <rect width={1.6} height={6} fill="#FFFFFF" />
        </pattern>
      ))}
    </defs>
  );
}

// ---------------------------------------------------------------------------------------------
// Ids and the frame

/** A prefix for ids that is the same on the server and in the browser, and safe in url(#…). */
export function useChartId(id?: string): string {
  const generated = useId();
  return id ?? `chart-${generated.replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

export type Layout = "narrow" | "wide";

/** The two layouts: the width of the viewBox and the font size in it. */
export const LAYOUTS: Record<Layout, { width: number; fontSize: number }> = {
  narrow: { width: 320, fontSize: 13 },
  wide: { width: 640, fontSize: 13 },
};

/** The <svg role="img"> with its title and description; children are the drawing. */
export function ChartSvg({
  id,
  layout,
  title,
  description,
  width,
  height,
  fontSize,
  children,
}: {
  id: string;
  layout: Layout;
  title: string;
  description: string;
  width: number;
  height: number;
  fontSize: number;
  children: ReactNode;
}) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${round(height)}`}
      width="100%"
      className="block h-auto"
      fontSize={fontSize}
      data-layout={layout}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/**
 * The figure around a chart: caption, the SVG in both layouts (or the "no data" text), legend and
 * the data table under "Vis tallene".
 */
export function ChartFigure({
  id,
  title,
  empty,
  svg,
  legend,
  table,
}: {
  id: string;
  title: string;
  empty: boolean;
  /** draws the SVG for one layout, with the id it must carry */
  svg: (layout: Layout, svgId: string) => ReactNode;
  legend?: ReactNode;
  /** the headers and rows of the data table */
  table: { headers: string[]; rows: ReactNode };
}) {
  const { t } = useTranslation();
  const captionId = `${id}-caption`;
  return (
    <figure className="chart @container m-0 flex flex-col gap-2" id={id}>
      <figcaption id={captionId} className="ds-heading" data-size="2xs">
        {title}
      </figcaption>
      {empty ? (
        <p className="ds-paragraph" data-chart-empty="">
          {t("chart:noData")}
        </p>
      ) : (
        <>
          <div className="max-w-[30rem] @xl:hidden">{svg("narrow", `${id}-narrow`)}</div>
          <div className="hidden max-w-[56rem] @xl:block">{svg("wide", `${id}-wide`)}</div>
          {legend}
          <details className="ds-details">
            <summary>{t("chart:showNumbers")}</summary>
            <div>
              <DataTable labelledBy={captionId} caption={title} headers={table.headers}>
                {table.rows}
              </DataTable>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}

/** A value cell of the data table; a missing value reads "ingen data" and shows a dash. */
export function ValueCell({ text }: { text: string | null }) {
  const { t } = useTranslation();
  return (
    <td className="text-right tabular-nums">
      {text ?? (
        <>
          <span aria-hidden="true">–</span>
          <span className="ds-sr-only">{t("chart:noValue")}</span>
        </>
      )}
    </td>
  );
}

/** One legend entry: a small line (or bar) swatch drawn like the series, and its name. */
export function Legend({ entries }: { entries: { label: string; swatch: ReactNode }[] }) {
  const { t } = useTranslation();
  return (
    <ul className="ds-list--unstyled m-0 flex flex-wrap gap-x-5 gap-y-1 p-0" aria-label={t("chart:legend")} data-chart-legend="">
      {entries.map((e, i) => (
        <li key={i} className="flex items-center gap-2">
          <svg aria-hidden="true" width={36} height={14} viewBox="0 0 36 14" className="shrink-0">
            {e.swatch}
          </svg>
          <span className="ds-paragraph" data-size="sm">
            {e.label}
          </span>
        </li>
      ))}
    </ul>
  );
}
