import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RequeueMailSchema } from "@shared-schema/mail";
import { useTranslation } from "react-i18next";
import { notFound, requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { formatDateTime } from "../i18n/format";
import { cooperationPageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import { findRoundName, listMail, requeueFailedMail, type MailView } from "../mail/outbox.server";
import { DataTable } from "../ui/data-table";
import { redirectWithToast } from "../utils/toast.server";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, type FormReply } from "../utils/form-reply";
import { parseForm } from "../utils/parse-form";
import { ValidatedForm } from "../ui/validated-form";
import { rethrowRefusal } from "../utils/errors.server";

/*
 * The secretariat's view of e-mail to reporters (reporting rounds, plans out for input): sent, kept in the outbox (no SMTP configured),
 * waiting for a retry with the server's error, or failed — with "send again" for the failed.
 * `?round={id}` narrows it to one reporting round. A plain form: works without JavaScript.
 */

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "mail:page.title");

/** Enough for a few rounds of a large cooperation; older messages stay in the table. */
const PAGE_LIMIT = 300;

const pageUrl = (slug: string, roundId: string | null) =>
  `/c/${slug}/mail${roundId ? `?${new URLSearchParams({ round: roundId })}` : ""}`;

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "round:manage");
  const roundId = new URL(args.request.url).searchParams.get("round");
  const roundName = roundId ? await findRoundName(db(), { cooperationId: scope.cooperationId, roundId }) : null;
  if (roundId && !roundName) throw notFound();
  const { messages, total } = await listMail(db(), { cooperationId: scope.cooperationId, roundId, limit: PAGE_LIMIT });
  return json({
    slug: scope.slug,
    roundName,
    messages,
    total,
    retries: env().MAIL_RETRY_SECONDS.length,
    smtpConfigured: Boolean(env().SMTP_URL),
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "round:manage");
  const formData = await readForm(args.request);
  const submission = parseForm(formData, { schema: RequeueMailSchema });
  if (submission.status !== "success") return formReply(submission.reply(), { form: String(formData.get("messageId") ?? "") });
  const { messageId } = submission.value;
  let outcome: Awaited<ReturnType<typeof requeueFailedMail>>;
  try {
    outcome = await requeueFailedMail(db(), {
      cooperationId: scope.cooperationId,
      userId: scope.userId,
      messageId,
      now: new Date(),
    });
  } catch (error) {
    rethrowRefusal(error);
  }
  const roundId = new URL(args.request.url).searchParams.get("round");
  return redirectWithToast(`${pageUrl(scope.slug, roundId)}#mail-${messageId}`, {
    kind: outcome === "requeued" ? "success" : "info",
    key: outcome === "requeued" ? "mail:toast.requeued" : "mail:toast.notFailed",
  });
}

function StatusText({ message, retries }: { message: MailView; retries: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const error = message.lastError ? (
    <p className="ds-paragraph m-0 break-words" data-size="sm" data-testid="mail-error">
      {t("mail:page.status.error", { error: message.lastError })}
    </p>
  ) : null;
  switch (message.status) {
    case "sent":
      return <p className="ds-paragraph m-0">{t("mail:page.status.sent", { time: formatDateTime(lang, message.sentAt!) })}</p>;
    case "outbox":
      return <p className="ds-paragraph m-0">{t("mail:page.status.outbox")}</p>;
    case "failed":
      return (
        <>
          <p className="ds-paragraph m-0 font-semibold">{t("mail:page.status.failed", { count: message.attempts })}</p>
          {error}
        </>
      );
    case "pending":
      if (message.attempts === 0 || !message.nextAttemptAt)
        return <p className="ds-paragraph m-0">{t("mail:page.status.queued")}</p>;
      return (
        <>
          <p className="ds-paragraph m-0">
            {t("mail:page.status.retrying", {
              attempts: message.attempts,
              retry: message.attempts,
              retries,
              time: formatDateTime(lang, message.nextAttemptAt),
            })}
          </p>
          {error}
        </>
      );
  }
}

function MailRow({ message, retries, reply }: { message: MailView; retries: number; reply: FormReply | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const toId = `mail-${message.id}-to`;
  return (
    <tr id={`mail-${message.id}`} data-testid="mail-message" data-status={message.status}>
      <td id={toId}>
        {message.toName ? <span className="block">{message.toName}</span> : null}
        <span className="block">{message.toAddress}</span>
      </td>
      <td>{message.municipalityName ?? ""}</td>
      <td>{t(`mail:page.kind.${message.kind}`, { year: message.plan?.year, version: message.plan?.versionNo })}</td>
      <td>
        <span className="block">{message.subject}</span>
        <details>
          <summary className="ds-link cursor-pointer">{t("mail:page.showText")}</summary>
          <div className="mt-2 max-w-prose whitespace-pre-line break-words" lang={message.language} data-testid="mail-body">
            {message.bodyText}
          </div>
        </details>
      </td>
      {/* formatted on the server in the page's language; a browser without that locale must not replace it */}
      <td>{formatDateTime(lang, message.createdAt)}</td>
      <td data-testid="mail-status">
        <div className="flex flex-col gap-2">
          <StatusText message={message} retries={retries} />
          {message.status === "failed" ? (
            <ValidatedForm
              id={`requeue-${message.id}`}
              schema={RequeueMailSchema}
              lastResult={replyFor(reply, message.id)}
              preventScrollReset
            >
              <input type="hidden" name="messageId" value={message.id} />
              <button
                type="submit"
                name="intent"
                value="requeue"
                className="ds-button"
                data-variant="secondary"
                data-size="sm"
                aria-describedby={toId}
              >
                {t("mail:page.sendAgain")}
              </button>
            </ValidatedForm>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

export default function MailOutbox() {
  const { slug, roundName, messages, total, retries, smtpConfigured } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="mail-heading" className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 id="mail-heading" className="ds-heading" data-size="lg">
          {t("mail:page.heading")}
        </h1>
        <p className="ds-paragraph m-0">{t("mail:page.intro")}</p>
        {roundName ? (
          <p className="ds-paragraph m-0">
            {t("mail:page.roundFilter", { round: roundName })}{" "}
            <Link className="ds-link" to={`/c/${slug}/mail`}>
              {t("mail:page.showAll")}
            </Link>
          </p>
        ) : null}
      </div>

      {smtpConfigured ? null : (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("mail:page.noServer")}</p>
        </div>
      )}

      {messages.length === 0 ? (
        <p className="ds-paragraph m-0">{t("mail:page.none")}</p>
      ) : (
        <>
          {total > messages.length ? (
            <p className="ds-paragraph m-0">{t("mail:page.limited", { shown: messages.length, total })}</p>
          ) : null}
          <DataTable
            labelledBy="mail-heading"
            caption={t("mail:page.caption")}
            headers={[
              t("mail:page.columns.to"),
              t("mail:page.columns.municipality"),
              t("mail:page.columns.kind"),
              t("mail:page.columns.subject"),
              t("mail:page.columns.created"),
              t("mail:page.columns.status"),
            ]}
          >
            {messages.map((m) => (
              <MailRow key={m.id} message={m} retries={retries} reply={reply} />
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
