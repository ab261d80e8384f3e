import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatNok } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { findMeasure, nextFreeMeasureNumber } from "../measure/edit.server";
import { measureFormOptions, parseMeasureNumber, saveMeasureForm } from "../measure/form-action.server";
import { MeasureForm } from "../measure/measure-form";
import { formValuesFrom } from "../measure/measure-form-values";
import { Fact, Facts } from "../ui/page-parts";
import { cooperationPageTitle } from "../i18n/page-title";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction = ({ matches, params }) =>
  cooperationPageTitle(matches, "measure:editTitle", { number: params.number });

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "measure:edit");
  const number = parseMeasureNumber(args.params.number);
  if (number === null) throw notFound();
  const measure = await findMeasure(db(), { cooperationId: scope.cooperationId, number });
  if (!measure) throw notFound();
  const [options, nextNumber] = await Promise.all([
    measureFormOptions(db(), scope.cooperationId),
    nextFreeMeasureNumber(db(), { cooperationId: scope.cooperationId }),
  ]);
  return json({ slug: scope.slug, measure, options, nextNumber });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "measure:edit");
  const number = parseMeasureNumber(args.params.number);
  if (number === null) throw notFound();
  const existing = await findMeasure(db(), { cooperationId: scope.cooperationId, number });
  if (!existing) throw notFound();
  return saveMeasureForm(db(), {
    request: args.request,
    cooperationId: scope.cooperationId,
    userId: scope.userId,
    slug: scope.slug,
    number,
  });
}

export default function EditMeasurePage() {
  const { slug, measure, options, nextNumber } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const submitted = actionData?.result?.initialValue?.version;
  // after a refused save the form takes the version now saved, so the next save is a deliberate overwrite
  const version = actionData?.stale || typeof submitted !== "string" ? measure.version : Number(submitted);
  return (
    <section aria-labelledby="measure-form-heading" className="flex max-w-3xl flex-col gap-6">
      <h1 id="measure-form-heading" className="ds-heading" data-size="lg">
        {t("measure:form.editTitle", { number: measure.number })}
      </h1>
      {actionData?.stale ? (
        <section aria-labelledby="stale-heading" className="ds-alert flex flex-col gap-2" data-color="warning">
          <h2 id="stale-heading" className="ds-heading" data-size="xs">
            {t("measure:form.stale")}
          </h2>
          <p className="ds-paragraph">{t("measure:form.staleIntro")}</p>
          <Facts>
            <Fact label={t("measure:form.number")}>{measure.number}</Fact>
            <Fact label={t("measure:form.name")} testId="stale-name">
              {measure.name}
            </Fact>
            <Fact label={t("measure:form.status")}>
              {t(`common:measureStatus.${measure.status}`)}
              {measure.statusText ? ` – ${measure.statusText}` : ""}
            </Fact>
            <Fact label={t("measure:form.investment")}>{formatNok(lang, measure.investmentCost)}</Fact>
            <Fact label={t("measure:form.running")}>{formatNok(lang, measure.runningCost)}</Fact>
            <Fact label={t("measure:form.costKey")}>{t(`measure:keys.${measure.costKey}`)}</Fact>
            <Fact label={t("measure:form.description")} preLine>
              {measure.description}
            </Fact>
          </Facts>
        </section>
      ) : null}
      <MeasureForm
        formId={`measure-edit-${measure.id}`}
        defaultValue={formValuesFrom(measure, options.members, nextNumber)}
        lastResult={replyFor(actionData)}
        options={options}
        nextNumber={nextNumber}
        version={version}
        cancelHref={`/c/${slug}/measures/${measure.number}`}
      />
    </section>
  );
}
