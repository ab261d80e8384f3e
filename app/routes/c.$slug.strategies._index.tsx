import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { StrategyStatusTag } from "../strategy/strategy-document";
import { listStrategies } from "../strategy/strategy-read.server";
import { DataTable } from "../ui/data-table";
import { cooperationPageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "strategy:listTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const strategies = await listStrategies(db(), { cooperationId: scope.cooperationId });
  return json({ slug: scope.slug, name: scope.name, strategies, canEdit: can(scope.roles, "strategy:edit") });
}

export default function StrategyList() {
  const { slug, strategies, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="strategies-heading" className="flex flex-col gap-4">
      <h1 id="strategies-heading" className="ds-heading" data-size="lg">
        {t("strategy:allStrategies")}
      </h1>
      <p className="ds-paragraph">{t("strategy:allStrategiesIntro")}</p>
      {canEdit ? (
        <p>
          <Link className="ds-button" data-variant="primary" to={`/c/${slug}/strategies/new`}>
            {t("strategy:newStrategy")}
          </Link>
        </p>
      ) : null}
      {strategies.length ? (
        <DataTable
          labelledBy="strategies-heading"
          caption={t("strategy:listCaption")}
          headers={[t("strategy:field.title"), t("strategy:period"), t("strategy:status"), t("strategy:decidedOn")]}
        >
          {strategies.map((s) => (
            <tr key={s.id}>
              <td>
                <Link className="ds-link" to={`/c/${slug}/strategies/${s.id}`}>
                  {s.title}
                </Link>
              </td>
              <td>{t("strategy:periodValue", { from: s.periodFrom, to: s.periodTo })}</td>
              <td>
                <StrategyStatusTag status={s.status} />
              </td>
              <td>{s.decidedOn ? formatDate(lang, s.decidedOn) : t("strategy:notDecided")}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="ds-paragraph">{t("strategy:noStrategy")}</p>
      )}
    </section>
  );
}
