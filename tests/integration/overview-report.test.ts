import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { osloToday } from "@shared-schema/dates";
import { statusesOn } from "../../app/uptake/statuses.server";
import { overviewFigures, uptakeMatrix } from "../../app/overview/overview.server";
import { saveWeights } from "../../app/overview/weights.server";
import { planYears } from "../../app/overview/years.server";
import {
  ReportPublishedError,
  computeReportFigures,
  createReport,
  findReport,
  publishReport,
  reportDocument,
  saveNarrative,
} from "../../app/report/report.server";
import { saveUptakeReports } from "../../app/uptake/report.server";
import { freshDemoEach, testDatabases } from "../support/databases";
import { cooperationIdOf, counting, currentMunicipalityId, insertMeasure, statusReport, userIdByEmail } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";
import { StaleVersionError } from "../../app/utils/errors.server";

/*
 * The overview aggregates and the annual report on SQLite and PostgreSQL, against the demo data
 * (two years of reports, rounds, approved plans for 2013 and 2014).
 */

describe.each(testDatabases())("overview and annual report on $name", (database) => {
  // the query-count test adds members and measures: every test has its own copy of the demo
  const demo = freshDemoEach(database);
  let db: DB;
  let coopId: CooperationId;
  let users: Record<"secretariat" | "giske", string>;
  let giske: string;
  let measures: { id: string; number: number; version: number }[];

  beforeEach(async () => {
    db = demo.db;
    coopId = await cooperationIdOf(db, "ekommune-sunnmore");
    const user = (email: string) => userIdByEmail(db, email);
    users = { secretariat: await user("sekretariat@ekommune-sunnmore.example"), giske: await user("ikt@giske.example") };
    giske = await currentMunicipalityId(db, "1532");
    measures = await db
      .selectFrom("measure")
      .select(["id", "number", "version"])
      .where("cooperation_id", "=", coopId)
      .orderBy("number")
      .execute();
  });

  it("reads each pair's status on a day: its latest report taking effect by then", async () => {
    const end2013 = await statusesOn(db, { cooperationId: coopId, date: "2013-12-31" });
    const now = await statusesOn(db, { cooperationId: coopId, date: osloToday() });
    const reports = await db
      .selectFrom("uptake_report")
      .select(["measure_id", "municipality_id", "status", "seq", "effective_date"])
      .where("cooperation_id", "=", coopId)
      .orderBy("seq")
      .execute();
    const expected = (date: string) => {
      const m = new Map<string, string>();
      for (const r of reports) if (r.effective_date <= date) m.set(`${r.measure_id}|${r.municipality_id}`, r.status);
      return m;
    };
    expect(end2013).toEqual(expected("2013-12-31"));
    expect(now).toEqual(expected(osloToday()));
    expect(end2013.size).toBeGreaterThan(50);
  });

  it("builds the 2014 matrix for every member and running measure, with totals that add up", async () => {
    const { matrix } = await uptakeMatrix(db, { cooperationId: coopId, year: 2014 });
    expect(matrix.municipalities.length).toBe(11);
    const rows = matrix.groups.flatMap((g) => g.measures);
    expect(rows.length).toBe(9);
    expect(rows.every((r) => r.cells.length === 11)).toBe(true);
    const inUse = rows.reduce((s, r) => s + r.uptake.inUse, 0);
    expect(matrix.total.inUse).toBe(inUse);
    expect(matrix.municipalityTotals.reduce((s, u) => s + u.inUse, 0)).toBe(inUse);
    // measure 8 is for chosen members: Ørskog and Stordal do not take part
    const m8 = rows.find((r) => r.number === 8)!;
    expect(m8.cells.filter((c) => c === "not_participating").length).toBe(2);
  });

  it("answers the matrix in the same number of queries whatever the number of measures and municipalities", async () => {
    const measure = async () => {
      const probe = counting(db);
      await planYears(probe.db, { cooperationId: coopId });
      await uptakeMatrix(probe.db, { cooperationId: coopId, year: 2014 });
      return probe.count();
    };
    const before = await measure();
    // twenty more measures and ten more members, each with reports
    const extra = await db
      .selectFrom("municipality")
      .select("id")
      .where("valid_to", "is", null)
      .where("id", "not in", db.selectFrom("membership").select("municipality_id").where("cooperation_id", "=", coopId))
      .limit(10)
      .execute();
    await db
      .insertInto("membership")
      .values(
        extra.map((m) => ({
          id: randomUUID(),
          cooperation_id: coopId,
          municipality_id: m.id,
          joined_on: "2013-01-01",
          left_on: null,
          local_strategy_title: null,
          local_strategy_from_year: null,
          local_strategy_to_year: null,
          local_strategy_url: null,
          predecessor_membership_id: null,
        })),
      )
      .execute();
    const stamp = new Date().toISOString();
    for (let i = 0; i < 20; i++) {
      const id = await insertMeasure(db, {
        cooperation_id: coopId,
        number: 100 + i,
        name: `Ekstra ${i}`,
        period_from: 2013,
        period_to: 2016,
        created_at: stamp,
        updated_at: stamp,
      });
      await db
        .insertInto("uptake_report")
        .values(
          extra.map((m) => ({
            id: randomUUID(),
            cooperation_id: coopId,
            measure_id: id,
            municipality_id: m.id,
            status: "in_use" as const,
            comment: "",
            effective_date: "2014-03-01",
            seq: 1,
            created_at: stamp,
          })),
        )
        .execute();
    }
    const after = await measure();
    expect(after).toBe(before);
    const { matrix } = await uptakeMatrix(db, { cooperationId: coopId, year: 2014 });
    expect(matrix.municipalities.length).toBe(21);
    expect(matrix.groups.flatMap((g) => g.measures).length).toBe(29);
  });

  it("weights change the progress of a focus area; a stale weight form is refused", async () => {
    const progressOf = async () => (await overviewFigures(db, { cooperationId: coopId, year: 2014 })).progress;
    const before = await progressOf();
    expect(before.equalWeights).toBe(true);
    const fresh = await db
      .selectFrom("measure")
      .select(["id", "number", "version"])
      .where("cooperation_id", "=", coopId)
      .orderBy("number")
      .execute();
    const m1 = fresh.find((m) => m.number === 1)!;
    const m2 = fresh.find((m) => m.number === 2)!;
    const changed = await saveWeights(db, {
      cooperationId: coopId,
      userId: users.secretariat,
      rows: [
        { measureId: m1.id, version: m1.version, weight: 5 },
        { measureId: m2.id, version: m2.version, weight: 0 },
      ],
    });
    expect(changed).toBe(2);
    const after = await progressOf();
    expect(after.equalWeights).toBe(false);
    expect(after.areas[0].share).not.toBe(before.areas[0].share);
    await expect(
      saveWeights(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        rows: [{ measureId: m1.id, version: m1.version, weight: 2 }],
      }),
    ).rejects.toBeInstanceOf(StaleVersionError);
  });

  it("gathers a draft's figures once while nothing changes, and anew after a reporter's save", async () => {
    await createReport(db, { cooperationId: coopId, userId: users.secretariat, year: 2015 });
    const draft = async () => (await reportDocument(db, { cooperationId: coopId, year: 2015, language: "nb" }))!;
    const first = await draft();
    expect(first.publishedAt).toBeNull();
    expect((await draft()).figures).toBe(first.figures);

    const m5 = measures.find((m) => m.number === 5)!;
    const giskeCell = (figures: typeof first.figures) => {
      const column = figures.matrix.municipalities.findIndex((m) => m.id === giske);
      return figures.matrix.groups.flatMap((g) => g.measures).find((m) => m.number === 5)!.cells[column];
    };
    const next = giskeCell(first.figures) === "realised" ? "in_use" : "realised";
    await saveUptakeReports(db, {
      cooperationId: coopId,
      municipalityId: giske,
      userId: users.giske,
      reports: [statusReport(m5.id, next, "2015-06-01")],
    });
    const after = await draft();
    expect(after.figures).not.toBe(first.figures);
    expect(giskeCell(after.figures)).toBe(next);
  });

  it("has a draft report show live figures and a published one keep the figures of its day", async () => {
    await createReport(db, { cooperationId: coopId, userId: users.secretariat, year: 2014 });
    let report = (await findReport(db, { cooperationId: coopId, year: 2014 }))!;
    await saveNarrative(db, {
      cooperationId: coopId,
      userId: users.secretariat,
      year: 2014,
      version: report.version,
      narrative: { summary: "Eit godt år for Ørskog og Ålesund." },
    });
    await expect(
      saveNarrative(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        year: 2014,
        version: report.version,
        narrative: { summary: "Gammal" },
      }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    report = (await findReport(db, { cooperationId: coopId, year: 2014 }))!;
    expect(report.narrative).toEqual({ summary: "Eit godt år for Ørskog og Ålesund." });

    const figures = await computeReportFigures(db, { cooperationId: coopId, year: 2014 });
    expect(figures.plan?.items.length).toBeGreaterThan(0);
    expect(figures.benefits.length).toBeGreaterThan(0);
    expect(figures.comments.every((c) => c.date.startsWith("2014"))).toBe(true);
    expect(figures.costs.totalInvestment).toBeGreaterThan(0);
    // the register's only figures are 2015's, which the measures' keys name; the report keeps that it used them
    expect(figures.costs.populationYears).toEqual([2015]);
    expect(figures.costs.unshared).toEqual([]);

    await publishReport(db, { cooperationId: coopId, userId: users.secretariat, year: 2014, version: report.version });
    const published = (await reportDocument(db, { cooperationId: coopId, year: 2014, language: "nn" }))!;
    expect(published.publishedAt).not.toBeNull();
    const matrixBefore = JSON.stringify(published.figures.matrix);

    // a status changes afterwards, taking effect in 2014
    const m5 = measures.find((m) => m.number === 5)!;
    await saveUptakeReports(db, {
      cooperationId: coopId,
      municipalityId: giske,
      userId: users.giske,
      reports: [statusReport(m5.id, "not_relevant", "2014-06-01", "Retta opp")],
    });
    const again = (await reportDocument(db, { cooperationId: coopId, year: 2014, language: "nn" }))!;
    expect(JSON.stringify(again.figures.matrix)).toBe(matrixBefore);
    const live = await computeReportFigures(db, { cooperationId: coopId, year: 2014 });
    expect(JSON.stringify(live.matrix)).not.toBe(matrixBefore);

    await expect(
      saveNarrative(db, {
        cooperationId: coopId,
        userId: users.secretariat,
        year: 2014,
        version: report.version + 1,
        narrative: {},
      }),
    ).rejects.toBeInstanceOf(ReportPublishedError);
    // the database itself refuses to change or delete a published report
    await expect(
      db
        .updateTable("annual_report")
        .set({ narrative: "{}" })
        .where("cooperation_id", "=", coopId)
        .where("year", "=", 2014)
        .execute(),
    ).rejects.toThrow(/published/);
    await expect(
      db.deleteFrom("annual_report").where("cooperation_id", "=", coopId).where("year", "=", 2014).execute(),
    ).rejects.toThrow(/published/);
    const audit = await db.selectFrom("audit_event").select("action").where("entity_id", "=", report.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["report.create", "report.narrative", "report.publish"]);
  });
});
