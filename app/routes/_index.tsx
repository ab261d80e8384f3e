import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { loader as rootLoader } from "../root";
import { Section } from "../ui/section";

export async function loader(_: LoaderFunctionArgs) {
  return null;
}

export default function Home() {
  const { t } = useTranslation();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const user = root?.user;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="ds-heading" data-size="xl">
        Fellesløft
      </h1>
      <p className="ds-paragraph" data-size="lg">
        {t("common:home.intro")}
      </p>
      {user ? (
        <Section id="my-cooperations" title={t("common:home.yourCooperations")} gap={3}>
          {root.cooperations.length ? (
            <ul className="ds-list">
              {root.cooperations.map((c) => (
                <li key={c.slug}>
                  <Link className="ds-link" to={`/c/${c.slug}`}>
                    {c.name}
                  </Link>{" "}
                  – {c.roles.map((r) => t(`common:roles.${r}`)).join(", ")}
                  {c.municipalityName ? ` (${c.municipalityName})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="ds-paragraph">{t("common:home.noCooperations")}</p>
          )}
        </Section>
      ) : (
        <p>
          <Link className="ds-button" data-variant="primary" to="/login">
            {t("common:shell.login")}
          </Link>
        </p>
      )}
    </div>
  );
}
