import type { SubmissionResult } from "@conform-to/react";
import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * What every action answers a form with when it does not redirect: Conform's reply (what was
 * typed, and the errors as translation keys), whether the record changed since the form was
 * loaded, and which of the page's forms it answers.
 */
export interface FormReply {
  result: SubmissionResult<string[]>;
  /** someone else saved first (409): the page shows the record as stored now, the form keeps what was typed */
  stale: boolean;
  /** the intent or row of the form that was sent, on a page with several forms; null on a page with one */
  form: string | null;
}

/** The reply's result when it answers `form` (a page's form of that intent or row), else undefined. */
export function replyFor(reply: FormReply | undefined, form: string | null = null): SubmissionResult<string[]> | undefined {
  return reply && reply.form === form ? reply.result : undefined;
}

/**
 * A route's `shouldRevalidate` for pages whose actions answer 409 when the stored data moved on
 * (a stale version, a deadline passed, a report already published): the page must then show the
 * data as it is now, as the document a form without JavaScript gets does. Single fetch reloads no
 * loader after a 4xx by default; other refusals (400, 429) change nothing, so they keep that.
 */
export const revalidateAfterConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;
