import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { publicCooperation } from "../publication/pages.server";
import { publishedParts } from "../publication/parts";
import { useKeepLanguage } from "../publication/public-link";
import { publicPartUrl, publicUrl } from "../publication/urls";
import { ErrorPage, errorPageTitle } from "../ui/error-page";

/*
 * The frame of a cooperation's public pages: its name, the parts it publishes, and its own
 * accessibility statement. Each page below checks its own part in its own loader.
 */

export const headers = publicPageHeaders;

export const meta: MetaFunction = ({ matches, error }) => (error ? errorPageTitle(matches, error) : []);

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag } = await publicPage(args, null);
  const cooperation = await publicCooperation(db(), scope);
  return publicJson(
    {
      slug: scope.slug,
      name: scope.name,
      parts: publishedParts(scope.published),
      accessibilityStatementUrl: cooperation.accessibilityStatementUrl,
    },
    etag,
  );
}

export const ErrorBoundary = ErrorPage;

export default function PublicCooperationLayout() {
  const { slug, name, parts, accessibilityStatementUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const keep = useKeepLanguage();
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("publication:pages.nav", { name })}>
        <ul className="m-0 flex list-none flex-wrap gap-4 p-0">
          <li>
            <NavLink end to={keep(publicUrl(slug))} className="ds-link">
              {name}
            </NavLink>
          </li>
          {parts.map((part) => (
            <li key={part}>
              <NavLink to={keep(publicPartUrl(slug, part))} className="ds-link">
                {t(`publication:pages.partNav.${part}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
      <p className="ds-paragraph border-t border-gray-300 pt-4" data-size="sm">
        <a className="ds-link" href={accessibilityStatementUrl ?? "/accessibility"}>
          {t("publication:pages.accessibilityStatement", { name })}
        </a>
      </p>
    </div>
  );
}
