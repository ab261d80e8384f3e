import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { FieldErrors } from "../ui/form";
import { Choice, Section } from "./measure-form-parts";
import type { MeasureFields, MeasureFormOptions } from "./measure-form-values";

// Each member row's text inputs and labels, so the inputs and the error summary name them alike.
export const MEMBER_CELLS = [
  { field: "percent", label: "measure:form.percentLabel", mode: "decimal" },
  { field: "fromYear", label: "measure:form.fromYearLabel", mode: "numeric" },
  { field: "toYear", label: "measure:form.toYearLabel", mode: "numeric" },
] as const;

/** A member's name as the form shows it; a former member says since when. */
export function useMemberName(members: MeasureFormOptions["members"]) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const memberById = new Map(members.map((m) => [m.municipalityId, m]));
  return (id: string | undefined) => {
    const m = id ? memberById.get(id) : undefined;
    if (!m) return id ?? "";
    return m.leftOn ? t("measure:form.formerMember", { name: m.name, date: formatDate(lang, m.leftOn) }) : m.name;
  };
}

/** A text input in the members table: the column heading is not enough, so it names itself. */
function MemberCell({
  meta,
  label,
  inputMode,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  inputMode: "numeric" | "decimal";
}) {
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

/** Who takes part: every member, or the chosen ones with their agreed share and years. */
export function ParticipantsSection({
  fields,
  memberName,
}: {
  fields: MeasureFields;
  memberName: (id: string | undefined) => string;
}) {
  const { t } = useTranslation();
  const memberRows = fields.members.getFieldList();
  const participationProps = (value: "all" | "chosen") => {
    const { key, ...props } = getInputProps(fields.participation, { type: "radio", value, ariaAttributes: false });
    return { key, props };
  };
  const all = participationProps("all");
  const chosen = participationProps("chosen");
  return (
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
  );
}
