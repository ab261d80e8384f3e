import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement, ReactNode } from "react";
import type { Language } from "../../../db/schema";
import { formatDate, formatNumber, formatPercent } from "../../i18n/format";
import type { PlanSnapshot } from "../../plan/snapshot.server";
import { REPORT_SECTIONS, type MatrixCell, type ReportDocument, type ReportSection } from "../figures";
import { assertPdfFonts, PDF_FONT_FAMILY, PDF_FONT_FILES } from "./fonts.server";
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
 * The PDF layouts of the annual report and of the approved action plan. This module is CPU-heavy
 * and is loaded only inside the PDF worker (pdf-worker.server.ts); the request thread never
 * imports it. Status in the matrix is a text code with a key, never colour alone; table headers
 * are `fixed` inside their table so that they repeat on every page the table runs over.
 */

const A4 = { portrait: { width: 595.28, height: 841.89 }, landscape: { width: 841.89, height: 595.28 } };
const MARGIN = { portrait: 40, landscape: 28 };
type Orientation = keyof typeof A4;

/** The width of a text in em: its characters' advances (kerning moves DejaVu Sans by a thousandth of an em at most). */
type Advance = (text: string) => number;
type FontMetrics = { regular: Advance; bold: Advance };
type LoadedFont = NonNullable<ReturnType<typeof Font.getFont>["data"]>;

function advanceOf(font: LoadedFont): Advance {
  const perCharacter = new Map<number, number>();
  return (text) => {
    let em = 0;
    for (const character of text) {
      const code = character.codePointAt(0)!;
      let advance = perCharacter.get(code);
      if (advance === undefined) {
        advance = font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm;
        perCharacter.set(code, advance);
      }
      em += advance;
    }
    return em;
  };
}

async function loadFonts(): Promise<FontMetrics> {
  assertPdfFonts();
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: PDF_FONT_FILES.regular, fontWeight: "normal" },
      { src: PDF_FONT_FILES.bold, fontWeight: "bold" },
    ],
  });
  // the built-in hyphenation is English and splits Norwegian words in wrong places
  Font.registerHyphenationCallback((word) => [word]);
  const load = async (fontWeight: "normal" | "bold") => {
    const source = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight });
    await source.load();
    return advanceOf(source.data!);
  };
  const [regular, bold] = await Promise.all([load("normal"), load("bold")]);
  return { regular, bold };
}

let fontMetrics: Promise<FontMetrics> | null = null;

/** Registers and loads the fonts once: React PDF renders with them, and tables measure their text with them. */
function prepareFonts(): Promise<FontMetrics> {
  fontMetrics ??= loadFonts().catch((error: unknown) => {
    fontMetrics = null;
    throw error;
  });
  return fontMetrics;
}

const s = StyleSheet.create({
  // no lineHeight here: inherited from the page, it hides the footer's page numbers (rendered late)
  // and does not follow the font size of headings and table cells; text styles set their own
  page: { fontFamily: PDF_FONT_FAMILY, fontSize: 9, paddingTop: 36, paddingBottom: 48, color: "#111" },
  footer: {
    position: "absolute",
    bottom: 20,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 7.5,
    color: "#444",
  },
  kicker: { fontSize: 12, color: "#333", marginBottom: 6 },
  h1: { fontSize: 24, fontWeight: "bold", marginBottom: 8, lineHeight: 1.2 },
  subtitle: { fontSize: 12, marginBottom: 24 },
  h2: { fontSize: 14, fontWeight: "bold", marginBottom: 6 },
  h3: { fontSize: 10.5, fontWeight: "bold", marginTop: 8, marginBottom: 4 },
  paragraph: { fontSize: 9, marginBottom: 6, lineHeight: 1.35 },
  note: { fontSize: 9, marginBottom: 6, color: "#333", lineHeight: 1.35 },
  strong: { fontWeight: "bold" },
  table: { marginTop: 4, marginBottom: 12, borderTopWidth: 0.75, borderTopColor: "#000" },
  headerRow: {
    flexDirection: "row",
    paddingVertical: 2,
    backgroundColor: "#e6e6e6",
    borderBottomWidth: 0.75,
    borderBottomColor: "#000",
  },
  row: { flexDirection: "row", paddingVertical: 2, borderBottomWidth: 0.5, borderBottomColor: "#b3b3b3" },
  totalRow: { flexDirection: "row", paddingVertical: 2, borderTopWidth: 0.75, borderTopColor: "#000", fontWeight: "bold" },
  groupRow: { paddingVertical: 3, paddingHorizontal: 3, backgroundColor: "#f2f2f2", fontWeight: "bold" },
  cell: { paddingHorizontal: 3 },
  legend: { flexDirection: "row", flexWrap: "wrap", marginBottom: 6 },
  legendItem: { marginRight: 12, marginBottom: 2 },
  keyItem: { width: 130, marginBottom: 1 },
  contents: { marginTop: 12 },
});

// ——— building blocks ———

interface PdfColumn {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
}

type PdfRow = { cells: string[]; strong?: boolean[] } | { group: string };

function Table({
  columns,
  rows,
  footer = [],
  fontSize = 8,
  header = true,
}: {
  columns: PdfColumn[];
  rows: PdfRow[];
  footer?: string[][];
  fontSize?: number;
  header?: boolean;
}) {
  // every node is styled, laid out, paginated and drawn, thousands of times in a large report: so a
  // cell is one node with its column's style made once, the row carries the vertical padding, and an
  // empty cell is a bare box with no text to lay out
  const plain = columns.map((c) => ({ width: c.width, textAlign: c.align ?? "left" }));
  const bold = plain.map((style) => ({ ...style, fontWeight: "bold" as const }));
  const cell = (value: string, j: number, strong = false) =>
    value === "" ? (
      <View key={j} style={plain[j]} />
    ) : (
      <Text key={j} style={[s.cell, strong ? bold[j] : plain[j]]}>
        {value}
      </Text>
    );
  return (
    <View style={[s.table, { fontSize }]}>
      {header ? (
        <View style={s.headerRow} fixed>
          {columns.map((c, j) => cell(c.header, j, true))}
        </View>
      ) : null}
      {rows.map((r, i) =>
        "group" in r ? (
          <View key={i} style={s.groupRow} wrap={false} minPresenceAhead={24}>
            <Text>{r.group}</Text>
          </View>
        ) : (
          <View key={i} style={s.row} wrap={false}>
            {columns.map((_, j) => cell(r.cells[j] ?? "", j, r.strong?.[j]))}
          </View>
        )
      )}
      {footer.map((cells, i) => (
        <View key={`f${i}`} style={s.totalRow} wrap={false}>
          {columns.map((_, j) => cell(cells[j] ?? "", j))}
        </View>
      ))}
    </View>
  );
}

/** Column widths in points from relative weights, filling the text width of the page. */
function widths(weights: number[], available: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * available);
}

function textWidth(orientation: Orientation) {
  return A4[orientation].width - 2 * MARGIN[orientation];
}

function Paragraphs({ text }: { text: string | null | undefined }) {
  if (!text?.trim()) return null;
  return (
    <>
      {text
        .replace(/\r\n?/g, "\n")
        .split(/\n\s*\n/)
        .map((p, i) => (
          <Text key={i} style={s.paragraph}>
            {p.trim()}
          </Text>
        ))}
    </>
  );
}

function Heading({ level, children }: { level: 2 | 3; children: ReactNode }) {
  // a heading alone at the foot of a page reads as if its table were missing
  return (
    <Text style={level === 2 ? s.h2 : s.h3} minPresenceAhead={40}>
      {children}
    </Text>
  );
}

function PdfPage({
  orientation = "portrait",
  footerLeft,
  t,
  children,
}: {
  orientation?: Orientation;
  footerLeft: string;
  t: Translate;
  children: ReactNode;
}) {
  const margin = MARGIN[orientation];
  // React PDF's default pagination lays out everything left of a section again at each page break,
  // which made a large cooperation's long tables cost seconds; this engine lays them out once and
  // packs them into pages. It repeats `fixed` table headers and this absolute footer on every page.
  return (
    <Page experimentalPagination size="A4" orientation={orientation} style={[s.page, { paddingHorizontal: margin }]}>
      <View style={[s.footer, { left: margin, right: margin }]} fixed>
        <Text>{footerLeft}</Text>
        <Text render={({ pageNumber, totalPages }) => t("reportExport:page", { page: pageNumber, pages: totalPages })} fixed />
      </View>
      {children}
    </Page>
  );
}

// ——— values ———

function money(lang: Language, ore: number): string {
  return formatNumber(lang, ore / 100, ore % 100 === 0 ? 0 : 2);
}

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

/** A cell's horizontal padding (s.cell) and a little room for rounding in React PDF's line breaking. */
const CELL_PADDING = 6 + 1;

interface ColumnTexts {
  header: string;
  /** regular weight (rows) */
  texts: string[];
  /** bold (the totals) */
  strongTexts: string[];
  /** numbers and dates never wrap */
  numeric: boolean;
}

/**
 * Column widths as a browser lays out an automatic table, from the text each column holds: at least
 * its longest word (a whole number or date), at most its longest line; the room between is shared
 * in proportion to how much more each column would need. Fewer wrapped lines read better and are
 * fewer lines to lay out.
 */
function fitColumns(metrics: FontMetrics, columns: ColumnTexts[], available: number, fontSize: number): number[] {
  const { regular, bold } = metrics;
  const widest = (advance: Advance, texts: string[], split: RegExp) => {
    let em = 0;
    for (const text of texts) for (const part of text.split(split)) em = Math.max(em, advance(part));
    return em * fontSize + CELL_PADDING;
  };
  const bounds = columns.map((c) => {
    const word = c.numeric ? /\n/ : /[ \n]+/;
    const min = Math.max(widest(bold, [c.header], /[ \n]+/), widest(regular, c.texts, word), widest(bold, c.strongTexts, word));
    // a header may wrap: a long one over a column of short numbers should not claim the room of a line
    const max = Math.max(widest(regular, c.texts, /\n/), widest(bold, c.strongTexts, /\n/));
    return { min, max: Math.max(min, max) };
  });
  const sumMin = bounds.reduce((a, b) => a + b.min, 0);
  const sumMax = bounds.reduce((a, b) => a + b.max, 0);
  if (sumMax <= available) return bounds.map((b) => (b.max / sumMax) * available);
  if (sumMin >= available) return bounds.map((b) => (b.min / sumMin) * available);
  const share = (available - sumMin) / (sumMax - sumMin);
  return bounds.map((b) => b.min + (b.max - b.min) * share);
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
    8
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
      language={lang === "en" ? "en-GB" : lang === "nn" ? "nn-NO" : "nb-NO"}
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

// ——— the approved action plan ———

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
      rows.reduce((a, r) => a + r.investment, 0)
    ),
    money(
      lang,
      rows.reduce((a, r) => a + r.running, 0)
    ),
  ];

  return (
    <Document
      title={t("reportExport:plans.documentTitle", { year: snapshot.year, name: cooperationName })}
      author={cooperationName}
      creator="Fellesløft"
      producer="Fellesløft"
      language={lang === "en" ? "en-GB" : lang === "nn" ? "nn-NO" : "nb-NO"}
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
                  items.reduce((a, i) => a + i.budget, 0)
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

export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const metrics = await prepareFonts();
  return renderToBuffer(<ReportPdf doc={doc} metrics={metrics} />);
}

export async function renderPlanPdf(
  snapshot: PlanSnapshot,
  meta: { cooperationName: string; language: Language }
): Promise<Buffer> {
  await prepareFonts();
  return renderToBuffer(<PlanPdf snapshot={snapshot} cooperationName={meta.cooperationName} lang={meta.language} />);
}
