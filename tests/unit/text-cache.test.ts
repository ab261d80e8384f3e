import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { LANGUAGES, NAMESPACES } from "../../app/i18n/config";
import { i18nFor } from "../../app/i18n/i18n.server";
import { withTextCache } from "../../app/i18n/text-cache";

type Tree = { [key: string]: string | string[] | Tree };

function keys(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" || Array.isArray(value) ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

// what useTranslation() asks the provider's instance for: its language, the first default namespace
// (typed as a component's t is, which takes every namespace)
const componentT = (lang: (typeof LANGUAGES)[number]) =>
  withTextCache(i18nFor(lang)).getFixedT(null, "common") as unknown as TFunction;

describe("the components' text cache", () => {
  it.each(LANGUAGES)("%s: every text, twice, is what i18next itself gives", (lang) => {
    const plain = i18nFor(lang);
    const cached = componentT(lang);
    const options = { returnObjects: true, year: 2024, name: "Ålesund", count: 2 };
    for (const ns of NAMESPACES) {
      for (const key of keys(plain.getResourceBundle(lang, ns) as Tree, `${ns}:`)) {
        for (let round = 0; round < 2; round++) {
          expect(cached(key as never), key).toEqual(plain.t(key as never));
          expect(cached(key as never, options as never), key).toEqual(plain.t(key as never, options as never));
        }
      }
    }
  });

  it("keeps lookups with different values apart", () => {
    const t = componentT("nb");
    const plain = i18nFor("nb");
    expect(t("overview:members", { count: 1 })).toBe("1 deltakerkommune");
    expect(t("overview:members", { count: 2 })).toBe("2 deltakerkommuner");
    expect(t("overview:members", { count: "1" } as never)).toBe(plain.t("overview:members", { count: "1" } as never));
    expect(t("overview:members", { count: 1 })).toBe("1 deltakerkommune");
    // a value that is not plain is looked up every time, never taken from the cache
    const date = new Date("2024-05-01T00:00:00Z");
    expect(t("overview:matrixTitle", { year: date, name: "A" } as never)).toBe(
      plain.t("overview:matrixTitle", { year: date, name: "A" } as never),
    );
    expect(t("overview:matrixTitle", { year: 2024, name: "A\u0000B" })).toContain("A\u0000B");
    expect(t("overview:matrixTitle", { year: 2024, name: "A" })).not.toContain("B");
  });

  it("leaves the instance as i18next made it", () => {
    const instance = i18nFor("nn");
    const view = withTextCache(instance);
    expect(view).toBe(withTextCache(instance));
    expect(view.getFixedT(null, "common")).toBe(view.getFixedT(null, "common"));
    expect(instance.getFixedT(null, "common")).not.toBe(instance.getFixedT(null, "common"));
    expect(view.language).toBe("nn");
  });
});
