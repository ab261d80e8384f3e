import { getInputProps } from "@conform-to/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES } from "@shared-schema/measure";
import { FieldErrors, SelectField, TextAreaField, TextField } from "../ui/form";
import { Choice, ListRow, Section } from "./measure-form-parts";
import type { MeasureFields, MeasureFormOptions } from "./measure-form-values";

/*
 * The measure form's parts that hold single fields: what the measure is, what it supports, its
 * planning, its status with links, and the system it brings in.
 */

// Each link row's fields and labels, so the inputs and the error summary name them alike.
export const LINK_LABELS = { title: "measure:form.linkTitle", url: "measure:form.linkUrl" } as const;

export const linkLegend = (t: TFunction, i: number) => t("measure:form.linkN", { n: i + 1 });

export function BasicsSection({ fields, nextNumber }: { fields: MeasureFields; nextNumber: number }) {
  const { t } = useTranslation();
  return (
    <Section legend={t("measure:form.basics")}>
      <TextField
        meta={fields.number}
        label={t("measure:form.number")}
        inputMode="numeric"
        description={t("measure:form.numberHint", { next: nextNumber })}
      />
      <TextField meta={fields.name} label={t("measure:form.name")} />
      <TextAreaField meta={fields.description} label={t("measure:form.description")} />
    </Section>
  );
}

/** The focus areas and goals of every strategy the measure can support. */
export function SupportSection({ fields, strategies }: { fields: MeasureFields; strategies: MeasureFormOptions["strategies"] }) {
  const { t } = useTranslation();
  const selectedAreas = new Set(toArray(fields.focusAreas.initialValue));
  const selectedGoals = new Set(toArray(fields.goals.initialValue));
  return (
    <Section legend={t("measure:form.support")} describedBy="support-hint">
      <p id="support-hint" className="ds-paragraph" data-size="sm">
        {t("measure:form.supportHint")}
      </p>
      <fieldset
        id={fields.focusAreas.id}
        tabIndex={-1}
        className="ds-fieldset"
        aria-describedby={fields.focusAreas.errors?.length ? fields.focusAreas.errorId : undefined}
      >
        <legend className="ds-label">{t("measure:form.focusAreas")}</legend>
        {strategies.map((strategy) =>
          strategy.focusAreas.map((area) => (
            <Choice
              key={area.id}
              id={`${fields.focusAreas.id}-${area.id}`}
              type="checkbox"
              name={fields.focusAreas.name}
              value={area.id}
              defaultChecked={selectedAreas.has(area.id)}
            >
              {area.title}
              <span className="block text-sm">
                {t("measure:form.strategyLabel", {
                  title: strategy.title,
                  status: t(`common:strategyStatus.${strategy.status}`),
                })}
              </span>
            </Choice>
          )),
        )}
        <FieldErrors id={fields.focusAreas.errorId} errors={fields.focusAreas.errors} />
      </fieldset>
      <div
        id={fields.goals.id}
        tabIndex={-1}
        className="flex flex-col gap-4"
        role="group"
        aria-labelledby={`${fields.goals.id}-label`}
      >
        <p id={`${fields.goals.id}-label`} className="ds-label m-0">
          {t("measure:form.goals")}
        </p>
        {strategies.map((strategy) =>
          strategy.focusAreas
            .filter((area) => area.goals.length)
            .map((area) => (
              <fieldset key={area.id} className="ds-fieldset">
                <legend className="ds-label" data-weight="regular">
                  {t("measure:form.goalsIn", { area: area.title })}
                </legend>
                {area.goals.map((goal) => (
                  <Choice
                    key={goal.id}
                    id={`${fields.goals.id}-${goal.id}`}
                    type="checkbox"
                    name={fields.goals.name}
                    value={goal.id}
                    defaultChecked={selectedGoals.has(goal.id)}
                  >
                    {goal.text}
                  </Choice>
                ))}
              </fieldset>
            )),
        )}
        <FieldErrors id={fields.goals.errorId} errors={fields.goals.errors} />
      </div>
    </Section>
  );
}

export function PlanningSection({ fields }: { fields: MeasureFields }) {
  const { t } = useTranslation();
  return (
    <Section legend={t("measure:form.planning")}>
      <TextField
        meta={fields.priority}
        label={t("measure:form.priority")}
        inputMode="numeric"
        description={t("measure:form.priorityHint")}
      />
      <TextField meta={fields.periodFrom} label={t("measure:form.periodFrom")} inputMode="numeric" />
      <TextField meta={fields.periodTo} label={t("measure:form.periodTo")} inputMode="numeric" />
      <TextField meta={fields.owner} label={t("measure:form.owner")} />
    </Section>
  );
}

export function StatusSection({ fields }: { fields: MeasureFields }) {
  const { t } = useTranslation();
  const linkRows = fields.links.getFieldList();
  return (
    <Section legend={t("measure:form.statusSection")}>
      <SelectField
        meta={fields.status}
        label={t("measure:form.status")}
        options={MEASURE_STATUSES.map((st) => ({ value: st, label: t(`common:measureStatus.${st}`) }))}
      />
      <TextAreaField meta={fields.statusText} label={t("measure:form.statusText")} rows={2} />
      {linkRows.map((row, i) => {
        const f = row.getFieldset();
        return (
          <ListRow key={row.key} legend={linkLegend(t, i)}>
            <TextField meta={f.title} label={t(LINK_LABELS.title)} />
            <TextField meta={f.url} label={t(LINK_LABELS.url)} />
          </ListRow>
        );
      })}
    </Section>
  );
}

export function NewSystemSection({ fields }: { fields: MeasureFields }) {
  const { t } = useTranslation();
  const introduces = getInputProps(fields.introducesSystem, { type: "checkbox", ariaAttributes: false });
  const { key: introducesKey, ...introducesProps } = introduces;
  return (
    <Section legend={t("measure:form.newSystem")}>
      <Choice
        key={introducesKey}
        {...introducesProps}
        id={fields.introducesSystem.id}
        aria-describedby="introduces-hint"
        hint={
          <p id="introduces-hint" className="ds-paragraph" data-size="sm">
            {t("measure:form.introducesSystemHint")}
          </p>
        }
      >
        {t("measure:form.introducesSystem")}
      </Choice>
      <TextAreaField meta={fields.phasedOutSystems} label={t("measure:form.phasedOut")} rows={3} />
    </Section>
  );
}

function toArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return typeof v === "string" ? [v] : [];
}
