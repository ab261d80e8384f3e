import type { DB } from "../../db/connect";
import type { CostKey } from "../../db/schema";
import { participationOn } from "../cooperation/participation";
import { costKeySpec, shareCost, type CostSharingError, type Participant } from "./cost-sharing";
import { osloYear, yearEnd } from "@shared-schema/dates";
import type { CooperationId } from "../cooperation/scope.server";

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
  {
    cooperationId,
    measure,
    year,
  }: { cooperationId: CooperationId; measure: Pick<ShareMeasure, "id" | "allMembers">; year: number },
) {
  const [members, chosen] = await Promise.all([
    db
      .selectFrom("membership")
      .innerJoin("municipality", "municipality.id", "membership.municipality_id")
      .select(["municipality.id", "municipality.number", "municipality.name", "membership.joined_on", "membership.left_on"])
      .where("membership.cooperation_id", "=", cooperationId)
      .execute(),
    db
      .selectFrom("measure_participant")
      .select(["municipality_id", "custom_share_bp", "from_year", "to_year"])
      .where("measure_id", "=", measure.id)
      .execute(),
  ]);
  // the one participation rule (app/cooperation/participation.ts), on the year's last day
  const taking = participationOn(yearEnd(year), {
    memberships: members.map((m) => ({ municipalityId: m.id, joinedOn: m.joined_on, leftOn: m.left_on })),
    chosen: measure.allMembers
      ? []
      : chosen.map((c) => ({
          measureId: measure.id,
          municipalityId: c.municipality_id,
          fromYear: c.from_year,
          toYear: c.to_year,
        })),
    allMemberMeasureIds: measure.allMembers ? [measure.id] : [],
  });
  const custom = new Map(chosen.map((c) => [c.municipality_id, c.custom_share_bp]));
  const seen = new Set<string>();
  return members
    .filter((m) => taking.get(m.id)?.has(measure.id) && !seen.has(m.id) && seen.add(m.id))
    .map((m) => ({ id: m.id, number: m.number, name: m.name, customShareBp: custom.get(m.id) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, "nb"));
}

export async function measureShares(
  db: DB,
  { cooperationId, measure, year }: { cooperationId: CooperationId; measure: ShareMeasure; year: number },
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
          participants.map((p) => p.id),
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
  let year = osloYear(now);
  if (periodTo !== null && year > periodTo) year = periodTo;
  if (periodFrom !== null && year < periodFrom) year = periodFrom;
  return year;
}
