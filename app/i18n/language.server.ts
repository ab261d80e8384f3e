import { createCookie } from "@remix-run/node";
import type { DB } from "../../db/connect";
import type { Language, WrittenStandard } from "../../db/schema";
import type { SessionUser } from "../auth/auth.server";
import { secureCookies } from "../env.server";
import { DEFAULT_LANGUAGE, isLanguage } from "./config";

export const languageCookie = createCookie("fl_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: secureCookies(),
  maxAge: 60 * 60 * 24 * 365,
});

const LANGUAGE_OF_STANDARD: Record<WrittenStandard, Language | null> = {
  bokmaal: "nb",
  nynorsk: "nn",
  neutral: null,
};

export async function languageFromCookie(request: Request): Promise<Language | null> {
  const value = await languageCookie.parse(request.headers.get("Cookie"));
  return isLanguage(value) ? value : null;
}

/**
 * The user's own choice wins; then (Språklova) a reporter gets their municipality's written
 * standard; then the cooperation's default; then Bokmål.
 */
export async function resolveLanguage(
  db: DB,
  { request, user, slug }: { request: Request; user: SessionUser | null; slug: string | undefined },
): Promise<Language> {
  if (user?.language) return user.language;
  const chosen = await languageFromCookie(request);
  if (chosen) return chosen;
  if (!slug) return DEFAULT_LANGUAGE;

  const cooperation = await db
    .selectFrom("cooperation")
    .select(["id", "default_language"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!cooperation) return DEFAULT_LANGUAGE;
  if (user) {
    const reporter = await db
      .selectFrom("role_grant")
      .innerJoin("municipality", "municipality.id", "role_grant.municipality_id")
      .select("municipality.written_standard")
      .where("role_grant.user_id", "=", user.id)
      .where("role_grant.cooperation_id", "=", cooperation.id)
      .where("role_grant.role", "=", "reporter")
      .executeTakeFirst();
    const fromStandard = reporter?.written_standard ? LANGUAGE_OF_STANDARD[reporter.written_standard] : null;
    if (fromStandard) return fromStandard;
  }
  return cooperation.default_language;
}
