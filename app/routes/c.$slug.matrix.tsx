import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES } from "@shared-schema/measure";
import type { MeasureStatus } from "../../db/schema";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { cooperationPageTitle } from "../i18n/page-title";
import { QuerySelect } from "../ui/page-parts";
import { overviewCache } from "../overview/cache.server";
import { compactMatrix } from "../overview/matrix-body";
import { MatrixTable } from "../overview/matrix-table";
import { asOfDate, uptakeMatrix } from "../overview/overview.server";
import { participationOn } from "../cooperation/participation";
import { planYears, yearParam } from "../overview/years.server";
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
    // the filter offers the year's members, not every municipality the cooperation has had
    const members = participationOn(asOfDate(year), base);
    return {
      // names this computation: the table's body markup is cached per version (CachedTableBody)
      version: crypto.randomUUID(),
      areas: base.areas.map((a) => ({ id: a.id, title: a.title })),
      municipalities: base.municipalities.filter((m) => members.has(m.id)).sort((a, b) => a.name.localeCompare(b.name, "nb")),
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

      <MatrixTable
        matrix={matrix}
        year={year}
        date={date}
        bodyKey={`matrix|${version}`}
        measureHref={(n) => `/c/${encodeURIComponent(slug)}/measures/${n}`}
        ownMunicipalityId={ownMunicipalityId}
        filtered={Boolean(filters.focusArea || filters.status || filters.municipality)}
      />
    </section>
  );
}
