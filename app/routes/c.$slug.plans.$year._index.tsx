import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { planUrl } from "../plan/urls";
import { osloToday } from "@shared-schema/dates";
import { InputDeadlineSchema, PlanDecisionSchema, VersionOnlySchema } from "@shared-schema/plan";
import { forbidden, notFound, requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { formatDate, formatDateTime, formatNok } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { Fact, Facts } from "../ui/page-parts";
import { TransitionForms } from "../plan/plan-parts";
import { loadPlanVersion, transitionPlanVersion, type TransitionRequest } from "../plan/plan.server";
import {
  completedLastYear,
  decisionsOf,
  pickVersion,
  planItemsWithDetails,
  planTimeline,
  requirePlan,
  yearParam,
} from "../plan/plan-route.server";
import { periodEnded } from "../plan/roll-over";
import {
  availableActions,
  inputRoundOf,
  isEditable,
  isFrozen,
  isInputOpen,
  PLAN_ACTIONS,
  PLAN_TRANSITIONS,
  type PlanAction,
} from "../plan/state-machine";
import { DataTable } from "../ui/data-table";
import { redirectWithToast } from "../utils/toast.server";
import { cooperationPageTitle } from "../i18n/page-title";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { refusalReply, refusalToast } from "../utils/refusal-answers.server";
import { Section } from "../ui/section";
import { revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? cooperationPageTitle(matches, "plan:documentTitle", { year: data.year }) : [{ title: "Fellesløft" }];

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const year = yearParam(args);
  const plan = await requirePlan(scope.cooperationId, year);
  const shown = pickVersion(plan, args.request);
  const latest = plan.versions[plan.versions.length - 1];
  const view = await loadPlanVersion(db(), { cooperationId: scope.cooperationId, versionId: shown.id });
  const [items, completed, timeline, decisions] = await Promise.all([
    planItemsWithDetails(scope.cooperationId, view),
    completedLastYear(scope.cooperationId, year),
    planTimeline(scope.cooperationId, plan),
    decisionsOf(scope.cooperationId, plan),
  ]);
  const openVersion = plan.versions.some((v) => !isFrozen(v.status));
  const today = osloToday();
  const inputOpen = isInputOpen(inputRoundOf(shown), today);
  const actions = availableActions({ status: shown.status, inputOpen }, scope.roles).filter(
    // one unfinished version at a time: amend only while no newer version is being worked on
    (a) => a !== "amend" || !openVersion,
  );
  return json({
    slug: scope.slug,
    name: scope.name,
    year,
    version: {
      id: shown.id,
      versionNo: shown.version_no,
      status: shown.status,
      version: shown.version,
      inputDeadline: shown.input_deadline,
      inputOpen,
      inputClosedAt: shown.input_closed_at,
    },
    latestNo: latest.version_no,
    versions: plan.versions.map((v) => ({
      versionNo: v.version_no,
      status: v.status,
      decision: v.decision_id ? (decisions[v.decision_id] ?? null) : null,
    })),
    decision: view.decision,
    items,
    completed,
    timeline,
    actions,
    canEditItems: can(scope.roles, "plan:edit") && isEditable(shown.status) && shown.id === latest.id,
    today,
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, ["plan:edit", "plan:decide"]);
  const year = yearParam(args);
  const plan = await requirePlan(scope.cooperationId, year);
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !(PLAN_ACTIONS as readonly string[]).includes(intent)) throw notFound();
  const action = intent as PlanAction;
  if (!can(scope.roles, PLAN_TRANSITIONS[action].permission)) throw forbidden();
  const versionNo = Number(formData.get("versionNo"));
  const target = plan.versions.find((v) => v.version_no === versionNo);
  if (!target) throw notFound();
  const here = planUrl(
    scope.slug,
    year,
    target.version_no === plan.versions[plan.versions.length - 1].version_no ? undefined : versionNo,
  );

  let request: TransitionRequest;
  let version: number;
  // a refused form with fields is answered with them, as typed, and the reason above them
  let refuse = (error: unknown): Response | Promise<Response> => refusalToast(here, error);
  if (action === "sendForInput") {
    const submission = parseForm(formData, { schema: InputDeadlineSchema });
    if (submission.status !== "success") return formReply(submission.reply(), { form: action });
    request = { action, inputDeadline: submission.value.inputDeadline };
    version = submission.value.version;
    refuse = (error) => refusalReply(submission, error, { form: action });
  } else if (action === "approve" || action === "return") {
    const submission = parseForm(formData, { schema: PlanDecisionSchema });
    if (submission.status !== "success") return formReply(submission.reply(), { form: action });
    const { version: v, ...decision } = submission.value;
    request = { action, decision };
    version = v;
    refuse = (error) => refusalReply(submission, error, { form: action });
  } else {
    const submission = parseForm(formData, { schema: VersionOnlySchema });
    if (submission.status !== "success") {
      return redirectWithToast(here, { kind: "error", key: "common:form.staleShort" });
    }
    request = { action } as TransitionRequest;
    version = submission.value.version;
  }
  try {
    await transitionPlanVersion(db(), {
      cooperationId: scope.cooperationId,
      userId: scope.userId,
      versionId: target.id,
      version,
      request,
    });
  } catch (error) {
    return refuse(error);
  }
  return redirectWithToast(planUrl(scope.slug, year), { kind: "success", key: `plan:toast.${action}` });
}

export default function PlanPage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const { slug, year, version, decision } = data;
  const ended = data.items.filter((item) => periodEnded(item, year));
  const notSet = t("plan:page.notSet");
  const period = (from: number | null, to: number | null) =>
    from === null && to === null ? notSet : t("plan:page.periodValue", { from: from ?? "", to: to ?? "" });
  return (
    <article aria-labelledby="plan-heading" className="plan-document flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p className="ds-paragraph no-print m-0">
          <Link to={`/c/${slug}/plans`} className="ds-link">
            {t("plan:page.back")}
          </Link>
        </p>
        <h1 id="plan-heading" className="ds-heading" data-size="lg">
          {t("plan:page.title", { year })} – {data.name}
        </h1>
        <p className="ds-paragraph m-0" data-testid="plan-status">
          <strong>{t("plan:page.version", { version: version.versionNo })}</strong> · {t("plan:page.statusLabel")}:{" "}
          {t(`plan:status.${version.status}`)}
          {version.inputDeadline ? ` · ${t("plan:page.inputDeadline")}: ${formatDate(lang, version.inputDeadline)}` : ""}
        </p>
        {version.status === "input" && version.inputDeadline ? (
          <p className="ds-paragraph m-0" data-testid="input-round">
            {version.inputOpen
              ? t("plan:page.inputOpen", { date: formatDate(lang, version.inputDeadline) })
              : version.inputClosedAt
                ? t("plan:page.inputClosedEarly", { date: formatDate(lang, version.inputClosedAt) })
                : t("plan:page.inputOver", { date: formatDate(lang, version.inputDeadline) })}
          </p>
        ) : null}
        {version.versionNo !== data.latestNo ? (
          <div className="ds-alert no-print" data-color="info">
            <p className="ds-paragraph m-0">
              {t("plan:page.olderVersion", { version: data.latestNo })}{" "}
              <Link className="ds-link" to={planUrl(slug, year)}>
                {t("plan:page.showLatest")}
              </Link>
            </p>
          </div>
        ) : null}
        <ul className="no-print m-0 flex list-none flex-wrap gap-4 p-0">
          <li>
            <Link
              className="ds-link"
              to={`/c/${slug}/plans/${year}/diff${version.versionNo !== data.latestNo ? `?version=${version.versionNo}` : ""}`}
            >
              {t("plan:page.diff")}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to={`/c/${slug}/plans/${year}/comments`}>
              {t("planComments:title")}
            </Link>
          </li>
          {version.status === "approved" ? (
            <li>
              <a className="ds-link" href={`/c/${slug}/plans/${year}.pdf`} download>
                {t("report:planPdf")}
              </a>
            </li>
          ) : null}
          {data.canEditItems ? (
            <li>
              <Link className="ds-link" to={`/c/${slug}/plans/${year}/items`} data-testid="edit-items">
                {t("plan:page.editItems")}
              </Link>
            </li>
          ) : null}
        </ul>
      </header>

      {decision && (version.status === "approved" || version.status === "superseded" || version.status === "returned") ? (
        <section aria-labelledby="decision-heading" className="plan-decision flex flex-col gap-2" data-testid="decision-block">
          <h2 id="decision-heading" className="ds-heading" data-size="md">
            {t("plan:page.decisionBlock")}: {t(`plan:outcome.${decision.outcome}`)}
          </h2>
          <Facts>
            <Fact label={t("plan:page.decisionBody")}>{t(`decision:bodies.${decision.body}`)}</Fact>
            <Fact label={t("plan:page.decisionDate")}>{formatDate(lang, decision.decided_on)}</Fact>
            <Fact label={t("plan:page.caseNumber")}>{decision.case_number ?? notSet}</Fact>
            <Fact label={t("plan:page.decisionText")} preLine>
              {decision.text}
            </Fact>
          </Facts>
        </section>
      ) : null}

      {data.actions.length ? (
        <section aria-labelledby="actions-heading" className="no-print flex flex-col gap-3" data-testid="plan-actions">
          <h2 id="actions-heading" className="ds-heading" data-size="md">
            {t("plan:page.actions")}
          </h2>
          <TransitionForms
            actions={data.actions}
            versionNo={version.versionNo}
            version={version.version}
            lastResult={lastResult}
            today={data.today}
          />
        </section>
      ) : null}

      <Section id="items-heading" title={t("plan:page.items")} gap={4}>
        {data.items.length === 0 ? <p className="ds-paragraph">{t("plan:page.noItems")}</p> : null}
        {data.items.map((item) => {
          const m = item.measure;
          const headingId = `item-${m.number}`;
          return (
            <section
              key={m.id}
              aria-labelledby={headingId}
              className="plan-item flex flex-col gap-2"
              data-testid={`plan-item-${m.number}`}
            >
              <h3 id={headingId} className="ds-heading" data-size="sm">
                <Link className="ds-link" to={`/c/${slug}/measures/${m.number}`}>
                  {m.number}. {m.name}
                </Link>
              </h3>
              <p className="ds-paragraph m-0">
                <strong>{item.carriedOver ? t("plan:page.carriedOver") : t("plan:page.newItem")}</strong>
              </p>
              {periodEnded(item, year) ? (
                <p className="ds-paragraph m-0">
                  <strong>{t("plan:page.periodEndedItem", { period: period(item.periodFrom, item.periodTo) })}</strong>
                </p>
              ) : null}
              <Facts>
                <Fact label={t("plan:page.focusAreas")}>{m.focusAreas.length ? m.focusAreas.join("; ") : notSet}</Fact>
                <Fact label={t("plan:page.goals")}>{m.goals.length ? m.goals.join("; ") : notSet}</Fact>
                <Fact label={t("plan:page.benefits")} preLine>
                  {m.benefitsText || notSet}
                </Fact>
                <Fact label={t("plan:page.costEstimate")}>
                  {t("plan:page.costValue", {
                    investment: formatNok(lang, m.investmentCost),
                    running: formatNok(lang, m.runningCost),
                  })}
                </Fact>
                <Fact label={t("plan:page.financing")} preLine>
                  {m.financingText || notSet}
                </Fact>
                <Fact label={t("plan:page.budget")} testId={`budget-${m.number}`}>
                  {formatNok(lang, item.budget)}
                </Fact>
                <Fact label={t("plan:page.priority")}>{item.priority ?? notSet}</Fact>
                <Fact label={t("plan:page.period")}>{period(item.periodFrom, item.periodTo)}</Fact>
                <Fact label={t("plan:page.milestones")} preLine>
                  {item.milestones || notSet}
                </Fact>
              </Facts>
              {item.shares.ok ? (
                item.shares.rows.length ? (
                  <DataTable
                    labelledBy={headingId}
                    caption={t("plan:page.sharesCaption", { measure: `${m.number}. ${m.name}` })}
                    headers={[t("plan:page.municipality"), t("plan:page.investmentShare"), t("plan:page.runningShare")]}
                  >
                    {item.shares.rows.map((r) => (
                      <tr key={r.municipalityId}>
                        <td>{r.name}</td>
                        <td>{formatNok(lang, r.investmentShare)}</td>
                        <td>{formatNok(lang, r.runningShare)}</td>
                      </tr>
                    ))}
                  </DataTable>
                ) : null
              ) : (
                <p className="ds-paragraph">{t(`measure:sharingErrors.${item.shares.error.code}`)}</p>
              )}
            </section>
          );
        })}
      </Section>

      <Section id="period-ended-heading" title={t("plan:page.periodEnded")}>
        {ended.length ? (
          <>
            <p className="ds-paragraph m-0">{t("plan:page.periodEndedIntro", { year })}</p>
            <ul className="ds-list">
              {ended.map((item) => (
                <li key={item.measure.id}>
                  <a className="ds-link" href={`#item-${item.measure.number}`}>
                    {item.measure.number}. {item.measure.name}
                  </a>{" "}
                  ({period(item.periodFrom, item.periodTo)})
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="ds-paragraph">{t("plan:page.nonePeriodEnded", { year })}</p>
        )}
      </Section>

      <Section id="completed-heading" title={t("plan:page.completedLastYear")}>
        {data.completed.length ? (
          <ul className="ds-list">
            {data.completed.map((c) => (
              <li key={c.number}>
                <Link className="ds-link" to={`/c/${slug}/measures/${c.number}`}>
                  {c.number}. {c.name}
                </Link>{" "}
                ({t(`common:measureStatus.${c.status}`)})
              </li>
            ))}
          </ul>
        ) : (
          <p className="ds-paragraph">{t("plan:page.noneCompleted")}</p>
        )}
      </Section>

      <Section id="versions-heading" title={t("plan:page.versions")}>
        <DataTable
          labelledBy="versions-heading"
          caption={t("plan:page.versionsCaption")}
          headers={[t("plan:page.version", { version: "" }).trim(), t("plan:page.statusLabel"), t("plan:page.decision")]}
        >
          {data.versions.map((v) => (
            <tr key={v.versionNo}>
              <td>
                {v.versionNo === version.versionNo ? (
                  <span aria-current="page">{t("plan:page.version", { version: v.versionNo })}</span>
                ) : (
                  <Link className="ds-link" to={planUrl(slug, year, v.versionNo)}>
                    {t("plan:page.version", { version: v.versionNo })}
                  </Link>
                )}
              </td>
              <td>{t(`plan:status.${v.status}`)}</td>
              <td>
                {v.decision
                  ? `${t("plan:page.decisionValue", {
                      outcome: t(`plan:outcome.${v.decision.outcome}`),
                      date: formatDate(lang, v.decision.decided_on),
                    })}${v.decision.case_number ? ` (${v.decision.case_number})` : ""}`
                  : t("plan:page.noDecision")}
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>

      <Section id="timeline-heading" title={t("plan:page.timeline")}>
        {data.timeline.length ? (
          <ol className="ds-list" data-testid="plan-timeline">
            {data.timeline.map((e, i) => (
              <li key={i}>
                <time dateTime={e.at}>{formatDateTime(lang, e.at)}</time>:{" "}
                {t("plan:page.timelineEntry", {
                  action: t(`plan:timelineAction.${e.action}`, { defaultValue: e.action }),
                  version: e.versionNo,
                })}
                {e.actor ? ` ${t("plan:page.by", { name: e.actor })}` : ""}
              </li>
            ))}
          </ol>
        ) : (
          <p className="ds-paragraph">{t("plan:page.timelineEmpty")}</p>
        )}
      </Section>
    </article>
  );
}
