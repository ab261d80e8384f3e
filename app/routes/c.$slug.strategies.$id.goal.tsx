import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GoalSchema } from "@shared-schema/strategy";
import { notFound, requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { requireStrategy, strategyUrl, submitStrategyForm } from "../strategy/route.server";
import { FormActions } from "../strategy/strategy-form";
import { addGoal, updateGoal } from "../strategy/strategy-write.server";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "../ui/form";
import { parseForm } from "../utils/parse-form";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.strategy.title} – ${data.name} – Fellesløft` : "Fellesløft" },
];

/** A goal of a draft: `?goal=<id>` edits that one; otherwise a new one, in `?area=<id>` if given. */
export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  const search = new URL(args.request.url).searchParams;
  const goalId = search.get("goal");
  const areaId = search.get("area");
  const goal = goalId
    ? strategy.focusAreas.flatMap((a) => a.goals.map((g) => ({ ...g, focusAreaId: a.id }))).find((g) => g.id === goalId)
    : undefined;
  if (goalId && !goal) throw notFound();
  if (areaId && !strategy.focusAreas.some((a) => a.id === areaId)) throw notFound();
  return json({
    slug: scope.slug,
    name: scope.name,
    strategy: { id: strategy.id, title: strategy.title, status: strategy.status, version: strategy.version },
    areas: strategy.focusAreas.map((a) => ({ id: a.id, title: a.title })),
    goal: goal
      ? {
          id: goal.id,
          focusAreaId: goal.focusAreaId,
          text: goal.text,
          indicator: goal.indicator ?? "",
          target: goal.target ?? "",
        }
      : null,
    areaId: areaId ?? strategy.focusAreas[0]?.id ?? "",
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  return submitStrategyForm(args.request, GoalSchema, async ({ version, goalId, focusAreaId, ...values }) => {
    const base = { cooperationId: scope.cooperationId, userId: scope.userId, strategyId: strategy.id, version, values };
    if (goalId) await updateGoal(db(), { ...base, goalId });
    else await addGoal(db(), { ...base, focusAreaId });
    return {
      url: strategyUrl(scope.slug, strategy.id),
      toast: goalId ? "strategy:toast.goalSaved" : "strategy:toast.goalAdded",
    };
  });
}

export default function GoalForm() {
  const { slug, strategy, areas, goal, areaId } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const back = `/c/${slug}/strategies/${strategy.id}`;
  const [form, fields] = useForm({
    id: "goal",
    lastResult,
    defaultValue: goal ?? { focusAreaId: areaId, text: "", indicator: "", target: "" },
    constraint: getZodConstraint(GoalSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: GoalSchema }),
  });
  const heading = goal ? t("strategy:editGoal") : t("strategy:addGoal");
  const blocked = strategy.status !== "draft";
  return (
    <section aria-labelledby="goal-heading" className="flex flex-col gap-4">
      <h1 id="goal-heading" className="ds-heading" data-size="lg">
        {heading}
      </h1>
      <p className="ds-paragraph">{strategy.title}</p>
      {blocked ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("strategy:onlyDraftNote", { status: t(`common:strategyStatus.${strategy.status}`) })}</p>
        </div>
      ) : areas.length === 0 ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("strategy:needFocusArea")}</p>
        </div>
      ) : (
        <>
          <ErrorSummary
            focusKey={lastResult}
            formErrors={form.errors}
            fields={[
              { id: fields.focusAreaId.id, label: t("strategy:field.goalArea"), errors: fields.focusAreaId.errors },
              { id: fields.text.id, label: t("strategy:field.goalText"), errors: fields.text.errors },
              { id: fields.indicator.id, label: t("strategy:field.goalIndicator"), errors: fields.indicator.errors },
              { id: fields.target.id, label: t("strategy:field.goalTarget"), errors: fields.target.errors },
            ]}
          />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
            <input type="hidden" name="version" value={strategy.version} />
            {goal ? (
              <>
                <input type="hidden" name="goalId" value={goal.id} />
                <input type="hidden" name="focusAreaId" value={goal.focusAreaId} />
              </>
            ) : (
              <SelectField
                meta={fields.focusAreaId}
                label={t("strategy:field.goalArea")}
                options={areas.map((a) => ({ value: a.id, label: a.title }))}
              />
            )}
            <TextAreaField meta={fields.text} label={t("strategy:field.goalText")} rows={3} />
            <TextField meta={fields.indicator} label={t("strategy:field.goalIndicator")} />
            <TextField meta={fields.target} label={t("strategy:field.goalTarget")} />
            <FormActions submitLabel={t("strategy:save")} cancelTo={back} />
          </Form>
        </>
      )}
    </section>
  );
}
