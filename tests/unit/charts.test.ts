/**
 * The server-rendered SVG charts: structure and names, number formats per language, gaps,
 * proportional bars, "no data", series told apart without colour. Rendered with react-dom/server in
 * the I18nextProvider, as on the server; no DOM. (A .ts file with createElement: vitest.config.ts and
 * tsconfig.json include tests/**\/*.ts only.)
 */
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { i18nFor } from "../../app/i18n/i18n.server";
import { formatNok } from "../../app/i18n/format";
import type { CostFigures, ProgressFigures, UptakeSeries } from "../../app/overview/figures";
import { BarChart, type BarChartProps } from "../../app/ui/charts/bar-chart";
import {
  DASHES,
  MARKERS,
  niceTicks,
  PALETTE,
  seriesStyle,
  textWidth,
  valueTicks,
  wrapText,
} from "../../app/ui/charts/chart-parts";
import { LineChart, linePoints, type LineChartProps } from "../../app/ui/charts/line-chart";
import { CostChart, costRows, ProgressChart, progressRows, UptakeChart } from "../../app/overview/charts";

const NBSP = "\u00a0";

function render(lang: Language, element: ReactElement): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(lang) }, element));
}
const line = (lang: Language, props: LineChartProps) => render(lang, createElement(LineChart, props));
const bars = (lang: Language, props: BarChartProps) => render(lang, createElement(BarChart, props));

/** The SVG of one layout. */
function svgOf(html: string, layout: "wide" | "narrow"): string {
  const m = html.match(new RegExp(`<svg[^>]*data-layout="${layout}"[\\s\\S]*?</svg>`));
  expect(m, `svg ${layout}`).not.toBeNull();
  return m![0];
}
const all = (html: string, re: RegExp) => [...html.matchAll(re)];
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

const uptake: UptakeSeries[] = [
  {
    label: "3. Feide",
    kind: "measure",
    points: [
      { label: "Runde vår 2015", at: "2015-04-30", ratio: 0.82 },
      { label: "2013", at: "2013-12-31", ratio: 0.2 },
      { label: "2014", at: "2014-12-31", ratio: 0.45 },
    ],
  },
  {
    label: "7. Felles drift",
    kind: "measure",
    points: [
      { label: "2013", at: "2013-12-31", ratio: 0 },
      { label: "2014", at: "2014-12-31", ratio: 0.05 },
      { label: "Runde vår 2015", at: "2015-04-30", ratio: 0.09 },
    ],
  },
];

describe("line chart", () => {
  it("is a figure with a caption, a named and described svg role=img per layout, a legend and a data table", () => {
    const html = line("nb", { id: "up", title: "Andel tatt i bruk over tid", series: uptake, seriesHeader: "Tiltak" });
    expect(html).toMatch(/^<figure[^>]*id="up"/);
    expect(html).toContain(
      '<figcaption id="up-caption" class="ds-heading" data-size="2xs">Andel tatt i bruk over tid</figcaption>',
    );
    for (const layout of ["wide", "narrow"] as const) {
      const svg = svgOf(html, layout);
      expect(attr(svg, "role")).toBe("img");
      expect(attr(svg, "aria-labelledby")).toBe(`up-${layout}-title up-${layout}-desc`);
      expect(attr(svg, "aria-hidden")).toBeUndefined();
      expect(attr(svg, "width")).toBe("100%");
      expect(attr(svg, "viewBox")).toMatch(new RegExp(`^0 0 ${layout === "wide" ? 640 : 320} \\d`));
      expect(svg).toContain(`<title id="up-${layout}-title">Andel tatt i bruk over tid</title>`);
      expect(svg).toContain(
        `<desc id="up-${layout}-desc">Fra 2013 til Runde vår 2015; ved siste måling er 3. Feide 82${NBSP}% høyest og 7. Felles drift 9${NBSP}% lavest.</desc>`,
      );
    }
    // only one layout is displayed: the other is display:none through a container query
    expect(html).toContain('class="max-w-[30rem] @xl:hidden"');
    expect(html).toContain('class="hidden max-w-[56rem] @xl:block"');
    // legend: plain text entries with an aria-hidden swatch
    expect(html).toMatch(/<ul[^>]*aria-label="Tegnforklaring"/);
    expect(all(html, /<li[^>]*><svg aria-hidden="true"/g)).toHaveLength(2);
    // the numbers, under a summary, in a real table
    expect(html).toMatch(/<details class="ds-details"><summary>Vis tallene<\/summary>/);
    expect(html).toContain('<caption class="ds-sr-only">Andel tatt i bruk over tid</caption>');
    const colHeaders = all(html, /<th scope="col">([^<]*)<\/th>/g).map((m) => m[1]);
    expect(colHeaders).toEqual(["Tiltak", "2013", "2014", "Runde vår 2015"]); // ordered by `at`
    expect(all(html, /<th scope="row">([^<]*)<\/th>/g).map((m) => m[1])).toEqual(["3. Feide", "7. Felles drift"]);
    expect(html).toContain(`<td class="text-right tabular-nums">82${NBSP}%</td>`);
    // every id once; every aria-labelledby target exists
    const ids = all(html, /\sid="([^"]+)"/g).map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of all(html, /aria-labelledby="([^"]+)"/g)) for (const ref of m[1].split(" ")) expect(ids).toContain(ref);
  });

  it("formats the numbers of the language", () => {
    const en = line("en", { id: "x", title: "Uptake", series: uptake });
    expect(en).toContain(
      "From 2013 to Runde vår 2015; at the latest measurement 3. Feide 82% is highest and 7. Felles drift 9% lowest.",
    );
    expect(en).toContain(">100%</text>");
    expect(en).toContain("<summary>Show the numbers</summary>");
    const nn = line("nn", { id: "x", title: "Opptak", series: uptake });
    expect(nn).toContain(`Frå 2013 til Runde vår 2015; ved siste måling er 3. Feide 82${NBSP}% høgast`);
    expect(nn).toContain(`>100${NBSP}%</text>`);
    expect(nn).toContain("<summary>Vis tala</summary>");
  });

  it("leaves a gap for a null point, and keeps a lone point as a marker", () => {
    const series = [
      {
        label: "A",
        points: ["2011", "2012", "2013", "2014", "2015", "2016", "2017"].map((label, i) => ({
          label,
          ratio: [0.1, 0.2, null, 0.4, 0.5, null, 0.7][i],
        })),
      },
    ];
    const html = line("nb", { id: "g", title: "Gap", series });
    const svg = svgOf(html, "wide");
    const path = svg.match(/<g data-series="0">([\s\S]*?)<\/g>/)![1];
    const d = attr(path.match(/<path[^>]*>/)![0], "d")!;
    // two runs of two points; 2017 stands alone (a marker, no line)
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(2);
    expect(all(path, /<circle /g)).toHaveLength(5);
    // in the table the gaps read "ingen data"
    expect(all(html, /<span class="ds-sr-only">ingen data<\/span>/g)).toHaveLength(2);
    expect(html).toContain("A: 10\u00a0% (2011) til 70\u00a0% (2017).");
  });

  it("scales 0–100 %: a higher ratio is drawn higher", () => {
    const svg = svgOf(line("nb", { id: "s", title: "S", series: [uptake[0]] }), "wide");
    const ys = all(svg, /<circle cx="[\d.]+" cy="([\d.]+)"/g).map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    // 0.2, 0.45, 0.82 in the order of `at`
    expect(ys[0]).toBeGreaterThan(ys[1]);
    expect(ys[1]).toBeGreaterThan(ys[2]);
    expect((ys[0] - ys[1]) / (ys[1] - ys[2])).toBeCloseTo(0.25 / 0.37, 1);
  });

  it("tells eight series apart by dash pattern and marker, not by colour alone", () => {
    const series = Array.from({ length: 8 }, (_, i) => ({
      label: `S${i}`,
      points: [
        { label: "a", ratio: i / 10 },
        { label: "b", ratio: i / 8 },
      ],
    }));
    const svg = svgOf(line("nb", { id: "d", title: "D", series }), "wide");
    const dashes = all(svg, /<path [^>]*stroke-dasharray="([^"]+)"/g).map((m) => m[1]);
    expect(dashes).toHaveLength(8);
    expect(new Set(dashes).size).toBe(8);
    const styles = Array.from({ length: 8 }, (_, i) => seriesStyle(i));
    expect(new Set(styles.map((s) => s.marker)).size).toBe(8);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(8);
    // beyond eight, no two series share colour, dash and marker
    const keys = Array.from({ length: 64 }, (_, i) => JSON.stringify(seriesStyle(i)));
    expect(new Set(keys).size).toBe(64);
  });

  it("says there is no data instead of drawing an empty chart", () => {
    for (const series of [[], [{ label: "A", points: [{ label: "2013", ratio: null }] }]]) {
      const html = line("nb", { id: "e", title: "Tom", series });
      expect(html).toContain("Tom</figcaption>");
      expect(html).toContain("Ingen data å vise.");
      expect(html).not.toContain("<svg");
      expect(html).not.toContain("<table");
    }
    expect(line("en", { id: "e", title: "Empty", series: [] })).toContain("No data to show.");
  });

  it("orders the points by date when all have one, otherwise as they come", () => {
    expect(linePoints(uptake).map((p) => p.label)).toEqual(["2013", "2014", "Runde vår 2015"]);
    expect(
      linePoints([
        {
          label: "A",
          points: [
            { label: "b", ratio: 1 },
            { label: "a", ratio: 1 },
          ],
        },
      ]).map((p) => p.label),
    ).toEqual(["b", "a"]);
  });
});

const areaRows = [
  { label: "Feide", values: [0.82] },
  { label: "Sak og arkiv", values: [0.41] },
  { label: "Felles drift", values: [0.09] },
  { label: "Velferdsteknologi", values: [null] },
];

function barWidths(svg: string): number[][] {
  return all(svg, /<g data-row="\d+">([\s\S]*?)<\/g>/g).map((m) =>
    all(m[1], /<rect [^>]*width="([\d.]+)"/g).map((r) => Number(r[1])),
  );
}

describe("bar chart", () => {
  it("has the same accessible structure, with direct labels and a one-sentence summary", () => {
    const html = bars("nn", {
      id: "p",
      title: "Framdrift",
      rows: areaRows,
      unit: "percent",
      max: 1,
      categoryHeader: "Tiltaksområde",
      parts: ["Del"],
    });
    for (const layout of ["wide", "narrow"] as const) {
      const svg = svgOf(html, layout);
      expect(attr(svg, "role")).toBe("img");
      expect(svg).toContain(`<desc id="p-${layout}-desc">Høgast: Feide 82${NBSP}%, lågast: Felles drift 9${NBSP}%.</desc>`);
      // every bar carries its value; the row without one says so
      for (const v of ["82", "41", "9"]) expect(svg).toContain(`>${v}${NBSP}%</text>`);
      expect(svg).toContain(">ingen data</text>");
    }
    expect(all(html, /<th scope="col">([^<]*)<\/th>/g).map((m) => m[1])).toEqual(["Tiltaksområde", "Del"]);
    expect(all(html, /<th scope="row">([^<]*)<\/th>/g)).toHaveLength(4);
    expect(html).toContain("<summary>Vis tala</summary>");
    // plain bars need no legend
    expect(html).not.toContain("data-chart-legend");
  });

  it("draws bars in proportion to their values, from one baseline", () => {
    const html = bars("nb", {
      id: "w",
      title: "W",
      rows: [
        { label: "A", values: [0.8] },
        { label: "B", values: [0.4] },
        { label: "C", values: [0.2] },
      ],
      unit: "percent",
      max: 1,
      categoryHeader: "K",
      parts: ["Andel"],
    });
    for (const layout of ["wide", "narrow"] as const) {
      const svg = svgOf(html, layout);
      const [[a], [b], [c]] = barWidths(svg);
      expect(a / b).toBeCloseTo(2, 2);
      expect(b / c).toBeCloseTo(2, 2);
      const xs = all(svg, /<rect [^>]*data-part="0" x="([\d.]+)"/g).map((m) => m[1]);
      expect(new Set(xs).size).toBe(1);
      // the scale ends at 100 %: the 100 % tick is 1.25 × as far from the baseline as A's end
      const tick = (label: string) => Number(svg.match(new RegExp(`<text x="([\\d.]+)"[^>]*>${label}</text>`))![1]);
      expect((tick(`100${NBSP}%`) - Number(xs[0])) / a).toBeCloseTo(1.25, 1);
    }
  });

  it("stacks parts, with a legend, a pattern for the second part and a total per row", () => {
    const html = bars("nb", {
      id: "st",
      title: "Kostnader",
      rows: [
        { label: "Ålesund", values: [300_000_00, 100_000_00] },
        { label: "Giske", values: [50_000_00, null] },
      ],
      unit: "nok",
      categoryHeader: "Kommune",
      parts: ["Investering", "Drift"],
    });
    const svg = svgOf(html, "wide");
    const [[inv, run], [giske]] = barWidths(svg);
    // 1.5 units of white between the parts
    expect((run + 1.5) / inv).toBeCloseTo(1 / 3, 2);
    expect(inv / giske).toBeCloseTo(6, 2);
    expect(svg).toContain('fill="url(#st-wide-1)"');
    expect(svg).toContain('<pattern id="st-wide-1"');
    expect(svg).toContain(`>400${NBSP}000${NBSP}kr</text>`);
    expect(all(html, /<th scope="col">([^<]*)<\/th>/g).map((m) => m[1])).toEqual(["Kommune", "Investering", "Drift", "Totalt"]);
    expect(html).toContain(`<td class="text-right tabular-nums">300${NBSP}000${NBSP}kr</td>`);
    expect(html).toMatch(/data-chart-legend[\s\S]*Investering[\s\S]*Drift/);
  });

  it("says there is no data instead of drawing an empty chart", () => {
    for (const rows of [[], [{ label: "A", values: [null] }]]) {
      const html = bars("nb", { id: "e", title: "Tom", rows, unit: "percent", categoryHeader: "K", parts: ["Andel"] });
      expect(html).toContain("Ingen data å vise.");
      expect(html).not.toContain("<svg");
      expect(html).not.toContain("<table");
    }
  });
});

const progress: ProgressFigures = {
  equalWeights: true,
  areas: [
    {
      focusAreaId: "a1",
      title: "Digital samhandling",
      measures: 5,
      share: 0.6,
      goals: [
        { goalId: "g1", text: "Felles løsninger for innbyggerne", measures: 3, share: 0.7 },
        { goalId: "g2", text: "Felles IKT-drift", measures: 2, share: null },
      ],
    },
    { focusAreaId: "a2", title: "Digital kompetanse", measures: 2, share: 0.25, goals: [] },
  ],
};

const costs: CostFigures = {
  year: 2014,
  measures: [{ id: "m1", number: 3, name: "Feide", investment: 1_000_000_00, running: 200_000_00 }],
  municipalities: [
    { id: "1", name: "Ålesund", shares: [null], totalInvestment: 1_234_567_00, totalRunning: 0 },
    { id: "2", name: "Giske", shares: [null], totalInvestment: 100_000_00, totalRunning: 23_456_50 },
  ],
  totalInvestment: 1_334_567_00,
  totalRunning: 23_456_50,
};

describe("the report charts", () => {
  it("progress: focus areas, with their goals indented under them", () => {
    expect(progressRows(progress, false).map((r) => r.label)).toEqual(["Digital samhandling", "Digital kompetanse"]);
    const rows = progressRows(progress, true);
    expect(rows.map((r) => [r.label, r.level ?? 0])).toEqual([
      ["Digital samhandling", 0],
      ["Felles løsninger for innbyggerne", 1],
      ["Felles IKT-drift", 1],
      ["Digital kompetanse", 0],
    ]);
    const html = render("nb", createElement(ProgressChart, { progress, goals: true, id: "pg" }));
    expect(html).toContain("Fremdrift per satsingsområde og mål</figcaption>");
    expect(html).toContain('<th scope="row" class="pl-6">Felles IKT-drift</th>');
    expect(html).toContain(`Høyest: Felles løsninger for innbyggerne 70${NBSP}%, lavest: Digital kompetanse 25${NBSP}%.`);
  });

  it("costs: each municipality's investment + running in kroner, per language", () => {
    expect(costRows(costs, false).map((r) => r.values)).toEqual([[1_234_567_00], [123_456_50]]);
    expect(costRows(costs, true).map((r) => r.values)).toEqual([
      [1_234_567_00, 0],
      [100_000_00, 23_456_50],
    ]);
    const nb = render("nb", createElement(CostChart, { costs, id: "c" }));
    expect(nb).toContain("Kostnader per kommune 2014</figcaption>");
    expect(formatNok("nb", 1_234_567_00)).toBe(`1${NBSP}234${NBSP}567${NBSP}kr`);
    expect(nb).toContain(`Høyest: Ålesund 1${NBSP}234${NBSP}567${NBSP}kr, lavest: Giske 123${NBSP}456,50${NBSP}kr.`);
    const en = render("en", createElement(CostChart, { costs, stacked: true, id: "c" }));
    expect(en).toContain(`Highest: Ålesund NOK${NBSP}1,234,567, lowest: Giske NOK${NBSP}123,456.50.`);
    expect(all(en, /<th scope="col">([^<]*)<\/th>/g).map((m) => m[1])).toEqual([
      "Municipality",
      "Investment",
      "Running",
      "Total",
    ]);
  });

  it("uptake: the series as they come from the figures", () => {
    const html = render("nn", createElement(UptakeChart, { series: uptake, id: "u" }));
    expect(html).toContain("Del teke i bruk over tid</figcaption>");
    expect(html).toContain('<th scope="col">Tiltak eller tiltaksområde</th>');
  });
});

describe("chart parts", () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

  it("has eight colours with at least 3:1 (in fact 4.5:1) on white, and as many dashes and markers", () => {
    expect(PALETTE).toHaveLength(8);
    for (const c of PALETTE) expect(contrastOnWhite(c), c).toBeGreaterThanOrEqual(4.5);
    expect(new Set(DASHES).size).toBe(8);
    expect(new Set(MARKERS).size).toBe(8);
  });

  it("makes round ticks from zero", () => {
    expect(niceTicks(1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0.82, 2)).toEqual([0, 0.5, 1]);
    expect(niceTicks(1_234_567, 5)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000, 1_250_000]);
    expect(niceTicks(0, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // øre: whole kroner
    expect(valueTicks("nok", 123_456_50, 2)).toEqual([0, 100_000_00, 200_000_00]);
  });

  it("wraps and shortens labels to a width", () => {
    expect(textWidth("mmm", 10)).toBeGreaterThan(textWidth("iii", 10));
    expect(wrapText("Digital samhandling", 500, 12, 2)).toEqual(["Digital samhandling"]);
    const lines = wrapText("Alle kommunane skal bruke felles løysingar for innbyggjarane", 120, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith("…")).toBe(true);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(120);
    const cut = wrapText("Velferdsteknologiknutepunktet", 60, 12, 2);
    expect(cut).toHaveLength(1);
    expect(cut[0].endsWith("…")).toBe(true);
  });
});
