import { useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EvaluationSchema } from "@shared-schema/strategy";
import { requireCooperationRole, requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { requireStrategy, strategyUrl, submitStrategyForm } from "../strategy/route.server";
import { FormActions } from "../strategy/strategy-form";
import { saveGoalEvaluations } from "../strategy/strategy-write.server";
import { ErrorSummary, FieldErrors } from "../ui/form";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { parseForm } from "../utils/parse-form";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.strategy.title} – ${data.name} – Fellesløft` : "Fellesløft" },
];

/** The yearly evaluation: one short assessment per goal for the year in the URL. */
export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  const year = requireYearParam(args.params.year);
  return json({ slug: scope.slug, name: scope.name, strategy, year });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  const year = requireYearParam(args.params.year);
  return submitStrategyForm(args.request, EvaluationSchema, async ({ entries }) => {
    await saveGoalEvaluations(db(), {
      cooperationId: scope.cooperationId,
      userId: scope.userId,
      strategyId: strategy.id,
      year,
      entries,
    });
    return { url: strategyUrl(scope.slug, strategy.id), toast: "strategy:toast.evaluationSaved" };
  });
}

export default function Evaluation() {
  const { slug, strategy, year } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const [form] = useForm({
    id: "evaluation",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: EvaluationSchema }),
  });
  const { t } = useTranslation();
  const back = `/c/${slug}/strategies/${strategy.id}`;
  const goals = strategy.focusAreas.flatMap((a) => a.goals.map((g) => ({ ...g, area: a.title })));
  const typed = (lastResult?.initialValue as { entries?: { goalId?: string; assessment?: string }[] } | undefined)?.entries;
  const stored = (index: number) => goals[index].evaluations.find((e) => e.year === year)?.assessment ?? "";
  const valueFor = (goalId: string, index: number) =>
    typed?.[index]?.goalId === goalId ? (typed[index].assessment ?? "") : stored(index);
  const errorsFor = (index: number) => form.allErrors[`entries[${index}].assessment`];
  const outside = year < strategy.periodFrom || year > strategy.periodTo + 1;
  const otherYears = strategy.evaluationYears.filter((y) => y !== year);
  return (
    <section aria-labelledby="evaluation-heading" className="flex flex-col gap-4">
      <h1 id="evaluation-heading" className="ds-heading" data-size="lg">
        {t("strategy:evaluation.title", { year })}
      </h1>
      <p className="ds-paragraph font-semibold">{strategy.title}</p>
      {strategy.status === "draft" ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("strategy:evaluation.draftNote")}</p>
        </div>
      ) : outside ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">
            {t("strategy:evaluation.yearOutside", { year, from: strategy.periodFrom, to: strategy.periodTo })}
          </p>
        </div>
      ) : (
        <>
          <p className="ds-paragraph">{t("strategy:evaluation.pageIntro", { year })}</p>
          <ErrorSummary
            focusKey={lastResult}
            formErrors={form.errors}
            fields={goals.map((g, i) => ({ id: `assessment-${i}`, label: g.text, errors: errorsFor(i) }))}
          />
          <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
            {strategy.focusAreas.map((area) => (
              <fieldset key={area.id} className="ds-fieldset flex flex-col gap-4">
                <legend className="ds-heading" data-size="xs">
                  {area.title}
                </legend>
                {area.goals.map((g) => {
                  const i = goals.findIndex((x) => x.id === g.id);
                  const errors = errorsFor(i);
                  return (
                    <div key={g.id} className="ds-field">
                      <input type="hidden" name={`entries[${i}].goalId`} value={g.id} />
                      {/* what the text was changed from: a goal left as it was is not written back */}
                      <input type="hidden" name={`entries[${i}].shown`} value={stored(i)} />
                      <label className="ds-label" htmlFor={`assessment-${i}`}>
                        {g.text}
                      </label>
                      <textarea
                        id={`assessment-${i}`}
                        name={`entries[${i}].assessment`}
                        className="ds-input"
                        rows={3}
                        maxLength={2000}
                        defaultValue={valueFor(g.id, i)}
                        aria-invalid={errors?.length ? true : undefined}
                        aria-describedby={errors?.length ? `assessment-${i}-error` : undefined}
                      />
                      <FieldErrors id={`assessment-${i}-error`} errors={errors} />
                    </div>
                  );
                })}
              </fieldset>
            ))}
            <FormActions submitLabel={t("strategy:evaluation.save")} cancelTo={back} />
          </Form>
        </>
      )}
      {otherYears.length ? (
        <nav aria-labelledby="other-years-heading" className="flex flex-col gap-2">
          <h2 id="other-years-heading" className="ds-heading" data-size="xs">
            {t("strategy:evaluation.otherYears")}
          </h2>
          <ul className="m-0 flex list-none flex-wrap gap-4 p-0">
            {otherYears.map((y) => (
              <li key={y}>
                <Link className="ds-link" to={`${back}/evaluations/${y}`}>
                  {t("strategy:evaluation.yearHeading", { year: y })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
