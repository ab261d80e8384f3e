import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ResourceLanguage } from "i18next";
import type { Language } from "../../db/schema";
import { LANGUAGES, addLanguage, i18nFor } from "./config";

/**
 * The texts are read from app/locales, the files translators work on, so a language is a folder
 * and nothing else. This module runs from the source (tsx, vitest) and bundled into
 * build/index.js by Remix; the folder is looked for next to either.
 */
export function localesFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, "..", "locales"), path.join(here, "..", "app", "locales")];
  const found = candidates.find((folder) => existsSync(folder));
  if (!found) throw new Error(`The texts (app/locales) were not found; looked in: ${candidates.join(", ")}`);
  return found;
}

/** A language's namespaces, one JSON file each, as i18next takes them. */
export function readLanguage(folder: string, lng: string): ResourceLanguage {
  const files = readdirSync(path.join(folder, lng))
    .filter((file) => file.endsWith(".json"))
    .sort();
  return Object.fromEntries(
    files.map((file) => [file.slice(0, -".json".length), JSON.parse(readFileSync(path.join(folder, lng, file), "utf8"))]),
  );
}

const folder = localesFolder();
const texts = new Map(
  LANGUAGES.map((lng) => {
    const resources = readLanguage(folder, lng);
    addLanguage(lng, resources);
    const body = JSON.stringify(resources);
    return [lng, { body, version: createHash("sha256").update(body).digest("hex").slice(0, 12) }] as const;
  }),
);

/** One language's texts, for the browser: what the page needs and nothing of the other languages. */
export function languageTexts(lng: Language): { body: string; version: string } {
  return texts.get(lng)!;
}

/** Where the browser fetches a language's texts; the version changes with them, so they are cached for good. */
export function textsUrl(lng: Language): string {
  return `/texts/${lng}?v=${languageTexts(lng).version}`;
}

export { i18nFor };
