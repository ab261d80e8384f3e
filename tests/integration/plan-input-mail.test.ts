/*
 * A plan sent for input e-mails the reporters of the member municipalities, through the mail
 * queue (decision 007) and a real SMTP server on 127.0.0.1: in each reporter's language, with the
 * plan's year and version, the deadline as that language writes it, and the plan page's link.
 * A new version out for input is announced once, for that version; a refused transition and a
 * round already over announce nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { deliverDueMail, smtpTransport, type MailTransport } from "../../app/mail/delivery.server";
import { listMail } from "../../app/mail/outbox.server";
import { createEmptyPlan, transitionPlanVersion, type TransitionRequest } from "../../app/plan/plan.server";
import { osloToday } from "../../shared-schema/dates";
import { seedDemo } from "../../seeds/demo";
import { testDatabases } from "../support/databases";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { cooperationIdOf } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

process.env.APP_ORIGIN = "https://fellesloft.example";

const FROM = "Fellesløft <ikkje-svar@fellesloft.example>";
const YEAR = 2034;
/** the year of the plan that is approved and amended; a test of its own, so a plan of its own */
const AMENDED_YEAR = YEAR + 2;
const PLAN_PAGE = `https://fellesloft.example/c/ekommune-sunnmore/plans/${YEAR}`;

/** Norway's date `days` from today, yyyy-mm-dd. */
function daysFromToday(days: number): string {
  const d = new Date(`${osloToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DEADLINE = daysFromToday(20);
const [y, m, d] = DEADLINE.split("-").map(Number);
const MONTHS_NB = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
];
/** The deadline as Bokmål and Nynorsk write it: "22. desember 2026", written out here, not by the app's formatter. */
const DEADLINE_NO = `${d}. ${MONTHS_NB[m - 1]} ${y}`;

const DECISION = {
  body: "chief_executives" as const,
  decidedOn: osloToday(),
  caseNumber: "30/26",
  text: "Rådmannsutvalet godkjenner handlingsplanen.",
};

describe.each(testDatabases())("plan input round e-mail on $name", (database) => {
  let db: DB;
  let close: () => Promise<void>;
  let smtp: TestSmtpServer;
  let transport: MailTransport;
  let coopId: CooperationId;
  let users: Record<"secretariat" | "board" | "giske" | "sula", string>;
  let addresses: { board: string[]; viewers: string[]; secretariat: string[] };

  const idOf = async (email: string) =>
    (await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const emailsWithRole = async (role: "board" | "viewer" | "secretariat") =>
    (
      await db
        .selectFrom("role_grant")
        .innerJoin("app_user", "app_user.id", "role_grant.user_id")
        .select("app_user.email")
        .where("role_grant.cooperation_id", "=", coopId)
        .where("role_grant.role", "=", role)
        .execute()
    ).map((r) => r.email);

  beforeAll(async () => {
    ({ db, close } = await database.open());
    await seedDemo(db);
    coopId = await cooperationIdOf(db, "ekommune-sunnmore");
    users = {
      secretariat: await idOf("sekretariat@ekommune-sunnmore.example"),
      board: await idOf("styre@ekommune-sunnmore.example"),
      giske: await idOf("ikt@giske.example"),
      sula: await idOf("ikt@sula.example"),
    };
    // Giske's reporter has no language of their own and gets Giske's Nynorsk; Sula's has chosen Bokmål
    await db.updateTable("app_user").set({ language: null }).where("id", "=", users.giske).execute();
    await db.updateTable("app_user").set({ language: "nb" }).where("id", "=", users.sula).execute();
    // a reporter who has left is not written to
    const gone = randomUUID();
    const stamp = new Date().toISOString();
    await db
      .insertInto("app_user")
      .values({
        id: gone,
        email: "sluttet@giske.example",
        name: "Sluttet Rapportør",
        password_hash: "not-a-hash",
        is_platform_admin: 0,
        language: null,
        disabled_at: stamp,
        created_at: stamp,
      })
      .execute();
    const giskeId = (await db.selectFrom("municipality").select("id").where("number", "=", "1532").executeTakeFirstOrThrow()).id;
    await db
      .insertInto("role_grant")
      .values({
        id: randomUUID(),
        user_id: gone,
        cooperation_id: coopId,
        role: "reporter",
        municipality_id: giskeId,
        created_at: stamp,
      })
      .execute();
    addresses = {
      board: await emailsWithRole("board"),
      viewers: await emailsWithRole("viewer"),
      secretariat: await emailsWithRole("secretariat"),
    };
    smtp = await startSmtpServer();
    transport = smtpTransport({ url: smtp.url, from: FROM });
  });
  afterAll(async () => {
    await smtp?.close();
    await close?.();
  });
  const forgetMail = () => db.deleteFrom("mail_message").execute();
  beforeEach(async () => {
    await forgetMail();
    smtp.reset();
  });

  const versionOf = async (id: string) =>
    (await db.selectFrom("plan_version").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
  const act = async (who: keyof typeof users, versionId: string, request: TransitionRequest) =>
    transitionPlanVersion(db, {
      cooperationId: coopId,
      userId: users[who],
      versionId,
      version: await versionOf(versionId),
      request,
    });
  const planMail = () =>
    db.selectFrom("mail_message").selectAll().where("kind", "=", "plan_input").orderBy("to_address").execute();
  const deliver = () => deliverDueMail(db, { transport, now: new Date(), retrySeconds: [60] });

  /** a new empty plan for `year`, sent out for input until DEADLINE */
  const sentForInput = async (year: number) => {
    const { versionId } = await createEmptyPlan(db, { cooperationId: coopId, userId: users.secretariat, year });
    await act("secretariat", versionId, { action: "sendForInput", inputDeadline: DEADLINE });
    return versionId;
  };

  it("e-mails each active reporter, in their own language, with year, version, deadline and the plan page", async () => {
    const v1 = await sentForInput(YEAR);
    expect((await planMail()).map((r) => [r.to_address, r.language, r.plan_version_id, r.status])).toEqual([
      ["ikt@giske.example", "nn", v1, "pending"],
      ["ikt@sula.example", "nb", v1, "pending"],
    ]);
    // the secretariat's outbox names the plan each message is about
    const { messages } = await listMail(db, { cooperationId: coopId, limit: 10 });
    expect(messages.map((m) => [m.kind, m.municipalityName, m.plan]).sort()).toEqual([
      ["plan_input", "Giske", { year: YEAR, versionNo: 1 }],
      ["plan_input", "Sula", { year: YEAR, versionNo: 1 }],
    ]);

    expect(await deliver()).toMatchObject({ sent: 2, failed: 0 });
    const byRecipient = new Map(smtp.received.map((r) => [r.recipients.join(","), r]));
    expect([...byRecipient.keys()].sort()).toEqual(["ikt@giske.example", "ikt@sula.example"]);
    for (const address of [...addresses.board, ...addresses.viewers, ...addresses.secretariat]) {
      expect(byRecipient.has(address), address).toBe(false);
    }

    const giske = byRecipient.get("ikt@giske.example")!;
    expect(String(giske.parsed.headers.get("content-language"))).toBe("nn");
    expect(giske.parsed.subject).toBe(`Innspel til handlingsplan ${YEAR} for Giske – frist ${DEADLINE_NO}`);
    expect(giske.parsed.text).toContain("Hei Gunnar IKT-leiar (Giske),");
    expect(giske.parsed.text).toContain(`eKommune Sunnmøre har sendt handlingsplanen for ${YEAR} (versjon 1) på innspel.`);
    expect(giske.parsed.text).toContain(`innspel frå Giske innan ${DEADLINE_NO}`);
    expect(giske.parsed.text).toContain(PLAN_PAGE);

    const sula = byRecipient.get("ikt@sula.example")!;
    expect(String(sula.parsed.headers.get("content-language"))).toBe("nb");
    expect(sula.parsed.subject).toBe(`Innspill til handlingsplan ${YEAR} for Sula – frist ${DEADLINE_NO}`);
    expect(sula.parsed.text).toContain(`eKommune Sunnmøre har sendt handlingsplanen for ${YEAR} (versjon 1) på innspill.`);
    expect(sula.parsed.text).toContain(`innspill fra Sula innen ${DEADLINE_NO}`);
    expect(sula.parsed.text).toContain(PLAN_PAGE);
  });

  it("announces a new version once, for that version, and nothing when a transition is refused or the round is already over", async () => {
    const v1 = await sentForInput(AMENDED_YEAR);
    await forgetMail();
    await act("secretariat", v1, { action: "closeInput" });
    await act("secretariat", v1, { action: "submit" });
    await act("board", v1, { action: "approve", decision: DECISION });
    const v2 = (await act("secretariat", v1, { action: "amend" })).versionId;
    expect(await planMail()).toEqual([]);

    // a stale form (the version moved on) is refused, and its e-mail rolled back with it
    await expect(
      transitionPlanVersion(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        versionId: v2,
        version: (await versionOf(v2)) + 1,
        request: { action: "sendForInput", inputDeadline: DEADLINE },
      }),
    ).rejects.toThrow();
    expect(await planMail()).toEqual([]);

    await act("secretariat", v2, { action: "sendForInput", inputDeadline: DEADLINE });
    await act("secretariat", v2, { action: "closeInput" });
    await act("secretariat", v2, { action: "submit" });
    const mail = await planMail();
    expect(mail.map((r) => [r.to_address, r.plan_version_id])).toEqual([
      ["ikt@giske.example", v2],
      ["ikt@sula.example", v2],
    ]);
    expect(await deliver()).toMatchObject({ sent: 2 });
    expect(smtp.received.map((r) => r.parsed.subject).sort()).toEqual([
      `Innspel til handlingsplan ${AMENDED_YEAR} for Giske – frist ${DEADLINE_NO}`,
      `Innspill til handlingsplan ${AMENDED_YEAR} for Sula – frist ${DEADLINE_NO}`,
    ]);
    expect(smtp.received.every((r) => r.parsed.text?.includes(`${AMENDED_YEAR} (versjon 2)`))).toBe(true);

    // a past year's plan entered after the fact: nobody can comment, so nobody is asked to
    const past = (await createEmptyPlan(db, { cooperationId: coopId, userId: users.secretariat, year: YEAR + 1 })).versionId;
    await act("secretariat", past, { action: "sendForInput", inputDeadline: daysFromToday(-1) });
    expect((await planMail()).filter((r) => r.plan_version_id === past)).toEqual([]);
  });
});
