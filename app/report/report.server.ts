import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import type { Language } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { overviewCache } from "../overview/cache.server";
import { asOfDate, overviewFigures } from "../overview/overview.server";
import type { PlanSnapshot } from "../plan/snapshot.server";
import { expectVersionedUpdate, transact } from "../utils/concurrency.server";
import { RuleBrokenError, StaleVersionError } from "../utils/errors.server";
import {
  FIGURES_FORMAT,
  REPORT_SECTIONS,
  type CommentFigure,
  type RealisedBenefitFigure,
  type ReportDocument,
  type ReportFigures,
  type ReportSection,
} from "./figures";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * The annual status report (årleg statusrapport): figures computed from the data for a year plus
 * the secretariat's narrative per section. While a draft, the figures are computed afresh on
 * every view (a preview); publishing stores them as they are that day, and from then on the
 * report — figures and text — cannot change (here and in the database, migration 2100).
 */

export class ReportPublishedError extends RuleBrokenError {
  constructor() {
    super("report:alreadyPublished");
  }
}

export type Narrative = Partial<Record<ReportSection, string>>;

export interface ReportRow {
  id: string;
  year: number;
  narrative: Narrative;
  publishedAt: string | null;
  publishedBy: string | null;
  version: number;
  updatedAt: string;
}

function parseNarrative(json: string): Narrative {
  const value = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(
    REPORT_SECTIONS.filter((s) => typeof value[s] === "string" && value[s]).map((s) => [s, value[s] as string]),
  );
}

export async function listReports(db: DB, { cooperationId }: { cooperationId: CooperationId }) {
  return db
    .selectFrom("annual_report")
    .leftJoin("app_user", "app_user.id", "annual_report.published_by")
    .select(["annual_report.year", "annual_report.published_at", "app_user.name as published_by", "annual_report.updated_at"])
    .where("annual_report.cooperation_id", "=", cooperationId)
    .orderBy("annual_report.year", "desc")
    .execute();
}

export async function findReport(
  db: DB,
  { cooperationId, year }: { cooperationId: CooperationId; year: number },
): Promise<ReportRow | null> {
  const row = await db
    .selectFrom("annual_report")
    .leftJoin("app_user", "app_user.id", "annual_report.published_by")
    .select([
      "annual_report.id",
      "annual_report.year",
      "annual_report.narrative",
      "annual_report.published_at",
      "app_user.name as published_by",
      "annual_report.version",
      "annual_report.updated_at",
    ])
    .where("annual_report.cooperation_id", "=", cooperationId)
    .where("annual_report.year", "=", year)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    year: row.year,
    narrative: parseNarrative(row.narrative),
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Starts the year's report as an empty draft (nothing happens when it exists). */
export async function createReport(
  db: DB,
  { cooperationId, userId, year }: { cooperationId: CooperationId; userId: string; year: number },
) {
  await transact(db, async (trx) => {
    if (await findReport(trx, { cooperationId, year })) return;
    const now = new Date().toISOString();
    const id = randomUUID();
    await trx
      .insertInto("annual_report")
      .values({
        id,
        cooperation_id: cooperationId,
        year,
        narrative: "{}",
        figures: null,
        published_at: null,
        published_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "report.create",
      entityType: "annual_report",
      entityId: id,
      after: { year },
    });
  });
}

/** Saves the narrative of a draft; refused when someone saved or published in between. */
export async function saveNarrative(
  db: DB,
  {
    cooperationId,
    userId,
    year,
    version,
    narrative,
  }: { cooperationId: CooperationId; userId: string; year: number; version: number; narrative: Narrative },
): Promise<void> {
  await transact(db, async (trx) => {
    const report = await findDraft(trx, { cooperationId, year });
    // a form sent back as it was shown changes nothing: no new version, no audit event
    if (sameNarrative(report.narrative, narrative)) return;
    const result = await trx
      .updateTable("annual_report")
      .set((eb) => ({
        narrative: JSON.stringify(narrative),
        version: eb("version", "+", 1),
        updated_at: new Date().toISOString(),
      }))
      .where("id", "=", report.id)
      .where("version", "=", version)
      .where("published_at", "is", null)
      .executeTakeFirst();
    expectVersionedUpdate(result, "annual_report");
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "report.narrative",
      entityType: "annual_report",
      entityId: report.id,
      before: report.narrative,
      after: narrative,
    });
  });
}

/** An empty section is no section: the stored narrative leaves it out, a form sends it empty. */
function sameNarrative(stored: Narrative, sent: Narrative): boolean {
  return REPORT_SECTIONS.every((s) => (stored[s] ?? "") === (sent[s] ?? ""));
}

/** The year's report while it can still change: gone is a stale form, published is frozen. */
async function findDraft(db: DB, scope: { cooperationId: CooperationId; year: number }): Promise<ReportRow> {
  const report = await findReport(db, scope);
  if (!report) throw new StaleVersionError("annual_report");
  if (report.publishedAt) throw new ReportPublishedError();
  return report;
}

/** Publishes the report: its figures are computed and stored as they are now, and it is frozen. */
export async function publishReport(
  db: DB,
  {
    cooperationId,
    userId,
    year,
    version,
    now = new Date(),
  }: { cooperationId: CooperationId; userId: string; year: number; version: number; now?: Date },
): Promise<void> {
  await transact(db, async (trx) => {
    const report = await findDraft(trx, { cooperationId, year });
    const figures = await computeReportFigures(trx, { cooperationId, year, now });
    const publishedAt = now.toISOString();
    const result = await trx
      .updateTable("annual_report")
      .set((eb) => ({
        figures: JSON.stringify(figures),
        published_at: publishedAt,
        published_by: userId,
        version: eb("version", "+", 1),
        updated_at: publishedAt,
      }))
      .where("id", "=", report.id)
      .where("version", "=", version)
      .where("published_at", "is", null)
      .executeTakeFirst();
    expectVersionedUpdate(result, "annual_report");
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "report.publish",
      entityType: "annual_report",
      entityId: report.id,
      after: { year, publishedAt },
    });
  });
}

/**
 * The report as the exports and the page show it: frozen figures when published, otherwise a
 * preview computed once per data version (every download and view of a draft would otherwise
 * gather all of the year's figures again).
 */
export async function reportDocument(
  db: DB,
  { cooperationId, year, language }: { cooperationId: CooperationId; year: number; language: Language },
): Promise<ReportDocument | null> {
  const report = await findReport(db, { cooperationId, year });
  return report && reportDocumentOf(db, report, { cooperationId, year, language });
}

/** The document of a report already read (see reportDocument). */
export async function reportDocumentOf(
  db: DB,
  report: ReportRow,
  { cooperationId, year, language }: { cooperationId: CooperationId; year: number; language: Language },
): Promise<ReportDocument> {
  const stored = report.publishedAt
    ? await db.selectFrom("annual_report").select("figures").where("id", "=", report.id).executeTakeFirstOrThrow()
    : null;
  const figures = stored?.figures
    ? (JSON.parse(stored.figures) as ReportFigures)
    : await draftFigures(db, { cooperationId, year });
  return { figures, narrative: report.narrative, language, publishedAt: report.publishedAt, publishedBy: report.publishedBy };
}

async function draftFigures(
  db: DB,
  { cooperationId, year }: { cooperationId: CooperationId; year: number },
): Promise<ReportFigures> {
  const cache = await overviewCache(db, cooperationId);
  return cache.get(`report-figures|${year}`, () => computeReportFigures(db, { cooperationId, year }));
}

/** Everything the report shows for a year, from a fixed number of set-based queries. */
export async function computeReportFigures(
  db: DB,
  { cooperationId, year, now = new Date() }: { cooperationId: CooperationId; year: number; now?: Date },
): Promise<ReportFigures> {
  const [cooperation, overview, plan, benefits, comments] = await Promise.all([
    db.selectFrom("cooperation").select(["name", "slug"]).where("id", "=", cooperationId).executeTakeFirstOrThrow(),
    overviewFigures(db, { cooperationId, year }),
    approvedPlan(db, { cooperationId, year }),
    realisedBenefits(db, { cooperationId, date: asOfDate(year) }),
    yearComments(db, { cooperationId, year }),
  ]);
  const uptake = new Map(overview.matrix.groups.flatMap((g) => g.measures).map((m) => [m.number, m.uptake]));
  const none = { relevant: 0, inUse: 0, ratio: null };
  return {
    format: FIGURES_FORMAT,
    cooperation,
    year,
    computedAt: now.toISOString(),
    plan: plan && {
      versionNo: plan.versionNo,
      approvedOn: plan.decision.decidedOn,
      items: plan.items
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((i) => ({
          number: i.measure.number,
          name: i.measure.name,
          status: i.measure.status,
          statusText: i.measure.statusText,
          budget: i.budget,
          priority: i.priority,
          milestones: i.milestones,
          uptake: uptake.get(i.measure.number) ?? none,
        })),
    },
    matrix: overview.matrix,
    progress: overview.progress,
    costs: overview.costs,
    benefits,
    comments,
  };
}

/** The approved version of a year's plan (its immutable snapshot), or null. */
export async function approvedPlan(db: DB, scope: { cooperationId: CooperationId; year: number }): Promise<PlanSnapshot | null> {
  const version = await approvedPlanVersion(db, scope);
  return version && planVersionSnapshot(db, version.id);
}

/** The approved version of a year's plan, without its snapshot (read only to make its PDF), or null. */
export async function approvedPlanVersion(
  db: DB,
  { cooperationId, year }: { cooperationId: CooperationId; year: number },
): Promise<{ id: string; versionNo: number } | null> {
  const row = await db
    .selectFrom("plan_version")
    .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
    .select(["plan_version.id", "plan_version.version_no"])
    .where("action_plan.cooperation_id", "=", cooperationId)
    .where("action_plan.year", "=", year)
    .where("plan_version.status", "=", "approved")
    .where("plan_version.snapshot", "is not", null)
    .orderBy("plan_version.version_no", "desc")
    .executeTakeFirst();
  return row ? { id: row.id, versionNo: row.version_no } : null;
}

/** The immutable snapshot of an approved (or superseded) plan version. */
export async function planVersionSnapshot(db: DB, versionId: string): Promise<PlanSnapshot> {
  const row = await db.selectFrom("plan_version").select("snapshot").where("id", "=", versionId).executeTakeFirstOrThrow();
  if (!row.snapshot) throw new Error(`plan version ${versionId} has no snapshot`);
  return JSON.parse(row.snapshot) as PlanSnapshot;
}

/** Each municipality's latest realised amount per expected benefit, as reported up to the date. */
async function realisedBenefits(
  db: DB,
  { cooperationId, date }: { cooperationId: CooperationId; date: string },
): Promise<RealisedBenefitFigure[]> {
  const rows = await db
    .selectFrom("uptake_benefit")
    .innerJoin("uptake_report", "uptake_report.id", "uptake_benefit.report_id")
    .innerJoin("measure_benefit", "measure_benefit.id", "uptake_benefit.benefit_id")
    .innerJoin("measure", "measure.id", "uptake_report.measure_id")
    .innerJoin("municipality", "municipality.id", "uptake_report.municipality_id")
    .select([
      "measure.number",
      "measure.name as measure_name",
      "municipality.name as municipality_name",
      "uptake_report.municipality_id",
      "measure_benefit.id as benefit_id",
      "measure_benefit.description",
      "measure_benefit.unit",
      "measure_benefit.amount as expected",
      "uptake_benefit.amount",
    ])
    .where("uptake_report.cooperation_id", "=", cooperationId)
    .where("uptake_report.effective_date", "<=", date)
    // applied in the order they take effect, so the one kept is the one in effect on the day
    .orderBy("uptake_report.effective_date")
    .orderBy("uptake_report.seq")
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(`${r.benefit_id}|${r.municipality_id}`, r);
  return [...latest.values()]
    .sort((a, b) => a.number - b.number || a.municipality_name.localeCompare(b.municipality_name, "nb"))
    .map((r) => ({
      measureNumber: r.number,
      measureName: r.measure_name,
      municipality: r.municipality_name,
      description: r.description,
      amount: r.amount,
      unit: r.unit,
      expected: r.expected,
    }));
}

/** The comments reporters gave with their uptake reports during the year. */
async function yearComments(
  db: DB,
  { cooperationId, year }: { cooperationId: CooperationId; year: number },
): Promise<CommentFigure[]> {
  const rows = await db
    .selectFrom("uptake_report")
    .innerJoin("measure", "measure.id", "uptake_report.measure_id")
    .innerJoin("municipality", "municipality.id", "uptake_report.municipality_id")
    .leftJoin("app_user", "app_user.id", "uptake_report.reporter_id")
    .select([
      "measure.number",
      "measure.name as measureName",
      "municipality.name as municipality",
      "app_user.name as author",
      "uptake_report.effective_date",
      "uptake_report.comment",
    ])
    .where("uptake_report.cooperation_id", "=", cooperationId)
    .where("uptake_report.effective_date", ">=", `${year}-01-01`)
    .where("uptake_report.effective_date", "<=", `${year}-12-31`)
    .where("uptake_report.comment", "!=", "")
    .orderBy("uptake_report.effective_date")
    .orderBy("measure.number")
    .execute();
  return rows.map((r) => ({
    measureNumber: r.number,
    measureName: r.measureName,
    municipality: r.municipality,
    author: r.author ?? "",
    date: r.effective_date,
    text: r.comment,
  }));
}
