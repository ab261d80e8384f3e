import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenRoundSchema } from "@shared-schema/round";
import { osloToday } from "@shared-schema/dates";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { cooperationPageTitle } from "../i18n/page-title";
import { countRoundMail } from "../mail/outbox.server";
import { listMeasureChoices } from "../measure/catalogue.server";
import { openRound } from "../round/round.server";
import { CheckboxGroupField, ErrorSummary, TextField, SubmitOrCancel } from "../ui/form";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor } from "../utils/form-reply";
import { rethrowRefusal } from "../utils/errors.server";

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "round:form.pageTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "round:manage");
  const measures = await listMeasureChoices(db(), { cooperationId: scope.cooperationId });
  return json({ slug: scope.slug, name: scope.name, measures, today: osloToday() });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "round:manage");
  const submission = parseForm(await readForm(args.request), { schema: OpenRoundSchema });
  if (submission.status !== "success") return formReply(submission.reply());
  try {
    const id = await openRound(db(), { cooperationId: scope.cooperationId, userId: scope.userId, input: submission.value });
    const queued = await countRoundMail(db(), { cooperationId: scope.cooperationId, roundId: id });
    return redirectWithToast(`/c/${scope.slug}/rounds/${id}`, {
      kind: "success",
      key: "round:form.opened",
      values: { count: queued },
    });
  } catch (error) {
    // a measure id that is not this cooperation's is not found
    rethrowRefusal(error);
  }
}

export default function NewRound() {
  const { slug, name, measures, today } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "round",
    lastResult,
    defaultValue: { name: "", statusDate: today, deadline: "", reminderDaysBefore: "3", measures: [] as string[] },
    constraint: getZodConstraint(OpenRoundSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: OpenRoundSchema }),
  });
  return (
    <section aria-labelledby="round-form-heading" className="flex flex-col gap-4">
      <h1 id="round-form-heading" className="ds-heading" data-size="lg">
        {t("round:form.title", { name })}
      </h1>
      <p className="ds-paragraph">{t("round:form.intro")}</p>
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={[
          { id: fields.name.id, label: t("round:form.name"), errors: fields.name.errors },
          { id: fields.statusDate.id, label: t("round:form.statusDate"), errors: fields.statusDate.errors },
          { id: fields.deadline.id, label: t("round:form.deadline"), errors: fields.deadline.errors },
          { id: fields.reminderDaysBefore.id, label: t("round:form.reminderDays"), errors: fields.reminderDaysBefore.errors },
          { id: `${fields.measures.id}-0`, label: t("round:form.measures"), errors: fields.measures.errors },
        ]}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
        <TextField meta={fields.name} label={t("round:form.name")} description={t("round:form.nameHelp")} />
        <TextField
          meta={fields.statusDate}
          label={t("round:form.statusDate")}
          description={t("round:form.statusDateHelp")}
          type="date"
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField meta={fields.deadline} label={t("round:form.deadline")} type="date" />
          <TextField
            meta={fields.reminderDaysBefore}
            label={t("round:form.reminderDays")}
            description={t("round:form.reminderDaysHelp")}
            inputMode="numeric"
          />
        </div>
        <CheckboxGroupField
          meta={fields.measures}
          legend={t("round:form.measures")}
          description={t("round:form.measuresHelp")}
          options={measures.map((m) => ({
            value: m.id,
            label: `${m.number}. ${m.name} (${t(`common:measureStatus.${m.status}`)})`,
          }))}
        />
        <SubmitOrCancel
          cancelLabel={t("round:detail.back")}
          submitLabel={t("round:form.submit")}
          cancelTo={`/c/${slug}/rounds`}
        />
      </Form>
    </section>
  );
}
