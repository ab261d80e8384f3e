import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdoptionSchema, DECISION_BODIES } from "../../shared-schema/strategy";
import { requireCooperationRole } from "../auth/guards.server";
import { db } from "../db.server";
import { formErrorKey, requireStrategy } from "../strategy/route.server";
import { adoptStrategy } from "../strategy/strategy-write.server";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "../ui/form";
import { redirectWithToast } from "../utils/toast.server";

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
    today: new Date().toISOString().slice(0, 10),
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  const submission = parseWithZod(await args.request.formData(), { schema: AdoptionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { version, ...decision } = submission.value;
  try {
    await adoptStrategy(db(), {
      cooperationId: scope.cooperationId,
      userId: scope.userId,
      strategyId: strategy.id,
      version,
      decision,
    });
  } catch (error) {
    const key = formErrorKey(error);
    if (!key) throw error;
    return json(submission.reply({ formErrors: [key] }), { status: 409 });
  }
  return redirectWithToast(`/c/${scope.slug}/strategy`, { kind: "success", key: "strategy.toast.adopted" });
}

export default function AdoptStrategy() {
  const { slug, strategy, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const back = `/c/${slug}/strategies/${strategy.id}`;
  const [form, fields] = useForm({
    id: "adopt",
    lastResult,
    defaultValue: { body: "board", decidedOn: today, caseNumber: "", text: "" },
    constraint: getZodConstraint(AdoptionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AdoptionSchema }),
  });
  return (
    <section aria-labelledby="adopt-heading" className="flex flex-col gap-4">
      <h1 id="adopt-heading" className="ds-heading" data-size="lg">
        {t("strategy.adoptTitle")}
      </h1>
      <p className="ds-paragraph font-semibold">{strategy.title}</p>
      {strategy.status !== "draft" ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("strategy.onlyDraftNote", { status: t(`strategyStatus.${strategy.status}`) })}</p>
        </div>
      ) : (
        <>
          <p className="ds-paragraph">{t("strategy.adoptIntro")}</p>
          <ErrorSummary
            focusKey={lastResult}
            formErrors={form.errors}
            fields={[
              { id: fields.body.id, label: t("strategy.decision.body"), errors: fields.body.errors },
              { id: fields.decidedOn.id, label: t("strategy.decision.date"), errors: fields.decidedOn.errors },
              { id: fields.caseNumber.id, label: t("strategy.decision.caseNumber"), errors: fields.caseNumber.errors },
              { id: fields.text.id, label: t("strategy.decision.text"), errors: fields.text.errors },
            ]}
          />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
            <input type="hidden" name="version" value={strategy.version} />
            <SelectField
              meta={fields.body}
              label={t("strategy.decision.body")}
              options={DECISION_BODIES.map((b) => ({ value: b, label: t(`strategy.decision.bodies.${b}`) }))}
            />
            <TextField meta={fields.decidedOn} label={t("strategy.decision.date")} type="date" />
            <TextField meta={fields.caseNumber} label={t("strategy.decision.caseNumber")} />
            <TextAreaField meta={fields.text} label={t("strategy.decision.text")} rows={4} />
            <div className="flex flex-wrap items-center gap-4">
              <button
                type="submit"
                className="ds-button"
                data-variant="primary"
                aria-busy={navigation.state === "submitting" || undefined}
              >
                {t("strategy.adoptSubmit")}
              </button>
              <Link className="ds-link" to={back}>
                {t("strategy.cancel")}
              </Link>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
