import type { FieldMetadata } from "@conform-to/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { DECISION_BODIES } from "@shared-schema/decision";
import { SelectField, TextAreaField, TextField } from "../ui/form";

export interface DecisionFieldsMeta {
  body: FieldMetadata<string | undefined>;
  decidedOn: FieldMetadata<string | undefined>;
  caseNumber: FieldMetadata<string | undefined>;
  text: FieldMetadata<string | undefined>;
}

/** The four fields of a decision, as the strategy's adoption and the plan's approval or return ask for them. */
export function DecisionFields({ fields, textRows = 4 }: { fields: DecisionFieldsMeta; textRows?: number }) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        meta={fields.body}
        label={t("decision:body")}
        options={DECISION_BODIES.map((b) => ({ value: b, label: t(`decision:bodies.${b}`) }))}
      />
      <TextField meta={fields.decidedOn} label={t("decision:decidedOn")} type="date" />
      <TextField meta={fields.caseNumber} label={t("decision:caseNumber")} description={t("decision:caseNumberHint")} />
      <TextAreaField meta={fields.text} label={t("decision:text")} description={t("decision:textHint")} rows={textRows} />
    </>
  );
}

/** The same fields' entries for the form's ErrorSummary. */
export function decisionErrorFields(fields: DecisionFieldsMeta, t: TFunction) {
  return (["body", "decidedOn", "caseNumber", "text"] as const).map((name) => ({
    id: fields[name].id,
    label: t(`decision:${name}`),
    errors: fields[name].errors,
  }));
}
