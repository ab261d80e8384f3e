import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PUBLIC_PARTS, PublicationSettingsSchema } from "@shared-schema/publication";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { cooperationPageTitle } from "../i18n/page-title";
import { isPublishing, publishedParts } from "../publication/parts";
import { publicPartUrl, publicUrl } from "../publication/urls";
import { getPublicationSettings, updatePublicationSettings } from "../publication/settings.server";
import { CheckboxGroupField, ErrorSummary, SubmitButton, TextField } from "../ui/form";
import { Section } from "../ui/section";
import { formReply, readForm } from "../utils/form.server";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { parseForm } from "../utils/parse-form";
import { refusalReply } from "../utils/refusal-answers.server";
import { redirectWithToast } from "../utils/toast.server";

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "publication:settings.pageTitle");

export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:manage");
  return json({ slug: scope.slug, name: scope.name, settings: await getPublicationSettings(db(), scope.cooperationId) });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:manage");
  const submission = parseForm(await readForm(args.request), { schema: PublicationSettingsSchema });
  if (submission.status !== "success") return formReply(submission.reply());
  const { version, ...values } = submission.value;
  try {
    const changed = await updatePublicationSettings(
      db(),
      { cooperationId: scope.cooperationId, userId: scope.userId },
      { version, values },
    );
    return redirectWithToast(`/c/${scope.slug}/settings`, {
      kind: "success",
      key: changed ? "publication:settings.saved" : "publication:settings.unchanged",
    });
  } catch (error) {
    return refusalReply(submission, error);
  }
}

export default function PublicationSettingsPage() {
  const { slug, name, settings } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "publication",
    lastResult,
    defaultValue: {
      parts: publishedParts(settings.published),
      organisationNumber: settings.organisationNumber ?? "",
      contactName: settings.contactName ?? "",
      contactEmail: settings.contactEmail ?? "",
      accessibilityStatementUrl: settings.accessibilityStatementUrl ?? "",
    },
    constraint: getZodConstraint(PublicationSettingsSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: PublicationSettingsSchema }),
  });
  const text = [
    {
      meta: fields.organisationNumber,
      label: t("publication:settings.organisationNumber"),
      help: t("publication:settings.organisationNumberHelp"),
    },
    { meta: fields.contactName, label: t("publication:settings.contactName"), help: t("publication:settings.contactNameHelp") },
    {
      meta: fields.contactEmail,
      label: t("publication:settings.contactEmail"),
      help: t("publication:settings.contactEmailHelp"),
    },
    {
      meta: fields.accessibilityStatementUrl,
      label: t("publication:settings.accessibilityStatementUrl"),
      help: t("publication:settings.accessibilityStatementUrlHelp"),
    },
  ];
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="ds-heading" data-size="lg">
          {t("publication:settings.title", { name })}
        </h1>
        <p className="ds-paragraph">{t("publication:settings.intro")}</p>
      </header>
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={[
          { id: `${fields.parts.id}-0`, label: t("publication:settings.parts"), errors: fields.parts.errors },
          ...text.map((f) => ({ id: f.meta.id, label: f.label, errors: f.meta.errors })),
        ]}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex max-w-3xl flex-col gap-4">
        <input type="hidden" name="version" value={settings.version} />
        <CheckboxGroupField
          meta={fields.parts}
          legend={t("publication:settings.parts")}
          description={t("publication:settings.partsHelp")}
          options={PUBLIC_PARTS.map((part) => ({ value: part, label: t(`publication:parts.${part}`) }))}
        />
        {text.map((f) => (
          <TextField
            key={f.meta.name}
            meta={f.meta}
            label={f.label}
            description={f.help}
            type={f.meta.name === "contactEmail" ? "email" : f.meta.name === "accessibilityStatementUrl" ? "url" : "text"}
            inputMode={f.meta.name === "organisationNumber" ? "numeric" : undefined}
          />
        ))}
        <div>
          <SubmitButton>{t("publication:settings.save")}</SubmitButton>
        </div>
      </Form>
      <Preview slug={slug} settings={settings} />
    </div>
  );
}

/** What a visitor sees as saved now: the addresses that answer, or that nothing does. */
function Preview({ slug, settings }: { slug: string; settings: ReturnType<typeof useLoaderData<typeof loader>>["settings"] }) {
  const { t } = useTranslation();
  const parts = publishedParts(settings.published);
  return (
    <Section id="preview-heading" title={t("publication:settings.previewTitle")} gap={3}>
      {isPublishing(settings.published) ? (
        <>
          <p className="ds-paragraph">
            {t("publication:settings.previewIntro")}{" "}
            <Link className="ds-link" to={publicUrl(slug)}>
              {t("publication:settings.previewLink")}
            </Link>
          </p>
          <ul className="ds-list">
            {parts.map((part) => (
              <li key={part}>
                <Link className="ds-link" to={publicPartUrl(slug, part)}>
                  {t(`publication:parts.${part}`)}
                </Link>
              </li>
            ))}
          </ul>
          {settings.published.data && !(settings.organisationNumber && settings.contactEmail) ? (
            <p className="ds-alert" data-color="warning">
              {t("publication:settings.catalogIncomplete")}
            </p>
          ) : null}
        </>
      ) : (
        <p className="ds-paragraph">{t("publication:settings.previewNothing")}</p>
      )}
    </Section>
  );
}
