import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { YearForm } from "../ui/page-parts";
import { MatrixTable } from "../overview/matrix-table";
import { publicMatrix } from "../publication/matrix.server";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { useKeepLanguage } from "../publication/public-link";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.year} – ${data.name} – Fellesløft` }] : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag } = await publicPage(args, "matrix");
  const matrix = await publicMatrix(db(), scope, new URL(args.request.url).searchParams.get("year"));
  return publicJson({ slug: scope.slug, name: scope.name, ...matrix }, etag);
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
