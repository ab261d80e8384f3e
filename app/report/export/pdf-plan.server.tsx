import { Document, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { Language } from "../../../db/schema";
import { formatDate } from "../../i18n/format";
import type { PlanSnapshot } from "../../plan/snapshot.server";
import { widths } from "./pdf-columns.server";
import { prepareFonts } from "./pdf-fonts.server";
import { Heading, Paragraphs, PdfPage, Table, documentLanguage, money, s, textWidth, type PdfColumn } from "./pdf-parts.server";
import { translator } from "./tables.server";

/* The approved action plan's PDF layout (loaded only inside the PDF worker). */

function period(from: number | null, to: number | null): string {
  if (from === null && to === null) return "";
  if (from === null || to === null || from === to) return String(from ?? to);
  return `${from}–${to}`;
}

function PlanPdf({ snapshot, cooperationName, lang }: { snapshot: PlanSnapshot; cooperationName: string; lang: Language }) {
  const t = translator(lang);
  const title = t("reportExport:plans.title", { year: snapshot.year });
  const footerLeft = `${cooperationName} · ${title} · ${t("reportExport:plans.approvedVersion", {
    version: snapshot.versionNo,
  })}`;
  const d = snapshot.decision;
  const available = textWidth("landscape");
  const right = "right" as const;
  const items = [...snapshot.items].sort((a, b) => a.sortOrder - b.sortOrder);
  const itemWidths = widths([0.45, 3.4, 1.6, 1.3, 0.8, 0.9, 3.6], available);
  const sharesWidths = widths([3, 1.6, 1.6], textWidth("portrait"));

  // each municipality's share summed over the plan's measures (those whose shares could be computed)
  const totals = new Map<string, { name: string; investment: number; running: number }>();
  for (const item of items) {
    if (!item.shares.ok) continue;
    for (const row of item.shares.rows) {
      const sum = totals.get(row.municipalityId) ?? { name: row.name, investment: 0, running: 0 };
      sum.investment += row.investmentShare;
      sum.running += row.runningShare;
      totals.set(row.municipalityId, sum);
    }
  }
  const totalRows = [...totals.values()].sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const sharesColumns: PdfColumn[] = [
    { header: t("reportExport:columns.municipality"), width: sharesWidths[0] },
    { header: t("reportExport:columns.investment"), width: sharesWidths[1], align: right },
    { header: t("reportExport:columns.running"), width: sharesWidths[2], align: right },
  ];
  const sum = (rows: { investment: number; running: number }[]) => [
    t("reportExport:total"),
    money(
      lang,
      rows.reduce((a, r) => a + r.investment, 0),
    ),
    money(
      lang,
      rows.reduce((a, r) => a + r.running, 0),
    ),
  ];

  return (
    <Document
      title={t("reportExport:plans.documentTitle", { year: snapshot.year, name: cooperationName })}
      author={cooperationName}
      creator="Fellesløft"
      producer="Fellesløft"
      language={documentLanguage(lang)}
    >
      <PdfPage footerLeft={footerLeft} t={t}>
        <Text style={s.kicker}>{cooperationName}</Text>
        <Text style={s.h1}>{title}</Text>
        <Text style={s.paragraph}>
          {t("reportExport:plans.approvedVersion", { version: snapshot.versionNo })} ·{" "}
          {/* the decision's own date: the snapshot's time is when it was entered, perhaps years later */}
          {t("reportExport:plans.approvedAt", { date: formatDate(lang, d.decidedOn) })}
        </Text>
        <Heading level={2}>{t("reportExport:plans.decision")}</Heading>
        <Table
          header={false}
          columns={widths([1.2, 3], textWidth("portrait")).map((width) => ({ header: "", width }))}
          rows={[
            { cells: [t("reportExport:plans.decisionBody"), t(`decision:bodies.${d.body}`)] },
            { cells: [t("reportExport:plans.decisionOutcome"), t(`plan:outcome.${d.outcome}`)] },
            { cells: [t("reportExport:plans.decisionDate"), formatDate(lang, d.decidedOn)] },
            ...(d.caseNumber ? [{ cells: [t("reportExport:plans.caseNumber"), d.caseNumber] }] : []),
          ]}
        />
        <Paragraphs text={d.text} />
      </PdfPage>
      <PdfPage orientation="landscape" footerLeft={footerLeft} t={t}>
        <Heading level={2}>{t("reportExport:plans.items")}</Heading>
        {items.length === 0 ? (
          <Text style={s.note}>{t("reportExport:plans.noItems")}</Text>
        ) : (
          <Table
            columns={[
              { header: t("reportExport:columns.number"), width: itemWidths[0], align: right },
              { header: t("reportExport:columns.measure"), width: itemWidths[1] },
              { header: t("reportExport:columns.measureStatus"), width: itemWidths[2] },
              { header: t("reportExport:columns.budget"), width: itemWidths[3], align: right },
              { header: t("reportExport:columns.priority"), width: itemWidths[4], align: right },
              { header: t("reportExport:columns.period"), width: itemWidths[5] },
              { header: t("reportExport:columns.milestones"), width: itemWidths[6] },
            ]}
            rows={items.map((item) => ({
              cells: [
                String(item.measure.number),
                [
                  item.measure.name,
                  item.measure.focusAreas.length
                    ? `${t("reportExport:plans.supports")}: ${item.measure.focusAreas.join(", ")}`
                    : "",
                  item.carriedOver ? t("reportExport:plans.carriedOver") : "",
                ]
                  .filter(Boolean)
                  .join("\n"),
                [t(`common:measureStatus.${item.measure.status}`), item.measure.statusText ?? ""].filter(Boolean).join("\n"),
                money(lang, item.budget),
                item.priority === null ? "" : String(item.priority),
                period(item.periodFrom, item.periodTo),
                item.milestones,
              ],
            }))}
            footer={[
              [
                "",
                t("reportExport:total"),
                "",
                money(
                  lang,
                  items.reduce((a, i) => a + i.budget, 0),
                ),
                "",
                "",
                "",
              ],
            ]}
          />
        )}
      </PdfPage>
      <PdfPage footerLeft={footerLeft} t={t}>
        <Heading level={2}>{t("reportExport:plans.sharesTitle", { year: snapshot.year })}</Heading>
        <Text style={s.paragraph}>{t("reportExport:plans.sharesIntro")}</Text>
        <Heading level={3}>{t("reportExport:plans.sharesTotal")}</Heading>
        {totalRows.length === 0 ? (
          <Text style={s.note}>{t("reportExport:empty")}</Text>
        ) : (
          <Table
            columns={sharesColumns}
            rows={totalRows.map((r) => ({ cells: [r.name, money(lang, r.investment), money(lang, r.running)] }))}
            footer={[sum(totalRows)]}
          />
        )}
        {items.map((item) => {
          const shares = item.shares;
          const rows = shares.ok
            ? shares.rows.map((r) => ({ name: r.name, investment: r.investmentShare, running: r.runningShare }))
            : [];
          return (
            // a short share table stays with its heading; a long one may break after its first rows
            <View key={item.measure.id} wrap={rows.length > 20}>
              <Heading level={3}>
                {t("reportExport:plans.sharesFor", { number: item.measure.number, name: item.measure.name })}
              </Heading>
              <Text style={s.note}>
                {t("reportExport:plans.costKey")}: {t(`measure:keys.${item.measure.costKey}`)}
              </Text>
              {shares.ok ? (
                <Table
                  columns={sharesColumns}
                  rows={rows.map((r) => ({ cells: [r.name, money(lang, r.investment), money(lang, r.running)] }))}
                  footer={[sum(rows)]}
                />
              ) : (
                <Text style={s.note}>
                  {t("reportExport:plans.sharesError", { error: t(`measure:sharingErrors.${shares.error.code}`) })}
                </Text>
              )}
            </View>
          );
        })}
      </PdfPage>
    </Document>
  );
}

export async function renderPlanPdf(
  snapshot: PlanSnapshot,
  meta: { cooperationName: string; language: Language },
): Promise<Buffer> {
  await prepareFonts();
  return renderToBuffer(<PlanPdf snapshot={snapshot} cooperationName={meta.cooperationName} lang={meta.language} />);
}
