import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { BENEFIT_LABELS, benefitLegend } from "./measure-form-benefits";
import { MEMBER_CELLS } from "./measure-form-participants";
import { LINK_LABELS, linkLegend } from "./measure-form-sections";
import type { MeasureFields } from "./measure-form-values";

type SummaryField = { id: string; label: string; errors: string[] | undefined };

/** Where a field is and what it is called, for the error summary. */
const entry = (meta: FieldMetadata<unknown>, label: string): SummaryField => ({ id: meta.id, label, errors: meta.errors });

/** Every field of the form in its order, named as its label names it, for the error summary. */
export function useSummaryFields(fields: MeasureFields, memberName: (id: string | undefined) => string): SummaryField[] {
  const { t } = useTranslation();
  const benefitRows = fields.benefits.getFieldList();
  const linkRows = fields.links.getFieldList();
  const memberRows = fields.members.getFieldList();
  return [
    entry(fields.number, t("measure:form.number")),
    entry(fields.name, t("measure:form.name")),
    entry(fields.description, t("measure:form.description")),
    entry(fields.focusAreas, t("measure:form.focusAreas")),
    entry(fields.goals, t("measure:form.goals")),
    entry(fields.benefitsText, t("measure:form.benefitsText")),
    entry(fields.benefits, t("measure:form.benefits")),
    ...benefitRows.flatMap((row, i) => {
      const f = row.getFieldset();
      return Object.entries(BENEFIT_LABELS).map(([field, label]) =>
        entry(f[field as keyof typeof BENEFIT_LABELS], `${benefitLegend(t, i)}, ${t(label)}`),
      );
    }),
    entry(fields.investmentCost, t("measure:form.investment")),
    entry(fields.runningCost, t("measure:form.running")),
    entry(fields.financingText, t("measure:form.financing")),
    entry(fields.costKey, t("measure:form.costKey")),
    entry(fields.equalPercent, t("measure:form.equalPercent")),
    entry(fields.populationYear, t("measure:form.populationYear")),
    entry(fields.priority, t("measure:form.priority")),
    entry(fields.periodFrom, t("measure:form.periodFrom")),
    entry(fields.periodTo, t("measure:form.periodTo")),
    entry(fields.owner, t("measure:form.owner")),
    entry(fields.participation, t("measure:form.participation")),
    entry(fields.members, t("measure:form.participants")),
    ...memberRows.flatMap((row) => {
      const f = row.getFieldset();
      const name = memberName(f.id.initialValue as string | undefined);
      return MEMBER_CELLS.map((c) => entry(f[c.field], t(c.label, { name })));
    }),
    entry(fields.status, t("measure:form.status")),
    entry(fields.statusText, t("measure:form.statusText")),
    ...linkRows.flatMap((row, i) => {
      const f = row.getFieldset();
      return Object.entries(LINK_LABELS).map(([field, label]) =>
        entry(f[field as keyof typeof LINK_LABELS], `${linkLegend(t, i)}, ${t(label)}`),
      );
    }),
    entry(fields.phasedOutSystems, t("measure:form.phasedOut")),
  ];
}
