import { useTranslation } from "react-i18next";
import { COST_KEYS } from "@shared-schema/measure";
import { SelectField, TextAreaField, TextField } from "../ui/form";
import { Section } from "./measure-form-parts";
import type { MeasureFields } from "./measure-form-values";

/** The costs and how they are shared among the participants (see cost-sharing.ts). */
export function CostsSection({ fields }: { fields: MeasureFields }) {
  const { t } = useTranslation();
  return (
    <Section legend={t("measure:form.costs")}>
      <TextField
        meta={fields.investmentCost}
        label={t("measure:form.investment")}
        inputMode="decimal"
        description={t("measure:form.nokHint")}
      />
      <TextField
        meta={fields.runningCost}
        label={t("measure:form.running")}
        inputMode="decimal"
        description={t("measure:form.nokHint")}
      />
      <TextAreaField meta={fields.financingText} label={t("measure:form.financing")} />
      <SelectField
        meta={fields.costKey}
        label={t("measure:form.costKey")}
        options={COST_KEYS.map((k) => ({ value: k, label: t(`measure:keys.${k}`) }))}
      />
      <TextField
        meta={fields.equalPercent}
        label={t("measure:form.equalPercent")}
        inputMode="numeric"
        description={t("measure:form.equalPercentHint")}
      />
      <TextField
        meta={fields.populationYear}
        label={t("measure:form.populationYear")}
        inputMode="numeric"
        description={t("measure:form.populationYearHint")}
      />
    </Section>
  );
}
