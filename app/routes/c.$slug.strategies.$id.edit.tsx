import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StrategySchema } from "@shared-schema/strategy";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { requireStrategy, strategyUrl, submitStrategyForm } from "../strategy/route.server";
import { StrategyForm } from "../strategy/strategy-form";
import { updateStrategy } from "../strategy/strategy-write.server";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.strategy.title} – ${data.name} – Fellesløft` : "Fellesløft" },
];

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  return json({ slug: scope.slug, name: scope.name, strategy });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  return submitStrategyForm(args.request, StrategySchema, async ({ version, ...values }) => {
    await updateStrategy(db(), {
      cooperationId: scope.cooperationId,
      userId: scope.userId,
      strategyId: strategy.id,
      version,
      values,
    });
    return { url: strategyUrl(scope.slug, strategy.id), toast: "strategy:toast.saved" };
  });
}

export default function EditStrategy() {
  const { slug, strategy } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  const back = `/c/${slug}/strategies/${strategy.id}`;
  return (
    <section aria-labelledby="edit-strategy-heading" className="flex flex-col gap-4">
      <h1 id="edit-strategy-heading" className="ds-heading" data-size="lg">
        {t("strategy:editTitle")}: {strategy.title}
      </h1>
      {strategy.status !== "draft" ? (
        <>
          <div className="ds-alert" data-color="info">
            <p className="ds-paragraph">
              {t("strategy:onlyDraftNote", { status: t(`common:strategyStatus.${strategy.status}`) })}
            </p>
          </div>
          <p>
            <Link className="ds-link" to={back}>
              {t("strategy:cancel")}
            </Link>
          </p>
        </>
      ) : (
        <>
          {lastResult?.error && (lastResult.error[""] ?? []).includes("common:form.staleVersion") ? (
            <CurrentValues strategy={strategy} />
          ) : null}
          <StrategyForm
            id="strategy"
            lastResult={lastResult}
            version={strategy.version}
            defaultValue={{
              title: strategy.title,
              periodFrom: String(strategy.periodFrom),
              periodTo: String(strategy.periodTo),
              vision: strategy.vision,
              purpose: strategy.purpose,
              principles: strategy.principles.join("\n"),
              nationalGuidelines: strategy.nationalGuidelines.join("\n"),
            }}
            submitLabel={t("strategy:save")}
            cancelTo={back}
          />
        </>
      )}
    </section>
  );
}

/** What is saved now, shown next to the form after a save was refused as stale. */
function CurrentValues({
  strategy,
}: {
  strategy: {
    title: string;
    periodFrom: number;
    periodTo: number;
    vision: string;
    purpose: string;
    principles: string[];
    nationalGuidelines: string[];
  };
}) {
  const { t } = useTranslation();
  return (
    <section
      aria-labelledby="current-values-heading"
      className="ds-alert flex flex-col gap-2"
      data-color="warning"
      data-testid="current-values"
    >
      <h2 id="current-values-heading" className="ds-heading" data-size="xs">
        {t("strategy:currentSaved")}
      </h2>
      <dl className="m-0 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("strategy:field.title")}</dt>
        <dd className="m-0">{strategy.title}</dd>
        <dt className="font-semibold">{t("strategy:period")}</dt>
        <dd className="m-0">{t("strategy:periodValue", { from: strategy.periodFrom, to: strategy.periodTo })}</dd>
        <dt className="font-semibold">{t("strategy:field.vision")}</dt>
        <dd className="m-0">{strategy.vision}</dd>
        <dt className="font-semibold">{t("strategy:field.purpose")}</dt>
        <dd className="m-0 whitespace-pre-line">{strategy.purpose}</dd>
        <dt className="font-semibold">{t("strategy:field.principles")}</dt>
        <dd className="m-0 whitespace-pre-line">{strategy.principles.join("\n")}</dd>
        <dt className="font-semibold">{t("strategy:field.nationalGuidelines")}</dt>
        <dd className="m-0 whitespace-pre-line">{strategy.nationalGuidelines.join("\n")}</dd>
      </dl>
    </section>
  );
}
