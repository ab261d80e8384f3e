import { getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { StrategyStatus } from "../../db/schema";
import {
  BENEFIT_UNITS,
  COST_KEYS,
  MEASURE_STATUSES,
  MeasureFormSchema,
  formatNokInput,
  formatPercentInput,
  type MeasureInput,
} from "@shared-schema/measure";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { ErrorSummary, FieldErrors, SelectField, TextAreaField, TextField } from "../ui/form";
import { parseForm } from "../utils/parse-form";

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
  m: MeasureInput | null,
  members: MeasureFormOptions["members"],
  nextNumber: number
): MeasureFormValues {
  const blankBenefit = { id: "", description: "", amount: "", unit: "", owner: "", baseline: "", target: "", measuredWhen: "" };
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
        id: s(b.id),
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
type SummaryField = { id: string; label: string; errors: string[] | undefined };

/** Where a field is and what it is called, for the error summary. */
const entry = (meta: Meta, label: string): SummaryField => ({ id: meta.id, label, errors: meta.errors });

// Each list row's fields and labels, so the inputs and the error summary name them alike.
const BENEFIT_LABELS = {
  description: "measure:form.benefitDescription",
  amount: "measure:form.amount",
  unit: "measure:form.unit",
  owner: "measure:form.benefitOwner",
  baseline: "measure:form.baseline",
  target: "measure:form.target",
  measuredWhen: "measure:form.measuredWhen",
} as const;
const LINK_LABELS = { title: "measure:form.linkTitle", url: "measure:form.linkUrl" } as const;
const MEMBER_CELLS = [
  { field: "percent", label: "measure:form.percentLabel", mode: "decimal" },
  { field: "fromYear", label: "measure:form.fromYearLabel", mode: "numeric" },
  { field: "toYear", label: "measure:form.toYearLabel", mode: "numeric" },
] as const;

/** One part of the form, with its legend styled as a heading. */
function Section({ legend, describedBy, children }: { legend: string; describedBy?: string; children: ReactNode }) {
  return (
    <fieldset className="ds-fieldset flex flex-col gap-4" aria-describedby={describedBy}>
      <legend className="ds-heading" data-size="sm">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/** A numbered row of a list (benefits, links); a blank row is dropped on save. */
function ListRow({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="ds-fieldset grid grid-cols-1 gap-3 md:grid-cols-2">
      <legend className="ds-label">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A checkbox or radio button with its label after it, and an optional hint below. */
function Choice({
  id,
  children,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <div className="ds-field">
      <input {...input} id={id} className="ds-input" />
      <label className="ds-label" data-weight="regular" htmlFor={id}>
        {children}
      </label>
      {hint}
    </div>
  );
}

/** A text input in the members table: the column heading is not enough, so it names itself. */
function MemberCell({ meta, label, inputMode }: { meta: Meta; label: string; inputMode: "numeric" | "decimal" }) {
  const { key, ...props } = getInputProps(meta as FieldMetadata<string>, { type: "text", ariaAttributes: false });
  const invalid = Boolean(meta.errors?.length);
  return (
    <td>
      <input
        key={key}
        {...props}
        className="ds-input w-24"
        inputMode={inputMode}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? meta.errorId : undefined}
      />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </td>
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
    onValidate: ({ formData }) => parseForm(formData, { schema: MeasureFormSchema }),
  });
  const memberById = new Map(options.members.map((m) => [m.municipalityId, m]));
  const memberName = (id: string | undefined) => {
    const m = id ? memberById.get(id) : undefined;
    if (!m) return id ?? "";
    return m.leftOn ? t("measure:form.formerMember", { name: m.name, date: formatDate(lang, m.leftOn) }) : m.name;
  };

  const benefitRows = fields.benefits.getFieldList();
  const linkRows = fields.links.getFieldList();
  const memberRows = fields.members.getFieldList();
  const selectedAreas = new Set(toArray(fields.focusAreas.initialValue));
  const selectedGoals = new Set(toArray(fields.goals.initialValue));
  const benefitLegend = (i: number) => t("measure:form.benefitN", { n: i + 1 });
  const linkLegend = (i: number) => t("measure:form.linkN", { n: i + 1 });

  const summaryFields: SummaryField[] = [
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
        entry(f[field as keyof typeof BENEFIT_LABELS], `${benefitLegend(i)}, ${t(label)}`)
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
        entry(f[field as keyof typeof LINK_LABELS], `${linkLegend(i)}, ${t(label)}`)
      );
    }),
    entry(fields.phasedOutSystems, t("measure:form.phasedOut")),
  ];

  const unitOptions = [
    { value: "", label: t("measure:form.noUnit") },
    ...BENEFIT_UNITS.map((u) => ({ value: u, label: t(`measure:units.${u}`) })),
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
            {options.strategies.map((strategy) =>
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
                    {t("measure:form.strategyLabel", { title: strategy.title, status: t(`common:strategyStatus.${strategy.status}`) })}
                  </span>
                </Choice>
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
              {t("measure:form.goals")}
            </p>
            {options.strategies.map((strategy) =>
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
                ))
            )}
            <FieldErrors id={fields.goals.errorId} errors={fields.goals.errors} />
          </div>
        </Section>

        <Section legend={t("measure:form.benefits")}>
          <TextAreaField meta={fields.benefitsText} label={t("measure:form.benefitsText")} />
          <p id={fields.benefits.id} tabIndex={-1} className="ds-paragraph" data-size="sm">
            {t("measure:form.benefitRowsHint")}
          </p>
          <FieldErrors id={fields.benefits.errorId} errors={fields.benefits.errors} />
          {benefitRows.map((row, i) => {
            const f = row.getFieldset();
            return (
              <ListRow key={row.key} legend={benefitLegend(i)}>
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

        <Section legend={t("measure:form.participants")}>
          <fieldset
            className="ds-fieldset"
            aria-describedby={fields.participation.errors?.length ? fields.participation.errorId : undefined}
          >
            <legend className="ds-label">{t("measure:form.participation")}</legend>
            <Choice key={all.key} {...all.props} id={fields.participation.id}>
              {t("measure:form.participationAll")}
            </Choice>
            <Choice key={chosen.key} {...chosen.props} id={`${fields.participation.id}-chosen`}>
              {t("measure:form.participationChosen")}
            </Choice>
            <FieldErrors id={fields.participation.errorId} errors={fields.participation.errors} />
          </fieldset>
          <p id="members-hint" className="ds-paragraph" data-size="sm">
            {t("measure:form.membersHint")}
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
              <caption id={`${fields.members.id}-caption`}>{t("measure:form.membersCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("common:municipality.name")}</th>
                  <th scope="col">{t("measure:form.takesPart")}</th>
                  <th scope="col">{t("measure:form.percent")}</th>
                  <th scope="col">{t("measure:form.fromYear")}</th>
                  <th scope="col">{t("measure:form.toYear")}</th>
                </tr>
              </thead>
              <tbody>
                {memberRows.map((row) => {
                  const f = row.getFieldset();
                  const id = f.id.initialValue as string | undefined;
                  const name = memberName(id);
                  const { key: selKey, ...selProps } = getInputProps(f.selected, { type: "checkbox", ariaAttributes: false });
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
                          aria-label={t("measure:form.takesPartLabel", { name })}
                        />
                      </td>
                      {MEMBER_CELLS.map((c) => (
                        <MemberCell key={c.field} meta={f[c.field]} label={t(c.label, { name })} inputMode={c.mode} />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <FieldErrors id={fields.members.errorId} errors={fields.members.errors} />
        </Section>

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
              <ListRow key={row.key} legend={linkLegend(i)}>
                <TextField meta={f.title} label={t(LINK_LABELS.title)} />
                <TextField meta={f.url} label={t(LINK_LABELS.url)} />
              </ListRow>
            );
          })}
        </Section>

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

        <div className="flex flex-wrap gap-4">
          <button
            type="submit"
            className="ds-button"
            data-variant="primary"
            aria-busy={navigation.state === "submitting" || undefined}
          >
            {t("measure:form.save")}
          </button>
          <Link to={cancelHref} className="ds-button" data-variant="secondary">
            {t("measure:form.cancel")}
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
