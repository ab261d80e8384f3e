import { useTranslation } from "react-i18next";
import { DecisionFacts } from "../decision/decision-facts";
import { Section } from "../ui/section";
import type { PublicStrategy } from "./pages.server";

/** An adopted strategy as the public reads it: its text, focus areas and goals, and the decision. */
export function PublicStrategyView({ strategy }: { strategy: PublicStrategy }) {
  const { t } = useTranslation();
  return (
    <article aria-labelledby="strategy-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="strategy-title" className="ds-heading" data-size="lg">
          {strategy.title}
        </h1>
        <p className="ds-paragraph">
          {t("strategy:period")}: {t("strategy:periodValue", { from: strategy.periodFrom, to: strategy.periodTo })} ·{" "}
          {t(`common:strategyStatus.${strategy.status}`)}
        </p>
      </header>
      {strategy.vision ? (
        <Section id="vision-heading" title={t("strategy:vision")}>
          <p className="ds-paragraph italic">{strategy.vision}</p>
        </Section>
      ) : null}
      {strategy.purpose ? (
        <Section id="purpose-heading" title={t("strategy:purpose")}>
          <p className="ds-paragraph whitespace-pre-line">{strategy.purpose}</p>
        </Section>
      ) : null}
      <TextList id="principles-heading" title={t("strategy:principles")} items={strategy.principles} />
      <TextList id="guidelines-heading" title={t("strategy:nationalGuidelines")} items={strategy.nationalGuidelines} />
      <Section id="areas-heading" title={t("strategy:focusAreas")} gap={4}>
        {strategy.focusAreas.length === 0 ? <p className="ds-paragraph">{t("strategy:noFocusAreas")}</p> : null}
        {strategy.focusAreas.map((area) => (
          <section
            key={area.id}
            aria-labelledby={`area-${area.id}`}
            className="flex flex-col gap-2 border-l-4 border-gray-300 pl-3"
          >
            <h3 id={`area-${area.id}`} className="ds-heading" data-size="sm">
              {area.title}
            </h3>
            {area.description ? <p className="ds-paragraph whitespace-pre-line">{area.description}</p> : null}
            {area.rationale ? (
              <p className="ds-paragraph whitespace-pre-line">
                <strong>{t("strategy:rationale")}:</strong> {area.rationale}
              </p>
            ) : null}
            {area.goals.length === 0 ? (
              <p className="ds-paragraph">{t("strategy:noGoals")}</p>
            ) : (
              <ol className="ds-list flex flex-col gap-2" aria-label={t("strategy:goals")}>
                {area.goals.map((goal) => (
                  <li key={goal.id}>
                    {goal.text}
                    {goal.indicator ? (
                      <span className="block text-sm">
                        {t("strategy:indicator")}: {goal.indicator}
                      </span>
                    ) : null}
                    {goal.target ? (
                      <span className="block text-sm">
                        {t("strategy:target")}: {goal.target}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </Section>
      <Section id="decision-heading" title={t("strategy:decision.heading")}>
        {strategy.decision ? (
          <DecisionFacts decision={strategy.decision} />
        ) : (
          <p className="ds-paragraph">{t("strategy:decision.none")}</p>
        )}
      </Section>
    </article>
  );
}

function TextList({ id, title, items }: { id: string; title: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <Section id={id} title={title}>
      <ul className="ds-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </Section>
  );
}
