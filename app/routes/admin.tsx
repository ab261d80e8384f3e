import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../i18n/page-title";
import { requirePlatformAdmin } from "../cooperation/guards.server";
import { listCooperationsForAdmin } from "../cooperation/admin.server";
import { db } from "../db.server";
import { DataTable } from "../ui/data-table";

export async function loader(args: LoaderFunctionArgs) {
  requirePlatformAdmin(args);
  return json({ cooperations: await listCooperationsForAdmin(db()) });
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common:admin.title");

export default function PlatformAdmin() {
  const { cooperations } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="ds-heading" data-size="lg">
        {t("common:admin.title")}
      </h1>
      <p className="ds-paragraph">{t("common:admin.cliHint")}</p>
      <h2 id="admin-cooperations" className="ds-heading" data-size="sm">
        {t("common:admin.cooperations")}
      </h2>
      <DataTable
        labelledBy="admin-cooperations"
        caption={t("common:admin.cooperations")}
        headers={[t("common:admin.name"), t("common:admin.slug"), t("common:admin.members"), t("common:admin.users")]}
      >
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
      </DataTable>
    </div>
  );
}
