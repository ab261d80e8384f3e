import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePlatformAdmin } from "../auth/guards.server";
import { listCooperationsForAdmin } from "../cooperation/admin.server";
import { db } from "../db.server";

export async function loader(args: LoaderFunctionArgs) {
  requirePlatformAdmin(args);
  return json({ cooperations: await listCooperationsForAdmin(db()) });
}

export default function PlatformAdmin() {
  const { cooperations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="ds-heading" data-size="lg">
        {t("admin.title")}
      </h1>
      <p className="ds-paragraph">{t("admin.cliHint")}</p>
      <div className="table-scroll" role="region" aria-labelledby="admin-table-caption" tabIndex={0}>
        <table className="ds-table" data-border>
          <caption id="admin-table-caption">{t("admin.cooperations")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("admin.slug")}</th>
              <th scope="col">{t("admin.members")}</th>
              <th scope="col">{t("admin.users")}</th>
            </tr>
          </thead>
          <tbody>
            {cooperations.map((c) => (
              <tr key={c.slug}>
                <td>{c.name}</td>
                <td>
                  <code>{c.slug}</code>
                </td>
                <td>{c.members}</td>
                <td>{c.users}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
