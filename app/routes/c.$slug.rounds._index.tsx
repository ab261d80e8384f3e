import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { listRounds, roundDetail } from "../round/round.server";
import { DataTable } from "../ui/data-table";
import { Section } from "../ui/section";

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "round:listTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const rounds = await listRounds(db(), { cooperationId: scope.cooperationId });
  const withCounts = await Promise.all(
    rounds.map(async (r) => {
      const detail = await roundDetail(db(), { cooperationId: scope.cooperationId, roundId: r.id });
      return {
        ...r,
        asked: detail.municipalities.length,
        submitted: detail.municipalities.filter((m) => m.state === "submitted").length,
      };
    }),
  );
  return json({ slug: scope.slug, name: scope.name, canManage: can(scope.roles, "round:manage"), rounds: withCounts });
}

export default function Rounds() {
  const { slug, name, canManage, rounds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const open = rounds.filter((r) => !r.closedAt);
  const closed = rounds.filter((r) => r.closedAt);
  const table = (list: typeof rounds, id: string, kind: string) => (
    <DataTable
      labelledBy={id}
      caption={t("round:caption", { kind })}
      headers={[
        t("round:name"),
        t("round:deadline"),
        t("round:submittedCount"),
        ...(list === closed ? [t("round:closedOn")] : []),
      ]}
    >
      {list.map((r) => (
        <tr key={r.id}>
          <th scope="row">
            <Link to={`/c/${slug}/rounds/${r.id}`} className="ds-link">
              {r.name}
            </Link>
          </th>
          <td>{formatDate(lang, r.deadline)}</td>
          <td>{t("round:submittedValue", { submitted: r.submitted, asked: r.asked })}</td>
          {r.closedAt ? <td>{formatDate(lang, r.closedAt)}</td> : null}
        </tr>
      ))}
    </DataTable>
  );
  return (
    <section aria-labelledby="rounds-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="rounds-heading" className="ds-heading" data-size="lg">
          {t("round:listTitle", { name })}
        </h1>
        <p className="ds-paragraph">{t("round:intro")}</p>
        {canManage ? (
          <p className="m-0 flex flex-wrap gap-4">
            <Link to={`/c/${slug}/rounds/new`} className="ds-button" data-variant="primary">
              {t("round:newRound")}
            </Link>
            <Link to={`/c/${slug}/mail`} className="ds-button" data-variant="secondary">
              {t("round:mail")}
            </Link>
          </p>
        ) : null}
      </header>
      <Section id="open-rounds" title={t("round:open")} gap={3}>
        {open.length ? table(open, "open-rounds", t("round:open")) : <p className="ds-paragraph">{t("round:noOpen")}</p>}
      </Section>
      <Section id="closed-rounds" title={t("round:closed")} gap={3}>
        {closed.length ? (
          table(closed, "closed-rounds", t("round:closed"))
        ) : (
          <p className="ds-paragraph">{t("round:noClosed")}</p>
        )}
      </Section>
    </section>
  );
}
