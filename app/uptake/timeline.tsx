import { useTranslation } from "react-i18next";
import { isBackwards } from "@shared-schema/uptake";
import type { UptakeStatus } from "../../db/schema";
import { formatDate, formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import type { TimelineEntry } from "./history.server";
import type { LinkedPart } from "./history-parts";

/** One municipality's reports on a measure, latest first: who, when, from what to what, and why. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const status = (s: UptakeStatus) => t(`common:uptakeStatus.${s}`);
  if (entries.length === 0) return <p className="ds-paragraph">{t("uptake:timeline.none")}</p>;
  return (
    <ol className="timeline m-0 flex list-none flex-col gap-3 p-0">
      {entries.map((e) => (
        <li key={e.id} className="border-l-4 pl-3" data-backwards={isBackwards(e.from, e.to) || undefined}>
          <p className="ds-paragraph m-0">
            <strong>
              {e.from === null
                ? t("uptake:timeline.first", { to: status(e.to) })
                : e.from === e.to
                  ? t("uptake:timeline.same", { to: status(e.to) })
                  : t("uptake:timeline.change", { from: status(e.from), to: status(e.to) })}
            </strong>
            {isBackwards(e.from, e.to) ? (
              <span className="ds-tag ml-2" data-color="warning">
                {t("uptake:timeline.backwards")}
              </span>
            ) : null}
          </p>
          <p className="ds-paragraph m-0" data-size="sm">
            {t("uptake:timeline.effective", { date: formatDate(lang, e.effectiveDate) })}.{" "}
            {e.derived
              ? t("uptake:timeline.bySuccession", { date: formatDate(lang, e.effectiveDate) })
              : t("uptake:timeline.by", {
                  who: e.reporterName ?? t("uptake:unknownReporter"),
                  date: formatDate(lang, e.createdAt),
                })}
            {e.roundName ? `. ${t("uptake:timeline.inRound", { round: e.roundName })}` : ""}
          </p>
          {e.comment ? <p className="ds-paragraph m-0 whitespace-pre-line">«{e.comment}»</p> : null}
          {e.decisionReference ? (
            <p className="ds-paragraph m-0" data-size="sm">
              {t("uptake:timeline.decision", { reference: e.decisionReference })}
            </p>
          ) : null}
          {e.evidenceUrl ? (
            <p className="ds-paragraph m-0" data-size="sm">
              <a href={e.evidenceUrl} className="ds-link" rel="noopener noreferrer">
                {t("uptake:timeline.evidence")}
              </a>
            </p>
          ) : null}
          {e.realisedBenefitText || e.benefits.length ? (
            <div className="ds-paragraph m-0" data-size="sm">
              <strong>{t("uptake:timeline.realised")}:</strong> {e.realisedBenefitText}
              {e.benefits.length ? (
                <ul className="ds-list">
                  {e.benefits.map((b) => (
                    <li key={b.description}>
                      {b.description}: {formatNumber(lang, b.amount)}{" "}
                      {b.unit ? t(`measure:units.${b.unit}`, { defaultValue: b.unit }) : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Where a municipality's history on a measure continues across a change of the map: before (its predecessors) or after (its successors). */
export function LinkedHistories({ parts, direction }: { parts: LinkedPart[]; direction: "before" | "after" }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dates = [...new Set(parts.map((p) => p.date))];
  return (
    <>
      {dates.map((date) => (
        <div key={date} className="flex flex-col gap-1" data-testid={`history-${direction}`}>
          <p className="ds-paragraph m-0" data-size="sm">
            {t(direction === "before" ? "uptake:timeline.beforeChange" : "uptake:timeline.afterChange", {
              date: formatDate(lang, date),
            })}
          </p>
          <ul className="ds-list m-0">
            {parts
              .filter((p) => p.date === date)
              .map((p) => (
                <li key={p.anchor}>
                  <a className="ds-link" href={`#${p.anchor}`}>
                    {p.name} ({p.number})
                  </a>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </>
  );
}
