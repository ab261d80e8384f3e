import { randomUUID } from "node:crypto";
import type { Insertable, Transaction } from "kysely";
import type { DB } from "../../db/connect";
import type { Database } from "../../db/schema";
import type { MeasureInput } from "@shared-schema/measure";
import { recordAudit } from "../audit/audit.server";
import { expectVersionedUpdate, transact } from "../utils/concurrency.server";
import { RuleBrokenError, StaleVersionError } from "../utils/errors.server";
import type { TextKey } from "../i18n/config";
import { osloToday } from "@shared-schema/dates";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * Creating and editing a measure (tiltak). Each change is one transaction with one audit event
 * carrying the whole measure before and after. References in the input (focus areas, goals,
 * participating municipalities) are checked against the cooperation in the URL, never trusted.
 */

export type MeasureField = "number" | "focusAreas" | "goals" | "members" | "benefits";

/** A reference in the input that does not belong to this cooperation, or a taken number. */
export class MeasureInputError extends RuleBrokenError {
  constructor(
    readonly field: MeasureField,
    messageKey: TextKey,
  ) {
    super(messageKey, { [field]: messageKey });
  }
}

/** The saved measure: what the form stores, with its identity and timestamps. */
export interface MeasureDetail extends MeasureInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Executor = DB | Transaction<Database>;

export async function findMeasure(
  db: Executor,
  { cooperationId, number }: { cooperationId: CooperationId; number: number },
): Promise<MeasureDetail | null> {
  const m = await db
    .selectFrom("measure")
    .selectAll()
    .where("cooperation_id", "=", cooperationId)
    .where("number", "=", number)
    .executeTakeFirst();
  if (!m) return null;
  const [areas, goals, benefits, participants, links] = await Promise.all([
    db.selectFrom("measure_focus_area").select("focus_area_id").where("measure_id", "=", m.id).execute(),
    db.selectFrom("measure_goal").select("goal_id").where("measure_id", "=", m.id).execute(),
    db.selectFrom("measure_benefit").selectAll().where("measure_id", "=", m.id).orderBy("sort_order").execute(),
    db.selectFrom("measure_participant").selectAll().where("measure_id", "=", m.id).orderBy("municipality_id").execute(),
    db.selectFrom("measure_link").selectAll().where("measure_id", "=", m.id).orderBy("id").execute(),
  ]);
  return {
    id: m.id,
    version: m.version,
    number: m.number,
    name: m.name,
    description: m.description,
    focusAreaIds: areas.map((a) => a.focus_area_id).sort(),
    goalIds: goals.map((g) => g.goal_id).sort(),
    benefitsText: m.benefits_text,
    benefits: benefits.map((b) => ({
      id: b.id,
      description: b.description,
      amount: b.amount,
      unit: b.unit,
      owner: b.owner,
      baseline: b.baseline,
      target: b.target,
      measuredWhen: b.measured_when,
    })),
    investmentCost: m.investment_cost,
    runningCost: m.running_cost,
    financingText: m.financing_text,
    costKey: m.cost_key,
    equalPercent: m.cost_key_equal_percent,
    populationYear: m.cost_key_population_year,
    priority: m.priority,
    periodFrom: m.period_from,
    periodTo: m.period_to,
    owner: m.owner,
    allMembers: m.all_members === 1,
    participants: participants.map((p) => ({
      municipalityId: p.municipality_id,
      customShareBp: p.custom_share_bp,
      fromYear: p.from_year,
      toYear: p.to_year,
    })),
    status: m.status,
    statusText: m.status_text,
    // links keep the order they were entered in: ids are prefixed with their position
    links: links.map((l) => ({ title: l.title, url: l.url })),
    introducesSystem: m.introduces_system === 1,
    phasedOutSystems: JSON.parse(m.phased_out_systems) as string[],
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

/** The lowest number above every number in use: what the form suggests for a new measure. */
export async function nextFreeMeasureNumber(db: DB, { cooperationId }: { cooperationId: CooperationId }): Promise<number> {
  const row = await db
    .selectFrom("measure")
    .select((eb) => eb.fn.max("number").as("max"))
    .where("cooperation_id", "=", cooperationId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** A municipality is a possible participant when it has (or had) a membership in the cooperation. */
async function checkReferences(
  tx: Executor,
  cooperationId: CooperationId,
  input: MeasureInput,
  previousParticipants: readonly string[],
): Promise<{ focusAreaIds: string[] }> {
  const goals = input.goalIds.length
    ? await tx
        .selectFrom("goal")
        .select(["id", "focus_area_id"])
        .where("cooperation_id", "=", cooperationId)
        .where("id", "in", input.goalIds)
        .execute()
    : [];
  if (goals.length !== input.goalIds.length) throw new MeasureInputError("goals", "measure:validation.foreignGoal");
  const focusAreaIds = [...new Set([...input.focusAreaIds, ...goals.map((g) => g.focus_area_id)])].sort();
  const areas = focusAreaIds.length
    ? await tx
        .selectFrom("focus_area")
        .select("id")
        .where("cooperation_id", "=", cooperationId)
        .where("id", "in", focusAreaIds)
        .execute()
    : [];
  if (areas.length !== focusAreaIds.length) throw new MeasureInputError("focusAreas", "measure:validation.foreignFocusArea");

  const ids = [...new Set(input.participants.map((p) => p.municipalityId))];
  if (ids.length !== input.participants.length) throw new MeasureInputError("members", "measure:validation.foreignParticipant");
  if (ids.length) {
    const today = osloToday();
    const memberships = await tx
      .selectFrom("membership")
      .select(["municipality_id", "left_on"])
      .where("cooperation_id", "=", cooperationId)
      .where("municipality_id", "in", ids)
      .execute();
    const current = new Set(memberships.filter((m) => m.left_on === null || m.left_on > today).map((m) => m.municipality_id));
    const ever = new Set(memberships.map((m) => m.municipality_id));
    for (const id of ids) {
      // a former member may stay on a measure it took part in (its history), but cannot be added anew
      if (!ever.has(id) || (!current.has(id) && !previousParticipants.includes(id))) {
        throw new MeasureInputError("members", "measure:validation.foreignParticipant");
      }
    }
  }
  return { focusAreaIds };
}

async function assertNumberFree(tx: Executor, cooperationId: CooperationId, number: number, exceptId?: string): Promise<void> {
  let q = tx.selectFrom("measure").select("id").where("cooperation_id", "=", cooperationId).where("number", "=", number);
  if (exceptId) q = q.where("id", "!=", exceptId);
  if (await q.executeTakeFirst()) throw new MeasureInputError("number", "measure:validation.numberTaken");
}

function measureColumns(input: MeasureInput) {
  return {
    number: input.number,
    name: input.name,
    description: input.description,
    status: input.status,
    status_text: input.statusText,
    priority: input.priority,
    period_from: input.periodFrom,
    period_to: input.periodTo,
    owner: input.owner,
    benefits_text: input.benefitsText,
    investment_cost: input.investmentCost,
    running_cost: input.runningCost,
    financing_text: input.financingText,
    cost_key: input.costKey,
    cost_key_equal_percent: input.costKey === "mixed" ? input.equalPercent : null,
    cost_key_population_year: input.costKey === "population" || input.costKey === "mixed" ? input.populationYear : null,
    all_members: (input.allMembers ? 1 : 0) as 0 | 1,
    introduces_system: (input.introducesSystem ? 1 : 0) as 0 | 1,
    phased_out_systems: JSON.stringify(input.introducesSystem ? input.phasedOutSystems : []),
  };
}

/**
 * The measure's rows in the other tables, written as the difference to what is stored: a row the
 * form left as it was is not touched, and an edited benefit keeps its id, so the realised values
 * the municipalities reported against it (and their open forms) still point at it.
 */
async function writeRelations(
  tx: Transaction<Database>,
  measureId: string,
  input: MeasureInput,
  focusAreaIds: string[],
  before: MeasureDetail | null,
) {
  await replaceSet(tx, "measure_focus_area", "focus_area_id", measureId, before?.focusAreaIds ?? [], focusAreaIds);
  await replaceSet(tx, "measure_goal", "goal_id", measureId, before?.goalIds ?? [], input.goalIds);
  await writeBenefits(tx, measureId, input.benefits, before?.benefits ?? []);
  const participantRows = input.participants.map((p) => ({
    measure_id: measureId,
    municipality_id: p.municipalityId,
    custom_share_bp: input.costKey === "custom" ? p.customShareBp : null,
    from_year: p.fromYear,
    to_year: p.toYear,
  }));
  if (!sameJson(sortedParticipants(before?.participants ?? []), sortedParticipants(input.participants))) {
    await tx.deleteFrom("measure_participant").where("measure_id", "=", measureId).execute();
    await insertRows(tx, "measure_participant", participantRows);
  }
  if (!sameJson(before?.links ?? [], input.links)) {
    await tx.deleteFrom("measure_link").where("measure_id", "=", measureId).execute();
    await insertRows(
      tx,
      "measure_link",
      input.links.map((l, i) => ({
        // links keep the order they were entered in: ids are prefixed with their position
        id: `${String(i).padStart(4, "0")}-${randomUUID()}`,
        measure_id: measureId,
        title: l.title,
        url: l.url,
      })),
    );
  }
}

async function replaceSet(
  tx: Transaction<Database>,
  table: "measure_focus_area" | "measure_goal",
  column: "focus_area_id" | "goal_id",
  measureId: string,
  stored: readonly string[],
  wanted: readonly string[],
) {
  const removed = stored.filter((id) => !wanted.includes(id));
  const added = [...new Set(wanted)].filter((id) => !stored.includes(id));
  if (removed.length) {
    await tx
      .deleteFrom(table)
      .where("measure_id", "=", measureId)
      .where(column as never, "in", removed as never)
      .execute();
  }
  await insertRows(
    tx,
    table,
    added.map((id) => ({ measure_id: measureId, [column]: id }) as never),
  );
}

type Benefit = MeasureInput["benefits"][number];

function benefitColumns(b: Benefit, sortOrder: number) {
  return {
    description: b.description,
    amount: b.amount,
    unit: b.unit,
    owner: b.owner,
    baseline: b.baseline,
    target: b.target,
    measured_when: b.measuredWhen,
    sort_order: sortOrder,
  };
}

/**
 * Benefits by identity: a row with an id edits that benefit (an id of another measure is refused),
 * a row without one adds a benefit, and a benefit no row names is removed — unless municipalities
 * have reported realised values against it, which are not thrown away with a form row.
 */
async function writeBenefits(
  tx: Transaction<Database>,
  measureId: string,
  wanted: readonly Benefit[],
  stored: readonly Benefit[],
) {
  const storedById = new Map(stored.map((b, i) => [b.id!, { benefit: b, sortOrder: i }]));
  const ids = wanted.map((b) => b.id).filter((id): id is string => id !== null);
  if (new Set(ids).size !== ids.length || ids.some((id) => !storedById.has(id))) {
    throw new MeasureInputError("benefits", "measure:validation.foreignBenefit");
  }
  const removed = stored.map((b) => b.id!).filter((id) => !ids.includes(id));
  if (removed.length) {
    const reported = await tx
      .selectFrom("uptake_benefit")
      .select("benefit_id")
      .where("benefit_id", "in", removed)
      .executeTakeFirst();
    if (reported) throw new MeasureInputError("benefits", "measure:validation.benefitInUse");
    await tx.deleteFrom("measure_benefit").where("id", "in", removed).execute();
  }
  for (const [i, b] of wanted.entries()) {
    const columns = benefitColumns(b, i);
    const old = b.id === null ? undefined : storedById.get(b.id);
    if (!old) {
      await tx
        .insertInto("measure_benefit")
        .values({ id: randomUUID(), measure_id: measureId, ...columns })
        .execute();
    } else if (!sameJson(benefitColumns(old.benefit, old.sortOrder), columns)) {
      await tx.updateTable("measure_benefit").set(columns).where("id", "=", old.benefit.id!).execute();
    }
  }
}

const sortedParticipants = (participants: MeasureInput["participants"]) =>
  [...participants]
    .map((p) => ({ municipalityId: p.municipalityId, customShareBp: p.customShareBp, fromYear: p.fromYear, toYear: p.toYear }))
    .sort((a, b) => a.municipalityId.localeCompare(b.municipalityId));

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the form decides about a measure, in one order, to tell whether a save changes anything. */
function comparable(m: MeasureInput, focusAreaIds: readonly string[]) {
  return {
    ...measureColumns(m),
    focusAreaIds: [...focusAreaIds].sort(),
    goalIds: [...new Set(m.goalIds)].sort(),
    benefits: m.benefits,
    participants: sortedParticipants(m.participants),
    links: m.links,
  };
}

/** An insert with no rows is an SQL error, so an empty list inserts nothing. */
async function insertRows<T extends keyof Database & string>(
  tx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
) {
  // Kysely cannot type values() for a table chosen by a type parameter; the rows parameter is typed instead
  if (rows.length === 0) return;
  await tx
    .insertInto(table)
    .values(rows as never)
    .execute();
}

function withoutCustomSharesUnlessCustom(input: MeasureInput): MeasureInput {
  if (input.costKey === "custom") return input;
  // with all members and no custom key there is nothing to store per municipality
  return {
    ...input,
    participants: input.allMembers ? [] : input.participants.map((p) => ({ ...p, customShareBp: null })),
  };
}

/** Creates a measure; returns its number. Throws MeasureInputError. */
export async function createMeasure(
  db: DB,
  { cooperationId, userId, input: raw }: { cooperationId: CooperationId; userId: string; input: MeasureInput },
): Promise<{ id: string; number: number }> {
  const input = withoutCustomSharesUnlessCustom(raw);
  return transact(db, async (tx) => {
    await assertNumberFree(tx, cooperationId, input.number);
    const { focusAreaIds } = await checkReferences(tx, cooperationId, input, []);
    const id = randomUUID();
    const now = new Date().toISOString();
    await tx
      .insertInto("measure")
      .values({ id, cooperation_id: cooperationId, ...measureColumns(input), created_at: now, updated_at: now })
      .execute();
    await writeRelations(tx, id, input, focusAreaIds, null);
    const after = await findMeasure(tx, { cooperationId, number: input.number });
    await recordAudit(tx, {
      cooperationId,
      actorId: userId,
      action: "measure.create",
      entityType: "measure",
      entityId: id,
      after,
    });
    return { id, number: input.number };
  });
}

/**
 * Saves an edit made on the form built from `version`. Someone else saved in between →
 * StaleVersionError and nothing is written.
 */
export async function updateMeasure(
  db: DB,
  {
    cooperationId,
    userId,
    number,
    version,
    input: raw,
  }: { cooperationId: CooperationId; userId: string; number: number; version: number; input: MeasureInput },
): Promise<{ number: number }> {
  const input = withoutCustomSharesUnlessCustom(raw);
  return transact(db, async (tx) => {
    const before = await findMeasure(tx, { cooperationId, number });
    if (!before) throw new StaleVersionError("measure");
    if (before.version !== version) throw new StaleVersionError("measure");
    await assertNumberFree(tx, cooperationId, input.number, before.id);
    const { focusAreaIds } = await checkReferences(
      tx,
      cooperationId,
      input,
      before.participants.map((p) => p.municipalityId),
    );
    // a form sent back as it was shown changes nothing: no new version, no audit event
    if (sameJson(comparable(before, before.focusAreaIds), comparable(input, focusAreaIds))) return { number: input.number };
    const result = await tx
      .updateTable("measure")
      .set((eb) => ({ ...measureColumns(input), version: eb("version", "+", 1), updated_at: new Date().toISOString() }))
      .where("id", "=", before.id)
      .where("cooperation_id", "=", cooperationId)
      .where("version", "=", version)
      .executeTakeFirst();
    expectVersionedUpdate(result, "measure");
    await writeRelations(tx, before.id, input, focusAreaIds, before);
    const after = await findMeasure(tx, { cooperationId, number: input.number });
    await recordAudit(tx, {
      cooperationId,
      actorId: userId,
      action: "measure.update",
      entityType: "measure",
      entityId: before.id,
      before,
      after,
    });
    return { number: input.number };
  });
}

/** Seed 004 ch. 4: a measure that brings in a new system needs a plan per benefit (owner, baseline, target, when). */
export function hasBenefitsRealisationPlan(m: Pick<MeasureDetail, "introducesSystem" | "benefits">): boolean {
  if (!m.introducesSystem) return true;
  return m.benefits.length > 0 && m.benefits.every((b) => b.owner && b.baseline && b.target && b.measuredWhen);
}
