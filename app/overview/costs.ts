import type { CostFigures } from "./figures";
import { costKeySpec, shareCost } from "../measure/cost-sharing";
import type { OverviewBase, PopulationFigure } from "./load.server";
import { runsIn } from "./matrix";
import { participationOn } from "../cooperation/participation";
import { yearEnd } from "@shared-schema/dates";

/**
 * Each municipality's share of every measure running in the year, by the measure's cost-sharing
 * key, and the totals — the same arithmetic as the measure page (exact to the øre), from rows
 * already loaded. A measure whose key cannot be applied is left out of the shares and listed in
 * `unshared`, with the participants that have no population figure when that is why (a missing
 * figure is never taken as zero). `populationYears` are the years of the figures the shares used.
 */
export function buildCosts({
  base,
  year,
  populations,
}: {
  base: OverviewBase;
  year: number;
  /** municipality id → population for the key's year (the latest at or before it) */
  populations: (populationYear: number) => Map<string, PopulationFigure>;
}): CostFigures & { unshared: UnsharedMeasure[] } {
  const taking = participationOn(yearEnd(year), base);
  const municipalities = base.municipalities.filter((m) => taking.has(m.id)).sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const measures = base.measures.filter((m) => runsIn(m, year) && (m.investmentCost > 0 || m.runningCost > 0));
  const custom = new Map(base.chosen.map((c) => [`${c.measureId}|${c.municipalityId}`, c.customShareBp]));
  const unshared: UnsharedMeasure[] = [];
  const populationYears = new Set<number>();
  const shares = measures.map((m) => {
    const populationYear = m.populationYear ?? year;
    const population = populations(populationYear);
    const participating = municipalities.filter((mu) => taking.get(mu.id)!.has(m.id));
    const participants = participating.map((mu) => ({
      id: mu.id,
      population: population.get(mu.id)?.population ?? null,
      customBasisPoints: custom.get(`${m.id}|${mu.id}`) ?? null,
    }));
    const key = costKeySpec(m.costKey, m.equalPercent);
    const investment = shareCost(m.investmentCost, participants, key);
    const running = shareCost(m.runningCost, participants, key);
    const byPopulation = key.kind === "population" || (key.kind === "mixed" && key.equalPercent < 100);
    if (!investment.ok || !running.ok) {
      const missing = byPopulation ? participating.filter((mu) => !population.has(mu.id)).map((mu) => mu.name) : [];
      unshared.push({ number: m.number, populationYear, missing });
      return null;
    }
    if (byPopulation) for (const mu of participating) populationYears.add(population.get(mu.id)!.year);
    return { investment: investment.shares, running: running.shares };
  });
  const rows = municipalities.map((mu) => {
    const perMeasure = shares.map((s) =>
      s && s.investment.has(mu.id) ? { investment: s.investment.get(mu.id)!, running: s.running.get(mu.id)! } : null,
    );
    return {
      id: mu.id,
      name: mu.name,
      shares: perMeasure,
      totalInvestment: perMeasure.reduce((sum, s) => sum + (s?.investment ?? 0), 0),
      totalRunning: perMeasure.reduce((sum, s) => sum + (s?.running ?? 0), 0),
    };
  });
  return {
    year,
    measures: measures.map((m) => ({
      id: m.id,
      number: m.number,
      name: m.name,
      investment: m.investmentCost,
      running: m.runningCost,
    })),
    municipalities: rows,
    totalInvestment: rows.reduce((s, r) => s + r.totalInvestment, 0),
    totalRunning: rows.reduce((s, r) => s + r.totalRunning, 0),
    populationYears: [...populationYears].sort(),
    unshared,
  };
}

/** `missing`: the participants without a population figure at or before `populationYear`, when that is why */
export type UnsharedMeasure = NonNullable<CostFigures["unshared"]>[number];
