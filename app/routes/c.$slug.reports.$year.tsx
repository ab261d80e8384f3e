import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReportActionSchema } from "@shared-schema/report";
import { notFound, requireCooperationRole, requireYearParam } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { REPORT_SECTIONS, reportFileName } from "../report/figures";
import { findReport, publishReport, reportDocument, saveNarrative } from "../report/report.server";
import { DownloadLink } from "../report/download-link";
import { ReportView } from "../report/report-view";
import { ErrorSummary, FieldErrors, SubmitButton } from "../ui/form";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { refusalReply, refusalToast } from "../utils/refusal-answers.server";
import { Section } from "../ui/section";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  cooperationPageTitle(matches, "report:pageTitle", { year: data?.year ?? "" });

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = requireYearParam(args.params.year);
  const [report, doc] = await Promise.all([
    findReport(db(), { cooperationId: scope.cooperationId, year }),
    reportDocument(db(), { cooperationId: scope.cooperationId, year, language: scope.defaultLanguage }),
  ]);
  if (!report || !doc) throw notFound();
  return json({ slug: scope.slug, name: scope.name, year, canEdit: can(scope.roles, "report:edit"), report, doc });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "report:edit");
  const year = requireYearParam(args.params.year);
  const formData = await readForm(args.request);
  const here = `/c/${scope.slug}/reports/${year}`;
  const where = { cooperationId: scope.cooperationId, userId: scope.userId, year };
  const submission = parseForm(formData, { schema: ReportActionSchema });
  const publishing = formData.get("intent") === "publish";
  const form = publishing ? "publish" : "save";
  if (submission.status !== "success") return formReply(submission.reply(), { form });
  try {
    if (submission.value.intent === "publish") {
      await publishReport(db(), { ...where, version: submission.value.version });
      return redirectWithToast(here, { kind: "success", key: "report:publishedToast" });
    }
    const { intent, version, ...narrative } = submission.value;
    await saveNarrative(db(), { ...where, version, narrative });
    return redirectWithToast(here, { kind: "success", key: "report:saved" });
  } catch (error) {
    // published while the text was being written: the page shows it back, for the writer to keep
    return publishing ? refusalToast(here, error) : refusalReply(submission, error, { form });
  }
}

export default function Report() {
  const { slug, name, year, canEdit, report, doc } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const saveResult = replyFor(actionData, "save");
  const typed = saveResult?.initialValue as Record<string, string> | undefined;
  const [narrativeForm, narrativeFields] = useForm({
    id: "narrative",
    lastResult: saveResult,
    constraint: getZodConstraint(ReportActionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: ReportActionSchema }),
  });
  const [publishForm] = useForm({
    id: "publish",
    lastResult: replyFor(actionData, "publish"),
    onValidate: ({ formData }) => parseForm(formData, { schema: ReportActionSchema }),
  });
  const base = `/c/${slug}/reports/${year}`;
  const editing = canEdit && !report.publishedAt;
  return (
    <article aria-labelledby="report-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="ds-paragraph m-0">
          <Link to={`/c/${slug}/reports`} className="ds-link">
            {t("report:nav")}
          </Link>
        </p>
        <h1 id="report-heading" className="ds-heading" data-size="lg">
          {t("report:title", { year, name })}
        </h1>
        <div className="ds-alert" data-color={report.publishedAt ? "success" : "warning"} data-testid="report-state">
          <p className="ds-paragraph">
            {report.publishedAt
              ? t("report:publishedNote", { date: formatDate(lang, report.publishedAt), name: report.publishedBy ?? "" })
              : t("report:draftNote")}
          </p>
        </div>
      </header>

      <Section id="downloads-heading" title={t("report:downloads")} size="sm">
        <ul className="m-0 flex list-none flex-wrap gap-4 p-0">
          {(["pdf", "csv", "xlsx"] as const).map((f) => (
            <li key={f}>
              <DownloadLink href={`${base}.${f}`} filename={reportFileName(slug, year, report.publishedAt !== null, f)}>
                {t(`report:${f}`)}
              </DownloadLink>
            </li>
          ))}
        </ul>
        <p className="ds-paragraph m-0" data-size="sm">
          {t("report:downloadHint")}
        </p>
      </Section>

      {editing ? (
        <Section id="narrative-heading" title={t("report:narrative")} gap={3}>
          <p className="ds-paragraph">{t("report:narrativeIntro")}</p>
          <ErrorSummary
            focusKey={actionData}
            formErrors={narrativeForm.errors ?? publishForm.errors}
            fields={REPORT_SECTIONS.map((s) => ({
              id: `narrative-${s}`,
              label: t("report:sectionText", { section: t(`reportExport:sections.${s}`) }),
              errors: narrativeFields[s].errors,
            }))}
          />
          <Form
            method="post"
            className="flex max-w-3xl flex-col gap-4"
            id={narrativeForm.id}
            onSubmit={narrativeForm.onSubmit}
            noValidate
          >
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={report.version} />
            {REPORT_SECTIONS.map((s) => (
              <div key={s} className="ds-field">
                <label className="ds-label" htmlFor={`narrative-${s}`}>
                  {t("report:sectionText", { section: t(`reportExport:sections.${s}`) })}
                </label>
                <textarea
                  id={`narrative-${s}`}
                  name={s}
                  rows={s === "summary" ? 6 : 3}
                  className="ds-input"
                  maxLength={20000}
                  defaultValue={typed?.[s] ?? report.narrative[s] ?? ""}
                  aria-invalid={narrativeFields[s].errors?.length ? true : undefined}
                  aria-describedby={narrativeFields[s].errors?.length ? `narrative-${s}-error` : undefined}
                />
                <FieldErrors id={`narrative-${s}-error`} errors={narrativeFields[s].errors} />
              </div>
            ))}
            <div>
              <SubmitButton>{t("report:save")}</SubmitButton>
            </div>
          </Form>
          <Form method="post" className="flex flex-col gap-2" id={publishForm.id} onSubmit={publishForm.onSubmit} noValidate>
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="version" value={report.version} />
            <p id="publish-help" className="ds-paragraph">
              {t("report:publishHelp")}
            </p>
            <div>
              <button type="submit" className="ds-button" data-variant="secondary" aria-describedby="publish-help">
                {t("report:publish")}
              </button>
            </div>
          </Form>
        </Section>
      ) : null}

      {!editing && typed ? <UnsavedText typed={typed} /> : null}

      <ReportView
        doc={doc}
        links={{ measure: (n) => `/c/${slug}/measures/${n}`, matrix: (y) => `/c/${slug}/matrix?year=${y}` }}
      />
    </article>
  );
}

/** What a writer sent after the report was published: shown once, read-only, so nothing typed is lost. */
function UnsavedText({ typed }: { typed: Record<string, string> }) {
  const { t } = useTranslation();
  const sections = REPORT_SECTIONS.filter((s) => typed[s]?.trim());
  if (!sections.length) return null;
  return (
    <section aria-labelledby="unsaved-heading" className="ds-alert flex flex-col gap-3" data-color="warning" role="alert">
      <h2 id="unsaved-heading" className="ds-heading" data-size="sm">
        {t("report:unsavedTitle")}
      </h2>
      <p className="ds-paragraph">{t("report:unsavedIntro")}</p>
      {sections.map((s) => (
        <div key={s} className="ds-field">
          <label className="ds-label" htmlFor={`unsaved-${s}`}>
            {t("report:sectionText", { section: t(`reportExport:sections.${s}`) })}
          </label>
          <textarea id={`unsaved-${s}`} readOnly rows={4} className="ds-input" defaultValue={typed[s]} />
        </div>
      ))}
    </section>
  );
}
