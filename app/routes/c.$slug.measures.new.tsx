import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { nextFreeMeasureNumber } from "../measure/edit.server";
import { measureFormOptions, saveMeasureForm } from "../measure/form-action.server";
import { MeasureForm } from "../measure/measure-form";
import { formValuesFrom } from "../measure/measure-form-values";
import { cooperationPageTitle } from "../i18n/page-title";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "measure:newTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "measure:edit");
  const [options, nextNumber] = await Promise.all([
    measureFormOptions(db(), scope.cooperationId),
    nextFreeMeasureNumber(db(), { cooperationId: scope.cooperationId }),
  ]);
  return json({ slug: scope.slug, options, nextNumber });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "measure:edit");
  return saveMeasureForm(db(), {
    request: args.request,
    cooperationId: scope.cooperationId,
    userId: scope.userId,
    slug: scope.slug,
  });
}

export default function NewMeasurePage() {
  const { slug, options, nextNumber } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="measure-form-heading" className="flex max-w-3xl flex-col gap-6">
      <h1 id="measure-form-heading" className="ds-heading" data-size="lg">
        {t("measure:form.newTitle")}
      </h1>
      <MeasureForm
        formId="measure-new"
        defaultValue={formValuesFrom(null, options.members, nextNumber)}
        lastResult={replyFor(actionData)}
        options={options}
        nextNumber={nextNumber}
        cancelHref={`/c/${slug}/measures`}
      />
    </section>
  );
}
