import { useTranslation } from "react-i18next";
import type { CostFigures } from "./figures";
import { formatList } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";

/**
 * What the cost shares rest on: the years of the population figures used, and each measure whose
 * cost is left out of the shares, with the municipalities that have no figure when that is why.
 */
export function CostNotes({ costs }: { costs: CostFigures }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const unshared = costs.unshared ?? [];
  const missing = unshared.filter((u) => u.missing.length);
  const other = unshared.filter((u) => !u.missing.length).map((u) => u.number);
  return (
    <>
      {missing.map((u) => (
        <p key={u.number} className="ds-alert" data-color="warning">
          {t("overview:missingPopulation", { number: u.number, year: u.populationYear, names: formatList(lang, u.missing) })}
        </p>
      ))}
      {other.length ? (
        <p className="ds-alert" data-color="warning">
          {t("overview:unshared", { numbers: other.join(", ") })}
        </p>
      ) : null}
      {costs.populationYears?.length ? (
        <p className="ds-paragraph m-0">
          {t("overview:populationYears", { years: formatList(lang, costs.populationYears.map(String)) })}
        </p>
      ) : null}
    </>
  );
}
