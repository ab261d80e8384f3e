import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCooperationRole, requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { resolveLanguage } from "../cooperation/language.server";
import { contentDisposition } from "./export/content-disposition.server";
import { reportCsv } from "./export/csv.server";
import { reportPdf } from "./export/pdf.server";
import { reportXlsx } from "./export/xlsx.server";
import { reportFileName } from "./figures";
import { publishedReportPdf } from "./frozen-pdfs.server";
import { draftPdf, frozenPdf, pdfResponse } from "./kept-pdf.server";
import { findReport, reportDocument, reportDocumentOf } from "./report.server";

export type ReportFormat = "pdf" | "csv" | "xlsx";

/** The spreadsheet formats, made from the figures on every request (they are fast to make). */
type TableFormat = Exclude<ReportFormat, "pdf">;

const CONTENT_TYPE: Record<TableFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A report download (`/c/{slug}/reports/{year}.{format}`), for every member: the published
 * report as frozen, a draft as a preview, in the reader's language. Server-Timing splits
 * gathering the figures from making the file.
 */
export async function reportDownload(args: LoaderFunctionArgs, format: TableFormat): Promise<Response> {
  const started = performance.now();
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = requireYearParam(args.params.year);
  const language = await resolveLanguage(args, scope.slug);
  const doc = await reportDocument(db(), { cooperationId: scope.cooperationId, year, language });
  if (!doc) throw notFound();
  const gathered = performance.now();
  const body = format === "csv" ? reportCsv(doc) : new Uint8Array(await reportXlsx(doc));
  const made = performance.now();
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPE[format],
      "Content-Disposition": contentDisposition(reportFileName(scope.slug, year, doc.publishedAt !== null, format)),
      "Cache-Control": "private, no-store",
      "Server-Timing": `data;dur=${(gathered - started).toFixed(1)}, render;dur=${(made - gathered).toFixed(1)}`,
    },
  });
}

/**
 * The report as PDF (`/c/{slug}/reports/{year}.pdf`), for every member: a published report's is
 * made once and kept (kept-pdf.server.ts); a draft's is kept while its version and figures stay
 * the same. "data" is reading the report (and a draft's figures), "render" making or fetching the file.
 */
export async function reportPdfDownload(args: LoaderFunctionArgs): Promise<Response> {
  const started = performance.now();
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = requireYearParam(args.params.year);
  const language = await resolveLanguage(args, scope.slug);
  const report = await findReport(db(), { cooperationId: scope.cooperationId, year });
  if (!report) throw notFound();
  const draft = report.publishedAt
    ? null
    : await reportDocumentOf(db(), report, { cooperationId: scope.cooperationId, year, language });
  const gathered = performance.now();
  const pdf = draft
    ? await draftPdf(`${report.id}|${report.version}|${language}`, draft.figures, () => reportPdf(draft))
    : await frozenPdf(db(), publishedReportPdf(db(), { id: report.id, cooperationId: scope.cooperationId, year }, language));
  return pdfResponse(args.request, pdf, {
    fileName: reportFileName(scope.slug, year, !draft, "pdf"),
    timing: `data;dur=${(gathered - started).toFixed(1)}, render;dur=${(performance.now() - gathered).toFixed(1)}`,
  });
}
