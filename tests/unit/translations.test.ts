import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TFunction } from "i18next";
import { afterAll, describe, expect, it } from "vitest";
import { createI18n, LANGUAGES, NAMESPACES } from "../../app/i18n/config";
import { i18nFor, localesFolder, readLanguage } from "../../app/i18n/i18n.server";
import { COOPERATION_ROLES } from "../../app/cooperation/permissions";
import { UPTAKE_SCALE } from "@shared-schema/uptake";

type Tree = { [key: string]: string | string[] | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string" || Array.isArray(value)) out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const files = Object.fromEntries(LANGUAGES.map((lng) => [lng, readLanguage(localesFolder(), lng) as Record<string, Tree>]));

describe("translations", () => {
  it.each(LANGUAGES)("%s has a file for every namespace and no other", (lang) => {
    expect(Object.keys(files[lang]).sort()).toEqual([...NAMESPACES].sort());
  });

  describe.each(NAMESPACES)("namespace %s", (ns) => {
    const nb = leaves(files.nb[ns]);

    it.each(["nn", "en"] as const)("%s has exactly the keys of nb, with the same placeholders", (lang) => {
      const other = leaves(files[lang][ns]);
      expect([...other.keys()].sort()).toEqual([...nb.keys()].sort());
      for (const [key, value] of nb) {
        const translated = other.get(key)!;
        expect(typeof translated, key).toBe(typeof value);
        if (typeof value === "string") expect(placeholders(translated as string), key).toEqual(placeholders(value));
        else expect((translated as string[]).length, key).toBe(value.length);
      }
    });

    it.each(LANGUAGES)("%s has no empty text", (lang) => {
      for (const [key, value] of leaves(files[lang][ns])) {
        const texts = Array.isArray(value) ? value : [value];
        for (const text of texts) expect(text.trim().length, `${lang}:${ns}:${key}`).toBeGreaterThan(0);
      }
    });
  });

  it("nynorsk is not a copy of bokmål", () => {
    const all = (lang: "nb" | "nn") =>
      NAMESPACES.flatMap((ns) => [...leaves(files[lang][ns])].map(([k, v]) => [`${ns}:${k}`, JSON.stringify(v)]));
    const nb = all("nb");
    const nn = new Map(all("nn") as [string, string][]);
    const differing = nb.filter(([key, value]) => nn.get(key) !== value);
    expect(differing.length).toBeGreaterThan(nb.length / 3);
  });

  it.each(LANGUAGES)("%s names every role and every uptake status", (lang) => {
    const i18n = i18nFor(lang);
    for (const role of COOPERATION_ROLES) expect(i18n.exists(`common:roles.${role}`), role).toBe(true);
    for (const status of UPTAKE_SCALE) expect(i18n.exists(`common:uptakeStatus.${status}`), status).toBe(true);
  });

  it("pluralises and interpolates", () => {
    expect(i18nFor("nb").t("overview:members", { count: 1 })).toBe("1 deltakerkommune");
    expect(i18nFor("nn").t("overview:members", { count: 11 })).toBe("11 deltakarkommunar");
    expect(i18nFor("en").t("overview:members", { count: 2 })).toBe("2 member municipalities");
  });
});

describe("a new language", () => {
  // a fourth language, made the way a translator adds one: a folder with a JSON file per namespace
  const folder = mkdtempSync(path.join(tmpdir(), "fl-locales-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(path.join(folder, "se"));
  writeFileSync(path.join(folder, "se", "common.json"), JSON.stringify({ shell: { logout: "Olggosčáliheapmi" } }));
  writeFileSync(path.join(folder, "se", "measure.json"), JSON.stringify({ nav: "Doaimmat", listTitle: "Doaimmat – {{name}}" }));

  it("is served by i18next from its folder alone", () => {
    const { t } = createI18n("se", { se: readLanguage(folder, "se") });
    expect(t("common:shell.logout")).toBe("Olggosčáliheapmi");
    expect(t("measure:nav")).toBe("Doaimmat");
    expect(t("measure:listTitle", { name: "Sunnmøre" })).toBe("Doaimmat – Sunnmøre");
  });
});

// Checked by `tsc`, not run: if the keys were no longer typed from the Bokmål files, these
// directives would be unused and the type check would fail.
export function keysAreTyped(t: TFunction) {
  // @ts-expect-error a misspelt key
  t("measure:catalogue.titel");
  // @ts-expect-error a key without its namespace
  t("catalogue.title");
  // @ts-expect-error a key in the wrong namespace
  t("common:nav");
  return t("measure:nav");
}
