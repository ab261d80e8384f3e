import type { MeasureStatus, UptakeStatus } from "../db/schema";
import { PUBLIC_PARTS } from "@shared-schema/publication";

/*
 * Demo content taken from the reference strategies: eKommune Sunnmøre's IKT-strategi
 * 2013–2016 (nynorsk, as written) and Søgne's IT-strategi 2013–2016 for Knutepunkt Sørlandet.
 */

export const DEMO_PASSWORD = "fellesloft-demo";

export const EKOMMUNE = {
  slug: "ekommune-sunnmore",
  name: "eKommune Sunnmøre",
  description:
    "Interkommunalt IKT-samarbeid for kommunane i Ålesundsregionen. Målet er gode, framtidsretta og kostnadseffektive løysingar, slik at kommunane kan levere endå betre tenester til innbyggjarane.",
  legalForm: "Kml § 27",
  host: "1504",
  defaultLanguage: "nn" as const,
  /** the Ålesund region's municipalities with their 2013 numbers */
  members: ["1504", "1532", "1531", "1534", "1529", "1523", "1526", "1546", "1524", "1525", "1528"],
  /** the same members after the mergers of 2020 and the split of Ålesund in 2024, which the demo carries it through */
  membersSince2024: ["1508", "1580", "1532", "1531", "1578", "1525", "1528"],
};

/** The host Ålesund kommune's organisation number; a role address as the contact point, never a person's. */
export const EKOMMUNE_PUBLICATION = {
  parts: [...PUBLIC_PARTS],
  organisationNumber: "942952880",
  contactName: null,
  contactEmail: "post@ekommune-sunnmore.example",
  accessibilityStatementUrl: null,
};

export const EKOMMUNE_STRATEGY = {
  title: "IKT-strategi for eKommune Sunnmøre 2013–2016",
  periodFrom: 2013,
  periodTo: 2016,
  vision: "Utvikling gjennom samarbeid",
  purpose:
    "Målet med samarbeidet er å gi kommunane gode, framtidsretta og kostnadseffektive løysingar. Dette vil igjen setje kommunane i stand til å kunne levere endå betre tenester til innbyggjarane, i tråd med forventningane om ei døgnopen forvaltning.",
  principles: [
    "Resultata av samarbeidet skal ha varig verdi for noverande kommunar i regionen, uansett organisering.",
    "Kommunane samarbeider om basis IKT-infrastruktur og programvare, og skal ha ein mest mogleg lik plattform.",
    "Kjøp av programvare skal byggje på ei kost/nyttevurdering med konsekvensanalyse.",
    "Kommunane sjølve skal styre utvikling og bruk av IKT i regionen; samarbeidet byggjer på likeverd og fridom til å velje prosjekt.",
  ],
  nationalGuidelines: [
    "eNorge 2009 «Det digitale spranget»",
    "St.meld. nr. 17 (2006–2007) «Eit informasjonssamfunn for alle»",
    "St.meld. nr. 19 (2008–2009) «Ei forvaltning for demokrati og fellesskap»",
    "KS eKommune 2012 «Lokal digital agenda»",
    "På nett med innbyggerne – Regjeringens digitaliseringsprogram (april 2012)",
  ],
  decision: {
    body: "board" as const,
    decidedOn: "2012-11-29",
    caseNumber: "12/12",
    text: "Styret i eKommune Sunnmøre vedtek IKT-strategi for eKommune Sunnmøre 2013–2016.",
  },
  focusAreas: [
    {
      title: "Digital samhandling",
      description:
        "Digital samhandling muliggjer betre ressursutnytting, samarbeid om tenesteproduksjon og leveransar, utveksling av erfaring, kompetanse og arbeidskraft.",
      rationale:
        "Digital samhandling føreset at kommunane har fokus på standardisering av IKT-arkitektur og gjenbruk av nasjonale og kommunale fellesløysingar. Det vil i åra som kjem vere spesielt viktig innafor helse og sosial, pleie og omsorg og skule og utdanning.",
      goals: [
        "Auke talet på digitale tenester retta mot innbyggjarar, næringsliv og folkevalde",
        "Auke bruken av nasjonale fellesløysingar som Min Side, MinID, Altinn, Geodata, Folkeregisteret og Markedsplassen",
        "Realisere miljø- og samarbeidsgevinstar gjennom utstrekt bruk av moderne IKT-baserte samarbeidsløysingar, som videokonferansar",
        "Samordne arbeidet med å etablere tilfredsstillande informasjonssikkerheit i kommunane",
        "Planlegge hensiktsmessig bruk av sosiale medium",
        "Ta i bruk elektronisk meldingsutveksling i pleie- og omsorgs- og helsetenestene gjennom tilkopling til Norsk Helsenett",
        "Tilrettelegge for bruk av mobile løysingar i kommunal tenesteproduksjon",
        "Samordne og harmonisere IKT-infrastrukturen for å muliggjere felles tenesteproduksjon",
        "Samarbeide om IKT-anskaffingar med mål om flest mogleg felles og like løysingar for programvare",
      ],
    },
    {
      title: "Digital kompetanse",
      description:
        "Med digital kompetanse meiner ein bruk av digitale verktøy og forståing av moglegheitene utviklinga på IKT-området gir. Bruk av IKT krev ny kompetanse på alle nivå i kommunane.",
      rationale:
        "Leiarar treng strategisk IKT-kompetanse for å planlegge og leie omstillingsprosessar og realisere gevinstar; medarbeidarar på alle nivå treng praktisk IKT-kompetanse for å nytte løysingane på ein fruktbar måte.",
      goals: ["Auke IKT-kompetansen på ulike nivå i organisasjonen"],
    },
  ],
};

export const EKOMMUNE_NEXT_STRATEGY = {
  title: "IKT-strategi for eKommune Sunnmøre 2017–2020 (utkast)",
  periodFrom: 2017,
  periodTo: 2020,
  vision: "Digitalt førsteval – saman",
};

export interface DemoMeasure {
  number: number;
  name: string;
  description: string;
  status: MeasureStatus;
  statusText: string;
  /** index into the focus areas above */
  focusArea: number;
  /** uptake per member, in the order of EKOMMUNE.members */
  uptake: UptakeStatus[];
  /** the measure catalogue's own fields (see DEMO_MEASURE_DETAILS) */
  details?: DemoMeasureDetails;
  /** the implementation period, first and last year; 2013–2016 (the strategy's) when absent */
  period?: readonly [number, number];
}

export interface DemoMeasureDetails {
  benefitsText: string;
  benefits: {
    description: string;
    amount?: number;
    unit?: "nok_per_year" | "hours_per_year" | "days_per_year" | "nok_once" | "percent";
    owner?: string;
    baseline?: string;
    target?: string;
    measuredWhen?: string;
  }[];
  /** kroner */
  investment: number;
  /** kroner per year */
  running: number;
  financing: string;
  key:
    | { kind: "equal" }
    | { kind: "population"; populationYear: number }
    | { kind: "mixed"; equalPercent: number; populationYear: number }
    /** municipality number → percent; only these municipalities take part */
    | { kind: "custom"; percent: Record<string, number> };
  priority: number;
  owner: string;
  /** [focus area index, goal index] in the strategy above */
  goals: [number, number][];
  /** municipality numbers; absent = all members */
  participants?: string[];
  introducesSystem?: { phasedOut: string[] };
  links?: { title: string; url: string }[];
}

const A: UptakeStatus = "in_use";
const R: UptakeStatus = "realised";
const P: UptakeStatus = "planned";
const I: UptakeStatus = "in_progress";
const N: UptakeStatus = "not_started";
const X: UptakeStatus = "not_relevant";

/** The table «Tiltak i planperioden», with per-municipality uptake matching each status text. */
export const EKOMMUNE_MEASURES: DemoMeasure[] = [
  {
    number: 1,
    name: "Etablere tilfredsstillande infrastruktur mellom kommunane",
    description: "Felles nettverk som knyter alle kommunane i eKommune Sunnmøre saman.",
    status: "in_progress",
    statusText: "Er stort sett på plass",
    focusArea: 0,
    uptake: [A, A, A, A, A, A, I, I, A, A, A],
    details: {
      benefitsText:
        "Eit felles, redundant nett mellom kommunane er grunnlaget for felles drift, felles katalog og felles fagsystem. Kommunane slepp eigne linjeavtalar og kan dele serverar og lisensar.",
      benefits: [
        { description: "Lågare linjekostnader når kommunane deler fiberringen", amount: 400_000, unit: "nok_per_year" },
        { description: "Færre driftsavbrot på grunn av redundante samband", amount: 120, unit: "hours_per_year" },
      ],
      investment: 4_200_000,
      running: 650_000,
      financing:
        "Investeringa blir finansiert med skjønnsmidlar frå Fylkesmannen (1,5 mill. kr) og resten av kommunane etter folketal. Drifta blir fordelt etter folketal.",
      key: { kind: "population", populationYear: 2015 },
      priority: 1,
      owner: "IKT-gruppa i eKommune Sunnmøre",
      goals: [
        [0, 7],
        [0, 0],
      ],
      links: [{ title: "IKT-strategi for eKommune Sunnmøre 2013–2016", url: "https://www.alesund.kommune.no/ekommune-sunnmore" }],
    },
  },
  {
    number: 2,
    name: "Utarbeide felles strategi- og sikkerheitsplan",
    description: "Felles strategi- og sikkerheitsplan for informasjonssikkerheit i kommunane.",
    status: "available",
    statusText: "Er utarbeidd, men ikkje teken i bruk i alle kommunar",
    focusArea: 0,
    uptake: [A, A, A, P, I, N, P, N, I, A, A],
    details: {
      benefitsText:
        "Ein felles plan gir lik tryggleik i alle kommunane, og kvar kommune slepp å skrive sin eigen. Planen gjer det lettare å oppfylle personopplysningslova.",
      benefits: [{ description: "Spart arbeid med å lage og halde ved like eigne planar", amount: 40, unit: "days_per_year" }],
      investment: 350_000,
      running: 50_000,
      financing: "Blir dekt av fellesbudsjettet til eKommune Sunnmøre med lik del per kommune.",
      key: { kind: "equal" },
      priority: 2,
      owner: "Tryggleiksgruppa (informasjonstryggleiksleiarane i kommunane)",
      goals: [[0, 3]],
    },
  },
  {
    number: 3,
    name: "Innføring av Feide i kommunane",
    description: "Felles elektronisk identitet for elevar og lærarar i grunnskulen.",
    status: "available",
    statusText: "Er klart til bruk, men ikkje teke i bruk i alle kommunar",
    focusArea: 0,
    uptake: [A, A, I, A, P, N, N, P, I, A, I],
    details: {
      benefitsText:
        "Elevar og lærarar får éin brukar og eitt passord til digitale læremiddel og nasjonale prøver. Mindre tid går med til å handtere brukarkontoar.",
      benefits: [
        {
          description: "Mindre tid til passord og brukarkontoar for lærarar og IT-støtte",
          amount: 1_500,
          unit: "hours_per_year",
        },
      ],
      investment: 600_000,
      running: 120_000,
      financing: "30 % likt og 70 % etter folketal, som avtalt for skuletiltak i samarbeidet.",
      key: { kind: "mixed", equalPercent: 30, populationYear: 2015 },
      priority: 2,
      owner: "Skulefagleg gruppe i eKommune Sunnmøre",
      goals: [
        [0, 1],
        [0, 0],
      ],
      links: [{ title: "Feide – felles elektronisk identitet", url: "https://www.feide.no/" }],
    },
  },
  {
    number: 4,
    name: "Etablere initiell organisering av eKommune Sunnmøre",
    description: "Interkommunalt samarbeid etter kommunelova § 27 med styre, prosjektleiar og IKT-gruppe.",
    status: "completed",
    statusText:
      "eKommune Sunnmøre er frå hausten 2010 etablert som eit interkommunalt samarbeid etter Kml § 27. Vidareutvikling av samarbeidet og formalisering av ein driftsorganisasjon er ein del av den nye strategien.",
    focusArea: 1,
    uptake: [A, A, A, A, A, A, A, A, A, A, A],
    details: {
      benefitsText:
        "Ein fast organisasjon med styre, prosjektleiar og IKT-gruppe gjer at samarbeidet kan gjennomføre tiltaka i strategien.",
      benefits: [],
      investment: 0,
      running: 900_000,
      financing: "Prosjektleiarstillinga og sekretariatet blir finansiert av kommunane, 30 % likt og 70 % etter folketal.",
      key: { kind: "mixed", equalPercent: 30, populationYear: 2015 },
      priority: 1,
      owner: "Styret i eKommune Sunnmøre",
      goals: [[1, 0]],
    },
  },
  {
    number: 5,
    name: "Etablere felles overvaking av serverar og nettverksutstyr",
    description: "Felles overvaking frå fellespunktet på Bø-Nørve.",
    status: "available",
    statusText: "Er klart frå fellespunktet på Bø-Nørve",
    focusArea: 0,
    uptake: [A, A, A, I, A, P, N, N, P, I, A],
    details: {
      benefitsText: "Feil blir oppdaga før brukarane merkar dei, og kommunane deler verktøy og kompetanse på overvaking.",
      benefits: [{ description: "Kortare nedetid på sentrale system", amount: 200, unit: "hours_per_year" }],
      investment: 450_000,
      running: 180_000,
      financing: "Etter folketal i deltakarkommunane.",
      key: { kind: "population", populationYear: 2015 },
      priority: 2,
      owner: "Driftsgruppa, Ålesund kommune",
      goals: [[0, 7]],
    },
  },
  {
    number: 6,
    name: "Etablere felles drift, felles datarom og vaktordning (24/7-drift)",
    description: "Felles driftsorganisasjon med datarom og vaktordning.",
    status: "available",
    statusText: "Er teknisk klart frå fellespunktet på Bø-Nørve",
    focusArea: 0,
    period: [2013, 2018],
    uptake: [A, I, I, P, P, N, N, N, P, P, I],
    details: {
      benefitsText:
        "Felles datarom og vaktordning gir døgnopen drift som ingen av kommunane kunne hatt åleine, og frigjer tid hos IKT-medarbeidarane i kvar kommune.",
      benefits: [
        { description: "Lågare kostnader til overtid og eigne vaktordningar", amount: 2_000_000, unit: "nok_per_year" },
        { description: "Frigjort tid hos lokale IKT-medarbeidarar", amount: 3_000, unit: "hours_per_year" },
      ],
      investment: 2_500_000,
      running: 3_200_000,
      financing:
        "Investering og drift blir fordelte 30 % likt og 70 % etter folketal. Kommunane tek med eigne datarom i rekneskapen for innsparing.",
      key: { kind: "mixed", equalPercent: 30, populationYear: 2015 },
      priority: 1,
      owner: "Driftsorganisasjonen for eKommune Sunnmøre",
      goals: [
        [0, 7],
        [0, 8],
      ],
    },
  },
  {
    number: 7,
    name: "Felles katalogløysing",
    description: "Éin felles katalogteneste for brukarar og ressursar i kommunane.",
    status: "completed",
    statusText: "Er på plass",
    focusArea: 0,
    uptake: [R, R, A, A, A, A, A, A, A, R, A],
    details: {
      benefitsText:
        "Éin katalog for alle kommunane gir felles pålogging, enklare brukaradministrasjon og er føresetnaden for felles drift. Dei lokale katalogane blir fasa ut.",
      benefits: [
        {
          description: "Mindre tid til brukaradministrasjon",
          amount: 1_200,
          unit: "hours_per_year",
          owner: "Leiar for IKT-gruppa",
          baseline: "Om lag 2 000 timar i året til brukaradministrasjon i dei elleve kommunane (2012)",
          target: "Høgst 800 timar i året",
          measuredWhen: "Årleg, ved årsrapporten i januar",
        },
        {
          description: "Lågare lisens- og driftskostnader for katalogtenester",
          amount: 350_000,
          unit: "nok_per_year",
          owner: "Rådmannsutvalet",
          baseline: "11 lokale katalogar med eigne serverar og lisensar",
          target: "1 felles katalog; lokale serverar avvikla innan utgangen av 2014",
          measuredWhen: "Desember 2014 og desember 2016",
        },
      ],
      investment: 800_000,
      running: 150_000,
      financing: "Etter folketal i deltakarkommunane.",
      key: { kind: "population", populationYear: 2015 },
      priority: 1,
      owner: "IKT-gruppa i eKommune Sunnmøre",
      goals: [
        [0, 7],
        [0, 8],
      ],
      introducesSystem: { phasedOut: ["Lokale Active Directory-domene i kvar kommune", "Lokale LDAP-katalogar for skulane"] },
    },
  },
  {
    number: 8,
    name: "Felles portalløysing",
    description: "Felles portal for kommunane sine nettsider og tenester.",
    status: "on_hold",
    statusText: "Er sett på vent",
    focusArea: 0,
    uptake: [N, N, N, N, N, X, X, N, N, N, N],
    details: {
      benefitsText:
        "Ein felles portal gir innbyggjarane same inngang til tenestene i alle kommunane, og kommunane slepp kvar sin publiseringsløysing.",
      benefits: [{ description: "Lågare lisenskostnader for publiseringsløysingar", amount: 250_000, unit: "nok_per_year" }],
      investment: 1_200_000,
      running: 300_000,
      financing:
        "Avtalte delar: Ålesund ber 28 % som vertskommune for portalen, dei andre åtte deltakarane 9 % kvar. Ørskog og Stordal står utanfor fordi dei nett har skifta løysing.",
      key: {
        kind: "custom",
        percent: { "1504": 28, "1532": 9, "1531": 9, "1534": 9, "1529": 9, "1546": 9, "1524": 9, "1525": 9, "1528": 9 },
      },
      priority: 3,
      owner: "Kommunikasjonsnettverket i eKommune Sunnmøre",
      goals: [
        [0, 0],
        [0, 4],
      ],
      participants: ["1504", "1532", "1531", "1534", "1529", "1546", "1524", "1525", "1528"],
    },
  },
  {
    number: 9,
    name: "Opne standardar og fri programvare",
    description: "Vurdere opne standardar og fri programvare ved kvar anskaffing.",
    status: "continuous",
    statusText: "Blir vurdert fortløpande",
    focusArea: 1,
    period: [2013, 2028],
    uptake: [I, I, P, I, N, N, N, N, P, I, I],
    details: {
      benefitsText:
        "Opne standardar gjer kommunane mindre bundne til éin leverandør og gjer det lettare å dele data og løysingar.",
      benefits: [],
      investment: 0,
      running: 100_000,
      financing: "Kompetansetiltak over fellesbudsjettet, likt per kommune.",
      key: { kind: "equal" },
      priority: 3,
      owner: "Innkjøpsgruppa i eKommune Sunnmøre",
      goals: [
        [0, 8],
        [1, 0],
      ],
    },
  },
];

export const KNUTEPUNKT = {
  slug: "knutepunkt-sorlandet",
  name: "Knutepunkt Sørlandet",
  description:
    "Samarbeid mellom kommunene i Kristiansandsregionen om anskaffelser, kompetanse og digitale tjenester, med IT-utvalg og fagutvalg.",
  legalForm: "Kml § 27",
  host: "1001",
  defaultLanguage: "nb" as const,
  members: ["1001", "1018", "1017", "1014", "0926", "0928", "0935"],
};

export const KNUTEPUNKT_MEASURES: DemoMeasure[] = [
  {
    number: 1,
    name: "Felles ehandelsprosjekt (ehandel og efaktura)",
    description: "Elektronisk innkjøpssystem og efaktura i alle kommunene, etter prosjektplan i Knutepunkt Sørlandet.",
    status: "in_progress",
    statusText: "Innføres i 2014",
    focusArea: 0,
    uptake: [I, P, P, I, N, N, N],
    details: {
      benefitsText: "Ehandel og efaktura gir raskare fakturabehandling, betre avtalelojalitet og færre manuelle feil.",
      benefits: [{ description: "Spart tid i fakturabehandling", amount: 4_000, unit: "hours_per_year" }],
      investment: 1_800_000,
      running: 400_000,
      financing: "Fordeles etter folketall, som vedtatt i Knutepunkt Sørlandet.",
      key: { kind: "population", populationYear: 2015 },
      priority: 1,
      owner: "Innkjøpsutvalget i Knutepunkt Sørlandet",
      goals: [],
    },
  },
  {
    number: 2,
    name: "Felles anbud for mobildekning og nettkapasitet",
    description: "Delta i Digitale Agders felles anbud for mobildekning og bredbånd.",
    status: "planned",
    statusText: "Anbud sammen med Digitale Agder",
    focusArea: 0,
    uptake: [P, P, P, P, P, N, N],
    details: {
      benefitsText: "Bedre mobildekning og kapasitet i hele regionen til lavere pris enn om hver kommune kjøper selv.",
      benefits: [],
      investment: 250_000,
      running: 0,
      financing: "Anbudsarbeidet deles likt mellom kommunene.",
      key: { kind: "equal" },
      priority: 2,
      owner: "IT-utvalget i Knutepunkt Sørlandet",
      goals: [],
    },
  },
  {
    number: 3,
    name: "Samarbeid om nye GIS-løsninger",
    description: "Felles GIS-løsninger for kommunene.",
    status: "proposed",
    statusText: "Forprosjekt",
    focusArea: 0,
    uptake: [N, N, N, N, N, N, X],
    details: {
      benefitsText: "Felles kartdata og GIS-verktøy for plan, bygg og beredskap.",
      benefits: [{ description: "Lavere lisenskostnader for GIS", amount: 300_000, unit: "nok_per_year" }],
      investment: 900_000,
      running: 200_000,
      financing: "40 % likt og 60 % etter folketall.",
      key: { kind: "mixed", equalPercent: 40, populationYear: 2015 },
      priority: 3,
      owner: "GIS-forum i Knutepunkt Sørlandet",
      goals: [],
    },
  },
];

export const DEMO_USERS = [
  { email: "admin@fellesloft.example", name: "Plattformadministrator", platformAdmin: true },
  {
    email: "sekretariat@ekommune-sunnmore.example",
    name: "Siri Sekretariat",
    grants: [{ slug: EKOMMUNE.slug, role: "secretariat" as const }],
  },
  {
    email: "styre@ekommune-sunnmore.example",
    name: "Stein Styreleiar",
    grants: [{ slug: EKOMMUNE.slug, role: "board" as const }],
  },
  { email: "lesar@ekommune-sunnmore.example", name: "Liv Lesar", grants: [{ slug: EKOMMUNE.slug, role: "viewer" as const }] },
  {
    email: "ikt@giske.example",
    name: "Gunnar IKT-leiar (Giske)",
    grants: [{ slug: EKOMMUNE.slug, role: "reporter" as const, municipality: "1532" }],
  },
  {
    email: "ikt@sula.example",
    name: "Solveig IKT-leiar (Sula)",
    grants: [{ slug: EKOMMUNE.slug, role: "reporter" as const, municipality: "1531" }],
  },
  {
    email: "sekretariat@knutepunkt-sorlandet.example",
    name: "Kari Knutepunkt",
    grants: [{ slug: KNUTEPUNKT.slug, role: "secretariat" as const }],
  },
];
