import type { MetaArgs } from "@remix-run/node";
import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../i18n/page-title";

/*
 * The error page, in the site's layout and the reader's language. The root renders it for what
 * goes wrong in its own loader; the routes under it render it too, so that an action's refusal
 * (413, 415, 409 …) still has the root's data — the reader's language and the signed-in header —
 * which Remix does not load for the route whose boundary shows the error.
 */

type ErrorKind =
  | "badRequest"
  | "forbidden"
  | "notFound"
  | "methodNotAllowed"
  | "conflict"
  | "tooLarge"
  | "unsupportedType"
  | "tooMany"
  | "crossOrigin"
  | "unexpected";

const ERROR_KINDS: Record<number, ErrorKind> = {
  400: "badRequest",
  403: "forbidden",
  404: "notFound",
  405: "methodNotAllowed",
  409: "conflict",
  413: "tooLarge",
  415: "unsupportedType",
  429: "tooMany",
};

/** Refusals whose body names their kind: a form sent from another site is no matter of the reader's role. */
const NAMED_KINDS = new Set<string>(["crossOrigin"] satisfies ErrorKind[]);

export function errorKind(error: unknown): ErrorKind {
  if (!isRouteErrorResponse(error)) return "unexpected";
  if (typeof error.data === "string" && NAMED_KINDS.has(error.data)) return error.data as ErrorKind;
  return ERROR_KINDS[error.status] ?? "unexpected";
}

/** The title of an error page, for a route's `meta` when it is called with an error. */
export function errorPageTitle(matches: MetaArgs["matches"], error: unknown): { title: string }[] {
  return pageTitle(matches, `common:errors.${errorKind(error)}.title`);
}

export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const requestId = (useRouteLoaderData("root") as { requestId?: string } | undefined)?.requestId;
  const kind = errorKind(error);
  return (
    <section aria-labelledby="error-heading" className="flex flex-col gap-4">
      <h1 id="error-heading" className="ds-heading" data-size="lg">
        {t(`common:errors.${kind}.title`)}
      </h1>
      <p className="ds-paragraph">{t(`common:errors.${kind}.body`)}</p>
      {kind === "unexpected" && requestId ? (
        <p className="ds-paragraph">{t("common:errors.incident", { id: requestId })}</p>
      ) : null}
      <p>
        <a className="ds-link" href="/">
          {t("common:errors.home")}
        </a>
      </p>
    </section>
  );
}
