import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CooperationHeader } from "../cooperation/cooperation-header";
import { db } from "../db.server";
import { formatList } from "../i18n/format";
import { inDefaultLanguage, publicMeta, summary } from "../publication/meta";
import { publicPage, publicJson, publicPageHeaders } from "../publication/page.server";
import { publicCooperation, publicStrategies } from "../publication/pages.server";
import { publishedParts } from "../publication/parts";
import { PublicLink } from "../publication/public-link";
import { publicPartUrl } from "../publication/urls";
import { DataTable } from "../ui/data-table";
import { Fact } from "../ui/page-parts";
import { Section } from "../ui/section";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t, lang) => ({
        title: data.cooperation.name,
        // the cooperation's own words, in the one language it wrote them in
        description:
          (inDefaultLanguage(data.address) && summary(data.cooperation.description)) ||
          t("publication:meta.cooperation", {
            name: data.cooperation.name,
            parts: formatList(
              lang,
              data.parts.map((part) => t(`publication:meta.partNames.${part}`)),
            ),
          }),
      }))
    : [];

export async function loader(args: LoaderFunctionArgs) {
  const { scope, etag, address } = await publicPage(args, null);
  const [cooperation, strategies] = await Promise.all([
    publicCooperation(db(), scope),
    scope.published.strategy ? publicStrategies(db(), scope) : [],
  ]);
  const inForce = strategies.find((s) => s.status === "adopted") ?? null;
  return publicJson({ slug: scope.slug, parts: publishedParts(scope.published), cooperation, inForce, address: address() }, etag);
}

export default function PublicCooperation() {
  const { slug, parts, cooperation, inForce } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-8">
      <CooperationHeader cooperation={cooperation}>
        {cooperation.organisationNumber ? (
          <Fact label={t("publication:pages.organisationNumber")}>{cooperation.organisationNumber}</Fact>
        ) : null}
        {cooperation.contact ? (
          <Fact label={t("publication:pages.contact")}>
            {cooperation.contact.name ?? t("publication:contact", { name: cooperation.name })},{" "}
            <a href={`mailto:${cooperation.contact.email}`}>{cooperation.contact.email}</a>
          </Fact>
        ) : null}
        {inForce ? (
          <Fact label={t("publication:pages.strategyInForce")}>
            <PublicLink to={publicPartUrl(slug, "strategy")}>{inForce.title}</PublicLink>
          </Fact>
        ) : null}
      </CooperationHeader>

      <Section id="published-heading" title={t("publication:pages.publishedTitle")} gap={3}>
        <ul className="ds-list">
          {parts.map((part) => (
            <li key={part}>
              <PublicLink to={publicPartUrl(slug, part)}>{t(`publication:parts.${part}`)}</PublicLink>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="members-heading" title={t("publication:pages.members", { count: cooperation.members.length })} gap={3}>
        {cooperation.members.length ? (
          <DataTable
            labelledBy="members-heading"
            caption={t("publication:pages.members", { count: cooperation.members.length })}
            headers={[t("publication:pages.municipalityNumber"), t("publication:pages.municipality")]}
          >
            {cooperation.members.map((m) => (
              <tr key={m.number}>
                <td>{m.number}</td>
                <th scope="row">{m.name}</th>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="ds-paragraph">{t("publication:pages.noMembers")}</p>
        )}
      </Section>
    </div>
  );
}
