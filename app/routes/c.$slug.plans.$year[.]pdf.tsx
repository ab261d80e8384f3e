import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCooperationRole, requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { resolveLanguage } from "../cooperation/language.server";
import { approvedPlanPdf } from "../report/frozen-pdfs.server";
import { frozenPdf, pdfResponse } from "../report/kept-pdf.server";
import { approvedPlanVersion } from "../report/report.server";

/** The approved action plan of a year as an A4 PDF, made once per language from its immutable snapshot. */
export async function loader(args: LoaderFunctionArgs) {
  const started = performance.now();
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = requireYearParam(args.params.year);
  const version = await approvedPlanVersion(db(), { cooperationId: scope.cooperationId, year });
  if (!version) throw notFound();
  const language = await resolveLanguage(args, scope.slug);
  const gathered = performance.now();
  const pdf = await frozenPdf(db(), approvedPlanPdf(db(), { id: version.id, cooperationName: scope.name }, language));
  return pdfResponse(args.request, pdf, {
    fileName: `${scope.slug}-handlingsplan-${year}-v${version.versionNo}.pdf`,
    timing: `data;dur=${(gathered - started).toFixed(1)}, render;dur=${(performance.now() - gathered).toFixed(1)}`,
  });
}
