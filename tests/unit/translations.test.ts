import i18next from "i18next";
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
    for (const role of COOPERATION_ROLES) expect(t(`common:roles.${role}`)).not.toBe(`common:roles.${role}`);
    for (const status of UPTAKE_SCALE) expect(t(`common:uptakeStatus.${status}`)).not.toBe(`common:uptakeStatus.${status}`);
  });

  it("pluralises and interpolates", () => {
    expect(i18nFor("nb").t("overview:members", { count: 1 })).toBe("1 deltakerkommune");
    expect(i18nFor("nn").t("overview:members", { count: 11 })).toBe("11 deltakarkommunar");
    expect(i18nFor("en").t("overview:members", { count: 2 })).toBe("2 member municipalities");
  });
});

describe("cached text lookups", () => {
  // the same setup without the cache: every lookup must give what i18next itself gives
  const plain = (lng: (typeof LANGUAGES)[number]) => {
    const instance = i18next.createInstance();
    void instance.init({ lng, fallbackLng: false, resources, initAsync: false, interpolation: { escapeValue: false }, returnNull: false, showSupportNotice: false });
    return instance;
  };

  it.each(LANGUAGES)("%s: every text, twice, through t and a component's fixed t", (lang) => {
    const cached = i18nFor(lang);
    const fixed = cached.getFixedT(null, "translation");
    const reference = plain(lang);
    for (const key of leaves(resources[lang].translation as unknown as Tree).keys()) {
      const options = { returnObjects: true, year: 2024, name: "Ålesund", count: 2 };
      for (let round = 0; round < 2; round++) {
        expect(cached.t(key), key).toEqual(reference.t(key));
        expect(fixed(key), key).toEqual(reference.t(key));
        expect(fixed(key, options), key).toEqual(reference.t(key, options));
      }
    }
  });

  it("keeps lookups with different values apart", () => {
    const { t } = i18nFor("nb");
    expect(t("overview:members", { count: 1 })).toBe("1 deltakerkommune");
    expect(t("overview:members", { count: 2 })).toBe("2 deltakerkommuner");
    expect(t("overview:members", { count: "1" })).toBe(plain("nb").t("overview:members", { count: "1" }));
    expect(t("overview:members", { count: 1 })).toBe("1 deltakerkommune");
    // a value that is not plain is looked up every time, never taken from the cache
    const date = new Date("2024-05-01T00:00:00Z");
    expect(t("overview:matrixTitle", { year: date, name: "A" })).toBe(plain("nb").t("overview:matrixTitle", { year: date, name: "A" }));
    expect(t("overview:matrixTitle", { year: 2024, name: "A\u0000B" })).toContain("A\u0000B");
    expect(t("overview:matrixTitle", { year: 2024, name: "A" })).not.toContain("B");
  });

  it("answers a prefixed or other-language fixed t without the cache", () => {
    const nb = i18nFor("nb");
    expect(nb.getFixedT("en")("overview:members", { count: 2 })).toBe("2 member municipalities");
    expect(nb.getFixedT(null, "translation", "overview")("members", { count: 2 })).toBe("2 deltakerkommuner");
  });
});

