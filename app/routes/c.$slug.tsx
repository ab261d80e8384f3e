import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCooperationRole } from "../auth/guards.server";

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  return json({ slug: scope.slug, name: scope.name, roles: scope.roles });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.name} – Fellesløft` : "Fellesløft" }];

export default function CooperationLayout() {
  const { slug, name, roles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("cooperation.nav", { name })} className="no-print">
        <ul className="m-0 flex list-none flex-wrap gap-4 p-0">
          {[
            { to: `/c/${slug}`, label: t("cooperation.overview"), end: true },
            { to: `/c/${slug}/strategy`, label: t("strategy.nav"), end: false },
            { to: `/c/${slug}/measures`, label: t("measure.nav"), end: false },
            { to: `/c/${slug}/matrix`, label: t("overview.matrixNav"), end: false },
            { to: `/c/${slug}/progress`, label: t("overview.progressNav"), end: false },
            { to: `/c/${slug}/plans`, label: t("plan.nav"), end: false },
            ...(roles.includes("reporter") ? [{ to: `/c/${slug}/uptake`, label: t("uptake.nav"), end: false }] : []),
            { to: `/c/${slug}/rounds`, label: t("round.nav"), end: false },
            { to: `/c/${slug}/reports`, label: t("report.nav"), end: false },
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
