import { describe, expect, it } from "vitest";
import { i18nFor, LANGUAGES, resources } from "../../app/i18n/config";
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

describe("translations", () => {
  const nb = leaves(resources.nb.translation as unknown as Tree);

  it.each(["nn", "en"] as const)("%s has exactly the keys of nb, with the same placeholders", (lang) => {
    const other = leaves(resources[lang].translation as unknown as Tree);
    expect([...other.keys()].sort()).toEqual([...nb.keys()].sort());
    for (const [key, value] of nb) {
      const translated = other.get(key)!;
      expect(typeof translated, key).toBe(typeof value);
      if (typeof value === "string") expect(placeholders(translated as string), key).toEqual(placeholders(value));
      else expect((translated as string[]).length, key).toBe(value.length);
    }
  });

  it.each(LANGUAGES)("%s has no empty text", (lang) => {
    for (const [key, value] of leaves(resources[lang].translation as unknown as Tree)) {
      const texts = Array.isArray(value) ? value : [value];
      for (const text of texts) expect(text.trim().length, `${lang}:${key}`).toBeGreaterThan(0);
    }
  });

  it("nynorsk is not a copy of bokmål", () => {
    const nn = leaves(resources.nn.translation as unknown as Tree);
    const differing = [...nb.keys()].filter((k) => JSON.stringify(nb.get(k)) !== JSON.stringify(nn.get(k)));
    expect(differing.length).toBeGreaterThan(nb.size / 3);
  });

  it.each(LANGUAGES)("%s names every role and every uptake status", (lang) => {
    const t = i18nFor(lang).t;
    for (const role of COOPERATION_ROLES) expect(t(`roles.${role}`)).not.toBe(`roles.${role}`);
    for (const status of UPTAKE_SCALE) expect(t(`uptakeStatus.${status}`)).not.toBe(`uptakeStatus.${status}`);
  });

  it("pluralises and interpolates", () => {
    expect(i18nFor("nb").t("overview.members", { count: 1 })).toBe("1 deltakerkommune");
    expect(i18nFor("nn").t("overview.members", { count: 11 })).toBe("11 deltakarkommunar");
    expect(i18nFor("en").t("overview.members", { count: 2 })).toBe("2 member municipalities");
  });
});
