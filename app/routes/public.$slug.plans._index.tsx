import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate, formatList } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { publicMeta } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { publicPlans } from "../publication/pages.server";
import { PublicLink } from "../publication/public-link";
import { DataTable } from "../ui/data-table";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t, lang) => ({
        title: `${t("publication:pages.plansTitle")} – ${data.name}`,
        description: data.plans.length
          ? t("publication:meta.plans", {
              name: data.name,
              years: formatList(lang, data.plans.map((p) => String(p.year)).reverse()),
            })
          : t("publication:meta.noPlans", { name: data.name }),
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag, address } = await publicPage(args, "plan");
  return publicJson({ slug: scope.slug, name: scope.name, plans: await publicPlans(scope), address: address() }, etag);
}

export default function PublicPlans() {
  const { slug, plans } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section aria-labelledby="plans-heading" className="flex flex-col gap-4">
      <h1 id="plans-heading" className="ds-heading" data-size="lg">
        {t("publication:pages.plansTitle")}
      </h1>
      {plans.length ? (
        <DataTable
          labelledBy="plans-heading"
          caption={t("publication:pages.plansTitle")}
          headers={[t("publication:pages.year"), t("decision:decidedOn"), t("decision:caseNumber")]}
        >
          {plans.map((p) => (
            <tr key={p.year}>
              <th scope="row">
                <PublicLink to={`/public/${slug}/plans/${p.year}`}>{t("plan:page.title", { year: p.year })}</PublicLink>
              </th>
              <td>{p.decidedOn ? formatDate(lang, p.decidedOn) : "–"}</td>
              <td>{p.caseNumber ?? "–"}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="ds-paragraph">{t("publication:pages.noPlans")}</p>
      )}
    </section>
  );
}
