import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeasureFormSchema } from "@shared-schema/measure";
import { ErrorSummary, SubmitButton } from "../ui/form";
import { parseForm } from "../utils/parse-form";
import { BenefitsSection } from "./measure-form-benefits";
import { CostsSection } from "./measure-form-costs";
import { ParticipantsSection, useMemberName } from "./measure-form-participants";
import { BasicsSection, NewSystemSection, PlanningSection, StatusSection, SupportSection } from "./measure-form-sections";
import { useSummaryFields } from "./measure-form-summary";
import type { MeasureFormOptions, MeasureFormValues } from "./measure-form-values";

/*
 * The measure form for create and edit. Works without JavaScript: list rows (benefits, links)
 * come as a fixed number of rows where blank ones are dropped, and every municipality has a row
 * with its participation, agreed share and years. Errors are shown by each field and in the
 * summary, which takes focus; what the user typed comes back in the fields after an error.
 */

export function MeasureForm({
  formId,
  defaultValue,
  lastResult,
  options,
  nextNumber,
  version,
  cancelHref,
}: {
  formId: string;
  defaultValue: MeasureFormValues;
  lastResult: SubmissionResult<string[]> | undefined;
  options: MeasureFormOptions;
  nextNumber: number;
  /** the version the form was built from; absent on create */
  version?: number;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(MeasureFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: MeasureFormSchema }),
  });
  const memberName = useMemberName(options.members);
  const summaryFields = useSummaryFields(fields, memberName);

  return (
    <>
      <ErrorSummary focusKey={lastResult} formErrors={form.errors} fields={summaryFields} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-8">
        {version !== undefined ? <input key={`v${version}`} type="hidden" name="version" value={version} /> : null}

        <BasicsSection fields={fields} nextNumber={nextNumber} />
        <SupportSection fields={fields} strategies={options.strategies} />
        <BenefitsSection fields={fields} />
        <CostsSection fields={fields} />
        <PlanningSection fields={fields} />
        <ParticipantsSection fields={fields} memberName={memberName} />
        <StatusSection fields={fields} />
        <NewSystemSection fields={fields} />

        <div className="flex flex-wrap gap-4">
          <SubmitButton>{t("measure:form.save")}</SubmitButton>
          <Link to={cancelHref} className="ds-button" data-variant="secondary">
            {t("measure:form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
