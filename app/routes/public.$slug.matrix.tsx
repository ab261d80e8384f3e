import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { QuerySelect } from "../measure/page-parts";
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
      <Form method="get" className="flex flex-wrap items-end gap-4">
        {lang ? <input type="hidden" name="lang" value={lang} /> : null}
        <QuerySelect
          id="matrix-year"
          name="year"
          label={t("overview:year")}
          value={year}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <button type="submit" className="ds-button" data-variant="primary">
          {t("overview:show")}
        </button>
      </Form>
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
