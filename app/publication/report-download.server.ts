import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { contentDisposition } from "../report/export/content-disposition.server";
import { reportCsv } from "../report/export/csv.server";
import { reportPdf } from "../report/export/pdf.server";
import { reportXlsx } from "../report/export/xlsx.server";
import { reportFileName, type ReportDocument } from "../report/figures";
import { unchangingPdf } from "../report/kept-pdf.server";
import { notFound } from "../utils/errors.server";
import { publicResponse } from "./http.server";
import { publicPage } from "./page.server";
import { publicReport } from "./pages.server";

export type PublicReportFormat = "pdf" | "csv" | "xlsx";

const CONTENT_TYPE: Record<PublicReportFormat, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A published report's file for anyone (`/public/{slug}/reports/{year}.{format}`), in the
 * language the address asks for: the public copy, without the names of users. A report is
 * frozen when published, so its files change only with the language.
 */
export async function publicReportDownload(args: LoaderFunctionArgs, format: PublicReportFormat): Promise<Response> {
  const { scope, language, etag } = await publicPage(args, "reports");
  const year = requireYearParam(args.params.year);
  const doc = await publicReport(db(), scope, year, language);
  if (!doc?.publishedAt) throw notFound();
  const headers = {
    "Content-Type": CONTENT_TYPE[format],
    "Content-Disposition": contentDisposition(reportFileName(scope.slug, year, true, format)),
  };
  return publicResponse(args.request, etag, () => body(doc, format, `${scope.cooperationId}|${year}|${language}`), headers);
}

async function body(doc: ReportDocument, format: PublicReportFormat, key: string): Promise<BodyInit> {
  if (format === "csv") return reportCsv(doc);
  if (format === "xlsx") return new Uint8Array(await reportXlsx(doc));
  const pdf = await unchangingPdf(`public|${key}|${doc.publishedAt}`, () => reportPdf(doc));
  return new Uint8Array(pdf.bytes);
}
