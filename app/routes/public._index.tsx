import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "../db.server";
import { installationOperator } from "../open-data/downloads.server";
import { pageTitle } from "../i18n/page-title";
import { installationETag, publicHeaders } from "../publication/http.server";
import { publicPageHeaders } from "../publication/page.server";
import { listPublicScopes } from "../publication/public-scope.server";
import { PublicLink } from "../publication/public-link";
import { publicUrl } from "../publication/urls";

export const headers = publicPageHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "publication:pages.indexTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang") ?? "";
  const [cooperations, etag] = await Promise.all([listPublicScopes(db()), installationETag(db(), "/public", lang)]);
  return json(
    { cooperations: cooperations.map((c) => ({ slug: c.slug, name: c.name })), catalog: installationOperator() !== null },
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
        <p className="ds-paragraph">
          {t("publication:pages.indexCatalog")}{" "}
          <a className="ds-link" href="/public/catalog.ttl">
            Turtle
          </a>
          {", "}
          <a className="ds-link" href="/public/catalog.jsonld">
            JSON-LD
          </a>
        </p>
      ) : null}
    </section>
  );
}
