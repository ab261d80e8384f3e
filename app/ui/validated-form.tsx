import { useForm, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { $ZodType } from "zod/v4/core";
import { parseForm } from "../utils/parse-form";
import { FieldErrors } from "./form";

type FormMeta = FormMetadata<Record<string, unknown>, string[]>;

interface ValidatedFormProps {
  className?: string;
  preventScrollReset?: boolean;
  /** unique on the page: a form repeated per row names its row */
  id: string;
  schema: $ZodType;
  /** the action's reply when it answers this form (replyFor); none where the action only redirects or refuses with a status */
  lastResult?: SubmissionResult<string[]>;
  /**
   * A function gets the form's state (its errors, what was typed) and shows the errors itself;
   * otherwise every error is listed after the controls (a button's form has no field to show them by).
   */
  children: ReactNode | ((form: FormMeta) => ReactNode);
}

/**
 * A posted form that is not the page's main one (a button with its intent, a row's small form):
 * validated in the browser by the schema its action uses, and sent as an ordinary form without
 * JavaScript. Its errors and what was typed come from the action's reply to it.
 */
export function ValidatedForm({ id, schema, lastResult, children, className, preventScrollReset }: ValidatedFormProps) {
  const [form] = useForm({
    id,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  return (
    <Form
      method="post"
      className={className}
      preventScrollReset={preventScrollReset}
      id={form.id}
      onSubmit={form.onSubmit}
      noValidate
    >
      {typeof children === "function" ? (
        children(form)
      ) : (
        <>
          {children}
          <FieldErrors id={`${id}-error`} errors={Object.values(form.allErrors).flat()} />
        </>
      )}
    </Form>
  );
}
