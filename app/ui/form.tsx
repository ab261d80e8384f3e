import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** Field errors are translation keys produced by the shared zod schemas. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} className="ds-validation-message" data-color="danger">
      {errors.map((e) => (
        <p key={e} className="m-0">
          {t(e)}
        </p>
      ))}
    </div>
  );
}

export function TextField({
  meta,
  label,
  type = "text",
  autoComplete,
  description,
}: {
  meta: FieldMetadata<string | undefined>;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  description?: ReactNode;
}) {
  const descriptionId = description ? `${meta.id}-description` : undefined;
  const invalid = Boolean(meta.errors?.length);
  const describedBy = [descriptionId, invalid ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  const { key, ...inputProps } = getInputProps(meta, { type, ariaAttributes: false });
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
      <input
        key={key}
        {...inputProps}
        className="ds-input"
        autoComplete={autoComplete}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
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
        {t("form.errorSummary")}
      </h2>
      <ul className="ds-list">
        {formErrors?.map((e) => (
          <li key={e}>{t(e)}</li>
        ))}
        {fieldErrors.map((f) => (
          <li key={f.id}>
            <a className="ds-link" href={`#${f.id}`}>
              {f.label}: {f.errors!.map((e) => t(e)).join(" ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
