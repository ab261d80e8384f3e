import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { osloToday } from "@shared-schema/dates";
import { AdoptionSchema } from "@shared-schema/strategy";
import { DecisionFields, decisionErrorFields } from "../decision/decision-fields";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { requireStrategy, submitStrategyForm } from "../strategy/route.server";
import { FormActions } from "../strategy/strategy-form";
import { adoptStrategy } from "../strategy/strategy-write.server";
import { ErrorSummary } from "../ui/form";
import { parseForm } from "../utils/parse-form";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.strategy.title} – ${data.name} – Fellesløft` : "Fellesløft" },
];

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  return json({
    slug: scope.slug,
    name: scope.name,
    strategy: { id: strategy.id, title: strategy.title, status: strategy.status, version: strategy.version },
    today: osloToday(),
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  return submitStrategyForm(args.request, AdoptionSchema, async ({ version, ...decision }) => {
    await adoptStrategy(db(), {
      cooperationId: scope.cooperationId,
      userId: scope.userId,
      strategyId: strategy.id,
      version,
      decision,
    });
    return { url: `/c/${scope.slug}/strategy`, toast: "strategy:toast.adopted" };
  });
}

export default function AdoptStrategy() {
  const { slug, strategy, today } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const back = `/c/${slug}/strategies/${strategy.id}`;
  const [form, fields] = useForm({
    id: "adopt",
    lastResult,
    defaultValue: { body: "board", decidedOn: today, caseNumber: "", text: "" },
    constraint: getZodConstraint(AdoptionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: AdoptionSchema }),
  });
  return (
    <section aria-labelledby="adopt-heading" className="flex flex-col gap-4">
      <h1 id="adopt-heading" className="ds-heading" data-size="lg">
        {t("strategy:adoptTitle")}
      </h1>
      <p className="ds-paragraph font-semibold">{strategy.title}</p>
      {strategy.status !== "draft" ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("strategy:onlyDraftNote", { status: t(`common:strategyStatus.${strategy.status}`) })}</p>
        </div>
      ) : (
        <>
          <p className="ds-paragraph">{t("strategy:adoptIntro")}</p>
          <ErrorSummary focusKey={lastResult} formErrors={form.errors} fields={decisionErrorFields(fields, t)} />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
            <input type="hidden" name="version" value={strategy.version} />
            <DecisionFields fields={fields} />
            <FormActions submitLabel={t("strategy:adoptSubmit")} cancelTo={back} />
          </Form>
        </>
      )}
    </section>
  );
}
