import { createCookie } from "@remix-run/node";
import type { DB } from "../../db/connect";
import type { Language } from "../../db/schema";
import type { SessionUser } from "../auth/auth.server";
import { secureCookies } from "../env.server";
import { DEFAULT_LANGUAGE, LANGUAGE_OF_STANDARD, isLanguage } from "./config";

export const languageCookie = createCookie("fl_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: secureCookies(),
  maxAge: 60 * 60 * 24 * 365,
});

export async function languageFromCookie(request: Request): Promise<Language | null> {
  const value = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(value) ? value : null;
}

/**
 * The user's own choice wins; then (Språklova) a reporter gets their municipality's written
 * standard; then the default of the cooperation in the URL — only for its members, so the
 * language of a 404 page never tells a stranger that a cooperation exists; then Bokmål.
 */
export async function resolveLanguage(
  db: DB,
  { request, user, slug }: { request: Request; user: SessionUser | null; slug: string | undefined }
): Promise<Language> {
  if (user?.language) return user.language;
  const chosen = await languageFromCookie(request);
  if (chosen) return chosen;
  if (!slug || !user) return DEFAULT_LANGUAGE;

  const grants = await db
    .selectFrom("role_grant")
    .innerJoin("cooperation", "cooperation.id", "role_grant.cooperation_id")
    .leftJoin("municipality", "municipality.id", "role_grant.municipality_id")
    .select(["cooperation.default_language", "municipality.written_standard"])
    .where("cooperation.slug", "=", slug)
    .where("role_grant.user_id", "=", user.id)
    .execute();
  if (grants.length === 0) return DEFAULT_LANGUAGE;
  const standard = grants.find((g) => g.written_standard)?.written_standard;
  return (standard && LANGUAGE_OF_STANDARD[standard]) || grants[0].default_language;
}
