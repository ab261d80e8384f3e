import { useTranslation } from "react-i18next";
import type { DECISION_BODIES } from "@shared-schema/decision";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { Fact, Facts } from "../ui/page-parts";

export interface DecisionShown {
  body: (typeof DECISION_BODIES)[number];
  decidedOn: string;
  caseNumber: string | null;
  text: string | null;
}

/** A recorded decision as pages show it: who decided, when, the case number and the text. */
export function DecisionFacts({ decision, testId }: { decision: DecisionShown; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Facts testId={testId}>
      <Fact label={t("decision:body")}>{t(`decision:bodies.${decision.body}`)}</Fact>
      <Fact label={t("decision:decidedOn")}>{formatDate(lang, decision.decidedOn)}</Fact>
      {decision.caseNumber ? <Fact label={t("decision:caseNumber")}>{decision.caseNumber}</Fact> : null}
      {decision.text ? (
        <Fact label={t("decision:text")} preLine>
          {decision.text}
        </Fact>
      ) : null}
    </Facts>
  );
}
