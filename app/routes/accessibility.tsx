import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:shell.accessibilityStatement");

export default function AccessibilityStatement() {
  const { t } = useTranslation();
  const commitments = t("common:accessibility.commitments", { returnObjects: true }) as string[];
  const knownIssues = t("common:accessibility.knownIssues", { returnObjects: true }) as string[];
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <h1 className="ds-heading" data-size="lg">
        {t("common:accessibility.title")}
      </h1>
      <p className="ds-paragraph">{t("common:accessibility.intro")}</p>
      <h2 className="ds-heading" data-size="sm">
        {t("common:accessibility.howTitle")}
      </h2>
      <ul className="ds-list">
        {commitments.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <h2 className="ds-heading" data-size="sm">
        {t("common:accessibility.knownIssuesTitle")}
      </h2>
      <p className="ds-paragraph">{t("common:accessibility.knownIssuesIntro")}</p>
      <ul className="ds-list">
        {knownIssues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
      <h2 className="ds-heading" data-size="sm">
        {t("common:accessibility.cooperationsTitle")}
      </h2>
      <p className="ds-paragraph">{t("common:accessibility.cooperations")}</p>
      <h2 className="ds-heading" data-size="sm">
        {t("common:accessibility.feedbackTitle")}
      </h2>
      <p className="ds-paragraph">{t("common:accessibility.feedback")}</p>
      <p className="ds-paragraph">
        <a className="ds-link" href="https://www.uutilsynet.no/">
          {t("common:accessibility.authority")}
        </a>
      </p>
    </article>
  );
}
