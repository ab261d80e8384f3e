/*
 * Bench data: each data set in its own SQLite file under data/bench/ (BENCH_DIR), made
 * with the real migrations and the real municipality register, then plain batched Kysely inserts
 * in one transaction. Deterministic: every choice comes from a PRNG seeded with the data set's
 * name, so two runs give the same rows (the Argon2 password hash is the one exception).
 *
 *   large     one cooperation: the 25 municipalities of Møre og Romsdal (2020 borders, still valid
 *             today), 80 measures, 2020–2024 with reporting history; measured for 2024
 *   stress    one cooperation: 40 municipalities of Vestland, 200 measures, same history; 2024
 *   national  all 356 municipalities valid on 2020-01-01 in 30 cooperations (each municipality in
 *             one or two), ~20 measures each, lighter history 2020–2023 (the 2024 reform renumbered
 *             a third of them); measured for 2023
 *
 * Each cooperation has an adopted strategy (4–6 focus areas with goals), measures linked to
 * areas and goals, participants (all members or a chosen subset), costs with the equal,
 * population or mixed key, an approved action plan per year (snapshot built by the app's own
 * buildSnapshot), two closed reporting rounds per year with their measures and submissions,
 * uptake reports per (measure, municipality) with seq 1, 2, 3 …, some realised benefits, a draft
 * annual report for the measured year, and users: a secretariat, a viewer and one reporter per
 * member, all with the password BENCH_PASSWORD.
 *
 *   tsx scripts/bench/generate.ts [large] [stress] [national]     (default: all three)
 */
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Insertable, Transaction } from "kysely";
import { connect } from "../../db/connect";
import { migrateToLatest } from "../../db/migrate";
import type {
  CostKey,
  Database,
  Decision,
  Language,
  MeasureStatus,
  Municipality,
  PlanVersion,
  UptakeStatus,
} from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import { storedCooperationId } from "../../app/cooperation/scope.server";
import { buildSnapshot } from "../../app/plan/snapshot.server";
import { registerDataDir, seedMunicipalityRegister } from "../../seeds/register/seed";
import {
  BENCH_PASSWORD,
  DATASET_NAMES,
  Random,
  benchDir,
  manifestPath,
  type DatasetCounts,
  type DatasetManifest,
  type DatasetName,
  type Manifest,
} from "./common";
import { addDays } from "@shared-schema/dates";

type Trx = Transaction<Database>;
type Rows = { [T in keyof Database]: Insertable<Database[T]>[] };

interface Intensity {
  /** chance that a municipality answers a round at all */
  roundAnswer: number;
  /** chance that an answering municipality reports a given round measure */
  roundReport: number;
  /** chance of a report outside the rounds, per (measure, municipality) and checkpoint */
  free: number;
}

interface Member {
  id: string;
  number: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
}

interface CooperationSpec {
  slug: string;
  name: string;
  language: Language;
  members: Member[];
  measures: number;
  years: number[];
  intensity: Intensity;
  /** publishes every part, as a cooperation open to the public does (anonymous scenarios read it) */
  publishes?: boolean;
}

const HEAVY: Intensity = { roundAnswer: 0.85, roundReport: 0.8, free: 0.15 };
const LIGHT: Intensity = { roundAnswer: 0.7, roundReport: 0.6, free: 0.05 };

const FOCUS_AREAS = [
  "Digital samhandling",
  "Digitale innbyggjartenester",
  "Informasjonstryggleik og personvern",
  "Felles infrastruktur",
  "Digital kompetanse",
  "Velferdsteknologi",
  "Data og deling",
];
const GOALS = [
  "Innbyggjarane skal kunne gjere det meste av kontakten med kommunen digitalt",
  "Tilsette skal ha den digitale kompetansen arbeidet krev",
  "Alle kommunane skal ha eit styringssystem for informasjonstryggleik",
  "Felles løysingar skal brukast der det gir gevinst",
  "Data skal registrerast éin gong og delast der lova tillèt det",
  "Tenestene skal vere universelt utforma",
  "Kommunane skal ha stabil og sikker drift av IKT",
  "Gevinstane av tiltaka skal realiserast og målast",
  "Leverandøravtalane skal vere felles og samordna",
  "Personvernet skal vere vareteke i alle nye løysingar",
  "Velferdsteknologi skal vere ein del av det ordinære tenestetilbodet",
  "Kommunane skal dele erfaringar og kompetanse",
];
const VERBS = ["Innføre", "Felles anskaffing av", "Oppgradere", "Samordne", "Digitalisere", "Vidareutvikle"];
const TOPICS = [
  "sak- og arkivsystem",
  "Feide-pålogging i skulen",
  "ID-porten for innbyggjartenester",
  "elektronisk faktura",
  "e-handel",
  "lønns- og personalsystem",
  "digital postkasse",
  "elektroniske skjema",
  "kvalitetssystem",
  "nettsider",
  "chatbot for innbyggjarspørsmål",
  "digitale tryggleiksalarmar",
  "medisineringsstøtte",
  "elektronisk meldingsutveksling i helse",
  "pasientjournal i pleie og omsorg",
  "skuleadministrativt system",
  "barnehageopptak",
  "byggesak på nett",
  "kartløysing",
  "matrikkelføring",
  "økonomisystem",
  "innkjøpsportal",
  "digital signatur",
  "felles driftssenter",
  "nettverk og breiband",
  "trådlaust nett i kommunale bygg",
  "mobilitetsløysing for heimetenesta",
  "opplæringsportal",
  "risiko- og sårbarheitsanalysar",
  "tilgangsstyring",
  "sikkerheitskopiering",
  "videokonferanse",
  "digitalt møte- og politikarsystem",
  "innsynsløysing",
  "arkivplan",
  "journalføring av e-post",
  "felles telefoniløysing",
  "KOSTRA-rapportering",
  "digital søknadshandsaming for NAV",
  "velferdsteknologisk knutepunkt",
];
const OWNERS = [
  "Sekretariatet",
  "IKT-leiarforum",
  "Arkivfagleg nettverk",
  "Helsenettverket",
  "Oppvekstnettverket",
  "Økonomileiarane",
];
const COMMENTS = [
  "Ventar på leverandøren før vi kan gå vidare.",
  "Opplæring av dei tilsette er i gang.",
  "Teke i bruk i alle einingar.",
  "Utsett på grunn av manglande kapasitet i IKT-avdelinga.",
  "Kommunestyret har vedteke finansieringa.",
  "Pilot i helse og omsorg; resten kjem etter sommaren.",
  "Integrasjonen mot fagsystemet er ikkje ferdig.",
  "Gevinstane er målte og rapporterte til kommunedirektøren.",
  "Avtalen er signert, oppstartsmøte i neste månad.",
  "Brukarane er nøgde, men support tek meir tid enn venta.",
];
const BACKWARD_COMMENTS = [
  "Leverandøren trekte løysinga; vi må starte på nytt.",
  "Feil registrert i førre rapport, rettar statusen.",
  "Sett på pause etter omorganiseringa.",
  "Testen avdekte feil, så vi har gått tilbake til planlegging.",
];
const BENEFIT_UNITS = [
  ["Spart arbeidstid", "timar per år"],
  ["Lågare lisenskostnader", "kr per år"],
  ["Færre papirbrev", "brev per år"],
  ["Færre reiser til møte", "reiser per år"],
] as const;
const STATUS_SCALE: UptakeStatus[] = ["not_started", "planned", "in_progress", "in_use", "realised"];
/** how readily municipalities move forward on a measure in this state */
const MATURITY: Record<MeasureStatus, number> = {
  proposed: 0.1,
  planned: 0.3,
  in_progress: 0.5,
  available: 0.65,
  continuous: 0.65,
  completed: 0.75,
  on_hold: 0.15,
  discontinued: 0.2,
};

function emptyRows(): Rows {
  const tables: (keyof Database)[] = [
    "municipality",
    "municipality_change",
    "municipality_population",
    "cooperation",
    "membership",
    "app_user",
    "user_session",
    "role_grant",
    "strategy",
    "focus_area",
    "goal",
    "goal_evaluation",
    "measure",
    "measure_focus_area",
    "measure_goal",
    "measure_participant",
    "measure_benefit",
    "measure_link",
    "action_plan",
    "plan_version",
    "plan_item",
    "decision",
    "uptake_report",
    "uptake_benefit",
    "reporting_round",
    "round_measure",
    "round_submission",
    "annual_report",
    "comment",
    "audit_event",
    "mail_message",
  ];
  return Object.fromEntries(tables.map((t) => [t, []])) as unknown as Rows;
}

/** Tables in foreign-key order; plans come later (their snapshots need the rows in place). */
const INSERT_ORDER: (keyof Database)[] = [
  "municipality_population",
  "cooperation",
  "membership",
  "app_user",
  "role_grant",
  "decision",
  "strategy",
  "focus_area",
  "goal",
  "measure",
  "measure_focus_area",
  "measure_goal",
  "measure_participant",
  "measure_benefit",
  "measure_link",
  "reporting_round",
  "round_measure",
  "uptake_report",
  "uptake_benefit",
  "round_submission",
  "annual_report",
];

/** Every row of a table must carry the same columns: a missing one would compile to DEFAULT, which SQLite refuses in VALUES. */
async function insertAll(trx: Trx, table: keyof Database, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  // far below SQLite's 32,766 variables and PostgreSQL's 65,535 parameters per statement
  const size = Math.max(1, Math.floor(8000 / columns));
  for (let start = 0; start < rows.length; start += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + size) as never)
      .execute();
  }
}

const iso = (date: string, hour = 8, minute = 0) =>
  `${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00.000Z`;

const dayCache = new Map<string, string>();
/** Calendar arithmetic, remembered: the generator asks for the same few days many thousand times. */
function addDaysCached(date: string, days: number): string {
  const key = `${date}+${days}`;
  let result = dayCache.get(key);
  if (result === undefined) {
    result = addDays(date, days);
    dayCache.set(key, result);
  }
  return result;
}

function slugEmail(local: string, slug: string): string {
  return `${local}@${slug}.bench.example`;
}

interface Context {
  rng: Random;
  rows: Rows;
  passwordHash: string;
  /** municipality id → 2015 population from the register (absent for a few split municipalities) */
  population2015: Map<string, number>;
  /** plans to approve once the rows are written */
  plans: PlanToApprove[];
}

interface PlanToApprove {
  cooperationId: string;
  year: number;
  planId: string;
  versionId: string;
  basedOnVersionId: string | null;
  decision: Decision;
  items: Insertable<Database["plan_item"]>[];
  createdAt: string;
}

interface MeasureFacts {
  id: string;
  status: MeasureStatus;
  periodFrom: number;
  periodTo: number;
  allMembers: boolean;
  /** chosen participants (when not all members), with their years */
  chosen: Map<string, { from: number | null; to: number | null }>;
  benefits: { id: string; amount: number }[];
  priority: number | null;
  investment: number;
  running: number;
}

function addCooperation(ctx: Context, spec: CooperationSpec): void {
  const { rng, rows } = ctx;
  const firstYear = spec.years[0]!;
  const lastYear = spec.years[spec.years.length - 1]!;
  const created = iso(`${firstYear - 1}-11-01`);
  const cooperationId = rng.uuid();
  const flag = spec.publishes ? 1 : 0;
  rows.cooperation.push({
    id: cooperationId,
    slug: spec.slug,
    name: spec.name,
    description: `Benchmark-samarbeid med ${spec.members.length} kommunar (generert).`,
    legal_form: rng.pick(["Vertskommunesamarbeid (kommunelova § 20-2)", "Interkommunalt politisk råd", "Avtalebasert samarbeid"]),
    host_municipality_id: spec.members[0]!.id,
    default_language: spec.language,
    publish_strategy: flag,
    publish_plan: flag,
    publish_matrix: flag,
    publish_reports: flag,
    publish_open_data: flag,
    accessibility_statement_url: null,
    version: 1,
    created_at: created,
    updated_at: created,
  });
  for (const m of spec.members) {
    rows.membership.push({
      id: rng.uuid(),
      cooperation_id: cooperationId,
      municipality_id: m.id,
      joined_on: m.joinedOn,
      left_on: m.leftOn,
      local_strategy_title: rng.chance(0.3) ? `Digitaliseringsstrategi for ${m.name}` : null,
      local_strategy_from_year: null,
      local_strategy_to_year: null,
      local_strategy_url: null,
      predecessor_membership_id: null,
    });
  }

  // users: a secretariat, a viewer and a reporter per member
  const user = (email: string, name: string) => {
    const id = rng.uuid();
    rows.app_user.push({
      id,
      email,
      name,
      password_hash: ctx.passwordHash,
      is_platform_admin: 0,
      language: null,
      disabled_at: null,
      created_at: created,
    });
    return id;
  };
  const grant = (userId: string, role: "secretariat" | "viewer" | "reporter", municipalityId: string | null) =>
    rows.role_grant.push({
      id: rng.uuid(),
      user_id: userId,
      cooperation_id: cooperationId,
      role,
      municipality_id: municipalityId,
      created_at: created,
    });
  const secretariat = user(slugEmail("sekretariat", spec.slug), `Sekretariatet i ${spec.name}`);
  grant(secretariat, "secretariat", null);
  grant(user(slugEmail("lesar", spec.slug), `Lesar i ${spec.name}`), "viewer", null);
  const reporterOf = new Map<string, string>();
  for (const m of spec.members) {
    const id = user(slugEmail(`ikt-${m.number}`, spec.slug), `IKT-kontakt ${m.name}`);
    grant(id, "reporter", m.id);
    reporterOf.set(m.id, id);
  }

  // the strategy in force, with its adoption decision
  const adoptionId = rng.uuid();
  rows.decision.push({
    id: adoptionId,
    cooperation_id: cooperationId,
    body: "board",
    outcome: "adopted",
    decided_on: `${firstYear - 1}-12-05`,
    case_number: `${rng.int(10, 40)}/${String(firstYear - 1).slice(2)}`,
    text: "Styret vedtok strategien.",
    recorded_by: secretariat,
    created_at: created,
  });
  const strategyId = rng.uuid();
  rows.strategy.push({
    id: strategyId,
    cooperation_id: cooperationId,
    title: `Digitaliseringsstrategi ${firstYear}–${lastYear}`,
    period_from: firstYear,
    period_to: lastYear,
    vision: "Saman om gode digitale tenester for innbyggjarar, næringsliv og tilsette.",
    purpose: "Strategien skal gi retning for det felles digitaliseringsarbeidet i samarbeidet.",
    principles: JSON.stringify(["Digitalt førsteval", "Éin gong", "Felles løysingar før lokale", "Personvern i alt vi gjer"]),
    national_guidelines: JSON.stringify(["Én digital offentlig sektor (2019–2025)", "Digitaliseringsrundskrivet"]),
    status: "adopted",
    adoption_decision_id: adoptionId,
    revision_of_id: null,
    version: 1,
    created_at: created,
    updated_at: created,
  });
  const areaTitles = rng.sample(FOCUS_AREAS, rng.int(4, 6));
  const areas = areaTitles.map((title, order) => {
    const id = rng.uuid();
    rows.focus_area.push({
      id,
      cooperation_id: cooperationId,
      strategy_id: strategyId,
      title,
      description: `Innsatsområdet ${title.toLowerCase()} samlar tiltaka som ...`,
      rationale: "Kommunane står overfor dei same utfordringane og løyser dei best saman.",
      sort_order: order,
    });
    const goals = rng.sample(GOALS, rng.int(2, 4)).map((text, i) => {
      const goalId = rng.uuid();
      rows.goal.push({
        id: goalId,
        cooperation_id: cooperationId,
        focus_area_id: id,
        text,
        indicator: rng.chance(0.5) ? "Del av kommunane som har teke løysinga i bruk" : null,
        target: rng.chance(0.5) ? `${rng.int(6, 10) * 10} % innan ${lastYear}` : null,
        sort_order: i,
      });
      return goalId;
    });
    return { id, goals };
  });

  // measures
  const names = rng.shuffle(VERBS.flatMap((verb) => TOPICS.map((topic) => `${verb} ${topic}`)));
  const measures: MeasureFacts[] = [];
  for (let n = 1; n <= spec.measures; n++) {
    const id = rng.uuid();
    const status = rng.weighted<MeasureStatus>([
      ["proposed", 6],
      ["planned", 12],
      ["in_progress", 30],
      ["available", 20],
      ["continuous", 10],
      ["completed", 14],
      ["on_hold", 5],
      ["discontinued", 3],
    ]);
    const periodFrom = rng.int(firstYear, Math.max(firstYear, lastYear - 1));
    const periodTo = Math.min(lastYear + 2, periodFrom + rng.int(1, 4));
    const costKey = rng.weighted<CostKey>([
      ["equal", 5],
      ["population", 3],
      ["mixed", 2],
    ]);
    const allMembers = rng.chance(0.7);
    const investment = rng.int(0, 200) * 10_000_00; // øre: 0–2 million kr in steps of 10,000 kr
    const running = rng.int(0, 50) * 10_000_00;
    const priority = rng.chance(0.8) ? rng.int(1, 3) : null;
    const introduces = rng.chance(0.25);
    rows.measure.push({
      id,
      cooperation_id: cooperationId,
      number: n,
      name: names[(n - 1) % names.length]! + (n > names.length ? ` (${Math.ceil(n / names.length)})` : ""),
      description:
        "Tiltaket skal gi kommunane ei felles løysing som erstattar lokale variantar, med felles opplæring og forvaltning.",
      status,
      status_text: rng.chance(0.6)
        ? rng.pick(["Går etter planen", "Noko forseinka", "Ferdig i fleire kommunar", "Ventar på avklaring"])
        : null,
      priority,
      period_from: periodFrom,
      period_to: periodTo,
      owner: rng.pick(OWNERS),
      benefits_text: "Mindre dobbeltarbeid, betre kvalitet og lågare kostnader over tid.",
      investment_cost: investment,
      running_cost: running,
      financing_text: rng.pick([
        "Fordelt etter nøkkel",
        "Skjønnsmidlar frå statsforvaltaren og eigenandel",
        "Innanfor driftsbudsjettet",
      ]),
      cost_key: costKey,
      cost_key_equal_percent: costKey === "mixed" ? rng.pick([30, 40, 50, 60]) : null,
      cost_key_population_year: costKey === "equal" ? null : rng.chance(0.5) ? null : periodFrom - 1,
      all_members: allMembers ? 1 : 0,
      introduces_system: introduces ? 1 : 0,
      phased_out_systems: JSON.stringify(
        introduces
          ? rng.sample(["Gammalt fagsystem", "Lokal filserver", "Papirskjema", "Eigenutvikla database"], rng.int(1, 2))
          : [],
      ),
      version: 1,
      created_at: created,
      updated_at: created,
    });
    const supported = rng.sample(areas, rng.chance(0.25) ? 2 : 1);
    for (const area of supported) rows.measure_focus_area.push({ measure_id: id, focus_area_id: area.id });
    const goalIds = new Set(supported.flatMap((area) => rng.sample(area.goals, rng.int(1, Math.min(2, area.goals.length)))));
    for (const goalId of goalIds) rows.measure_goal.push({ measure_id: id, goal_id: goalId });

    const chosen = new Map<string, { from: number | null; to: number | null }>();
    if (!allMembers) {
      const count = Math.max(2, Math.round(spec.members.length * (0.4 + rng.next() * 0.5)));
      for (const m of rng.sample(spec.members, count)) {
        const from = rng.chance(0.15) ? periodFrom + 1 : null;
        chosen.set(m.id, { from, to: null });
        rows.measure_participant.push({
          measure_id: id,
          municipality_id: m.id,
          custom_share_bp: null,
          from_year: from,
          to_year: null,
        });
      }
    }
    const benefits = rng.chance(0.4)
      ? rng.sample(BENEFIT_UNITS, rng.int(1, 2)).map(([description, unit], i) => {
          const benefitId = rng.uuid();
          const amount = rng.int(5, 200) * 100;
          rows.measure_benefit.push({
            id: benefitId,
            measure_id: id,
            description,
            amount,
            unit,
            owner: rng.pick(["Kommunedirektøren", "Tenesteleiarane", "Sekretariatet"]),
            baseline: "Målt året før innføring",
            target: `${amount} ${unit}`,
            measured_when: `Årleg, frå ${periodTo}`,
            sort_order: i,
          });
          return { id: benefitId, amount };
        })
      : [];
    if (rng.chance(0.2)) {
      rows.measure_link.push({
        id: rng.uuid(),
        measure_id: id,
        title: "Prosjektside",
        url: `https://${spec.slug}.bench.example/tiltak/${n}`,
      });
    }
    measures.push({ id, status, periodFrom, periodTo, allMembers, chosen, benefits, priority, investment, running });
  }

  // approved action plans, one per year (items now, snapshot once the rows are written)
  let previousVersion: string | null = null;
  for (const year of spec.years) {
    const planId = rng.uuid();
    const versionId = rng.uuid();
    const decidedOn = `${year - 1}-12-${rng.int(10, 18)}`;
    const decision: Decision = {
      id: rng.uuid(),
      cooperation_id: cooperationId,
      body: "board",
      outcome: "approved",
      decided_on: decidedOn,
      case_number: `${rng.int(40, 70)}/${String(year - 1).slice(2)}`,
      text: `Styret godkjende handlingsplanen for ${year}.`,
      recorded_by: secretariat,
      created_at: iso(decidedOn, 14),
    };
    const items = measures
      .filter((m) => m.periodFrom <= year && m.periodTo >= year && m.status !== "proposed" && m.status !== "discontinued")
      .map((m, i) => ({
        id: rng.uuid(),
        cooperation_id: cooperationId,
        plan_version_id: versionId,
        measure_id: m.id,
        budget: m.running + Math.round(m.investment / (m.periodTo - m.periodFrom + 1)),
        priority: m.priority,
        period_from: m.periodFrom,
        period_to: m.periodTo,
        milestones: `1. kvartal: oppstart. 3. kvartal: ${rng.pick(["pilot", "innføring", "evaluering"])}.`,
        carried_over: m.periodFrom < year ? (1 as const) : (0 as const),
        sort_order: i,
      }));
    ctx.plans.push({
      cooperationId,
      year,
      planId,
      versionId,
      basedOnVersionId: previousVersion,
      decision,
      items,
      createdAt: iso(`${year - 1}-10-01`),
    });
    previousVersion = versionId;
  }

  // reporting rounds: spring and autumn, all closed
  interface Round {
    id: string;
    opened: string;
    deadline: string;
    measures: Set<string>;
    answering: Set<string>;
  }
  const roundsByYear = new Map<number, [Round, Round]>();
  for (const year of spec.years) {
    const make = (season: string, opened: string, deadline: string): Round => {
      const id = rng.uuid();
      const closed = addDaysCached(deadline, 7);
      rows.reporting_round.push({
        id,
        cooperation_id: cooperationId,
        name: `Statusrapportering ${season} ${year}`,
        status_date: opened,
        deadline,
        reminder_days_before: 7,
        opened_at: iso(opened, 7),
        closed_at: iso(closed, 12),
        closed_by: secretariat,
        created_by: secretariat,
        reminder_sent_at: iso(addDaysCached(deadline, -7), 6),
      });
      const roundMeasures = measures.filter(
        (m) => m.periodFrom <= year && m.status !== "proposed" && m.status !== "discontinued" && rng.chance(0.75),
      );
      for (const m of roundMeasures) rows.round_measure.push({ round_id: id, measure_id: m.id });
      const answering = new Set(spec.members.filter(() => rng.chance(spec.intensity.roundAnswer)).map((m) => m.id));
      return { id, opened, deadline, measures: new Set(roundMeasures.map((m) => m.id)), answering };
    };
    roundsByYear.set(year, [make("vår", `${year}-03-01`, `${year}-03-31`), make("haust", `${year}-10-01`, `${year}-10-31`)]);
  }

  // uptake history: per (measure, participating municipality), checkpoints in time order
  const reportedInRound = new Map<string, Set<string>>(); // round id → municipalities that reported in it
  for (const m of measures) {
    const maturity = MATURITY[m.status];
    for (const [index, member] of spec.members.entries()) {
      const chosen = m.chosen.get(member.id);
      if (!m.allMembers && !chosen) continue;
      const pair = rng.next();
      if (pair < 0.04) continue; // never reported: shows as "not reported"
      let status: UptakeStatus | null = null;
      let seq = 0;
      const notRelevant = pair > 0.93;
      for (const year of spec.years) {
        if (year < m.periodFrom || (chosen?.from != null && year < chosen.from)) continue;
        const [spring, autumn] = roundsByYear.get(year)!;
        const checkpoints: { date: string; round: Round | null }[] = [
          { date: addDaysCached(`${year}-02-08`, index % 18), round: null },
          { date: addDaysCached(spring.opened, index % 26), round: spring },
          { date: addDaysCached(`${year}-06-10`, index % 20), round: null },
          { date: addDaysCached(autumn.opened, index % 26), round: autumn },
        ];
        for (const checkpoint of checkpoints) {
          if (checkpoint.date < member.joinedOn || (member.leftOn && checkpoint.date >= member.leftOn)) continue;
          const inRound =
            checkpoint.round !== null &&
            checkpoint.round.measures.has(m.id) &&
            checkpoint.round.answering.has(member.id) &&
            rng.chance(spec.intensity.roundReport);
          if (!inRound && !rng.chance(status === null ? spec.intensity.free * 2 : spec.intensity.free)) continue;

          let next: UptakeStatus;
          let comment = "";
          if (notRelevant) {
            next = "not_relevant";
          } else if (status === null) {
            next = rng.weighted<UptakeStatus>([
              ["not_started", 4],
              ["planned", 4],
              ["in_progress", 2],
            ]);
          } else {
            const at = STATUS_SCALE.indexOf(status);
            const roll = rng.next();
            if (roll < 0.04 && at > 0 && status !== "realised") {
              next = STATUS_SCALE[at - 1]!;
              comment = rng.pick(BACKWARD_COMMENTS);
            } else if (roll < 0.04 + maturity * 0.6) {
              const step = rng.chance(0.2) ? 2 : 1;
              next = STATUS_SCALE[Math.min(STATUS_SCALE.length - 1, at + step)]!;
              if (next === "realised" && status !== "in_use") next = "in_use";
            } else {
              next = status;
            }
          }
          if (!comment && rng.chance(0.1)) comment = rng.pick(COMMENTS);
          const reportId = rng.uuid();
          const createdAt = iso(checkpoint.date, 8 + (index % 8), (index * 7 + seq * 13) % 60);
          seq += 1;
          const realised = next === "realised";
          rows.uptake_report.push({
            id: reportId,
            cooperation_id: cooperationId,
            measure_id: m.id,
            municipality_id: member.id,
            status: next,
            comment,
            effective_date: rng.chance(0.2) ? addDaysCached(checkpoint.date, -rng.int(1, 5)) : checkpoint.date,
            decision_reference:
              next === "in_use" && status !== "in_use" && rng.chance(0.3)
                ? `Kommunestyret sak ${rng.int(1, 99)}/${String(year).slice(2)}`
                : null,
            evidence_url:
              next === "in_use" && rng.chance(0.1) ? `https://innsyn.${member.number}.bench.example/sak/${year}` : null,
            realised_benefit_text: realised && rng.chance(0.5) ? "Gevinsten er henta ut i budsjettet." : null,
            reporter_id: rng.chance(0.75) ? reporterOf.get(member.id)! : secretariat,
            round_id: inRound ? checkpoint.round!.id : null,
            derived_from_report_id: null,
            seq,
            created_at: createdAt,
          });
          if (inRound) {
            const set = reportedInRound.get(checkpoint.round!.id) ?? new Set();
            set.add(member.id);
            reportedInRound.set(checkpoint.round!.id, set);
          }
          if (realised && status !== "realised") {
            for (const benefit of m.benefits) {
              if (!rng.chance(0.6)) continue;
              const amount = Math.max(1, Math.round((benefit.amount / spec.members.length) * (0.5 + rng.next())));
              rows.uptake_benefit.push({ report_id: reportId, benefit_id: benefit.id, amount });
            }
          }
          status = next;
        }
      }
    }
  }

  // submissions: most municipalities that reported in a round submitted it; a few were returned
  for (const [year, pair] of roundsByYear) {
    for (const round of pair) {
      for (const municipalityId of reportedInRound.get(round.id) ?? []) {
        if (!rng.chance(0.85)) continue;
        // after the municipality's last report in the round (those fall on day 1–26 of the round)
        const submittedAt = iso(addDaysCached(round.deadline, -rng.int(0, 4)), 15, rng.int(0, 59));
        const returned = rng.chance(0.05);
        rows.round_submission.push({
          id: rng.uuid(),
          cooperation_id: cooperationId,
          round_id: round.id,
          municipality_id: municipalityId,
          submitted_at: submittedAt,
          submitted_by: reporterOf.get(municipalityId)!,
          returned_at: returned ? iso(addDaysCached(round.deadline, 2), 9) : null,
          returned_by: returned ? secretariat : null,
          return_comment: returned ? `Manglar kommentar på tiltak som har gått tilbake (${year}).` : null,
        });
      }
    }
  }

  // the draft annual report of the last year
  const reportAt = iso(`${lastYear + 1}-01-20`);
  rows.annual_report.push({
    id: rng.uuid(),
    cooperation_id: cooperationId,
    year: lastYear,
    narrative: JSON.stringify({
      summary: `${spec.name} har i ${lastYear} arbeidd vidare med ${spec.measures} tiltak i ${spec.members.length} kommunar.`,
      plan: "Handlingsplanen vart i hovudsak gjennomført; nokre tiltak er flytte til neste år.",
      matrix: "Tabellen viser status per kommune ved utgangen av året.",
      progress: "Framdrifta er god innanfor digital samhandling, svakare for velferdsteknologi.",
      costs: "Kostnadene er fordelte etter nøklane i handlingsplanen.",
      benefits: "Dei realiserte gevinstane er rapporterte av kommunane sjølve.",
      comments: "",
    }),
    figures: null,
    published_at: null,
    published_by: null,
    version: 1,
    created_at: reportAt,
    updated_at: reportAt,
  });
}

function addPopulation(ctx: Context, members: Iterable<Member>, years: number[]): void {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    const base = ctx.population2015.get(m.id) ?? ctx.rng.int(2_000, 25_000);
    const growth = -0.01 + ctx.rng.next() * 0.025;
    for (const year of years) {
      ctx.rows.municipality_population.push({
        municipality_id: m.id,
        year,
        population: Math.max(200, Math.round(base * Math.pow(1 + growth, year - 2015))),
      });
    }
  }
}

function validOn(m: Municipality, date: string): boolean {
  return m.valid_from <= date && (m.valid_to === null || m.valid_to > date);
}

async function approvePlans(trx: Trx, plans: PlanToApprove[]): Promise<number> {
  let items = 0;
  for (const plan of plans) {
    await trx
      .insertInto("action_plan")
      .values({ id: plan.planId, cooperation_id: plan.cooperationId, year: plan.year, created_at: plan.createdAt })
      .execute();
    await trx.insertInto("decision").values(plan.decision).execute();
    const version: PlanVersion = {
      id: plan.versionId,
      cooperation_id: plan.cooperationId,
      plan_id: plan.planId,
      version_no: 1,
      status: "draft",
      based_on_version_id: plan.basedOnVersionId,
      input_deadline: `${plan.year - 1}-11-15`,
      input_closed_at: null,
      decision_id: null,
      snapshot: null,
      version: 1,
      created_at: plan.createdAt,
      updated_at: plan.createdAt,
    };
    await trx.insertInto("plan_version").values(version).execute();
    await insertAll(trx, "plan_item", plan.items);
    items += plan.items.length;
    const approvedAt = plan.decision.created_at;
    const snapshot = await buildSnapshot(trx, {
      cooperationId: storedCooperationId(plan.cooperationId),
      version,
      year: plan.year,
      decision: plan.decision,
      approvedAt,
    });
    await trx
      .updateTable("plan_version")
      .set({
        status: "approved",
        decision_id: plan.decision.id,
        snapshot: JSON.stringify(snapshot),
        version: 2,
        updated_at: approvedAt,
      })
      .where("id", "=", plan.versionId)
      .execute();
  }
  return items;
}

async function generate(name: DatasetName, passwordHash: string): Promise<DatasetManifest> {
  const started = performance.now();
  const file = path.join(benchDir(), `${name}.sqlite`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const db = connect(file);
  try {
    await migrateToLatest(db);
    await seedMunicipalityRegister(db, registerDataDir());
    const register = await db.selectFrom("municipality").selectAll().orderBy("number").execute();
    const populations = await db
      .selectFrom("municipality_population")
      .select(["municipality_id", "population"])
      .where("year", "=", 2015)
      .execute();
    const ctx: Context = {
      rng: new Random(`fellesloft-bench-${name}`),
      rows: emptyRows(),
      passwordHash,
      population2015: new Map(populations.map((p) => [p.municipality_id, p.population])),
      plans: [],
    };
    const of2020 = register.filter((m) => validOn(m, "2020-01-01"));
    // unchanged from 2020 through today, so a 2020–2024 history never meets a renumbering
    const stable = of2020.filter((m) => m.valid_to === null);
    const member = (m: Municipality, joinedOn = "2020-01-01"): Member => ({
      id: m.id,
      number: m.number,
      name: m.name,
      joinedOn,
      leftOn: m.valid_to,
    });
    const years5 = [2020, 2021, 2022, 2023, 2024];
    let specs: CooperationSpec[];
    let year: number;
    if (name === "large" || name === "stress") {
      const county = name === "large" ? "Møre og Romsdal" : "Vestland";
      const size = name === "large" ? 25 : 40;
      const chosen = stable.filter((m) => m.county === county).slice(0, size);
      if (chosen.length !== size) throw new Error(`${name}: found ${chosen.length} municipalities in ${county}, need ${size}`);
      // two members joined later, so membership dates matter
      const members = chosen.map((m, i) => member(m, i === size - 1 || i === size - 2 ? "2022-01-01" : "2020-01-01"));
      specs = [
        {
          slug: name === "large" ? "bench-large" : "bench-stress",
          name: name === "large" ? "Digitalt samarbeid Møre og Romsdal (bench)" : "Vestland digitalt (stress-bench)",
          language: "nn",
          members,
          measures: name === "large" ? 80 : 200,
          years: years5,
          intensity: HEAVY,
          publishes: name === "large",
        },
      ];
      year = 2024;
    } else {
      if (of2020.length !== 356)
        throw new Error(`national: the register has ${of2020.length} municipalities on 2020-01-01, expected 356`);
      const count = 30;
      const groups: Municipality[][] = Array.from({ length: count }, (_, i) =>
        of2020.slice(Math.floor((i * of2020.length) / count), Math.floor(((i + 1) * of2020.length) / count)),
      );
      // about a fifth of the municipalities also take part in the neighbouring cooperation
      const extra: Municipality[][] = groups.map(() => []);
      groups.forEach((group, i) => {
        for (const m of group) if (ctx.rng.chance(0.2)) extra[(i + 1) % count]!.push(m);
      });
      specs = groups.map((group, i) => {
        const all = [...group, ...extra[i]!];
        const nynorsk = all.filter((m) => m.written_standard === "nynorsk").length > all.length / 2;
        return {
          slug: `nasjonal-${String(i + 1).padStart(2, "0")}`,
          name: `Regionalt IKT-samarbeid ${i + 1} (${group[0]!.county})`,
          language: nynorsk ? "nn" : "nb",
          members: all.map((m) => member(m)),
          measures: ctx.rng.int(16, 24),
          years: [2020, 2021, 2022, 2023],
          intensity: LIGHT,
        };
      });
      year = 2023;
    }
    const built = performance.now();
    for (const spec of specs) addCooperation(ctx, spec);
    addPopulation(
      ctx,
      specs.flatMap((s) => s.members),
      years5,
    );

    const inserting = performance.now();
    let planning = 0;
    const planItems = await db.transaction().execute(async (trx) => {
      for (const table of INSERT_ORDER) await insertAll(trx, table, ctx.rows[table]);
      planning = performance.now();
      return approvePlans(trx, ctx.plans);
    });
    await db.destroy();
    const ms = (from: number, to: number) => Math.round(to - from);
    const phases = `setup ${ms(started, built)}, rows ${ms(built, inserting)}, insert ${ms(inserting, planning)}, plans ${ms(
      planning,
      performance.now(),
    )}`;

    const measured = name === "national" ? specs.reduce((a, b) => (b.members.length > a.members.length ? b : a)) : specs[0]!;
    const r = ctx.rows;
    const counts: DatasetCounts = {
      cooperations: r.cooperation.length,
      municipalities: new Set(r.membership.map((m) => m.municipality_id)).size,
      memberships: r.membership.length,
      measures: r.measure.length,
      participants: r.measure_participant.length,
      reports: r.uptake_report.length,
      realisedBenefits: r.uptake_benefit.length,
      rounds: r.reporting_round.length,
      submissions: r.round_submission.length,
      planItems,
      users: r.app_user.length,
    };
    return {
      name,
      file,
      year,
      slug: measured.slug,
      secretariat: slugEmail("sekretariat", measured.slug),
      viewer: slugEmail("lesar", measured.slug),
      counts,
      generatedMs: Math.round(performance.now() - started),
      phases,
    };
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
}

async function main() {
  const requested = process.argv.slice(2);
  for (const arg of requested) {
    if (!(DATASET_NAMES as readonly string[]).includes(arg))
      throw new Error(`unknown data set "${arg}"; use ${DATASET_NAMES.join(", ")}`);
  }
  const names = requested.length ? (requested as DatasetName[]) : [...DATASET_NAMES];
  mkdirSync(benchDir(), { recursive: true });
  const previous: Manifest | null = existsSync(manifestPath())
    ? (JSON.parse(readFileSync(manifestPath(), "utf8")) as Manifest)
    : null;
  const manifest: Manifest = {
    format: 1,
    password: BENCH_PASSWORD,
    datasets: previous?.format === 1 && previous.password === BENCH_PASSWORD ? previous.datasets : {},
  };
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  for (const name of names) {
    const dataset = await generate(name, passwordHash);
    manifest.datasets[name] = dataset;
    const c = dataset.counts;
    console.log(
      `bench data ${name.padEnd(8)} ${String(dataset.generatedMs).padStart(6)} ms  cooperations=${
        c.cooperations
      } municipalities=${c.municipalities} ` +
        `memberships=${c.memberships} measures=${c.measures} reports=${c.reports} benefits=${c.realisedBenefits} rounds=${c.rounds} ` +
        `submissions=${c.submissions} plan_items=${c.planItems} users=${c.users}  (${dataset.phases} ms) → ${path.relative(
          process.cwd(),
          dataset.file,
        )}`,
    );
  }
  writeFileSync(manifestPath(), JSON.stringify(manifest, null, 2) + "\n");
}

await main();
