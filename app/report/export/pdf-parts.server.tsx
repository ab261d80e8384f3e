import { Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Language } from "../../../db/schema";
import { formatNumber } from "../../i18n/format";
import { PDF_FONT_FAMILY } from "./fonts.server";
import type { Translate } from "./tables.server";

/*
 * What the report's and the plan's PDF layouts share: the page, its styles and the table. Loaded
 * only inside the PDF worker. Table headers are `fixed` inside their table so that they repeat on
 * every page the table runs over.
 */

export const A4 = { portrait: { width: 595.28, height: 841.89 }, landscape: { width: 841.89, height: 595.28 } };
const MARGIN = { portrait: 40, landscape: 28 };
export type Orientation = keyof typeof A4;

export const s = StyleSheet.create({
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

export interface PdfColumn {
  header: string;
  width: number;
  align?: "left" | "right" | "center";
}

export type PdfRow = { cells: string[]; strong?: boolean[] } | { group: string };

export function Table({
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
        ),
      )}
      {footer.map((cells, i) => (
        <View key={`f${i}`} style={s.totalRow} wrap={false}>
          {columns.map((_, j) => cell(cells[j] ?? "", j))}
        </View>
      ))}
    </View>
  );
}

export function textWidth(orientation: Orientation) {
  return A4[orientation].width - 2 * MARGIN[orientation];
}

export function Paragraphs({ text }: { text: string | null | undefined }) {
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

export function Heading({ level, children }: { level: 2 | 3; children: ReactNode }) {
  // a heading alone at the foot of a page reads as if its table were missing
  return (
    <Text style={level === 2 ? s.h2 : s.h3} minPresenceAhead={40}>
      {children}
    </Text>
  );
}

export function PdfPage({
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

export function money(lang: Language, ore: number): string {
  return formatNumber(lang, ore / 100, ore % 100 === 0 ? 0 : 2);
}

/** The document's language as PDF readers and screen readers expect it. */
export function documentLanguage(lang: Language): string {
  return lang === "en" ? "en-GB" : lang === "nn" ? "nn-NO" : "nb-NO";
}
