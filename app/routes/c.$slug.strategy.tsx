import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { StrategyDocument } from "../strategy/strategy-document";
import { findCurrentStrategyId, getStrategyDetail } from "../strategy/strategy-read.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.strategy ? `${data.strategy.title} – ${data.name} – Fellesløft` : `${data?.name ?? ""} – Fellesløft` },
];

/** The current strategy: the adopted one, or while none is adopted the newest draft. */
export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const id = await findCurrentStrategyId(db(), { cooperationId: scope.cooperationId });
  const strategy = id ? await getStrategyDetail(db(), { cooperationId: scope.cooperationId, strategyId: id }) : null;
  return json({ slug: scope.slug, name: scope.name, strategy, canEdit: can(scope.roles, "strategy:edit") });
}

export default function CurrentStrategy() {
  const { slug, strategy, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!strategy) {
    return (
      <section aria-labelledby="strategy-heading" className="flex flex-col gap-4">
        <h1 id="strategy-heading" className="ds-heading" data-size="lg">
          {t("strategy:currentTitle")}
        </h1>
        <p className="ds-paragraph">{t("strategy:noStrategy")}</p>
        <p className="ds-paragraph flex flex-wrap gap-4">
          <Link className="ds-link" to={`/c/${slug}/strategies`}>
            {t("strategy:allStrategies")}
          </Link>
          {canEdit ? (
            <Link className="ds-link" to={`/c/${slug}/strategies/new`}>
              {t("strategy:newStrategy")}
            </Link>
          ) : null}
        </p>
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="ds-paragraph font-semibold" data-testid="current-label">
        {t("strategy:currentTitle")}
      </p>
      <StrategyDocument
        strategy={strategy}
        slug={slug}
        canEdit={false}
        note={strategy.status === "draft" ? t("strategy:draftOnlyNote") : undefined}
      />
      {canEdit ? (
        <p className="ds-paragraph">
          <Link className="ds-link" to={`/c/${slug}/strategies/${strategy.id}`}>
            {t("strategy:openStrategy")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
