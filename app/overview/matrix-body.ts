import escapeHtml from "escape-html";
import type { MatrixCell, MatrixGroup, MatrixMeasure, UptakeMatrix } from "../report/figures";
import { CELL_ORDER, CELL_SYMBOL } from "./status-symbols";

/*
 * The uptake matrix's body as HTML, for `<tbody dangerouslySetInnerHTML>`: a large cooperation's
 * matrix has thousands of cells, and React spends several microseconds on each element it renders
 * while the markup of a cell is a few dozen bytes. The server and the browser build the same
 * string from the same loader data, so the page hydrates unchanged. Every text is escaped here.
 * See docs/decisions/010-serving-overviews-fast.md.
 */

/**
 * The matrix as the page sends it to the browser: a row's cells as one string, a character per
 * cell (its state's place in CELL_ORDER) — thousands of state names would be most of the page's
 * data, written and read on every request.
 */
export interface CompactMatrix extends Omit<UptakeMatrix, "groups"> {
  groups: (Omit<MatrixGroup, "measures"> & { measures: (Omit<MatrixMeasure, "cells" | "id"> & { cells: string })[] })[];
}

export function compactMatrix(matrix: UptakeMatrix): CompactMatrix {
  return {
    ...matrix,
    groups: matrix.groups.map((g) => ({
      ...g,
      measures: g.measures.map(({ cells, id: _id, ...m }) => ({ ...m, cells: cells.map((c) => CELL_ORDER.indexOf(c)).join("") })),
    })),
  };
}

export interface MatrixBodyLabels {
  /** the words for each state: a cell link's accessible name */
  cells: Record<MatrixCell, string>;
  /** the group of measures that support none of the focus areas */
  otherMeasures: string;
  /** an uptake ratio as the page shows it, e.g. "40 %" */
  percent: (ratio: number) => string;
}

export function matrixBodyHtml(
  matrix: CompactMatrix,
  { slug, ownMunicipalityId, labels }: { slug: string; ownMunicipalityId: string | null; labels: MatrixBodyLabels }
): string {
  const columns = matrix.municipalities.length + 2;
  const own = matrix.municipalities.map((m) => (m.id === ownMunicipalityId ? '<td class="own"' : "<td"));
  // a cell's markup is its column's opening, its state's pieces and (for a link) the row's page:
  // the pieces are made once per state, and the row is joined with + (V8 joins the parts once)
  const [opening, closing] = cellPieces(labels);
  let html = "";
  for (const group of matrix.groups) {
    html += `<tr class="group"><th scope="colgroup" colspan="${columns}" class="text-left">${escapeHtml(group.title || labels.otherMeasures)}</th></tr>`;
    for (const measure of group.measures) {
      const page = `/c/${encodeURIComponent(slug)}/measures/${measure.number}`;
      html += `<tr><th scope="row"><a href="${page}" class="ds-link">${measure.number}. ${escapeHtml(measure.name)}</a></th>`;
      const cells = measure.cells;
      for (let i = 0; i < cells.length; i++) {
        const state = cells.charCodeAt(i) - 48;
        html += own[i] + opening[state] + (closing[state] ? page + closing[state] : "");
      }
      html += `<td>${measure.uptake.ratio === null ? "–" : escapeHtml(labels.percent(measure.uptake.ratio))}</td></tr>`;
    }
  }
  return html;
}

/** For each state (by its place in CELL_ORDER): the markup before the row's page, and after it. */
function cellPieces(labels: MatrixBodyLabels): [string[], string[]] {
  const opening: string[] = [];
  const closing: string[] = [];
  for (const cell of CELL_ORDER) {
    const text = escapeHtml(labels.cells[cell]);
    if (cell === "not_participating") {
      // taking no part: nothing to report, so nothing to link to
      opening.push(` data-cell="${cell}"><span aria-hidden="true">${CELL_SYMBOL[cell]}</span><span class="ds-sr-only">${text}</span></td>`);
      closing.push("");
    } else {
      opening.push(` data-cell="${cell}"><a href="`);
      closing.push(`#history" aria-label="${text}">${CELL_SYMBOL[cell]}</a></td>`);
    }
  }
  return [opening, closing];
}
