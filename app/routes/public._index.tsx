import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { DEFAULT_LANGUAGE, isLanguage } from "../i18n/config";
import { installationOperator } from "../open-data/downloads.server";
import { pageAddress } from "../publication/address.server";
import { installationETag, publicHeaders } from "../publication/http.server";
import { publicMeta } from "../publication/meta";
import { publicPageHeaders } from "../publication/page.server";
import { listPublicScopes } from "../publication/public-scope.server";
import { PublicLink } from "../publication/public-link";
import { catalogUrl, publicUrl } from "../publication/urls";
import { requestOrigin } from "../utils/origin.server";

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? publicMeta(data.address, (t) => ({ title: t("publication:pages.indexTitle"), description: t("publication:meta.index") }))
    : [];

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang") ?? "";
  const [cooperations, etag] = await Promise.all([listPublicScopes(db()), installationETag(db(), "/public", lang)]);
  const language = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
  const address = pageAddress({ path: "/public", defaultLanguage: DEFAULT_LANGUAGE }, language, requestOrigin(request));
  return json(
    {
      cooperations: cooperations.map((c) => ({ slug: c.slug, name: c.name })),
      catalog: installationOperator() !== null,
      address,
    },
    { headers: publicHeaders(`W/${etag}`) },
  );
}

export default function PublicIndex() {
  const { cooperations, catalog } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="public-heading" className="flex flex-col gap-4">
      <h1 id="public-heading" className="ds-heading" data-size="lg">
        {t("publication:pages.indexTitle")}
      </h1>
      <p className="ds-paragraph">{t("publication:pages.indexIntro")}</p>
      {cooperations.length ? (
        <ul className="ds-list">
          {cooperations.map((c) => (
            <li key={c.slug}>
              <PublicLink to={publicUrl(c.slug)}>{c.name}</PublicLink>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-paragraph">{t("publication:pages.indexNone")}</p>
      )}
      {catalog && cooperations.length ? (
        <>
          <p className="ds-paragraph">{t("publication:pages.indexCatalog")}</p>
          <ul className="ds-list">
            <li>
              <a className="ds-link" href={catalogUrl(null, "ttl")} download>
                {t("publication:data.catalogTurtle")}
              </a>
            </li>
            <li>
              <a className="ds-link" href={catalogUrl(null, "jsonld")} download>
                {t("publication:data.catalogJsonLd")}
              </a>
            </li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
