import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { textKey } from "../i18n/config";

/** Field errors are translation keys produced by the shared zod schemas. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} className="ds-validation-message" data-color="danger">
      {errors.map((e) => (
        <p key={e} className="m-0">
          {t(textKey(e))}
        </p>
      ))}
    </div>
  );
}

/** Label, optional description, the control, and its errors, wired with aria-describedby. */
function Field({
  meta,
  label,
  description,
  children,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  description?: ReactNode;
  children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const descriptionId = description ? `${meta.id}-description` : undefined;
  const invalid = Boolean(meta.errors?.length);
  const describedBy = [descriptionId, invalid ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={meta.id}>
        {label}
      </label>
      {description ? (
        <p id={descriptionId} className="ds-paragraph" data-size="sm">
          {description}
        </p>
      ) : null}
      {children({ "aria-invalid": invalid || undefined, "aria-describedby": describedBy })}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextField({
  meta,
  label,
  type = "text",
  autoComplete,
  description,
  inputMode,
}: {
  meta: FieldMetadata<string | number | undefined>;
  label: string;
  type?: "text" | "email" | "password" | "url" | "date";
  autoComplete?: string;
  description?: ReactNode;
  /** numbers are typed as text with a numeric keyboard, so "1 250 000,50" can be accepted */
  inputMode?: "numeric" | "decimal";
}) {
  const { key, ...inputProps } = getInputProps(meta as FieldMetadata<string>, { type, ariaAttributes: false });
  return (
    <Field meta={meta} label={label} description={description}>
      {(aria) => (
        <input key={key} {...inputProps} {...aria} className="ds-input" autoComplete={autoComplete} inputMode={inputMode} />
      )}
    </Field>
  );
}

export function TextAreaField({
  meta,
  label,
  description,
  rows = 4,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  description?: ReactNode;
  rows?: number;
}) {
  const { key, ...props } = getTextareaProps(meta, { ariaAttributes: false });
  return (
    <Field meta={meta} label={label} description={description}>
      {(aria) => <textarea key={key} {...props} {...aria} rows={rows} className="ds-input" />}
    </Field>
  );
}

export function SelectField({
  meta,
  label,
  description,
  options,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  description?: ReactNode;
  options: { value: string; label: string }[];
}) {
  const { key, ...props } = getSelectProps(meta, { ariaAttributes: false });
  return (
    <Field meta={meta} label={label} description={description}>
      {(aria) => (
        <select key={key} {...props} {...aria} className="ds-input">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A group of checkboxes for an array field (e.g. participating municipalities), in a fieldset. */
export function CheckboxGroupField({
  meta,
  legend,
  description,
  options,
}: {
  meta: FieldMetadata<string[] | undefined>;
  legend: string;
  description?: ReactNode;
  options: { value: string; label: string }[];
}) {
  const invalid = Boolean(meta.errors?.length);
  const descriptionId = description ? `${meta.id}-description` : undefined;
  const selected = new Set((meta.initialValue as string[] | undefined) ?? []);
  return (
    <fieldset
      className="ds-fieldset"
      aria-describedby={[descriptionId, invalid ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined}
    >
      <legend className="ds-label">{legend}</legend>
      {description ? (
        <p id={descriptionId} className="ds-paragraph" data-size="sm">
          {description}
        </p>
      ) : null}
      {options.map((o, i) => (
        <div key={o.value} className="ds-field">
          <input
            id={`${meta.id}-${i}`}
            type="checkbox"
            name={meta.name}
            value={o.value}
            defaultChecked={selected.has(o.value)}
            className="ds-input"
            form={meta.formId}
          />
          <label className="ds-label" htmlFor={`${meta.id}-${i}`} data-weight="regular">
            {o.label}
          </label>
        </div>
      ))}
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

/**
 * Lists every error at the top of the form and takes focus when it appears, so keyboard and
 * screen-reader users land on it after a failed submit — with or without JavaScript (autofocus).
 */
export function ErrorSummary({
  formErrors,
  fields,
  focusKey,
}: {
  formErrors: string[] | undefined;
  fields: { id: string; label: string; errors: string[] | undefined }[];
  /** changes with every submission result (e.g. the action data), so a repeated failure takes focus again */
  focusKey?: unknown;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const fieldErrors = fields.filter((f) => f.errors?.length);
  const visible = Boolean(formErrors?.length) || fieldErrors.length > 0;
  // React acts on autoFocus only for form controls, not for a <div>: with JavaScript, focus it here.
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);
  if (!visible) return null;
  return (
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div
      ref={ref}
      className="ds-error-summary ds-alert"
      data-color="danger"
      tabIndex={-1}
      autoFocus
      role="alert"
      aria-labelledby="error-summary-heading"
    >
      <h2 id="error-summary-heading" className="ds-heading" data-size="xs">
        {t("common:form.errorSummary")}
      </h2>
      <ul className="ds-list">
        {formErrors?.map((e) => (
          <li key={e}>{t(textKey(e))}</li>
        ))}
        {fieldErrors.map((f) => (
          <li key={f.id}>
            <a className="ds-link" href={`#${f.id}`}>
              {f.label}: {f.errors!.map((e) => t(textKey(e))).join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A form's submit button, busy while a form is being sent (so a second click is seen to wait). */
export function SubmitButton({ children, primary = true }: { children: ReactNode; primary?: boolean }) {
  const navigation = useNavigation();
  return (
    <button
      type="submit"
      className="ds-button"
      data-variant={primary ? "primary" : "secondary"}
      aria-busy={navigation.state === "submitting" || undefined}
    >
      {children}
    </button>
  );
}

/** Submit and a way back at the end of a form. */
export function SubmitOrCancel({
  submitLabel,
  cancelTo,
  cancelLabel,
}: {
  submitLabel: string;
  cancelTo: string;
  cancelLabel: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <SubmitButton>{submitLabel}</SubmitButton>
      <Link className="ds-link" to={cancelTo}>
        {cancelLabel}
      </Link>
    </div>
  );
}
