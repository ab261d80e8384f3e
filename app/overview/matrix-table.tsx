import { useTranslation } from "react-i18next";
import { formatDate, formatPercent } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { CachedTableBody } from "../ui/cached-html";
import { Section } from "../ui/section";
import type { MatrixCell } from "./figures";
import { columnHeaderId, matrixBodyHtml, stateLabelId, type CompactMatrix } from "./matrix-body";
import { CELL_ORDER, CELL_SYMBOL } from "./status-symbols";

/**
 * The uptake matrix of a year with its legend and totals, the same inside the cooperation and on
 * its public page; only where a measure's links lead, and whose column is marked, differ.
 */
export function MatrixTable({
  matrix,
  year,
  date,
  bodyKey,
  measureHref,
  ownMunicipalityId,
  filtered = false,
}: {
  matrix: CompactMatrix;
  year: number;
  date: string;
  /** names the body's markup, made once per matrix computation and everything the links depend on */
  bodyKey: string;
  measureHref: (measureNumber: number) => string;
  ownMunicipalityId: string | null;
  /** a filter is chosen: the empty state says so */
  filtered?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cellText = (cell: MatrixCell) =>
    cell === "not_participating"
      ? t("overview:notParticipating")
      : cell === "not_reported"
        ? t("overview:notReported")
        : t(`common:uptakeStatus.${cell}`);
  // translated once per state, not once per cell: the big matrices have thousands of cells, whose
  // links take their state's words from the legend (matrix-body.ts)
  const cellTexts = Object.fromEntries(CELL_ORDER.map((c) => [c, cellText(c)])) as Record<MatrixCell, string>;
  const own = (id: string) => id === ownMunicipalityId;
  return (
    <>
      <Section id="matrix-legend" title={t("overview:legend")} size="xs">
        <ul className="m-0 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
          {CELL_ORDER.map((c) => (
            <li key={c}>
              <span className={`status-${c} inline-block min-w-8 rounded px-2 text-center font-semibold`} aria-hidden="true">
                {CELL_SYMBOL[c]}
              </span>{" "}
              <span id={stateLabelId(c)}>{cellTexts[c]}</span>
            </li>
          ))}
        </ul>
      </Section>

      {matrix.groups.length === 0 ? (
        <p className="ds-paragraph">{t(filtered ? "overview:emptyFiltered" : "overview:empty", { year })}</p>
      ) : (
        <>
          <p className="ds-paragraph m-0">
            <strong>
              {matrix.total.ratio === null
                ? t("measure:uptakeNotRelevant")
                : t("overview:total", {
                    percent: formatPercent(lang, matrix.total.ratio),
                    inUse: matrix.total.inUse,
                    relevant: matrix.total.relevant,
                  })}
            </strong>
          </p>
          <div className="matrix-scroll" role="region" aria-label={t("overview:matrixRegion")} tabIndex={0}>
            <table className="ds-table matrix" data-border data-size="sm">
              <caption className="ds-sr-only">{t("overview:matrixCaption", { date: formatDate(lang, date) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("overview:measure")}</th>
                  {matrix.municipalities.map((m, i) => (
                    <th key={m.id} id={columnHeaderId(i)} scope="col" className={own(m.id) ? "own" : undefined}>
                      {m.name}
                      {own(m.id) ? <span className="block text-xs">{t("overview:yours")}</span> : null}
                    </th>
                  ))}
                  <th scope="col">{t("overview:uptakeCol")}</th>
                </tr>
              </thead>
              <CachedTableBody
                cacheKey={`${bodyKey}|${lang}|${ownMunicipalityId}`}
                build={() =>
                  matrixBodyHtml(matrix, {
                    measureHref,
                    ownMunicipalityId,
                    labels: {
                      notParticipating: cellTexts.not_participating,
                      otherMeasures: t("overview:otherMeasures"),
                      percent: (ratio) => formatPercent(lang, ratio),
                    },
                  })
                }
              />
              <tfoot>
                <tr>
                  <th scope="row">{t("overview:totalRow")}</th>
                  {matrix.municipalityTotals.map((u, i) => (
                    <td key={matrix.municipalities[i].id}>{u.ratio === null ? "–" : formatPercent(lang, u.ratio)}</td>
                  ))}
                  <td>{matrix.total.ratio === null ? "–" : formatPercent(lang, matrix.total.ratio)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <p className="ds-paragraph" data-size="sm">
            {t("uptake:uptakeExplained")}
          </p>
        </>
      )}
    </>
  );
}
