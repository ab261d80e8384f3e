import type { InputHTMLAttributes, ReactNode } from "react";

/** One part of the form, with its legend styled as a heading. */
export function Section({ legend, describedBy, children }: { legend: string; describedBy?: string; children: ReactNode }) {
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
export function ListRow({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="ds-fieldset grid grid-cols-1 gap-3 md:grid-cols-2">
      <legend className="ds-label">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** A checkbox or radio button with its label after it, and an optional hint below. */
export function Choice({
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
