import type { DB } from "../../db/connect";
import type { CostKey } from "../../db/schema";
import { costKeySpec, shareCost, type CostSharingError, type Participant } from "./cost-sharing";

/*
 * Each participating municipality's share of a measure's cost in one year. Participants are the
 * cooperation's members during that year (joined on or before 31 December and not left by then),
 * narrowed to the measure's chosen municipalities and their from/to years when the measure is
 * not for all members. So a municipality that joins or leaves changes the shares from that year
 * on, and earlier years keep theirs. Population comes from the register for the key's
 * population year (the share year when none is chosen), the latest year at or before it.
 */

export interface ShareRow {
  municipalityId: string;
  number: string;
  name: string;
  population: number | null;
  populationYear: number | null;
  customShareBp: number | null;
  investmentShare: number;
  runningShare: number;
}

export type SharesResult =
  | { ok: true; year: number; populationYear: number; rows: ShareRow[]; investmentTotal: number; runningTotal: number }
  | {
      ok: false;
      year: number;
      populationYear: number;
      error: CostSharingError;
      rows: Omit<ShareRow, "investmentShare" | "runningShare">[];
    };

export interface ShareMeasure {
  id: string;
  allMembers: boolean;
  costKey: CostKey;
  equalPercent: number | null;
  populationYear: number | null;
  investmentCost: number;
  runningCost: number;
}

export async function participantsInYear(
  db: DB,
  { cooperationId, measure, year }: { cooperationId: string; measure: Pick<ShareMeasure, "id" | "allMembers">; year: number }
) {
  const endOfYear = `${year}-12-31`;
  const members = await db
    .selectFrom("membership")
    .innerJoin("municipality", "municipality.id", "membership.municipality_id")
    .select(["municipality.id", "municipality.number", "municipality.name"])
    .where("membership.cooperation_id", "=", cooperationId)
    .where("membership.joined_on", "<=", endOfYear)
    .where((eb) => eb.or([eb("membership.left_on", "is", null), eb("membership.left_on", ">", endOfYear)]))
    .execute();
  const chosen = await db
    .selectFrom("measure_participant")
    .select(["municipality_id", "custom_share_bp", "from_year", "to_year"])
    .where("measure_id", "=", measure.id)
    .execute();
  const byId = new Map(chosen.map((c) => [c.municipality_id, c]));
  const seen = new Set<string>();
  return members
    .filter((m) => {
      if (seen.has(m.id)) return false;
      seen.add(m.id);
      if (measure.allMembers) return true;
      const c = byId.get(m.id);
      return Boolean(c) && (c!.from_year === null || c!.from_year <= year) && (c!.to_year === null || c!.to_year >= year);
    })
    .map((m) => ({ ...m, customShareBp: byId.get(m.id)?.custom_share_bp ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
}

export async function measureShares(
  db: DB,
  { cooperationId, measure, year }: { cooperationId: string; measure: ShareMeasure; year: number }
): Promise<SharesResult> {
  const populationYear = measure.populationYear ?? year;
  const participants = await participantsInYear(db, { cooperationId, measure, year });
  const populations = participants.length
    ? await db
        .selectFrom("municipality_population")
        .select(["municipality_id", "year", "population"])
        .where(
          "municipality_id",
          "in",
          participants.map((p) => p.id)
        )
        .where("year", "<=", populationYear)
        .orderBy("year")
        .execute()
    : [];
  const latest = new Map<string, { year: number; population: number }>();
  for (const p of populations) latest.set(p.municipality_id, { year: p.year, population: p.population });

  const rows = participants.map((p) => ({
    municipalityId: p.id,
    number: p.number,
    name: p.name,
    population: latest.get(p.id)?.population ?? null,
    populationYear: latest.get(p.id)?.year ?? null,
    customShareBp: p.customShareBp,
  }));
  const key = costKeySpec(measure.costKey, measure.equalPercent);
  const sharing: Participant[] = rows.map((r) => ({
    id: r.municipalityId,
    population: r.population,
    customBasisPoints: r.customShareBp,
  }));
  const investment = shareCost(measure.investmentCost, sharing, key);
  const running = shareCost(measure.runningCost, sharing, key);
  if (!investment.ok) return { ok: false, year, populationYear, error: investment.error, rows };
  if (!running.ok) return { ok: false, year, populationYear, error: running.error, rows };
  return {
    ok: true,
    year,
    populationYear,
    investmentTotal: measure.investmentCost,
    runningTotal: measure.runningCost,
    rows: rows.map((r) => ({
      ...r,
      investmentShare: investment.shares.get(r.municipalityId)!,
      runningShare: running.shares.get(r.municipalityId)!,
    })),
  };
}

/** The year the measure page opens on: this year, kept inside the measure's period. */
export function defaultShareYear(periodFrom: number | null, periodTo: number | null, now = new Date()): number {
  let year = now.getFullYear();
  if (periodTo !== null && year > periodTo) year = periodTo;
  if (periodFrom !== null && year < periodFrom) year = periodFrom;
  return year;
}
