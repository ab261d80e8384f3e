import type { Language } from "../../db/schema";
import { db } from "../db.server";
import { DEFAULT_LANGUAGE, isLanguage } from "../i18n/config";
import { findPublicScope } from "./public-scope.server";

/**
 * A public page's language comes from its address alone (`?lang=nn`), else the cooperation's
 * own language, else bokmål — never from a cookie or an account, so a public answer is the same
 * for every visitor and a cache may keep it. A cooperation that publishes nothing gives bokmål,
 * as a slug that does not exist does.
 */
export async function publicPageLanguage(url: URL, slug: string | undefined): Promise<Language> {
  const asked = url.searchParams.get("lang");
  if (isLanguage(asked)) return asked;
  if (!slug) return DEFAULT_LANGUAGE;
  return (await findPublicScope(db(), slug))?.defaultLanguage ?? DEFAULT_LANGUAGE;
}
