import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import type { OpenRoundInput } from "@shared-schema/round";
import { recordAudit } from "../audit/audit.server";
import { byNorwegianName } from "../i18n/collate";
import { enqueueRoundMail, reportersToNotify } from "../mail/queue.server";
import { participation } from "../cooperation/participation.server";
import { absoluteUrl } from "../utils/origin.server";
import { maySubmit, municipalityProgress, needsReminder, reminderDue, type MunicipalityProgress, type Submission } from "./round";
import { transact } from "../utils/concurrency.server";
import { osloDateOf, osloToday } from "@shared-schema/dates";
import { storedCooperationId, type CooperationId } from "../cooperation/scope.server";
import { rolesWith } from "../cooperation/permissions";
import { NotFoundError, RuleBrokenError } from "../utils/errors.server";

/*
 * Reporting rounds: the secretariat opens one with a deadline and the measures it asks about,
 * follows who has answered, reminds, returns submissions and closes it; a reporter submits their
 * municipality's answers. Every function is scoped by the cooperation it is given.
 */

export class RoundNotFoundError extends NotFoundError {}
export class RoundClosedError extends RuleBrokenError {
  constructor() {
    super("uptake:round.closed");
  }
}
/** The municipality has not answered every measure, or has already submitted. */
export class CannotSubmitError extends RuleBrokenError {
  constructor() {
    super("uptake:round.cannotSubmit");
  }
}
/** Nothing to return: the municipality has not submitted (or was returned already). */
export class NotSubmittedError extends RuleBrokenError {
  constructor() {
    super("round:detail.notSubmitted");
  }
}

export interface RoundSummary {
  id: string;
  name: string;
  /** the day the round asks for the status on */
  statusDate: string;
  deadline: string;
  reminderDaysBefore: number | null;
  reminderSentAt: string | null;
  openedAt: string;
  closedAt: string | null;
}

export interface RoundDetail extends RoundSummary {
  measures: { id: string; number: number; name: string }[];
  municipalities: (MunicipalityProgress & { number: string; name: string; reporters: number })[];
}

const roundColumns = [
  "id",
  "name",
  "status_date",
  "deadline",
  "reminder_days_before",
  "reminder_sent_at",
  "opened_at",
  "closed_at",
] as const;

function toSummary(r: {
  id: string;
  name: string;
  status_date: string;
  deadline: string;
  reminder_days_before: number | null;
  reminder_sent_at: string | null;
  opened_at: string;
  closed_at: string | null;
}): RoundSummary {
  return {
    id: r.id,
    name: r.name,
    statusDate: r.status_date,
    deadline: r.deadline,
    reminderDaysBefore: r.reminder_days_before,
    reminderSentAt: r.reminder_sent_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  };
}

async function findRound(db: DB, { cooperationId, roundId }: { cooperationId: CooperationId; roundId: string }) {
  const row = await db
    .selectFrom("reporting_round")
    .select(roundColumns)
    .where("cooperation_id", "=", cooperationId)
    .where("id", "=", roundId)
    .executeTakeFirst();
  if (!row) throw new RoundNotFoundError();
  return toSummary(row);
}

/** Open rounds first, then by deadline, latest first. */
export async function listRounds(db: DB, { cooperationId }: { cooperationId: CooperationId }): Promise<RoundSummary[]> {
  const rows = await db
    .selectFrom("reporting_round")
    .select(roundColumns)
    .where("cooperation_id", "=", cooperationId)
    .orderBy("deadline", "desc")
    .orderBy("opened_at", "desc")
    .execute();
  const rounds = rows.map(toSummary);
  return [...rounds.filter((r) => !r.closedAt), ...rounds.filter((r) => r.closedAt)];
}

/**
 * Each member's progress in a round: which of the round's measures it takes part in, which it has
 * answered, and its submission. An open round asks today's participants; a municipality that
 * answered and has since left (a change of the map while the round was open) keeps its row, with
 * the measures it took part in on the round's status date. A closed round is about its status
 * date: it asks those that took part on that day (or on the day it closed, if that came first), so
 * a successor formed after the status date is not counted as one that failed to answer.
 */
export async function roundDetail(
  db: DB,
  { cooperationId, roundId }: { cooperationId: CooperationId; roundId: string },
): Promise<RoundDetail> {
  const round = await findRound(db, { cooperationId, roundId });
  const closedOn = round.closedAt ? osloDateOf(round.closedAt) : null;
  const date = closedOn === null ? osloToday() : closedOn < round.statusDate ? closedOn : round.statusDate;
  const [measures, taking, takingThen, answers, submissions, members, reporters] = await Promise.all([
    db
      .selectFrom("round_measure")
      .innerJoin("measure", "measure.id", "round_measure.measure_id")
      .select(["measure.id", "measure.number", "measure.name"])
      .where("round_measure.round_id", "=", roundId)
      .orderBy("measure.number")
      .execute(),
    participation(db, { cooperationId, date }),
    participation(db, { cooperationId, date: round.statusDate }),
    db
      .selectFrom("uptake_report")
      .select(["measure_id", "municipality_id"])
      .where("cooperation_id", "=", cooperationId)
      .where("round_id", "=", roundId)
      .execute(),
    db
      .selectFrom("round_submission")
      .select(["municipality_id", "submitted_at", "returned_at", "return_comment"])
      .where("cooperation_id", "=", cooperationId)
      .where("round_id", "=", roundId)
      .execute(),
    db
      .selectFrom("membership")
      .innerJoin("municipality", "municipality.id", "membership.municipality_id")
      .select(["municipality.id", "municipality.number", "municipality.name"])
      .where("membership.cooperation_id", "=", cooperationId)
      .execute(),
    db
      .selectFrom("role_grant")
      .innerJoin("app_user", "app_user.id", "role_grant.user_id")
      .select(["role_grant.municipality_id"])
      .where("role_grant.cooperation_id", "=", cooperationId)
      .where("role_grant.role", "in", rolesWith("uptake:report"))
      .where("app_user.disabled_at", "is", null)
      .execute(),
  ]);
  const answered = new Map<string, Set<string>>();
  for (const a of answers) answered.set(a.municipality_id, (answered.get(a.municipality_id) ?? new Set()).add(a.measure_id));
  const submitted = new Map<string, Submission>(
    submissions.map((s) => [
      s.municipality_id,
      { submittedAt: s.submitted_at, returnedAt: s.returned_at, returnComment: s.return_comment },
    ]),
  );
  const measureIds = measures.map((m) => m.id);
  const seen = new Set<string>();
  const takesPart = (id: string) => taking.get(id) ?? (answered.has(id) || submitted.has(id) ? takingThen.get(id) : undefined);
  const municipalities = members
    .filter((m) => takesPart(m.id) && !seen.has(m.id) && seen.add(m.id))
    .map((m) => ({
      ...municipalityProgress({
        municipalityId: m.id,
        roundMeasureIds: measureIds,
        takesPart: takesPart(m.id)!,
        answered: answered.get(m.id) ?? new Set(),
        submission: submitted.get(m.id) ?? null,
      }),
      number: m.number,
      name: m.name,
      reporters: reporters.filter((r) => r.municipality_id === m.id).length,
    }))
    .filter((m) => m.state !== "not_asked")
    .sort(byNorwegianName((m) => m.name));
  return { ...round, measures, municipalities };
}

/** Opens a round and queues the e-mail that tells each asked municipality's reporters. */
export async function openRound(
  db: DB,
  {
    cooperationId,
    userId,
    input,
    now = new Date(),
  }: { cooperationId: CooperationId; userId: string; input: OpenRoundInput; now?: Date },
): Promise<string> {
  return transact(db, async (trx) => {
    const measures = await trx
      .selectFrom("measure")
      .select("id")
      .where("cooperation_id", "=", cooperationId)
      .where("id", "in", input.measures)
      .execute();
    if (measures.length !== new Set(input.measures).size) throw new RoundNotFoundError();
    const id = randomUUID();
    const row = {
      id,
      cooperation_id: cooperationId,
      name: input.name,
      status_date: input.statusDate,
      deadline: input.deadline,
      reminder_days_before: input.reminderDaysBefore,
      opened_at: now.toISOString(),
      closed_at: null,
      closed_by: null,
      created_by: userId,
      reminder_sent_at: null,
    };
    await trx.insertInto("reporting_round").values(row).execute();
    await trx
      .insertInto("round_measure")
      .values(measures.map((m) => ({ round_id: id, measure_id: m.id })))
      .execute();
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "round.open",
      entityType: "reporting_round",
      entityId: id,
      after: { ...row, measures: input.measures },
    });
    const detail = await roundDetail(trx, { cooperationId, roundId: id });
    await notify(trx, {
      cooperationId,
      round: detail,
      kind: "round_opened",
      municipalityIds: detail.municipalities.map((m) => m.municipalityId),
      now,
    });
    return id;
  });
}

/**
 * Queues e-mail to the reporters of the given municipalities. Returns the municipalities that
 * have no reporter to write to, so the secretariat can follow them up another way.
 */
async function notify(
  trx: DB,
  {
    cooperationId,
    round,
    kind,
    municipalityIds,
    now,
  }: {
    cooperationId: CooperationId;
    round: RoundDetail;
    kind: "round_opened" | "round_reminder";
    municipalityIds: string[];
    now: Date;
  },
): Promise<{ notified: number; withoutReporter: string[] }> {
  const cooperation = await trx
    .selectFrom("cooperation")
    .select(["name", "slug"])
    .where("id", "=", cooperationId)
    .executeTakeFirstOrThrow();
  const recipients = await reportersToNotify(trx, { cooperationId, municipalityIds });
  const withoutReporter: string[] = [];
  let notified = 0;
  for (const municipalityId of municipalityIds) {
    const list = recipients.get(municipalityId) ?? [];
    const municipality = round.municipalities.find((m) => m.municipalityId === municipalityId)!;
    if (list.length === 0) {
      withoutReporter.push(municipality.name);
      continue;
    }
    await enqueueRoundMail(trx, {
      cooperationId,
      roundId: round.id,
      municipalityId,
      kind,
      recipients: list,
      cooperationName: cooperation.name,
      roundName: round.name,
      deadline: round.deadline,
      link: absoluteUrl(`/c/${cooperation.slug}/uptake`),
      municipalityName: municipality.name,
      now,
    });
    notified += list.length;
  }
  return { notified, withoutReporter };
}

/**
 * Reminds one municipality, or every asked municipality that has not submitted. An automatic
 * reminder has no acting user.
 */
export async function sendReminders(
  db: DB,
  input: { cooperationId: CooperationId; userId: string | null; roundId: string; municipalityId?: string; now?: Date },
): Promise<{ notified: number; withoutReporter: string[] }> {
  return transact(db, (trx) => remind(trx, input));
}

async function remind(
  trx: DB,
  {
    cooperationId,
    userId,
    roundId,
    municipalityId,
    now = new Date(),
  }: { cooperationId: CooperationId; userId: string | null; roundId: string; municipalityId?: string; now?: Date },
): Promise<{ notified: number; withoutReporter: string[] }> {
  const round = await roundDetail(trx, { cooperationId, roundId });
  if (round.closedAt) throw new RoundClosedError();
  const targets = round.municipalities
    .filter((m) => needsReminder(m) && (municipalityId === undefined || m.municipalityId === municipalityId))
    .map((m) => m.municipalityId);
  if (municipalityId !== undefined && targets.length === 0) throw new RoundNotFoundError();
  const result = await notify(trx, { cooperationId, round, kind: "round_reminder", municipalityIds: targets, now });
  await recordAudit(trx, {
    cooperationId,
    actorId: userId,
    action: "round.remind",
    entityType: "reporting_round",
    entityId: roundId,
    after: { municipalities: targets, notified: result.notified, withoutReporter: result.withoutReporter },
  });
  return result;
}

export async function closeRound(
  db: DB,
  {
    cooperationId,
    userId,
    roundId,
    now = new Date(),
  }: { cooperationId: CooperationId; userId: string; roundId: string; now?: Date },
): Promise<void> {
  await transact(db, async (trx) => {
    const round = await findRound(trx, { cooperationId, roundId });
    if (round.closedAt) throw new RoundClosedError();
    await trx
      .updateTable("reporting_round")
      .set({ closed_at: now.toISOString(), closed_by: userId })
      .where("id", "=", roundId)
      .where("cooperation_id", "=", cooperationId)
      .where("closed_at", "is", null)
      .execute();
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "round.close",
      entityType: "reporting_round",
      entityId: roundId,
      before: { closedAt: null },
      after: { closedAt: now.toISOString() },
    });
  });
}

/** A reporter marks their municipality's answers as submitted (again, after a return). */
export async function submitRound(
  db: DB,
  {
    cooperationId,
    municipalityId,
    userId,
    roundId,
    now = new Date(),
  }: { cooperationId: CooperationId; municipalityId: string; userId: string; roundId: string; now?: Date },
): Promise<void> {
  await transact(db, async (trx) => {
    const round = await roundDetail(trx, { cooperationId, roundId });
    if (round.closedAt) throw new RoundClosedError();
    const progress = round.municipalities.find((m) => m.municipalityId === municipalityId);
    if (!progress) throw new RoundNotFoundError();
    if (!maySubmit(progress)) throw new CannotSubmitError();
    const submittedAt = now.toISOString();
    if (progress.submission) {
      await trx
        .updateTable("round_submission")
        .set({ submitted_at: submittedAt, submitted_by: userId, returned_at: null, returned_by: null, return_comment: null })
        .where("round_id", "=", roundId)
        .where("municipality_id", "=", municipalityId)
        .where("cooperation_id", "=", cooperationId)
        .execute();
    } else {
      await trx
        .insertInto("round_submission")
        .values({
          id: randomUUID(),
          cooperation_id: cooperationId,
          round_id: roundId,
          municipality_id: municipalityId,
          submitted_at: submittedAt,
          submitted_by: userId,
          returned_at: null,
          returned_by: null,
          return_comment: null,
        })
        .execute();
    }
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "round.submit",
      entityType: "round_submission",
      entityId: `${roundId}/${municipalityId}`,
      before: progress.submission ?? undefined,
      after: { submittedAt },
    });
  });
}

/** The secretariat sends a submission back with a comment; the municipality must submit again. */
export async function returnSubmission(
  db: DB,
  {
    cooperationId,
    userId,
    roundId,
    municipalityId,
    comment,
    now = new Date(),
  }: { cooperationId: CooperationId; userId: string; roundId: string; municipalityId: string; comment: string; now?: Date },
): Promise<void> {
  await transact(db, async (trx) => {
    const round = await findRound(trx, { cooperationId, roundId });
    if (round.closedAt) throw new RoundClosedError();
    const returnedAt = now.toISOString();
    const result = await trx
      .updateTable("round_submission")
      .set({ returned_at: returnedAt, returned_by: userId, return_comment: comment })
      .where("cooperation_id", "=", cooperationId)
      .where("round_id", "=", roundId)
      .where("municipality_id", "=", municipalityId)
      .where("returned_at", "is", null)
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) throw new NotSubmittedError();
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "round.return",
      entityType: "round_submission",
      entityId: `${roundId}/${municipalityId}`,
      after: { returnedAt, comment },
    });
  });
}

/**
 * The background job: for every open round whose reminder day has come, remind everyone who
 * has not submitted, once. The conditional update claims the round in the same transaction as the
 * e-mail it queues, so two runs never both send and a failed run sends at the next.
 */
export async function sendDueReminders(db: DB, now: Date): Promise<number> {
  const today = osloToday(now);
  const open = await db
    .selectFrom("reporting_round")
    .select(["id", "cooperation_id", "deadline", "reminder_days_before", "reminder_sent_at", "closed_at"])
    .where("closed_at", "is", null)
    .where("reminder_sent_at", "is", null)
    .where("reminder_days_before", "is not", null)
    .execute();
  let sent = 0;
  for (const r of open) {
    const due = reminderDue(
      {
        deadline: r.deadline,
        reminderDaysBefore: r.reminder_days_before,
        reminderSentAt: r.reminder_sent_at,
        closedAt: r.closed_at,
      },
      today,
    );
    if (!due) continue;
    const claimed = await transact(db, async (trx) => {
      const result = await trx
        .updateTable("reporting_round")
        .set({ reminder_sent_at: now.toISOString() })
        .where("id", "=", r.id)
        .where("reminder_sent_at", "is", null)
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return false;
      await remind(trx, { cooperationId: storedCooperationId(r.cooperation_id), userId: null, roundId: r.id, now });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** The open rounds that ask one municipality something, with its progress in each. */
export async function roundsForMunicipality(
  db: DB,
  { cooperationId, municipalityId }: { cooperationId: CooperationId; municipalityId: string },
): Promise<(RoundSummary & { progress: MunicipalityProgress; maySubmit: boolean })[]> {
  const open = (await listRounds(db, { cooperationId })).filter((r) => !r.closedAt);
  const result = [];
  for (const round of open) {
    const detail = await roundDetail(db, { cooperationId, roundId: round.id });
    const progress = detail.municipalities.find((m) => m.municipalityId === municipalityId);
    if (progress) result.push({ ...round, progress, maySubmit: maySubmit(progress) });
  }
  return result;
}
