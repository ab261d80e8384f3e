import { getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UPTAKE_SCALE, UptakeReportSchema } from "@shared-schema/uptake";
import { osloToday } from "@shared-schema/dates";
import { notFound, requireMunicipalityReporter } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatDate, formatNumber } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { findMeasureByNumber, listMeasuredBenefits } from "../measure/catalogue.server";
import { parseMeasureNumber } from "../measure/form-action.server";
import { openRoundByMeasure } from "../round/open-rounds.server";
import { defaultEffectiveDate } from "../round/round";
import { ErrorSummary, FieldErrors, SelectField, TextAreaField, TextField, SubmitOrCancel } from "../ui/form";
import { uptakeTimeline } from "../uptake/history.server";
import { measuresOf } from "../cooperation/participation.server";
import { currentReports, saveUptakeReports } from "../uptake/report.server";
import { Timeline } from "../uptake/timeline";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { refusalReply } from "../utils/refusal-answers.server";
import { Section } from "../ui/section";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  cooperationPageTitle(matches, "uptake:single.pageTitle", { number: data?.measure.number ?? "" });

/**
 * The measure in the URL, if the reporter's municipality takes part in it today; anything else is
 * 404, so the page cannot be used to report for a measure (or a cooperation) that is not theirs.
 */
async function requireOwnMeasure(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const scope = await requireMunicipalityReporter(args);
  const number = parseMeasureNumber(args.params.number);
  if (number === null) throw notFound();
  const measure = await findMeasureByNumber(db(), { cooperationId: scope.cooperationId, number });
  if (!measure) throw notFound();
  const taking = await measuresOf(db(), {
    cooperationId: scope.cooperationId,
    municipalityId: scope.municipalityId,
    date: osloToday(),
  });
  if (!taking.has(measure.id)) throw notFound();
  return { scope, measure };
}

export async function loader(args: LoaderFunctionArgs) {
  const { scope, measure } = await requireOwnMeasure(args);
  const where = { cooperationId: scope.cooperationId, municipalityId: scope.municipalityId };
  const [benefits, current, timelines, rounds] = await Promise.all([
    listMeasuredBenefits(db(), { cooperationId: scope.cooperationId, measureId: measure.id }),
    currentReports(db(), { ...where, measureIds: [measure.id] }),
    uptakeTimeline(db(), { ...where, measureId: measure.id }),
    openRoundByMeasure(db(), { cooperationId: scope.cooperationId, measureIds: [measure.id] }),
  ]);
  const today = osloToday();
  const round = rounds.get(measure.id) ?? null;
  return json({
    slug: scope.slug,
    municipality: scope.municipalityName,
    measure,
    benefits,
    current: current.get(measure.id)?.status ?? null,
    effectiveDate: defaultEffectiveDate(today, round ? [round.statusDate] : []),
    round,
    entries: timelines[0]?.entries ?? [],
  });
}

export async function action(args: ActionFunctionArgs) {
  const { scope, measure } = await requireOwnMeasure(args);
  const submission = parseForm(await readForm(args.request), { schema: UptakeReportSchema });
  if (submission.status !== "success") return formReply(submission.reply());
  const { currentStatus: _shown, ...report } = submission.value;
  try {
    await saveUptakeReports(db(), {
      cooperationId: scope.cooperationId,
      municipalityId: scope.municipalityId,
      userId: scope.userId,
      reports: [{ ...report, measureId: measure.id }],
    });
  } catch (error) {
    return refusalReply(submission, error);
  }
  return redirectWithToast(`/c/${scope.slug}/uptake`, { kind: "success", key: "uptake:saved" });
}

export default function ReportMeasure() {
  const { slug, municipality, measure, benefits, current, effectiveDate, round, entries } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form, fields] = useForm({
    id: "uptake-report",
    lastResult,
    defaultValue: {
      currentStatus: current ?? undefined,
      status: current ?? "not_started",
      comment: "",
      effectiveDate,
      decisionReference: "",
      evidenceUrl: "",
      realisedBenefitText: "",
      benefits: benefits.map((b) => ({ benefitId: b.id, amount: "" })),
    },
    constraint: getZodConstraint(UptakeReportSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: UptakeReportSchema }),
  });
  const benefitRows = fields.benefits.getFieldList();
  const unit = (u: string | null) => (u ? t(`measure:units.${u}`, { defaultValue: u }) : "");
  const benefitLabel = (i: number) =>
    t("uptake:single.benefitAmount", { description: benefits[i]?.description ?? "", unit: unit(benefits[i]?.unit ?? null) });
  const back = `/c/${slug}/uptake`;
  return (
    <section aria-labelledby="report-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="ds-paragraph m-0">
          <Link to={back} className="ds-link">
            {t("uptake:single.back")}
          </Link>
        </p>
        <h1 id="report-heading" className="ds-heading" data-size="lg">
          {t("uptake:single.title", { number: measure.number, name: measure.name })}
        </h1>
        <p className="ds-paragraph m-0">{t("uptake:single.intro", { municipality })}</p>
        <p className="ds-paragraph m-0">
          <strong>
            {current
              ? t("uptake:single.current", { status: t(`common:uptakeStatus.${current}`) })
              : t("uptake:single.currentNone")}
          </strong>{" "}
          <Link to={`/c/${slug}/measures/${measure.number}`} className="ds-link">
            {t("uptake:single.openMeasure")}
          </Link>
        </p>
      </header>
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={[
          { id: fields.status.id, label: t("uptake:single.status"), errors: fields.status.errors },
          { id: fields.comment.id, label: t("uptake:comment"), errors: fields.comment.errors },
          { id: fields.effectiveDate.id, label: t("uptake:effectiveDate"), errors: fields.effectiveDate.errors },
          {
            id: fields.decisionReference.id,
            label: t("uptake:single.decisionReference"),
            errors: fields.decisionReference.errors,
          },
          { id: fields.evidenceUrl.id, label: t("uptake:single.evidenceUrl"), errors: fields.evidenceUrl.errors },
          {
            id: fields.realisedBenefitText.id,
            label: t("uptake:single.realisedBenefitText"),
            errors: fields.realisedBenefitText.errors,
          },
          { id: fields.benefits.id, label: t("uptake:single.benefitsLegend"), errors: fields.benefits.errors },
          ...benefitRows.map((row, i) => {
            const amount = row.getFieldset().amount;
            return { id: amount.id, label: benefitLabel(i), errors: amount.errors };
          }),
        ]}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
        {current ? <input type="hidden" name={fields.currentStatus.name} value={current} /> : null}
        <SelectField
          meta={fields.status}
          label={t("uptake:single.status")}
          options={UPTAKE_SCALE.map((s) => ({ value: s, label: t(`common:uptakeStatus.${s}`) }))}
        />
        <TextAreaField meta={fields.comment} label={t("uptake:comment")} description={t("uptake:commentHelp")} rows={3} />
        <TextField
          meta={fields.effectiveDate}
          label={t("uptake:effectiveDate")}
          description={
            round ? t("uptake:roundStatusDate", { round: round.name, date: formatDate(lang, round.statusDate) }) : undefined
          }
          type="date"
        />
        <TextField
          meta={fields.decisionReference}
          label={t("uptake:single.decisionReference")}
          description={t("uptake:single.decisionReferenceHelp")}
        />
        <TextField meta={fields.evidenceUrl} label={t("uptake:single.evidenceUrl")} type="url" />
        <TextAreaField
          meta={fields.realisedBenefitText}
          label={t("uptake:single.realisedBenefitText")}
          description={t("uptake:single.realisedBenefitHelp")}
          rows={3}
        />
        {benefits.length ? (
          <fieldset className="ds-fieldset flex flex-col gap-3" aria-describedby="benefits-help">
            <legend className="ds-label">{t("uptake:single.benefitsLegend")}</legend>
            <p id="benefits-help" className="ds-paragraph" data-size="sm">
              {t("uptake:single.benefitsHelp")}
            </p>
            <FieldErrors id={fields.benefits.errorId} errors={fields.benefits.errors} />
            {benefitRows.map((row, i) => {
              const set = row.getFieldset();
              const { key: _key, ...benefitId } = getInputProps(set.benefitId as FieldMetadata<string>, { type: "hidden" });
              const b = benefits[i];
              return (
                <div key={row.key}>
                  <input {...benefitId} />
                  <TextField
                    meta={set.amount}
                    label={benefitLabel(i)}
                    inputMode="numeric"
                    description={
                      b?.amount !== null && b?.amount !== undefined
                        ? t("uptake:single.expected", { amount: `${formatNumber(lang, b.amount)} ${unit(b.unit)}` })
                        : undefined
                    }
                  />
                </div>
              );
            })}
          </fieldset>
        ) : null}
        <SubmitOrCancel cancelLabel={t("uptake:single.back")} submitLabel={t("uptake:single.save")} cancelTo={back} />
      </Form>
      <Section id="own-history" title={t("uptake:single.history", { municipality })} gap={3}>
        <Timeline entries={entries} />
      </Section>
    </section>
  );
}
