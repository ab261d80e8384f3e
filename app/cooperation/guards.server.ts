import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { can, type Permission } from "./permissions";
import { listUserGrants, scopeFromGrants, type CooperationScope, type UserGrant } from "./scope.server";
import { db } from "../db.server";
import type { SessionUser } from "../auth/auth.server";
import { parseYear } from "@shared-schema/common";
import { forbidden, notFound } from "../utils/errors.server";

/*
 * One family of guards, thrown at the top of every loader and action. The cooperation comes
 * from the URL (params.slug), the user from the session (context); nothing from the form.
 */

type Args = Pick<LoaderFunctionArgs, "request" | "params" | "context">;

const grantsOfPageLoad = new WeakMap<object, Promise<UserGrant[]>>();

/**
 * The signed-in user's roles, read once per page load: the root (header, language), the
 * cooperation layout and the page all ask, and their loaders share the request's context.
 * A request that runs an action reads them afresh every time, as the action may change them.
 */
export function userGrants({ request, context }: Pick<Args, "request" | "context">, user: SessionUser): Promise<UserGrant[]> {
  if (request.method !== "GET" && request.method !== "HEAD") return listUserGrants(db(), user.id);
  let grants = grantsOfPageLoad.get(context);
  if (!grants) {
    grants = listUserGrants(db(), user.id);
    grantsOfPageLoad.set(context, grants);
  }
  return grants;
}

/** Longer than any page's address: a Location header of that size is refused by browsers and proxies. */
const MAX_REDIRECT_LENGTH = 2000;

export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (
    typeof target !== "string" ||
    target.length > MAX_REDIRECT_LENGTH ||
    !target.startsWith("/") ||
    target.startsWith("//") ||
    target.startsWith("/\\")
  ) {
    return fallback;
  }
  return target;
}

export function requireUser({ request, context }: Args): SessionUser {
  if (context.user) return context.user;
  const url = new URL(request.url);
  const back = request.method === "GET" ? url.pathname + url.search : "/";
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export function requireAnonymous({ context }: Args): void {
  if (context.user) throw redirect("/");
}

export function requirePlatformAdmin(args: Args): SessionUser {
  const user = requireUser(args);
  if (!user.isPlatformAdmin) throw notFound();
  return user;
}

export { forbidden, notFound };

/** A write sent from another site: a 403 whose body names the error page's kind for it. */
export function crossOriginRefused(): Response {
  return new Response("crossOrigin", { status: 403 });
}

/**
 * A member of the cooperation in the URL holding `required` (or one of the permissions listed).
 * Non-members get 404, members without the right 403.
 */
export async function requireCooperationRole(
  args: Args,
  required: Permission | readonly Permission[],
): Promise<CooperationScope> {
  const user = requireUser(args);
  const slug = args.params.slug;
  if (!slug) throw notFound();
  const scope = scopeFromGrants(await userGrants(args, user), { slug, userId: user.id });
  if (!scope) throw notFound();
  const permissions: readonly Permission[] = typeof required === "string" ? [required] : required;
  if (!permissions.some((permission) => can(scope.roles, permission))) throw forbidden();
  return scope;
}

/** A reporter of the cooperation in the URL; the municipality is the one the role grant names. */
export async function requireMunicipalityReporter(
  args: Args,
): Promise<CooperationScope & { municipalityId: string; municipalityName: string }> {
  const scope = await requireCooperationRole(args, "uptake:report");
  if (!scope.municipalityId || scope.municipalityName === null) throw forbidden();
  return { ...scope, municipalityId: scope.municipalityId, municipalityName: scope.municipalityName };
}

/** The year an address names (`/plans/2025`), read as every form reads a year; any other text is 404. */
export function requireYearParam(value: string | undefined): number {
  const year = parseYear(value);
  if (year === null) throw notFound();
  return year;
}
