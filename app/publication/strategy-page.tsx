import { useTranslation } from "react-i18next";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { Section } from "../ui/section";
import type { PublicStrategy } from "./pages.server";
import { PublicLink } from "./public-link";
import { PublicStrategyView } from "./strategy-view";

interface Listed {
  id: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  status: string;
  decidedOn: string | null;
}

/** A strategy page: the strategy (or that none is adopted), then the other adopted ones. */
export function PublicStrategyPage({
  slug,
  strategy,
  others,
}: {
  slug: string;
  strategy: PublicStrategy | null;
  others: Listed[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="flex flex-col gap-8">
      {strategy ? (
        <PublicStrategyView strategy={strategy} />
      ) : (
        <>
          <h1 className="ds-heading" data-size="lg">
            {t("publication:pages.strategyTitle")}
          </h1>
          <p className="ds-paragraph">{t("publication:pages.noStrategy")}</p>
        </>
      )}
      {others.length ? (
        <Section id="other-strategies-heading" title={t("publication:pages.otherStrategies")} gap={3}>
          <ul className="ds-list">
            {others.map((s) => (
              <li key={s.id}>
                <PublicLink to={`/public/${slug}/strategies/${s.id}`}>{s.title}</PublicLink> (
                {t("strategy:periodValue", { from: s.periodFrom, to: s.periodTo })}
                {s.decidedOn ? `, ${t("strategy:decidedOn")} ${formatDate(lang, s.decidedOn)}` : ""})
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
