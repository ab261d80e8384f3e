import { describe, expect, it } from "vitest";
import type { UptakeStatus } from "../../db/schema";
import { buildCosts } from "../../app/overview/costs";
import type { BaseMeasure, OverviewBase } from "../../app/overview/load.server";
import { buildMatrix, runsIn } from "../../app/overview/matrix";
import { compactMatrix, matrixBodyHtml, stateLabelId, type MatrixBodyLabels } from "../../app/overview/matrix-body";
import { CELL_ORDER } from "../../app/overview/status-symbols";
import { historyAnchors } from "../../app/uptake/history-anchors";
import { timePoints, uptakeOverTime, type HistoryReport } from "../../app/overview/over-time";
import { participationOn } from "../../app/cooperation/participation";
import { buildProgress, weightedShare } from "../../app/overview/progress";
import type { UptakeMatrix } from "../../app/overview/figures";

/* A small cooperation: three municipalities, three measures in two focus areas. */
const measure = (id: string, number: number, extra: Partial<BaseMeasure> = {}): BaseMeasure => ({
  id,
  number,
  name: `Tiltak ${number}`,
  status: "in_progress",
  allMembers: true,
  periodFrom: 2013,
  periodTo: 2016,
  weight: 1,
  investmentCost: 0,
  runningCost: 0,
  costKey: "equal",
  equalPercent: null,
  populationYear: null,
  version: 1,
  areaIds: ["a1"],
  goalIds: [],
  ...extra,
});

const base: OverviewBase = {
  municipalities: [
    { id: "sula", number: "1531", name: "Sula" },
    { id: "giske", number: "1532", name: "Giske" },
    { id: "orskog", number: "1523", name: "Ørskog" },
  ],
  memberships: [
    { municipalityId: "sula", joinedOn: "2013-01-01", leftOn: null },
    { municipalityId: "giske", joinedOn: "2013-01-01", leftOn: null },
    { municipalityId: "orskog", joinedOn: "2014-01-01", leftOn: null },
  ],
  chosen: [{ measureId: "m3", municipalityId: "giske", fromYear: null, toYear: null, customShareBp: null }],
  allMemberMeasureIds: ["m1", "m2"],
  measures: [
    measure("m1", 1, { goalIds: ["g1"], investmentCost: 100_00, runningCost: 10_00 }),
    measure("m2", 2, { areaIds: ["a2"], weight: 3 }),
    measure("m3", 3, { allMembers: false, areaIds: [], periodTo: 2013 }),
  ],
  areas: [
    { id: "a1", title: "Digital samhandling", goals: [{ id: "g1", text: "Fleire digitale tenester" }] },
    { id: "a2", title: "Digital kompetanse", goals: [] },
  ],
};
const statuses = (entries: [string, UptakeStatus][]) => new Map(entries);

describe("uptake matrix", () => {
  const matrix = (year: number, date: string, s: Map<string, UptakeStatus>, filters = {}) =>
    buildMatrix({ base, participation: participationOn(date, base), statuses: s, year, filters });

  it("has a cell per running measure and member, with not reported and not taking part told apart", () => {
    const m = matrix(
      2013,
      "2013-12-31",
      statuses([
        ["m1|giske", "in_use"],
        ["m3|giske", "realised"],
      ]),
    );
    expect(m.municipalities.map((x) => x.name)).toEqual(["Giske", "Sula"]);
    expect(m.groups.map((g) => [g.title, g.measures.map((x) => x.number)])).toEqual([
      ["Digital samhandling", [1]],
      ["Digital kompetanse", [2]],
      ["", [3]],
    ]);
    const [m1] = m.groups[0].measures;
    expect(m1.cells).toEqual(["in_use", "not_reported"]);
    expect(m.groups[2].measures[0].cells).toEqual(["realised", "not_participating"]);
    expect(m1.uptake).toEqual({ relevant: 2, inUse: 1, ratio: 0.5 });
    // Giske: m1 in use, m2 not reported, m3 realised → 2 of 3; Sula: 0 of 2
    expect(m.municipalityTotals).toEqual([
      { relevant: 3, inUse: 2, ratio: 2 / 3 },
      { relevant: 2, inUse: 0, ratio: 0 },
    ]);
    expect(m.total).toEqual({ relevant: 5, inUse: 2, ratio: 0.4 });
  });

  it("takes members of the day and measures running in the year; filters narrow rows and columns", () => {
    const m = matrix(2014, "2014-12-31", statuses([]));
    expect(m.municipalities.map((x) => x.name)).toEqual(["Giske", "Sula", "Ørskog"]);
    expect(m.groups.flatMap((g) => g.measures.map((x) => x.number))).toEqual([1, 2]);
    expect(runsIn({ periodFrom: null, periodTo: null }, 2030)).toBe(true);
    const filtered = matrix(2014, "2014-12-31", statuses([]), { focusArea: "a2", municipality: "sula" });
    expect(filtered.municipalities.map((x) => x.id)).toEqual(["sula"]);
    expect(filtered.groups.map((g) => g.focusAreaId)).toEqual(["a2"]);
  });

  it("a measure nobody finds relevant has no percentage", () => {
    const m = matrix(
      2013,
      "2013-12-31",
      statuses([
        ["m2|giske", "not_relevant"],
        ["m2|sula", "not_relevant"],
      ]),
    );
    expect(m.groups[1].measures[0].uptake).toEqual({ relevant: 0, inUse: 0, ratio: null });
  });
});

describe("progress", () => {
  it("is the weighted mean of the measures' uptake, leaving out measures with nothing relevant and weight 0", () => {
    expect(weightedShare([])).toBeNull();
    expect(
      weightedShare([
        { weight: 1, uptake: { relevant: 2, inUse: 2, ratio: 1 } },
        { weight: 3, uptake: { relevant: 4, inUse: 0, ratio: 0 } },
        { weight: 5, uptake: { relevant: 0, inUse: 0, ratio: null } },
        { weight: 0, uptake: { relevant: 1, inUse: 1, ratio: 1 } },
      ]),
    ).toBe(0.25);
  });

  it("per focus area and goal, telling whether every weight is equal", () => {
    const uptake = new Map([
      ["m1", { relevant: 2, inUse: 1, ratio: 0.5 }],
      ["m2", { relevant: 2, inUse: 2, ratio: 1 }],
    ]);
    const p = buildProgress(base, uptake);
    expect(p.equalWeights).toBe(false);
    expect(p.areas.map((a) => [a.title, a.measures, a.share])).toEqual([
      ["Digital samhandling", 1, 0.5],
      ["Digital kompetanse", 1, 1],
    ]);
    expect(p.areas[0].goals).toEqual([{ goalId: "g1", text: "Fleire digitale tenester", measures: 1, share: 0.5 }]);
  });
});

describe("uptake over time", () => {
  const reports: HistoryReport[] = [
    { measure_id: "m1", municipality_id: "giske", status: "planned", seq: 1, effective_date: "2013-03-01" },
    { measure_id: "m1", municipality_id: "giske", status: "in_use", seq: 2, effective_date: "2014-05-01" },
    { measure_id: "m1", municipality_id: "sula", status: "in_use", seq: 1, effective_date: "2013-06-01" },
    // saved later but taking effect earlier: still the latest report by the day it takes effect
    { measure_id: "m1", municipality_id: "sula", status: "in_progress", seq: 2, effective_date: "2014-02-01" },
  ];

  it("has a point at the end of each year and at each round, in date order", () => {
    const points = timePoints({
      reports,
      rounds: [{ name: "Runde 2014", openedAt: "2014-09-01T08:00:00Z", closedAt: "2014-10-15T12:00:00Z" }],
      today: "2015-03-10",
    });
    expect(points).toEqual([
      { label: "2013", at: "2013-12-31" },
      { label: "Runde 2014", at: "2014-10-15" },
      { label: "2014", at: "2014-12-31" },
      { label: "2015", at: "2015-03-10" },
    ]);
  });

  it("computes each point from the reports in effect on its day", () => {
    const { measures, areas } = uptakeOverTime({
      base,
      reports,
      points: [
        { label: "2013", at: "2013-12-31" },
        { label: "2014", at: "2014-12-31" },
      ],
    });
    // 2013: Sula in use, Giske planned → 1/2; 2014: Giske in use, Sula back in progress, Ørskog joined → 1/3
    expect(measures[0].points.map((p) => p.ratio)).toEqual([0.5, 1 / 3]);
    expect(measures[2].points.map((p) => p.ratio)).toEqual([0, null]);
    expect(areas[0].label).toBe("Digital samhandling");
    expect(areas[0].points.map((p) => p.ratio)).toEqual([0.5, 1 / 3]);
  });
});

describe("cost per municipality", () => {
  it("shares each running measure's cost among its participants, exact to the øre", () => {
    const costs = buildCosts({ base, year: 2014, populations: () => new Map() });
    expect(costs.measures.map((m) => m.number)).toEqual([1]);
    expect(costs.municipalities.map((m) => [m.name, m.totalInvestment, m.totalRunning])).toEqual([
      ["Giske", 3334, 334],
      ["Sula", 3333, 333],
      ["Ørskog", 3333, 333],
    ]);
    expect(costs.totalInvestment).toBe(100_00);
    expect(costs.totalRunning).toBe(10_00);
    expect(costs.unshared).toEqual([]);
  });

  it("names the measures whose key cannot be applied, and the municipalities without a population, instead of guessing", () => {
    const byPopulation = { ...base, measures: [measure("m1", 1, { costKey: "population", investmentCost: 500 })] };
    const costs = buildCosts({
      base: byPopulation,
      year: 2014,
      populations: () => new Map([["giske", { population: 8000, year: 2014 }]]),
    });
    expect(costs.unshared).toEqual([{ number: 1, populationYear: 2014, missing: ["Sula", "Ørskog"] }]);
    expect(costs.totalInvestment).toBe(0);
    expect(costs.populationYears).toEqual([]);
  });

  it("shares by the latest population at or before the cost's year and says which years it used", () => {
    const byPopulation = { ...base, measures: [measure("m1", 1, { costKey: "population", investmentCost: 1000 })] };
    const asked: number[] = [];
    const costs = buildCosts({
      base: byPopulation,
      year: 2014,
      populations: (year) => {
        asked.push(year);
        return new Map([
          ["giske", { population: 3000, year: 2014 }],
          ["sula", { population: 1000, year: 2013 }],
          ["orskog", { population: 1000, year: 2014 }],
        ]);
      },
    });
    expect(asked).toEqual([2014]);
    expect(costs.unshared).toEqual([]);
    expect(costs.populationYears).toEqual([2013, 2014]);
    expect(costs.municipalities.map((m) => [m.name, m.totalInvestment])).toEqual([
      ["Giske", 600],
      ["Sula", 200],
      ["Ørskog", 200],
    ]);
  });
});

describe("the matrix body as HTML", () => {
  const labels: MatrixBodyLabels = {
    notParticipating: "Deltek «ikkje» & er ikkje med",
    otherMeasures: "Andre tiltak",
    percent: (ratio) => `${Math.round(ratio * 100)} %`,
  };
  const matrix: UptakeMatrix = {
    year: 2014,
    municipalities: [
      { id: "m1", number: "1504", name: "Ålesund" },
      { id: "m2", number: "1532", name: "Giske" },
    ],
    groups: [
      {
        focusAreaId: null,
        title: "",
        measures: [
          {
            id: "x",
            number: 7,
            name: `<script>alert("æøå")</script> & co`,
            status: "in_progress",
            cells: ["realised", "not_participating"],
            uptake: { relevant: 1, inUse: 1, ratio: 1 },
          },
          {
            id: "y",
            number: 8,
            name: "Feide",
            status: "in_progress",
            cells: ["not_relevant", "in_use"],
            uptake: { relevant: 1, inUse: 1, ratio: null },
          },
        ],
      },
    ],
    municipalityTotals: [],
    total: { relevant: 2, inUse: 2, ratio: 1 },
  };
  const anchors = historyAnchors(matrix.municipalities);
  const html = matrixBodyHtml(compactMatrix(matrix, anchors), {
    measureHref: (n) => `/c/ekommune-sunnmore/measures/${n}`,
    ownMunicipalityId: "m2",
    labels,
  });

  it("sends a row's cells as one character each: the state's place in CELL_ORDER", () => {
    const compact = compactMatrix(matrix, anchors);
    expect(compact.groups[0]!.measures.map((m) => m.cells)).toEqual(["70", "26"]);
  });

  it("escapes every text: a measure's name cannot become markup", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;æøå&quot;)&lt;/script&gt; &amp; co");
    expect(html).toContain('<span class="ds-sr-only">Deltek «ikkje» &amp; er ikkje med</span>');
  });

  it("names the group, links each cell to its municipality's history, named by the row's and column's headers and the legend, marks the own column", () => {
    expect(html).toContain('<th scope="colgroup" colspan="4" class="text-left">Andre tiltak</th>');
    expect(html).toContain('<th scope="row" id="mr7"><a href="/c/ekommune-sunnmore/measures/7" class="ds-link">7. ');
    expect(html).toContain(
      `<td data-cell="realised"><a href="/c/ekommune-sunnmore/measures/7#history-1504" aria-labelledby="mr7 mc0 ${stateLabelId("realised")}">★</a></td>`,
    );
    expect(html).toContain(
      '<td class="own" data-cell="not_participating"><span aria-hidden="true">·</span><span class="ds-sr-only">Deltek «ikkje» &amp; er ikkje med</span></td>',
    );
    expect(html).toContain(
      `<td data-cell="not_relevant"><a href="/c/ekommune-sunnmore/measures/8#history-1504" aria-labelledby="mr8 mc0 ${stateLabelId("not_relevant")}">–</a></td>`,
    );
    expect(html).toContain(
      `<td class="own" data-cell="in_use"><a href="/c/ekommune-sunnmore/measures/8#history-1532" aria-labelledby="mr8 mc1 ${stateLabelId("in_use")}">●</a></td>`,
    );
    expect(html).toContain("<td>100 %</td></tr>");
    expect(html).toContain("<td>–</td></tr>");
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });

  it("gives every state its own label id, and every link's ids a target: a row header, a column header, a state", () => {
    expect(new Set(CELL_ORDER.map(stateLabelId)).size).toBe(CELL_ORDER.length);
    const referenced = [...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1]!.split(" "));
    expect(referenced).toHaveLength(3);
    const rows = new Set([...html.matchAll(/<th scope="row" id="([^"]+)"/g)].map((m) => m[1]));
    for (const [row, column, state] of referenced) {
      expect(rows.has(row)).toBe(true);
      expect(["mc0", "mc1"]).toContain(column);
      expect(CELL_ORDER.map(stateLabelId)).toContain(state);
    }
  });
});

describe("the anchors of the municipalities' histories on a measure page", () => {
  it("are the municipality numbers, with a counter (in id order) for a number two municipalities have held", () => {
    const anchors = historyAnchors([
      { id: "1505@2008-01-01", number: "1505" },
      { id: "1532@1838-01-01", number: "1532" },
      { id: "1505@1838-01-01", number: "1505" },
      // a municipality that was a member twice is passed twice
      { id: "1532@1838-01-01", number: "1532" },
    ]);
    expect(Object.fromEntries(anchors)).toEqual({
      "1505@1838-01-01": "history-1505-1",
      "1505@2008-01-01": "history-1505-2",
      "1532@1838-01-01": "history-1532",
    });
  });
});
