import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES } from "@shared-schema/measure";
import type { MeasureStatus } from "../../db/schema";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatDate, formatPercent } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { QuerySelect } from "../measure/page-parts";
import { overviewCache } from "../overview/cache.server";
import { columnHeaderId, compactMatrix, matrixBodyHtml, stateLabelId } from "../overview/matrix-body";
import { asOfDate, uptakeMatrix } from "../overview/overview.server";
import { planYears, yearParam } from "../overview/years.server";
import { CELL_ORDER, CELL_SYMBOL } from "../overview/status-symbols";
import type { MatrixCell } from "../overview/figures";
import { CachedTableBody } from "../ui/cached-html";
import { historyAnchors } from "../uptake/history-anchors";
import { Section } from "../ui/section";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  cooperationPageTitle(matches, "overview:matrixPageTitle", { year: data?.year ?? "" });

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const params = new URL(args.request.url).searchParams;
  const cache = await overviewCache(db(), scope.cooperationId);
  const years = await cache.get("years", () => planYears(db(), { cooperationId: scope.cooperationId }));
  const year = yearParam(params.get("year"), years);
  const status = params.get("status");
  const filters = {
    focusArea: params.get("focusArea") || undefined,
    status: (MEASURE_STATUSES as readonly string[]).includes(status ?? "") ? (status as MeasureStatus) : undefined,
    municipality: params.get("municipality") || undefined,
  };
  // the page's data is made once per year, filters and data version
  const page = await cache.get(`matrix|${year}|${filters.focusArea}|${filters.status}|${filters.municipality}`, async () => {
    const { base, matrix } = await uptakeMatrix(db(), { cooperationId: scope.cooperationId, year, filters });
    return {
      // names this computation: the table's body markup is cached per version (CachedTableBody)
      version: crypto.randomUUID(),
      areas: base.areas.map((a) => ({ id: a.id, title: a.title })),
      municipalities: [...base.municipalities].sort((a, b) => a.name.localeCompare(b.name, "nb")),
      matrix: compactMatrix(matrix, historyAnchors(base.municipalities)),
    };
  });
  return json({
    slug: scope.slug,
    name: scope.name,
    ownMunicipalityId: scope.municipalityId,
    year,
    years: years.all,
    date: asOfDate(year),
    filters,
    ...page,
  });
}

export default function Matrix() {
  const { slug, name, ownMunicipalityId, year, years, date, filters, version, areas, municipalities, matrix } =
    useLoaderData<typeof loader>();
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
    <section aria-labelledby="matrix-heading" className="flex flex-col gap-4">
      <h1 id="matrix-heading" className="ds-heading" data-size="lg">
        {t("overview:matrixTitle", { year, name })}
      </h1>
      <p className="ds-paragraph">{t("overview:matrixIntro", { year })}</p>

      <Section id="matrix-filters" title={t("overview:filters")} size="xs">
        <Form method="get" className="flex flex-wrap items-end gap-4">
          <QuerySelect
            id="matrix-year"
            name="year"
            label={t("overview:year")}
            value={year}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <QuerySelect
            id="matrix-area"
            name="focusArea"
            label={t("overview:focusArea")}
            value={filters.focusArea}
            anyLabel={t("overview:any")}
            options={areas.map((a) => ({ value: a.id, label: a.title }))}
          />
          <QuerySelect
            id="matrix-status"
            name="status"
            label={t("overview:measureStatus")}
            value={filters.status}
            anyLabel={t("overview:any")}
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`common:measureStatus.${s}`) }))}
          />
          <QuerySelect
            id="matrix-municipality"
            name="municipality"
            label={t("overview:municipality")}
            value={filters.municipality}
            anyLabel={t("overview:any")}
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
          <button type="submit" className="ds-button" data-variant="primary">
            {t("overview:show")}
          </button>
          <Link to={`/c/${slug}/matrix`} className="ds-button" data-variant="tertiary">
            {t("overview:reset")}
          </Link>
        </Form>
      </Section>

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
        <p className="ds-paragraph">{t("overview:empty", { year })}</p>
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
                cacheKey={`matrix|${version}|${lang}|${ownMunicipalityId}`}
                build={() =>
                  matrixBodyHtml(matrix, {
                    slug,
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
    </section>
  );
}
