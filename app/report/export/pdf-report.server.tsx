import { Document, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { Language } from "../../../db/schema";
import { formatDate, formatNumber, formatPercent } from "../../i18n/format";
import type { MatrixCell } from "../../overview/figures";
import { REPORT_SECTIONS, type ReportDocument, type ReportSection } from "../figures";
import { fitColumns, widths } from "./pdf-columns.server";
import { prepareFonts, type FontMetrics } from "./pdf-fonts.server";
import {
  Heading,
  Paragraphs,
  PdfPage,
  Table,
  documentLanguage,
  money,
  s,
  textWidth,
  type Orientation,
  type PdfColumn,
  type PdfRow,
} from "./pdf-parts.server";
import {
  allMeasures,
  matrixCellText,
  osloDay,
  publicationLine,
  reportTables,
  translator,
  type Cell,
  type ExportTable,
  type Translate,
} from "./tables.server";

/*
 * The annual report's PDF layout (loaded only inside the PDF worker). Status in the matrix is a
 * text code with a key, never colour alone.
 */

function cellText(lang: Language, cell: Cell): string {
  if (cell === null) return "";
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "integer":
      // Norwegian style leaves four-digit numbers (years above all) ungrouped
      return Math.abs(cell.value) < 10_000 ? String(cell.value) : formatNumber(lang, cell.value);
    case "decimal":
      return formatNumber(lang, cell.value, Number.isInteger(cell.value) ? 0 : 2);
    case "money":
      return money(lang, cell.value);
    case "percent":
      return formatPercent(lang, cell.value);
    case "date":
      return formatDate(lang, cell.value);
  }
}

/** A generic table from the shared model: numbers right-aligned, long text gets the room. */
function ExportTableView({
  table,
  lang,
  orientation,
  metrics,
}: {
  table: ExportTable;
  lang: Language;
  orientation: Orientation;
  metrics: FontMetrics;
}) {
  if (table.rows.length === 0) return <Text style={s.note}>{table.note}</Text>;
  const rows = table.rows.map((r) => r.map((c) => cellText(lang, c)));
  const footer = table.footer.map((r) => r.map((c) => cellText(lang, c)));
  const w = fitColumns(
    metrics,
    table.columns.map((c, i) => ({
      header: c.header,
      texts: rows.map((r) => r[i] ?? ""),
      strongTexts: footer.map((r) => r[i] ?? ""),
      numeric: c.kind !== "text",
    })),
    textWidth(orientation),
    8,
  );
  const columns = table.columns.map((c, i) => ({
    header: c.header,
    width: w[i],
    align: c.kind === "text" ? ("left" as const) : ("right" as const),
  }));
  return (
    <>
      <Table columns={columns} rows={rows.map((cells) => ({ cells }))} footer={footer} />
      {table.note ? <Text style={s.note}>{table.note}</Text> : null}
    </>
  );
}

// ——— the annual report ———

const ORIENTATION: Record<ReportSection, Orientation> = {
  summary: "portrait",
  plan: "landscape",
  matrix: "landscape",
  progress: "portrait",
  costs: "portrait",
  benefits: "landscape",
  // six columns, two of them free text: in portrait most comments ran over three lines
  comments: "landscape",
};

function matrixCode(t: Translate, cell: MatrixCell) {
  return t(`reportExport:matrix.codes.${cell}`);
}

const LEGEND: MatrixCell[] = [
  "not_relevant",
  "not_started",
  "planned",
  "in_progress",
  "in_use",
  "realised",
  "not_reported",
  "not_participating",
];
const TAKEN_INTO_USE: ReadonlySet<MatrixCell> = new Set(["in_use", "realised"]);
const MATRIX = { number: 24, uptake: 42, minName: 150, minColumn: 22, namesFrom: 44, maxColumn: 64 };

function MatrixSection({ doc, t }: { doc: ReportDocument; t: Translate }) {
  const lang = doc.language;
  const { matrix } = doc.figures;
  const measures = allMeasures(doc.figures);
  if (measures.length === 0 || matrix.municipalities.length === 0) return <Text style={s.note}>{t("reportExport:empty")}</Text>;
  const available = textWidth("landscape");
  const forMunicipalities = available - MATRIX.number - MATRIX.uptake - MATRIX.minName;
  // more municipalities than fit across the page: the matrix continues in further column blocks
  const perBlock = Math.max(1, Math.floor(forMunicipalities / MATRIX.minColumn));
  const blocks: number[][] = [];
  for (let i = 0; i < matrix.municipalities.length; i += perBlock) {
    blocks.push(matrix.municipalities.map((_, j) => j).slice(i, i + perBlock));
  }
  const columnWidth = Math.min(MATRIX.maxColumn, forMunicipalities / Math.min(perBlock, matrix.municipalities.length));
  const byName = columnWidth >= MATRIX.namesFrom;
  const fontSize = byName ? 7.5 : 6.5;

  return (
    <>
      <Heading level={3}>{t("reportExport:matrix.legend")}</Heading>
      <Text style={s.paragraph}>{t("reportExport:matrix.legendIntro")}</Text>
      <View style={s.legend}>
        {LEGEND.map((cell) => (
          <Text key={cell} style={s.legendItem}>
            <Text style={s.strong}>{matrixCode(t, cell)}</Text> = {matrixCellText(t, cell)}
          </Text>
        ))}
      </View>
      {byName ? null : (
        <>
          <Heading level={3}>{t("reportExport:matrix.municipalities")}</Heading>
          <View style={s.legend}>
            {matrix.municipalities.map((m) => (
              <Text key={m.id} style={s.keyItem}>
                <Text style={s.strong}>{m.number}</Text> {m.name}
              </Text>
            ))}
          </View>
        </>
      )}
      {blocks.map((block, b) => {
        const nameWidth = available - MATRIX.number - MATRIX.uptake - block.length * columnWidth;
        const columns: PdfColumn[] = [
          { header: t("reportExport:columns.number"), width: MATRIX.number, align: "right" },
          { header: t("reportExport:columns.measure"), width: nameWidth },
          ...block.map((j) => ({
            header: byName ? matrix.municipalities[j].name : matrix.municipalities[j].number,
            width: columnWidth,
            align: "center" as const,
          })),
          { header: t("reportExport:columns.uptake"), width: MATRIX.uptake, align: "right" },
        ];
        const rows: PdfRow[] = [];
        for (const group of matrix.groups) {
          if (group.measures.length === 0) continue;
          rows.push({ group: group.title });
          for (const m of group.measures) {
            const cells = block.map((j) => m.cells[j]);
            rows.push({
              cells: [
                String(m.number),
                m.name,
                ...cells.map((c) => matrixCode(t, c)),
                m.uptake.ratio === null ? "" : formatPercent(lang, m.uptake.ratio),
              ],
              strong: [false, false, ...cells.map((c) => TAKEN_INTO_USE.has(c))],
            });
          }
        }
        const footer = [
          [
            "",
            t("reportExport:matrix.municipalityTotal"),
            ...block.map((j) => {
              const ratio = matrix.municipalityTotals[j]?.ratio;
              return ratio === null || ratio === undefined ? "" : formatPercent(lang, ratio);
            }),
            matrix.total.ratio === null ? "" : formatPercent(lang, matrix.total.ratio),
          ],
        ];
        return <Table key={b} columns={columns} rows={rows} footer={footer} fontSize={fontSize} />;
      })}
    </>
  );
}

function CostsSection({ doc, t }: { doc: ReportDocument; t: Translate }) {
  const lang = doc.language;
  const c = doc.figures.costs;
  const available = textWidth("portrait");
  const right = "right" as const;
  const perMunicipality = widths([3, 1.6, 1.6, 1.4], available);
  const perMeasure = widths([0.5, 4, 1.6, 1.6], available);
  return (
    <>
      <Text style={s.paragraph}>{t("reportExport:costs.intro", { year: c.year })}</Text>
      <Heading level={3}>{t("reportExport:costs.perMunicipality")}</Heading>
      {c.municipalities.length === 0 ? (
        <Text style={s.note}>{t("reportExport:empty")}</Text>
      ) : (
        <Table
          columns={[
            { header: t("reportExport:columns.municipality"), width: perMunicipality[0] },
            { header: t("reportExport:columns.investment"), width: perMunicipality[1], align: right },
            { header: t("reportExport:columns.running"), width: perMunicipality[2], align: right },
            { header: t("reportExport:columns.takesPart"), width: perMunicipality[3], align: right },
          ]}
          rows={c.municipalities.map((m) => ({
            cells: [
              m.name,
              money(lang, m.totalInvestment),
              money(lang, m.totalRunning),
              formatNumber(lang, m.shares.filter(Boolean).length),
            ],
          }))}
          footer={[[t("reportExport:total"), money(lang, c.totalInvestment), money(lang, c.totalRunning), ""]]}
        />
      )}
      <Heading level={3}>{t("reportExport:costs.perMeasure")}</Heading>
      {c.measures.length === 0 ? (
        <Text style={s.note}>{t("reportExport:empty")}</Text>
      ) : (
        <Table
          columns={[
            { header: t("reportExport:columns.number"), width: perMeasure[0], align: right },
            { header: t("reportExport:columns.measure"), width: perMeasure[1] },
            { header: t("reportExport:columns.investment"), width: perMeasure[2], align: right },
            { header: t("reportExport:columns.running"), width: perMeasure[3], align: right },
          ]}
          rows={c.measures.map((m) => ({ cells: [String(m.number), m.name, money(lang, m.investment), money(lang, m.running)] }))}
          footer={[["", t("reportExport:total"), money(lang, c.totalInvestment), money(lang, c.totalRunning)]]}
        />
      )}
      <Text style={s.note}>{t("reportExport:costs.detailsInSpreadsheet")}</Text>
    </>
  );
}

function ReportPdf({ doc, metrics }: { doc: ReportDocument; metrics: FontMetrics }): ReactElement {
  const t = translator(doc.language);
  const lang = doc.language;
  const f = doc.figures;
  const tables = new Map(reportTables(doc, t).map((table) => [table.section, table]));
  const title = t("reportExport:title", { year: f.year });
  const footerLeft = [f.cooperation.name, title, doc.publishedAt ? null : t("reportExport:draftShort")]
    .filter(Boolean)
    .join(" · ");
  const planLine = !f.plan
    ? t("reportExport:plan.none", { year: f.year })
    : f.plan.approvedOn
      ? t("reportExport:plan.version", { year: f.year, version: f.plan.versionNo, date: formatDate(lang, f.plan.approvedOn) })
      : t("reportExport:plan.versionNotDated", { year: f.year, version: f.plan.versionNo });

  return (
    <Document
      title={t("reportExport:documentTitle", { year: f.year, name: f.cooperation.name })}
      author={f.cooperation.name}
      subject={t("reportExport:subtitle")}
      creator="Fellesløft"
      producer="Fellesløft"
      language={documentLanguage(lang)}
    >
      <PdfPage footerLeft={footerLeft} t={t}>
        <View style={{ marginTop: 120 }}>
          <Text style={s.kicker}>{f.cooperation.name}</Text>
          <Text style={s.h1}>{title}</Text>
          <Text style={s.subtitle}>{t("reportExport:subtitle")}</Text>
          <Text style={[s.paragraph, ...(doc.publishedAt ? [] : [s.strong])]}>{publicationLine(doc, t)}</Text>
          <Text style={s.paragraph}>{t("reportExport:computedAt", { date: formatDate(lang, osloDay(f.computedAt)) })}</Text>
          <Text style={s.paragraph}>{planLine}</Text>
          <View style={s.contents}>
            {REPORT_SECTIONS.map((section, i) => (
              <Text key={section}>
                {i + 1}. {t(`reportExport:sections.${section}`)}
              </Text>
            ))}
          </View>
        </View>
      </PdfPage>
      {REPORT_SECTIONS.map((section, i) => {
        const orientation = ORIENTATION[section];
        const table = tables.get(section)!;
        return (
          <PdfPage key={section} orientation={orientation} footerLeft={footerLeft} t={t}>
            <Text style={s.h2}>
              {i + 1}. {t(`reportExport:sections.${section}`)}
            </Text>
            <Paragraphs text={doc.narrative[section]} />
            {section === "matrix" ? (
              <MatrixSection doc={doc} t={t} />
            ) : section === "costs" ? (
              <CostsSection doc={doc} t={t} />
            ) : (
              <>
                {section === "plan" && f.plan ? <Text style={s.paragraph}>{planLine}</Text> : null}
                <ExportTableView table={table} lang={lang} orientation={orientation} metrics={metrics} />
              </>
            )}
          </PdfPage>
        );
      })}
    </Document>
  );
}

export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const metrics = await prepareFonts();
  return renderToBuffer(<ReportPdf doc={doc} metrics={metrics} />);
}
