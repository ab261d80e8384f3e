import type { CostKey } from "../../db/schema";

/*
 * Cost sharing (fordelingsnøkkel) among a measure's participating municipalities. Amounts are in
 * øre; shares are exact to the øre and always sum to the total: each municipality gets the whole
 * øre of its exact share, and the øre left over go one each to the largest remainders
 * (largest-remainder / Hamilton method). Weights are integers and the arithmetic is BigInt, so
 * no floating-point rounding can make the shares drift from the total.
 */

export interface Participant {
  id: string;
  population: number | null;
  /** custom key: share in basis points (1/100 of a percent) */
  customBasisPoints?: number | null;
}

export type CostKeySpec =
  | { kind: "equal" }
  | { kind: "population" }
  /** `equalPercent` % shared equally, the rest by population (e.g. 30/70) */
  | { kind: "mixed"; equalPercent: number }
  | { kind: "custom" };

export type CostSharingError =
  | { code: "noParticipants" }
  | { code: "negativeAmount" }
  | { code: "populationMissing"; ids: string[] }
  | { code: "equalPercentOutOfRange" }
  | { code: "customSum"; sumBasisPoints: number }
  | { code: "customMissing"; ids: string[] };

export type CostSharingResult = { ok: true; shares: Map<string, number> } | { ok: false; error: CostSharingError };

export const FULL_BASIS_POINTS = 10_000;

export function costKeySpec(key: CostKey, equalPercent: number | null): CostKeySpec {
  return key === "mixed" ? { kind: "mixed", equalPercent: equalPercent ?? 0 } : { kind: key };
}

function weights(participants: readonly Participant[], key: CostKeySpec): bigint[] | CostSharingError {
  const n = BigInt(participants.length);
  if (key.kind === "equal") return participants.map(() => 1n);
  if (key.kind === "custom") {
    const missing = participants.filter((p) => p.customBasisPoints == null || p.customBasisPoints < 0).map((p) => p.id);
    if (missing.length) return { code: "customMissing", ids: missing };
    const sum = participants.reduce((s, p) => s + (p.customBasisPoints ?? 0), 0);
    if (sum !== FULL_BASIS_POINTS) return { code: "customSum", sumBasisPoints: sum };
    return participants.map((p) => BigInt(p.customBasisPoints!));
  }
  const missing = participants.filter((p) => p.population == null || p.population < 0).map((p) => p.id);
  if (missing.length) return { code: "populationMissing", ids: missing };
  const total = participants.reduce((s, p) => s + BigInt(p.population!), 0n);
  if (total === 0n) return { code: "populationMissing", ids: participants.map((p) => p.id) };
  if (key.kind === "population") return participants.map((p) => BigInt(p.population!));
  if (!Number.isInteger(key.equalPercent) || key.equalPercent < 0 || key.equalPercent > 100)
    return { code: "equalPercentOutOfRange" };
  // equal part e/100 · 1/n plus population part (100−e)/100 · pop/P, over the common denominator 100·n·P
  const e = BigInt(key.equalPercent);
  return participants.map((p) => e * total + (100n - e) * n * BigInt(p.population!));
}

export function shareCost(totalOre: number, participants: readonly Participant[], key: CostKeySpec): CostSharingResult {
  if (participants.length === 0) return { ok: false, error: { code: "noParticipants" } };
  if (!Number.isSafeInteger(totalOre) || totalOre < 0) return { ok: false, error: { code: "negativeAmount" } };
  const w = weights(participants, key);
  if (!Array.isArray(w)) return { ok: false, error: w };

  const total = BigInt(totalOre);
  const weightSum = w.reduce((s, x) => s + x, 0n);
  const floors = w.map((x) => (total * x) / weightSum);
  const remainders = w.map((x) => (total * x) % weightSum);
  let left = Number(total - floors.reduce((s, x) => s + x, 0n));
  // ties go to the larger weight, then to the earlier participant: deterministic and documented
  const order = participants
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : w[b] > w[a] ? 1 : w[b] < w[a] ? -1 : a - b,
    );
  for (const i of order) {
    if (left === 0) break;
    floors[i] += 1n;
    left--;
  }
  return { ok: true, shares: new Map(participants.map((p, i) => [p.id, Number(floors[i])])) };
}
