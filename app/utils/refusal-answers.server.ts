import type { Submission } from "@conform-to/react";
import { refusalOf } from "./errors.server";
import { formReply } from "./form.server";
import { redirectWithToast } from "./toast.server";

/* How an action answers a refusal of the data layer (errors.server.ts says what it tells the user). */

/** A form's answer to a refusal: what was typed goes back, with the reason beside the fields or above them. */
export function refusalReply(submission: Submission<unknown>, error: unknown, { form = null }: { form?: string | null } = {}) {
  const { status, stale, formErrors, fieldErrors } = refusalOf(error);
  return formReply(submission.reply({ formErrors, fieldErrors }), { status, stale, form });
}

/** A button's answer to a refusal: back to `url`, with the reason as an error toast. */
export function refusalToast(url: string, error: unknown): Promise<Response> {
  return redirectWithToast(url, { kind: "error", key: refusalOf(error).message });
}
