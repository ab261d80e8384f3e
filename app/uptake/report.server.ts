import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import { isPostgres } from "../../db/dialect";
import type { UptakeStatus } from "../../db/schema";
import { isBackwards, type BulkUptakeInput, type UptakeReportInput } from "@shared-schema/uptake";
import { osloToday } from "@shared-schema/dates";
import { recordAudit } from "../audit/audit.server";
import { openRoundByMeasure } from "../round/open-rounds.server";
import { transact } from "../utils/concurrency.server";
import { measuresOf } from "../cooperation/participation.server";
import { inEffectOn, type DatedReport } from "./uptake";
import type { CooperationId } from "../cooperation/scope.server";
import { NotFoundError, RuleBrokenError } from "../utils/errors.server";
import type { TextKey } from "../i18n/config";

/*
 * Saving uptake reports. Every report is kept (the current status is the one with the highest
 * `seq`); a save of several reports is one transaction, all or nothing. Two reporters saving the
 * same measure at once both succeed, one after the other: on PostgreSQL they queue on a lock of
 * the measure rows, and the unique (measure, municipality, seq) index is the backstop that makes a
 * save that still collides retry with the next number.
 */

export interface ReportToSave extends Omit<UptakeReportInput, "currentStatus"> {
  measureId: string;
}

export interface RowError {
  /** index of the report in the list given to saveUptakeReports */
  index: number;
  field: "comment" | "benefits";
  messageKey: TextKey;
}

/**
 * One or more reports cannot be saved as they are; nothing was saved. `fieldOf` names a row's
 * field as the form that sent it does.
 */
export class UptakeRowErrors extends RuleBrokenError {
  constructor(
    readonly errors: RowError[],
    fieldOf: (error: RowError) => string = (error) => error.field,
  ) {
    super(errors[0].messageKey, Object.fromEntries(errors.map((error) => [fieldOf(error), error.messageKey])));
  }
}

/** The municipality does not take part in the measure (or the measure is not the cooperation's). */
export class NotParticipatingError extends NotFoundError {}

/** A bulk save in which no row asks for a report. */
export class NothingToSaveError extends RuleBrokenError {
  constructor() {
    super("uptake:validation.nothingToSave");
  }
}

interface Scope {
  cooperationId: CooperationId;
  municipalityId: string;
  userId: string;
}

/** Every report of one municipality per measure, in the order they were saved. */
async function reportsByMeasure(
  db: DB,
  {
    cooperationId,
    municipalityId,
    measureIds,
  }: { cooperationId: CooperationId; municipalityId: string; measureIds?: readonly string[] },
): Promise<Map<string, DatedReport[]>> {
  if (measureIds?.length === 0) return new Map();
  let query = db
    .selectFrom("uptake_report")
    .select(["measure_id", "status", "effective_date", "seq"])
    .where("cooperation_id", "=", cooperationId)
    .where("municipality_id", "=", municipalityId)
    .orderBy("seq");
  if (measureIds) query = query.where("measure_id", "in", [...measureIds]);
  const result = new Map<string, DatedReport[]>();
  for (const r of await query.execute()) {
    const list = result.get(r.measure_id) ?? [];
    list.push({ status: r.status, effectiveDate: r.effective_date, seq: r.seq });
    result.set(r.measure_id, list);
  }
  return result;
}

/** Per measure of one municipality: the status in effect today and the number of its last report. */
export async function currentReports(
  db: DB,
  {
    cooperationId,
    municipalityId,
    measureIds,
  }: { cooperationId: CooperationId; municipalityId: string; measureIds?: readonly string[] },
): Promise<Map<string, { status: UptakeStatus; seq: number }>> {
  const today = osloToday();
  const current = new Map<string, { status: UptakeStatus; seq: number }>();
  for (const [measureId, reports] of await reportsByMeasure(db, { cooperationId, municipalityId, measureIds })) {
    const inEffect = inEffectOn(reports, today);
    if (inEffect) current.set(measureId, { status: inEffect.status, seq: reports[reports.length - 1].seq });
  }
  return current;
}

/**
 * Saves reports for the municipality of the session, all or nothing. Refuses a measure the
 * municipality does not take part in today, a step back without a comment (against the status in
 * effect on the report's date at the moment of saving, not the one the form showed), and a benefit
 * that is not one of the measure's expected benefits.
 */
export async function saveUptakeReports(
  db: DB,
  {
    cooperationId,
    municipalityId,
    userId,
    reports,
    now = new Date(),
    fieldOf,
  }: Scope & { reports: ReportToSave[]; now?: Date; fieldOf?: (error: RowError) => string },
): Promise<string[]> {
  return transact(db, (trx) => insertReports(trx, { cooperationId, municipalityId, userId, reports, now, fieldOf }));
}

async function insertReports(
  trx: DB,
  {
    cooperationId,
    municipalityId,
    userId,
    reports,
    now,
    fieldOf,
  }: Scope & { reports: ReportToSave[]; now: Date; fieldOf?: (error: RowError) => string },
): Promise<string[]> {
  const measureIds = [...new Set(reports.map((r) => r.measureId))].sort();
  // PostgreSQL: concurrent saves on the same measures queue here (in one lock order, so no
  // deadlock) instead of all racing for the next seq; SQLite already runs one writer at a time.
  if (isPostgres(trx)) {
    await trx.selectFrom("measure").select("id").where("id", "in", measureIds).orderBy("id").forUpdate().execute();
  }
  const taking = await measuresOf(trx, { cooperationId, municipalityId, date: osloToday(now) });
  if (measureIds.some((id) => !taking.has(id))) throw new NotParticipatingError();

  const [history, rounds, benefits] = await Promise.all([
    reportsByMeasure(trx, { cooperationId, municipalityId, measureIds }),
    openRoundByMeasure(trx, { cooperationId, measureIds }),
    trx.selectFrom("measure_benefit").select(["id", "measure_id"]).where("measure_id", "in", measureIds).execute(),
  ]);
  const benefitOf = new Map(benefits.map((b) => [b.id, b.measure_id]));

  const errors: RowError[] = [];
  reports.forEach((r, index) => {
    if (isBackwards(inEffectOn(history.get(r.measureId) ?? [], r.effectiveDate)?.status, r.status) && !r.comment) {
      errors.push({ index, field: "comment", messageKey: "uptake:validation.backwardsNeedsComment" });
    }
    if (r.benefits.some((b) => benefitOf.get(b.benefitId) !== r.measureId)) {
      errors.push({ index, field: "benefits", messageKey: "uptake:validation.benefit" });
    }
  });
  if (errors.length) throw new UptakeRowErrors(errors, fieldOf);

  const createdAt = now.toISOString();
  const ids: string[] = [];
  for (const r of reports) {
    const reports = history.get(r.measureId) ?? [];
    const previous = inEffectOn(reports, r.effectiveDate);
    const row = {
      id: randomUUID(),
      cooperation_id: cooperationId,
      measure_id: r.measureId,
      municipality_id: municipalityId,
      status: r.status,
      comment: r.comment,
      effective_date: r.effectiveDate,
      decision_reference: r.decisionReference,
      evidence_url: r.evidenceUrl,
      realised_benefit_text: r.realisedBenefitText,
      reporter_id: userId,
      round_id: rounds.get(r.measureId)?.id ?? null,
      derived_from_report_id: null,
      seq: (reports[reports.length - 1]?.seq ?? 0) + 1,
      created_at: createdAt,
    };
    await trx.insertInto("uptake_report").values(row).execute();
    if (r.benefits.length) {
      await trx
        .insertInto("uptake_benefit")
        .values(r.benefits.map((b) => ({ report_id: row.id, benefit_id: b.benefitId, amount: b.amount })))
        .execute();
    }
    history.set(r.measureId, [...reports, { status: r.status, effectiveDate: r.effectiveDate, seq: row.seq }]);
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "uptake.report",
      entityType: "uptake_report",
      entityId: row.id,
      before: previous ? { status: previous.status } : undefined,
      after: { ...row, benefits: r.benefits },
    });
    ids.push(row.id);
  }
  return ids;
}

/**
 * The bulk form's rows that become reports: a changed status, a comment, or — while a round asks
 * for the measure and the municipality has not answered it yet — the status as shown, confirmed.
 */
export async function saveBulkUptake(
  db: DB,
  { cooperationId, municipalityId, userId, input, now = new Date() }: Scope & { input: BulkUptakeInput; now?: Date },
): Promise<{ saved: number }> {
  const measureIds = input.rows.map((r) => r.measureId);
  const [current, pending] = await Promise.all([
    currentReports(db, { cooperationId, municipalityId, measureIds }),
    unansweredRoundMeasures(db, { cooperationId, municipalityId, measureIds }),
  ]);
  const chosen = input.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.status !== current.get(row.measureId)?.status || row.comment || pending.has(row.measureId));
  if (chosen.length === 0) throw new NothingToSaveError();
  await saveUptakeReports(db, {
    cooperationId,
    municipalityId,
    userId,
    now,
    reports: chosen.map(({ row }) => ({
      measureId: row.measureId,
      status: row.status,
      comment: row.comment,
      effectiveDate: input.effectiveDate,
      decisionReference: null,
      evidenceUrl: null,
      realisedBenefitText: null,
      benefits: [],
    })),
    // errors name the rows of the form, not of the chosen subset
    fieldOf: (error) => `rows[${chosen[error.index].index}].${error.field}`,
  });
  return { saved: chosen.length };
}

/** Measures an open round asks this municipality about that it has not answered in that round. */
export async function unansweredRoundMeasures(
  db: DB,
  {
    cooperationId,
    municipalityId,
    measureIds,
  }: { cooperationId: CooperationId; municipalityId: string; measureIds: readonly string[] },
): Promise<Set<string>> {
  const rounds = await openRoundByMeasure(db, { cooperationId, measureIds });
  if (rounds.size === 0) return new Set();
  const answered = await db
    .selectFrom("uptake_report")
    .select(["measure_id", "round_id"])
    .where("cooperation_id", "=", cooperationId)
    .where("municipality_id", "=", municipalityId)
    .where("round_id", "in", [...new Set([...rounds.values()].map((r) => r.id))])
    .execute();
  const done = new Set(answered.map((a) => `${a.measure_id}|${a.round_id}`));
  return new Set([...rounds].filter(([measureId, round]) => !done.has(`${measureId}|${round.id}`)).map(([m]) => m));
}
