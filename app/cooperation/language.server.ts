import { createCookie, type LoaderFunctionArgs } from "@remix-run/node";
import type { DB } from "../../db/connect";
import type { Language } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { SessionUser } from "../auth/auth.server";
import { userGrants } from "./guards.server";
import { transact } from "../utils/concurrency.server";
import { secureCookies } from "../env.server";
import { DEFAULT_LANGUAGE, LANGUAGE_OF_STANDARD, isLanguage } from "../i18n/config";

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
 * standard; then the cooperation's default. In a cooperation's URL these come from the user's
 * roles in it; anywhere else — the front page, an error page, a cooperation the user is no member
 * of, real or made up (so the language never tells a stranger that it exists) — from all of the
 * user's roles. Bokmål for everyone else.
 */
export async function resolveLanguage(
  args: Pick<LoaderFunctionArgs, "request" | "context">,
  slug: string | undefined,
): Promise<Language> {
  const user = args.context.user;
  if (user?.language) return user.language;
  const chosen = await languageFromCookie(args.request);
  if (chosen) return chosen;
  if (!user) return DEFAULT_LANGUAGE;

  const all = await userGrants(args, user);
  const here = all.filter((g) => g.slug === slug);
  const grants = here.length ? here : all;
  if (grants.length === 0) return DEFAULT_LANGUAGE;
  const standard = grants.find((g) => g.writtenStandard)?.writtenStandard;
  return (standard && LANGUAGE_OF_STANDARD[standard]) || grants[0].defaultLanguage;
}

/** Keeps the language on the account, so that it follows the user to other browsers. */
export async function saveUserLanguage(db: DB, user: SessionUser, language: Language): Promise<void> {
  if (user.language === language) return;
  await transact(db, async (trx) => {
    await trx.updateTable("app_user").set({ language }).where("id", "=", user.id).execute();
    await recordAudit(trx, {
      cooperationId: null,
      actorId: user.id,
      action: "user.language_changed",
      entityType: "user",
      entityId: user.id,
      before: { language: user.language },
      after: { language },
    });
  });
}
