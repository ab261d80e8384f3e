import type { MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useParams, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "../cooperation/permissions";
import { cooperationName } from "../i18n/page-title";
import type { loader as rootLoader } from "../root";
import { ErrorPage, errorPageTitle } from "../ui/error-page";

/*
 * No loader of its own: the root already reads the user's cooperations and roles (for the header),
 * and every page below checks the cooperation in the URL in its own loader (requireCooperationRole),
 * so a stranger gets that page's 404 before this layout renders.
 */

export const meta: MetaFunction = ({ matches, error }) => {
  if (error) return errorPageTitle(matches, error);
  const name = cooperationName(matches);
  return [{ title: name ? `${name} – Fellesløft` : "Fellesløft" }];
};

export const ErrorBoundary = ErrorPage;

export default function CooperationLayout() {
  const { slug } = useParams();
  const cooperation = useRouteLoaderData<typeof rootLoader>("root")?.cooperations.find((c) => c.slug === slug);
  const { t } = useTranslation();
  // the page's loader let the user in, so the root's list has the cooperation; should the two ever
  // disagree (roles changed between them), the page shows without the menu rather than fail
  if (!cooperation) return <Outlet />;
  const { name, roles } = cooperation;
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("common:cooperation.nav", { name })} className="no-print">
        <ul className="m-0 flex list-none flex-wrap gap-4 p-0">
          {[
            { to: `/c/${slug}`, label: t("common:cooperation.overview"), end: true },
            { to: `/c/${slug}/strategy`, label: t("strategy:nav"), end: false },
            { to: `/c/${slug}/measures`, label: t("measure:nav"), end: false },
            { to: `/c/${slug}/matrix`, label: t("overview:matrixNav"), end: false },
            { to: `/c/${slug}/progress`, label: t("overview:progressNav"), end: false },
            { to: `/c/${slug}/plans`, label: t("plan:nav"), end: false },
            ...(can(roles, "uptake:report") ? [{ to: `/c/${slug}/uptake`, label: t("uptake:nav"), end: false }] : []),
            { to: `/c/${slug}/rounds`, label: t("round:nav"), end: false },
            { to: `/c/${slug}/reports`, label: t("report:nav"), end: false },
            ...(can(roles, "succession:manage")
              ? [{ to: `/c/${slug}/map-changes`, label: t("succession:page.nav"), end: false }]
              : []),
            ...(can(roles, "cooperation:manage")
              ? [{ to: `/c/${slug}/settings`, label: t("publication:settings.nav"), end: false }]
              : []),
          ].map((item) => (
            <li key={item.to}>
              <NavLink end={item.end} to={item.to} className="ds-link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
