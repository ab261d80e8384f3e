import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FocusAreaSchema } from "@shared-schema/strategy";
import { notFound, requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { requireStrategy, strategyUrl, submitStrategyForm } from "../strategy/route.server";
import { FormActions } from "../strategy/strategy-form";
import { addFocusArea, updateFocusArea } from "../strategy/strategy-write.server";
import { ErrorSummary, TextAreaField, TextField } from "../ui/form";
import { parseForm } from "../utils/parse-form";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.strategy.title} – ${data.name} – Fellesløft` : "Fellesløft" },
];

/** A focus area of a draft: `?area=<id>` edits that one, without it a new one is added. */
export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  const areaId = new URL(args.request.url).searchParams.get("area");
  const area = areaId ? strategy.focusAreas.find((a) => a.id === areaId) : undefined;
  if (areaId && !area) throw notFound();
  return json({
    slug: scope.slug,
    name: scope.name,
    strategy: { id: strategy.id, title: strategy.title, status: strategy.status, version: strategy.version },
    area: area ? { id: area.id, title: area.title, description: area.description, rationale: area.rationale } : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  return submitStrategyForm(args.request, FocusAreaSchema, async ({ version, focusAreaId, ...values }) => {
    const base = { cooperationId: scope.cooperationId, userId: scope.userId, strategyId: strategy.id, version, values };
    if (focusAreaId) await updateFocusArea(db(), { ...base, focusAreaId });
    else await addFocusArea(db(), base);
    return {
      url: strategyUrl(scope.slug, strategy.id),
      toast: focusAreaId ? "strategy:toast.areaSaved" : "strategy:toast.areaAdded",
    };
  });
}

export default function FocusAreaForm() {
  const { slug, strategy, area } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const back = `/c/${slug}/strategies/${strategy.id}`;
  const [form, fields] = useForm({
    id: "focus-area",
    lastResult,
    defaultValue: area ?? { title: "", description: "", rationale: "" },
    constraint: getZodConstraint(FocusAreaSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: FocusAreaSchema }),
  });
  const heading = area ? t("strategy:editFocusArea") : t("strategy:addFocusArea");
  return (
    <section aria-labelledby="area-heading" className="flex flex-col gap-4">
      <h1 id="area-heading" className="ds-heading" data-size="lg">
        {heading}
      </h1>
      <p className="ds-paragraph">{strategy.title}</p>
      {strategy.status !== "draft" ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("strategy:onlyDraftNote", { status: t(`common:strategyStatus.${strategy.status}`) })}</p>
        </div>
      ) : (
        <>
          <ErrorSummary
            focusKey={lastResult}
            formErrors={form.errors}
            fields={[
              { id: fields.title.id, label: t("strategy:field.areaTitle"), errors: fields.title.errors },
              { id: fields.description.id, label: t("strategy:field.areaDescription"), errors: fields.description.errors },
              { id: fields.rationale.id, label: t("strategy:field.areaRationale"), errors: fields.rationale.errors },
            ]}
          />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
            <input type="hidden" name="version" value={strategy.version} />
            {area ? <input type="hidden" name="focusAreaId" value={area.id} /> : null}
            <TextField meta={fields.title} label={t("strategy:field.areaTitle")} />
            <TextAreaField meta={fields.description} label={t("strategy:field.areaDescription")} rows={4} />
            <TextAreaField meta={fields.rationale} label={t("strategy:field.areaRationale")} rows={4} />
            <FormActions submitLabel={t("strategy:save")} cancelTo={back} />
          </Form>
        </>
      )}
    </section>
  );
}
