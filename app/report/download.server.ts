import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCooperationRole, requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { resolveLanguage } from "../cooperation/language.server";
import { contentDisposition } from "./export/content-disposition.server";
import { reportCsv } from "./export/csv.server";
import { reportPdf } from "./export/pdf.server";
import { reportXlsx } from "./export/xlsx.server";
import { reportFileName } from "./figures";
import { reportDocument } from "./report.server";

export type ReportFormat = "pdf" | "csv" | "xlsx";

const CONTENT_TYPE: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A report download (`/c/{slug}/reports/{year}.{format}`), for every member: the published
 * report as frozen, a draft as a preview, in the reader's language. Server-Timing splits
 * gathering the figures from making the file.
 */
export async function reportDownload(args: LoaderFunctionArgs, format: ReportFormat): Promise<Response> {
  const started = performance.now();
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = requireYearParam(args.params.year);
  const language = await resolveLanguage(args, scope.slug);
  const doc = await reportDocument(db(), { cooperationId: scope.cooperationId, year, language });
  if (!doc) throw notFound();
  const gathered = performance.now();
  const body =
    format === "csv" ? reportCsv(doc) : new Uint8Array(format === "pdf" ? await reportPdf(doc) : await reportXlsx(doc));
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
