import type { MatrixCell } from "./figures";

/** A symbol per cell state, so the matrix never relies on colour alone (the legend explains them). */
export const CELL_SYMBOL: Record<MatrixCell, string> = {
  not_relevant: "–",
  not_started: "○",
  not_reported: "?",
  planned: "◔",
  in_progress: "◑",
  in_use: "●",
  realised: "★",
  not_participating: "·",
};

export const CELL_ORDER: MatrixCell[] = [
  "not_participating",
  "not_reported",
  "not_relevant",
  "not_started",
  "planned",
  "in_progress",
  "in_use",
  "realised",
];
