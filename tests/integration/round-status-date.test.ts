import { beforeEach, describe, expect, it } from "vitest";
import type { Language } from "../../db/schema";
import { listMeasures } from "../../app/measure/catalogue.server";
import { uptakeMatrix } from "../../app/overview/overview.server";
import { TEXTS } from "../support/texts";
import { defaultEffectiveDate } from "../../app/round/round";
import { parseMeasureFilters } from "@shared-schema/measure";
import { osloDateOf, osloToday } from "@shared-schema/dates";
import { formatDate } from "../../app/i18n/format";
import { statusesOn } from "../../app/uptake/statuses.server";
import { participation } from "../../app/cooperation/participation.server";
import { uptakeTimeline } from "../../app/uptake/history.server";
import { currentReports, saveUptakeReports } from "../../app/uptake/report.server";
import { currentMunicipalityId, cooperationIdOf, statusReport, userIdByEmail } from "../support/queries";
import { freshDemoEach, testDatabases } from "../support/databases";
import type { DB } from "../../db/connect";
import { chooseLanguage, loginCookie, serverForSuite, type TestServer } from "../support/server";
import type { CooperationId } from "../../app/cooperation/scope.server";

/*
 * A reporting round asks for the status on one day, its status date. A report given in the round
 * takes effect on that day unless the reporter dates it otherwise (and on the day it is given while
 * the status date is ahead), and the matrix of a year counts what was in effect at the year's end,
 * so a round about 2014 answered today counts for 2014.
 */

const SUNNMORE = "ekommune-sunnmore";
const GISKE = { email: "ikt@giske.example", number: "1532" };
const SECRETARIAT = "sekretariat@ekommune-sunnmore.example";

describe("the date a report takes effect", () => {
  it("starts from the asking round's status date, or today while that day is ahead", () => {
    expect(defaultEffectiveDate("2026-12-02", ["2014-12-31"])).toBe("2014-12-31");
    expect(defaultEffectiveDate("2026-12-02", ["2014-12-31", "2014-12-31"])).toBe("2014-12-31");
    expect(defaultEffectiveDate("2026-12-02", ["2026-12-31"])).toBe("2026-12-02");
    expect(defaultEffectiveDate("2026-12-02", [])).toBe("2026-12-02");
    // two rounds about different days: the reporter chooses
    expect(defaultEffectiveDate("2026-12-02", ["2014-12-31", "2013-11-18"])).toBe("2026-12-02");
  });
});
describe.each(testDatabases())("the demo's reports and their status date on $name", (database) => {
  // a report saved today in one test is taken into account by another: each test has its own copy
  const demo = freshDemoEach(database);
  let db: DB;
  let cooperationId: CooperationId;

  beforeEach(async () => {
    db = demo.db;
    cooperationId = await cooperationIdOf(db, SUNNMORE);
  });

  it("in the demo, a report given in a round takes effect on the round's status date, or on its day while that is ahead", async () => {
    const rows = await db
      .selectFrom("uptake_report")
      .innerJoin("reporting_round", "reporting_round.id", "uptake_report.round_id")
      .select([
        "uptake_report.effective_date",
        "uptake_report.created_at",
        "reporting_round.status_date",
        "reporting_round.name",
        "reporting_round.closed_at",
      ])
      .where("uptake_report.cooperation_id", "=", cooperationId)
      .execute();
    const closed = rows.filter((r) => r.closed_at !== null);
    const open = rows.filter((r) => r.closed_at === null);
    expect(closed.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    for (const r of closed) expect(r.effective_date, r.name).toBe(r.status_date);
    for (const r of open) expect(r.effective_date, r.name).toBe(defaultEffectiveDate(osloDateOf(r.created_at), [r.status_date]));
    expect(new Set(rows.filter((r) => r.name === "Statusrapportering 2014").map((r) => r.effective_date))).toEqual(
      new Set(["2014-12-31"]),
    );
  });

  it("in the demo, after 2014 a status was set by a round or a change of the map, and the 2014 round's answers hold in the matrix and today", async () => {
    const later = await db
      .selectFrom("uptake_report")
      .select(["reporter_id", "round_id", "effective_date"])
      .where("cooperation_id", "=", cooperationId)
      .where("effective_date", ">", "2014-12-31")
      .execute();
    const bySuccession = later.filter((r) => r.reporter_id === null);
    expect(bySuccession.length).toBeGreaterThan(0);
    expect(bySuccession.filter((r) => !["2020-01-01", "2024-01-01"].includes(r.effective_date))).toEqual([]);
    expect(later.filter((r) => r.reporter_id !== null && r.round_id === null)).toEqual([]);
    // the tester's case: Sykkylven's "in use" for measure 2, given in «Statusrapportering 2014»
    const { matrix } = await uptakeMatrix(db, { cooperationId, year: 2014 });
    const rows = matrix.groups.flatMap((g) => g.measures);
    const sykkylven = matrix.municipalities.findIndex((m) => m.number === "1528");
    expect(rows.find((r) => r.number === 2)!.cells[sykkylven]).toBe("in_use");
    // and today, among the seven members since 2024, it is still counted in use
    const catalogue = await listMeasures(db, { cooperationId, filters: parseMeasureFilters(new URLSearchParams()) });
    const today = await statusesOn(db, { cooperationId, date: osloToday() });
    const measure2 = catalogue.rows.find((c) => c.number === 2)!;
    expect(today.get(`${measure2.id}|${await currentMunicipalityId(db, "1528")}`)).toBe("in_use");
    expect(measure2.uptake.relevant).toBe(7);
    const taking = await participation(db, { cooperationId, date: osloToday() });
    const inUse = [...taking.keys()].filter((id) => ["in_use", "realised"].includes(today.get(`${measure2.id}|${id}`) ?? ""));
    expect(measure2.uptake.inUse).toBe(inUse.length);
  });

  it("a report about an earlier day fills in history without replacing what was reported since", async () => {
    const sula = await currentMunicipalityId(db, "1531");
    const userId = await userIdByEmail(db, "ikt@sula.example");
    const measure = await db
      .selectFrom("measure")
      .select("id")
      .where("cooperation_id", "=", cooperationId)
      .where("all_members", "=", 1)
      .orderBy("number")
      .executeTakeFirstOrThrow();
    const today = osloToday();
    const save = (status: "in_use" | "planned", effectiveDate: string, comment: string) =>
      saveUptakeReports(db, {
        cooperationId,
        municipalityId: sula,
        userId,
        reports: [statusReport(measure.id, status, effectiveDate, comment)],
      });
    await save("in_use", today, "Teke i bruk i alle einingar.");
    // entered afterwards: how it stood before the history kept so far began; not a step back from today's status
    await save("planned", "2012-12-31", "");

    expect(
      (await currentReports(db, { cooperationId, municipalityId: sula, measureIds: [measure.id] })).get(measure.id)?.status,
    ).toBe("in_use");
    const key = `${measure.id}|${sula}`;
    expect((await statusesOn(db, { cooperationId, date: today })).get(key)).toBe("in_use");
    expect((await statusesOn(db, { cooperationId, date: "2012-12-31" })).get(key)).toBe("planned");
    const [timeline] = await uptakeTimeline(db, { cooperationId, measureId: measure.id, municipalityId: sula });
    expect(timeline.entries[0]).toMatchObject({ to: "in_use", effectiveDate: today });
    const catalogue = await listMeasures(db, { cooperationId, filters: parseMeasureFilters(new URLSearchParams()) });
    expect(catalogue.rows.find((r) => r.id === measure.id)!.uptake.inUse).toBeGreaterThan(0);
  });
});

describe("reporting rounds and their status date, through the server", () => {
  let server: TestServer;
  let cooperationId: CooperationId;

  /**
   * A server of its own for the calling suite: a round opened in one suite asks its municipalities
   * too, which changes the date the other's forms start from.
   */
  const ownServer = () =>
    serverForSuite(async (started) => {
      server = started;
      cooperationId = await cooperationIdOf(server.db, SUNNMORE);
    });

  const html = async (cookie: string, path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie, Accept: "text/html" } });
    expect(response.status, path).toBe(200);
    return response.text();
  };
  const post = (cookie: string, path: string, body: URLSearchParams) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
  const inputValue = (page: string, id: string) =>
    page.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0].match(/value="([^"]*)"/)?.[1];

  describe("a reporter answering the demo's open round", () => {
    ownServer();

    it("a reporter's form starts from the round's status date, and the answer counts for that year", async () => {
      const giske = await currentMunicipalityId(server.db, GISKE.number);
      const round = await server.db
        .selectFrom("reporting_round")
        .select(["id", "status_date"])
        .where("cooperation_id", "=", cooperationId)
        .where("closed_at", "is", null)
        .executeTakeFirstOrThrow();
      const answered = await server.db
        .selectFrom("uptake_report")
        .select("measure_id")
        .where("round_id", "=", round.id)
        .where("municipality_id", "=", giske)
        .execute();
      const unanswered = await server.db
        .selectFrom("round_measure")
        .innerJoin("measure", "measure.id", "round_measure.measure_id")
        .select(["measure.id", "measure.number"])
        .where("round_measure.round_id", "=", round.id)
        .where(
          "measure.id",
          "not in",
          answered.map((a) => a.measure_id),
        )
        .orderBy("measure.number")
        .execute();
      expect(unanswered.length, "Giske has round measures left to answer").toBeGreaterThan(0);
      const measure = unanswered[0];

      // the round asks about the end of the year: while that is ahead, the form starts from today
      const expected = defaultEffectiveDate(osloToday(), [round.status_date]);
      const cookie = await loginCookie(server, GISKE.email);
      expect(inputValue(await html(cookie, `/c/${SUNNMORE}/uptake`), "effectiveDate")).toBe(expected);
      const page = await html(cookie, `/c/${SUNNMORE}/uptake/${measure.number}`);
      const effectiveDate = inputValue(page, "uptake-report-effectiveDate");
      expect(effectiveDate).toBe(expected);
      expect(page).toContain(formatDate("nb", round.status_date));

      const response = await post(
        cookie,
        `/c/${SUNNMORE}/uptake/${measure.number}`,
        new URLSearchParams({ status: "realised", comment: "", effectiveDate: effectiveDate! }),
      );
      expect(response.status).toBe(302);
      const saved = await server.db
        .selectFrom("uptake_report")
        .select(["effective_date", "round_id"])
        .where("measure_id", "=", measure.id)
        .where("municipality_id", "=", giske)
        .orderBy("seq", "desc")
        .executeTakeFirstOrThrow();
      expect(saved).toEqual({ effective_date: expected, round_id: round.id });
      const { matrix } = await uptakeMatrix(server.db, { cooperationId, year: Number(expected.slice(0, 4)) });
      const column = matrix.municipalities.findIndex((m) => m.id === giske);
      expect(matrix.groups.flatMap((g) => g.measures).find((m) => m.id === measure.id)!.cells[column]).toBe("realised");
    });
  });

  describe("the secretariat opening a round", () => {
    ownServer();
    /** the cooperation's measure number 1, which every round below asks about */
    const firstMeasure = () =>
      server.db
        .selectFrom("measure")
        .select("id")
        .where("cooperation_id", "=", cooperationId)
        .orderBy("number")
        .executeTakeFirstOrThrow();

    it.each<Language>(["nb", "nn"])("refuses a status date after the deadline in %s, keeping what was typed", async (lang) => {
      const cookie = await loginCookie(server, SECRETARIAT);
      await chooseLanguage(server, cookie, lang);
      const measure = await firstMeasure();
      const before = await server.db.selectFrom("reporting_round").select("id").execute();
      const response = await post(
        cookie,
        `/c/${SUNNMORE}/rounds/new`,
        new URLSearchParams({
          name: "Status ved nyttår",
          statusDate: "2099-12-31",
          deadline: "2099-01-15",
          reminderDaysBefore: "3",
          measures: measure.id,
        }),
      );
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain(TEXTS[lang].round.validation.statusDateAfterDeadline);
      expect(page).toContain('value="Status ved nyttår"');
      expect(page).toContain('value="2099-12-31"');
      expect(await server.db.selectFrom("reporting_round").select("id").execute()).toHaveLength(before.length);
    });

    it("opens a round with the status date asked for, today by default", async () => {
      const cookie = await loginCookie(server, SECRETARIAT);
      expect(inputValue(await html(cookie, `/c/${SUNNMORE}/rounds/new`), "round-statusDate")).toBe(osloToday());
      const measure = await firstMeasure();
      const response = await post(
        cookie,
        `/c/${SUNNMORE}/rounds/new`,
        new URLSearchParams({
          name: "Status 2026",
          statusDate: "2026-06-30",
          deadline: "2099-01-15",
          reminderDaysBefore: "",
          measures: measure.id,
        }),
      );
      expect(response.status).toBe(302);
      const round = await server.db
        .selectFrom("reporting_round")
        .select(["id", "status_date"])
        .where("name", "=", "Status 2026")
        .executeTakeFirstOrThrow();
      expect(round.status_date).toBe("2026-06-30");
      expect(await html(cookie, `/c/${SUNNMORE}/rounds/${round.id}`)).toMatch(/30\. juni 2026/);
    });
  });
});
