import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseYear } from "@shared-schema/common";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { YearForm } from "../ui/page-parts";
import { MatrixTable } from "../overview/matrix-table";
import { publicMatrix } from "../publication/matrix.server";
import { publicMeta } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { useKeepLanguage } from "../publication/public-link";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t, lang) => ({
        title: t("overview:matrixTitle", { year: data.year, name: data.name }),
        description: t("publication:meta.matrix", { name: data.name, year: data.year, date: formatDate(lang, data.date) }),
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag, address } = await publicPage(args, "matrix");
  const asked = new URL(args.request.url).searchParams.get("year");
  const matrix = await publicMatrix(db(), scope, asked);
  // without a year (or with one it does not have) the matrix shows this year's, which moves on
  const year = asked !== null && parseYear(asked) === matrix.year ? { year: String(matrix.year) } : undefined;
  return publicJson({ slug: scope.slug, name: scope.name, ...matrix, address: address(year) }, etag);
}

export default function PublicMatrix() {
  const { slug, name, year, years, date, version, matrix } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const keep = useKeepLanguage();
  const lang = useSearchParams()[0].get("lang");
  return (
    <section aria-labelledby="matrix-heading" className="flex flex-col gap-4">
      <h1 id="matrix-heading" className="ds-heading" data-size="lg">
        {t("overview:matrixTitle", { year, name })}
      </h1>
      <p className="ds-paragraph">{t("overview:matrixIntro", { year })}</p>
      <YearForm id="matrix-year" year={year} years={years} label={t("overview:year")} show={t("overview:show")} keep={{ lang }} />
      <MatrixTable
        matrix={matrix}
        year={year}
        date={date}
        bodyKey={`public-matrix|${version}|${lang ?? ""}`}
        measureHref={(n) => keep(`/public/${slug}/measures/${n}`)}
        ownMunicipalityId={null}
      />
    </section>
  );
}
