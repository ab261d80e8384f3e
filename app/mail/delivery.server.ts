import type { Updateable } from "kysely";
import nodemailer from "nodemailer";
import type { DB } from "../../db/connect";
import type { Language, MailMessageTable } from "../../db/schema";
import { env } from "../env.server";
import { afterFailedAttempt, maxAttempts, shortError } from "./retry";

/*
 * Sends what is due in the mail queue (mail_message). The table is the queue: a message is
 * claimed with a conditional update before it is handed to SMTP, so two ticks or two server
 * processes never send the same message twice. The claim counts the attempt and pushes
 * next_attempt_at out by a lease; a process that dies mid-send leaves the message to be tried
 * again when the lease runs out — a rare duplicate is better than a lost e-mail.
 */

/** Longer than any one SMTP conversation can take with the timeouts below. */
const CLAIM_LEASE_MS = 10 * 60 * 1000;
const BATCH_SIZE = 50;
/** Bounds one call (one tick of the job); what is left is due at the next tick. */
const MAX_BATCHES = 20;

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  language: Language;
}

export interface MailTransport {
  /** "outbox": nothing leaves the process; the message is kept in the table for the secretariat to read */
  readonly kind: "smtp" | "outbox";
  send(mail: OutgoingMail): Promise<void>;
}

export const outboxTransport: MailTransport = {
  kind: "outbox",
  async send() {},
};

/** An SMTP relay, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@smtp.example.no. */
export function smtpTransport({ url, from }: { url: string; from: string }): MailTransport {
  const transporter = nodemailer.createTransport(
    // nodemailer waits minutes by default; a hung relay must not hold up the job that long
    { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: {
          "Content-Language": mail.language,
          // RFC 3834, and Exchange's variant: no out-of-office replies to a robot
          "Auto-Submitted": "auto-generated",
          "X-Auto-Response-Suppress": "All",
        },
      });
    },
  };
}

export function mailTransportFromEnv(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? smtpTransport({ url: SMTP_URL, from: MAIL_FROM }) : outboxTransport;
}

/** Where mail goes, for the start-up log: host and port only, never the credentials in SMTP_URL. */
export function describeTransport(): string {
  const { SMTP_URL } = env();
  if (!SMTP_URL) return "outbox (no SMTP_URL: e-mail is kept for the secretariat to read, not sent)";
  const url = new URL(SMTP_URL);
  return `${url.protocol}//${url.host}`;
}

interface SmtpError {
  message?: string;
  response?: string;
  responseCode?: number;
  command?: string;
}

/** What the secretariat reads: the server's reply when there is one ("RCPT TO: 550 …"), else the error. */
function describeError(error: unknown): string {
  const e = (error ?? {}) as SmtpError;
  if (e.response) return shortError(e.command ? `${e.command}: ${e.response}` : e.response);
  return shortError(e.message ?? String(error));
}

/** No reply from a server (refused, timed out, TLS): the next message would fare no better this tick. */
function isConnectionFailure(error: unknown): boolean {
  return !(error as SmtpError | null)?.responseCode;
}

export interface DeliveryReport {
  sent: number;
  outbox: number;
  retrying: number;
  failed: number;
}

type Candidate = { id: string; attempts: number; next_attempt_at: string | null };

async function dueMessages(db: DB, now: Date): Promise<Candidate[]> {
  return db
    .selectFrom("mail_message")
    .select(["id", "attempts", "next_attempt_at"])
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("next_attempt_at", "<=", now.toISOString()), eb("next_attempt_at", "is", null)]))
    .orderBy("next_attempt_at")
    .orderBy("created_at")
    .limit(BATCH_SIZE)
    .execute();
}

/** The update succeeds only for the caller that still sees the message as it was selected. */
async function claim(db: DB, candidate: Candidate, set: Updateable<MailMessageTable>): Promise<boolean> {
  const result = await db
    .updateTable("mail_message")
    .set(set)
    .where("id", "=", candidate.id)
    .where("status", "=", "pending")
    .where("attempts", "=", candidate.attempts)
    .where((eb) =>
      candidate.next_attempt_at === null
        ? eb("next_attempt_at", "is", null)
        : eb("next_attempt_at", "=", candidate.next_attempt_at),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function loadForSending(db: DB, id: string): Promise<OutgoingMail> {
  const row = await db
    .selectFrom("mail_message")
    .leftJoin("app_user", "app_user.id", "mail_message.recipient_id")
    .select([
      "mail_message.to_address",
      "mail_message.subject",
      "mail_message.body_text",
      "mail_message.language",
      "app_user.name",
    ])
    .where("mail_message.id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    to: { name: row.name ?? "", address: row.to_address },
    subject: row.subject,
    text: row.body_text,
    language: row.language,
  };
}

type Outcome = keyof DeliveryReport | "claimedElsewhere";

interface Delivery {
  transport: MailTransport;
  now: Date;
  retrySeconds: readonly number[];
  /** set once the server could not be reached in this run: later messages get the same error, not another connection */
  unreachable: string | null;
}

async function deliverOne(db: DB, candidate: Candidate, run: Delivery): Promise<Outcome> {
  const stamp = run.now.toISOString();
  if (run.transport.kind === "outbox") {
    return (await claim(db, candidate, { status: "outbox", sent_at: stamp, next_attempt_at: null }))
      ? "outbox"
      : "claimedElsewhere";
  }
  const attempt = candidate.attempts + 1;
  const lease = new Date(run.now.getTime() + CLAIM_LEASE_MS).toISOString();
  if (!(await claim(db, candidate, { attempts: attempt, next_attempt_at: lease }))) return "claimedElsewhere";

  let error = run.unreachable;
  if (!error) {
    try {
      await run.transport.send(await loadForSending(db, candidate.id));
    } catch (thrown) {
      error = describeError(thrown);
      if (isConnectionFailure(thrown)) run.unreachable = error;
    }
  }
  if (error === null) {
    await db
      .updateTable("mail_message")
      .set({ status: "sent", sent_at: stamp, next_attempt_at: null })
      .where("id", "=", candidate.id)
      .execute();
    return "sent";
  }

  const next = afterFailedAttempt(attempt, run.retrySeconds, run.now);
  await db
    .updateTable("mail_message")
    .set({ status: next.status, last_error: error, next_attempt_at: next.status === "pending" ? next.nextAttemptAt : null })
    .where("id", "=", candidate.id)
    .execute();
  console.error(
    `[mail] message ${candidate.id}: attempt ${attempt} of ${maxAttempts(run.retrySeconds)} failed, ${
      next.status === "pending" ? `retry at ${next.nextAttemptAt}` : "giving up"
    }: ${error}`,
  );
  return next.status === "pending" ? "retrying" : "failed";
}

/**
 * Sends every message that is due (status pending, next_attempt_at <= now), in batches, up to
 * MAX_BATCHES of them per call. Success: `sent`. Failure: the error is kept and the message waits
 * for its next retry, or is `failed` when the retries in `retrySeconds` are used up. With the
 * outbox transport the message becomes `outbox` and stays readable in the table.
 */
export async function deliverDueMail(
  db: DB,
  { transport, now, retrySeconds }: { transport: MailTransport; now: Date; retrySeconds: readonly number[] },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, outbox: 0, retrying: 0, failed: 0 };
  const run: Delivery = { transport, now, retrySeconds, unreachable: null };
  // every message handled leaves the due set (or another worker took it), so the loop ends
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await dueMessages(db, now);
    for (const candidate of due) {
      const outcome = await deliverOne(db, candidate, run);
      if (outcome !== "claimedElsewhere") report[outcome]++;
    }
    if (due.length < BATCH_SIZE) break;
  }
  return report;
}
