import type { Language, MeasureStatus, UptakeStatus } from "../../db/schema";
import { shareCost, type CostKeySpec } from "../../app/measure/cost-sharing";
import type { PlanSnapshot, SnapshotItem } from "../../app/plan/snapshot.server";
import type { SharesResult } from "../../app/measure/shares.server";
import type { CostFigures, MatrixCell, MatrixGroup, MatrixMunicipality } from "../../app/overview/figures";
import { FIGURES_FORMAT, type ReportDocument } from "../../app/report/figures";
import { uptakeSummary } from "../../app/uptake/uptake";

/*
 * Report figures as the exports receive them: a realistic eKommune Sunnmøre year with Nynorsk
 * names, money in øre, ratios with nulls, quotes, semicolons and line breaks in the texts, and a
 * large variant (80 measures × 25 municipalities) that runs the matrix over several PDF pages.
 * Uptake and cost shares are computed with the application's own rules so the totals agree.
 */

const SUNNMORE: [string, string, number][] = [
  ["1504", "Ålesund", 44_000],
  ["1523", "Ørskog", 2_250],
  ["1528", "Sykkylven", 7_700],
  ["1531", "Sula", 8_900],
  ["1532", "Giske", 7_800],
  ["1534", "Haram", 9_100],
];

const municipality = ([number, name]: [string, string, number]): MatrixMunicipality => ({ id: `m-${number}`, number, name });

/** Cells → the uptake summary: only participating municipalities count; a missing report counts as not started. */
function summary(cells: MatrixCell[]) {
  return uptakeSummary(
    cells.filter((c) => c !== "not_participating").map((c) => (c === "not_reported" ? undefined : (c as UptakeStatus))),
  );
}

function totals(groups: MatrixGroup[], count: number) {
  const measures = groups.flatMap((g) => g.measures);
  const perMunicipality = Array.from({ length: count }, (_, j) => summary(measures.map((m) => m.cells[j])));
  return { municipalityTotals: perMunicipality, total: summary(measures.flatMap((m) => m.cells)) };
}

function costs(
  year: number,
  municipalities: { id: string; name: string; population: number }[],
  measures: {
    id: string;
    number: number;
    name: string;
    investment: number;
    running: number;
    key: CostKeySpec;
    participants: string[];
  }[],
): CostFigures {
  const shares = measures.map((m) => {
    const people = municipalities
      .filter((mu) => m.participants.includes(mu.id))
      .map((mu) => ({ id: mu.id, population: mu.population }));
    const inv = shareCost(m.investment, people, m.key);
    const run = shareCost(m.running, people, m.key);
    if (!inv.ok || !run.ok) throw new Error("fixture cost sharing failed");
    return { inv: inv.shares, run: run.shares };
  });
  const rows = municipalities.map((mu) => {
    const own = shares.map((s) => (s.inv.has(mu.id) ? { investment: s.inv.get(mu.id)!, running: s.run.get(mu.id)! } : null));
    return {
      id: mu.id,
      name: mu.name,
      shares: own,
      totalInvestment: own.reduce((a, s) => a + (s?.investment ?? 0), 0),
      totalRunning: own.reduce((a, s) => a + (s?.running ?? 0), 0),
    };
  });
  return {
    year,
    measures: measures.map(({ id, number, name, investment, running }) => ({ id, number, name, investment, running })),
    municipalities: rows,
    totalInvestment: measures.reduce((a, m) => a + m.investment, 0),
    totalRunning: measures.reduce((a, m) => a + m.running, 0),
  };
}

export const FIXTURE_TEXTS = {
  feide: "Innføring av Feide i kommunane",
  sak: "Felles sak- og arkivsystem; fase 2",
  dialog: 'Opplæring i «Digital dialog» og "superbrukarar"',
  ehf: "Elektronisk faktura (EHF) i alle einingar",
  kompetanse: "Digital kompetanse for tilsette – e-læring",
  ros: "Felles ROS-analyse for skytenester",
  comment: 'Vi ventar på avtale med leverandøren; "fase 2" startar i haust.\nKontaktperson: Åse Ødegård',
  formulaComment: "=SUM(A1:A9) er ikkje ein formel her",
  milestones: "Pilot i Ørskog innan mars\nAlle skular innan august",
} as const;

export function reportFixture({
  language = "nn",
  published = true,
}: { language?: Language; published?: boolean } = {}): ReportDocument {
  const year = 2014;
  const munis = SUNNMORE.map(municipality);
  const cellsOf = (...c: MatrixCell[]) => c;
  const measure = (id: string, number: number, name: string, status: MeasureStatus, cells: MatrixCell[]) => ({
    id,
    number,
    name,
    status,
    cells,
    uptake: summary(cells),
  });
  const groups: MatrixGroup[] = [
    {
      focusAreaId: "fa-samhandling",
      title: "Digital samhandling",
      measures: [
        measure(
          "me-3",
          3,
          FIXTURE_TEXTS.feide,
          "available",
          cellsOf("in_use", "realised", "in_progress", "in_use", "planned", "not_reported"),
        ),
        measure(
          "me-5",
          5,
          FIXTURE_TEXTS.sak,
          "in_progress",
          cellsOf("in_progress", "not_started", "not_participating", "planned", "in_progress", "not_reported"),
        ),
        measure("me-7", 7, FIXTURE_TEXTS.ehf, "completed", cellsOf("realised", "in_use", "in_use", "in_use", "in_use", "in_use")),
      ],
    },
    {
      focusAreaId: "fa-kompetanse",
      title: "Digital kompetanse",
      measures: [
        measure(
          "me-2",
          2,
          FIXTURE_TEXTS.dialog,
          "continuous",
          cellsOf("in_use", "not_relevant", "planned", "not_started", "in_use", "not_reported"),
        ),
        measure(
          "me-8",
          8,
          FIXTURE_TEXTS.kompetanse,
          "planned",
          cellsOf("not_relevant", "not_relevant", "not_participating", "not_participating", "not_relevant", "not_relevant"),
        ),
      ],
    },
    {
      focusAreaId: null,
      title: "Tiltak utan satsingsområde",
      measures: [
        measure(
          "me-9",
          9,
          FIXTURE_TEXTS.ros,
          "proposed",
          cellsOf("planned", "not_reported", "not_reported", "not_started", "not_reported", "not_reported"),
        ),
      ],
    },
  ];
  const all = groups.flatMap((g) => g.measures);
  const popById = new Map(SUNNMORE.map(([n, , p]) => [`m-${n}`, p]));
  const costMeasures = [
    { m: all[0], investment: 450_000_00, running: 120_000_50, key: { kind: "population" } as CostKeySpec },
    { m: all[1], investment: 2_000_000_00, running: 350_000_00, key: { kind: "mixed", equalPercent: 30 } as CostKeySpec },
    { m: all[2], investment: 0, running: 60_000_00, key: { kind: "equal" } as CostKeySpec },
  ].map(({ m, investment, running, key }) => ({
    id: m.id,
    number: m.number,
    name: m.name,
    investment,
    running,
    key,
    participants: munis.filter((_, j) => m.cells[j] !== "not_participating").map((mu) => mu.id),
  }));

  return {
    figures: {
      format: FIGURES_FORMAT,
      cooperation: { name: "eKommune Sunnmøre", slug: "ekommune-sunnmore" },
      year,
      computedAt: "2015-02-20T10:15:00.000Z",
      plan: {
        versionNo: 2,
        approvedOn: "2014-01-28",
        items: [
          {
            m: all[0],
            budget: 1_250_000_50,
            priority: 1,
            statusText: "Klart for alle grunnskular",
            milestones: FIXTURE_TEXTS.milestones,
          },
          { m: all[1], budget: 2_000_000_00, priority: 2, statusText: null, milestones: "Anbod; kontrakt" },
          { m: all[3], budget: 0, priority: null, statusText: null, milestones: "" },
        ].map(({ m, budget, priority, statusText, milestones }) => ({
          number: m.number,
          name: m.name,
          status: m.status,
          statusText,
          budget,
          priority,
          milestones,
          uptake: m.uptake,
        })),
      },
      matrix: { year, municipalities: munis, groups, ...totals(groups, munis.length) },
      progress: {
        equalWeights: false,
        areas: [
          {
            focusAreaId: "fa-samhandling",
            title: "Digital samhandling",
            measures: 3,
            share: 0.5833,
            goals: [
              { goalId: "g-1", text: "Innbyggjarane skal møte éin digital kommune", measures: 2, share: 0.6667 },
              { goalId: "g-2", text: "Felles arkiv; felles rutinar", measures: 1, share: null },
            ],
          },
          { focusAreaId: "fa-kompetanse", title: "Digital kompetanse", measures: 2, share: null, goals: [] },
        ],
      },
      costs: costs(
        year,
        munis.map((mu) => ({ id: mu.id, name: mu.name, population: popById.get(mu.id)! })),
        costMeasures,
      ),
      benefits: [
        {
          measureNumber: 3,
          measureName: FIXTURE_TEXTS.feide,
          municipality: "Ørskog",
          description: "Spart tid på brukaradministrasjon",
          amount: 120.5,
          unit: "hours_per_year",
          expected: 2000,
        },
        {
          measureNumber: 7,
          measureName: FIXTURE_TEXTS.ehf,
          municipality: "Sykkylven",
          description: "Lågare kostnad per faktura",
          amount: 250_000,
          unit: "nok_per_year",
          expected: null,
        },
        {
          measureNumber: 7,
          measureName: FIXTURE_TEXTS.ehf,
          municipality: "Ålesund",
          description: "Færre purringar",
          amount: 12,
          unit: null,
          expected: null,
        },
      ],
      comments: [
        { measureNumber: 5, municipality: "Sula", author: "Åse Ødegård", date: "2014-10-03", text: FIXTURE_TEXTS.comment },
        {
          measureNumber: 3,
          municipality: "Ørskog",
          author: "Per Ørjasæter",
          date: "2014-11-12T13:45:00.000Z",
          text: FIXTURE_TEXTS.formulaComment,
        },
        {
          measureNumber: null,
          municipality: null,
          author: "Sekretariatet",
          date: "2014-12-19",
          text: "Rapporteringa for 2014 er lukka.",
        },
      ],
    },
    narrative: {
      summary: "Året 2014 var prega av Feide og EHF.\n\nSju av elleve kommunar har no teke i bruk minst to tiltak.",
      matrix: "Tabellen viser status per tiltak og kommune ved utgangen av året.",
      plan: "",
    },
    language,
    publishedAt: published ? "2015-03-02T09:00:00.000Z" : null,
    publishedBy: published ? "Kari Nordmann" : null,
  };
}

const STATUS_CYCLE: MatrixCell[] = [
  "in_use",
  "realised",
  "in_progress",
  "planned",
  "not_started",
  "not_relevant",
  "not_reported",
  "not_participating",
];
const PLACES = [
  "Ålesund",
  "Ørskog",
  "Sykkylven",
  "Sula",
  "Giske",
  "Haram",
  "Stordal",
  "Norddal",
  "Stranda",
  "Skodje",
  "Sandøy",
  "Vestnes",
  "Rauma",
  "Ørsta",
  "Volda",
  "Hareid",
  "Ulstein",
  "Herøy",
  "Sande",
  "Vanylven",
  "Fjord",
  "Hustadvika",
  "Molde",
  "Aukra",
  "Smøla",
];

/** Many measures × many municipalities: the matrix needs several pages and repeated headers. */
export function largeReportFixture({ measures = 80, municipalities = 25, language = "nn" as Language } = {}): ReportDocument {
  const base = reportFixture({ language });
  const munis = Array.from({ length: municipalities }, (_, j) => ({
    id: `lm-${j}`,
    number: String(1500 + j * 3 + 1),
    name: PLACES[j % PLACES.length] + (j >= PLACES.length ? ` ${Math.floor(j / PLACES.length) + 1}` : ""),
  }));
  const groups: MatrixGroup[] = ["Digital samhandling", "Digital kompetanse", "Informasjonstryggleik", "Velferdsteknologi"].map(
    (title, g) => ({
      focusAreaId: `lfa-${g}`,
      title,
      measures: [],
    }),
  );
  for (let i = 0; i < measures; i++) {
    const cells = munis.map((_, j) => STATUS_CYCLE[(i * 7 + j * 3) % STATUS_CYCLE.length]);
    groups[i % groups.length].measures.push({
      id: `lme-${i + 1}`,
      number: i + 1,
      name: `Tiltak ${i + 1}: Innføring av Feide i kommunane, del ${i + 1}`,
      status: (["planned", "in_progress", "available", "completed"] as const)[i % 4],
      cells,
      uptake: summary(cells),
    });
  }
  const costMeasures = groups
    .flatMap((g) => g.measures)
    .slice(0, 10)
    .map((m, i) => ({
      id: m.id,
      number: m.number,
      name: m.name,
      investment: 100_000_00 * (i + 1) + 37,
      running: 25_000_00 * (i + 1),
      key: { kind: "equal" } as CostKeySpec,
      participants: munis.filter((_, j) => m.cells[j] !== "not_participating").map((mu) => mu.id),
    }));
  return {
    ...base,
    figures: {
      ...base.figures,
      matrix: { year: base.figures.year, municipalities: munis, groups, ...totals(groups, munis.length) },
      costs: costs(
        base.figures.year,
        munis.map((mu, j) => ({ id: mu.id, name: mu.name, population: 1000 + j * 250 })),
        costMeasures,
      ),
    },
  };
}

function shares(year: number, investment: number, running: number, key: CostKeySpec): SharesResult {
  const people = SUNNMORE.map(([number, name, population]) => ({ id: `m-${number}`, number, name, population }));
  const inv = shareCost(investment, people, key);
  const run = shareCost(running, people, key);
  if (!inv.ok || !run.ok) throw new Error("fixture cost sharing failed");
  return {
    ok: true,
    year,
    populationYear: year,
    investmentTotal: investment,
    runningTotal: running,
    rows: people.map((p) => ({
      municipalityId: p.id,
      number: p.number,
      name: p.name,
      population: p.population,
      populationYear: year,
      customShareBp: null,
      investmentShare: inv.shares.get(p.id)!,
      runningShare: run.shares.get(p.id)!,
    })),
  };
}

/** The approved 2014 plan: three items, one whose custom key does not add up to 100 %. */
export function planSnapshotFixture(): PlanSnapshot {
  const year = 2014;
  const item = (number: number, name: string, budget: number, extra: Partial<SnapshotItem> = {}): SnapshotItem => ({
    measure: {
      id: `me-${number}`,
      number,
      name,
      description: "",
      status: "in_progress",
      statusText: null,
      focusAreas: ["Digital samhandling"],
      goals: [],
      benefitsText: "",
      investmentCost: budget,
      runningCost: Math.round(budget / 4),
      financingText: "",
      costKey: "population",
    },
    budget,
    priority: number,
    periodFrom: 2014,
    periodTo: 2016,
    milestones: FIXTURE_TEXTS.milestones,
    carriedOver: number !== 3,
    sortOrder: number,
    shares: shares(year, budget, Math.round(budget / 4), { kind: "population" }),
    ...extra,
  });
  const broken = item(9, FIXTURE_TEXTS.ros, 80_000_00);
  return {
    format: 1,
    planId: "plan-2014",
    year,
    versionId: "pv-2",
    versionNo: 2,
    approvedAt: "2014-01-28T14:30:00.000Z",
    decision: {
      id: "d-1",
      body: "chief_executives",
      outcome: "approved",
      decidedOn: "2014-01-28",
      caseNumber: "21/14",
      text: "Rådmannsutvalet godkjenner handlingsplanen for 2014.\n\nKostnadene blir fordelte etter folketal.",
    },
    items: [
      item(3, FIXTURE_TEXTS.feide, 1_250_000_50),
      item(5, FIXTURE_TEXTS.sak, 2_000_000_00, { priority: null, periodFrom: 2014, periodTo: 2014 }),
      {
        ...broken,
        measure: { ...broken.measure, costKey: "custom" },
        shares: { ok: false, year, populationYear: year, error: { code: "customSum", sumBasisPoints: 9_000 }, rows: [] },
      },
    ],
  };
}
