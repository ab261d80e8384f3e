import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { DB } from "../../db/connect";
import { isPostgres } from "../../db/dialect";
import type { Database, Language, NewMailMessage, UptakeStatus } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { participationRows } from "../cooperation/participation.server";
import type { CooperationId } from "../cooperation/scope.server";
import { i18nFor } from "../i18n/i18n.server";
import { formatDate, formatList } from "../i18n/format";
import { composeReporterMovedMail, recipientLanguage } from "../mail/compose";
import { dueNow } from "../mail/queue.server";
import { reportsInEffectOn } from "../uptake/statuses.server";
import { transact } from "../utils/concurrency.server";
import { absoluteUrl } from "../utils/origin.server";
import { dayBefore, planSuccession, type CooperationState, type RegisterChange, type SuccessionPlan } from "./rules";

/*
 * Reads a cooperation's state for a change of the municipal map, asks the rules what to do, and
 * writes it: once per cooperation and date, in one transaction with one audit event.
 */

type Executor = DB | Transaction<Database>;

/** The register's changes of one day that touch the cooperation: a predecessor was a member the day before. */
export interface ChangeDay {
  date: string;
  changes: RegisterChange[];
  /** when it was carried through, and by whom (null: by itself) */
  applied: { id: string; at: string; byName: string | null } | null;
}

/** Every day on which the map changed for a member of the cooperation, oldest first. */
export async function changeDays(db: Executor, cooperationId: CooperationId): Promise<ChangeDay[]> {
  const dates = await db
    .selectFrom("municipality_change as c")
    .innerJoin("membership as m", "m.municipality_id", "c.predecessor_id")
    .select("c.effective_date")
    .distinct()
    .where("m.cooperation_id", "=", cooperationId)
    .whereRef("m.joined_on", "<", "c.effective_date")
    .where((eb) => eb.or([eb("m.left_on", "is", null), eb("m.left_on", ">=", eb.ref("c.effective_date"))]))
    .orderBy("c.effective_date")
    .execute();
  if (dates.length === 0) return [];
  const days = dates.map((d) => d.effective_date);
  const [changes, applied] = await Promise.all([
    registerChangesOn(db, days),
    db
      .selectFrom("succession")
      .leftJoin("app_user", "app_user.id", "succession.applied_by")
      .select(["succession.id", "succession.effective_date", "succession.applied_at", "app_user.name"])
      .where("succession.cooperation_id", "=", cooperationId)
      .execute(),
  ]);
  return days.map((date) => {
    const done = applied.find((a) => a.effective_date === date);
    return {
      date,
      changes: changes.filter((c) => c.date === date),
      applied: done ? { id: done.id, at: done.applied_at, byName: done.name } : null,
    };
  });
}

/** All of the register's changes on the given days, with the municipalities they name. */
async function registerChangesOn(db: Executor, days: string[]): Promise<RegisterChange[]> {
  const rows = await db
    .selectFrom("municipality_change as c")
    .innerJoin("municipality as p", "p.id", "c.predecessor_id")
    .innerJoin("municipality as s", "s.id", "c.successor_id")
    .select([
      "c.effective_date",
      "c.kind",
      "c.partial",
      "p.id as p_id",
      "p.number as p_number",
      "p.name as p_name",
      "s.id as s_id",
      "s.number as s_number",
      "s.name as s_name",
      "s.valid_from as s_valid_from",
    ])
    .where("c.effective_date", "in", days)
    .orderBy("s.number")
    .orderBy("p.number")
    .execute();
  return rows.map((r) => ({
    date: r.effective_date,
    kind: r.kind,
    partial: r.partial === 1,
    predecessor: { id: r.p_id, number: r.p_number, name: r.p_name },
    successor: { id: r.s_id, number: r.s_number, name: r.s_name, isNew: r.s_valid_from === r.effective_date },
  }));
}

/** What the rules need to know of the cooperation around `date`. */
async function successionState(db: Executor, cooperationId: CooperationId, date: string): Promise<CooperationState> {
  const year = Number(date.slice(0, 4));
  const [rows, statusesBefore, onDay, reporters, population, cooperation] = await Promise.all([
    participationRows(db, { cooperationId }),
    reportsInEffectOn(db, { cooperationId, date: dayBefore(date) }),
    db
      .selectFrom("uptake_report")
      .select(["measure_id", "municipality_id"])
      .where("cooperation_id", "=", cooperationId)
      .where("effective_date", "=", date)
      .execute(),
    db
      .selectFrom("role_grant")
      .select(["id", "user_id", "municipality_id"])
      .where("cooperation_id", "=", cooperationId)
      .where("role", "=", "reporter")
      .execute(),
    db
      .selectFrom("municipality_population")
      .select(["municipality_id", "population"])
      .where("year", "<=", year)
      .orderBy("year")
      .execute(),
    db.selectFrom("cooperation").select("host_municipality_id").where("id", "=", cooperationId).executeTakeFirstOrThrow(),
  ]);
  return {
    memberships: rows.memberships,
    allMemberMeasureIds: rows.allMemberMeasureIds,
    participants: rows.chosen,
    statusesBefore,
    reportedOnDay: new Set(onDay.map((r) => `${r.measure_id}|${r.municipality_id}`)),
    reporters: reporters.map((r) => ({ grantId: r.id, userId: r.user_id, municipalityId: r.municipality_id! })),
    // ordered by year, so each municipality ends with its latest figure up to the year
    population: new Map(population.map((p) => [p.municipality_id, p.population])),
    hostMunicipalityId: cooperation.host_municipality_id,
  };
}

export interface Preview {
  day: ChangeDay;
  plan: SuccessionPlan;
}

/** What carrying the change of `date` through would do now; null when no change of that day touches the cooperation. */
async function previewSuccession(db: Executor, cooperationId: CooperationId, date: string): Promise<Preview | null> {
  const day = (await changeDays(db, cooperationId)).find((d) => d.date === date);
  if (!day) return null;
  const plan = planSuccession(date, day.changes, await successionState(db, cooperationId, date));
  return { day, plan };
}

export class SuccessionNotDueError extends Error {
  constructor(readonly date: string) {
    super(`the change of ${date} has not taken effect yet`);
  }
}

export type CarryResult = { status: "applied"; plan: SuccessionPlan } | { status: "alreadyDone" } | { status: "none" };

/**
 * Carries the change of `date` through the cooperation: by a secretariat (`actorId`) from the day
 * itself, or by the background job (`actorId` null). Done once: a second call finds it done.
 */
export async function carryThrough(
  db: DB,
  {
    cooperationId,
    date,
    actorId,
    today,
    now = new Date(),
  }: {
    cooperationId: CooperationId;
    date: string;
    actorId: string | null;
    /** Europe/Oslo's date */
    today: string;
    now?: Date;
  },
): Promise<CarryResult> {
  if (date > today) throw new SuccessionNotDueError(date);
  return transact(db, async (trx) => {
    const done = await trx
      .selectFrom("succession")
      .select("id")
      .where("cooperation_id", "=", cooperationId)
      .where("effective_date", "=", date)
      .executeTakeFirst();
    if (done) return { status: "alreadyDone" as const };
    const preview = await previewSuccession(trx, cooperationId, date);
    if (!preview) return { status: "none" as const };
    const id = randomUUID();
    await trx
      .insertInto("succession")
      .values({ id, cooperation_id: cooperationId, effective_date: date, applied_at: now.toISOString(), applied_by: actorId })
      .execute();
    await writePlan(trx, cooperationId, id, preview, now);
    await recordAudit(trx, {
      cooperationId,
      actorId,
      action: "succession.applied",
      entityType: "succession",
      entityId: id,
      after: { byItself: actorId === null, ...preview.plan },
    });
    return { status: "applied" as const, plan: preview.plan };
  });
}

async function writePlan(
  trx: Transaction<Database>,
  cooperationId: CooperationId,
  successionId: string,
  { day, plan }: Preview,
  now: Date,
) {
  for (const end of plan.endMemberships) {
    await trx
      .updateTable("membership")
      .set({ left_on: plan.date })
      .where("id", "=", end.membershipId)
      .where("cooperation_id", "=", cooperationId)
      .execute();
  }
  for (const start of plan.startMemberships) {
    await trx
      .insertInto("membership")
      .values({
        id: randomUUID(),
        cooperation_id: cooperationId,
        municipality_id: start.municipalityId,
        joined_on: plan.date,
        left_on: null,
        predecessor_membership_id: start.predecessorMembershipId,
      })
      .execute();
  }
  for (const p of plan.participations) {
    const row = { custom_share_bp: p.customShareBp, from_year: p.fromYear, to_year: p.toYear };
    await trx
      .insertInto("measure_participant")
      .values({ measure_id: p.measureId, municipality_id: p.municipalityId, ...row })
      // a successor that took part once before and stopped takes part again from the change
      .onConflict((oc) => oc.columns(["measure_id", "municipality_id"]).doUpdateSet(row))
      .execute();
  }
  if (plan.host) {
    await trx
      .updateTable("cooperation")
      .set((eb) => ({
        host_municipality_id: plan.host!.toMunicipalityId,
        version: eb("version", "+", 1),
        updated_at: now.toISOString(),
      }))
      .where("id", "=", cooperationId)
      .execute();
  }
  await writeUptake(trx, cooperationId, successionId, day, plan, now);
  await moveReporters(trx, cooperationId, day, plan, now);
}

const nameOf = (day: ChangeDay, id: string) => {
  const m = day.changes.flatMap((c) => [c.predecessor, c.successor]).find((x) => x.id === id);
  return m ? `${m.name} (${m.number})` : id;
};

async function cooperationLanguage(trx: Transaction<Database>, cooperationId: CooperationId) {
  return trx
    .selectFrom("cooperation")
    .select(["name", "slug", "default_language"])
    .where("id", "=", cooperationId)
    .executeTakeFirstOrThrow();
}

/** The system comment of a starting status: which predecessors, with which statuses, in the cooperation's language. */
function startingComment(language: Language, day: ChangeDay, start: SuccessionPlan["uptake"][number]): string {
  const { t } = i18nFor(language);
  const sources = start.sources.map((s) =>
    t("succession:comment.source", { municipality: nameOf(day, s.municipalityId), status: t(`common:uptakeStatus.${s.status}`) }),
  );
  return t("succession:comment.text", {
    date: formatDate(language, day.date),
    sources: formatList(language, sources),
    status: t(`common:uptakeStatus.${start.status}`),
  });
}

async function writeUptake(
  trx: Transaction<Database>,
  cooperationId: CooperationId,
  successionId: string,
  day: ChangeDay,
  plan: SuccessionPlan,
  now: Date,
) {
  if (plan.uptake.length === 0) return;
  const measureIds = [...new Set(plan.uptake.map((u) => u.measureId))].sort();
  // the same lock order as a reporter's save, so the two queue instead of racing for the next seq
  if (isPostgres(trx)) {
    await trx
      .selectFrom("measure")
      .select("id")
      .where("id", "in", measureIds)
      .where("cooperation_id", "=", cooperationId)
      .orderBy("id")
      .forUpdate()
      .execute();
  }
  const last = await trx
    .selectFrom("uptake_report")
    .select(["measure_id", "municipality_id", (eb) => eb.fn.max("seq").as("seq")])
    .where("cooperation_id", "=", cooperationId)
    .where("measure_id", "in", measureIds)
    .groupBy(["measure_id", "municipality_id"])
    .execute();
  const seqOf = (u: { measureId: string; municipalityId: string }) =>
    Number(last.find((l) => l.measure_id === u.measureId && l.municipality_id === u.municipalityId)?.seq ?? 0) + 1;
  const { default_language: language } = await cooperationLanguage(trx, cooperationId);
  const rows = plan.uptake.map((u) => ({
    id: randomUUID(),
    cooperation_id: cooperationId,
    measure_id: u.measureId,
    municipality_id: u.municipalityId,
    status: u.status as UptakeStatus,
    comment: startingComment(language, day, u),
    effective_date: plan.date,
    reporter_id: null,
    round_id: null,
    derived_from_report_id: u.derivedFromReportId,
    succession_id: successionId,
    seq: seqOf(u),
    created_at: now.toISOString(),
  }));
  await trx.insertInto("uptake_report").values(rows).execute();
}

async function moveReporters(
  trx: Transaction<Database>,
  cooperationId: CooperationId,
  day: ChangeDay,
  plan: SuccessionPlan,
  now: Date,
) {
  if (plan.reporters.length === 0) return;
  const cooperation = await cooperationLanguage(trx, cooperationId);
  const users = await trx
    .selectFrom("app_user")
    .select(["id", "name", "email", "language", "disabled_at"])
    .where(
      "id",
      "in",
      plan.reporters.map((r) => r.userId),
    )
    .execute();
  const standards = await trx
    .selectFrom("municipality")
    .select(["id", "written_standard"])
    .where(
      "id",
      "in",
      plan.reporters.map((r) => r.toMunicipalityId),
    )
    .execute();
  const mail: NewMailMessage[] = [];
  for (const move of plan.reporters) {
    await trx
      .updateTable("role_grant")
      .set({ municipality_id: move.toMunicipalityId, moved_from_municipality_id: move.fromMunicipalityId })
      .where("id", "=", move.grantId)
      .where("cooperation_id", "=", cooperationId)
      .execute();
    const user = users.find((u) => u.id === move.userId);
    if (!user || user.disabled_at) continue;
    const language = recipientLanguage({
      userLanguage: user.language,
      writtenStandard: standards.find((s) => s.id === move.toMunicipalityId)?.written_standard ?? null,
      cooperationLanguage: cooperation.default_language,
    });
    const { subject, bodyText } = composeReporterMovedMail({
      language,
      recipientName: user.name,
      cooperationName: cooperation.name,
      date: plan.date,
      from: nameOf(day, move.fromMunicipalityId),
      to: nameOf(day, move.toMunicipalityId),
      link: absoluteUrl(`/c/${cooperation.slug}/uptake`),
    });
    mail.push({
      ...dueNow(now),
      cooperation_id: cooperationId,
      round_id: null,
      plan_version_id: null,
      municipality_id: move.toMunicipalityId,
      recipient_id: user.id,
      to_address: user.email,
      language,
      kind: "reporter_moved",
      subject,
      body_text: bodyText,
    });
  }
  if (mail.length) await trx.insertInto("mail_message").values(mail).execute();
}

/** A reporter's role moved over a change of the map, confirmed by the secretariat: it is theirs as it now is. */
export async function confirmMovedReporter(
  db: DB,
  { cooperationId, grantId, actorId }: { cooperationId: CooperationId; grantId: string; actorId: string },
): Promise<boolean> {
  return transact(db, async (trx) => {
    const grant = await trx
      .selectFrom("role_grant")
      .select(["id", "municipality_id", "moved_from_municipality_id"])
      .where("id", "=", grantId)
      .where("cooperation_id", "=", cooperationId)
      .where("moved_from_municipality_id", "is not", null)
      .executeTakeFirst();
    if (!grant) return false;
    await trx
      .updateTable("role_grant")
      .set({ moved_from_municipality_id: null })
      .where("id", "=", grant.id)
      .where("cooperation_id", "=", cooperationId)
      .execute();
    await recordAudit(trx, {
      cooperationId,
      actorId,
      action: "role.moveConfirmed",
      entityType: "role_grant",
      entityId: grant.id,
      before: { moved_from_municipality_id: grant.moved_from_municipality_id },
      after: { municipality_id: grant.municipality_id },
    });
    return true;
  });
}

/**
 * Carries through, oldest first, every change of the map that has taken effect by `before` and is
 * not done yet. One change can make the next one touch the cooperation (a successor that is later
 * split), so the days are looked up again after each.
 */
export async function carryThroughDue(
  db: DB,
  {
    cooperationId,
    before,
    actorId,
    today,
    now = new Date(),
  }: {
    cooperationId: CooperationId;
    /** changes dated before this day */
    before: string;
    actorId: string | null;
    today: string;
    now?: Date;
  },
): Promise<string[]> {
  const carried: string[] = [];
  for (;;) {
    const due = (await changeDays(db, cooperationId)).find(
      (d) => d.applied === null && d.date < before && !carried.includes(d.date),
    );
    if (!due) return carried;
    await carryThrough(db, { cooperationId, date: due.date, actorId, today, now });
    carried.push(due.date);
  }
}

/** A municipality as the page names it. */
interface Named {
  number: string;
  name: string;
}

export interface ChangeDayView {
  date: string;
  /** the register's changes that concern the members: to each successor of a member, from each of its predecessors */
  changes: { kind: RegisterChange["kind"]; partial: boolean; from: Named; to: Named }[];
  applied: { at: string; byName: string | null } | null;
  /** it has taken effect: it can be carried through */
  due: boolean;
  /** what it will do (not carried through yet) or what it did */
  plan: {
    ends: Named[];
    starts: Named[];
    participations: { measure: string; municipality: Named; customShareBp: number | null }[];
    uptake: {
      measure: string;
      municipality: Named;
      status: UptakeStatus;
      sources: { municipality: Named; status: UptakeStatus }[];
    }[];
    reporters: { name: string; from: Named; to: Named }[];
    /** the new host municipality, when the host was a predecessor */
    host: Named | null;
  };
}

export interface MovedReporterView {
  grantId: string;
  name: string;
  from: Named;
  to: Named;
}

/** The secretariat's page: every change of the map that touches the members, and the moved reporters to confirm. */
export async function successionView(
  db: DB,
  cooperationId: CooperationId,
  today: string,
): Promise<{ days: ChangeDayView[]; moved: MovedReporterView[] }> {
  const days = await changeDays(db, cooperationId);
  const [measures, users, audits, moved] = await Promise.all([
    db.selectFrom("measure").select(["id", "number", "name"]).where("cooperation_id", "=", cooperationId).execute(),
    db
      .selectFrom("app_user")
      .innerJoin("role_grant", "role_grant.user_id", "app_user.id")
      .select(["app_user.id", "app_user.name"])
      .where("role_grant.cooperation_id", "=", cooperationId)
      .execute(),
    db
      .selectFrom("audit_event")
      .select(["entity_id", "after"])
      .where("cooperation_id", "=", cooperationId)
      .where("action", "=", "succession.applied")
      .execute(),
    movedReporters(db, cooperationId),
  ]);
  const measureName = (id: string) => {
    const m = measures.find((x) => x.id === id);
    return m ? `${m.number}. ${m.name}` : "";
  };
  const views: ChangeDayView[] = [];
  for (const day of days) {
    const stored = day.applied ? audits.find((a) => a.entity_id === day.applied!.id)?.after : null;
    const plan: SuccessionPlan = stored
      ? (JSON.parse(stored) as SuccessionPlan)
      : planSuccession(day.date, day.changes, await successionState(db, cooperationId, day.date));
    const named = (id: string): Named => {
      const m = day.changes.flatMap((c) => [c.predecessor, c.successor]).find((x) => x.id === id);
      return { number: m?.number ?? "", name: m?.name ?? "" };
    };
    views.push({
      date: day.date,
      changes: concerning(day, plan).map((c) => ({
        kind: c.kind,
        partial: c.partial,
        from: named(c.predecessor.id),
        to: named(c.successor.id),
      })),
      applied: day.applied ? { at: day.applied.at, byName: day.applied.byName } : null,
      due: day.date <= today,
      plan: {
        ends: plan.endMemberships.map((e) => named(e.municipalityId)),
        starts: plan.startMemberships.map((s) => named(s.municipalityId)),
        participations: plan.participations.map((p) => ({
          measure: measureName(p.measureId),
          municipality: named(p.municipalityId),
          customShareBp: p.customShareBp,
        })),
        uptake: plan.uptake.map((u) => ({
          measure: measureName(u.measureId),
          municipality: named(u.municipalityId),
          status: u.status,
          sources: u.sources.map((s) => ({ municipality: named(s.municipalityId), status: s.status })),
        })),
        reporters: plan.reporters.map((r) => ({
          name: users.find((u) => u.id === r.userId)?.name ?? "",
          from: named(r.fromMunicipalityId),
          to: named(r.toMunicipalityId),
        })),
        host: plan.host ? named(plan.host.toMunicipalityId) : null,
      },
    });
  }
  return { days: views, moved };
}

/** Of a day's changes, those to the municipalities the cooperation's members went to (and from each of their predecessors). */
function concerning(day: ChangeDay, plan: SuccessionPlan): RegisterChange[] {
  const members = new Set([
    ...plan.endMemberships.map((e) => e.municipalityId),
    ...plan.startMemberships.flatMap((s) => s.predecessorIds),
  ]);
  const successors = new Set(day.changes.filter((c) => members.has(c.predecessor.id)).map((c) => c.successor.id));
  return day.changes.filter((c) => successors.has(c.successor.id));
}

async function movedReporters(db: DB, cooperationId: CooperationId): Promise<MovedReporterView[]> {
  const rows = await db
    .selectFrom("role_grant")
    .innerJoin("app_user", "app_user.id", "role_grant.user_id")
    .innerJoin("municipality as to", "to.id", "role_grant.municipality_id")
    .innerJoin("municipality as from", "from.id", "role_grant.moved_from_municipality_id")
    .select([
      "role_grant.id",
      "app_user.name",
      "to.number as to_number",
      "to.name as to_name",
      "from.number as from_number",
      "from.name as from_name",
    ])
    .where("role_grant.cooperation_id", "=", cooperationId)
    .orderBy("app_user.name")
    .execute();
  return rows.map((r) => ({
    grantId: r.id,
    name: r.name,
    from: { number: r.from_number, name: r.from_name },
    to: { number: r.to_number, name: r.to_name },
  }));
}
