import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireCooperationRole } from "../auth/guards.server";
import { db } from "../db.server";
import { resolveLanguage } from "../i18n/language.server";
import type { PlanSnapshot } from "../plan/snapshot.server";
import { contentDisposition } from "../report/export/content-disposition.server";
import { planPdf } from "../report/export/pdf.server";
import { parseReportYear } from "../report/download.server";

/** The approved action plan of a year as an A4 PDF, made from its immutable snapshot. */
export async function loader(args: LoaderFunctionArgs) {
  const started = performance.now();
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = parseReportYear(args.params.year);
  const row = await db()
    .selectFrom("plan_version")
    .innerJoin("action_plan", "action_plan.id", "plan_version.plan_id")
    .select(["plan_version.snapshot", "plan_version.version_no"])
    .where("action_plan.cooperation_id", "=", scope.cooperationId)
    .where("action_plan.year", "=", year)
    .where("plan_version.status", "=", "approved")
    .where("plan_version.snapshot", "is not", null)
    .orderBy("plan_version.version_no", "desc")
    .executeTakeFirst();
  if (!row?.snapshot) throw notFound();
  const language = await resolveLanguage(db(), { request: args.request, user: args.context.user, slug: scope.slug });
  const gathered = performance.now();
  const pdf = await planPdf(JSON.parse(row.snapshot) as PlanSnapshot, { cooperationName: scope.name, language });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(`${scope.slug}-handlingsplan-${year}-v${row.version_no}.pdf`),
      "Cache-Control": "private, no-store",
      "Server-Timing": `data;dur=${(gathered - started).toFixed(1)}, render;dur=${(performance.now() - gathered).toFixed(1)}`,
    },
  });
}
