import { randomUUID } from "node:crypto";
import type { DB } from "../../db/connect";
import type { Language, MailKind, NewMailMessage } from "../../db/schema";
import { composePlanInputMail, composeRoundMail, recipientLanguage } from "./compose";
import type { CooperationId } from "../cooperation/scope.server";
import { rolesWith } from "../cooperation/permissions";

/*
 * Putting e-mail in the queue (mail_message): round e-mail and the plan's input round. Called by
 * the round and plan code inside their own transaction, so a round is opened (a plan sent for
 * input) together with its e-mail or not at all; the background job (delivery.server.ts) sends it
 * afterwards, with retries.
 */

export interface MailRecipient {
  userId: string;
  email: string;
  name: string;
  language: Language;
}

/**
 * The reporters of each municipality: active users with a reporter grant for it in the
 * cooperation, each with the language their e-mail is written in. Every municipality asked for
 * is a key, with an empty list when it has no reporter — so the caller can tell the secretariat.
 */
export async function reportersToNotify(
  db: DB,
  { cooperationId, municipalityIds }: { cooperationId: CooperationId; municipalityIds: string[] },
): Promise<Map<string, MailRecipient[]>> {
  const byMunicipality = new Map<string, MailRecipient[]>(municipalityIds.map((id) => [id, []]));
  if (municipalityIds.length === 0) return byMunicipality;
  const rows = await db
    .selectFrom("role_grant")
    .innerJoin("app_user", "app_user.id", "role_grant.user_id")
    .innerJoin("cooperation", "cooperation.id", "role_grant.cooperation_id")
    .innerJoin("municipality", "municipality.id", "role_grant.municipality_id")
    .select([
      "role_grant.municipality_id",
      "app_user.id as user_id",
      "app_user.email",
      "app_user.name",
      "app_user.language",
      "municipality.written_standard",
      "cooperation.default_language",
    ])
    .where("role_grant.cooperation_id", "=", cooperationId)
    .where("role_grant.role", "in", rolesWith("uptake:report"))
    .where("role_grant.municipality_id", "in", [...new Set(municipalityIds)])
    .where("app_user.disabled_at", "is", null)
    .orderBy("app_user.name")
    .orderBy("app_user.email")
    .execute();
  for (const row of rows) {
    const list = byMunicipality.get(row.municipality_id!)!;
    if (list.some((r) => r.userId === row.user_id)) continue;
    list.push({
      userId: row.user_id,
      email: row.email,
      name: row.name,
      language: recipientLanguage({
        userLanguage: row.language,
        writtenStandard: row.written_standard,
        cooperationLanguage: row.default_language,
      }),
    });
  }
  return byMunicipality;
}

export interface RoundMailInput {
  cooperationId: CooperationId;
  roundId: string;
  municipalityId: string;
  kind: MailKind;
  recipients: MailRecipient[];
  cooperationName: string;
  roundName: string;
  /** ISO date, yyyy-mm-dd */
  deadline: string;
  /** absolute URL (see absoluteUrl in app/utils/origin.server.ts) */
  link: string;
  municipalityName: string;
  now: Date;
}

/** Queues one e-mail per recipient, written in the recipient's language, due at once. */
export async function enqueueRoundMail(db: DB, input: RoundMailInput): Promise<void> {
  if (input.recipients.length === 0) return;
  const rows: NewMailMessage[] = input.recipients.map((recipient) => {
    const { subject, bodyText } = composeRoundMail({
      kind: input.kind,
      language: recipient.language,
      recipientName: recipient.name,
      cooperationName: input.cooperationName,
      roundName: input.roundName,
      municipalityName: input.municipalityName,
      deadline: input.deadline,
      link: input.link,
    });
    return {
      ...dueNow(input.now),
      cooperation_id: input.cooperationId,
      round_id: input.roundId,
      plan_version_id: null,
      municipality_id: input.municipalityId,
      recipient_id: recipient.userId,
      to_address: recipient.email,
      language: recipient.language,
      kind: input.kind,
      subject,
      body_text: bodyText,
    };
  });
  await db.insertInto("mail_message").values(rows).execute();
}

/** The queue columns of a new message, due at once. */
export function dueNow(now: Date) {
  const created = now.toISOString();
  return {
    id: randomUUID(),
    status: "pending" as const,
    attempts: 0,
    next_attempt_at: created,
    last_error: null,
    sent_at: null,
    created_at: created,
  };
}

export interface PlanInputMailInput {
  cooperationId: CooperationId;
  cooperationName: string;
  planVersionId: string;
  year: number;
  versionNo: number;
  /** ISO date, yyyy-mm-dd */
  deadline: string;
  /** absolute URL of the plan page */
  link: string;
  /** the member municipalities asked for input, with their names */
  municipalities: { id: string; name: string }[];
  now: Date;
}

/**
 * Queues the news that a plan version is out for input to every reporter of the given
 * municipalities, each in their own language.
 */
export async function enqueuePlanInputMail(db: DB, input: PlanInputMailInput): Promise<void> {
  const reporters = await reportersToNotify(db, {
    cooperationId: input.cooperationId,
    municipalityIds: input.municipalities.map((m) => m.id),
  });
  const rows: NewMailMessage[] = input.municipalities.flatMap((municipality) =>
    (reporters.get(municipality.id) ?? []).map((recipient) => {
      const { subject, bodyText } = composePlanInputMail({
        language: recipient.language,
        recipientName: recipient.name,
        cooperationName: input.cooperationName,
        municipalityName: municipality.name,
        year: input.year,
        versionNo: input.versionNo,
        deadline: input.deadline,
        link: input.link,
      });
      return {
        ...dueNow(input.now),
        cooperation_id: input.cooperationId,
        round_id: null,
        plan_version_id: input.planVersionId,
        municipality_id: municipality.id,
        recipient_id: recipient.userId,
        to_address: recipient.email,
        language: recipient.language,
        kind: "plan_input" as const,
        subject,
        body_text: bodyText,
      };
    }),
  );
  if (rows.length) await db.insertInto("mail_message").values(rows).execute();
}
