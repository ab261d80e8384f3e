import type { DemoMeasure } from "./demo-content";

/*
 * eKommune Sunnmøre after the strategy period 2013–2016: the measures it took up from 2019, its
 * members' yearly status rounds 2019–2025 across the mergers of 2020 and the split of 2024, and
 * what the plans of each year changed. Nynorsk, as the cooperation writes.
 */

export type LaterMeasure = Omit<DemoMeasure, "uptake"> & { period: readonly [number, number] };

export const EKOMMUNE_LATER_MEASURES: LaterMeasure[] = [
  {
    number: 10,
    name: "Digital post til innbyggjarane med SvarUt og SvarInn",
    description: "Brev frå kommunane går til innbyggjarane si digitale postkasse, og post til kommunane kjem inn i sak/arkiv.",
    status: "available",
    statusText: "Alle kommunane sender digital post",
    focusArea: 0,
    period: [2019, 2021],
    details: {
      benefitsText: "Mindre porto, papir og skanning; innbyggjarane får posten raskare og på ein trygg stad.",
      benefits: [{ description: "Spart porto og papir", amount: 450_000, unit: "nok_per_year" }],
      investment: 300_000,
      running: 60_000,
      financing: "Likt per kommune over fellesbudsjettet.",
      key: { kind: "equal" },
      priority: 1,
      owner: "Arkivforum i eKommune Sunnmøre",
      goals: [
        [0, 1],
        [0, 0],
      ],
      links: [{ title: "SvarUt – KS Digital", url: "https://www.ks.no/fagomrader/digitalisering/felleslosninger/svarut/" }],
    },
  },
  {
    number: 11,
    name: "Velferdsteknologi i heimetenestene",
    description: "Digitalt tilsyn, medisineringsstøtte og felles responssenter for heimetenestene i kommunane.",
    status: "in_progress",
    statusText: "I bruk i dei fleste kommunane; responssenteret er felles frå 2025",
    focusArea: 0,
    period: [2020, 2028],
    details: {
      benefitsText:
        "Innbyggjarane kan bu lenger heime og trygt. Heimetenestene sparer køyring til tilsyn som kan gjerast digitalt, og eitt responssenter tek alarmane for alle.",
      benefits: [
        { description: "Færre fysiske tilsynsbesøk", amount: 6_000, unit: "hours_per_year", owner: "Helse- og omsorgsleiarane" },
      ],
      investment: 2_400_000,
      running: 800_000,
      financing: "30 % likt og 70 % etter folketal, som for andre tiltak i helse og omsorg.",
      key: { kind: "mixed", equalPercent: 30, populationYear: 2015 },
      priority: 1,
      owner: "Helse- og omsorgsgruppa i eKommune Sunnmøre",
      goals: [
        [0, 5],
        [0, 6],
      ],
    },
  },
  {
    number: 12,
    name: "Felles personvernombod og internkontroll for informasjonstryggleik",
    description: "Eitt personvernombod for alle kommunane og ein felles internkontroll etter personvernforordninga.",
    status: "continuous",
    statusText: "Personvernombodet er på plass; internkontrollen blir revidert kvart år",
    focusArea: 0,
    period: [2019, 2028],
    details: {
      benefitsText: "Kommunane oppfyller personvernforordninga med éi fagleg sterk ordning i staden for elleve små.",
      benefits: [{ description: "Spart arbeid med eigne personvernordningar", amount: 60, unit: "days_per_year" }],
      investment: 0,
      running: 700_000,
      financing: "Likt per kommune.",
      key: { kind: "equal" },
      priority: 1,
      owner: "Personvernombodet i eKommune Sunnmøre",
      goals: [[0, 3]],
    },
  },
  {
    number: 13,
    name: "Felles skuleadministrativt system",
    description: "Eitt system for elevar, vurdering, fråvær og kontakt med heimen i grunnskulane som er med.",
    status: "in_progress",
    statusText: "Teke i bruk i dei fleste kommunane som er med",
    focusArea: 0,
    period: [2019, 2026],
    details: {
      benefitsText: "Lærarane fører fråvær og vurdering éin stad, og foreldra får éin kanal til skulen.",
      benefits: [{ description: "Mindre tid til dobbeltføring for lærarane", amount: 2_500, unit: "hours_per_year" }],
      investment: 1_100_000,
      running: 350_000,
      financing: "Etter folketal i kommunane som er med.",
      key: { kind: "population", populationYear: 2015 },
      priority: 2,
      owner: "Skulefagleg gruppe i eKommune Sunnmøre",
      goals: [[0, 8]],
      participants: ["1504", "1534", "1529", "1532", "1531", "1524"],
    },
  },
];

/** A status round each year, status date 31 December; everyone reported and submitted, and the secretariat closed it. */
export const LATER_ROUNDS: { year: number; measures: number[] }[] = [
  { year: 2019, measures: [10, 12, 13] },
  { year: 2020, measures: [10, 11, 12, 13] },
  { year: 2021, measures: [10, 11, 12, 13] },
  { year: 2022, measures: [11, 12, 13] },
  { year: 2023, measures: [11, 12, 13] },
  { year: 2024, measures: [11, 12, 13] },
  { year: 2025, measures: [11, 12, 13] },
];

/**
 * Measure number → municipality number → its status in each round the measure is in, in year
 * order (N not started, P planned, I in progress, A in use, R realised). A municipality reports in
 * the rounds of the years it is a member; a successor's first status is the one the change of the
 * map gave it (the least advanced of its predecessors'), which its first round moves on.
 */
export const LATER_STORIES: Record<number, Record<string, string>> = {
  10: {
    // 2019
    "1504": "A",
    "1534": "I",
    "1529": "P",
    "1523": "P",
    "1526": "N",
    "1546": "P",
    "1524": "N",
    // 2019 2020 2021
    "1532": "A A R",
    "1531": "I A A",
    "1525": "I A A",
    "1528": "A A R",
    // 2020 2021
    "1507": "I A",
    "1578": "P A",
  },
  11: {
    // 2020 2021 2022 2023, then 2024 2025 for the members since 2024
    "1507": "P I I A",
    "1532": "P P I I I I",
    "1531": "N P I A A R",
    "1578": "N N P I I I",
    "1525": "P I A A A A",
    "1528": "I A A A A R",
    "1508": "A A",
    "1580": "A A",
  },
  12: {
    // 2019
    "1504": "A",
    "1534": "A",
    "1529": "A",
    "1523": "I",
    "1546": "I",
    "1526": "P",
    "1524": "P",
    // 2019, 2020–2023, 2024 2025
    "1532": "A A A A A A A",
    "1531": "A A A A A A A",
    "1525": "A A A A A A A",
    "1528": "A A A A A A A",
    // 2020–2023, 2024 2025
    "1507": "A A A A",
    "1578": "I A A A A A",
    "1508": "A A",
    "1580": "I A",
  },
  13: {
    // 2019
    "1504": "I",
    "1534": "P",
    "1529": "I",
    "1524": "N",
    // 2019, 2020–2023, 2024 2025
    "1532": "P I I I A A A",
    "1531": "I A A A A A R",
    // 2020–2023, 2024 2025
    "1507": "I I A A",
    "1578": "N P P I I I",
    "1508": "A A",
    "1580": "A A",
  },
};

/** `${measure} ${municipality} ${year}` → the comment on that round's report. */
export const LATER_COMMENTS: Record<string, string> = {
  "12 1580 2024":
    "Haram er eigen kommune att frå 2024 og må gjere eigen avtale om personvernombod. Avtalen er til politisk handsaming i februar.",
  "11 1578 2024": "Fjord har ikkje fått på plass nattevakt på tilsynsløysinga enno; det skjer når responssenteret er felles.",
  "13 1531 2025": "Alle skulane i Sula bruker systemet, og dobbeltføringa er borte.",
};

/** An item's values in a plan (budget in kroner); without a period the item keeps the one it had. */
export interface ItemChange {
  budget: number;
  priority: number;
  from?: number;
  to?: number;
  milestones: string;
}

/** Plan year → the secretariat's changes to what was rolled from the year before, and the board's decision. */
export interface LaterPlanYear {
  decidedOn: string;
  caseNumber: string;
  /** measure numbers whose items the secretariat takes out */
  remove?: number[];
  /** measure number → the item's values; a measure not in the plan is added */
  items?: Record<number, ItemChange>;
}

export const LATER_PLANS: Record<number, LaterPlanYear> = {
  2016: {
    decidedOn: "2015-12-03",
    caseNumber: "18/15",
    remove: [1, 2, 3, 5, 8],
    items: {
      6: { budget: 1_600_000, priority: 1, from: 2013, to: 2016, milestones: "Alle kommunane over på felles drift." },
      9: { budget: 60_000, priority: 3, from: 2013, to: 2016, milestones: "Opne standardar i alle nye avtalar." },
    },
  },
  2017: {
    decidedOn: "2016-12-01",
    caseNumber: "20/16",
    items: {
      6: { budget: 900_000, priority: 1, from: 2017, to: 2018, milestones: "Reserveløysing for datarommet." },
      9: { budget: 60_000, priority: 3, from: 2017, to: 2020, milestones: "Rettleiar for fri programvare i skulen." },
    },
  },
  2018: {
    decidedOn: "2017-12-07",
    caseNumber: "17/17",
    items: { 6: { budget: 700_000, priority: 1, from: 2017, to: 2018, milestones: "Datarommet sertifisert." } },
  },
  2019: {
    decidedOn: "2018-12-06",
    caseNumber: "19/18",
    remove: [6],
    items: {
      10: { budget: 300_000, priority: 1, from: 2019, to: 2021, milestones: "SvarUt i alle kommunane innan sommaren." },
      12: { budget: 700_000, priority: 1, from: 2019, to: 2028, milestones: "Felles personvernombod tilsett." },
      13: { budget: 600_000, priority: 2, from: 2019, to: 2026, milestones: "Avtale med leverandør; dei første skulane i gang." },
    },
  },
  2020: {
    decidedOn: "2019-12-05",
    caseNumber: "22/19",
    items: {
      11: {
        budget: 1_400_000,
        priority: 1,
        from: 2020,
        to: 2028,
        milestones: "Digitalt tilsyn i heimetenestene i Ålesund og Sykkylven.",
      },
      13: { budget: 400_000, priority: 2, from: 2019, to: 2026, milestones: "Alle skulane i kommunane som er med." },
    },
  },
  2021: {
    decidedOn: "2020-12-03",
    caseNumber: "15/20",
    items: {
      9: { budget: 40_000, priority: 3, from: 2021, to: 2024, milestones: "" },
      10: { budget: 60_000, priority: 2, from: 2019, to: 2021, milestones: "Innkomande post rett i sak/arkiv." },
    },
  },
  2022: {
    decidedOn: "2021-12-02",
    caseNumber: "18/21",
    remove: [10],
    items: { 11: { budget: 1_000_000, priority: 1, from: 2020, to: 2028, milestones: "Medisineringsstøtte i alle kommunane." } },
  },
  2023: {
    decidedOn: "2022-12-01",
    caseNumber: "16/22",
    items: { 12: { budget: 750_000, priority: 1, from: 2019, to: 2028, milestones: "Revidert internkontroll." } },
  },
  2024: {
    decidedOn: "2023-12-07",
    caseNumber: "19/23",
    items: {
      11: { budget: 900_000, priority: 1, from: 2020, to: 2028, milestones: "Haram og Ålesund kvar for seg i tilsynsløysinga." },
    },
  },
  2025: {
    decidedOn: "2024-12-05",
    caseNumber: "17/24",
    items: {
      9: { budget: 40_000, priority: 3, from: 2025, to: 2028, milestones: "" },
      11: { budget: 1_200_000, priority: 1, from: 2020, to: 2028, milestones: "Felles responssenter i drift." },
    },
  },
  2026: {
    decidedOn: "2025-12-04",
    caseNumber: "20/25",
    items: { 13: { budget: 250_000, priority: 2, from: 2019, to: 2026, milestones: "Siste skulane over på systemet." } },
  },
};

/**
 * Open now, about the end of 2026, with the deadline two weeks ahead: municipality number → the
 * day after the opening it answered, its answers (measure number → status) and its submission.
 * Not listed: answered nothing (Sula, Fjord).
 */
export const OPEN_ROUND = {
  name: "Statusrapportering 2026",
  statusDate: "2026-12-31",
  measures: [11, 12, 13],
  openedDaysAgo: 10,
  deadlineInDays: 14,
  municipalities: {
    "1508": { day: 1, answers: { 11: "A", 12: "A", 13: "R" }, submission: "submitted" }, // Ålesund
    "1580": { day: 2, answers: { 11: "A", 12: "A", 13: "A" }, submission: "returned" }, // Haram
    "1525": { day: 3, answers: { 11: "R", 12: "A" }, submission: "submitted" }, // Stranda
    "1528": { day: 4, answers: { 11: "R", 12: "A" }, submission: "submitted" }, // Sykkylven
    "1532": { day: 5, answers: { 11: "A", 12: "A" }, submission: null }, // Giske: two of three, not submitted
  } as Record<string, { day: number; answers: Record<number, string>; submission: "submitted" | "returned" | null }>,
  returnComment:
    "Haram har meldt «I bruk» for personvernombodet (tiltak 12) utan å nemne den nye avtalen. Skriv kort kva avtalen gjeld frå, og send inn på nytt.",
};
