import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Fact, Facts } from "../ui/page-parts";

interface CooperationFacts {
  name: string;
  description: string;
  legalForm: string | null;
  hostMunicipality: string | null;
}

/**
 * The head of a cooperation's front page, inside and in public: its name, purpose, legal form and
 * host; `children` adds the page's own facts (the visitor's roles, the public contact point).
 */
export function CooperationHeader({ cooperation, children }: { cooperation: CooperationFacts; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="flex flex-col gap-2">
      <h1 className="ds-heading" data-size="xl">
        {cooperation.name}
      </h1>
      {cooperation.description ? <p className="ds-paragraph">{cooperation.description}</p> : null}
      <Facts>
        {cooperation.legalForm ? <Fact label={t("common:cooperation.legalForm")}>{cooperation.legalForm}</Fact> : null}
        {cooperation.hostMunicipality ? <Fact label={t("common:cooperation.host")}>{cooperation.hostMunicipality}</Fact> : null}
        {children}
      </Facts>
    </header>
  );
}
