import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatPercentInput } from "@shared-schema/measure";
import { parseYear } from "@shared-schema/common";
import { notFound, requireCooperationRole } from "../cooperation/guards.server";
import { osloYear } from "@shared-schema/dates";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { formatDate, formatNok, formatNumber, formatPercent } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { listFocusAreasAndGoals, listMemberOptions } from "../measure/catalogue.server";
import { findMeasure, hasBenefitsRealisationPlan } from "../measure/edit.server";
import { parseMeasureNumber } from "../measure/form-action.server";
import { Fact, Facts, YearForm } from "../ui/page-parts";
import { defaultShareYear, measureShares, participantsInYear } from "../measure/shares.server";
import { matrixMunicipalityIds } from "../overview/matrix-municipalities.server";
import { DataTable } from "../ui/data-table";
import { historyParts } from "../uptake/history-parts";
import { mapChangesBetween, uptakeTimeline } from "../uptake/history.server";
import { LinkedHistories, Timeline } from "../uptake/timeline";
import { uptakeSummary } from "../uptake/uptake";
import { runsIn } from "../overview/matrix";
import { revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.measure.number} ${data.measure.name} – Fellesløft` : "Fellesløft" },
];

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const number = parseMeasureNumber(args.params.number);
  if (number === null) throw notFound();
  const cooperationId = scope.cooperationId;
  const measure = await findMeasure(db(), { cooperationId, number });
  if (!measure) throw notFound();

  // the cost shares of a year the measure runs in: a year outside its period has none to show
  const asked = parseYear(new URL(args.request.url).searchParams.get("year"));
  const year = asked !== null && runsIn(measure, asked) ? asked : defaultShareYear(measure.periodFrom, measure.periodTo);
  const thisYear = osloYear();
  const [strategies, members, shares, timelines, current, inMatrix] = await Promise.all([
    listFocusAreasAndGoals(db(), { cooperationId }),
    listMemberOptions(db(), { cooperationId }),
    measureShares(db(), { cooperationId, measure, year }),
    uptakeTimeline(db(), { cooperationId, measureId: measure.id }),
    participantsInYear(db(), { cooperationId, measure, year: thisYear }),
    matrixMunicipalityIds(db(), { cooperationId, measure }),
  ]);
  const supports = strategies.flatMap((s) =>
    s.focusAreas
      .filter((a) => measure.focusAreaIds.includes(a.id) || a.goals.some((g) => measure.goalIds.includes(g.id)))
      .map((a) => ({
        id: a.id,
        title: a.title,
        strategyTitle: s.title,
        goals: a.goals.filter((g) => measure.goalIds.includes(g.id)),
      })),
  );
  const latest = new Map(timelines.map((tl) => [tl.municipalityId, tl.entries[0].to]));
  const participantYears = new Map(measure.participants.map((p) => [p.municipalityId, p]));
  // today's participants, as the catalogue counts them: not the predecessors a chosen measure once had
  const participants = current
    .map((c) => c.id)
    .map((id) => members.find((m) => m.municipalityId === id))
    .filter((m): m is NonNullable<typeof m> => Boolean(m))
    .map((m) => ({
      ...m,
      fromYear: measure.allMembers ? null : (participantYears.get(m.municipalityId)?.fromYear ?? null),
      toYear: measure.allMembers ? null : (participantYears.get(m.municipalityId)?.toYear ?? null),
      uptake: latest.get(m.municipalityId) ?? null,
    }));
  const years: number[] = [];
  const from = measure.periodFrom ?? Math.min(year, thisYear) - 2;
  const to = measure.periodTo ?? Math.max(year, thisYear) + 2;
  for (let y = Math.min(from, year); y <= Math.max(to, year); y++) years.push(y);
  return json({
    slug: scope.slug,
    canEdit: can(scope.roles, "measure:edit"),
    ownMunicipalityId: scope.municipalityId,
    measure,
    planComplete: hasBenefitsRealisationPlan(measure),
    supports,
    participants,
    shares,
    year,
    years,
    history: historyParts(
      members,
      timelines,
      inMatrix,
      await mapChangesBetween(
        db(),
        members.map((m) => m.municipalityId),
      ),
    ),
    uptake: uptakeSummary(participants.map((p) => p.uptake ?? "not_started")),
  });
}

/**
 * A link to one municipality's history (a matrix cell's) opens it: the browser scrolls to the
 * closed <details>, which would show only its summary. Without JavaScript the summary is where
 * the link leads, one press from the timeline.
 */
function useOpenLinkedHistory() {
  const { hash } = useLocation();
  useEffect(() => {
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target instanceof HTMLDetailsElement) target.open = true;
  }, [hash]);
}

export default function MeasurePage() {
  const data = useLoaderData<typeof loader>();
  useOpenLinkedHistory();
  const { measure: m, shares, ownMunicipalityId, slug } = data;
  const { t } = useTranslation();
  const lang = useLanguage();
  const own = (id: string) => id === ownMunicipalityId;
  const ownLabel = (id: string, name: string) =>
    own(id) ? (
      <strong>
        {name} {t("measure:page.yours")}
      </strong>
    ) : (
      name
    );
  const keyText =
    m.costKey === "equal"
      ? t("measure:keys.explainEqual")
      : m.costKey === "population"
        ? t("measure:keys.explainPopulation", { year: m.populationYear ?? data.year })
        : m.costKey === "mixed"
          ? t("measure:keys.explainMixed", {
              equal: m.equalPercent ?? 0,
              population: 100 - (m.equalPercent ?? 0),
              year: m.populationYear ?? data.year,
            })
          : t("measure:keys.explainCustom");
  const notSet = t("measure:page.notSet");
  return (
    <article aria-labelledby="measure-heading" className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p className="ds-paragraph m-0">
          <Link to={`/c/${slug}/measures`} className="ds-link">
            {t("measure:page.back")}
          </Link>
        </p>
        <h1 id="measure-heading" className="ds-heading" data-size="lg">
          {m.number}. {m.name}
        </h1>
        <p className="ds-paragraph m-0">
          <strong>{t("measure:status")}:</strong> {t(`common:measureStatus.${m.status}`)}
          {m.statusText ? ` – ${m.statusText}` : ""}
        </p>
        {data.canEdit ? (
          <p className="m-0">
            <Link to={`/c/${slug}/measures/${m.number}/edit`} className="ds-button" data-variant="secondary">
              {t("measure:page.edit")}
            </Link>
          </p>
        ) : null}
      </header>

      <PageSection id="basics" title={t("measure:page.basics")}>
        {m.description ? <p className="ds-paragraph whitespace-pre-line">{m.description}</p> : null}
        <Facts>
          <Fact label={t("measure:page.priority")}>{m.priority ?? notSet}</Fact>
          <Fact label={t("measure:page.period")}>
            {m.periodFrom || m.periodTo ? `${m.periodFrom ?? "…"}–${m.periodTo ?? "…"}` : notSet}
          </Fact>
          <Fact label={t("measure:page.owner")}>{m.owner ?? notSet}</Fact>
          <Fact label={t("measure:page.updated", { date: "" }).trim()}>{formatDate(lang, m.updatedAt)}</Fact>
        </Facts>
        <h3 className="ds-heading" data-size="xs">
          {t("measure:page.supports")}
        </h3>
        {data.supports.length ? (
          <ul className="ds-list">
            {data.supports.map((a) => (
              <li key={a.id}>
                <strong>{a.title}</strong> <span className="text-sm">({a.strategyTitle})</span>
                {a.goals.length ? (
                  <ul className="ds-list">
                    {a.goals.map((g) => (
                      <li key={g.id}>{g.text}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t("measure:page.noSupport")}</p>
        )}
      </PageSection>

      <PageSection id="benefits" title={t("measure:page.benefits")}>
        {m.benefitsText ? <p className="ds-paragraph whitespace-pre-line">{m.benefitsText}</p> : null}
        {m.benefits.length ? (
          <DataTable
            labelledBy="benefits-heading"
            caption={t("measure:page.benefitsCaption")}
            headers={[
              t("measure:form.benefitDescription"),
              t("measure:form.amount"),
              t("measure:form.benefitOwner"),
              t("measure:form.baseline"),
              t("measure:form.target"),
              t("measure:form.measuredWhen"),
            ]}
          >
            {m.benefits.map((b, i) => (
              <tr key={i}>
                <td>{b.description}</td>
                <td>
                  {b.amount === null
                    ? "–"
                    : `${formatNumber(lang, b.amount)} ${b.unit ? t(`measure:units.${b.unit}`, { defaultValue: b.unit }) : ""}`}
                </td>
                <td>{b.owner ?? "–"}</td>
                <td>{b.baseline ?? "–"}</td>
                <td>{b.target ?? "–"}</td>
                <td>{b.measuredWhen ?? "–"}</td>
              </tr>
            ))}
          </DataTable>
        ) : !m.benefitsText ? (
          <p className="ds-paragraph">{t("measure:page.noBenefits")}</p>
        ) : null}
        {m.introducesSystem ? (
          <div className="flex flex-col gap-2">
            <h3 className="ds-heading" data-size="xs">
              {t("measure:page.newSystem")}
            </h3>
            <p className="ds-paragraph">{t("measure:page.introducesSystem")}</p>
            <p className="ds-paragraph">
              <strong>{t("measure:page.phasedOut")}:</strong>{" "}
              {m.phasedOutSystems.length ? m.phasedOutSystems.join(", ") : t("measure:page.noPhasedOut")}
            </p>
            <p className="ds-alert" data-color={data.planComplete ? "success" : "warning"}>
              {data.planComplete ? t("measure:page.planComplete") : t("measure:page.planMissing")}
            </p>
          </div>
        ) : null}
      </PageSection>

      <PageSection id="costs" title={t("measure:page.costs")}>
        <Facts>
          <Fact label={t("measure:page.investment")}>{formatNok(lang, m.investmentCost)}</Fact>
          <Fact label={t("measure:page.running")}>{formatNok(lang, m.runningCost)}</Fact>
          <Fact label={t("measure:page.key")}>
            {t(`measure:keys.${m.costKey}`)}. {keyText}
          </Fact>
        </Facts>
        {m.financingText ? (
          <>
            <h3 className="ds-heading" data-size="xs">
              {t("measure:page.financing")}
            </h3>
            <p className="ds-paragraph whitespace-pre-line">{m.financingText}</p>
          </>
        ) : null}

        <h3 id="shares-heading" className="ds-heading" data-size="sm">
          {t("measure:page.shares", { year: data.year })}
        </h3>
        <YearForm
          id="share-year"
          year={data.year}
          years={data.years}
          label={t("measure:page.shareYear")}
          show={t("measure:page.showYear")}
          variant="secondary"
        />
        {shares.ok ? (
          shares.rows.length ? (
            <>
              <DataTable
                labelledBy="shares-heading"
                caption={t("measure:page.sharesCaption", { year: data.year })}
                headers={[
                  t("common:municipality.name"),
                  m.costKey === "custom" ? t("measure:page.customCol") : t("measure:page.populationCol"),
                  t("measure:page.investmentShare"),
                  t("measure:page.runningShare"),
                ]}
              >
                {shares.rows.map((r) => (
                  <tr
                    key={r.municipalityId}
                    data-own={own(r.municipalityId) || undefined}
                    className={own(r.municipalityId) ? "own-row" : undefined}
                  >
                    <th scope="row">{ownLabel(r.municipalityId, r.name)}</th>
                    <td>
                      {m.costKey === "custom"
                        ? r.customShareBp === null
                          ? "–"
                          : `${formatPercentInput(r.customShareBp)} %`
                        : r.population === null
                          ? t("common:common.unknown")
                          : t("common:municipality.populationValue", {
                              value: formatNumber(lang, r.population),
                              year: r.populationYear,
                            })}
                    </td>
                    <td>{formatNok(lang, r.investmentShare)}</td>
                    <td>{formatNok(lang, r.runningShare)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("measure:page.total")}</th>
                  <td />
                  <td>{formatNok(lang, shares.investmentTotal)}</td>
                  <td>{formatNok(lang, shares.runningTotal)}</td>
                </tr>
              </DataTable>
              <p className="ds-paragraph" data-size="sm">
                {t("measure:keys.explainRounding")}
              </p>
            </>
          ) : (
            <p className="ds-paragraph">{t("measure:page.noParticipants", { year: data.year })}</p>
          )
        ) : (
          <p className="ds-alert" data-color="warning">
            {shares.error.code === "noParticipants"
              ? t("measure:page.noParticipants", { year: data.year })
              : t(`measure:sharingErrors.${shares.error.code}`)}
          </p>
        )}
      </PageSection>

      <PageSection id="participants" title={t("measure:page.participants")}>
        <p className="ds-paragraph">{m.allMembers ? t("measure:page.allMembers") : t("measure:page.chosenMembers")}</p>
        <p className="ds-paragraph" data-testid="uptake-summary">
          <strong>{t("measure:uptake")}:</strong>{" "}
          {data.uptake.ratio === null
            ? t("measure:uptakeNotRelevant")
            : t("measure:uptakeValue", {
                percent: formatPercent(lang, data.uptake.ratio),
                inUse: data.uptake.inUse,
                relevant: data.uptake.relevant,
              })}
        </p>
        <p className="ds-paragraph" data-size="sm">
          {t("uptake:uptakeExplained")}
        </p>
        <DataTable
          labelledBy="participants-heading"
          caption={t("measure:page.participantsCaption")}
          headers={[t("common:municipality.name"), t("measure:page.years"), t("measure:page.currentUptake")]}
        >
          {data.participants.map((p) => (
            <tr
              key={p.municipalityId}
              data-own={own(p.municipalityId) || undefined}
              className={own(p.municipalityId) ? "own-row" : undefined}
            >
              <th scope="row">{ownLabel(p.municipalityId, p.name)}</th>
              <td>
                {p.fromYear === null && p.toYear === null
                  ? t("measure:page.allYears")
                  : [
                      p.fromYear !== null ? t("measure:page.fromYear", { year: p.fromYear }) : "",
                      p.toYear !== null ? t("measure:page.toYear", { year: p.toYear }) : "",
                    ]
                      .filter(Boolean)
                      .join(" ")}
              </td>
              <td>{p.uptake ? t(`common:uptakeStatus.${p.uptake}`) : t("common:uptakeStatus.not_started")}</td>
            </tr>
          ))}
        </DataTable>
      </PageSection>

      <PageSection id="history" title={t("uptake:timeline.title")}>
        <p className="ds-paragraph">{t("uptake:timeline.intro")}</p>
        {data.history.some((part) => part.entries) ? null : <p className="ds-paragraph">{t("measure:page.noHistory")}</p>}
        {data.history.map((part) =>
          part.entries ? (
            <details
              key={part.municipalityId}
              id={part.anchor}
              open={own(part.municipalityId) || undefined}
              className={own(part.municipalityId) ? "own-row ds-details" : "ds-details"}
              data-municipality={part.name}
            >
              <summary>
                {ownLabel(part.municipalityId, part.label)}: {t(`common:uptakeStatus.${part.entries[0].to}`)} (
                {t("measure:page.reportCount", { count: part.entries.length })})
              </summary>
              <div className="flex flex-col gap-3 pt-2">
                <LinkedHistories parts={part.after} direction="after" />
                <Timeline entries={part.entries} />
                <LinkedHistories parts={part.before} direction="before" />
              </div>
            </details>
          ) : (
            <p key={part.municipalityId} id={part.anchor} className="ds-paragraph" data-municipality={part.name}>
              {ownLabel(part.municipalityId, part.label)} {t("measure:page.notReported")}
            </p>
          ),
        )}
      </PageSection>

      {m.links.length ? (
        <PageSection id="links" title={t("measure:page.links")}>
          <ul className="ds-list">
            {m.links.map((l) => (
              <li key={l.url + l.title}>
                <a href={l.url} className="ds-link" rel="noopener noreferrer">
                  {l.title}
                </a>
              </li>
            ))}
          </ul>
        </PageSection>
      ) : null}
    </article>
  );
}

/** A part of the measure page, named by its heading for the landmark list; `#id` links to it. */
function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <h2 id={`${id}-heading`} className="ds-heading" data-size="md">
        {title}
      </h2>
      {children}
    </section>
  );
}
