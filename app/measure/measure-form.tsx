import { getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { StrategyStatus } from "../../db/schema";
import {
  BENEFIT_UNITS,
  COST_KEYS,
  MEASURE_STATUSES,
  MeasureFormSchema,
  formatNokInput,
  formatPercentInput,
} from "../../shared-schema/measure";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { ErrorSummary, FieldErrors, SelectField, TextAreaField, TextField } from "../ui/form";

/*
 * The measure form for create and edit. Works without JavaScript: list rows (benefits, links)
 * come as a fixed number of rows where blank ones are dropped, and every municipality has a row
 * with its participation, agreed share and years. Errors are shown by each field and in the
 * summary, which takes focus; what the user typed comes back in the fields after an error.
 */

export interface MeasureFormOptions {
  strategies: {
    id: string;
    title: string;
    status: StrategyStatus;
    focusAreas: { id: string; title: string; goals: { id: string; text: string }[] }[];
  }[];
  members: { municipalityId: string; number: string; name: string; leftOn: string | null }[];
}

/** The saved measure as the form's strings. */
export interface MeasureFormValues {
  number: string;
  name: string;
  description: string;
  focusAreas: string[];
  goals: string[];
  benefitsText: string;
  benefits: Record<string, string>[];
  investmentCost: string;
  runningCost: string;
  financingText: string;
  costKey: string;
  equalPercent: string;
  populationYear: string;
  priority: string;
  periodFrom: string;
  periodTo: string;
  owner: string;
  participation: "all" | "chosen";
  members: { id: string; selected: string; percent: string; fromYear: string; toYear: string }[];
  status: string;
  statusText: string;
  links: { title: string; url: string }[];
  introducesSystem: string;
  phasedOutSystems: string;
}

const BLANK_ROWS = 2;
const s = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));

export function formValuesFrom(
  m: {
    number: number;
    name: string;
    description: string;
    focusAreaIds: string[];
    goalIds: string[];
    benefitsText: string;
    benefits: {
      description: string;
      amount: number | null;
      unit: string | null;
      owner: string | null;
      baseline: string | null;
      target: string | null;
      measuredWhen: string | null;
    }[];
    investmentCost: number;
    runningCost: number;
    financingText: string;
    costKey: string;
    equalPercent: number | null;
    populationYear: number | null;
    priority: number | null;
    periodFrom: number | null;
    periodTo: number | null;
    owner: string | null;
    allMembers: boolean;
    participants: { municipalityId: string; customShareBp: number | null; fromYear: number | null; toYear: number | null }[];
    status: string;
    statusText: string | null;
    links: { title: string; url: string }[];
    introducesSystem: boolean;
    phasedOutSystems: string[];
  } | null,
  members: MeasureFormOptions["members"],
  nextNumber: number
): MeasureFormValues {
  const blankBenefit = { description: "", amount: "", unit: "", owner: "", baseline: "", target: "", measuredWhen: "" };
  const participants = new Map((m?.participants ?? []).map((p) => [p.municipalityId, p]));
  return {
    number: s(m?.number ?? nextNumber),
    name: m?.name ?? "",
    description: m?.description ?? "",
    focusAreas: m?.focusAreaIds ?? [],
    goals: m?.goalIds ?? [],
    benefitsText: m?.benefitsText ?? "",
    benefits: [
      ...(m?.benefits ?? []).map((b) => ({
        description: b.description,
        amount: b.amount === null ? "" : String(b.amount),
        unit: s(b.unit),
        owner: s(b.owner),
        baseline: s(b.baseline),
        target: s(b.target),
        measuredWhen: s(b.measuredWhen),
      })),
      ...Array.from({ length: BLANK_ROWS }, () => ({ ...blankBenefit })),
    ],
    investmentCost: m ? formatNokInput(m.investmentCost) : "",
    runningCost: m ? formatNokInput(m.runningCost) : "",
    financingText: m?.financingText ?? "",
    costKey: m?.costKey ?? "equal",
    equalPercent: s(m?.equalPercent),
    populationYear: s(m?.populationYear),
    priority: s(m?.priority),
    periodFrom: s(m?.periodFrom),
    periodTo: s(m?.periodTo),
    owner: s(m?.owner),
    participation: !m || m.allMembers ? "all" : "chosen",
    members: members
      // a former member shows only when it took part in this measure
      .filter((mm) => mm.leftOn === null || (participants.has(mm.municipalityId) && !m?.allMembers))
      .map((mm) => {
        const p = participants.get(mm.municipalityId);
        return {
          id: mm.municipalityId,
          selected: p && !m?.allMembers ? "on" : "",
          percent: p?.customShareBp != null ? formatPercentInput(p.customShareBp) : "",
          fromYear: s(p?.fromYear),
          toYear: s(p?.toYear),
        };
      }),
    status: m?.status ?? "proposed",
    statusText: s(m?.statusText),
    links: [...(m?.links ?? []), ...Array.from({ length: BLANK_ROWS }, () => ({ title: "", url: "" }))],
    introducesSystem: m?.introducesSystem ? "on" : "",
    phasedOutSystems: (m?.phasedOutSystems ?? []).join("\n"),
  };
}

type Meta = FieldMetadata<unknown>;

function PlainInput({
  meta,
  label,
  inputMode,
  className = "ds-input",
}: {
  meta: Meta;
  label: string;
  inputMode?: "numeric" | "decimal";
  className?: string;
}) {
  const { key, ...props } = getInputProps(meta as FieldMetadata<string>, { type: "text", ariaAttributes: false });
  const invalid = Boolean(meta.errors?.length);
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={meta.id}>
        {label}
      </label>
      <input
        key={key}
        {...props}
        className={className}
        inputMode={inputMode}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? meta.errorId : undefined}
      />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

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
  const lang = useLanguage();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(MeasureFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeasureFormSchema }),
  });
  const memberById = new Map(options.members.map((m) => [m.municipalityId, m]));
  const memberName = (id: string | undefined) => {
    const m = id ? memberById.get(id) : undefined;
    if (!m) return id ?? "";
    return m.leftOn ? t("measure.form.formerMember", { name: m.name, date: formatDate(lang, m.leftOn) }) : m.name;
  };

  const benefitRows = fields.benefits.getFieldList();
  const linkRows = fields.links.getFieldList();
  const memberRows = fields.members.getFieldList();
  const selectedAreas = new Set(toArray(fields.focusAreas.initialValue));
  const selectedGoals = new Set(toArray(fields.goals.initialValue));

  const summaryFields: { id: string; label: string; errors: string[] | undefined }[] = [
    { id: fields.number.id, label: t("measure.form.number"), errors: fields.number.errors },
    { id: fields.name.id, label: t("measure.form.name"), errors: fields.name.errors },
    { id: fields.description.id, label: t("measure.form.description"), errors: fields.description.errors },
    { id: fields.focusAreas.id, label: t("measure.form.focusAreas"), errors: fields.focusAreas.errors },
    { id: fields.goals.id, label: t("measure.form.goals"), errors: fields.goals.errors },
    { id: fields.benefitsText.id, label: t("measure.form.benefitsText"), errors: fields.benefitsText.errors },
    ...benefitRows.flatMap((row, i) => {
      const f = row.getFieldset();
      const prefix = `${t("measure.form.benefitN", { n: i + 1 })}, `;
      return [
        { id: f.description.id, label: prefix + t("measure.form.benefitDescription"), errors: f.description.errors },
        { id: f.amount.id, label: prefix + t("measure.form.amount"), errors: f.amount.errors },
        { id: f.unit.id, label: prefix + t("measure.form.unit"), errors: f.unit.errors },
        { id: f.owner.id, label: prefix + t("measure.form.benefitOwner"), errors: f.owner.errors },
        { id: f.baseline.id, label: prefix + t("measure.form.baseline"), errors: f.baseline.errors },
        { id: f.target.id, label: prefix + t("measure.form.target"), errors: f.target.errors },
        { id: f.measuredWhen.id, label: prefix + t("measure.form.measuredWhen"), errors: f.measuredWhen.errors },
      ];
    }),
    { id: fields.investmentCost.id, label: t("measure.form.investment"), errors: fields.investmentCost.errors },
    { id: fields.runningCost.id, label: t("measure.form.running"), errors: fields.runningCost.errors },
    { id: fields.financingText.id, label: t("measure.form.financing"), errors: fields.financingText.errors },
    { id: fields.costKey.id, label: t("measure.form.costKey"), errors: fields.costKey.errors },
    { id: fields.equalPercent.id, label: t("measure.form.equalPercent"), errors: fields.equalPercent.errors },
    { id: fields.populationYear.id, label: t("measure.form.populationYear"), errors: fields.populationYear.errors },
    { id: fields.priority.id, label: t("measure.form.priority"), errors: fields.priority.errors },
    { id: fields.periodFrom.id, label: t("measure.form.periodFrom"), errors: fields.periodFrom.errors },
    { id: fields.periodTo.id, label: t("measure.form.periodTo"), errors: fields.periodTo.errors },
    { id: fields.owner.id, label: t("measure.form.owner"), errors: fields.owner.errors },
    { id: fields.participation.id, label: t("measure.form.participation"), errors: fields.participation.errors },
    { id: fields.members.id, label: t("measure.form.participants"), errors: fields.members.errors },
    ...memberRows.flatMap((row) => {
      const f = row.getFieldset();
      const name = memberName(f.id.initialValue as string | undefined);
      return [
        { id: f.percent.id, label: t("measure.form.percentLabel", { name }), errors: f.percent.errors },
        { id: f.fromYear.id, label: t("measure.form.fromYearLabel", { name }), errors: f.fromYear.errors },
        { id: f.toYear.id, label: t("measure.form.toYearLabel", { name }), errors: f.toYear.errors },
      ];
    }),
    { id: fields.status.id, label: t("measure.form.status"), errors: fields.status.errors },
    { id: fields.statusText.id, label: t("measure.form.statusText"), errors: fields.statusText.errors },
    ...linkRows.flatMap((row, i) => {
      const f = row.getFieldset();
      const prefix = `${t("measure.form.linkN", { n: i + 1 })}, `;
      return [
        { id: f.title.id, label: prefix + t("measure.form.linkTitle"), errors: f.title.errors },
        { id: f.url.id, label: prefix + t("measure.form.linkUrl"), errors: f.url.errors },
      ];
    }),
    { id: fields.phasedOutSystems.id, label: t("measure.form.phasedOut"), errors: fields.phasedOutSystems.errors },
  ];

  const unitOptions = [
    { value: "", label: t("measure.form.noUnit") },
    ...BENEFIT_UNITS.map((u) => ({ value: u, label: t(`measure.units.${u}`) })),
  ];
  const participationProps = (value: "all" | "chosen") => {
    const { key, ...props } = getInputProps(fields.participation, { type: "radio", value, ariaAttributes: false });
    return { key, props };
  };
  const all = participationProps("all");
  const chosen = participationProps("chosen");
  const introduces = getInputProps(fields.introducesSystem, { type: "checkbox", ariaAttributes: false });
  const { key: introducesKey, ...introducesProps } = introduces;

  return (
    <>
      <ErrorSummary focusKey={lastResult} formErrors={form.errors} fields={summaryFields} />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-8">
        {version !== undefined ? <input key={`v${version}`} type="hidden" name="version" value={version} /> : null}

        <fieldset className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.basics")}
          </legend>
          <TextField
            meta={fields.number}
            label={t("measure.form.number")}
            inputMode="numeric"
            description={t("measure.form.numberHint", { next: nextNumber })}
          />
          <TextField meta={fields.name} label={t("measure.form.name")} />
          <TextAreaField meta={fields.description} label={t("measure.form.description")} />
        </fieldset>

        <fieldset className="ds-fieldset flex flex-col gap-4" aria-describedby="support-hint">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.support")}
          </legend>
          <p id="support-hint" className="ds-paragraph" data-size="sm">
            {t("measure.form.supportHint")}
          </p>
          <fieldset
            id={fields.focusAreas.id}
            tabIndex={-1}
            className="ds-fieldset"
            aria-describedby={fields.focusAreas.errors?.length ? fields.focusAreas.errorId : undefined}
          >
            <legend className="ds-label">{t("measure.form.focusAreas")}</legend>
            {options.strategies.map((strategy) =>
              strategy.focusAreas.map((area) => (
                <div key={area.id} className="ds-field">
                  <input
                    id={`${fields.focusAreas.id}-${area.id}`}
                    type="checkbox"
                    name={fields.focusAreas.name}
                    value={area.id}
                    defaultChecked={selectedAreas.has(area.id)}
                    className="ds-input"
                  />
                  <label className="ds-label" data-weight="regular" htmlFor={`${fields.focusAreas.id}-${area.id}`}>
                    {area.title}
                    <span className="block text-sm">
                      {t("measure.form.strategyLabel", { title: strategy.title, status: t(`strategyStatus.${strategy.status}`) })}
                    </span>
                  </label>
                </div>
              ))
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
              {t("measure.form.goals")}
            </p>
            {options.strategies.map((strategy) =>
              strategy.focusAreas
                .filter((area) => area.goals.length)
                .map((area) => (
                  <fieldset key={area.id} className="ds-fieldset">
                    <legend className="ds-label" data-weight="regular">
                      {t("measure.form.goalsIn", { area: area.title })}
                    </legend>
                    {area.goals.map((goal) => (
                      <div key={goal.id} className="ds-field">
                        <input
                          id={`${fields.goals.id}-${goal.id}`}
                          type="checkbox"
                          name={fields.goals.name}
                          value={goal.id}
                          defaultChecked={selectedGoals.has(goal.id)}
                          className="ds-input"
                        />
                        <label className="ds-label" data-weight="regular" htmlFor={`${fields.goals.id}-${goal.id}`}>
                          {goal.text}
                        </label>
                      </div>
                    ))}
                  </fieldset>
                ))
            )}
            <FieldErrors id={fields.goals.errorId} errors={fields.goals.errors} />
          </div>
        </fieldset>

        <fieldset className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.benefits")}
          </legend>
          <TextAreaField meta={fields.benefitsText} label={t("measure.form.benefitsText")} />
          <p className="ds-paragraph" data-size="sm">
            {t("measure.form.benefitRowsHint")}
          </p>
          {benefitRows.map((row, i) => {
            const f = row.getFieldset();
            return (
              <fieldset key={row.key} className="ds-fieldset grid grid-cols-1 gap-3 md:grid-cols-2">
                <legend className="ds-label">{t("measure.form.benefitN", { n: i + 1 })}</legend>
                <PlainInput meta={f.description} label={t("measure.form.benefitDescription")} />
                <PlainInput meta={f.amount} label={t("measure.form.amount")} inputMode="numeric" />
                <SelectField meta={f.unit} label={t("measure.form.unit")} options={unitOptions} />
                <PlainInput meta={f.owner} label={t("measure.form.benefitOwner")} />
                <PlainInput meta={f.baseline} label={t("measure.form.baseline")} />
                <PlainInput meta={f.target} label={t("measure.form.target")} />
                <PlainInput meta={f.measuredWhen} label={t("measure.form.measuredWhen")} />
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.costs")}
          </legend>
          <TextField
            meta={fields.investmentCost}
            label={t("measure.form.investment")}
            inputMode="decimal"
            description={t("measure.form.nokHint")}
          />
          <TextField
            meta={fields.runningCost}
            label={t("measure.form.running")}
            inputMode="decimal"
            description={t("measure.form.nokHint")}
          />
          <TextAreaField meta={fields.financingText} label={t("measure.form.financing")} />
          <SelectField
            meta={fields.costKey}
            label={t("measure.form.costKey")}
            options={COST_KEYS.map((k) => ({ value: k, label: t(`measure.keys.${k}`) }))}
          />
          <TextField
            meta={fields.equalPercent}
            label={t("measure.form.equalPercent")}
            inputMode="numeric"
            description={t("measure.form.equalPercentHint")}
          />
          <TextField
            meta={fields.populationYear}
            label={t("measure.form.populationYear")}
            inputMode="numeric"
            description={t("measure.form.populationYearHint")}
          />
        </fieldset>

        <fieldset className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.planning")}
          </legend>
          <TextField
            meta={fields.priority}
            label={t("measure.form.priority")}
            inputMode="numeric"
            description={t("measure.form.priorityHint")}
          />
          <TextField meta={fields.periodFrom} label={t("measure.form.periodFrom")} inputMode="numeric" />
          <TextField meta={fields.periodTo} label={t("measure.form.periodTo")} inputMode="numeric" />
          <TextField meta={fields.owner} label={t("measure.form.owner")} />
        </fieldset>

        <fieldset className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.participants")}
          </legend>
          <fieldset
            className="ds-fieldset"
            aria-describedby={fields.participation.errors?.length ? fields.participation.errorId : undefined}
          >
            <legend className="ds-label">{t("measure.form.participation")}</legend>
            <div className="ds-field">
              <input key={all.key} {...all.props} id={fields.participation.id} className="ds-input" />
              <label className="ds-label" data-weight="regular" htmlFor={fields.participation.id}>
                {t("measure.form.participationAll")}
              </label>
            </div>
            <div className="ds-field">
              <input key={chosen.key} {...chosen.props} id={`${fields.participation.id}-chosen`} className="ds-input" />
              <label className="ds-label" data-weight="regular" htmlFor={`${fields.participation.id}-chosen`}>
                {t("measure.form.participationChosen")}
              </label>
            </div>
            <FieldErrors id={fields.participation.errorId} errors={fields.participation.errors} />
          </fieldset>
          <p id="members-hint" className="ds-paragraph" data-size="sm">
            {t("measure.form.membersHint")}
          </p>
          <div
            id={fields.members.id}
            tabIndex={-1}
            className="table-scroll"
            role="region"
            aria-labelledby={`${fields.members.id}-caption`}
            aria-describedby={["members-hint", fields.members.errors?.length ? fields.members.errorId : ""].join(" ").trim()}
          >
            <table className="ds-table" data-border>
              <caption id={`${fields.members.id}-caption`}>{t("measure.form.membersCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("municipality.name")}</th>
                  <th scope="col">{t("measure.form.takesPart")}</th>
                  <th scope="col">{t("measure.form.percent")}</th>
                  <th scope="col">{t("measure.form.fromYear")}</th>
                  <th scope="col">{t("measure.form.toYear")}</th>
                </tr>
              </thead>
              <tbody>
                {memberRows.map((row) => {
                  const f = row.getFieldset();
                  const id = f.id.initialValue as string | undefined;
                  const name = memberName(id);
                  const { key: selKey, ...selProps } = getInputProps(f.selected, { type: "checkbox", ariaAttributes: false });
                  const cell = (meta: Meta, label: string, mode: "numeric" | "decimal") => {
                    const { key, ...props } = getInputProps(meta as FieldMetadata<string>, {
                      type: "text",
                      ariaAttributes: false,
                    });
                    const invalid = Boolean(meta.errors?.length);
                    return (
                      <td>
                        <input
                          key={key}
                          {...props}
                          className="ds-input w-24"
                          inputMode={mode}
                          aria-label={label}
                          aria-invalid={invalid || undefined}
                          aria-describedby={invalid ? meta.errorId : undefined}
                        />
                        <FieldErrors id={meta.errorId} errors={meta.errors} />
                      </td>
                    );
                  };
                  return (
                    <tr key={row.key}>
                      <th scope="row">
                        <input type="hidden" name={f.id.name} value={id ?? ""} />
                        {name}
                      </th>
                      <td>
                        <input
                          key={selKey}
                          {...selProps}
                          className="ds-input"
                          aria-label={t("measure.form.takesPartLabel", { name })}
                        />
                      </td>
                      {cell(f.percent, t("measure.form.percentLabel", { name }), "decimal")}
                      {cell(f.fromYear, t("measure.form.fromYearLabel", { name }), "numeric")}
                      {cell(f.toYear, t("measure.form.toYearLabel", { name }), "numeric")}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <FieldErrors id={fields.members.errorId} errors={fields.members.errors} />
        </fieldset>

        <fieldset className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.statusSection")}
          </legend>
          <SelectField
            meta={fields.status}
            label={t("measure.form.status")}
            options={MEASURE_STATUSES.map((st) => ({ value: st, label: t(`measureStatus.${st}`) }))}
          />
          <TextAreaField meta={fields.statusText} label={t("measure.form.statusText")} rows={2} />
          {linkRows.map((row, i) => {
            const f = row.getFieldset();
            return (
              <fieldset key={row.key} className="ds-fieldset grid grid-cols-1 gap-3 md:grid-cols-2">
                <legend className="ds-label">{t("measure.form.linkN", { n: i + 1 })}</legend>
                <PlainInput meta={f.title} label={t("measure.form.linkTitle")} />
                <PlainInput meta={f.url} label={t("measure.form.linkUrl")} />
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset className="ds-fieldset flex flex-col gap-4">
          <legend className="ds-heading" data-size="sm">
            {t("measure.form.newSystem")}
          </legend>
          <div className="ds-field">
            <input key={introducesKey} {...introducesProps} className="ds-input" aria-describedby="introduces-hint" />
            <label className="ds-label" data-weight="regular" htmlFor={fields.introducesSystem.id}>
              {t("measure.form.introducesSystem")}
            </label>
            <p id="introduces-hint" className="ds-paragraph" data-size="sm">
              {t("measure.form.introducesSystemHint")}
            </p>
          </div>
          <TextAreaField meta={fields.phasedOutSystems} label={t("measure.form.phasedOut")} rows={3} />
        </fieldset>

        <div className="flex flex-wrap gap-4">
          <button
            type="submit"
            className="ds-button"
            data-variant="primary"
            aria-busy={navigation.state === "submitting" || undefined}
          >
            {t("measure.form.save")}
          </button>
          <Link to={cancelHref} className="ds-button" data-variant="secondary">
            {t("measure.form.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}

function toArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return typeof v === "string" ? [v] : [];
}
