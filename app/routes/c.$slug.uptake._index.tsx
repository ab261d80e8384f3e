import { useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { UptakeStatus } from "../../db/schema";
import { BulkUptakeSchema, SubmitRoundSchema, UPTAKE_SCALE } from "@shared-schema/uptake";
import { osloToday } from "@shared-schema/dates";
import { notFound, requireMunicipalityReporter } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatDate } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { roundsForMunicipality, submitRound } from "../round/round.server";
import { defaultEffectiveDate } from "../round/round";
import { DataTable } from "../ui/data-table";
import { ErrorSummary, FieldErrors } from "../ui/form";
import { listOwnMeasures } from "../uptake/own-measures.server";
import { saveBulkUptake } from "../uptake/report.server";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor } from "../utils/form-reply";
import { ValidatedForm } from "../ui/validated-form";
import { refusalReply, refusalToast } from "../utils/refusal-answers.server";

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "uptake:pageTitle");

/** "Our measures": the reporter's municipality comes from the role grant, never from the URL or a form. */
export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireMunicipalityReporter(args);
  const where = { cooperationId: scope.cooperationId, municipalityId: scope.municipalityId };
  const [measures, rounds] = await Promise.all([listOwnMeasures(db(), where), roundsForMunicipality(db(), where)]);
  const names = new Map(measures.map((m) => [m.id, `${m.number}. ${m.name}`]));
  const today = osloToday();
  return json({
    slug: scope.slug,
    municipality: scope.municipalityName,
    measures,
    today,
    effectiveDate: defaultEffectiveDate(
      today,
      rounds.map((r) => r.statusDate),
    ),
    rounds: rounds.map((r) => ({ ...r, missingNames: r.progress.missing.map((id) => names.get(id) ?? "") })),
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireMunicipalityReporter(args);
  const where = { cooperationId: scope.cooperationId, municipalityId: scope.municipalityId, userId: scope.userId };
  const formData = await readForm(args.request);
  const back = `/c/${scope.slug}/uptake`;

  if (formData.get("intent") === "submit") {
    const submission = parseForm(formData, { schema: SubmitRoundSchema });
    if (submission.status !== "success") throw notFound();
    try {
      await submitRound(db(), { ...where, roundId: submission.value.roundId });
      return redirectWithToast(back, { kind: "success", key: "uptake:round.submittedToast" });
    } catch (error) {
      return refusalToast(back, error);
    }
  }

  const submission = parseForm(formData, { schema: BulkUptakeSchema });
  if (submission.status !== "success") return formReply(submission.reply());
  try {
    const { saved } = await saveBulkUptake(db(), { ...where, input: submission.value });
    return redirectWithToast(back, { kind: "success", key: "uptake:savedMany", values: { count: saved } });
  } catch (error) {
    return refusalReply(submission, error);
  }
}

type TypedRow = { measureId?: string; status?: string; comment?: string };

export default function OurMeasures() {
  const { slug, municipality, measures, today, effectiveDate, rounds } = useLoaderData<typeof loader>();
  const roundForDate = rounds.find((r) => r.statusDate === effectiveDate) ?? null;
  const lastResult = replyFor(useActionData<typeof action>());
  const [form] = useForm({
    id: "bulk-uptake",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: BulkUptakeSchema }),
  });
  const navigation = useNavigation();
  const location = useLocation();
  const { t } = useTranslation();
  const lang = useLanguage();
  const typed = lastResult?.initialValue as { effectiveDate?: string; rows?: TypedRow[] } | undefined;
  const typedRow = (i: number, measureId: string) => (typed?.rows?.[i]?.measureId === measureId ? typed.rows[i] : undefined);
  const errorsFor = (i: number, field: string) => form.allErrors[`rows[${i}].${field}`];
  const dateErrors = form.allErrors.effectiveDate;
  const statusLabel = (s: UptakeStatus) => t(`common:uptakeStatus.${s}`);
  const anyAsked = measures.some((m) => m.askedInRound);

  return (
    <section aria-labelledby="uptake-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 id="uptake-heading" className="ds-heading" data-size="lg">
          {t("uptake:title", { municipality })}
        </h1>
        <p className="ds-paragraph">{t("uptake:intro", { municipality })}</p>
      </header>

      {rounds.map((r) => (
        <section key={r.id} aria-labelledby={`round-${r.id}`} className="ds-alert flex flex-col gap-2" data-color="info">
          <h2 id={`round-${r.id}`} className="ds-heading" data-size="xs">
            {t("uptake:round.title", { name: r.name })}
          </h2>
          <p className="ds-paragraph m-0">
            <strong>{t("uptake:round.deadline", { date: formatDate(lang, r.deadline) })}.</strong>{" "}
            {t("uptake:round.statusDate", { date: formatDate(lang, r.statusDate) })}{" "}
            {t("uptake:round.progress", {
              answered: r.progress.asked.length - r.progress.missing.length,
              asked: r.progress.asked.length,
            })}
          </p>
          {r.missingNames.length ? (
            <p className="ds-paragraph m-0">{t("uptake:round.missing", { measures: r.missingNames.join(", ") })}</p>
          ) : null}
          {r.progress.state === "submitted" && r.progress.submission ? (
            <p className="ds-paragraph m-0">
              {t("uptake:round.submitted", { date: formatDate(lang, r.progress.submission.submittedAt) })}
            </p>
          ) : null}
          {r.progress.state === "returned" && r.progress.submission?.returnedAt ? (
            <p className="ds-paragraph m-0">
              {t("uptake:round.returned", {
                date: formatDate(lang, r.progress.submission.returnedAt),
                comment: r.progress.submission.returnComment ?? "",
              })}
            </p>
          ) : null}
          {r.progress.state !== "submitted" ? (
            <ValidatedForm id={`submit-${r.id}`} schema={SubmitRoundSchema} className="flex flex-col gap-2">
              <input type="hidden" name="intent" value="submit" />
              <input type="hidden" name="roundId" value={r.id} />
              <p id={`submit-help-${r.id}`} className="ds-paragraph m-0" data-size="sm">
                {r.maySubmit ? t("uptake:round.submitHelp") : t("uptake:round.cannotSubmit")}
              </p>
              <div>
                <button
                  type="submit"
                  className="ds-button"
                  data-variant="primary"
                  aria-describedby={`submit-help-${r.id}`}
                  aria-disabled={!r.maySubmit || undefined}
                >
                  {t("uptake:round.submit", { municipality })}
                </button>
              </div>
            </ValidatedForm>
          ) : null}
        </section>
      ))}

      {measures.length === 0 ? (
        <p className="ds-paragraph">{t("uptake:noMeasures", { municipality })}</p>
      ) : (
        <>
          <ErrorSummary
            focusKey={lastResult}
            formErrors={form.errors}
            fields={[
              { id: "effectiveDate", label: t("uptake:effectiveDate"), errors: dateErrors },
              ...measures.flatMap((m, i) => [
                { id: `row-${i}-status`, label: t("uptake:newStatusFor", { name: m.name }), errors: errorsFor(i, "status") },
                { id: `row-${i}-comment`, label: t("uptake:commentFor", { name: m.name }), errors: errorsFor(i, "comment") },
              ]),
            ]}
          />
          {/* keyed by the location: after a save the table starts from the new statuses, not from what was typed */}
          <Form key={location.key} method="post" noValidate className="flex flex-col gap-4" id={form.id} onSubmit={form.onSubmit}>
            <input type="hidden" name="intent" value="save" />
            {anyAsked ? <p className="ds-paragraph">{t("uptake:roundHint")}</p> : null}
            <div className="ds-field max-w-xs">
              <label className="ds-label" htmlFor="effectiveDate">
                {t("uptake:effectiveDate")}
              </label>
              <p id="effectiveDate-help" className="ds-paragraph" data-size="sm">
                {t("uptake:effectiveDateHelp")}
                {roundForDate ? (
                  <>
                    {" "}
                    {t("uptake:roundStatusDate", { round: roundForDate.name, date: formatDate(lang, roundForDate.statusDate) })}
                  </>
                ) : null}
              </p>
              <input
                id="effectiveDate"
                name="effectiveDate"
                type="date"
                className="ds-input"
                max={today}
                defaultValue={typed?.effectiveDate ?? effectiveDate}
                aria-invalid={dateErrors?.length ? true : undefined}
                aria-describedby={["effectiveDate-help", dateErrors?.length ? "effectiveDate-error" : ""]
                  .filter(Boolean)
                  .join(" ")}
              />
              <FieldErrors id="effectiveDate-error" errors={dateErrors} />
            </div>
            <DataTable
              labelledBy="uptake-heading"
              caption={t("uptake:caption", { municipality })}
              headers={[t("uptake:measure"), t("uptake:current"), t("uptake:newStatus"), t("uptake:comment")]}
            >
              {measures.map((m, i) => {
                const row = typedRow(i, m.id);
                const commentErrors = errorsFor(i, "comment");
                const statusErrors = errorsFor(i, "status");
                return (
                  <tr key={m.id} data-measure={m.number}>
                    <th scope="row">
                      <Link to={`/c/${slug}/uptake/${m.number}`} className="ds-link">
                        {m.number}. {m.name}
                      </Link>
                      {m.askedInRound ? (
                        <span className="ds-tag ml-2" data-color="warning">
                          {t("uptake:askedInRound")}
                        </span>
                      ) : null}
                    </th>
                    <td>
                      {m.current ? (
                        <>
                          <strong>{statusLabel(m.current.status)}</strong>
                          <br />
                          <span className="text-sm">
                            {t("uptake:lastReportValue", {
                              date: formatDate(lang, m.current.effectiveDate),
                              who: m.current.reporterName ?? t("uptake:unknownReporter"),
                            })}
                          </span>
                          {m.current.comment ? <p className="ds-paragraph m-0 text-sm">«{m.current.comment}»</p> : null}
                        </>
                      ) : (
                        t("uptake:notReported")
                      )}
                    </td>
                    <td>
                      <input type="hidden" name={`rows[${i}].measureId`} value={m.id} />
                      {m.current ? <input type="hidden" name={`rows[${i}].currentStatus`} value={m.current.status} /> : null}
                      <label className="ds-sr-only" htmlFor={`row-${i}-status`}>
                        {t("uptake:newStatusFor", { name: m.name })}
                      </label>
                      <select
                        id={`row-${i}-status`}
                        name={`rows[${i}].status`}
                        className="ds-input"
                        defaultValue={row?.status ?? m.current?.status ?? "not_started"}
                        aria-invalid={statusErrors?.length ? true : undefined}
                        aria-describedby={statusErrors?.length ? `row-${i}-status-error` : undefined}
                      >
                        {UPTAKE_SCALE.map((s) => (
                          <option key={s} value={s}>
                            {statusLabel(s)}
                          </option>
                        ))}
                      </select>
                      <FieldErrors id={`row-${i}-status-error`} errors={statusErrors} />
                    </td>
                    <td>
                      <label className="ds-sr-only" htmlFor={`row-${i}-comment`}>
                        {t("uptake:commentFor", { name: m.name })}
                      </label>
                      <textarea
                        id={`row-${i}-comment`}
                        name={`rows[${i}].comment`}
                        className="ds-input"
                        rows={2}
                        maxLength={2000}
                        defaultValue={row?.comment ?? ""}
                        aria-invalid={commentErrors?.length ? true : undefined}
                        aria-describedby={[`uptake-comment-help`, commentErrors?.length ? `row-${i}-comment-error` : ""]
                          .filter(Boolean)
                          .join(" ")}
                      />
                      <FieldErrors id={`row-${i}-comment-error`} errors={commentErrors} />
                    </td>
                  </tr>
                );
              })}
            </DataTable>
            <p id="uptake-comment-help" className="ds-paragraph" data-size="sm">
              {t("uptake:commentHelp")}
            </p>
            <div>
              <button type="submit" className="ds-button" data-variant="primary">
                {navigation.state === "submitting" ? t("uptake:saving") : t("uptake:save")}
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
