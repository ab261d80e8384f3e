import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { osloToday } from "@shared-schema/dates";
import { uptakeTimeline } from "../../app/uptake/history.server";
import { listOwnMeasures } from "../../app/uptake/own-measures.server";
import {
  NotParticipatingError,
  NothingToSaveError,
  UptakeRowErrors,
  currentReports,
  saveBulkUptake,
  saveUptakeReports,
  type ReportToSave,
} from "../../app/uptake/report.server";
import {
  CannotSubmitError,
  NotSubmittedError,
  RoundClosedError,
  closeRound,
  openRound,
  returnSubmission,
  roundDetail,
  sendDueReminders,
  sendReminders,
  submitRound,
} from "../../app/round/round.server";
import { freshDemoEach, testDatabases } from "../support/databases";
import { cooperationIdOf, currentMunicipalityId, userIdByEmail } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

/*
 * Uptake reports and reporting rounds against the demo data (seeds/demo-uptake.ts), on SQLite and
 * PostgreSQL: every report kept in the order saved, concurrent saves both kept, a bulk save all or
 * nothing, the municipality always the session's, rounds from opening to closing. Every test has
 * its own copy of the demo.
 */

describe.each(testDatabases())("uptake reporting on $name", (database) => {
  const demo = freshDemoEach(database);
  let db: DB;
  let coopId: CooperationId;
  let otherCoopId: CooperationId;
  let giske: string;
  let sula: string;
  let users: Record<"secretariat" | "giske" | "sula", string>;
  let measure: Record<number, string>;
  let otherMeasure: string;

  const today = osloToday();
  const report = (measureId: string, status: ReportToSave["status"], comment = ""): ReportToSave => ({
    measureId,
    status,
    comment,
    effectiveDate: today,
    decisionReference: null,
    evidenceUrl: null,
    realisedBenefitText: null,
    benefits: [],
  });
  const asGiske = () => ({ cooperationId: coopId, municipalityId: giske, userId: users.giske });
  const reportsOf = (municipalityId: string, measureId: string) =>
    db
      .selectFrom("uptake_report")
      .selectAll()
      .where("municipality_id", "=", municipalityId)
      .where("measure_id", "=", measureId)
      .orderBy("seq")
      .execute();
  const count = async (table: "uptake_report" | "audit_event" | "mail_message" | "uptake_benefit") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    db = demo.db;
    coopId = await cooperationIdOf(db, "ekommune-sunnmore");
    otherCoopId = await cooperationIdOf(db, "knutepunkt-sorlandet");
    const municipality = (number: string) => currentMunicipalityId(db, number);
    giske = await municipality("1532");
    sula = await municipality("1531");
    const user = (email: string) => userIdByEmail(db, email);
    users = {
      secretariat: await user("sekretariat@ekommune-sunnmore.example"),
      giske: await user("ikt@giske.example"),
      sula: await user("ikt@sula.example"),
    };
    const rows = await db.selectFrom("measure").select(["id", "number"]).where("cooperation_id", "=", coopId).execute();
    measure = Object.fromEntries(rows.map((r) => [r.number, r.id]));
    otherMeasure = (
      await db.selectFrom("measure").select("id").where("cooperation_id", "=", otherCoopId).executeTakeFirstOrThrow()
    ).id;
  });

  it("keeps every report; the current status is the latest, and the timeline says from what to what", async () => {
    const before = await reportsOf(giske, measure[8]);
    await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[8], "planned", "Vedteke i formannskapet")] });
    await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[8], "in_progress")] });
    const after = await reportsOf(giske, measure[8]);
    expect(after.length).toBe(before.length + 2);
    expect(after.map((r) => r.seq)).toEqual(after.map((_, i) => i + 1));
    expect(after.at(-1)).toMatchObject({ status: "in_progress", reporter_id: users.giske, municipality_id: giske });
    expect((await currentReports(db, { cooperationId: coopId, municipalityId: giske })).get(measure[8])?.status).toBe(
      "in_progress",
    );

    const [timeline] = await uptakeTimeline(db, { cooperationId: coopId, measureId: measure[8], municipalityId: giske });
    expect(timeline.entries[0]).toMatchObject({ from: "planned", to: "in_progress" });
    expect(timeline.entries[1]).toMatchObject({ to: "planned", comment: "Vedteke i formannskapet" });
    expect(timeline.entries.at(-1)!.from).toBeNull();
  });

  it("two reporters saving the same measure at once: both reports are kept, one after the other", async () => {
    const before = await reportsOf(giske, measure[9]);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        saveUptakeReports(db, { ...asGiske(), reports: [report(measure[9], "in_progress", `Samtidig ${i}`)] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    const after = await reportsOf(giske, measure[9]);
    expect(after.length).toBe(before.length + 10);
    expect(new Set(after.map((r) => r.seq)).size).toBe(after.length);
    expect(
      after
        .slice(-10)
        .map((r) => r.comment)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `Samtidig ${i}`).sort());
  });

  it("a step back needs a comment, checked against the status current when saving", async () => {
    await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[8], "in_use")] });
    const n = await count("uptake_report");
    await expect(saveUptakeReports(db, { ...asGiske(), reports: [report(measure[8], "planned")] })).rejects.toBeInstanceOf(
      UptakeRowErrors,
    );
    expect(await count("uptake_report")).toBe(n);
    await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[8], "planned", "Leverandøren trekte seg")] });
    expect(await count("uptake_report")).toBe(n + 1);
  });

  it("a bulk save is all or nothing: one bad row saves none, and the error names that row of the form", async () => {
    const reports = await count("uptake_report");
    const events = await count("audit_event");
    const current = await currentReports(db, { cooperationId: coopId, municipalityId: giske });
    const forward = (n: number) => (current.get(measure[n])?.status === "realised" ? ("in_use" as const) : ("realised" as const));
    const rows = [
      { measureId: measure[1], status: "not_relevant" as const, comment: "" },
      { measureId: measure[2], status: forward(2), comment: "Framdrift" },
      { measureId: measure[7], status: "not_relevant" as const, comment: "" },
    ];
    const error = await saveBulkUptake(db, { ...asGiske(), input: { effectiveDate: today, rows } }).catch((e) => e);
    expect(error).toBeInstanceOf(UptakeRowErrors);
    expect((error as UptakeRowErrors).errors.map((e) => [e.index, e.field])).toEqual([
      [0, "comment"],
      [2, "comment"],
    ]);
    expect(await count("uptake_report")).toBe(reports);
    expect(await count("audit_event")).toBe(events);
  });

  it("a bulk save writes changed rows, commented rows and rows an open round asks for, and nothing else", async () => {
    const own = await listOwnMeasures(db, { cooperationId: coopId, municipalityId: giske });
    const asked = own.filter((m) => m.askedInRound).map((m) => m.id);
    expect(asked.length).toBeGreaterThan(0);
    const unchanged = own.map((m) => ({ measureId: m.id, status: m.current?.status ?? ("not_started" as const), comment: "" }));
    const reports = await count("uptake_report");
    const { saved } = await saveBulkUptake(db, { ...asGiske(), input: { effectiveDate: today, rows: unchanged } });
    expect(saved).toBe(asked.length);
    expect(await count("uptake_report")).toBe(reports + asked.length);
    expect((await listOwnMeasures(db, { cooperationId: coopId, municipalityId: giske })).some((m) => m.askedInRound)).toBe(false);
    await expect(saveBulkUptake(db, { ...asGiske(), input: { effectiveDate: today, rows: unchanged } })).rejects.toBeInstanceOf(
      NothingToSaveError,
    );
  });

  it("reports only for measures the municipality takes part in, and only in its own cooperation", async () => {
    const reports = await count("uptake_report");
    await db.deleteFrom("measure_participant").where("measure_id", "=", measure[8]).where("municipality_id", "=", sula).execute();
    const asSula = { cooperationId: coopId, municipalityId: sula, userId: users.sula };
    await expect(saveUptakeReports(db, { ...asSula, reports: [report(measure[8], "planned")] })).rejects.toBeInstanceOf(
      NotParticipatingError,
    );
    await expect(saveUptakeReports(db, { ...asGiske(), reports: [report(otherMeasure, "planned")] })).rejects.toBeInstanceOf(
      NotParticipatingError,
    );
    await expect(
      saveUptakeReports(db, {
        cooperationId: otherCoopId,
        municipalityId: giske,
        userId: users.giske,
        reports: [report(otherMeasure, "planned")],
      }),
    ).rejects.toBeInstanceOf(NotParticipatingError);
    expect(await count("uptake_report")).toBe(reports);
  });

  it("keeps realised benefits in the measure's own units, and refuses another measure's benefit", async () => {
    const benefits = await db
      .selectFrom("measure_benefit")
      .select(["id", "measure_id"])
      .where("measure_id", "in", [measure[7], measure[1]])
      .execute();
    const own = benefits.find((b) => b.measure_id === measure[7])!;
    const foreign = benefits.find((b) => b.measure_id !== measure[7]);
    const realised = {
      ...report(measure[7], "realised", "Målt i desember"),
      realisedBenefitText: "Mindre brukarstøtte",
      benefits: [{ benefitId: own.id, amount: 120 }],
    };
    const [id] = await saveUptakeReports(db, { ...asGiske(), reports: [realised] });
    expect(await db.selectFrom("uptake_benefit").selectAll().where("report_id", "=", id).execute()).toEqual([
      { report_id: id, benefit_id: own.id, amount: 120 },
    ]);
    if (foreign) {
      const n = await count("uptake_benefit");
      await expect(
        saveUptakeReports(db, { ...asGiske(), reports: [{ ...realised, benefits: [{ benefitId: foreign.id, amount: 1 }] }] }),
      ).rejects.toBeInstanceOf(UptakeRowErrors);
      expect(await count("uptake_benefit")).toBe(n);
    }
  });

  it("every report is an audit event with the acting reporter", async () => {
    const [id] = await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[5], "in_use", "Overvaking i drift")] });
    const event = await db.selectFrom("audit_event").selectAll().where("entity_id", "=", id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: "uptake.report", actor_id: users.giske, cooperation_id: coopId });
    expect(JSON.parse(event.after!)).toMatchObject({ status: "in_use", municipality_id: giske });
  });

  describe("a reporting round", () => {
    /** a round about measures 4 (all members) and 8 (Giske and Sula), open until 2099 */
    const openTrialRound = () =>
      openRound(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        input: {
          name: "Prøverunde",
          statusDate: "2014-12-31",
          deadline: "2099-01-31",
          reminderDaysBefore: 5,
          measures: [measure[4], measure[8]],
        },
      });
    /** Giske answers both of the round's measures and submits */
    const giskeSubmits = async (roundId: string) => {
      await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[4], "in_use"), report(measure[8], "planned")] });
      await submitRound(db, { ...asGiske(), roundId });
    };

    it("opens with e-mail to the reporters of every asked municipality", async () => {
      const mails = await count("mail_message");
      const roundId = await openTrialRound();
      const detail = await roundDetail(db, { cooperationId: coopId, roundId });
      // measure 4 is for all members: every member today is asked (the demo's seven since 2024)
      expect(detail.municipalities.length).toBe(7);
      expect(detail.municipalities.every((m) => m.state === "missing")).toBe(true);
      const sent = await db.selectFrom("mail_message").selectAll().where("round_id", "=", roundId).execute();
      expect(sent.map((m) => m.to_address).sort()).toEqual(["ikt@giske.example", "ikt@sula.example"]);
      expect(sent.every((m) => m.kind === "round_opened" && m.status === "pending")).toBe(true);
      expect(await count("mail_message")).toBe(mails + 2);
    });

    it("counts a municipality's reports saved during the round, and only its own", async () => {
      const roundId = await openTrialRound();
      await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[4], "in_use")] });
      let detail = await roundDetail(db, { cooperationId: coopId, roundId });
      const giskeProgress = () => detail.municipalities.find((m) => m.municipalityId === giske)!;
      const sulaProgress = () => detail.municipalities.find((m) => m.municipalityId === sula)!;
      expect(giskeProgress().state).toBe("partial");
      expect(sulaProgress().state).toBe("missing");
      await expect(submitRound(db, { ...asGiske(), roundId })).rejects.toBeInstanceOf(CannotSubmitError);
      await saveUptakeReports(db, { ...asGiske(), reports: [report(measure[8], "planned")] });
      detail = await roundDetail(db, { cooperationId: coopId, roundId });
      expect(giskeProgress().state).toBe("complete");
      await submitRound(db, { ...asGiske(), roundId });
      detail = await roundDetail(db, { cooperationId: coopId, roundId });
      expect(giskeProgress().state).toBe("submitted");
      await expect(submitRound(db, { ...asGiske(), roundId })).rejects.toBeInstanceOf(CannotSubmitError);
    });

    it("reminds those who have not submitted; Giske, having submitted, gets none", async () => {
      const roundId = await openTrialRound();
      await giskeSubmits(roundId);
      const { notified, withoutReporter } = await sendReminders(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        roundId,
      });
      expect(notified).toBe(1);
      // of today's seven members, Giske and Sula have reporters
      expect(withoutReporter.length).toBe(5);
      const reminders = await db
        .selectFrom("mail_message")
        .selectAll()
        .where("round_id", "=", roundId)
        .where("kind", "=", "round_reminder")
        .execute();
      expect(reminders.map((m) => m.to_address)).toEqual(["ikt@sula.example"]);
    });

    it("returns a submission with a comment; the municipality submits again", async () => {
      const roundId = await openTrialRound();
      await giskeSubmits(roundId);
      await expect(
        returnSubmission(db, { cooperationId: coopId, userId: users.secretariat, roundId, municipalityId: sula, comment: "x" }),
      ).rejects.toBeInstanceOf(NotSubmittedError);
      await returnSubmission(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        roundId,
        municipalityId: giske,
        comment: "Sjå på 8",
      });
      let detail = await roundDetail(db, { cooperationId: coopId, roundId });
      expect(detail.municipalities.find((m) => m.municipalityId === giske)).toMatchObject({
        state: "returned",
        submission: { returnComment: "Sjå på 8" },
      });
      await submitRound(db, { ...asGiske(), roundId });
      detail = await roundDetail(db, { cooperationId: coopId, roundId });
      expect(detail.municipalities.find((m) => m.municipalityId === giske)!.state).toBe("submitted");
    });

    it("is not visible from another cooperation", async () => {
      const roundId = await openTrialRound();
      await expect(roundDetail(db, { cooperationId: otherCoopId, roundId })).rejects.toThrow();
      await expect(sendReminders(db, { cooperationId: otherCoopId, userId: null, roundId })).rejects.toThrow();
    });

    it("closes; afterwards reports no longer count for it and nothing can be submitted", async () => {
      const roundId = await openTrialRound();
      await closeRound(db, { cooperationId: coopId, userId: users.secretariat, roundId });
      await expect(closeRound(db, { cooperationId: coopId, userId: users.secretariat, roundId })).rejects.toBeInstanceOf(
        RoundClosedError,
      );
      const [id] = await saveUptakeReports(db, {
        cooperationId: coopId,
        municipalityId: sula,
        userId: users.sula,
        reports: [report(measure[4], "in_use")],
      });
      expect(
        (await db.selectFrom("uptake_report").select("round_id").where("id", "=", id).executeTakeFirstOrThrow()).round_id,
      ).not.toBe(roundId);
      await expect(
        submitRound(db, { cooperationId: coopId, municipalityId: sula, userId: users.sula, roundId }),
      ).rejects.toBeInstanceOf(RoundClosedError);
    });

    it("sends the automatic reminder once, on its day, to those who have not submitted", async () => {
      const id = await openRound(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        input: {
          name: "Påminningsrunde",
          statusDate: "2099-03-01",
          deadline: "2099-03-10",
          reminderDaysBefore: 3,
          measures: [measure[4]],
        },
      });
      const reminders = () =>
        db
          .selectFrom("mail_message")
          .select("to_address")
          .where("round_id", "=", id)
          .where("kind", "=", "round_reminder")
          .execute();
      await sendDueReminders(db, new Date("2099-03-06T12:00:00Z"));
      expect(await reminders()).toEqual([]);
      await Promise.all([
        sendDueReminders(db, new Date("2099-03-07T07:00:00Z")),
        sendDueReminders(db, new Date("2099-03-07T07:00:01Z")),
      ]);
      expect((await reminders()).map((r) => r.to_address).sort()).toEqual(["ikt@giske.example", "ikt@sula.example"]);
      await sendDueReminders(db, new Date("2099-03-08T07:00:00Z"));
      expect((await reminders()).length).toBe(2);
      const round = await db
        .selectFrom("reporting_round")
        .select("reminder_sent_at")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      // whichever of the two concurrent runs claimed the round
      expect(["2099-03-07T07:00:00.000Z", "2099-03-07T07:00:01.000Z"]).toContain(round.reminder_sent_at);
    });
  });
});
