import { sql } from "kysely";
import type { DB } from "../../db/connect";
import type { Language } from "../../db/schema";
import type { BackgroundJob } from "../jobs/background.server";
import { planPdf, reportPdf } from "./export/pdf.server";
import { makeFrozenPdf, type FrozenPdfSource } from "./kept-pdf.server";
import { planVersionSnapshot, reportDocument } from "./report.server";
import { storedCooperationId } from "../cooperation/scope.server";

/*
 * What the PDFs of frozen records are made from, and the background job that makes them when a
 * report is published or a plan version approved, so that its first reader need not wait.
 */

export function publishedReportPdf(
  db: DB,
  report: { id: string; cooperationId: string; year: number },
  language: Language,
): FrozenPdfSource {
  return {
    kind: "report",
    recordId: report.id,
    language,
    render: async () => {
      const doc = await reportDocument(db, {
        cooperationId: storedCooperationId(report.cooperationId),
        year: report.year,
        language,
      });
      if (!doc?.publishedAt) throw new Error(`annual report ${report.id} is not published`);
      return reportPdf(doc);
    },
  };
}

export function approvedPlanPdf(db: DB, version: { id: string; cooperationName: string }, language: Language): FrozenPdfSource {
  return {
    kind: "plan",
    recordId: version.id,
    language,
    render: async () =>
      planPdf(await planVersionSnapshot(db, version.id), { cooperationName: version.cooperationName, language }),
  };
}

/**
 * Records frozen since `since` without a PDF in their cooperation's language (most readers read in
 * it; the other languages are made when first asked for). Superseded plan versions are not served
 * as PDF. An approved version's `updated_at` is its approval: nothing changes it after that.
 */
async function missingPdfs(db: DB, since: string): Promise<FrozenPdfSource[]> {
  const stored = (kind: "report" | "plan", id: "annual_report.id" | "plan_version.id") =>
    sql<boolean>`exists (select 1 from frozen_pdf where frozen_pdf.record_kind = ${kind}
      and frozen_pdf.record_id = ${sql.ref(id)} and frozen_pdf.language = cooperation.default_language)`;
  const [reports, plans] = await Promise.all([
    db
      .selectFrom("annual_report")
      .innerJoin("cooperation", "cooperation.id", "annual_report.cooperation_id")
      .select(["annual_report.id", "annual_report.cooperation_id", "annual_report.year", "cooperation.default_language"])
      .where("annual_report.published_at", ">=", since)
      .where((eb) => eb.not(stored("report", "annual_report.id")))
      .orderBy("annual_report.published_at")
      .execute(),
    db
      .selectFrom("plan_version")
      .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
      .innerJoin("cooperation", "cooperation.id", "action_plan.cooperation_id")
      .select(["plan_version.id", "cooperation.name", "cooperation.default_language"])
      .where("plan_version.status", "=", "approved")
      .where("plan_version.snapshot", "is not", null)
      .where("plan_version.updated_at", ">=", since)
      .where((eb) => eb.not(stored("plan", "plan_version.id")))
      .orderBy("plan_version.updated_at")
      .execute(),
  ]);
  return [
    ...reports.map((r) =>
      publishedReportPdf(db, { id: r.id, cooperationId: r.cooperation_id, year: r.year }, r.default_language),
    ),
    ...plans.map((p) => approvedPlanPdf(db, { id: p.id, cooperationName: p.name }, p.default_language)),
  ];
}

/** Long enough to catch up after a stop; older records without a PDF get one on their first request. */
const CATCH_UP_MS = 7 * 24 * 3600_000;

/**
 * The background job that makes the missing PDFs of recently frozen records, one after another.
 * After `budgetMs` it leaves the rest to the next tick, so that it does not hold up the other jobs
 * for long (they run in turn). Years of records frozen before are not all rendered at once.
 */
export function frozenPdfJob(db: DB, { budgetMs = 10_000 }: { budgetMs?: number } = {}): BackgroundJob {
  return {
    name: "frozen-pdfs",
    run: async (now) => {
      const started = performance.now();
      for (const source of await missingPdfs(db, new Date(now.getTime() - CATCH_UP_MS).toISOString())) {
        if (performance.now() - started > budgetMs) return;
        // one record that cannot be rendered must not keep the others from being made
        await makeFrozenPdf(db, source).catch((error: unknown) => {
          console.error(`[job frozen-pdfs] ${source.kind} ${source.recordId} (${source.language}):`, error);
        });
      }
    },
  };
}
