import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { openDataPage } from "../open-data/downloads.server";
import { publicMeta } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { API_PREFIX } from "../api/paths";
import { catalogUrl, publicPartUrl } from "../publication/urls";
import { DataTable } from "../ui/data-table";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t) => ({
        title: t("publication:data.title", { name: data.name }),
        description: t("publication:meta.data", { name: data.name }),
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag, address } = await publicPage(args, "data");
  const page = await openDataPage(db(), scope);
  return publicJson({ slug: scope.slug, name: scope.name, address: address(), ...page }, etag);
}

const NLOD = "https://data.norge.no/nlod/no/2.0";

export default function PublicOpenData() {
  const { slug, name, datasets, catalog } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const folder = publicPartUrl(slug, "data");
  return (
    <section aria-labelledby="data-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="data-heading" className="ds-heading" data-size="lg">
          {t("publication:data.title", { name })}
        </h1>
        <p className="ds-paragraph">{t("publication:data.intro")}</p>
        <p className="ds-paragraph">
          {t("publication:data.licence")}{" "}
          <a className="ds-link" href={NLOD}>
            {t("publication:data.licenceName")}
          </a>
        </p>
        <p className="ds-paragraph">
          {t("publication:data.api")}{" "}
          <a className="ds-link" href={`${API_PREFIX}/openapi.json`}>
            {t("publication:data.apiLink")}
          </a>
        </p>
      </header>
      {datasets.length === 0 ? (
        <p className="ds-paragraph">{t("publication:data.none")}</p>
      ) : (
        <>
          <ul className="m-0 flex list-none flex-col gap-2 p-0" aria-label={t("publication:data.everything")}>
            <li>
              <a className="ds-link" href={`${folder}/all.zip`} download>
                {t("publication:data.zip")}
              </a>
            </li>
            {catalog ? (
              <>
                <li>
                  <a className="ds-link" href={catalogUrl(slug, "ttl")} download>
                    {t("publication:data.catalogTurtle")}
                  </a>
                </li>
                <li>
                  <a className="ds-link" href={catalogUrl(slug, "jsonld")} download>
                    {t("publication:data.catalogJsonLd")}
                  </a>
                </li>
              </>
            ) : null}
          </ul>
          {datasets.map((dataset) => (
            <section
              key={dataset.key}
              id={dataset.key}
              aria-labelledby={`${dataset.key}-heading`}
              className="flex flex-col gap-3"
            >
              <h2 id={`${dataset.key}-heading`} className="ds-heading" data-size="md">
                {t(`publication:datasets.${dataset.key}.title`, { name })}
              </h2>
              <p className="ds-paragraph">{t(`publication:datasets.${dataset.key}.description`, { name })}</p>
              <p className="ds-paragraph">
                {t("publication:data.rows", { count: dataset.rows, formatted: formatNumber(lang, dataset.rows) })}
              </p>
              <ul
                className="m-0 flex list-none flex-wrap gap-4 p-0"
                aria-label={t("publication:data.downloads", { name: t(`publication:datasets.${dataset.key}.title`, { name }) })}
              >
                {(["csv", "json"] as const).map((format) => (
                  <li key={format}>
                    <a className="ds-link" href={`${folder}/${dataset.key}.${format}`} download>
                      {t(`publication:data.download.${format}`)}
                    </a>
                  </li>
                ))}
              </ul>
              <DataTable
                labelledBy={`${dataset.key}-heading`}
                caption={t("publication:data.columnsCaption", { name: t(`publication:datasets.${dataset.key}.title`, { name }) })}
                headers={[t("publication:data.column"), t("publication:data.type"), t("publication:data.meaning")]}
              >
                {dataset.columns.map((column) => (
                  <tr key={column.name}>
                    <th scope="row">
                      <code>{column.name}</code>
                    </th>
                    <td>
                      {t(`publication:data.types.${column.type}`)}
                      {column.nullable ? ` ${t("publication:data.nullable")}` : ""}
                    </td>
                    <td>{t(`publication:data.columns.${column.name}`)}</td>
                  </tr>
                ))}
              </DataTable>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
