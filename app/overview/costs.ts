import type { CostFigures } from "../report/figures";
import { costKeySpec, shareCost } from "../measure/cost-sharing";
import type { OverviewBase } from "./load.server";
import { runsIn } from "./matrix";
import { participationOn } from "./participation";

/**
 * Each municipality's share of every measure running in the year, by the measure's cost-sharing
 * key, and the totals — the same arithmetic as the measure page (exact to the øre), from rows
 * already loaded. A measure whose key cannot be applied (e.g. a population missing) is left out
 * of the shares and listed in `unshared`.
 */
export function buildCosts({
  base,
  year,
  populations,
}: {
  base: OverviewBase;
  year: number;
  /** municipality id → population for the key's year (the latest at or before it) */
  populations: (populationYear: number) => Map<string, number>;
}): CostFigures & { unshared: number[] } {
  const taking = participationOn(`${year}-12-31`, base);
  const municipalities = base.municipalities.filter((m) => taking.has(m.id)).sort((a, b) => a.name.localeCompare(b.name, "nb"));
  const measures = base.measures.filter((m) => runsIn(m, year) && (m.investmentCost > 0 || m.runningCost > 0));
  const custom = new Map(base.chosen.map((c) => [`${c.measureId}|${c.municipalityId}`, c.customShareBp]));
  const unshared: number[] = [];
  const shares = measures.map((m) => {
    const population = populations(m.populationYear ?? year);
    const participants = municipalities
      .filter((mu) => taking.get(mu.id)!.has(m.id))
      .map((mu) => ({
        id: mu.id,
        population: population.get(mu.id) ?? null,
        customBasisPoints: custom.get(`${m.id}|${mu.id}`) ?? null,
      }));
    const key = costKeySpec(m.costKey, m.equalPercent);
    const investment = shareCost(m.investmentCost, participants, key);
    const running = shareCost(m.runningCost, participants, key);
    if (!investment.ok || !running.ok) {
      unshared.push(m.number);
      return null;
    }
    return { investment: investment.shares, running: running.shares };
  });
  const rows = municipalities.map((mu) => {
    const perMeasure = shares.map((s) =>
      s && s.investment.has(mu.id) ? { investment: s.investment.get(mu.id)!, running: s.running.get(mu.id)! } : null
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
    unshared,
  };
}
