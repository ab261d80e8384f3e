import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { planUrl } from "../plan/urls";
import { CreatePlanSchema } from "@shared-schema/plan";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { textKey } from "../i18n/config";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { createEmptyPlan, createPlanFromPreviousYear } from "../plan/plan.server";
import { listPlans } from "../plan/plan-route.server";
import { DataTable } from "../ui/data-table";
import { redirectWithToast } from "../utils/toast.server";
import { cooperationPageTitle } from "../i18n/page-title";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { osloYear } from "@shared-schema/dates";
import { refusalReply } from "../utils/refusal-answers.server";
import { SubmitButton } from "../ui/form";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "plan:listTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const plans = await listPlans(scope.cooperationId);
  const years = new Set(plans.map((p) => p.year));
  // the newest year with an approved plan, rolled into the year after if that year has no plan yet
  const lastApproved = plans.find((p) => p.approved)?.year ?? null;
  const rollTo = lastApproved !== null && !years.has(lastApproved + 1) ? lastApproved + 1 : null;
  return json({
    slug: scope.slug,
    name: scope.name,
    plans,
    canEdit: can(scope.roles, "plan:edit"),
    rollTo,
    offerEmpty: plans.length === 0,
    thisYear: osloYear(),
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "plan:edit");
  const formData = await readForm(args.request);
  const submission = parseForm(formData, { schema: CreatePlanSchema });
  const form = formData.get("mode") === "roll" ? "roll" : "empty";
  if (submission.status !== "success") return formReply(submission.reply(), { form });
  const { year, mode } = submission.value;
  const input = { cooperationId: scope.cooperationId, userId: scope.userId, year };
  try {
    if (mode === "roll") await createPlanFromPreviousYear(db(), input);
    else await createEmptyPlan(db(), input);
  } catch (error) {
    return refusalReply(submission, error, { form });
  }
  return redirectWithToast(planUrl(scope.slug, year), { kind: "success", key: "plan:toast.created" });
}

export default function PlanList() {
  const { slug, plans, canEdit, rollTo, offerEmpty, thisYear } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const formOptions = (form: "roll" | "empty") => ({
    id: `${form}-plan`,
    lastResult: replyFor(actionData, form),
    constraint: getZodConstraint(CreatePlanSchema),
    shouldValidate: "onSubmit" as const,
    onValidate: ({ formData }: { formData: FormData }) => parseForm(formData, { schema: CreatePlanSchema }),
  });
  const [rollForm] = useForm(formOptions("roll"));
  const [emptyForm, emptyFields] = useForm({ ...formOptions("empty"), defaultValue: { year: String(thisYear) } });
  const yearErrors = emptyFields.year.errors;
  // a refusal names the year it was about: the roll form's own, or the one typed
  const refused = rollForm.errors?.length
    ? { form: rollForm, year: rollTo }
    : emptyForm.errors?.length
      ? { form: emptyForm, year: emptyFields.year.initialValue }
      : null;
  return (
    <section aria-labelledby="plans-heading" className="flex flex-col gap-6">
      <h1 id="plans-heading" className="ds-heading" data-size="lg">
        {t("plan:list.title")}
      </h1>
      <p className="ds-paragraph">{t("plan:list.intro")}</p>
      {refused ? (
        // eslint-disable-next-line jsx-a11y/no-autofocus
        <div className="ds-alert" data-color="danger" role="alert" tabIndex={-1} autoFocus data-testid="plan-create-error">
          <p className="ds-paragraph m-0">
            {refused.year}: {refused.form.errors!.map((e) => t(textKey(e))).join(" ")}
          </p>
        </div>
      ) : null}
      {canEdit && (rollTo !== null || offerEmpty) ? (
        <section aria-labelledby="create-heading" className="no-print flex flex-col gap-3">
          <h2 id="create-heading" className="ds-heading" data-size="sm">
            {t("plan:list.createHeading")}
          </h2>
          {rollTo !== null ? (
            <Form method="post" className="flex flex-col gap-2" id={rollForm.id} onSubmit={rollForm.onSubmit} noValidate>
              <p className="ds-paragraph m-0">{t("plan:list.rollHelp")}</p>
              <input type="hidden" name="year" value={rollTo} />
              <input type="hidden" name="mode" value="roll" />
              <p className="m-0">
                <SubmitButton>{t("plan:list.roll", { year: rollTo, previous: rollTo - 1 })}</SubmitButton>
              </p>
            </Form>
          ) : null}
          {offerEmpty ? (
            <Form
              method="post"
              className="flex max-w-md flex-col gap-2"
              id={emptyForm.id}
              onSubmit={emptyForm.onSubmit}
              noValidate
            >
              <p className="ds-paragraph m-0">{t("plan:list.emptyHelp")}</p>
              <input type="hidden" name="mode" value="empty" />
              <div className="ds-field">
                <label className="ds-label" htmlFor="empty-plan-year">
                  {t("plan:list.emptyYear")}
                </label>
                <input
                  id="empty-plan-year"
                  name="year"
                  className="ds-input"
                  inputMode="numeric"
                  defaultValue={emptyFields.year.initialValue}
                  aria-invalid={yearErrors?.length ? true : undefined}
                  aria-describedby={yearErrors?.length ? "empty-plan-year-error" : undefined}
                />
                {yearErrors?.length ? (
                  <div id="empty-plan-year-error" className="ds-validation-message" data-color="danger">
                    {yearErrors.map((e) => (
                      <p key={e} className="m-0">
                        {t(textKey(e))}
                      </p>
                    ))}
                  </div>
                ) : null}
              </div>
              <p className="m-0">
                <button type="submit" className="ds-button" data-variant="secondary">
                  {t("plan:list.empty")}
                </button>
              </p>
            </Form>
          ) : null}
        </section>
      ) : null}
      {plans.length ? (
        <DataTable
          labelledBy="plans-heading"
          caption={t("plan:list.caption")}
          headers={[t("plan:list.year"), t("plan:list.latest"), t("plan:list.approved")]}
        >
          {plans.map((p) => (
            <tr key={p.year}>
              <td>
                <Link className="ds-link" to={planUrl(slug, p.year)}>
                  {t("plan:page.title", { year: p.year })}
                </Link>
              </td>
              <td>{t("plan:list.versionValue", { version: p.latest.versionNo, status: t(`plan:status.${p.latest.status}`) })}</td>
              <td>
                {p.approved ? (
                  <Link className="ds-link" to={planUrl(slug, p.year, p.approved.versionNo)}>
                    {t("plan:list.approvedValue", {
                      version: p.approved.versionNo,
                      date: p.approved.decidedOn ? formatDate(lang, p.approved.decidedOn) : "",
                    })}
                  </Link>
                ) : (
                  t("plan:list.notApproved")
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="ds-paragraph">{t("plan:list.none")}</p>
      )}
    </section>
  );
}
