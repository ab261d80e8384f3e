import type { CustomTypeOptions } from "i18next";
import type { Language } from "../../db/schema";
import { readLanguage, localesFolder } from "../../app/i18n/i18n.server";

type Resources = CustomTypeOptions["resources"];

/** A language's texts as tests look them up: the common ones at the top, each domain's under its namespace. */
export type Messages = Resources["common"] & Omit<Resources, "common">;

function texts(lng: Language): Messages {
  const { common, ...domains } = readLanguage(localesFolder(), lng);
  return { ...(common as object), ...domains } as Messages;
}

export const nb = texts("nb");
export const nn = texts("nn");
export const en = texts("en");
export const TEXTS: Record<Language, Messages> = { nb, nn, en };
