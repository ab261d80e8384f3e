import { useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../i18n/page-title";
import { LoginSchema } from "@shared-schema/auth";
import { login } from "../auth/auth.server";
import { safeRedirectTarget } from "../cooperation/guards.server";
import { beginLoginAttempt } from "../auth/rate-limit.server";
import { listUserCooperations } from "../cooperation/scope.server";
import { db } from "../db.server";
import { ErrorPage, errorPageTitle } from "../ui/error-page";
import { ErrorSummary, SubmitButton, TextField } from "../ui/form";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { replyFor } from "../utils/form-reply";

export const meta: MetaFunction = ({ matches, error }) =>
  error ? errorPageTitle(matches, error) : pageTitle(matches, "common:login.title");

export const ErrorBoundary = ErrorPage;

// Document responses take their headers from here, so Retry-After reaches a browser without JavaScript too.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  const headers = new Headers();
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return formReply(submission.reply({ hideFields: ["password"] }));
  }
  const { email, password, redirectTo } = submission.value;

  const attempt = await beginLoginAttempt(email, context.clientIp);
  if (attempt.limited) {
    return formReply(submission.reply({ formErrors: ["common:login.tooManyAttempts"], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(attempt.retryAfterSeconds) },
    });
  }

  const result = await login(db(), { email, password, previousToken: context.sessionToken }).catch(async (error: unknown) => {
    // a database that cannot answer says nothing about the password: no failure to hold against anyone
    await attempt.notCounted();
    throw error;
  });
  if (!result.ok) {
    return formReply(submission.reply({ formErrors: ["common:login.invalid"], hideFields: ["password"] }));
  }
  await attempt.succeeded();
  return redirect(await landingPage(result.user.id, redirectTo), { headers: { "Set-Cookie": result.setCookie } });
}

async function landingPage(userId: string, redirectTo: string | undefined): Promise<string> {
  if (redirectTo) return safeRedirectTarget(redirectTo);
  const cooperations = await listUserCooperations(db(), userId);
  return cooperations.length === 1 ? `/c/${cooperations[0].slug}` : "/";
}

export default function LoginPage() {
  const { t } = useTranslation();
  const lastResult = replyFor(useActionData<typeof action>());
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: LoginSchema }),
  });
  return (
    <section aria-labelledby="login-heading" className="mx-auto flex max-w-md flex-col gap-4">
      <h1 id="login-heading" className="ds-heading" data-size="lg">
        {t("common:login.title")}
      </h1>
      <p className="ds-paragraph">{t("common:login.intro")}</p>
      <ErrorSummary
        focusKey={lastResult}
        formErrors={form.errors}
        fields={[
          { id: fields.email.id, label: t("common:login.email"), errors: fields.email.errors },
          { id: fields.password.id, label: t("common:login.password"), errors: fields.password.errors },
        ]}
      />
      <Form method="post" id={form.id} onSubmit={form.onSubmit} noValidate className="flex flex-col gap-4">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField meta={fields.email} label={t("common:login.email")} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={t("common:login.password")} type="password" autoComplete="current-password" />
        <div>
          <SubmitButton>{t("common:login.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
