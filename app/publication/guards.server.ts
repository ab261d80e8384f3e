import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../db.server";
import { notFound } from "../utils/errors.server";
import type { PublicPart } from "./parts";
import { findPublicScope, type PublicScope } from "./public-scope.server";

/**
 * The guard of every public loader: the cooperation in the URL, and the part the page shows,
 * must be published. Anything else is the same 404 as a slug that does not exist, so a visitor
 * cannot tell an unpublished cooperation or part from none.
 */
export async function requirePublished(
  { params }: Pick<LoaderFunctionArgs, "params">,
  part: PublicPart | null,
): Promise<PublicScope> {
  const slug = params.slug;
  if (!slug) throw notFound();
  const scope = await findPublicScope(db(), slug);
  if (!scope || (part && !scope.published[part])) throw notFound();
  return scope;
}
