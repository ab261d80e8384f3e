import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatNok, formatNumber, formatPercent } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { DataTable } from "../ui/data-table";
import { CostNotes } from "../overview/cost-notes";
import { CostChart, ProgressChart } from "../overview/charts";
import type { UptakeSummary } from "../uptake/uptake";
import { REPORT_SECTIONS, type ReportDocument, type ReportSection } from "./figures";

/** Where the report's measures and matrix link to: the pages inside, or the public ones (null: no link). */
export interface ReportLinks {
  measure: (number: number) => string | null;
  matrix: (year: number) => string | null;
}

/**
 * The annual report as a page: per section the secretariat's text, then the figures (tables and
 * charts with their data tables). The same sections, in the same order, as the PDF, CSV and XLSX.
 */
export function ReportView({ doc, links }: { doc: ReportDocument; links: ReportLinks }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const f = doc.figures;
  const pct = (u: UptakeSummary) => (u.ratio === null ? "–" : formatPercent(lang, u.ratio));
  const sectionBody: Record<ReportSection, JSX.Element | null> = {
    summary: (
      <p className="ds-paragraph">
        {t("overview:total", {
          percent: f.matrix.total.ratio === null ? "–" : formatPercent(lang, f.matrix.total.ratio),
          inUse: f.matrix.total.inUse,
          relevant: f.matrix.total.relevant,
        })}
      </p>
    ),
    plan: f.plan ? (
      <DataTable
        labelledBy="section-plan"
        caption={t("reportExport:sections.plan")}
        headers={[
          t("reportExport:columns.number"),
          t("reportExport:columns.measure"),
          t("reportExport:columns.measureStatus"),
          t("reportExport:columns.budget"),
          t("reportExport:columns.priority"),
          t("reportExport:columns.uptake"),
        ]}
      >
        {f.plan.items.map((i) => (
          <tr key={i.number}>
            <td>{i.number}</td>
            <th scope="row">
              <MaybeLink to={links.measure(i.number)}>{i.name}</MaybeLink>
            </th>
            <td>{t(`common:measureStatus.${i.status}`)}</td>
            <td>{formatNok(lang, i.budget)}</td>
            <td>{i.priority ?? "–"}</td>
            <td>{pct(i.uptake)}</td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p className="ds-paragraph">{t("report:noPlan", { year: f.year })}</p>
    ),
    matrix: (
      <>
        <DataTable
          labelledBy="section-matrix"
          caption={t("reportExport:sections.matrix")}
          headers={[
            t("reportExport:columns.measure"),
            t("reportExport:columns.relevant"),
            t("reportExport:columns.inUse"),
            t("reportExport:columns.uptake"),
          ]}
        >
          {f.matrix.groups.flatMap((g) =>
            g.measures.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {m.number}. {m.name} <span className="block text-sm">{g.title || t("report:otherMeasures")}</span>
                </th>
                <td>{m.uptake.relevant}</td>
                <td>{m.uptake.inUse}</td>
                <td>{pct(m.uptake)}</td>
              </tr>
            )),
          )}
        </DataTable>
        {links.matrix(f.year) ? (
          <p className="ds-paragraph m-0">
            <MaybeLink to={links.matrix(f.year)}>{t("overview:matrixPageTitle", { year: f.year })}</MaybeLink>
          </p>
        ) : null}
      </>
    ),
    progress: <ProgressChart progress={f.progress} goals />,
    costs: (
      <>
        <CostNotes costs={f.costs} />
        <CostChart costs={f.costs} stacked />
        <p className="ds-paragraph m-0">
          {t("reportExport:columns.investment")}: {formatNok(lang, f.costs.totalInvestment)}. {t("reportExport:columns.running")}:{" "}
          {formatNok(lang, f.costs.totalRunning)}.
        </p>
      </>
    ),
    benefits: f.benefits.length ? (
      <DataTable
        labelledBy="section-benefits"
        caption={t("reportExport:sections.benefits")}
        headers={[
          t("reportExport:columns.measure"),
          t("reportExport:columns.municipality"),
          t("reportExport:columns.description"),
          t("reportExport:columns.amount"),
        ]}
      >
        {f.benefits.map((b, i) => (
          <tr key={i}>
            <td>
              {b.measureNumber}. {b.measureName}
            </td>
            <th scope="row">{b.municipality}</th>
            <td>{b.description}</td>
            <td>
              {formatNumber(lang, b.amount)} {b.unit ? t(`measure:units.${b.unit}`, { defaultValue: b.unit }) : ""}
            </td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p className="ds-paragraph">{t("report:noRows", { year: f.year })}</p>
    ),
    comments: f.comments.length ? (
      <ul className="ds-list">
        {f.comments.map((c, i) => (
          <li key={i}>
            <strong>
              {c.measureNumber}. {c.municipality}
            </strong>{" "}
            ({formatDate(lang, c.date)}
            {c.author ? `, ${c.author}` : ""}): «{c.text}»
          </li>
        ))}
      </ul>
    ) : (
      <p className="ds-paragraph">{t("report:noRows", { year: f.year })}</p>
    ),
  };
  return (
    <div className="flex flex-col gap-8" data-testid="report-document">
      {REPORT_SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`section-${s}`} className="flex flex-col gap-3">
          <h2 id={`section-${s}`} className="ds-heading" data-size="md">
            {t(`reportExport:sections.${s}`)}
          </h2>
          {doc.narrative[s] ? <p className="ds-paragraph whitespace-pre-line">{doc.narrative[s]}</p> : null}
          {sectionBody[s]}
        </section>
      ))}
    </div>
  );
}

function MaybeLink({ to, children }: { to: string | null; children: ReactNode }) {
  return to ? (
    <Link to={to} className="ds-link">
      {children}
    </Link>
  ) : (
    <>{children}</>
  );
}
