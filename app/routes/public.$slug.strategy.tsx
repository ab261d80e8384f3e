import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { publicPageHeaders } from "../publication/page.server";
import { publicStrategyLoader } from "../publication/strategy-page.server";
import { PublicStrategyPage, strategyPageMeta } from "../publication/strategy-page";

export const headers = publicPageHeaders;

export const meta = strategyPageMeta;

export const loader = (args: LoaderFunctionArgs) => publicStrategyLoader(args, null);

export default function PublicStrategyInForce() {
  const { slug, strategy, others } = useLoaderData<typeof loader>();
  return <PublicStrategyPage slug={slug} strategy={strategy} others={others} />;
}
