import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundActionSchema } from "@shared-schema/round";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import type { CooperationId } from "../cooperation/scope.server";
import { db } from "../db.server";
import { formatDate, formatDateTime } from "../i18n/format";
import { pageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { needsReminder, reminderDate } from "../round/round";
import { closeRound, returnSubmission, roundDetail, sendReminders } from "../round/round.server";
import { DataTable } from "../ui/data-table";
import { FieldErrors } from "../ui/form";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor } from "../utils/form-reply";
import { ValidatedForm } from "../ui/validated-form";
import { rethrowRefusal } from "../utils/errors.server";
import { refusalToast } from "../utils/refusal-answers.server";
import { Section } from "../ui/section";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "round:detail.title", { name: data?.round.name ?? "" });

async function requireRound(args: LoaderFunctionArgs, cooperationId: CooperationId) {
  try {
    return await roundDetail(db(), { cooperationId, roundId: args.params.id ?? "" });
  } catch (error) {
    rethrowRefusal(error);
  }
}

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const round = await requireRound(args, scope.cooperationId);
  return json({ slug: scope.slug, canManage: can(scope.roles, "round:manage"), round });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "round:manage");
  const round = await requireRound(args, scope.cooperationId);
  const formData = await readForm(args.request);
  const submission = parseForm(formData, { schema: RoundActionSchema });
  if (submission.status !== "success") return formReply(submission.reply(), { form: roundFormName(formData) });
  const where = { cooperationId: scope.cooperationId, userId: scope.userId, roundId: round.id };
  const here = `/c/${scope.slug}/rounds/${round.id}`;
  const input = submission.value;
  try {
    if (input.intent === "remind") {
      const { notified, withoutReporter } = await sendReminders(db(), { ...where, municipalityId: input.municipalityId });
      return redirectWithToast(
        here,
        withoutReporter.length && notified
          ? { kind: "info", key: "round:detail.remindedPartly", values: { count: notified, names: withoutReporter.join(", ") } }
          : { kind: notified ? "success" : "error", key: "round:detail.reminded", values: { count: notified } },
      );
    }
    if (input.intent === "return") {
      await returnSubmission(db(), { ...where, municipalityId: input.municipalityId, comment: input.comment });
      return redirectWithToast(here, { kind: "success", key: "round:detail.returned" });
    }
    await closeRound(db(), where);
    return redirectWithToast(here, { kind: "success", key: "round:detail.closedToast" });
  } catch (error) {
    return refusalToast(here, error);
  }
}

/** Which of the page's forms was sent: its intent, and for a municipality's row that municipality. */
function roundFormName(formData: FormData | URLSearchParams): string {
  const municipalityId = formData.get("municipalityId");
  return [formData.get("intent"), municipalityId].filter(Boolean).join(":");
}

export default function RoundPage() {
  const { slug, canManage, round } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const lang = useLanguage();
  const open = !round.closedAt;
  const measureNumber = new Map(round.measures.map((m) => [m.id, m.number]));
  const submitted = round.municipalities.filter((m) => m.state === "submitted").length;
  const notDone = round.municipalities.filter((m) => m.missing.length > 0).length;
  const reminderDay = reminderDate(round);
  const reply = (...name: string[]) => replyFor(actionData, name.join(":"));
  return (
    <article aria-labelledby="round-heading" className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="ds-paragraph m-0">
          <Link to={`/c/${slug}/rounds`} className="ds-link">
            {t("round:detail.back")}
          </Link>
        </p>
        <h1 id="round-heading" className="ds-heading" data-size="lg">
          {t("round:detail.title", { name: round.name })}
        </h1>
      </header>

      <Section id="facts-heading" title={t("round:detail.facts")}>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("round:detail.statusDate")}</dt>
          <dd className="m-0">{formatDate(lang, round.statusDate)}</dd>
          <dt className="font-semibold">{t("round:detail.deadline")}</dt>
          <dd className="m-0">{formatDate(lang, round.deadline)}</dd>
          <dt className="font-semibold">{t("round:detail.reminder")}</dt>
          <dd className="m-0">
            {round.reminderSentAt
              ? t("round:detail.reminderSent", { date: formatDateTime(lang, round.reminderSentAt) })
              : reminderDay
                ? t("round:detail.reminderOn", { date: formatDate(lang, reminderDay) })
                : t("round:detail.reminderNone")}
          </dd>
          <dt className="font-semibold">{t("round:detail.openedOn")}</dt>
          <dd className="m-0">{formatDate(lang, round.openedAt)}</dd>
          {round.closedAt ? (
            <>
              <dt className="font-semibold">{t("round:detail.closedOn")}</dt>
              <dd className="m-0">{formatDate(lang, round.closedAt)}</dd>
            </>
          ) : null}
        </dl>
        <h3 className="ds-heading" data-size="xs">
          {t("round:detail.measures")}
        </h3>
        <ul className="ds-list">
          {round.measures.map((m) => (
            <li key={m.id}>
              <Link to={`/c/${slug}/measures/${m.number}`} className="ds-link">
                {m.number}. {m.name}
              </Link>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="progress-heading" title={t("round:detail.progressTitle")} gap={3}>
        <p className="ds-paragraph">
          {t("round:detail.progressIntro", { submitted, asked: round.municipalities.length, missing: notDone })}
        </p>
        {canManage && open ? (
          <div className="flex flex-wrap gap-4">
            <ValidatedForm id="remind" schema={RoundActionSchema} lastResult={reply("remind")}>
              <input type="hidden" name="intent" value="remind" />
              <button type="submit" className="ds-button" data-variant="secondary">
                {t("round:detail.remindAll")}
              </button>
            </ValidatedForm>
            <Link to={`/c/${slug}/mail?round=${round.id}`} className="ds-link self-center">
              {t("round:detail.mail")}
            </Link>
          </div>
        ) : null}
        <DataTable
          labelledBy="progress-heading"
          caption={t("round:detail.caption")}
          headers={[
            t("round:detail.municipality"),
            t("round:detail.answered"),
            t("round:detail.missing"),
            t("round:detail.state"),
            ...(canManage && open ? [t("round:detail.actions")] : []),
          ]}
        >
          {round.municipalities.map((m) => (
            <tr key={m.municipalityId} data-municipality={m.name} data-state={m.state}>
              <th scope="row">{m.name}</th>
              <td>{t("round:detail.answeredValue", { answered: m.asked.length - m.missing.length, asked: m.asked.length })}</td>
              <td>{m.missing.length ? m.missing.map((id) => measureNumber.get(id)).join(", ") : "–"}</td>
              <td>
                {t(`round:states.${m.state}`)}
                {m.submission?.submittedAt && m.state === "submitted" ? ` ${formatDate(lang, m.submission.submittedAt)}` : ""}
                {m.state === "returned" && m.submission?.returnComment ? (
                  <p className="ds-paragraph m-0 text-sm">
                    {t("round:detail.returnedComment", { comment: m.submission.returnComment })}
                  </p>
                ) : null}
              </td>
              {canManage && open ? (
                <td>
                  <div className="flex flex-col gap-2">
                    <span className="text-sm">{t("round:detail.reporters", { count: m.reporters })}</span>
                    {needsReminder(m) && m.reporters > 0 ? (
                      <ValidatedForm
                        id={`remind-${m.municipalityId}`}
                        schema={RoundActionSchema}
                        lastResult={reply("remind", m.municipalityId)}
                      >
                        <input type="hidden" name="intent" value="remind" />
                        <input type="hidden" name="municipalityId" value={m.municipalityId} />
                        <button
                          type="submit"
                          className="ds-button"
                          data-variant="secondary"
                          data-size="sm"
                          aria-label={t("round:detail.remindFor", { name: m.name })}
                        >
                          {t("round:detail.remind")}
                        </button>
                      </ValidatedForm>
                    ) : null}
                    {m.state === "submitted" ? (
                      <ValidatedForm
                        id={`return-form-${m.municipalityId}`}
                        schema={RoundActionSchema}
                        lastResult={reply("return", m.municipalityId)}
                        className="flex flex-col gap-1"
                      >
                        {(form) => (
                          <>
                            <input type="hidden" name="intent" value="return" />
                            <input type="hidden" name="municipalityId" value={m.municipalityId} />
                            <label className="ds-label" htmlFor={`return-${m.municipalityId}`} data-size="sm">
                              {t("round:detail.returnLabel", { name: m.name })}
                            </label>
                            <textarea
                              id={`return-${m.municipalityId}`}
                              name="comment"
                              rows={2}
                              maxLength={2000}
                              className="ds-input"
                              defaultValue={String(form.initialValue?.comment ?? "")}
                              autoFocus={Boolean(form.allErrors.comment?.length)}
                              aria-invalid={form.allErrors.comment?.length ? true : undefined}
                              aria-describedby={form.allErrors.comment?.length ? `return-${m.municipalityId}-error` : undefined}
                            />
                            <FieldErrors id={`return-${m.municipalityId}-error`} errors={form.allErrors.comment} />
                            <button
                              type="submit"
                              className="ds-button"
                              data-variant="secondary"
                              data-size="sm"
                              aria-label={t("round:detail.returnFor", { name: m.name })}
                            >
                              {t("round:detail.returnButton")}
                            </button>
                          </>
                        )}
                      </ValidatedForm>
                    ) : null}
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      </Section>

      {canManage && open ? (
        <Section id="close-heading" title={t("round:detail.close")}>
          <p className="ds-paragraph">{t("round:detail.closeHelp")}</p>
          <ValidatedForm id="close" schema={RoundActionSchema} lastResult={reply("close")}>
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="ds-button" data-variant="secondary">
              {t("round:detail.close")}
            </button>
          </ValidatedForm>
        </Section>
      ) : null}
    </article>
  );
}
