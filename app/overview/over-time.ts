import type { UptakeStatus } from "../../db/schema";
import type { UptakeSeries } from "./figures";
import { uptakeSummary } from "../uptake/uptake";
import type { OverviewBase } from "./load.server";
import { participationOn } from "../cooperation/participation";
import { osloDateOf, yearEnd } from "@shared-schema/dates";

export interface HistoryReport {
  measure_id: string;
  municipality_id: string;
  status: UptakeStatus;
  seq: number;
  effective_date: string;
}

export interface TimePoint {
  label: string;
  at: string;
}

/**
 * The points of the curves: the end of each year from the first report to this year (today for
 * this year), and each reporting round (its closing day, today while open), in date order.
 */
export function timePoints({
  reports,
  rounds,
  today,
}: {
  reports: readonly HistoryReport[];
  rounds: readonly { name: string; closedAt: string | null; openedAt: string }[];
  today: string;
}): TimePoint[] {
  if (reports.length === 0) return [];
  const first = Number(reports.reduce((min, r) => (r.effective_date < min ? r.effective_date : min), today).slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  const points: TimePoint[] = [];
  for (let y = first; y <= thisYear; y++) points.push({ label: String(y), at: y === thisYear ? today : yearEnd(y) });
  for (const r of rounds) points.push({ label: r.name, at: r.closedAt ? osloDateOf(r.closedAt) : today });
  return points.sort((a, b) => a.at.localeCompare(b.at) || a.label.localeCompare(b.label));
}

/**
 * Uptake % at each point, per measure and per focus area (all the area's participant pairs
 * pooled). Computed from the full report history in memory: the statuses on a day are each
 * pair's latest report taking effect by then.
 */
export function uptakeOverTime({
  base,
  reports,
  points,
}: {
  base: OverviewBase;
  reports: readonly HistoryReport[];
  points: readonly TimePoint[];
}): { measures: UptakeSeries[]; areas: UptakeSeries[] } {
  // one sweep in the order reports take effect (same day: the order they were saved), so per pair
  // the one applied last at each point is the one in effect then, as statusesOn has it
  const byDate = [...reports].sort((a, b) => a.effective_date.localeCompare(b.effective_date) || a.seq - b.seq);
  const status = new Map<string, UptakeStatus>();
  let next = 0;
  const measureRatios = new Map<string, (number | null)[]>(base.measures.map((m) => [m.id, []]));
  const areaRatios = new Map<string, (number | null)[]>(base.areas.map((a) => [a.id, []]));
  const ordered = [...points].sort((a, b) => a.at.localeCompare(b.at));
  for (const point of ordered) {
    for (; next < byDate.length && byDate[next].effective_date <= point.at; next++) {
      const r = byDate[next];
      const key = `${r.measure_id}|${r.municipality_id}`;
      status.set(key, r.status);
    }
    const taking = participationOn(point.at, base);
    const year = Number(point.at.slice(0, 4));
    const pooled = new Map<string, UptakeStatus[]>(base.areas.map((a) => [a.id, []]));
    for (const m of base.measures) {
      const running = (m.periodFrom === null || m.periodFrom <= year) && (m.periodTo === null || m.periodTo >= year);
      const statuses: UptakeStatus[] = [];
      if (running) {
        for (const [municipalityId, measures] of taking) {
          if (measures.has(m.id)) statuses.push(status.get(`${m.id}|${municipalityId}`) ?? "not_started");
        }
      }
      measureRatios.get(m.id)!.push(running ? uptakeSummary(statuses).ratio : null);
      for (const areaId of m.areaIds) pooled.get(areaId)?.push(...statuses);
    }
    for (const a of base.areas) areaRatios.get(a.id)!.push(uptakeSummary(pooled.get(a.id)!).ratio);
  }
  const series = (label: string, kind: UptakeSeries["kind"], ratios: (number | null)[]): UptakeSeries => ({
    label,
    kind,
    points: ordered.map((p, i) => ({ label: p.label, at: p.at, ratio: ratios[i] })),
  });
  return {
    measures: base.measures.map((m) => series(`${m.number}. ${m.name}`, "measure", measureRatios.get(m.id)!)),
    areas: base.areas.map((a) => series(a.title, "focusArea", areaRatios.get(a.id)!)),
  };
}
