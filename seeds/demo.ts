import { randomUUID } from "node:crypto";
import type { DB } from "../db/connect";
import type { Language } from "../db/schema";
import { addMembers, createCooperation, createUser, grantRole } from "../app/cooperation/admin.server";
import { storedCooperationId, type CooperationId } from "../app/cooperation/scope.server";
import { getPublicationSettings, updatePublicationSettings } from "../app/publication/settings.server";
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoMeasure,
  EKOMMUNE,
  EKOMMUNE_MEASURES,
  EKOMMUNE_NEXT_STRATEGY,
  EKOMMUNE_PUBLICATION,
  EKOMMUNE_STRATEGY,
  KNUTEPUNKT,
  KNUTEPUNKT_MEASURES,
} from "./demo-content";
import { registerDataDir, seedMunicipalityRegister } from "./register/seed";
import { seedDemoUptake } from "./demo-uptake";
import { membersByNumber } from "./register/lookup";
import { seedPlanDemo } from "./plan-demo";
import { seedReportDemo } from "./report-demo";
import { seedStrategyExtras } from "./strategy-extras";
import { EKOMMUNE_LATER_MEASURES } from "./later-content";
import { seedLaterYears } from "./later-demo";

const STAMP = "2013-01-15T09:00:00.000Z";

async function seedCooperation(
  db: DB,
  spec: {
    slug: string;
    name: string;
    description: string;
    legalForm: string;
    host: string;
    defaultLanguage: Language;
    members: string[];
  },
): Promise<string> {
  const id = await createCooperation(db, {
    slug: spec.slug,
    name: spec.name,
    description: spec.description,
    legalForm: spec.legalForm,
    hostMunicipality: spec.host,
    defaultLanguage: spec.defaultLanguage,
    onDate: "2013-01-01",
  });
  await addMembers(db, { slug: spec.slug, municipalities: spec.members, joinedOn: "2013-01-01" });
  return id;
}

async function seedEkommuneStrategy(db: DB, cooperationId: string): Promise<string[]> {
  const s = EKOMMUNE_STRATEGY;
  const decisionId = randomUUID();
  const strategyId = randomUUID();
  await db
    .insertInto("decision")
    .values({
      id: decisionId,
      cooperation_id: cooperationId,
      body: s.decision.body,
      outcome: "adopted",
      decided_on: s.decision.decidedOn,
      case_number: s.decision.caseNumber,
      text: s.decision.text,
      created_at: STAMP,
    })
    .execute();
  await db
    .insertInto("strategy")
    .values({
      id: strategyId,
      cooperation_id: cooperationId,
      title: s.title,
      period_from: s.periodFrom,
      period_to: s.periodTo,
      vision: s.vision,
      purpose: s.purpose,
      principles: JSON.stringify(s.principles),
      national_guidelines: JSON.stringify(s.nationalGuidelines),
      status: "adopted",
      adoption_decision_id: decisionId,
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  const areaIds: string[] = [];
  for (const [order, area] of s.focusAreas.entries()) {
    const areaId = randomUUID();
    areaIds.push(areaId);
    await db
      .insertInto("focus_area")
      .values({
        id: areaId,
        cooperation_id: cooperationId,
        strategy_id: strategyId,
        title: area.title,
        description: area.description,
        rationale: area.rationale,
        sort_order: order,
      })
      .execute();
    await db
      .insertInto("goal")
      .values(
        area.goals.map((text, i) => ({
          id: randomUUID(),
          cooperation_id: cooperationId,
          focus_area_id: areaId,
          text,
          sort_order: i,
        })),
      )
      .execute();
  }
  const next = EKOMMUNE_NEXT_STRATEGY;
  await db
    .insertInto("strategy")
    .values({
      id: randomUUID(),
      cooperation_id: cooperationId,
      title: next.title,
      period_from: next.periodFrom,
      period_to: next.periodTo,
      vision: next.vision,
      purpose: "",
      principles: "[]",
      national_guidelines: "[]",
      status: "draft",
      created_at: STAMP,
      updated_at: STAMP,
    })
    .execute();
  return areaIds;
}

async function goalIdsByArea(db: DB, areaIds: string[]): Promise<string[][]> {
  const goals = areaIds.length
    ? await db
        .selectFrom("goal")
        .select(["id", "focus_area_id"])
        .where("focus_area_id", "in", areaIds)
        .orderBy("sort_order")
        .execute()
    : [];
  return areaIds.map((areaId) => goals.filter((g) => g.focus_area_id === areaId).map((g) => g.id));
}

/** When the secretariat put a measure in the catalogue: with the strategy, or the autumn before its period. */
function takenUpAt(m: Omit<DemoMeasure, "uptake">): string {
  const from = m.period?.[0] ?? 2013;
  return from <= 2013 ? STAMP : `${from - 1}-11-15T09:00:00.000Z`;
}

async function seedMeasures(
  db: DB,
  cooperationId: string,
  measures: readonly Omit<DemoMeasure, "uptake">[],
  areaIds: string[],
): Promise<void> {
  const members = await membersByNumber(db, cooperationId);
  const goalIds = await goalIdsByArea(db, areaIds);
  for (const m of measures) {
    const measureId = randomUUID();
    const d = m.details;
    const key = d?.key ?? { kind: "equal" as const };
    await db
      .insertInto("measure")
      .values({
        id: measureId,
        cooperation_id: cooperationId,
        number: m.number,
        name: m.name,
        description: m.description,
        status: m.status,
        status_text: m.statusText,
        priority: d?.priority ?? null,
        period_from: m.period?.[0] ?? 2013,
        period_to: m.period?.[1] ?? 2016,
        owner: d?.owner ?? null,
        benefits_text: d?.benefitsText ?? "",
        investment_cost: (d?.investment ?? 0) * 100,
        running_cost: (d?.running ?? 0) * 100,
        financing_text: d?.financing ?? "",
        cost_key: key.kind,
        cost_key_equal_percent: key.kind === "mixed" ? key.equalPercent : null,
        cost_key_population_year: key.kind === "mixed" || key.kind === "population" ? key.populationYear : null,
        all_members: d?.participants ? 0 : 1,
        introduces_system: d?.introducesSystem ? 1 : 0,
        phased_out_systems: JSON.stringify(d?.introducesSystem?.phasedOut ?? []),
        created_at: takenUpAt(m),
        updated_at: takenUpAt(m),
      })
      .execute();
    const supported = new Set<string>();
    if (areaIds[m.focusArea]) supported.add(areaIds[m.focusArea]);
    for (const [area, goal] of d?.goals ?? []) if (areaIds[area]) supported.add(areaIds[area]);
    for (const areaId of supported) {
      await db.insertInto("measure_focus_area").values({ measure_id: measureId, focus_area_id: areaId }).execute();
    }
    const goals = (d?.goals ?? []).map(([area, goal]) => goalIds[area]?.[goal]).filter((id): id is string => Boolean(id));
    if (goals.length) {
      await db
        .insertInto("measure_goal")
        .values([...new Set(goals)].map((goalId) => ({ measure_id: measureId, goal_id: goalId })))
        .execute();
    }
    if (d?.benefits.length) {
      await db
        .insertInto("measure_benefit")
        .values(
          d.benefits.map((b, i) => ({
            id: randomUUID(),
            measure_id: measureId,
            description: b.description,
            amount: b.amount ?? null,
            unit: b.unit ?? null,
            owner: b.owner ?? null,
            baseline: b.baseline ?? null,
            target: b.target ?? null,
            measured_when: b.measuredWhen ?? null,
            sort_order: i,
          })),
        )
        .execute();
    }
    const participantNumbers = d?.participants ?? (key.kind === "custom" ? Object.keys(key.percent) : []);
    if (participantNumbers.length) {
      await db
        .insertInto("measure_participant")
        .values(
          participantNumbers.map((number) => ({
            measure_id: measureId,
            municipality_id: members.get(number)!,
            custom_share_bp: key.kind === "custom" ? Math.round((key.percent[number] ?? 0) * 100) : null,
            from_year: null,
            to_year: null,
          })),
        )
        .execute();
    }
    if (d?.links?.length) {
      await db
        .insertInto("measure_link")
        .values(
          d.links.map((l, i) => ({
            id: `${String(i).padStart(4, "0")}-${randomUUID()}`,
            measure_id: measureId,
            title: l.title,
            url: l.url,
          })),
        )
        .execute();
    }
  }
}

/** eKommune Sunnmøre shows the public face in full; Knutepunkt Sørlandet keeps the default: nothing public. */
async function publishEverything(db: DB, scope: { cooperationId: CooperationId; userId: string }): Promise<void> {
  const { version } = await getPublicationSettings(db, scope.cooperationId);
  await updatePublicationSettings(db, scope, { version, values: EKOMMUNE_PUBLICATION });
}

export async function seedDemo(db: DB): Promise<{ created: boolean }> {
  await seedMunicipalityRegister(db, registerDataDir());
  const existing = await db.selectFrom("cooperation").select("id").where("slug", "=", EKOMMUNE.slug).executeTakeFirst();
  if (existing) return { created: false };

  const ekommuneId = await seedCooperation(db, EKOMMUNE);
  const areaIds = await seedEkommuneStrategy(db, ekommuneId);
  await seedMeasures(db, ekommuneId, [...EKOMMUNE_MEASURES, ...EKOMMUNE_LATER_MEASURES], areaIds);

  const knutepunktId = await seedCooperation(db, KNUTEPUNKT);
  await seedMeasures(db, knutepunktId, KNUTEPUNKT_MEASURES, []);

  for (const user of DEMO_USERS) {
    await createUser(db, {
      email: user.email,
      name: user.name,
      password: DEMO_PASSWORD,
      platformAdmin: user.platformAdmin ?? false,
    });
    for (const grant of user.grants ?? []) {
      await grantRole(db, { email: user.email, ...grant });
    }
  }
  // uptake history and reporting rounds; needs the users and measures above
  await seedDemoUptake(db, { ekommuneId, knutepunktId });
  // strategy extras (yearly evaluations); needs the users above
  await seedStrategyExtras(db, ekommuneId, "sekretariat@ekommune-sunnmore.example");
  // demo action plans 2013–2015; needs the users and measures above
  await seedPlanDemo(db);
  // the published annual report for 2013; needs the plans and uptake above
  const secretariat = await db
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", "sekretariat@ekommune-sunnmore.example")
    .executeTakeFirstOrThrow();
  await seedReportDemo(db, { secretariatId: secretariat.id, cooperationId: ekommuneId });
  await publishEverything(db, { cooperationId: storedCooperationId(ekommuneId), userId: secretariat.id });
  // 2016 to today: plans, rounds, the changes of the map, next year's plan out for input
  await seedLaterYears(db, { cooperationId: storedCooperationId(ekommuneId), secretariatId: secretariat.id });
  return { created: true };
}
