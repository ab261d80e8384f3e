import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { Section } from "../ui/section";
import { publicMeta, type PublicPageText, type Translate } from "./meta";
import type { PublicStrategy } from "./pages.server";
import { PublicLink } from "./public-link";
import type { publicStrategyLoader } from "./strategy-page.server";
import { PublicStrategyView } from "./strategy-view";

interface Listed {
  id: string;
  title: string;
  periodFrom: number;
  periodTo: number;
  status: string;
  decidedOn: string | null;
}

function strategyText(t: Translate, lang: Language, name: string, strategy: PublicStrategy | null): PublicPageText {
  if (!strategy) {
    return {
      title: `${t("publication:pages.strategyTitle")} – ${name}`,
      description: t("publication:meta.noStrategy", { name }),
    };
  }
  const what = { title: strategy.title, name, from: strategy.periodFrom, to: strategy.periodTo };
  const about = t(strategy.status === "archived" ? "publication:meta.strategyArchived" : "publication:meta.strategy", what);
  const decision = strategy.decision;
  const adopted = decision
    ? t("publication:meta.adoptedBy", {
        body: t(`publication:meta.bodies.${decision.body}`),
        date: formatDate(lang, decision.decidedOn),
      })
    : null;
  return { title: `${strategy.title} – ${name}`, description: adopted ? `${about} ${adopted}` : about, type: "article" };
}

type StrategyLoader = (args: LoaderFunctionArgs) => ReturnType<typeof publicStrategyLoader>;

/** The head of both strategy pages. */
export const strategyPageMeta: MetaFunction<StrategyLoader> = ({ data }) =>
  data ? publicMeta(data.address, (t, lang) => strategyText(t, lang, data.name, data.strategy)) : [];

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
