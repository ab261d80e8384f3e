import type { Language } from "../../db/schema";
import { addLanguage, hasLanguage } from "./config";

/** The page's language only: the browser never loads the texts of the others until it shows one. */
export async function loadLanguage(lng: Language, url: string): Promise<void> {
  if (hasLanguage(lng)) return;
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`The texts of "${lng}" could not be loaded (${response.status})`);
  if (!hasLanguage(lng)) addLanguage(lng, await response.json());
}
