import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { publicMeta } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { publicReport } from "../publication/pages.server";
import { PublicLink, useKeepLanguage } from "../publication/public-link";
import { publicPartUrl } from "../publication/urls";
import { DownloadLink } from "../report/download-link";
import { reportFileName } from "../report/figures";
import { ReportView } from "../report/report-view";
import { notFound } from "../utils/errors.server";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t, lang) => ({
        title: `${t("publication:pages.reportTitle", { year: data.year })} – ${data.name}`,
        description: t("publication:meta.report", {
          year: data.year,
          name: data.name,
          date: formatDate(lang, data.publishedAt),
        }),
        type: "article",
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, language, etag, address } = await publicPage(args, "reports");
  const year = requireYearParam(args.params.year);
  const doc = await publicReport(db(), scope, year, language);
  if (!doc?.publishedAt) throw notFound();
  return publicJson(
    {
      slug: scope.slug,
      name: scope.name,
      year,
      matrix: scope.published.matrix,
      doc,
      publishedAt: doc.publishedAt,
      address: address(),
    },
    etag,
  );
}

export default function PublicReport() {
  const { slug, year, matrix, doc } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const keep = useKeepLanguage();
  const file = (format: "pdf" | "csv" | "xlsx") => keep(`/public/${slug}/reports/${year}.${format}`);
  return (
    <article aria-labelledby="report-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="report-heading" className="ds-heading" data-size="lg">
          {t("publication:pages.reportTitle", { year })}
        </h1>
        {doc.publishedAt ? (
          <p className="ds-paragraph">
            {t("publication:pages.publishedOn")}: {formatDate(lang, doc.publishedAt)}
          </p>
        ) : null}
        <ul className="m-0 flex list-none flex-wrap gap-4 p-0" aria-label={t("publication:pages.downloads")}>
          {(["pdf", "csv", "xlsx"] as const).map((format) => (
            <li key={format}>
              <DownloadLink href={file(format)} filename={reportFileName(slug, year, true, format)}>
                {t(`publication:pages.download.${format}`)}
              </DownloadLink>
            </li>
          ))}
        </ul>
        <p className="ds-paragraph">
          <PublicLink to={publicPartUrl(slug, "reports")}>{t("publication:pages.allReports")}</PublicLink>
        </p>
      </header>
      <ReportView
        doc={doc}
        links={{ measure: () => null, matrix: (y) => (matrix ? keep(`${publicPartUrl(slug, "matrix")}?year=${y}`) : null) }}
      />
    </article>
  );
}
