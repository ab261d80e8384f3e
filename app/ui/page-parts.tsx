import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/*
 * Markup pages share: the selects of their GET forms and their label–value lists.
 */

export interface QueryOption {
  value: string | number;
  label: string;
}

/**
 * A select in a GET form. The key follows the applied value, so the select shows it again after
 * a navigation even though it is uncontrolled. `anyLabel` adds a first, empty choice; the choices
 * are `options`, or `children` where they need more (groups).
 */
export function QuerySelect({
  id,
  name,
  label,
  value,
  anyLabel,
  options = [],
  children,
}: {
  id: string;
  name: string;
  label: string;
  value: string | number | undefined;
  anyLabel?: string;
  options?: readonly QueryOption[];
  children?: ReactNode;
}) {
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="ds-input" key={`${name}${value}`}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}

/** Label–value pairs, side by side from the small breakpoint up. */
export function Facts({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <dl className="m-0 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid={testId}>
      {children}
    </dl>
  );
}

/** One pair of a Facts list; `preLine` keeps the line breaks of a typed text. */
export function Fact({
  label,
  preLine = false,
  testId,
  children,
}: {
  label: string;
  preLine?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd className={preLine ? "m-0 whitespace-pre-line" : "m-0"} data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/**
 * A GET form that shows another year of the page; `keep` carries query parameters the page must
 * not lose (the language of a public page).
 */
export function YearForm({
  id,
  year,
  years,
  label,
  show,
  variant = "primary",
  keep = {},
}: {
  id: string;
  year: number;
  years: number[];
  label: string;
  show: string;
  variant?: "primary" | "secondary";
  keep?: Record<string, string | null>;
}) {
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <QuerySelect id={id} name="year" label={label} value={year} options={years.map((y) => ({ value: y, label: String(y) }))} />
      <button type="submit" className="ds-button" data-variant={variant}>
        {show}
      </button>
    </Form>
  );
}
