/*
 * E-mail to reporters, end to end with real parts: the queue in SQLite and PostgreSQL, nodemailer
 * talking SMTP to a real smtp-server on 127.0.0.1, and what arrives there parsed back (mailparser).
 * Then the same through the production server: its background job, its retries, and the
 * secretariat's page that shows the failure.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import type { Language } from "../../db/schema";
import { deliverDueMail, outboxTransport, smtpTransport, type MailTransport } from "../../app/mail/delivery.server";
import { MailNotFoundError, requeueFailedMail } from "../../app/mail/outbox.server";
import { enqueueRoundMail, reportersToNotify, type MailRecipient } from "../../app/mail/queue.server";
import { seedDemo } from "../../seeds/demo";
import { testDatabases } from "../support/databases";
import { loginCookie, startServer, type TestServer } from "../support/server";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "../support/smtp";
import { cooperationIdOf } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

const FROM = "Fellesløft <ikkje-svar@fellesloft.example>";
const T0 = new Date("2026-11-22T08:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const DEADLINE = "2026-12-15";
const RETRIES = [60, 300];

interface Fixture {
  ekommune: { id: CooperationId; name: string };
  knutepunkt: { id: CooperationId; name: string };
  giske: string;
  sula: string;
  kristiansand: string;
  roundId: string;
  users: { secretariat: string; giske: string; sula: string };
}

async function idOf(db: DB, email: string): Promise<string> {
  return (await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function memberId(db: DB, cooperationId: string, number: string): Promise<string> {
  const row = await db
    .selectFrom("membership")
    .innerJoin("municipality", "municipality.id", "membership.municipality_id")
    .select("municipality.id")
    .where("membership.cooperation_id", "=", cooperationId)
    .where("municipality.number", "=", number)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addUser(
  db: DB,
  {
    email,
    name,
    language = null,
    disabled = false,
  }: { email: string; name: string; language?: Language | null; disabled?: boolean },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("app_user")
    .values({
      id,
      email,
      name,
      password_hash: "not-a-hash",
      is_platform_admin: 0,
      language,
      disabled_at: disabled ? T0.toISOString() : null,
      created_at: T0.toISOString(),
    })
    .execute();
  return id;
}

async function grantReporter(db: DB, userId: string, cooperationId: string, municipalityId: string) {
  await db
    .insertInto("role_grant")
    .values({
      id: randomUUID(),
      user_id: userId,
      cooperation_id: cooperationId,
      role: "reporter",
      municipality_id: municipalityId,
      created_at: T0.toISOString(),
    })
    .execute();
}

async function addRound(db: DB, cooperationId: string, name: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("reporting_round")
    .values({
      id,
      cooperation_id: cooperationId,
      name,
      status_date: T0.toISOString().slice(0, 10),
      deadline: DEADLINE,
      reminder_days_before: 7,
      opened_at: T0.toISOString(),
      closed_at: null,
      closed_by: null,
      created_by: null,
      reminder_sent_at: null,
    })
    .execute();
  return id;
}

/** The demo data plus a Bokmål reporter in Knutepunkt Sørlandet, a disabled reporter, and one round per cooperation. */
async function prepare(db: DB): Promise<Fixture> {
  const coop = async (slug: string) => {
    const row = await db.selectFrom("cooperation").select("name").where("slug", "=", slug).executeTakeFirstOrThrow();
    return { id: await cooperationIdOf(db, slug), name: row.name };
  };
  const ekommune = await coop("ekommune-sunnmore");
  const knutepunkt = await coop("knutepunkt-sorlandet");
  const giske = await memberId(db, ekommune.id, "1532");
  const sula = await memberId(db, ekommune.id, "1531");
  const kristiansand = await memberId(db, knutepunkt.id, "1001");
  const users = {
    secretariat: await idOf(db, "sekretariat@ekommune-sunnmore.example"),
    giske: await idOf(db, "ikt@giske.example"),
    sula: await idOf(db, "ikt@sula.example"),
  };
  // Sula's reporter has chosen English; Giske's has not and gets Giske's Nynorsk
  await db.updateTable("app_user").set({ language: "en" }).where("id", "=", users.sula).execute();
  await db.updateTable("app_user").set({ language: null }).where("id", "=", users.giske).execute();
  const kristiansandReporter = await addUser(db, { email: "it@kristiansand.example", name: "Kristian Rapportør" });
  await grantReporter(db, kristiansandReporter, knutepunkt.id, kristiansand);
  const gone = await addUser(db, { email: "sluttet@giske.example", name: "Sluttet Rapportør", disabled: true });
  await grantReporter(db, gone, ekommune.id, giske);
  const roundId = await addRound(db, ekommune.id, "Innføringsstatus 2026");
  return { ekommune, knutepunkt, giske, sula, kristiansand, roundId, users };
}

function header(mail: ReceivedMail, name: string): string {
  return String(mail.parsed.headers.get(name) ?? "");
}

function to(mail: ReceivedMail): string {
  const value = mail.parsed.to;
  return (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(", ");
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(testDatabases())("mail queue and SMTP delivery on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;
  let f: Fixture;
  let smtp: TestSmtpServer;
  let transport: MailTransport;

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await seedDemo(db);
    f = await prepare(db);
    smtp = await startSmtpServer();
    transport = smtpTransport({ url: smtp.url, from: FROM });
  });
  afterAll(async () => {
    await smtp?.close();
    await close?.();
  });
  beforeEach(async () => {
    await db.deleteFrom("mail_message").execute();
    smtp.reset();
  });

  const messages = () => db.selectFrom("mail_message").selectAll().orderBy("to_address").execute();

  async function enqueueFor(
    municipalityId: string,
    recipients: MailRecipient[],
    kind: "round_opened" | "round_reminder" = "round_opened",
  ) {
    const ekommune = municipalityId === f.kristiansand ? f.knutepunkt : f.ekommune;
    await enqueueRoundMail(db, {
      cooperationId: ekommune.id,
      roundId: f.roundId,
      municipalityId,
      kind,
      recipients,
      cooperationName: ekommune.name,
      roundName: "Innføringsstatus 2026",
      deadline: DEADLINE,
      link: `https://fellesloft.example/c/ekommune-sunnmore/rounds/${f.roundId}`,
      municipalityName: municipalityId === f.giske ? "Giske" : municipalityId === f.sula ? "Sula" : "Kristiansand",
      now: T0,
    });
  }

  async function reporters() {
    const ekommune = await reportersToNotify(db, { cooperationId: f.ekommune.id, municipalityIds: [f.giske, f.sula] });
    const knutepunkt = await reportersToNotify(db, { cooperationId: f.knutepunkt.id, municipalityIds: [f.kristiansand] });
    return { giske: ekommune.get(f.giske)!, sula: ekommune.get(f.sula)!, kristiansand: knutepunkt.get(f.kristiansand)! };
  }

  it("finds the active reporters of each municipality, each with their language", async () => {
    const r = await reporters();
    expect(r.giske).toEqual([
      { userId: f.users.giske, email: "ikt@giske.example", name: "Gunnar IKT-leiar (Giske)", language: "nn" },
    ]);
    expect(r.sula).toEqual([
      { userId: f.users.sula, email: "ikt@sula.example", name: "Solveig IKT-leiar (Sula)", language: "en" },
    ]);
    expect(r.kristiansand).toMatchObject([{ email: "it@kristiansand.example", language: "nb" }]);
    // another cooperation's municipality has no reporters here; nothing asked, nothing found
    const crossed = await reportersToNotify(db, { cooperationId: f.knutepunkt.id, municipalityIds: [f.giske] });
    expect([...crossed.entries()]).toEqual([[f.giske, []]]);
    expect((await reportersToNotify(db, { cooperationId: f.ekommune.id, municipalityIds: [] })).size).toBe(0);
  });

  it("queues, then sends each reporter an e-mail in their own language with the deadline and the link", async () => {
    const r = await reporters();
    await enqueueFor(f.giske, r.giske);
    await enqueueFor(f.sula, r.sula);
    await enqueueFor(f.kristiansand, r.kristiansand);
    expect((await messages()).map((m) => [m.to_address, m.status, m.language, m.next_attempt_at])).toEqual([
      ["ikt@giske.example", "pending", "nn", T0.toISOString()],
      ["ikt@sula.example", "pending", "en", T0.toISOString()],
      ["it@kristiansand.example", "pending", "nb", T0.toISOString()],
    ]);

    expect(await deliverDueMail(db, { transport, now: T0, retrySeconds: RETRIES })).toEqual({
      sent: 3,
      outbox: 0,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(3);
    const byRecipient = new Map(smtp.received.map((m) => [m.recipients.join(","), m]));
    const link = `https://fellesloft.example/c/ekommune-sunnmore/rounds/${f.roundId}`;

    const giske = byRecipient.get("ikt@giske.example")!;
    expect(to(giske)).toBe('"Gunnar IKT-leiar (Giske)" <ikt@giske.example>');
    expect(giske.mailFrom).toBe("ikkje-svar@fellesloft.example");
    expect(header(giske, "content-language")).toBe("nn");
    expect(giske.parsed.subject).toBe("Rapportering for Giske: Innføringsstatus 2026 – frist 15. desember 2026");
    expect(giske.parsed.text).toContain("Hei Gunnar IKT-leiar (Giske),");
    expect(giske.parsed.text).toContain("eKommune Sunnmøre har opna rapporteringsrunden «Innføringsstatus 2026»");
    expect(giske.parsed.text).toContain("for Giske innan 15. desember 2026");
    expect(giske.parsed.text).toContain(link);

    const sula = byRecipient.get("ikt@sula.example")!;
    expect(header(sula, "content-language")).toBe("en");
    expect(sula.parsed.subject).toBe("Reporting for Sula: Innføringsstatus 2026 – deadline 15 December 2026");
    expect(sula.parsed.text).toContain("Hello Solveig IKT-leiar (Sula),");
    expect(sula.parsed.text).toContain("for Sula by 15 December 2026");
    expect(sula.parsed.text).toContain(link);

    const kristiansand = byRecipient.get("it@kristiansand.example")!;
    expect(header(kristiansand, "content-language")).toBe("nb");
    expect(kristiansand.parsed.text).toContain("Knutepunkt Sørlandet har åpnet rapporteringsrunden");
    expect(kristiansand.parsed.text).toContain("innen 15. desember 2026");
    expect(kristiansand.parsed.text).toContain("Med vennlig hilsen\nKnutepunkt Sørlandet");
    expect(header(kristiansand, "auto-submitted")).toBe("auto-generated");

    for (const m of await messages()) expect(m).toMatchObject({ status: "sent", sent_at: T0.toISOString(), attempts: 1 });
    // nothing is due any more
    expect(await deliverDueMail(db, { transport, now: at(3600), retrySeconds: RETRIES })).toEqual({
      sent: 0,
      outbox: 0,
      retrying: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(3);
  });

  it("keeps a refused message with the server's reply, retries it on schedule and sends it when the server accepts", async () => {
    await enqueueFor(f.giske, (await reporters()).giske);
    smtp.refuse({ stage: "rcpt", code: 550, message: "Mailbox ikt@giske.example unavailable" });

    expect((await deliverDueMail(db, { transport, now: T0, retrySeconds: RETRIES })).retrying).toBe(1);
    const [refused] = await messages();
    expect(refused).toMatchObject({ status: "pending", attempts: 1, next_attempt_at: at(60).toISOString(), sent_at: null });
    expect(refused.last_error).toMatch(/^RCPT TO: 550 Mailbox ikt@giske.example unavailable/);
    expect(smtp.received).toHaveLength(0);

    // not due before its time
    await deliverDueMail(db, { transport, now: at(59), retrySeconds: RETRIES });
    expect(smtp.refusals).toBe(1);
    expect((await messages())[0].attempts).toBe(1);

    smtp.refuse(null);
    expect((await deliverDueMail(db, { transport, now: at(60), retrySeconds: RETRIES })).sent).toBe(1);
    expect(await messages()).toMatchObject([{ status: "sent", attempts: 2, sent_at: at(60).toISOString() }]);
    expect(smtp.received.map((m) => m.recipients)).toEqual([["ikt@giske.example"]]);
  });

  it("gives up after the last retry, shows the error, and 'send again' starts over with a fresh set of retries", async () => {
    await enqueueFor(f.sula, (await reporters()).sula);
    smtp.refuse({ stage: "data", code: 451, message: "Temporary local problem, try again later" });

    await deliverDueMail(db, { transport, now: T0, retrySeconds: RETRIES });
    await deliverDueMail(db, { transport, now: at(60), retrySeconds: RETRIES });
    expect(await messages()).toMatchObject([{ status: "pending", attempts: 2, next_attempt_at: at(360).toISOString() }]);
    expect((await deliverDueMail(db, { transport, now: at(360), retrySeconds: RETRIES })).failed).toBe(1);
    const [failed] = await messages();
    expect(failed).toMatchObject({ status: "failed", attempts: 3, next_attempt_at: null, sent_at: null });
    expect(failed.last_error).toMatch(/^DATA: 451 Temporary local problem/);
    // a failed message is never picked up again by itself
    await deliverDueMail(db, { transport, now: at(100_000), retrySeconds: RETRIES });
    expect(smtp.refusals).toBe(3);

    // only within the cooperation it belongs to
    const other = { cooperationId: f.knutepunkt.id, userId: f.users.secretariat, messageId: failed.id, now: at(500) };
    await expect(requeueFailedMail(db, other)).rejects.toBeInstanceOf(MailNotFoundError);
    const auditBefore = (await db.selectFrom("audit_event").select("id").execute()).length;
    const mine = { ...other, cooperationId: f.ekommune.id };
    expect(await requeueFailedMail(db, mine)).toBe("requeued");
    expect(await requeueFailedMail(db, mine)).toBe("notFailed");
    expect(await messages()).toMatchObject([
      { status: "pending", attempts: 0, next_attempt_at: at(500).toISOString(), last_error: null },
    ]);
    const audit = await db.selectFrom("audit_event").selectAll().where("entity_id", "=", failed.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "mail.requeued", cooperation_id: f.ekommune.id, actor_id: f.users.secretariat });
    expect(JSON.parse(audit[0].before!)).toMatchObject({ status: "failed", attempts: 3 });
    expect((await db.selectFrom("audit_event").select("id").execute()).length).toBe(auditBefore + 1);

    smtp.refuse(null);
    expect((await deliverDueMail(db, { transport, now: at(500), retrySeconds: RETRIES })).sent).toBe(1);
    expect(await messages()).toMatchObject([{ status: "sent", attempts: 1 }]);
  });

  it("records a server that cannot be reached on every due message, without trying each one", async () => {
    const r = await reporters();
    await enqueueFor(f.giske, r.giske);
    await enqueueFor(f.sula, r.sula);
    const down = await startSmtpServer();
    const unreachable = smtpTransport({ url: down.url, from: FROM });
    await down.close();
    expect(await deliverDueMail(db, { transport: unreachable, now: T0, retrySeconds: RETRIES })).toMatchObject({ retrying: 2 });
    for (const m of await messages()) {
      expect(m).toMatchObject({ status: "pending", attempts: 1, next_attempt_at: at(60).toISOString() });
      expect(m.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
  });

  it("without SMTP keeps the messages in the outbox, readable and not sent", async () => {
    const r = await reporters();
    await enqueueFor(f.giske, r.giske, "round_reminder");
    expect(await deliverDueMail(db, { transport: outboxTransport, now: T0, retrySeconds: RETRIES })).toMatchObject({ outbox: 1 });
    const [kept] = await messages();
    expect(kept).toMatchObject({ status: "outbox", sent_at: T0.toISOString(), kind: "round_reminder", language: "nn" });
    expect(kept.subject).toBe("Påminning: frist 15. desember 2026 for Innføringsstatus 2026 (Giske)");
    expect(kept.body_text).toContain("Har de alt levert");
    expect(smtp.received).toHaveLength(0);
    // and the outbox is final: a later tick with SMTP does not send it
    await deliverDueMail(db, { transport, now: at(60), retrySeconds: RETRIES });
    expect(smtp.received).toHaveLength(0);
  });

  it("two deliveries at the same time send every message once", async () => {
    const recipients: MailRecipient[] = [];
    for (let i = 0; i < 6; i++) {
      const email = `r${i}-${randomUUID().slice(0, 8)}@giske.example`;
      recipients.push({ userId: await addUser(db, { email, name: `R${i}` }), email, name: `R${i}`, language: "nn" });
    }
    await enqueueFor(f.giske, recipients);
    // a slow relay, so that both workers are at it at the same time and race for the same messages
    const slow: MailTransport = {
      kind: "smtp",
      send: async (mail) => {
        await new Promise((r) => setTimeout(r, 30));
        await transport.send(mail);
      },
    };
    const reports = await Promise.all([
      deliverDueMail(db, { transport: slow, now: T0, retrySeconds: RETRIES }),
      deliverDueMail(db, { transport: slow, now: T0, retrySeconds: RETRIES }),
    ]);
    expect(reports[0].sent + reports[1].sent).toBe(6);
    expect(reports.every((r) => r.sent > 0)).toBe(true);
    expect(smtp.received.map((m) => m.recipients[0]).sort()).toEqual(recipients.map((r) => r.email).sort());
    expect((await messages()).every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
  });
});

describe("mail through the production server: the background job retries, the secretariat sees the failure", () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  let ekommuneId: CooperationId;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ SMTP_URL: smtp.url, JOB_INTERVAL_MS: "200", MAIL_RETRY_SECONDS: "1,1,1,1,1,1" });
    ekommuneId = await cooperationIdOf(server.db, "ekommune-sunnmore");
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });
  afterEach(() => {
    smtp.reset();
  });

  const row = (id: string) => server.db.selectFrom("mail_message").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  /** What arrived of this test's round e-mail: the demo's plan out for input has e-mail of its own in the queue. */
  const roundMailReceived = () => smtp.received.filter((m) => m.parsed.subject?.startsWith("Rapportering for Giske"));
  const page = async (cookie: string, init: RequestInit = {}) =>
    fetch(`${server.url}/c/ekommune-sunnmore/mail`, {
      redirect: "manual",
      ...init,
      headers: { Cookie: cookie, ...init.headers },
    });

  /** `adjust` runs in the same transaction, so the background job never sees the message before it. */
  async function enqueueForGiske(adjust?: (trx: DB, messageId: string) => Promise<void>): Promise<string> {
    const giske = await memberId(server.db, ekommuneId, "1532");
    const recipients = (await reportersToNotify(server.db, { cooperationId: ekommuneId, municipalityIds: [giske] })).get(giske)!;
    expect(recipients.map((r) => r.email)).toEqual(["ikt@giske.example"]);
    const roundId = await addRound(server.db, ekommuneId, `Runde ${randomUUID().slice(0, 4)}`);
    return server.db.transaction().execute(async (trx) => {
      await enqueueRoundMail(trx, {
        cooperationId: ekommuneId,
        roundId,
        municipalityId: giske,
        kind: "round_opened",
        recipients,
        cooperationName: "eKommune Sunnmøre",
        roundName: "Innføringsstatus 2026",
        deadline: DEADLINE,
        link: `${server.url}/c/ekommune-sunnmore`,
        municipalityName: "Giske",
        now: new Date(),
      });
      const { id } = await trx.selectFrom("mail_message").select("id").where("round_id", "=", roundId).executeTakeFirstOrThrow();
      await adjust?.(trx, id);
      return id;
    });
  }

  it("shows the SMTP server's refusal to the secretariat, and sends on the retry once the server accepts", async () => {
    expect(server.output()).toContain(`Mail: ${smtp.url}`);
    // refused from before the message is queued; the other tests meet a server that accepts (afterEach resets it)
    smtp.refuse({ stage: "rcpt", code: 550, message: "Relay access denied for ikt@giske.example" });
    const id = await enqueueForGiske();
    const refused = await waitFor("the background job's first attempt", async () => {
      const m = await row(id);
      return m.attempts >= 1 && m.last_error ? m : null;
    });
    expect(refused.last_error).toContain("550 Relay access denied");

    const cookie = await loginCookie(server, "sekretariat@ekommune-sunnmore.example");
    const response = await page(cookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    // the secretariat's page is in eKommune Sunnmøre's Nynorsk
    expect(html).toContain("E-post til rapportørane");
    expect(html).toContain("Feil frå e-posttenaren: RCPT TO: 550 Relay access denied for ikt@giske.example");
    expect(html).toMatch(/Ikkje send enno: forsøk \d feila\. Nytt forsøk \(\d av 6\)/);
    expect(html).toContain("ikt@giske.example");

    smtp.refuse(null);
    const sent = await waitFor("the retry to go through", async () => {
      const m = await row(id);
      return m.status === "sent" ? m : null;
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(roundMailReceived().map((m) => m.recipients)).toEqual([["ikt@giske.example"]]);
    expect(roundMailReceived()[0].parsed.subject).toBe("Rapportering for Giske: Innføringsstatus 2026 – frist 15. desember 2026");
    expect(await (await page(cookie)).text()).toMatch(/data-status="sent"/);
  });

  it("'send again' on a failed message, through the page's form, puts it back in the queue and the job sends it", async () => {
    // as the job leaves a message after its last retry (the schedule itself is tested above)
    const id = await enqueueForGiske(async (trx, messageId) => {
      await trx
        .updateTable("mail_message")
        .set({ status: "failed", attempts: 7, next_attempt_at: null, last_error: "RCPT TO: 550 Relay access denied" })
        .where("id", "=", messageId)
        .execute();
    });
    const cookie = await loginCookie(server, "sekretariat@ekommune-sunnmore.example");
    const html = await (await page(cookie)).text();
    expect(html).toContain("Feila etter 7 forsøk.");
    expect(html).toContain(`name="messageId" value="${id}"`);

    const form = (c: string) =>
      page(c, {
        method: "POST",
        headers: { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "requeue", messageId: id }),
      });
    // another cooperation's secretariat, and a reporter of this one, may not
    expect((await form(await loginCookie(server, "sekretariat@knutepunkt-sorlandet.example"))).status).toBe(404);
    expect((await form(await loginCookie(server, "ikt@giske.example"))).status).toBe(403);
    expect((await row(id)).status).toBe("failed");

    const reply = await form(cookie);
    expect(reply.status).toBe(302);
    expect(reply.headers.get("location")).toBe(`/c/ekommune-sunnmore/mail#mail-${id}`);
    const audit = await server.db.selectFrom("audit_event").selectAll().where("entity_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(["mail.requeued"]);
    await waitFor("the job to send it", async () => (await row(id)).status === "sent");
    expect(roundMailReceived().map((m) => m.recipients)).toEqual([["ikt@giske.example"]]);
  });

  it("is the secretariat's own: other cooperations get 404, members without the right 403", async () => {
    const other = await loginCookie(server, "sekretariat@knutepunkt-sorlandet.example");
    expect((await page(other)).status).toBe(404);
    for (const email of ["ikt@giske.example", "styre@ekommune-sunnmore.example", "lesar@ekommune-sunnmore.example"]) {
      expect((await page(await loginCookie(server, email))).status, email).toBe(403);
    }
    const anonymous = await fetch(`${server.url}/c/ekommune-sunnmore/mail`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
  });
});
