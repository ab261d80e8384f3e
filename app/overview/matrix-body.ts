import escapeHtml from "escape-html";
import type { MatrixCell, MatrixGroup, MatrixMeasure, MatrixMunicipality, UptakeMatrix } from "./figures";
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
 * data, written and read on every request. Each municipality carries the fragment of its history
 * on a measure page (see app/uptake/history-anchors.ts).
 */
export interface CompactMatrix extends Omit<UptakeMatrix, "groups" | "municipalities"> {
  municipalities: (MatrixMunicipality & { anchor: string })[];
  groups: (Omit<MatrixGroup, "measures"> & { measures: (Omit<MatrixMeasure, "cells" | "id"> & { cells: string })[] })[];
}

export function compactMatrix(matrix: UptakeMatrix, anchors: Map<string, string>): CompactMatrix {
  return {
    ...matrix,
    municipalities: matrix.municipalities.map((m) => ({ ...m, anchor: anchors.get(m.id)! })),
    groups: matrix.groups.map((g) => ({
      ...g,
      measures: g.measures.map(({ cells, id: _id, ...m }) => ({ ...m, cells: cells.map((c) => CELL_ORDER.indexOf(c)).join("") })),
    })),
  };
}

export interface MatrixBodyLabels {
  /** the words for a cell that takes no part (the other states' words are the legend's, see below) */
  notParticipating: string;
  /** the group of measures that support none of the focus areas */
  otherMeasures: string;
  /** an uptake ratio as the page shows it, e.g. "40 %" */
  percent: (ratio: number) => string;
}

/*
 * A cell link's name is the measure, the municipality and the status, so that each of a row's
 * links says where it leads: it is put together (aria-labelledby) from the row's header, the
 * column's header and the legend's words for the state, real text on the page rather than a
 * name repeated in every cell — that would make the large matrix's body several times larger.
 */

/** The id of a measure's row header (its number is unique in the cooperation). */
export const rowHeaderId = (measureNumber: number) => `mr${measureNumber}`;
/** The id of a municipality's column header, by its place in the matrix. */
export const columnHeaderId = (index: number) => `mc${index}`;
/** The id of the legend's words for a state, by its place in CELL_ORDER. */
export const stateLabelId = (state: MatrixCell) => `ms${CELL_ORDER.indexOf(state)}`;

export function matrixBodyHtml(
  matrix: CompactMatrix,
  {
    measureHref,
    ownMunicipalityId,
    labels,
  }: {
    /** the page of a measure: inside the cooperation, or its public page */
    measureHref: (measureNumber: number) => string;
    ownMunicipalityId: string | null;
    labels: MatrixBodyLabels;
  },
): string {
  const columns = matrix.municipalities.length + 2;
  const own = matrix.municipalities.map((m) => (m.id === ownMunicipalityId ? '<td class="own"' : "<td"));
  // after the row's page: the column's history fragment, and the column's part of the link's name
  const column = matrix.municipalities.map((m, i) => [`#${escapeHtml(m.anchor)}" aria-labelledby="`, ` ${columnHeaderId(i)} `]);
  // a cell's markup is its column's opening, its state's pieces and (for a link) the row's and the
  // column's parts: the pieces are made once per state, and the row is joined with + (V8 joins the parts once)
  const [opening, closing] = cellPieces(labels);
  let html = "";
  for (const group of matrix.groups) {
    html += `<tr class="group"><th scope="colgroup" colspan="${columns}" class="text-left">${escapeHtml(group.title || labels.otherMeasures)}</th></tr>`;
    for (const measure of group.measures) {
      const page = escapeHtml(measureHref(measure.number));
      const row = rowHeaderId(measure.number);
      html += `<tr><th scope="row" id="${row}"><a href="${page}" class="ds-link">${measure.number}. ${escapeHtml(measure.name)}</a></th>`;
      const cells = measure.cells;
      for (let i = 0; i < cells.length; i++) {
        const state = cells.charCodeAt(i) - 48;
        html += closing[state]
          ? own[i] + opening[state] + page + column[i][0] + row + column[i][1] + closing[state]
          : own[i] + opening[state];
      }
      html += `<td>${measure.uptake.ratio === null ? "–" : escapeHtml(labels.percent(measure.uptake.ratio))}</td></tr>`;
    }
  }
  return html;
}

/** For each state (by its place in CELL_ORDER): the markup before the row's page, and after the link's name's first parts. */
function cellPieces(labels: MatrixBodyLabels): [string[], string[]] {
  const opening: string[] = [];
  const closing: string[] = [];
  for (const cell of CELL_ORDER) {
    if (cell === "not_participating") {
      // taking no part: nothing to report, so nothing to link to
      const text = escapeHtml(labels.notParticipating);
      opening.push(
        ` data-cell="${cell}"><span aria-hidden="true">${CELL_SYMBOL[cell]}</span><span class="ds-sr-only">${text}</span></td>`,
      );
      closing.push("");
    } else {
      opening.push(` data-cell="${cell}"><a href="`);
      closing.push(`${stateLabelId(cell)}">${CELL_SYMBOL[cell]}</a></td>`);
    }
  }
  return [opening, closing];
}
