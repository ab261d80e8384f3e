import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireYearParam } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatDate, formatNok } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { Fact, Facts } from "../ui/page-parts";
import { publicMeta } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { publicPlan } from "../publication/pages.server";
import { PublicLink } from "../publication/public-link";
import { DataTable } from "../ui/data-table";
import { Section } from "../ui/section";
import { notFound } from "../utils/errors.server";
import { DecisionFacts } from "../decision/decision-facts";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t, lang) => ({
        title: `${t("plan:page.title", { year: data.year })} – ${data.name}`,
        description: t("publication:meta.plan", {
          year: data.year,
          name: data.name,
          body: t(`publication:meta.bodies.${data.plan.decision.body}`),
          date: formatDate(lang, data.plan.decision.decidedOn),
          count: data.plan.items.length,
        }),
        type: "article",
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag, address } = await publicPage(args, "plan");
  const year = requireYearParam(args.params.year);
  const plan = await publicPlan(db(), scope, year);
  if (!plan) throw notFound();
  return publicJson({ slug: scope.slug, name: scope.name, year, plan, address: address() }, etag);
}

export default function PublicPlan() {
  const { slug, year, plan } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const notSet = t("plan:page.notSet");
  const period = (from: number | null, to: number | null) => (from || to ? `${from ?? "…"}–${to ?? "…"}` : notSet);
  return (
    <article aria-labelledby="plan-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="plan-heading" className="ds-heading" data-size="lg">
          {t("plan:page.title", { year })}
        </h1>
        <DecisionFacts decision={plan.decision} />
        <p className="ds-paragraph">
          <PublicLink to={`/public/${slug}/plans`}>{t("publication:pages.allPlans")}</PublicLink>
        </p>
      </header>
      <Section id="items-heading" title={t("plan:page.items")} gap={4}>
        {plan.items.length === 0 ? <p className="ds-paragraph">{t("plan:page.noItems")}</p> : null}
        {plan.items.map((item) => {
          const m = item.measure;
          const headingId = `item-${m.number}`;
          return (
            <section key={m.id} aria-labelledby={headingId} className="flex flex-col gap-2">
              <h3 id={headingId} className="ds-heading" data-size="sm">
                {m.number}. {m.name}
              </h3>
              {m.description ? <p className="ds-paragraph whitespace-pre-line">{m.description}</p> : null}
              <Facts>
                <Fact label={t("plan:page.focusAreas")}>{m.focusAreas.length ? m.focusAreas.join("; ") : notSet}</Fact>
                <Fact label={t("plan:page.goals")}>{m.goals.length ? m.goals.join("; ") : notSet}</Fact>
                <Fact label={t("plan:page.costEstimate")}>
                  {t("plan:page.costValue", {
                    investment: formatNok(lang, m.investmentCost),
                    running: formatNok(lang, m.runningCost),
                  })}
                </Fact>
                <Fact label={t("plan:page.budget")}>{formatNok(lang, item.budget)}</Fact>
                <Fact label={t("plan:page.priority")}>{item.priority ?? notSet}</Fact>
                <Fact label={t("plan:page.period")}>{period(item.periodFrom, item.periodTo)}</Fact>
                <Fact label={t("plan:page.milestones")} preLine>
                  {item.milestones || notSet}
                </Fact>
              </Facts>
              {item.shares.ok && item.shares.rows.length ? (
                <DataTable
                  labelledBy={headingId}
                  caption={t("plan:page.sharesCaption", { measure: `${m.number}. ${m.name}` })}
                  headers={[t("plan:page.municipality"), t("plan:page.investmentShare"), t("plan:page.runningShare")]}
                >
                  {item.shares.rows.map((r) => (
                    <tr key={r.municipalityId}>
                      <th scope="row">{r.name}</th>
                      <td>{formatNok(lang, r.investmentShare)}</td>
                      <td>{formatNok(lang, r.runningShare)}</td>
                    </tr>
                  ))}
                </DataTable>
              ) : null}
            </section>
          );
        })}
      </Section>
    </article>
  );
}
