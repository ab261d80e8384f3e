import { useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InputDeadlineSchema, PlanDecisionSchema, VersionOnlySchema } from "@shared-schema/plan";
import { DecisionFields, decisionErrorFields } from "../decision/decision-fields";
import { ErrorSummary, SubmitButton, TextField } from "../ui/form";
import type { PlanAction } from "./state-machine";
import { parseForm } from "../utils/parse-form";
import { replyFor, type FormReply } from "../utils/form-reply";
import { ValidatedForm } from "../ui/validated-form";

/*
 * The transition forms of a plan page: one small POST form per action the user may take now.
 * Each carries the version's number and row version; the cooperation and user come from the URL
 * and the session. Refusals come back as a toast (state) or as field errors on the same form.
 */

function Hidden({ action, versionNo, version }: { action: PlanAction; versionNo: number; version: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={action} />
      <input type="hidden" name="versionNo" value={versionNo} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export function TransitionForms({
  actions,
  versionNo,
  version,
  lastResult,
  today,
}: {
  actions: PlanAction[];
  versionNo: number;
  version: number;
  lastResult: FormReply | undefined;
  today: string;
}) {
  const { t } = useTranslation();
  const resultFor = (action: PlanAction) => replyFor(lastResult, action);
  return (
    <div className="flex flex-col gap-6">
      {actions.map((action) =>
        action === "sendForInput" ? (
          <DeadlineForm key={action} versionNo={versionNo} version={version} lastResult={resultFor(action)} />
        ) : action === "approve" || action === "return" ? (
          <DecisionForm
            key={action}
            action={action}
            versionNo={versionNo}
            version={version}
            lastResult={resultFor(action)}
            today={today}
          />
        ) : (
          <ValidatedForm key={action} id={`transition-${action}`} schema={VersionOnlySchema}>
            <Hidden action={action} versionNo={versionNo} version={version} />
            <SubmitButton primary={action === "submit"}>{t(`plan:action.${action}`)}</SubmitButton>
          </ValidatedForm>
        ),
      )}
    </div>
  );
}

function DeadlineForm({
  versionNo,
  version,
  lastResult,
}: {
  versionNo: number;
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "transition-sendForInput",
    lastResult,
    constraint: getZodConstraint(InputDeadlineSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: InputDeadlineSchema }),
  });
  return (
    <section aria-labelledby="send-heading" className="flex flex-col gap-3">
      <h3 id="send-heading" className="ds-heading" data-size="xs">
        {t("plan:action.sendHeading")}
      </h3>
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={[{ id: fields.inputDeadline.id, label: t("plan:action.inputDeadline"), errors: fields.inputDeadline.errors }]}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-md flex-col gap-3">
        <Hidden action="sendForInput" versionNo={versionNo} version={version} />
        <TextField meta={fields.inputDeadline} label={t("plan:action.inputDeadline")} type="date" />
        <p className="m-0">
          <SubmitButton>{t("plan:action.sendForInput")}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}

function DecisionForm({
  action,
  versionNo,
  version,
  lastResult,
  today,
}: {
  action: "approve" | "return";
  versionNo: number;
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
  today: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `transition-${action}`,
    lastResult,
    defaultValue: { body: "chief_executives", decidedOn: today, caseNumber: "", text: "" },
    constraint: getZodConstraint(PlanDecisionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: PlanDecisionSchema }),
  });
  const headingId = `${action}-heading`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <h3 id={headingId} className="ds-heading" data-size="xs">
        {t(action === "approve" ? "plan:action.approveHeading" : "plan:action.returnHeading")}
      </h3>
      <ErrorSummary focusKey={lastResult} formErrors={form.errors} fields={decisionErrorFields(fields, t)} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-3">
        <Hidden action={action} versionNo={versionNo} version={version} />
        <DecisionFields fields={fields} textRows={3} />
        <p className="m-0">
          <SubmitButton primary={action === "approve"}>{t(`plan:action.${action}`)}</SubmitButton>
        </p>
      </Form>
    </section>
  );
}
