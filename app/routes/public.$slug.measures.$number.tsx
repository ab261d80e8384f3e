import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { parseMeasureNumber } from "../measure/form-action.server";
import { Fact, Facts } from "../ui/page-parts";
import { publicMeasure } from "../publication/matrix.server";
import { publicMeta } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { PublicLink } from "../publication/public-link";
import { publicPartUrl } from "../publication/urls";
import { Section } from "../ui/section";
import { notFound } from "../utils/errors.server";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t) => ({
        title: `${data.measure.number}. ${data.measure.name} – ${data.name}`,
        description: t("publication:meta.measure", { number: data.measure.number, measure: data.measure.name, name: data.name }),
        type: "article",
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag, address } = await publicPage(args, "matrix");
  const number = parseMeasureNumber(args.params.number);
  const measure = number === null ? null : await publicMeasure(db(), scope, number);
  if (!measure) throw notFound();
  return publicJson({ slug: scope.slug, name: scope.name, measure, address: address() }, etag);
}

export default function PublicMeasure() {
  const { slug, measure } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const period =
    measure.periodFrom || measure.periodTo ? `${measure.periodFrom ?? "…"}–${measure.periodTo ?? "…"}` : t("plan:page.notSet");
  return (
    <article aria-labelledby="measure-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="measure-heading" className="ds-heading" data-size="lg">
          {measure.number}. {measure.name}
        </h1>
        {measure.description ? <p className="ds-paragraph whitespace-pre-line">{measure.description}</p> : null}
        <Facts>
          <Fact label={t("overview:measureStatus")}>{t(`common:measureStatus.${measure.status}`)}</Fact>
          <Fact label={t("plan:page.period")}>{period}</Fact>
        </Facts>
        <p className="ds-paragraph">
          <PublicLink to={publicPartUrl(slug, "matrix")}>{t("publication:pages.partNav.matrix")}</PublicLink>
        </p>
      </header>
      <Section id="history-heading" title={t("uptake:timeline.title")} gap={3}>
        {measure.history.length === 0 ? <p className="ds-paragraph">{t("measure:page.noHistory")}</p> : null}
        {measure.history.map((part) => (
          <section
            key={part.anchor ?? part.name}
            id={part.anchor ?? undefined}
            aria-label={part.label}
            className="flex flex-col gap-1"
          >
            <h3 className="ds-heading" data-size="xs">
              {part.label}
            </h3>
            {part.entries ? (
              <ol className="ds-list">
                {part.entries.map((e) => (
                  <li key={e.id}>
                    {formatDate(lang, e.effectiveDate)}: {t(`common:uptakeStatus.${e.to}`)}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="ds-paragraph">{t("measure:page.notReported")}</p>
            )}
          </section>
        ))}
      </Section>
    </article>
  );
}
