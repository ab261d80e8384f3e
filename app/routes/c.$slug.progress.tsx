import { useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WeightsSchema } from "@shared-schema/overview";
import { requireCooperationRole } from "../cooperation/guards.server";
import { memberMapChanges, type MemberMapChange } from "../cooperation/members.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { formatDate, formatList, formatNok } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { YearForm } from "../ui/page-parts";
import { CostNotes } from "../overview/cost-notes";
import { overviewFigures } from "../overview/overview.server";
import { listWeights, saveWeights } from "../overview/weights.server";
import { planYears, yearParam } from "../overview/years.server";
import { DataTable } from "../ui/data-table";
import { ErrorSummary, FieldErrors } from "../ui/form";
import { CostChart, ProgressChart, UptakeChart } from "../overview/charts";
import { refusalReply } from "../utils/refusal-answers.server";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { Section } from "../ui/section";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  cooperationPageTitle(matches, "overview:progressPageTitle", { year: data?.year ?? "" });

/** Above this many measures a chart of one line each would be unreadable; the table remains. */
const MAX_MEASURE_LINES = 12;

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const years = await planYears(db(), { cooperationId: scope.cooperationId });
  const year = yearParam(new URL(args.request.url).searchParams.get("year"), years);
  const [figures, measures, mapChanges] = await Promise.all([
    overviewFigures(db(), { cooperationId: scope.cooperationId, year }),
    listWeights(db(), { cooperationId: scope.cooperationId }),
    memberMapChanges(db(), { cooperationId: scope.cooperationId }),
  ]);
  return json({
    slug: scope.slug,
    name: scope.name,
    canEdit: can(scope.roles, "measure:edit"),
    ownMunicipalityId: scope.municipalityId,
    year,
    years: years.all,
    progress: figures.progress,
    overTime: figures.overTime,
    mapChanges,
    costs: figures.costs,
    measures,
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "measure:edit");
  const submission = parseForm(await readForm(args.request), { schema: WeightsSchema });
  if (submission.status !== "success") return formReply(submission.reply());
  const back = new URL(args.request.url);
  try {
    const count = await saveWeights(db(), {
      cooperationId: scope.cooperationId,
      userId: scope.userId,
      rows: submission.value.rows,
    });
    return redirectWithToast(`${back.pathname}${back.search}`, {
      kind: "success",
      key: "overview:weightsSaved",
      values: { count },
    });
  } catch (error) {
    return refusalReply(submission, error);
  }
}

export default function Progress() {
  const { name, canEdit, ownMunicipalityId, year, years, progress, overTime, mapChanges, costs, measures } =
    useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const location = useLocation();
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = useForm({
    id: "weights",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: WeightsSchema }),
  });
  const typed = (lastResult?.initialValue as { rows?: { weight?: string }[] } | undefined)?.rows;
  const weightErrors = (i: number) => form.allErrors[`rows[${i}].weight`];
  return (
    <section aria-labelledby="progress-heading" className="flex flex-col gap-8">
      <header className="flex flex-col gap-3">
        <h1 id="progress-heading" className="ds-heading" data-size="lg">
          {t("overview:progressTitle", { year, name })}
        </h1>
        <YearForm id="progress-year" year={year} years={years} label={t("overview:year")} show={t("overview:show")} />
      </header>

      <Section id="areas-heading" title={t("chart:progress.titleGoals")} gap={3}>
        <p className="ds-paragraph">
          {t("overview:progressIntro")} {progress.equalWeights ? t("overview:equalWeights") : t("overview:weighted")}
        </p>
        <ProgressChart progress={progress} goals />
        {canEdit ? (
          <details className="ds-details" open={lastResult?.status === "error" || undefined}>
            <summary>{t("overview:weights")}</summary>
            <div className="flex flex-col gap-3 pt-3">
              <p className="ds-paragraph">{t("overview:weightsIntro")}</p>
              <ErrorSummary
                focusKey={lastResult}
                formErrors={form.errors}
                fields={measures.map((m, i) => ({
                  id: `weight-${i}`,
                  label: t("overview:weightFor", { name: m.name }),
                  errors: weightErrors(i),
                }))}
              />
              <Form
                key={location.key}
                method="post"
                className="flex flex-col gap-3"
                id={form.id}
                onSubmit={form.onSubmit}
                noValidate
              >
                <DataTable
                  labelledBy="areas-heading"
                  caption={t("overview:weightsCaption")}
                  headers={[t("overview:measure"), t("overview:weights")]}
                >
                  {measures.map((m, i) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <label htmlFor={`weight-${i}`}>
                          {m.number}. {m.name}
                        </label>
                      </th>
                      <td>
                        <input type="hidden" name={`rows[${i}].measureId`} value={m.id} />
                        <input type="hidden" name={`rows[${i}].version`} value={m.version} />
                        <input
                          id={`weight-${i}`}
                          name={`rows[${i}].weight`}
                          inputMode="numeric"
                          className="ds-input w-24"
                          defaultValue={typed?.[i]?.weight ?? String(m.progress_weight)}
                          aria-invalid={weightErrors(i)?.length ? true : undefined}
                          aria-describedby={weightErrors(i)?.length ? `weight-${i}-error` : undefined}
                        />
                        <FieldErrors id={`weight-${i}-error`} errors={weightErrors(i)} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
                <div>
                  <button type="submit" className="ds-button" data-variant="secondary">
                    {t("overview:saveWeights")}
                  </button>
                </div>
              </Form>
            </div>
          </details>
        ) : null}
      </Section>

      <Section id="time-heading" title={t("overview:overTimeTitle")} gap={3}>
        <p className="ds-paragraph">{t("overview:overTimeIntro")}</p>
        <UptakeChart id="uptake-areas" series={overTime.areas} />
        <MapChanges changes={mapChanges} />
        {overTime.measures.length <= MAX_MEASURE_LINES ? (
          <UptakeChart id="uptake-measures" title={t("overview:overTimeMeasures")} series={overTime.measures} />
        ) : null}
      </Section>

      <Section id="costs-heading" title={t("overview:costsTitle", { year })} gap={3}>
        <p className="ds-paragraph">{t("overview:costsIntro", { year })}</p>
        <CostNotes costs={costs} />
        <CostChart costs={costs} stacked />
        <DataTable
          labelledBy="costs-heading"
          caption={t("overview:costsCaption", { year })}
          headers={[t("overview:municipality"), ...costs.measures.map((m) => `${m.number}. ${m.name}`), t("overview:sum")]}
        >
          {costs.municipalities.map((mu) => (
            <tr key={mu.id} className={mu.id === ownMunicipalityId ? "own-row" : undefined}>
              <th scope="row">
                {mu.id === ownMunicipalityId ? (
                  <strong>
                    {mu.name} {t("overview:yours")}
                  </strong>
                ) : (
                  mu.name
                )}
              </th>
              {mu.shares.map((s, i) => (
                <td key={costs.measures[i].id}>{s ? formatNok(lang, s.investment + s.running) : "–"}</td>
              ))}
              <td>{formatNok(lang, mu.totalInvestment + mu.totalRunning)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("overview:sum")}</th>
            {costs.measures.map((m) => (
              <td key={m.id}>{formatNok(lang, m.investment + m.running)}</td>
            ))}
            <td>{formatNok(lang, costs.totalInvestment + costs.totalRunning)}</td>
          </tr>
        </DataTable>
        <p className="ds-paragraph" data-size="sm">
          {t("measure:keys.explainRounding")}
        </p>
      </Section>
    </section>
  );
}

/** Where the lines over time run on from predecessors to a successor: the changes of the map the members went through. */
function MapChanges({ changes }: { changes: MemberMapChange[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (changes.length === 0) return null;
  const named = (m: { number: string; name: string }) => `${m.name} (${m.number})`;
  return (
    <div className="flex flex-col gap-1" data-testid="map-changes">
      <p className="ds-paragraph m-0">{t("overview:overTimeChanges")}</p>
      <ul className="ds-list m-0">
        {changes.map((c) => (
          <li key={`${c.date}-${c.successor.number}`}>
            {t("overview:overTimeChange", {
              date: formatDate(lang, c.date),
              successor: named(c.successor),
              predecessors: formatList(
                lang,
                c.predecessors.map((p) => (p.partial ? t("overview:overTimePart", { municipality: named(p) }) : named(p))),
              ),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
