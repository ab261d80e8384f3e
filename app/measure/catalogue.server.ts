import type { DB } from "../../db/connect";
import type { MeasureStatus, StrategyStatus, UptakeStatus } from "../../db/schema";
import { osloToday } from "@shared-schema/dates";
import { statusesOn } from "../uptake/statuses.server";
import { uptakeSummary, type UptakeSummary } from "../uptake/uptake";
import { MEASURE_STATUSES, type MeasureFilters } from "@shared-schema/measure";
import type { CooperationId } from "../cooperation/scope.server";

/*
 * The measure catalogue (tiltak) and what the measure page and the forms need to show:
 * the cooperation's focus areas and goals and its members.
 */

export interface CatalogueRow {
  id: string;
  number: number;
  name: string;
  status: MeasureStatus;
  statusText: string | null;
  priority: number | null;
  periodFrom: number | null;
  periodTo: number | null;
  allMembers: boolean;
  participantCount: number;
  focusAreaTitles: string[];
  uptake: UptakeSummary;
}

export interface Catalogue {
  total: number;
  rows: CatalogueRow[];
  /** per status, among the rows the filters let through */
  byStatus: Partial<Record<MeasureStatus, number>>;
}

export async function listMeasures(
  db: DB,
  { cooperationId, filters }: { cooperationId: CooperationId; filters: MeasureFilters },
): Promise<Catalogue> {
  const measures = await db
    .selectFrom("measure")
    .select(["id", "number", "name", "status", "status_text", "priority", "period_from", "period_to", "all_members"])
    .where("cooperation_id", "=", cooperationId)
    .execute();
  const ids = measures.map((m) => m.id);
  const [areas, goals, participants, members, latest] = ids.length
    ? await Promise.all([
        db
          .selectFrom("measure_focus_area")
          .innerJoin("focus_area", "focus_area.id", "measure_focus_area.focus_area_id")
          .select(["measure_focus_area.measure_id", "focus_area.id", "focus_area.title", "focus_area.sort_order"])
          .where("focus_area.cooperation_id", "=", cooperationId)
          .orderBy("focus_area.sort_order")
          .execute(),
        db
          .selectFrom("measure_goal")
          .innerJoin("goal", "goal.id", "measure_goal.goal_id")
          .select(["measure_goal.measure_id", "goal.id"])
          .where("goal.cooperation_id", "=", cooperationId)
          .execute(),
        db
          .selectFrom("measure_participant")
          .innerJoin("measure", "measure.id", "measure_participant.measure_id")
          .select(["measure_participant.measure_id", "measure_participant.municipality_id"])
          .where("measure.cooperation_id", "=", cooperationId)
          .execute(),
        currentMemberIds(db, cooperationId),
        statusesOn(db, { cooperationId, date: osloToday() }),
      ])
    : [[], [], [], [], new Map<string, UptakeStatus>()];

  const rows: CatalogueRow[] = measures.map((m) => {
    const chosen = participants.filter((p) => p.measure_id === m.id).map((p) => p.municipality_id);
    const taking = m.all_members ? members : chosen.filter((id) => members.includes(id));
    return {
      id: m.id,
      number: m.number,
      name: m.name,
      status: m.status,
      statusText: m.status_text,
      priority: m.priority,
      periodFrom: m.period_from,
      periodTo: m.period_to,
      allMembers: m.all_members === 1,
      participantCount: taking.length,
      focusAreaTitles: areas.filter((a) => a.measure_id === m.id).map((a) => a.title),
      uptake: uptakeSummary(taking.map((id) => latest.get(`${m.id}|${id}`) ?? "not_started")),
    };
  });

  const f = filters;
  const filtered = rows.filter((r) => {
    if (f.focusArea && !areas.some((a) => a.measure_id === r.id && a.id === f.focusArea)) return false;
    if (f.goal && !goals.some((g) => g.measure_id === r.id && g.id === f.goal)) return false;
    if (f.status && r.status !== f.status) return false;
    if (f.municipality) {
      const takesPart = r.allMembers
        ? members.includes(f.municipality)
        : participants.some((p) => p.measure_id === r.id && p.municipality_id === f.municipality);
      if (!takesPart) return false;
    }
    if (f.year !== undefined) {
      if (r.periodFrom !== null && r.periodFrom > f.year) return false;
      if (r.periodTo !== null && r.periodTo < f.year) return false;
    }
    return true;
  });

  const collator = new Intl.Collator("nb");
  const nullsLast = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);
  const compare: Record<MeasureFilters["sort"], (a: CatalogueRow, b: CatalogueRow) => number> = {
    number: (a, b) => a.number - b.number,
    name: (a, b) => collator.compare(a.name, b.name),
    status: (a, b) => MEASURE_STATUSES.indexOf(a.status) - MEASURE_STATUSES.indexOf(b.status),
    priority: (a, b) => nullsLast(a.priority, b.priority),
    period: (a, b) => nullsLast(a.periodFrom, b.periodFrom) || nullsLast(a.periodTo, b.periodTo),
  };
  const sign = f.dir === "desc" ? -1 : 1;
  filtered.sort((a, b) => sign * compare[f.sort](a, b) || a.number - b.number);

  const byStatus: Partial<Record<MeasureStatus, number>> = {};
  for (const r of filtered) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  return { total: rows.length, rows: filtered, byStatus };
}

async function currentMemberIds(db: DB, cooperationId: CooperationId): Promise<string[]> {
  const today = osloToday();
  const rows = await db
    .selectFrom("membership")
    .select("municipality_id")
    .where("cooperation_id", "=", cooperationId)
    .where("joined_on", "<=", today)
    .where((eb) => eb.or([eb("left_on", "is", null), eb("left_on", ">", today)]))
    .execute();
  return [...new Set(rows.map((r) => r.municipality_id))];
}

export interface StrategyOption {
  id: string;
  title: string;
  status: StrategyStatus;
  focusAreas: { id: string; title: string; goals: { id: string; text: string }[] }[];
}

/** Every strategy's focus areas and goals (newest strategy first), for the form and the filters. */
export async function listFocusAreasAndGoals(
  db: DB,
  { cooperationId }: { cooperationId: CooperationId },
): Promise<StrategyOption[]> {
  const [strategies, areas, goals] = await Promise.all([
    db
      .selectFrom("strategy")
      .select(["id", "title", "status", "period_from"])
      .where("cooperation_id", "=", cooperationId)
      .orderBy("period_from", "desc")
      .orderBy("created_at", "desc")
      .execute(),
    db
      .selectFrom("focus_area")
      .select(["id", "title", "strategy_id"])
      .where("cooperation_id", "=", cooperationId)
      .orderBy("sort_order")
      .execute(),
    db
      .selectFrom("goal")
      .select(["id", "text", "focus_area_id"])
      .where("cooperation_id", "=", cooperationId)
      .orderBy("sort_order")
      .execute(),
  ]);
  return strategies
    .map((s) => ({
      id: s.id,
      title: s.title,
      status: s.status,
      focusAreas: areas
        .filter((a) => a.strategy_id === s.id)
        .map((a) => ({
          id: a.id,
          title: a.title,
          goals: goals.filter((g) => g.focus_area_id === a.id).map((g) => ({ id: g.id, text: g.text })),
        })),
    }))
    .filter((s) => s.focusAreas.length > 0);
}

export interface MemberOption {
  municipalityId: string;
  number: string;
  name: string;
  /** null for a current member */
  leftOn: string | null;
}

/** Current members, and former members (for a measure's history), by name. */
export async function listMemberOptions(db: DB, { cooperationId }: { cooperationId: CooperationId }): Promise<MemberOption[]> {
  const today = osloToday();
  const rows = await db
    .selectFrom("membership")
    .innerJoin("municipality", "municipality.id", "membership.municipality_id")
    .select(["municipality.id", "municipality.number", "municipality.name", "membership.left_on", "membership.joined_on"])
    .where("membership.cooperation_id", "=", cooperationId)
    .orderBy("membership.joined_on")
    .execute();
  const byId = new Map<string, MemberOption>();
  for (const r of rows) {
    const leftOn = r.left_on !== null && r.left_on <= today ? r.left_on : null;
    const existing = byId.get(r.id);
    // a current membership wins over an earlier one that ended
    if (!existing || leftOn === null) byId.set(r.id, { municipalityId: r.id, number: r.number, name: r.name, leftOn });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "nb"));
}

/** Every measure of the cooperation by number, for the pages that pick measures from a list. */
export async function listMeasureChoices(db: DB, { cooperationId }: { cooperationId: CooperationId }) {
  return db
    .selectFrom("measure")
    .select(["id", "number", "name", "status"])
    .where("cooperation_id", "=", cooperationId)
    .orderBy("number")
    .execute();
}

export async function findMeasureByNumber(db: DB, { cooperationId, number }: { cooperationId: CooperationId; number: number }) {
  return db
    .selectFrom("measure")
    .select(["id", "number", "name"])
    .where("cooperation_id", "=", cooperationId)
    .where("number", "=", number)
    .executeTakeFirst();
}

/** The benefits of a measure that are counted in a unit, which a municipality reports on. */
export async function listMeasuredBenefits(
  db: DB,
  { cooperationId, measureId }: { cooperationId: CooperationId; measureId: string },
) {
  return db
    .selectFrom("measure_benefit")
    .innerJoin("measure", "measure.id", "measure_benefit.measure_id")
    .select(["measure_benefit.id", "measure_benefit.description", "measure_benefit.amount", "measure_benefit.unit"])
    .where("measure.cooperation_id", "=", cooperationId)
    .where("measure_benefit.measure_id", "=", measureId)
    .where("measure_benefit.unit", "is not", null)
    .orderBy("measure_benefit.sort_order")
    .execute();
}
