import type { DB } from "../../db/connect";
import type { Language, MailKind, MailMessage, MailStatus } from "../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { transact } from "../utils/concurrency.server";
import type { CooperationId } from "../cooperation/scope.server";
import { NotFoundError } from "../utils/errors.server";

/*
 * The secretariat's view of the mail queue (round e-mail and plans out for input): what was sent, what sits in the outbox, what waits
 * for a retry and what failed — and "send again" for a failed message. Every query is narrowed
 * to the cooperation of the caller's scope; another cooperation's message is "not found".
 */

export class MailNotFoundError extends NotFoundError {
  constructor(readonly messageId: string) {
    super(`mail message ${messageId} not found`);
  }
}

export interface MailView {
  id: string;
  toName: string | null;
  toAddress: string;
  municipalityName: string | null;
  /** the plan version a `plan_input` message announces */
  plan: { year: number; versionNo: number } | null;
  kind: MailKind;
  language: Language;
  subject: string;
  bodyText: string;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** The cooperation's messages, newest first, optionally for one round; at most `limit`, with the total. */
export async function listMail(
  db: DB,
  { cooperationId, roundId, limit }: { cooperationId: CooperationId; roundId?: string | null; limit: number },
): Promise<{ messages: MailView[]; total: number }> {
  let base = db.selectFrom("mail_message").where("mail_message.cooperation_id", "=", cooperationId);
  if (roundId) base = base.where("mail_message.round_id", "=", roundId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("app_user", "app_user.id", "mail_message.recipient_id")
    .leftJoin("municipality", "municipality.id", "mail_message.municipality_id")
    .leftJoin("plan_version", "plan_version.id", "mail_message.plan_version_id")
    .leftJoin("action_plan", "action_plan.id", "plan_version.plan_id")
    .selectAll("mail_message")
    .select([
      "app_user.name as to_name",
      "municipality.name as municipality_name",
      "action_plan.year as plan_year",
      "plan_version.version_no as plan_version_no",
    ])
    .orderBy("mail_message.created_at", "desc")
    .orderBy("mail_message.to_address")
    .limit(limit)
    .execute();
  return {
    total: Number(total),
    messages: rows.map((r) => ({
      id: r.id,
      toName: r.to_name,
      toAddress: r.to_address,
      municipalityName: r.municipality_name,
      plan: r.plan_year !== null && r.plan_version_no !== null ? { year: r.plan_year, versionNo: r.plan_version_no } : null,
      kind: r.kind,
      language: r.language,
      subject: r.subject,
      bodyText: r.body_text,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      sentAt: r.sent_at,
      createdAt: r.created_at,
    })),
  };
}

/** The round's name, when the round belongs to the cooperation. */
export async function findRoundName(db: DB, { cooperationId, roundId }: { cooperationId: CooperationId; roundId: string }) {
  const row = await db
    .selectFrom("reporting_round")
    .select("name")
    .where("id", "=", roundId)
    .where("cooperation_id", "=", cooperationId)
    .executeTakeFirst();
  return row?.name;
}

async function loadMessage(db: DB, cooperationId: CooperationId, messageId: string): Promise<MailMessage> {
  const row = await db
    .selectFrom("mail_message")
    .selectAll()
    .where("id", "=", messageId)
    .where("cooperation_id", "=", cooperationId)
    .executeTakeFirst();
  if (!row) throw new MailNotFoundError(messageId);
  return row;
}

/**
 * "Send again": a failed message goes back in the queue, due now, with a fresh set of retries.
 * A message that is not failed (someone was quicker, or a double click) is left alone.
 */
export async function requeueFailedMail(
  db: DB,
  { cooperationId, userId, messageId, now }: { cooperationId: CooperationId; userId: string; messageId: string; now: Date },
): Promise<"requeued" | "notFailed"> {
  return transact(db, async (trx) => {
    const before = await loadMessage(trx, cooperationId, messageId);
    const result = await trx
      .updateTable("mail_message")
      .set({ status: "pending", attempts: 0, next_attempt_at: now.toISOString(), last_error: null })
      .where("id", "=", messageId)
      .where("cooperation_id", "=", cooperationId)
      .where("status", "=", "failed")
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return "notFailed";
    const after = await loadMessage(trx, cooperationId, messageId);
    await recordAudit(trx, {
      cooperationId,
      actorId: userId,
      action: "mail.requeued",
      entityType: "mail_message",
      entityId: messageId,
      before: auditable(before),
      after: auditable(after),
    });
    return "requeued";
  });
}

/** The queue state that changed; the text itself stays in the table, not copied into the trail. */
function auditable(m: MailMessage) {
  return {
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.next_attempt_at,
    lastError: m.last_error,
    toAddress: m.to_address,
    kind: m.kind,
    roundId: m.round_id,
    planVersionId: m.plan_version_id,
  };
}

/** How many messages a round has queued. */
export async function countRoundMail(db: DB, { cooperationId, roundId }: { cooperationId: CooperationId; roundId: string }) {
  const row = await db
    .selectFrom("mail_message")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("cooperation_id", "=", cooperationId)
    .where("round_id", "=", roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
