import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { BENEFIT_UNITS } from "@shared-schema/measure";
import { FieldErrors, SelectField, TextAreaField, TextField } from "../ui/form";
import { ListRow, Section } from "./measure-form-parts";
import type { MeasureFields } from "./measure-form-values";

// Each benefit row's fields and labels, so the inputs and the error summary name them alike.
export const BENEFIT_LABELS = {
  description: "measure:form.benefitDescription",
  amount: "measure:form.amount",
  unit: "measure:form.unit",
  owner: "measure:form.benefitOwner",
  baseline: "measure:form.baseline",
  target: "measure:form.target",
  measuredWhen: "measure:form.measuredWhen",
} as const;

export const benefitLegend = (t: TFunction, i: number) => t("measure:form.benefitN", { n: i + 1 });

/** The expected benefits: a text, then a fixed number of rows, blank ones dropped on save. */
export function BenefitsSection({ fields }: { fields: MeasureFields }) {
  const { t } = useTranslation();
  const benefitRows = fields.benefits.getFieldList();
  const unitOptions = [
    { value: "", label: t("measure:form.noUnit") },
    ...BENEFIT_UNITS.map((u) => ({ value: u, label: t(`measure:units.${u}`) })),
  ];
  return (
    <Section legend={t("measure:form.benefits")}>
      <TextAreaField meta={fields.benefitsText} label={t("measure:form.benefitsText")} />
      <p id={fields.benefits.id} tabIndex={-1} className="ds-paragraph" data-size="sm">
        {t("measure:form.benefitRowsHint")}
      </p>
      <FieldErrors id={fields.benefits.errorId} errors={fields.benefits.errors} />
      {benefitRows.map((row, i) => {
        const f = row.getFieldset();
        return (
          <ListRow key={row.key} legend={benefitLegend(t, i)}>
            <input type="hidden" name={f.id.name} value={f.id.initialValue ?? ""} />
            <TextField meta={f.description} label={t(BENEFIT_LABELS.description)} />
            <TextField meta={f.amount} label={t(BENEFIT_LABELS.amount)} inputMode="numeric" />
            <SelectField meta={f.unit} label={t(BENEFIT_LABELS.unit)} options={unitOptions} />
            <TextField meta={f.owner} label={t(BENEFIT_LABELS.owner)} />
            <TextField meta={f.baseline} label={t(BENEFIT_LABELS.baseline)} />
            <TextField meta={f.target} label={t(BENEFIT_LABELS.target)} />
            <TextField meta={f.measuredWhen} label={t(BENEFIT_LABELS.measuredWhen)} />
          </ListRow>
        );
      })}
    </Section>
  );
}
