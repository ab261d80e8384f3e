import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StrategyIntentSchema } from "@shared-schema/strategy";
import { requireCooperationRole } from "../cooperation/guards.server";
import { can } from "../cooperation/permissions";
import { db } from "../db.server";
import { requireStrategy, strategyUrl } from "../strategy/route.server";
import { StrategyDocument, smallButtonName } from "../strategy/strategy-document";
import { moveFocusArea, moveGoal, removeFocusArea, removeGoal, startRevision } from "../strategy/strategy-write.server";
import { redirectWithToast } from "../utils/toast.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";
import { refusalToast } from "../utils/refusal-answers.server";
import { revalidateAfterConflict } from "../utils/form-reply";

export const shouldRevalidate = revalidateAfterConflict;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.strategy.title} – ${data.name} – Fellesløft` : "Fellesløft" },
];

export async function loader(args: LoaderFunctionArgs) {
  const scope = await requireCooperationRole(args, "cooperation:read");
  const strategy = await requireStrategy(args, scope);
  return json({ slug: scope.slug, name: scope.name, strategy, canEdit: can(scope.roles, "strategy:edit") });
}

/** The small buttons: reorder and remove focus areas and goals, start a revision. */
export async function action(args: ActionFunctionArgs) {
  const scope = await requireCooperationRole(args, "strategy:edit");
  const strategy = await requireStrategy(args, scope);
  const here = strategyUrl(scope.slug, strategy.id);
  const formData = await readForm(args.request);
  const submission = parseForm(formData, { schema: StrategyIntentSchema });
  if (submission.status !== "success") {
    return formReply(submission.reply(), { form: smallButtonName((field) => formData.get(field)) });
  }
  const value = submission.value;
  const base = { cooperationId: scope.cooperationId, userId: scope.userId, strategyId: strategy.id };
  try {
    switch (value.intent) {
      case "moveArea":
        await moveFocusArea(db(), { ...base, version: value.version, focusAreaId: value.id, direction: value.direction });
        return redirectWithToast(here, { kind: "success", key: "strategy:toast.moved" });
      case "moveGoal":
        await moveGoal(db(), { ...base, version: value.version, goalId: value.id, direction: value.direction });
        return redirectWithToast(here, { kind: "success", key: "strategy:toast.moved" });
      case "removeArea":
        await removeFocusArea(db(), { ...base, version: value.version, focusAreaId: value.id });
        return redirectWithToast(here, { kind: "success", key: "strategy:toast.areaRemoved" });
      case "removeGoal":
        await removeGoal(db(), { ...base, version: value.version, goalId: value.id });
        return redirectWithToast(here, { kind: "success", key: "strategy:toast.goalRemoved" });
      case "startRevision": {
        const id = await startRevision(db(), base);
        return redirectWithToast(strategyUrl(scope.slug, id), { kind: "success", key: "strategy:toast.revisionStarted" });
      }
    }
  } catch (error) {
    return refusalToast(here, error);
  }
}

export default function StrategyPage() {
  const { slug, strategy, canEdit } = useLoaderData<typeof loader>();
  return <StrategyDocument strategy={strategy} slug={slug} canEdit={canEdit} />;
}
