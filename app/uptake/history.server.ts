import type { DB } from "../../db/connect";
import type { UptakeStatus } from "../../db/schema";
import { byNorwegianName } from "../i18n/collate";
import type { CooperationId } from "../cooperation/scope.server";

export interface TimelineEntry {
  id: string;
  seq: number;
  from: UptakeStatus | null;
  to: UptakeStatus;
  effectiveDate: string;
  createdAt: string;
  reporterName: string | null;
  comment: string;
  decisionReference: string | null;
  evidenceUrl: string | null;
  realisedBenefitText: string | null;
  benefits: { description: string; amount: number; unit: string | null }[];
  roundName: string | null;
  /** set by a change of the municipal map: the status a successor started from */
  derived: boolean;
}

export interface MunicipalityTimeline {
  municipalityId: string;
  municipalityName: string;
  /** latest first; the first entry is the current status */
  entries: TimelineEntry[];
}

/**
 * Every report on a measure as a timeline per municipality (who, when, from what to what, and
 * why), in the order the reports take effect (the same day: the order they were saved), so "from"
 * is the status in effect before and the newest entry is the one in effect now. Optionally for one
 * municipality only.
 */
export async function uptakeTimeline(
  db: DB,
  { cooperationId, measureId, municipalityId }: { cooperationId: CooperationId; measureId: string; municipalityId?: string },
): Promise<MunicipalityTimeline[]> {
  let query = db
    .selectFrom("uptake_report")
    .innerJoin("municipality", "municipality.id", "uptake_report.municipality_id")
    .leftJoin("app_user", "app_user.id", "uptake_report.reporter_id")
    .leftJoin("reporting_round", "reporting_round.id", "uptake_report.round_id")
    .select([
      "uptake_report.id",
      "uptake_report.seq",
      "uptake_report.municipality_id",
      "municipality.name as municipality_name",
      "uptake_report.status",
      "uptake_report.effective_date",
      "uptake_report.created_at",
      "uptake_report.comment",
      "uptake_report.decision_reference",
      "uptake_report.evidence_url",
      "uptake_report.realised_benefit_text",
      "app_user.name as reporter_name",
      "reporting_round.name as round_name",
      "uptake_report.succession_id",
    ])
    .where("uptake_report.cooperation_id", "=", cooperationId)
    .where("uptake_report.measure_id", "=", measureId);
  if (municipalityId) query = query.where("uptake_report.municipality_id", "=", municipalityId);
  const [reports, benefits] = await Promise.all([
    query.orderBy("uptake_report.municipality_id").orderBy("uptake_report.effective_date").orderBy("uptake_report.seq").execute(),
    db
      .selectFrom("uptake_benefit")
      .innerJoin("uptake_report", "uptake_report.id", "uptake_benefit.report_id")
      .innerJoin("measure_benefit", "measure_benefit.id", "uptake_benefit.benefit_id")
      .select(["uptake_benefit.report_id", "uptake_benefit.amount", "measure_benefit.description", "measure_benefit.unit"])
      .where("uptake_report.cooperation_id", "=", cooperationId)
      .where("uptake_report.measure_id", "=", measureId)
      .orderBy("measure_benefit.sort_order")
      .execute(),
  ]);
  const timelines = new Map<string, MunicipalityTimeline>();
  for (const r of reports) {
    const timeline = timelines.get(r.municipality_id) ?? {
      municipalityId: r.municipality_id,
      municipalityName: r.municipality_name,
      entries: [],
    };
    timeline.entries.unshift({
      id: r.id,
      seq: r.seq,
      from: timeline.entries[0]?.to ?? null,
      to: r.status,
      effectiveDate: r.effective_date,
      createdAt: r.created_at,
      reporterName: r.reporter_name,
      comment: r.comment,
      decisionReference: r.decision_reference,
      evidenceUrl: r.evidence_url,
      realisedBenefitText: r.realised_benefit_text,
      benefits: benefits
        .filter((b) => b.report_id === r.id)
        .map((b) => ({ description: b.description, amount: b.amount, unit: b.unit })),
      roundName: r.round_name,
      derived: r.succession_id !== null,
    });
    timelines.set(r.municipality_id, timeline);
  }
  return [...timelines.values()].sort(byNorwegianName((t) => t.municipalityName));
}

/** A change of the municipal map between two of the given municipalities: where one's history runs on in another's. */
export interface MapChangeLink {
  predecessorId: string;
  successorId: string;
  date: string;
}

export async function mapChangesBetween(db: DB, municipalityIds: string[]): Promise<MapChangeLink[]> {
  if (municipalityIds.length === 0) return [];
  const rows = await db
    .selectFrom("municipality_change")
    .select(["predecessor_id", "successor_id", "effective_date"])
    .where("predecessor_id", "in", municipalityIds)
    .where("successor_id", "in", municipalityIds)
    .whereRef("predecessor_id", "<>", "successor_id")
    .orderBy("effective_date")
    .execute();
  return rows.map((r) => ({ predecessorId: r.predecessor_id, successorId: r.successor_id, date: r.effective_date }));
}
