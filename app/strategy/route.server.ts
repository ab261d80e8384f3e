import type { LoaderFunctionArgs } from "@remix-run/node";
import type { $ZodType, output } from "zod/v4/core";
import { notFound } from "../cooperation/guards.server";
import type { CooperationScope } from "../cooperation/scope.server";
import type { TextKey } from "../i18n/config";
import { db } from "../db.server";
import { refusalReply } from "../utils/refusal-answers.server";
import { redirectWithToast } from "../utils/toast.server";
import { getStrategyDetail, type StrategyDetail } from "./strategy-read.server";
import { parseForm } from "../utils/parse-form";
import { formReply, readForm } from "../utils/form.server";

export function strategyUrl(slug: string, id: string): string {
  return `/c/${slug}/strategies/${encodeURIComponent(id)}`;
}

/** The strategy named by params.id inside the scope's cooperation, or 404. */
export async function requireStrategy(
  args: Pick<LoaderFunctionArgs, "params">,
  scope: CooperationScope,
): Promise<StrategyDetail> {
  const id = args.params.id;
  if (!id || id.length > 64) throw notFound();
  const detail = await getStrategyDetail(db(), { cooperationId: scope.cooperationId, strategyId: id });
  if (!detail) throw notFound();
  return detail;
}

/** Where a saved form goes, and the key of the success toast shown there. */
export interface Saved {
  url: string;
  toast: TextKey;
}

/**
 * The rest of a strategy form's action, after its guard: invalid input goes back with the field
 * errors (400); a refusal of the data layer goes back as a form error on the same form (409), so
 * what the user typed is kept; once `save` succeeds it redirects with the success toast.
 */
export async function submitStrategyForm<Schema extends $ZodType>(
  request: Request,
  schema: Schema,
  save: (value: output<Schema>) => Promise<Saved>,
) {
  const submission = parseForm(await readForm(request), { schema });
  if (submission.status !== "success") return formReply(submission.reply());
  let saved: Saved;
  try {
    saved = await save(submission.value);
  } catch (error) {
    return refusalReply(submission, error);
  }
  return redirectWithToast(saved.url, { kind: "success", key: saved.toast });
}
