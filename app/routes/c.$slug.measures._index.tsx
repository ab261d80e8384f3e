import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MEASURE_STATUSES, parseMeasureFilters, type MeasureSort } from "@shared-schema/measure";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { listFocusAreasAndGoals, listMeasures, listMemberOptions } from "../measure/catalogue.server";
import { QuerySelect } from "../ui/page-parts";
import type { TextKey } from "../i18n/config";
import { formatPercent } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { Section } from "../ui/section";

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "measure:listTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const url = new URL(args.request.url);
  const filters = parseMeasureFilters(url.searchParams);
  const cooperationId = scope.cooperationId;
  const [catalogue, strategies, members] = await Promise.all([
    listMeasures(db(), { cooperationId, filters }),
    listFocusAreasAndGoals(db(), { cooperationId }),
    listMemberOptions(db(), { cooperationId }),
  ]);
  return json({
    slug: scope.slug,
    canEdit: can(scope.roles, "measure:edit"),
    filters,
    catalogue,
    strategies,
    members: members.filter((m) => m.leftOn === null),
    search: url.search,
  });
}

const COLUMNS: { sort: MeasureSort; label: TextKey }[] = [
  { sort: "number", label: "measure:number" },
  { sort: "name", label: "measure:name" },
  { sort: "status", label: "measure:status" },
  { sort: "priority", label: "measure:catalogue.priority" },
  { sort: "period", label: "measure:catalogue.period" },
];

export default function MeasureCatalogue() {
  const { slug, canEdit, filters, catalogue, strategies, members, search } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const sortHref = (sort: MeasureSort) => {
    const params = new URLSearchParams(search);
    const dir = filters.sort === sort && filters.dir === "asc" ? "desc" : "asc";
    params.set("sort", sort);
    params.set("dir", dir);
    return `?${params.toString()}`;
  };
  const currentColumn = t(COLUMNS.find((c) => c.sort === filters.sort)!.label);
  const direction = filters.dir === "asc" ? t("measure:catalogue.ascending") : t("measure:catalogue.descending");
  const any = t("measure:catalogue.any");
  const allAreas = strategies.flatMap((s) => s.focusAreas.map((a) => ({ ...a, strategyTitle: s.title })));
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="ds-heading" data-size="lg">
          {t("measure:catalogue.title")}
        </h1>
        <p className="ds-paragraph">{t("measure:catalogue.intro")}</p>
        {canEdit ? (
          <p className="m-0">
            <Link to={`/c/${slug}/measures/new`} className="ds-button" data-variant="primary">
              {t("measure:catalogue.newMeasure")}
            </Link>
          </p>
        ) : null}
      </header>

      <Section id="filters-heading" title={t("measure:catalogue.filters")} size="sm" gap={3}>
        <Form method="get" id="measure-filters" className="grid grid-cols-1 items-end gap-4 md:grid-cols-3">
          <input type="hidden" name="sort" value={filters.sort} />
          <input type="hidden" name="dir" value={filters.dir} />
          <QuerySelect
            id="filter-focus-area"
            name="focusArea"
            label={t("measure:catalogue.focusArea")}
            value={filters.focusArea}
            anyLabel={any}
            options={allAreas.map((a) => ({
              value: a.id,
              label: strategies.length > 1 ? `${a.title} (${a.strategyTitle})` : a.title,
            }))}
          />
          <QuerySelect id="filter-goal" name="goal" label={t("measure:catalogue.goal")} value={filters.goal} anyLabel={any}>
            {allAreas.map((a) =>
              a.goals.length ? (
                <optgroup key={a.id} label={a.title}>
                  {a.goals.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.text}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </QuerySelect>
          <QuerySelect
            id="filter-status"
            name="status"
            label={t("measure:status")}
            value={filters.status}
            anyLabel={any}
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`common:measureStatus.${s}`) }))}
          />
          <QuerySelect
            id="filter-municipality"
            name="municipality"
            label={t("measure:catalogue.municipality")}
            value={filters.municipality}
            anyLabel={any}
            options={members.map((m) => ({ value: m.municipalityId, label: m.name }))}
          />
          <div className="ds-field">
            <label className="ds-label" htmlFor="filter-year">
              {t("measure:catalogue.year")}
            </label>
            <input
              id="filter-year"
              name="year"
              inputMode="numeric"
              defaultValue={filters.year ?? ""}
              key={`y${filters.year}`}
              className="ds-input"
              aria-describedby="filter-year-hint"
            />
            <p id="filter-year-hint" className="ds-paragraph m-0" data-size="sm">
              {t("measure:catalogue.yearHint")}
            </p>
          </div>
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="ds-button" data-variant="primary">
              {t("measure:catalogue.apply")}
            </button>
            <Link to={`/c/${slug}/measures`} className="ds-button" data-variant="tertiary">
              {t("measure:catalogue.reset")}
            </Link>
          </div>
        </Form>
      </Section>

      <section aria-labelledby="catalogue-heading" className="flex flex-col gap-3">
        <h2 id="catalogue-heading" className="ds-heading" data-size="sm" aria-live="polite">
          {t("measure:catalogue.showing", { shown: catalogue.rows.length, total: catalogue.total })}
        </h2>
        {catalogue.rows.length ? (
          <>
            <div>
              <h3 id="status-counts-heading" className="ds-heading" data-size="xs">
                {t("measure:catalogue.countsByStatus")}
              </h3>
              <ul className="ds-list flex flex-wrap gap-x-6" aria-labelledby="status-counts-heading" data-testid="status-counts">
                {MEASURE_STATUSES.filter((s) => catalogue.byStatus[s]).map((s) => (
                  <li key={s}>
                    {t(`common:measureStatus.${s}`)}: {catalogue.byStatus[s]}
                  </li>
                ))}
              </ul>
            </div>
            <div className="table-scroll" role="region" aria-labelledby="catalogue-heading" tabIndex={0}>
              <table className="ds-table" data-border>
                <caption className="ds-sr-only">{t("measure:catalogue.caption", { column: currentColumn, direction })}</caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => {
                      const active = filters.sort === c.sort;
                      return (
                        <th
                          key={c.sort}
                          scope="col"
                          aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
                        >
                          <Link to={sortHref(c.sort)} className="ds-link" preventScrollReset>
                            {t(c.label)}
                            {active ? (
                              <span>
                                {" "}
                                {filters.dir === "asc" ? "▲" : "▼"}
                                <span className="ds-sr-only">
                                  {" "}
                                  (
                                  {filters.dir === "asc"
                                    ? t("measure:catalogue.sortedAscending")
                                    : t("measure:catalogue.sortedDescending")}
                                  )
                                </span>
                              </span>
                            ) : null}
                          </Link>
                        </th>
                      );
                    })}
                    <th scope="col">{t("measure:catalogue.focusArea")}</th>
                    <th scope="col">{t("measure:catalogue.participants")}</th>
                    <th scope="col">{t("measure:uptake")}</th>
                  </tr>
                </thead>
                <tbody>
                  {catalogue.rows.map((r) => (
                    <tr key={r.id}>
                      <td>{r.number}</td>
                      <td>
                        <Link to={`/c/${slug}/measures/${r.number}`} className="ds-link">
                          {r.name}
                        </Link>
                      </td>
                      <td>
                        {t(`common:measureStatus.${r.status}`)}
                        {r.statusText ? <span className="block text-sm">{r.statusText}</span> : null}
                      </td>
                      <td>{r.priority ?? "–"}</td>
                      <td>{r.periodFrom || r.periodTo ? `${r.periodFrom ?? "…"}–${r.periodTo ?? "…"}` : "–"}</td>
                      <td>{r.focusAreaTitles.join(", ") || "–"}</td>
                      <td>
                        {r.allMembers
                          ? t("measure:catalogue.allMembers", { count: r.participantCount })
                          : t("measure:catalogue.someMembers", { count: r.participantCount })}
                      </td>
                      <td>
                        {r.uptake.ratio === null
                          ? t("measure:uptakeNotRelevant")
                          : t("measure:uptakeValue", {
                              percent: formatPercent(lang, r.uptake.ratio),
                              inUse: r.uptake.inUse,
                              relevant: r.uptake.relevant,
                            })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="ds-paragraph" data-size="sm">
              {t("uptake:uptakeExplained")}
            </p>
          </>
        ) : (
          <p className="ds-paragraph">{catalogue.total ? t("measure:catalogue.none") : t("measure:catalogue.empty")}</p>
        )}
      </section>
    </div>
  );
}
