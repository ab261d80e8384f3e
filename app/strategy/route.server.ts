import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "../auth/guards.server";
import type { CooperationScope } from "../cooperation/scope.server";
import { db } from "../db.server";
import { StaleVersionError } from "../utils/concurrency.server";
import { redirectWithToast } from "../utils/toast.server";
import { StrategyFrozenError, StrategyNotFoundError, StrategyRuleError } from "./errors.server";
import { getStrategyDetail, type StrategyDetail } from "./strategy-read.server";

export function strategyUrl(slug: string, id: string): string {
  return `/c/${slug}/strategies/${encodeURIComponent(id)}`;
}

/** The strategy named by params.id inside the scope's cooperation, or 404. */
export async function requireStrategy(
  args: Pick<LoaderFunctionArgs, "params">,
  scope: CooperationScope
): Promise<StrategyDetail> {
  const id = args.params.id;
  if (!id || id.length > 64) throw notFound();
  const detail = await getStrategyDetail(db(), { cooperationId: scope.cooperationId, strategyId: id });
  if (!detail) throw notFound();
  return detail;
}

/** The translation key for a refusal a form shows in its error summary, or null for an unexpected error. */
export function formErrorKey(error: unknown): string | null {
  if (error instanceof StaleVersionError) return "form.staleVersion";
  if (error instanceof StrategyFrozenError) return "strategy.errors.frozen";
  if (error instanceof StrategyRuleError) return `strategy.errors.${error.code}`;
  if (error instanceof StrategyNotFoundError) throw notFound();
  return null;
}

/** For the small buttons (reorder, remove, revise): back to the page with the refusal as a toast. */
export async function refusalToast(error: unknown, url: string): Promise<Response> {
  if (error instanceof StaleVersionError) return redirectWithToast(url, { kind: "error", key: "strategy.toast.stale" });
  if (error instanceof StrategyFrozenError) return redirectWithToast(url, { kind: "error", key: "strategy.toast.frozen" });
  if (error instanceof StrategyRuleError) return redirectWithToast(url, { kind: "error", key: `strategy.errors.${error.code}` });
  if (error instanceof StrategyNotFoundError) throw notFound();
  throw error;
}
