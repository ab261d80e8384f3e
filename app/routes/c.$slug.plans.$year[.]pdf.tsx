import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCooperationRole, requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { resolveLanguage } from "../cooperation/language.server";
import { contentDisposition } from "../report/export/content-disposition.server";
import { planPdf } from "../report/export/pdf.server";
import { approvedPlan } from "../report/report.server";

/** The approved action plan of a year as an A4 PDF, made from its immutable snapshot. */
export async function loader(args: LoaderFunctionArgs) {
  const started = performance.now();
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = requireYearParam(args.params.year);
  const snapshot = await approvedPlan(db(), { cooperationId: scope.cooperationId, year });
  if (!snapshot) throw notFound();
  const language = await resolveLanguage(args, scope.slug);
  const gathered = performance.now();
  const pdf = await planPdf(snapshot, { cooperationName: scope.name, language });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(`${scope.slug}-handlingsplan-${year}-v${snapshot.versionNo}.pdf`),
      "Cache-Control": "private, no-store",
      "Server-Timing": `data;dur=${(gathered - started).toFixed(1)}, render;dur=${(performance.now() - gathered).toFixed(1)}`,
    },
  });
}
