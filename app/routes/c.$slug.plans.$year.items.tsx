import { useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { planUrl } from "../plan/urls";
import { formatNokInput } from "@shared-schema/common";
import { AddPlanItemSchema, PlanItemSchema, RemovePlanItemSchema } from "@shared-schema/plan";
import { notFound, requireCooperationRole } from "../cooperation/guards.server";
import type { CooperationId } from "../cooperation/scope.server";
import { db } from "../db.server";
import { listMeasureChoices } from "../measure/catalogue.server";
import { addPlanItem, removePlanItem, updatePlanItem } from "../plan/plan-items.server";
import { periodEnded } from "../plan/roll-over";
import { loadPlanVersion } from "../plan/plan.server";
import { requirePlan, yearParam } from "../plan/plan-route.server";
import { isEditable } from "../plan/state-machine";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "../ui/form";
import { redirectWithToast } from "../utils/toast.server";
import { cooperationPageTitle } from "../i18n/page-title";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { ValidatedForm } from "../ui/validated-form";
import { refusalReply, refusalToast } from "../utils/refusal-answers.server";
import { Section } from "../ui/section";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? cooperationPageTitle(matches, "plan:documentTitle", { year: data.year }) : [{ title: "Fellesløft" }];

/** The year's latest version: the only one whose items may change. */
async function latestVersion(args: LoaderFunctionArgs, cooperationId: CooperationId) {
  const year = yearParam(args);
  const plan = await requirePlan(cooperationId, year);
  return { year, latest: plan.versions[plan.versions.length - 1] };
}

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "plan:edit");
  const { year, latest } = await latestVersion(args, scope.cooperationId);
  const view = await loadPlanVersion(db(), { cooperationId: scope.cooperationId, versionId: latest.id });
  const inPlan = new Set(view.items.map((i) => i.measureId));
  const catalogue = await listMeasureChoices(db(), { cooperationId: scope.cooperationId });
  return json({
    slug: scope.slug,
    name: scope.name,
    year,
    versionNo: latest.version_no,
    status: latest.status,
    version: latest.version,
    editable: isEditable(latest.status),
    items: view.items.map((i) => ({
      id: i.id,
      number: i.measureNumber,
      name: i.measureName,
      budget: formatNokInput(i.budget),
      priority: i.priority === null ? "" : String(i.priority),
      periodFrom: i.periodFrom === null ? "" : String(i.periodFrom),
      periodTo: i.periodTo === null ? "" : String(i.periodTo),
      milestones: i.milestones,
    })),
    candidates: catalogue.filter((m) => !inPlan.has(m.id)).map(({ id, number, name }) => ({ id, number, name })),
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "plan:edit");
  const { year, latest } = await latestVersion(args, scope.cooperationId);
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  const here = `/c/${scope.slug}/plans/${year}/items`;
  const base = { cooperationId: scope.cooperationId, userId: scope.userId, versionId: latest.id };
  if (intent === "update") {
    const submission = parseForm(formData, { schema: PlanItemSchema });
    const itemId = String(formData.get("itemId") ?? "");
    if (submission.status !== "success") return formReply(submission.reply(), { form: itemId });
    const { itemId: id, version, ...values } = submission.value;
    try {
      await updatePlanItem(db(), { ...base, version, itemId: id, values });
    } catch (error) {
      return refusalReply(submission, error, { form: itemId });
    }
    return redirectWithToast(here, { kind: "success", key: "plan:toast.itemSaved" });
  }
  if (intent === "add" || intent === "remove") {
    try {
      if (intent === "add") {
        const submission = parseForm(formData, { schema: AddPlanItemSchema });
        if (submission.status !== "success") return redirectWithToast(here, { kind: "error", key: "common:form.staleShort" });
        await addPlanItem(db(), { ...base, version: submission.value.version, measureId: submission.value.measureId });
      } else {
        const submission = parseForm(formData, { schema: RemovePlanItemSchema });
        if (submission.status !== "success") return redirectWithToast(here, { kind: "error", key: "common:form.staleShort" });
        await removePlanItem(db(), { ...base, version: submission.value.version, itemId: submission.value.itemId });
      }
    } catch (error) {
      return refusalToast(here, error);
    }
    return redirectWithToast(here, {
      kind: "success",
      key: intent === "add" ? "plan:toast.itemAdded" : "plan:toast.itemRemoved",
    });
  }
  throw notFound();
}

export default function PlanItems() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="items-heading" className="flex flex-col gap-6">
      <p className="ds-paragraph m-0">
        <Link className="ds-link" to={planUrl(data.slug, data.year)}>
          {t("plan:items.back")}
        </Link>
      </p>
      <h1 id="items-heading" className="ds-heading" data-size="lg">
        {t("plan:items.title", { year: data.year })}
      </h1>
      {!data.editable ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph m-0">
            {t("plan:items.notEditable", { version: data.versionNo, status: t(`plan:status.${data.status}`) })}
          </p>
        </div>
      ) : (
        <>
          <p className="ds-paragraph">{t("plan:items.intro")}</p>
          {data.items.map((item) => (
            <ItemForm
              key={item.id}
              item={item}
              planYear={data.year}
              version={data.version}
              lastResult={replyFor(actionData, item.id)}
            />
          ))}
          <Section id="add-heading" title={t("plan:items.addHeading")} size="sm" gap={3}>
            {data.candidates.length ? (
              <ValidatedForm id="add-item" schema={AddPlanItemSchema} className="flex max-w-xl flex-col gap-3">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="version" value={data.version} />
                <div className="ds-field">
                  <label className="ds-label" htmlFor="add-measure">
                    {t("plan:items.measure")}
                  </label>
                  <select id="add-measure" name="measureId" className="ds-input">
                    {data.candidates.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.number}. {m.name}
                      </option>
                    ))}
                  </select>
                </div>
                <p className="m-0">
                  <SubmitButton primary={false}>{t("plan:items.add")}</SubmitButton>
                </p>
              </ValidatedForm>
            ) : (
              <p className="ds-paragraph">{t("plan:items.allAdded")}</p>
            )}
          </Section>
        </>
      )}
    </section>
  );
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

function ItemForm({
  item,
  planYear,
  version,
  lastResult,
}: {
  item: Item;
  planYear: number;
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `item-${item.id}`,
    lastResult,
    defaultValue: {
      budget: item.budget,
      priority: item.priority,
      periodFrom: item.periodFrom,
      periodTo: item.periodTo,
      milestones: item.milestones,
    },
    constraint: getZodConstraint(PlanItemSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: PlanItemSchema }),
  });
  const headingId = `item-heading-${item.number}`;
  const label = `${item.number}. ${item.name}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3" data-testid={`item-form-${item.number}`}>
      <h2 id={headingId} className="ds-heading" data-size="sm">
        {label}
      </h2>
      {periodEnded({ periodTo: item.periodTo === "" ? null : Number(item.periodTo) }, planYear) ? (
        <p className="ds-paragraph m-0">
          <strong>{t("plan:page.periodEndedItem", { period: `${item.periodFrom}–${item.periodTo}` })}</strong>
        </p>
      ) : null}
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={[
          { id: fields.budget.id, label: t("plan:page.budget"), errors: fields.budget.errors },
          { id: fields.priority.id, label: t("plan:page.priority"), errors: fields.priority.errors },
          { id: fields.periodFrom.id, label: t("plan:page.period"), errors: fields.periodFrom.errors },
          { id: fields.periodTo.id, label: t("plan:page.period"), errors: fields.periodTo.errors },
          { id: fields.milestones.id, label: t("plan:page.milestones"), errors: fields.milestones.errors },
        ]}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-3">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="version" value={version} />
        <TextField
          meta={fields.budget}
          label={`${t("plan:page.budget")} (${label})`}
          inputMode="decimal"
          description={t("plan:items.budgetHelp")}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField meta={fields.priority} label={t("plan:page.priority")} inputMode="numeric" />
          <TextField
            meta={fields.periodFrom}
            label={`${t("plan:page.period")}: ${t("strategy:field.periodFrom")}`}
            inputMode="numeric"
          />
          <TextField
            meta={fields.periodTo}
            label={`${t("plan:page.period")}: ${t("strategy:field.periodTo")}`}
            inputMode="numeric"
          />
        </div>
        <TextAreaField
          meta={fields.milestones}
          label={t("plan:page.milestones")}
          description={t("plan:items.milestonesHelp")}
          rows={3}
        />
        <p className="m-0">
          <button type="submit" className="ds-button" data-variant="primary">
            {t("plan:items.save")}
          </button>
        </p>
      </Form>
      <ValidatedForm id={`remove-${item.id}`} schema={RemovePlanItemSchema}>
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="ds-button" data-variant="tertiary">
          {t("plan:items.remove", { measure: label })}
        </button>
      </ValidatedForm>
    </section>
  );
}
