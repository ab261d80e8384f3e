import { describe, expect, it } from "vitest";
import { shareCost, type CostKeySpec, type Participant } from "../../app/measure/cost-sharing";

const giske = { id: "giske", population: 7_764 };
const sula = { id: "sula", population: 8_933 };
const alesund = { id: "alesund", population: 47_199 };

function shares(total: number, participants: Participant[], key: CostKeySpec) {
  const result = shareCost(total, participants, key);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return Object.fromEntries(result.shares);
}

describe("cost sharing", () => {
  it("splits equally, giving the leftover øre to the first participants", () => {
    expect(shares(100_00, [giske, sula, alesund], { kind: "equal" })).toEqual({ giske: 33_34, sula: 33_33, alesund: 33_33 });
    expect(shares(2, [giske, sula, alesund], { kind: "equal" })).toEqual({ giske: 1, sula: 1, alesund: 0 });
  });

  it("splits by population", () => {
    const s = shares(1_000_000_00, [giske, sula, alesund], { kind: "population" });
    // exact shares in øre: 12 150 995.37…, 13 980 530.86…, 73 868 473.77…; the two øre left over
    // go to the two largest remainders (Sula .86, Ålesund .77)
    expect(s).toEqual({ giske: 12_150_995, sula: 13_980_531, alesund: 73_868_474 });
  });

  it("splits a 30/70 mix: 30 % equally, 70 % by population", () => {
    const total = 600_000_00;
    const s = shares(total, [giske, sula, alesund], { kind: "mixed", equalPercent: 30 });
    const P = 7_764 + 8_933 + 47_199;
    const exact = (pop: number) => (total * 0.3) / 3 + (total * 0.7 * pop) / P;
    for (const p of [giske, sula, alesund]) expect(Math.abs(s[p.id] - exact(p.population))).toBeLessThan(1);
    expect(s.giske + s.sula + s.alesund).toBe(total);
  });

  it("treats 100 % equal and 0 % equal mixes as the pure keys", () => {
    const ps = [giske, sula, alesund];
    expect(shares(12_345_67, ps, { kind: "mixed", equalPercent: 100 })).toEqual(shares(12_345_67, ps, { kind: "equal" }));
    expect(shares(12_345_67, ps, { kind: "mixed", equalPercent: 0 })).toEqual(shares(12_345_67, ps, { kind: "population" }));
  });

  it("uses custom percentages in basis points", () => {
    const ps = [
      { ...giske, customBasisPoints: 2_500 },
      { ...sula, customBasisPoints: 2_500 },
      { ...alesund, customBasisPoints: 5_000 },
    ];
    expect(shares(1_000_01, ps, { kind: "custom" })).toEqual({ giske: 25_000, sula: 25_000, alesund: 50_001 });
  });

  it("refuses custom keys that do not sum to 100 %", () => {
    const result = shareCost(
      100,
      [
        { ...giske, customBasisPoints: 5_000 },
        { ...sula, customBasisPoints: 4_000 },
      ],
      { kind: "custom" },
    );
    expect(result).toEqual({ ok: false, error: { code: "customSum", sumBasisPoints: 9_000 } });
    expect(shareCost(100, [giske, { ...sula, customBasisPoints: 10_000 }], { kind: "custom" })).toEqual({
      ok: false,
      error: { code: "customMissing", ids: ["giske"] },
    });
  });

  it("gives everything to a single participant", () => {
    for (const kind of ["equal", "population"] as const) expect(shares(999_99, [sula], { kind })).toEqual({ sula: 999_99 });
  });

  it("shares 0 NOK as zeros", () => {
    expect(shares(0, [giske, sula], { kind: "population" })).toEqual({ giske: 0, sula: 0 });
  });

  it("refuses population keys when population is missing or zero, and no participants at all", () => {
    expect(shareCost(100, [giske, { id: "ny", population: null }], { kind: "population" })).toEqual({
      ok: false,
      error: { code: "populationMissing", ids: ["ny"] },
    });
    expect(shareCost(100, [{ id: "a", population: 0 }], { kind: "mixed", equalPercent: 30 }).ok).toBe(false);
    expect(shareCost(100, [], { kind: "equal" })).toEqual({ ok: false, error: { code: "noParticipants" } });
    expect(shareCost(-1, [giske], { kind: "equal" })).toEqual({ ok: false, error: { code: "negativeAmount" } });
    expect(shareCost(100, [giske], { kind: "mixed", equalPercent: 101 })).toEqual({
      ok: false,
      error: { code: "equalPercentOutOfRange" },
    });
  });

  it("property: shares are never negative, always sum to the total, and differ from the exact share by less than one øre", () => {
    // a small deterministic generator (mulberry32), so a failure reproduces
    let seed = 20261122;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (max: number) => Math.floor(random() * (max + 1));
    for (let run = 0; run < 2_000; run++) {
      const n = 1 + int(40);
      const participants: Participant[] = Array.from({ length: n }, (_, i) => ({ id: `m${i}`, population: 1 + int(700_000) }));
      const total = int(run % 3 === 0 ? 100 : 50_000_000_00);
      const keys: ({ kind: "equal" } | { kind: "population" } | { kind: "mixed"; equalPercent: number })[] = [
        { kind: "equal" },
        { kind: "population" },
        { kind: "mixed", equalPercent: int(100) },
      ];
      for (const key of keys) {
        const result = shareCost(total, participants, key);
        expect(result.ok).toBe(true);
        if (!result.ok) continue;
        const values = [...result.shares.values()];
        expect(values.reduce((s, v) => s + v, 0)).toBe(total);
        expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
        const P = participants.reduce((s, p) => s + p.population!, 0);
        for (const p of participants) {
          const e = key.kind === "equal" ? 100 : key.kind === "population" ? 0 : key.equalPercent;
          const exact = (total * e) / 100 / n + (total * (100 - e) * p.population!) / 100 / P;
          expect(Math.abs(result.shares.get(p.id)! - exact)).toBeLessThan(1 + 1e-6 * total);
        }
      }
    }
  });
});
