import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { osloToday } from "@shared-schema/dates";
import { CommentHandledSchema, PlanCommentSchema } from "@shared-schema/plan-comment";
import { forbidden, notFound, requireCooperationRole, requireYearParam } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import type { CooperationScope } from "../cooperation/scope.server";
import { db } from "../db.server";
import { formatDate, formatDateTime } from "../i18n/format";
import { pageTitle } from "../i18n/page-title";
import { useLanguage } from "../i18n/use-language";
import {
  addPlanComment,
  listPlanComments,
  pickCommentVersion,
  setCommentHandled,
  type PlanCommentView,
} from "../plan/comments.server";
import { findPlanByYear, loadPlanVersion } from "../plan/plan.server";
import { inputRoundOf, isInputOpen } from "../plan/state-machine";
import { DataTable } from "../ui/data-table";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField } from "../ui/form";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, type FormReply, revalidateAfterConflict } from "../utils/form-reply";
import { ValidatedForm } from "../ui/validated-form";
import { rethrowRefusal } from "../utils/errors.server";
import { refusalReply } from "../utils/refusal-answers.server";
import { Section } from "../ui/section";

/*
 * The input round (innspel) on a year's action plan: the version out for input (or else the
 * latest version) with its deadline, the comment form for those who may comment while the
 * input round is open (a line saying it is over once its deadline has passed or the secretariat
 * closed it), and every comment grouped by municipality; the secretariat marks
 * comments handled. Plain forms and POSTs: everything works without JavaScript.
 */

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? pageTitle(matches, "planComments:pageTitle", { year: data.year }) : [{ title: "Fellesløft" }];

async function requireCommentVersion(args: Pick<LoaderFunctionArgs, "params">, scope: CooperationScope) {
  const year = requireYearParam(args.params.year);
  const plan = await findPlanByYear(db(), { cooperationId: scope.cooperationId, year });
  const version = plan ? pickCommentVersion(plan.versions) : null;
  if (!plan || !version) throw notFound();
  return { year, version };
}

const pageUrl = (slug: string, year: number) => `/c/${slug}/plans/${year}/comments`;

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const { year, version } = await requireCommentVersion(args, scope);
  const view = await loadPlanVersion(db(), { cooperationId: scope.cooperationId, versionId: version.id });
  const groups = await listPlanComments(db(), { cooperationId: scope.cooperationId, versionId: version.id });
  const isReporterOnly = !can(scope.roles, "plan:commentForCooperation");
  const mayComment = can(scope.roles, "plan:comment");
  const ownMunicipality =
    isReporterOnly && scope.municipalityId ? groups.find((g) => g.municipalityId === scope.municipalityId) : null;
  return json({
    slug: scope.slug,
    name: scope.name,
    year,
    version: {
      id: version.id,
      no: version.version_no,
      status: version.status,
      inputDeadline: version.input_deadline,
      inputClosedAt: version.input_closed_at,
      inputOpen: isInputOpen(inputRoundOf(version), osloToday()),
    },
    items: view.items.map((i) => ({ id: i.id, number: i.measureNumber, name: i.measureName })),
    groups,
    commenting:
      mayComment && version.status === "input"
        ? isReporterOnly
          ? scope.municipalityId
            ? { as: "municipality" as const, municipality: ownMunicipality?.municipalityName ?? "" }
            : { as: "none" as const, municipality: null }
          : { as: "cooperation" as const, municipality: null }
        : null,
    canHandle: can(scope.roles, "plan:edit"),
  });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "plan:comment");
  const { year, version } = await requireCommentVersion(args, scope);
  const here = pageUrl(scope.slug, year);
  const formData = await readForm(args.request);
  const intent = formData.get("intent");
  const base = { cooperationId: scope.cooperationId, userId: scope.userId };

  if (intent === "markHandled" || intent === "markUnhandled") {
    if (!can(scope.roles, "plan:edit")) throw forbidden();
    const submission = parseForm(formData, { schema: CommentHandledSchema });
    if (submission.status !== "success") return formReply(submission.reply(), { form: `handled:${formData.get("commentId")}` });
    const handled = submission.value.intent === "markHandled";
    try {
      await setCommentHandled(db(), { ...base, commentId: submission.value.commentId, handled });
    } catch (error) {
      rethrowRefusal(error);
    }
    return redirectWithToast(`${here}#comment-${submission.value.commentId}`, {
      kind: "success",
      key: handled ? "planComments:toast.handled" : "planComments:toast.unhandled",
    });
  }

  const submission = parseForm(formData, { schema: PlanCommentSchema });
  if (submission.status !== "success") return formReply(submission.reply());
  try {
    // the municipality is the reporter's own, read from the role grant by the data layer
    await addPlanComment(db(), {
      ...base,
      versionId: version.id,
      itemId: submission.value.itemId,
      body: submission.value.body,
    });
  } catch (error) {
    return refusalReply(submission, error);
  }
  return redirectWithToast(here, { kind: "success", key: "planComments:toast.added" });
}

/** `closed`: the round ended while the user typed; their text is shown back, without a way to send it. */
function CommentForm({
  items,
  sent,
  closed,
}: {
  items: { id: string; number: number; name: string }[];
  sent: number;
  closed: boolean;
}) {
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `plan-comment-form-${sent}`,
    lastResult,
    defaultValue: { itemId: "", body: "" },
    constraint: getZodConstraint(PlanCommentSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: PlanCommentSchema }),
  });
  return (
    <>
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={[
          { id: fields.itemId.id, label: t("planComments:form.target"), errors: fields.itemId.errors },
          { id: fields.body.id, label: t("planComments:form.body"), errors: fields.body.errors },
        ]}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
        <input type="hidden" name="intent" value="comment" />
        <SelectField
          meta={fields.itemId}
          label={t("planComments:form.target")}
          options={[
            { value: "", label: t("planComments:form.wholePlan") },
            ...items.map((i) => ({ value: i.id, label: t("planComments:form.item", { number: i.number, name: i.name }) })),
          ]}
        />
        <TextAreaField meta={fields.body} label={t("planComments:form.body")} rows={5} />
        {closed ? null : (
          <div>
            <SubmitButton>{t("planComments:form.submit")}</SubmitButton>
          </div>
        )}
      </Form>
    </>
  );
}

/** An id for a municipality's group: municipality ids look like "1532@2013-01-01". */
const groupId = (municipalityId: string | null) => `group-${(municipalityId ?? "none").replace(/[^A-Za-z0-9_-]/g, "-")}`;

function CommentEntry({ comment, canHandle }: { comment: PlanCommentView; canHandle: boolean }) {
  const handledReply = replyFor(useActionData<FormReply>(), `handled:${comment.id}`);
  const { t } = useTranslation();
  const lang = useLanguage();
  const target = comment.item
    ? t("planComments:form.item", { number: comment.item.measureNumber, name: comment.item.measureName })
    : t("planComments:form.wholePlan");
  const bylineId = `comment-${comment.id}-byline`;
  return (
    <li id={`comment-${comment.id}`} data-testid="plan-comment" className="flex flex-col gap-1 border-b border-gray-300 pb-3">
      {/* dates are formatted in the page's language on the server; a browser without that locale must not replace them */}
      <p id={bylineId} className="ds-paragraph m-0 font-semibold">
        {t("planComments:comment.byline", { author: comment.authorName, date: formatDateTime(lang, comment.createdAt) })}
      </p>
      <p className="ds-paragraph m-0" data-size="sm">
        {t("planComments:comment.concerns", { target })}
      </p>
      <p className="ds-paragraph m-0 whitespace-pre-line">{comment.body}</p>
      <p className="ds-paragraph m-0" data-size="sm" data-testid="handled-status">
        {comment.handledAt
          ? t("planComments:comment.handled", {
              date: formatDateTime(lang, comment.handledAt),
              name: comment.handledByName ?? "",
            })
          : t("planComments:comment.notHandled")}
      </p>
      {canHandle ? (
        <ValidatedForm id={`handled-${comment.id}`} schema={CommentHandledSchema} lastResult={handledReply} preventScrollReset>
          <input type="hidden" name="commentId" value={comment.id} />
          <button
            type="submit"
            name="intent"
            value={comment.handledAt ? "markUnhandled" : "markHandled"}
            className="ds-button"
            data-variant="secondary"
            data-size="sm"
            aria-describedby={bylineId}
          >
            {comment.handledAt ? t("planComments:comment.undo") : t("planComments:comment.markHandled")}
          </button>
        </ValidatedForm>
      ) : null}
    </li>
  );
}

export default function PlanComments() {
  const { slug, year, version, items, groups, commenting, canHandle } = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>() !== undefined;
  const { t } = useTranslation();
  const lang = useLanguage();
  const groupName = (g: (typeof groups)[number]) => g.municipalityName ?? t("planComments:groups.withoutMunicipality");
  const sent = groups.reduce((sum, g) => sum + g.total, 0);
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 id="comments-heading" className="ds-heading" data-size="lg">
          {t("planComments:pageTitle", { year })}
        </h1>
        <p className="ds-paragraph m-0">
          {t("planComments:versionLine", { no: version.no, status: t(`planComments:status.${version.status}`) })}
        </p>
        {version.inputDeadline ? (
          <p className="ds-paragraph m-0 font-semibold">
            {t("planComments:deadline", { date: formatDate(lang, version.inputDeadline) })}
          </p>
        ) : null}
        <p className="ds-paragraph m-0">
          <Link className="ds-link" to={`/c/${slug}/plans/${year}`}>
            {t("planComments:backToPlan", { year })}
          </Link>
        </p>
      </div>

      {version.status !== "input" ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{t("planComments:notInInput")}</p>
        </div>
      ) : !version.inputOpen ? (
        <div className="ds-alert" data-color="info" data-testid="input-over">
          <p className="ds-paragraph">
            {version.inputClosedAt
              ? t("planComments:closedEarly", { date: formatDate(lang, version.inputClosedAt) })
              : t("planComments:deadlinePassed", { date: formatDate(lang, version.inputDeadline ?? "") })}
          </p>
        </div>
      ) : null}

      {commenting?.as === "none" ? (
        <div className="ds-alert" data-color="warning">
          <p className="ds-paragraph">{t("planComments:noMunicipality")}</p>
        </div>
      ) : commenting && (version.inputOpen || answered) ? (
        <Section id="comment-form-heading" title={t("planComments:form.heading")} gap={3}>
          <p className="ds-paragraph m-0">
            {commenting.as === "municipality"
              ? t("planComments:form.forMunicipality", { municipality: commenting.municipality })
              : t("planComments:form.forCooperation")}
          </p>
          <CommentForm key={sent} items={items} sent={sent} closed={!version.inputOpen} />
        </Section>
      ) : null}

      <Section id="counts-heading" title={t("planComments:counts.heading")} gap={3}>
        <DataTable
          labelledBy="counts-heading"
          caption={t("planComments:counts.caption")}
          headers={[t("planComments:counts.municipality"), t("planComments:counts.total"), t("planComments:counts.open")]}
        >
          {groups.map((g) => (
            <tr key={g.municipalityId ?? "none"} data-testid="comment-count">
              <td>
                <a className="ds-link" href={`#${groupId(g.municipalityId)}`}>
                  {groupName(g)}
                </a>
              </td>
              <td>{g.total}</td>
              <td>{g.open}</td>
            </tr>
          ))}
        </DataTable>
      </Section>

      <Section id="groups-heading" title={t("planComments:groups.heading")} gap={4}>
        {groups.map((g) => {
          const id = groupId(g.municipalityId);
          return (
            <section
              key={id}
              id={id}
              aria-labelledby={`${id}-heading`}
              data-testid="comment-group"
              data-municipality-id={g.municipalityId ?? ""}
              className="flex flex-col gap-2"
            >
              <h3 id={`${id}-heading`} className="ds-heading" data-size="sm">
                {groupName(g)}
              </h3>
              <p className="ds-paragraph m-0" data-size="sm">
                {t("planComments:groups.summary", { total: g.total, open: g.open })}
              </p>
              {g.comments.length ? (
                <ul className="m-0 flex list-none flex-col gap-3 p-0">
                  {g.comments.map((c) => (
                    <CommentEntry key={c.id} comment={c} canHandle={canHandle} />
                  ))}
                </ul>
              ) : (
                <p className="ds-paragraph m-0">{t("planComments:groups.none")}</p>
              )}
            </section>
          );
        })}
      </Section>
    </section>
  );
}
