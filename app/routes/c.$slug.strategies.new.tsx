import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewStrategySchema } from "@shared-schema/strategy";
import { requireCooperationRole } from "../cooperation/guards.server";
import { db } from "../db.server";
import { strategyUrl, submitStrategyForm } from "../strategy/route.server";
import { StrategyForm } from "../strategy/strategy-form";
import { createStrategy } from "../strategy/strategy-write.server";
import { cooperationPageTitle } from "../i18n/page-title";
import { replyFor, revalidateAfterConflict } from "../utils/form-reply";
import { osloYear } from "@shared-schema/dates";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction = ({ matches }) => cooperationPageTitle(matches, "strategy:newPageTitle");

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  return json({ slug: scope.slug, name: scope.name, year: osloYear() });
}

export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  return submitStrategyForm(args.request, NewStrategySchema, async (values) => {
    const id = await createStrategy(db(), { cooperationId: scope.cooperationId, userId: scope.userId, values });
    return { url: strategyUrl(scope.slug, id), toast: "strategy:toast.created" };
  });
}

export default function NewStrategy() {
  const { slug, year } = useLoaderData<typeof loader>();
  const lastResult = replyFor(useActionData<typeof action>());
  const { t } = useTranslation();
  return (
    <section aria-labelledby="new-strategy-heading" className="flex flex-col gap-4">
      <h1 id="new-strategy-heading" className="ds-heading" data-size="lg">
        {t("strategy:newTitle")}
      </h1>
      <StrategyForm
        id="strategy"
        lastResult={lastResult}
        defaultValue={{
          title: "",
          periodFrom: String(year),
          periodTo: String(year + 3),
          vision: "",
          purpose: "",
          principles: "",
          nationalGuidelines: "",
        }}
        submitLabel={t("strategy:create")}
        cancelTo={`/c/${slug}/strategies`}
      />
    </section>
  );
}
