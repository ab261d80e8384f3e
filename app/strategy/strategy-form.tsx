import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewStrategySchema } from "@shared-schema/strategy";
import { ErrorSummary, SubmitOrCancel, TextAreaField, TextField } from "../ui/form";
import { parseForm } from "../utils/parse-form";

export interface StrategyFormDefaults {
  title: string;
  periodFrom: string;
  periodTo: string;
  vision: string;
  purpose: string;
  principles: string;
  nationalGuidelines: string;
}

/** Title, period, vision, purpose, principles and guidelines; for a new draft and for editing one. */
export function StrategyForm({
  id,
  lastResult,
  defaultValue,
  version,
  submitLabel,
  cancelTo,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: StrategyFormDefaults;
  /** the row version for an edit; the hidden field always carries the latest one the page has seen */
  version?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(NewStrategySchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: NewStrategySchema }),
  });
  const all = [
    { meta: fields.title, label: t("strategy:field.title") },
    { meta: fields.periodFrom, label: t("strategy:field.periodFrom") },
    { meta: fields.periodTo, label: t("strategy:field.periodTo") },
    { meta: fields.vision, label: t("strategy:field.vision") },
    { meta: fields.purpose, label: t("strategy:field.purpose") },
    { meta: fields.principles, label: t("strategy:field.principles") },
    { meta: fields.nationalGuidelines, label: t("strategy:field.nationalGuidelines") },
  ];
  return (
    <>
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={all.map((f) => ({ id: f.meta.id, label: f.label, errors: f.meta.errors }))}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
        {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
        <TextField meta={fields.title} label={t("strategy:field.title")} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField meta={fields.periodFrom} label={t("strategy:field.periodFrom")} inputMode="numeric" />
          <TextField meta={fields.periodTo} label={t("strategy:field.periodTo")} inputMode="numeric" />
        </div>
        <TextAreaField meta={fields.vision} label={t("strategy:field.vision")} rows={2} />
        <TextAreaField meta={fields.purpose} label={t("strategy:field.purpose")} rows={5} />
        <TextAreaField
          meta={fields.principles}
          label={t("strategy:field.principles")}
          description={t("strategy:field.principlesHelp")}
          rows={5}
        />
        <TextAreaField
          meta={fields.nationalGuidelines}
          label={t("strategy:field.nationalGuidelines")}
          description={t("strategy:field.nationalGuidelinesHelp")}
          rows={5}
        />
        <FormActions submitLabel={submitLabel} cancelTo={cancelTo} />
      </Form>
    </>
  );
}

/** Submit and "back to the strategy" at the end of every strategy form. */
export function FormActions({ submitLabel, cancelTo }: { submitLabel: string; cancelTo: string }) {
  const { t } = useTranslation();
  return <SubmitOrCancel submitLabel={submitLabel} cancelTo={cancelTo} cancelLabel={t("strategy:cancel")} />;
}
