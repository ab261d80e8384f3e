import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { formatDate, formatList } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { publicMeta } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { publicReports } from "../publication/pages.server";
import { PublicLink } from "../publication/public-link";
import { DataTable } from "../ui/data-table";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t, lang) => ({
        title: `${t("publication:pages.reportsTitle")} – ${data.name}`,
        description: data.reports.length
          ? t("publication:meta.reports", {
              name: data.name,
              years: formatList(lang, data.reports.map((r) => String(r.year)).reverse()),
            })
          : t("publication:meta.noReports", { name: data.name }),
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag, address } = await publicPage(args, "reports");
  return publicJson({ slug: scope.slug, name: scope.name, reports: await publicReports(db(), scope), address: address() }, etag);
}

export default function PublicReports() {
  const { slug, reports } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="reports-heading" className="flex flex-col gap-4">
      <h1 id="reports-heading" className="ds-heading" data-size="lg">
        {t("publication:pages.reportsTitle")}
      </h1>
      {reports.length ? (
        <DataTable
          labelledBy="reports-heading"
          caption={t("publication:pages.reportsTitle")}
          headers={[t("publication:pages.report"), t("publication:pages.publishedOn")]}
        >
          {reports.map((r) => (
            <tr key={r.year}>
              <th scope="row">
                <PublicLink to={`/public/${slug}/reports/${r.year}`}>
                  {t("publication:pages.reportTitle", { year: r.year })}
                </PublicLink>
              </th>
              <td>{formatDate(lang, r.publishedAt)}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="ds-paragraph">{t("publication:pages.noReports")}</p>
      )}
    </section>
  );
}
