import type { TextKey } from "../i18n/config";

/*
 * The refusals of the data layer, four kinds and no more, and the one place they become answers.
 * A domain refusal extends one of the four; a route catches, hands the error to `refusalReply`
 * (a form's action) or `refusalToast` (a button's, both in refusal-answers.server.ts), and never
 * tests the class itself. This module imports nothing at run time, so any data function can throw
 * a refusal without loading what answers it.
 */

export abstract class Refusal extends Error {}

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

/** Not there, or not the cooperation's: answered 404, as for a non-member, so nothing leaks. */
export class NotFoundError extends Refusal {}

/** The caller's roles lack the permission: answered 403. */
export class ForbiddenError extends Refusal {}

/**
 * Someone else saved first (optimistic concurrency): answered 409, and the page shows the record
 * as it is stored now while the form keeps what was typed.
 */
export class StaleVersionError extends Refusal {
  constructor(readonly entity: string) {
    super(`${entity} was changed by someone else`);
  }
}

/**
 * A rule of the domain the request breaks. `messageKey` says why for the whole form (409);
 * `fieldErrors` name the fields to correct (400) — keys are the form's field names.
 */
export class RuleBrokenError extends Refusal {
  constructor(
    readonly messageKey: TextKey,
    readonly fieldErrors: Record<string, TextKey> = {},
  ) {
    super(`rule broken: ${messageKey}`);
  }
}

interface Refused {
  status: 400 | 409;
  stale: boolean;
  /** the reason in one sentence, for a toast */
  message: TextKey;
  formErrors: TextKey[];
  fieldErrors: Record<string, TextKey[]>;
}

/** Where nothing but "not found" or "forbidden" is expected: those as answers, anything else as it is. */
export function rethrowRefusal(error: unknown): never {
  if (error instanceof NotFoundError) throw notFound();
  if (error instanceof ForbiddenError) throw forbidden();
  throw error;
}

/** What a refusal tells the user; 404 and 403 are thrown as answers, anything else rethrown. */
export function refusalOf(error: unknown): Refused {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) rethrowRefusal(error);
  if (error instanceof StaleVersionError) {
    const message = "common:form.staleVersion";
    return { status: 409, stale: true, message: "common:form.staleShort", formErrors: [message], fieldErrors: {} };
  }
  if (!(error instanceof RuleBrokenError)) throw error;
  const fields = Object.entries(error.fieldErrors);
  return fields.length
    ? {
        status: 400,
        stale: false,
        message: error.messageKey,
        formErrors: [],
        fieldErrors: Object.fromEntries(fields.map(([f, k]) => [f, [k]])),
      }
    : { status: 409, stale: false, message: error.messageKey, formErrors: [error.messageKey], fieldErrors: {} };
}
