import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCooperationRole } from "../cooperation/guards.server";
import { getCooperationOverview } from "../overview/front-page.server";
import { db } from "../db.server";
import { formatDate, formatNumber, formatPercent } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { DataTable } from "../ui/data-table";
import { Section } from "../ui/section";
import { CooperationHeader } from "../cooperation/cooperation-header";
import { Fact } from "../ui/page-parts";

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  return json(await getCooperationOverview(db(), scope));
}

export default function CooperationOverview() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { slug } = useParams();
  const { cooperation, members, strategy, measures, you } = data;
  return (
    <div className="flex flex-col gap-8">
      <CooperationHeader cooperation={cooperation}>
        <Fact label={t("common:cooperation.yourRoles")}>
          {you.roles.map((r) => t(`common:roles.${r}`)).join(", ")}
          {you.municipalityName ? ` (${you.municipalityName})` : ""}
        </Fact>
      </CooperationHeader>

      <Section id="strategy-heading" title={t("overview:strategy")} gap={3}>
        {strategy ? (
          <>
            <p className="ds-paragraph">
              <strong>{strategy.title}</strong> ({strategy.periodFrom}–{strategy.periodTo}) ·{" "}
              {t(`common:strategyStatus.${strategy.status}`)}
            </p>
            {strategy.vision ? <p className="ds-paragraph italic">{strategy.vision}</p> : null}
            {strategy.focusAreas.map((area) => (
              <div key={area.id}>
                <h3 className="ds-heading" data-size="xs">
                  {area.title}
                </h3>
                <ul className="ds-list">
                  {area.goals.map((g) => (
                    <li key={g.id}>{g.text}</li>
                  ))}
                </ul>
              </div>
            ))}
          </>
        ) : (
          <p className="ds-paragraph">{t("overview:noStrategy")}</p>
        )}
      </Section>

      <Section id="measures-heading" title={t("overview:measures", { count: measures.length })} gap={3}>
        {measures.length ? (
          <DataTable
            labelledBy="measures-heading"
            caption={t("overview:measuresCaption")}
            headers={[t("measure:number"), t("measure:name"), t("measure:status"), t("measure:uptake")]}
          >
            {measures.map((m) => (
              <tr key={m.id}>
                <td>{m.number}</td>
                <td>
                  <Link to={`/c/${slug}/measures/${m.number}`} className="ds-link">
                    {m.name}
                  </Link>
                </td>
                <td>
                  {t(`common:measureStatus.${m.status}`)}
                  {m.statusText ? <span className="block text-sm">{m.statusText}</span> : null}
                </td>
                <td>
                  {m.uptake.ratio === null
                    ? t("measure:uptakeNotRelevant")
                    : t("measure:uptakeValue", {
                        percent: formatPercent(lang, m.uptake.ratio),
                        inUse: m.uptake.inUse,
                        relevant: m.uptake.relevant,
                      })}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="ds-paragraph">{t("overview:noMeasures")}</p>
        )}
      </Section>

      <Section id="members-heading" title={t("overview:members", { count: members.length })} gap={3}>
        <DataTable
          labelledBy="members-heading"
          caption={t("overview:membersCaption")}
          headers={[
            t("common:municipality.number"),
            t("common:municipality.name"),
            t("common:municipality.population"),
            t("common:municipality.writtenStandard"),
            t("common:municipality.joinedOn"),
          ]}
        >
          {members.map((m) => (
            <tr key={m.municipalityId}>
              <td>{m.number}</td>
              <td>{m.name}</td>
              <td>
                {m.population === null
                  ? t("common:common.unknown")
                  : t("common:municipality.populationValue", { value: formatNumber(lang, m.population), year: m.populationYear })}
              </td>
              <td>{m.writtenStandard ? t(`common:writtenStandard.${m.writtenStandard}`) : t("common:common.unknown")}</td>
              <td>{formatDate(lang, m.joinedOn)}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
    </div>
  );
}
