import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { planUrl } from "../plan/urls";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatNok } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { diffPlans, type PlanDiff } from "../plan/diff";
import { loadPlanVersion, type PlanItemView } from "../plan/plan.server";
import { approvedPlanOfYear, pickVersion, requirePlan, yearParam } from "../plan/plan-route.server";
import { DataTable } from "../ui/data-table";
import { cooperationPageTitle } from "../i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? cooperationPageTitle(matches, "plan:documentTitle", { year: data.year }) : [{ title: "Fellesløft" }];

type Diff = PlanDiff<PlanItemView>;

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const cooperationId = scope.cooperationId;
  const year = yearParam(args);
  const plan = await requirePlan(cooperationId, year);
  const shown = pickVersion(plan, args.request);
  const view = await loadPlanVersion(db(), { cooperationId, versionId: shown.id });
  const lastYear = await approvedPlanOfYear(cooperationId, year - 1);
  const previousRow =
    plan.versions.find((v) => v.id === shown.based_on_version_id) ??
    plan.versions.filter((v) => v.version_no < shown.version_no).pop();
  const previous = previousRow ? await loadPlanVersion(db(), { cooperationId, versionId: previousRow.id }) : null;
  return json({
    slug: scope.slug,
    name: scope.name,
    year,
    versionNo: shown.version_no,
    latest: shown.id === plan.versions[plan.versions.length - 1].id,
    lastYear: lastYear ? { versionNo: lastYear.version.version_no, diff: diffPlans(lastYear.items, view.items) } : null,
    previous: previous ? { versionNo: previous.version.version_no, diff: diffPlans(previous.items, view.items) } : null,
  });
}

export default function PlanDiffPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const back = data.latest ? planUrl(data.slug, data.year) : planUrl(data.slug, data.year, data.versionNo);
  return (
    <article aria-labelledby="diff-heading" className="plan-document flex flex-col gap-8">
      <p className="ds-paragraph no-print m-0">
        <Link className="ds-link" to={back}>
          {t("plan:diff.back")}
        </Link>
      </p>
      <h1 id="diff-heading" className="ds-heading" data-size="lg">
        {t("plan:diff.title", { year: data.year, version: data.versionNo })} – {data.name}
      </h1>
      <p className="ds-paragraph">{t("plan:diff.intro")}</p>
      <section aria-labelledby="diff-last-year" className="flex flex-col gap-2" data-testid="diff-last-year">
        <h2 id="diff-last-year" className="ds-heading" data-size="md">
          {data.lastYear
            ? t("plan:diff.againstLastYear", { year: data.year - 1, version: data.lastYear.versionNo })
            : t("plan:diff.noLastYear", { year: data.year - 1 })}
        </h2>
        {data.lastYear ? <DiffTable id="diff-last-year" diff={data.lastYear.diff as unknown as Diff} /> : null}
      </section>
      <section aria-labelledby="diff-previous" className="flex flex-col gap-2" data-testid="diff-previous">
        <h2 id="diff-previous" className="ds-heading" data-size="md">
          {data.previous ? t("plan:diff.againstPrevious", { version: data.previous.versionNo }) : t("plan:diff.noPrevious")}
        </h2>
        {data.previous ? <DiffTable id="diff-previous" diff={data.previous.diff as unknown as Diff} /> : null}
      </section>
    </article>
  );
}

function DiffTable({ id, diff }: { id: string; diff: Diff }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const nok = (ore: number) => formatNok(lang, ore);
  const signed = (ore: number) => (ore > 0 ? `+${nok(ore)}` : nok(ore));
  const notSet = t("plan:page.notSet");
  const period = (from: number | null, to: number | null) =>
    from === null && to === null ? notSet : t("plan:page.periodValue", { from: from ?? "", to: to ?? "" });
  const fromTo = (before: string, after: string) => t("plan:diff.fromTo", { before, after });
  const changedRows = diff.entries.filter((e) => e.kind !== "unchanged");
  return (
    <>
      <p className="ds-paragraph">{t("plan:diff.summary", { ...diff.counts, difference: signed(diff.budgetDifference) })}</p>
      {changedRows.length ? (
        <DataTable
          labelledBy={id}
          caption={t("plan:diff.caption")}
          headers={[
            t("plan:diff.measure"),
            t("plan:diff.change"),
            t("plan:diff.priority"),
            t("plan:diff.budget"),
            t("plan:diff.period"),
            t("plan:diff.milestones"),
          ]}
        >
          {changedRows.map((e) => {
            const item = e.kind === "removed" ? e.before : e.after;
            return (
              <tr key={e.measureId} data-testid={`diff-row-${item.measureNumber}`}>
                <th scope="row">
                  {item.measureNumber}. {item.measureName}
                </th>
                <td>{t(`plan:diff.${e.kind}`)}</td>
                {e.kind === "changed" ? (
                  <>
                    <td>
                      {e.changes.priority
                        ? fromTo(String(e.changes.priority.before ?? notSet), String(e.changes.priority.after ?? notSet))
                        : (e.after.priority ?? notSet)}
                    </td>
                    <td>
                      {e.changes.budget
                        ? `${fromTo(nok(e.changes.budget.before), nok(e.changes.budget.after))} (${t("plan:diff.difference", {
                            difference: signed(e.changes.budget.difference),
                          })})`
                        : nok(e.after.budget)}
                    </td>
                    <td>
                      {e.changes.period
                        ? fromTo(
                            period(e.changes.period.before.from, e.changes.period.before.to),
                            period(e.changes.period.after.from, e.changes.period.after.to),
                          )
                        : period(e.after.periodFrom, e.after.periodTo)}
                    </td>
                    <td className="whitespace-pre-line">
                      {e.changes.milestones
                        ? fromTo(e.changes.milestones.before.trim() || notSet, e.changes.milestones.after.trim() || notSet)
                        : e.after.milestones.trim() || notSet}
                    </td>
                  </>
                ) : (
                  <>
                    <td>{item.priority ?? notSet}</td>
                    <td>
                      {e.kind === "removed"
                        ? `${nok(item.budget)} (${t("plan:diff.difference", { difference: signed(-item.budget) })})`
                        : `${nok(item.budget)} (${t("plan:diff.difference", { difference: signed(item.budget) })})`}
                    </td>
                    <td>{period(item.periodFrom, item.periodTo)}</td>
                    <td className="whitespace-pre-line">{item.milestones.trim() || notSet}</td>
                  </>
                )}
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <p className="ds-paragraph">{t("plan:diff.noChanges")}</p>
      )}
    </>
  );
}
