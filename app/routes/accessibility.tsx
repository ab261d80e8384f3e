import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "shell.accessibilityStatement");

export default function AccessibilityStatement() {
  const { t } = useTranslation();
  const commitments = t("accessibility.commitments", { returnObjects: true }) as string[];
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <h1 className="ds-heading" data-size="lg">
        {t("accessibility.title")}
      </h1>
      <p className="ds-paragraph">{t("accessibility.intro")}</p>
      <h2 className="ds-heading" data-size="sm">
        {t("accessibility.howTitle")}
      </h2>
      <ul className="ds-list">
        {commitments.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <h2 className="ds-heading" data-size="sm">
        {t("accessibility.cooperationsTitle")}
      </h2>
      <p className="ds-paragraph">{t("accessibility.cooperations")}</p>
      <h2 className="ds-heading" data-size="sm">
        {t("accessibility.feedbackTitle")}
      </h2>
      <p className="ds-paragraph">{t("accessibility.feedback")}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href="https://www.uutilsynet.no/">
          {t("accessibility.authority")}
        </a>
      </p>
    </article>
  );
}
