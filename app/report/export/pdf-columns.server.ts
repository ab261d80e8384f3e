import type { Advance, FontMetrics } from "./pdf-fonts.server";

/** Column widths in points from relative weights, filling the text width of the page. */
export function widths(weights: number[], available: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * available);
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
export function fitColumns(metrics: FontMetrics, columns: ColumnTexts[], available: number, fontSize: number): number[] {
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
