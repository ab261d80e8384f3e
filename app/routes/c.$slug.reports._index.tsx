import { useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CreateReportSchema } from "@shared-schema/report";
import { getZodConstraint } from "@conform-to/zod/v4";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { planYears } from "../overview/years.server";
import { createReport, listReports } from "../report/report.server";
import { DataTable } from "../ui/data-table";
import { ErrorSummary, FieldErrors } from "../ui/form";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor } from "../utils/form-reply";
import { Section } from "../ui/section";

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "report:listTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const [reports, years] = await Promise.all([
    listReports(db(), { cooperationId: scope.cooperationId }),
    planYears(db(), { cooperationId: scope.cooperationId }),
  ]);
  const taken = new Set(reports.map((r) => r.year));
  return json({
    slug: scope.slug,
    name: scope.name,
    canEdit: can(scope.roles, "report:edit"),
    reports,
    freeYears: years.all.filter((y) => !taken.has(y)).reverse(),
    defaultYear: years.default,
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "report:edit");
  const submission = parseForm(await readForm(args.request), { schema: CreateReportSchema });
  if (submission.status !== "success") return formReply(submission.reply());
  const { year } = submission.value;
  await createReport(db(), { cooperationId: scope.cooperationId, userId: scope.userId, year });
  return redirectWithToast(`/c/${scope.slug}/reports/${year}`, { kind: "success", key: "report:created" });
}

export default function Reports() {
  const { slug, name, canEdit, reports, freeYears, defaultYear } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useForm({
    id: "report-create",
    lastResult,
    constraint: getZodConstraint(CreateReportSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: CreateReportSchema }),
  });
  const yearErrors = fields.year.errors;
  const chosenYear = Number(fields.year.initialValue);
  return (
    <section aria-labelledby="reports-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="reports-heading" className="ds-heading" data-size="lg">
          {t("report:listTitle", { name })}
        </h1>
        <p className="ds-paragraph">{t("report:intro")}</p>
      </header>
      {reports.length ? (
        <DataTable labelledBy="reports-heading" caption={t("report:caption")} headers={[t("report:year"), t("report:state")]}>
          {reports.map((r) => (
            <tr key={r.year}>
              <th scope="row">
                <Link to={`/c/${slug}/reports/${r.year}`} className="ds-link">
                  {t("report:pageTitle", { year: r.year })}
                </Link>
              </th>
              <td>
                {r.published_at
                  ? t("report:published", { date: formatDate(lang, r.published_at), name: r.published_by ?? "" })
                  : t("report:draft")}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="ds-paragraph">{t("report:none")}</p>
      )}
      {canEdit && freeYears.length ? (
        <Section id="create-heading" title={t("report:create")} size="sm" gap={3}>
          <ErrorSummary
            focusKey={lastResult}
            formErrors={form.errors}
            fields={[{ id: "report-year", label: t("report:createYear"), errors: yearErrors }]}
          />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex flex-wrap items-end gap-4">
            <div className="ds-field">
              <label className="ds-label" htmlFor="report-year">
                {t("report:createYear")}
              </label>
              <select
                id="report-year"
                name="year"
                className="ds-input"
                defaultValue={
                  freeYears.includes(chosenYear) ? chosenYear : freeYears.includes(defaultYear) ? defaultYear : freeYears[0]
                }
                aria-invalid={yearErrors?.length ? true : undefined}
                aria-describedby={yearErrors?.length ? "report-year-error" : undefined}
              >
                {freeYears.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
              <FieldErrors id="report-year-error" errors={yearErrors} />
            </div>
            <button type="submit" className="ds-button" data-variant="primary">
              {t("report:create")}
            </button>
          </Form>
        </Section>
      ) : null}
    </section>
  );
}
