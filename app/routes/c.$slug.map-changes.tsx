import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SuccessionActionSchema } from "@shared-schema/succession";
import { addDays, osloToday } from "@shared-schema/dates";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { formatDate, formatDateTime, formatList, formatPercent } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import {
  SuccessionNotDueError,
  carryThrough,
  confirmMovedReporter,
  successionView,
  type ChangeDayView,
  type MovedReporterView,
} from "../succession/succession.server";
import { DataTable } from "../ui/data-table";
import { Section } from "../ui/section";
import { ValidatedForm } from "../ui/validated-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, type FormReply } from "../utils/form-reply";
import { parseForm } from "../utils/parse-form";
import { redirectWithToast } from "../utils/toast.server";

/*
 * The changes of the municipal map that touch the cooperation's members: what each will do (or
 * did) to memberships, measures, cost shares, starting statuses and reporters; carried through by
 * the secretariat from its day, or by itself once that day is over. Plain forms: works without
 * JavaScript.
 */

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "succession:page.title");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "succession:manage");
  const { days, moved } = await successionView(db(), scope.cooperationId, osloToday());
  return json({ name: scope.name, days, moved });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "succession:manage");
  const formData = await readForm(args.request);
  const submission = parseForm(formData, { schema: SuccessionActionSchema });
  if (submission.status !== "success") {
    return formReply(submission.reply(), { form: String(formData.get("date") ?? formData.get("grantId") ?? "") });
  }
  const here = `/c/${scope.slug}/map-changes`;
  const input = submission.value;
  if (input.intent === "confirm") {
    const confirmed = await confirmMovedReporter(db(), {
      cooperationId: scope.cooperationId,
      grantId: input.grantId,
      actorId: scope.userId,
    });
    return redirectWithToast(
      here,
      confirmed
        ? { kind: "success", key: "succession:page.confirmedToast" }
        : { kind: "info", key: "succession:page.alreadyConfirmed" },
    );
  }
  try {
    const result = await carryThrough(db(), {
      cooperationId: scope.cooperationId,
      date: input.date,
      actorId: scope.userId,
      today: osloToday(),
    });
    if (result.status === "none") return redirectWithToast(here, { kind: "error", key: "succession:page.unknownDay" });
    return redirectWithToast(`${here}#change-${input.date}`, {
      kind: result.status === "applied" ? "success" : "info",
      key: result.status === "applied" ? "succession:page.carried" : "succession:page.alreadyDone",
    });
  } catch (error) {
    if (error instanceof SuccessionNotDueError) return redirectWithToast(here, { kind: "error", key: "succession:page.notDue" });
    throw error;
  }
}

type Named = { number: string; name: string };
const named = (m: Named) => `${m.name} (${m.number})`;

function ChangesTable({ day, headingId }: { day: ChangeDayView; headingId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <DataTable
      labelledBy={headingId}
      caption={t("succession:page.changesCaption", { date: formatDate(lang, day.date) })}
      headers={[t("succession:page.columns.from"), t("succession:page.columns.to"), t("succession:page.columns.kind")]}
    >
      {day.changes.map((c) => (
        <tr key={`${c.from.number}-${c.to.number}`}>
          <td>{c.partial ? t("succession:page.part", { municipality: named(c.from) }) : named(c.from)}</td>
          <td>{named(c.to)}</td>
          <td>{t(`succession:page.kind.${c.kind}`)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** One of the tables of what a change does, under its own heading, which names its scrolling region. */
function SubTable({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <h4 id={id} className="ds-heading" data-size="2xs">
        {title}
      </h4>
      {children}
    </div>
  );
}

function PlanParts({ day, headingId }: { day: ChangeDayView; headingId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { plan } = day;
  const empty =
    !plan.ends.length && !plan.starts.length && !plan.participations.length && !plan.uptake.length && !plan.reporters.length;
  if (empty) return <p className="ds-paragraph m-0">{t("succession:page.nothing")}</p>;
  return (
    <div className="flex flex-col gap-3">
      {plan.ends.length ? (
        <p className="ds-paragraph m-0">
          {t("succession:page.ends", {
            date: formatDate(lang, day.date),
            last: formatDate(lang, addDays(day.date, -1)),
            municipalities: formatList(lang, plan.ends.map(named)),
          })}
        </p>
      ) : null}
      {plan.starts.length ? (
        <p className="ds-paragraph m-0">
          {t("succession:page.starts", {
            date: formatDate(lang, day.date),
            municipalities: formatList(lang, plan.starts.map(named)),
          })}
        </p>
      ) : null}
      {plan.host ? <p className="ds-paragraph m-0">{t("succession:page.host", { municipality: named(plan.host) })}</p> : null}
      {plan.participations.length ? (
        <SubTable id={`${headingId}-participation`} title={t("succession:page.participationCaption")}>
          <DataTable
            labelledBy={`${headingId}-participation`}
            caption={t("succession:page.participationCaption")}
            headers={[
              t("succession:page.columns.measure"),
              t("succession:page.columns.municipality"),
              t("succession:page.columns.share"),
            ]}
          >
            {plan.participations.map((p) => (
              <tr key={`${p.measure}-${p.municipality.number}`}>
                <td>{p.measure}</td>
                <td>{named(p.municipality)}</td>
                <td>{p.customShareBp === null ? t("succession:page.noShare") : formatPercent(lang, p.customShareBp / 10_000)}</td>
              </tr>
            ))}
          </DataTable>
        </SubTable>
      ) : null}
      {plan.uptake.length ? (
        <SubTable id={`${headingId}-uptake`} title={t("succession:page.uptakeCaption")}>
          <DataTable
            labelledBy={`${headingId}-uptake`}
            caption={t("succession:page.uptakeCaption")}
            headers={[
              t("succession:page.columns.measure"),
              t("succession:page.columns.municipality"),
              t("succession:page.columns.status"),
              t("succession:page.columns.from_statuses"),
            ]}
          >
            {plan.uptake.map((u) => (
              <tr key={`${u.measure}-${u.municipality.number}`}>
                <td>{u.measure}</td>
                <td>{named(u.municipality)}</td>
                <td>{t(`common:uptakeStatus.${u.status}`)}</td>
                <td>
                  <ul className="m-0 list-none p-0">
                    {u.sources.map((s) => (
                      <li key={s.municipality.number}>
                        {named(s.municipality)}: {t(`common:uptakeStatus.${s.status}`)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        </SubTable>
      ) : null}
      {plan.reporters.length ? (
        <SubTable id={`${headingId}-reporters`} title={t("succession:page.reportersCaption")}>
          <DataTable
            labelledBy={`${headingId}-reporters`}
            caption={t("succession:page.reportersCaption")}
            headers={[t("succession:page.columns.reporter"), t("succession:page.columns.from"), t("succession:page.columns.to")]}
          >
            {plan.reporters.map((r) => (
              <tr key={`${r.name}-${r.from.number}-${r.to.number}`}>
                <td>{r.name}</td>
                <td>{named(r.from)}</td>
                <td>{named(r.to)}</td>
              </tr>
            ))}
          </DataTable>
        </SubTable>
      ) : null}
    </div>
  );
}

function ChangeDaySection({ day, reply }: { day: ChangeDayView; reply: FormReply | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const headingId = `change-${day.date}`;
  const date = formatDate(lang, day.date);
  return (
    <Section id={headingId} title={t("succession:page.dayHeading", { date })}>
      <p className="ds-paragraph m-0" data-testid="change-state">
        {day.applied
          ? day.applied.byName
            ? t("succession:page.appliedBy", { date: formatDateTime(lang, day.applied.at), name: day.applied.byName })
            : t("succession:page.appliedItself", { date: formatDateTime(lang, day.applied.at) })
          : day.due
            ? t("succession:page.due")
            : t("succession:page.upcoming", { date })}
      </p>
      <ChangesTable day={day} headingId={headingId} />
      <h3 className="ds-heading" data-size="xs">
        {day.applied ? t("succession:page.doneHeading") : t("succession:page.previewHeading")}
      </h3>
      <PlanParts day={day} headingId={headingId} />
      {!day.applied && day.due ? (
        <ValidatedForm id={`carry-${day.date}`} schema={SuccessionActionSchema} lastResult={replyFor(reply, day.date)}>
          <input type="hidden" name="date" value={day.date} />
          <button type="submit" name="intent" value="carry" className="ds-button" data-variant="primary">
            {t("succession:page.carry", { date })}
          </button>
        </ValidatedForm>
      ) : null}
    </Section>
  );
}

function MovedReporters({ moved, reply }: { moved: MovedReporterView[]; reply: FormReply | undefined }) {
  const { t } = useTranslation();
  return (
    <Section id="moved-heading" title={t("succession:page.movedHeading")}>
      {moved.length === 0 ? (
        <p className="ds-paragraph m-0">{t("succession:page.movedNone")}</p>
      ) : (
        <>
          <p className="ds-paragraph m-0">{t("succession:page.movedIntro")}</p>
          <DataTable
            labelledBy="moved-heading"
            caption={t("succession:page.movedCaption")}
            headers={[
              t("succession:page.columns.reporter"),
              t("succession:page.columns.from"),
              t("succession:page.columns.to"),
              t("succession:page.action"),
            ]}
          >
            {moved.map((m) => (
              <tr key={m.grantId}>
                <td>{m.name}</td>
                <td>{named(m.from)}</td>
                <td>{named(m.to)}</td>
                <td>
                  <ValidatedForm
                    id={`confirm-${m.grantId}`}
                    schema={SuccessionActionSchema}
                    lastResult={replyFor(reply, m.grantId)}
                  >
                    <input type="hidden" name="grantId" value={m.grantId} />
                    <button
                      type="submit"
                      name="intent"
                      value="confirm"
                      className="ds-button"
                      data-variant="secondary"
                      data-size="sm"
                    >
                      {t("succession:page.confirm", { name: m.name, municipality: named(m.to) })}
                    </button>
                  </ValidatedForm>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </Section>
  );
}

export default function MapChanges() {
  const { name, days, moved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="map-changes-heading" className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 id="map-changes-heading" className="ds-heading" data-size="lg">
          {t("succession:page.heading")}
        </h1>
        <p className="ds-paragraph m-0">{t("succession:page.intro")}</p>
        <p className="ds-paragraph m-0">{t("succession:page.rule")}</p>
      </div>
      <MovedReporters moved={moved} reply={reply} />
      {days.length === 0 ? (
        <p className="ds-paragraph m-0">{t("succession:page.none", { name })}</p>
      ) : (
        [...days].reverse().map((day) => <ChangeDaySection key={day.date} day={day} reply={reply} />)
      )}
    </section>
  );
}
