import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../db.server";
import { notFound } from "../utils/errors.server";
import { publicPage, publicJson } from "./page.server";
import { publicStrategies, publicStrategy } from "./pages.server";

/**
 * The loader of both strategy pages: the one in force (`/strategy`) and any adopted one by id
 * (`/strategies/{id}`), each with the list of the others.
 */
export async function publicStrategyLoader(args: LoaderFunctionArgs, strategyId: string | null) {
  const { scope, etag, address } = await publicPage(args, "strategy");
  const strategies = await publicStrategies(db(), scope);
  const id = strategyId ?? strategies.find((s) => s.status === "adopted")?.id ?? null;
  const strategy = id ? await publicStrategy(db(), scope, id) : null;
  if (strategyId && !strategy) throw notFound();
  return publicJson(
    {
      slug: scope.slug,
      name: scope.name,
      strategy,
      others: strategies.filter((s) => s.id !== strategy?.id),
      address: address(),
    },
    etag,
  );
}
