import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../db/connect";
import { listPlanComments } from "../../app/plan/comments.server";
import { findPlanByYear } from "../../app/plan/plan.server";
import { approvedPlan, planVersionSnapshot, reportDocument } from "../../app/report/report.server";
import { roundDetail } from "../../app/round/round.server";
import { PLAN_OUT_FOR_INPUT } from "../../seeds/plan-demo";
import { LATER_ROUNDS } from "../../seeds/later-content";
import { freshDemoEach, testDatabases } from "../support/databases";
import { cooperationIdOf } from "../support/queries";
import type { CooperationId } from "../../app/cooperation/scope.server";

/*
 * The demo's eKommune Sunnmøre from 2013 to today, on both sides of the changes of its map: a plan
 * for every year, a round for every year from 2019 answered by that year's members, and plans and
 * reports that keep the members they were approved or published with.
 */

const BEFORE_2020 = ["1504", "1523", "1524", "1525", "1526", "1528", "1529", "1531", "1532", "1534", "1546"];
const FROM_2020 = ["1507", "1525", "1528", "1531", "1532", "1578"];
const FROM_2024 = ["1508", "1525", "1528", "1531", "1532", "1578", "1580"];

describe.each(testDatabases())("the demo's years on $name", (database) => {
  const demo = freshDemoEach(database);
  let db: DB;
  let cooperationId: CooperationId;

  beforeEach(async () => {
    db = demo.db;
    cooperationId = await cooperationIdOf(db, "ekommune-sunnmore");
  });

  /** The municipality numbers a plan's measure shares its costs among: the plan's approved version, or the version given. */
  const planShares = async (year: number, measure: number, versionNo?: number) => {
    const plan = (await findPlanByYear(db, { cooperationId, year }))!;
    const version = versionNo ? plan.versions.find((v) => v.version_no === versionNo)! : null;
    const snapshot = version ? await planVersionSnapshot(db, version.id) : (await approvedPlan(db, { cooperationId, year }))!;
    const item = snapshot.items.find((i) => i.measure.number === measure)!;
    expect(item.shares.ok, `plan ${year}, measure ${measure}`).toBe(true);
    return item.shares.rows.map((r) => r.number).sort();
  };

  it("has an approved plan for every year up to this one, and next year's out for input", async () => {
    for (let year = 2013; year < PLAN_OUT_FOR_INPUT; year++) {
      const plan = await findPlanByYear(db, { cooperationId, year });
      // the plans of the years the map changed were amended for the new members
      const expected = [2020, 2024].includes(year) ? ["superseded", "approved"] : ["approved"];
      expect(
        plan?.versions.map((v) => v.status),
        String(year),
      ).toEqual(expected);
    }
    const next = await findPlanByYear(db, { cooperationId, year: PLAN_OUT_FOR_INPUT });
    expect(next?.versions.map((v) => v.status)).toEqual(["input"]);
  });

  it("each approved plan keeps the members of the day it was approved; amended after a change, it shares among the new", async () => {
    // approved in December before each change, then amended and approved again in January
    expect(await planShares(2020, 12, 1)).toEqual(BEFORE_2020);
    expect(await planShares(2020, 12)).toEqual(FROM_2020);
    expect(await planShares(2021, 12)).toEqual(FROM_2020);
    expect(await planShares(2024, 12, 1)).toEqual(FROM_2020);
    expect(await planShares(2024, 12)).toEqual(FROM_2024);
    expect(await planShares(2025, 12)).toEqual(FROM_2024);
    // chosen participants: the successors of the ones that chose the measure
    expect(await planShares(2019, 13)).toEqual(["1504", "1524", "1529", "1531", "1532", "1534"]);
    expect(await planShares(2021, 13)).toEqual(["1507", "1531", "1532", "1578"]);
    expect(await planShares(2025, 13)).toEqual(["1508", "1531", "1532", "1578", "1580"]);
  });

  it("a past input round lists the members asked then, under each a place for their comments", async () => {
    const numbers = async (year: number) => {
      const plan = (await findPlanByYear(db, { cooperationId, year }))!;
      const groups = await listPlanComments(db, { cooperationId, versionId: plan.versions[0].id });
      const ids = groups.map((g) => g.municipalityId).filter((id): id is string => id !== null);
      const rows = await db.selectFrom("municipality").select("number").where("id", "in", ids).execute();
      return rows.map((r) => r.number).sort();
    };
    expect(await numbers(2020)).toEqual(BEFORE_2020);
    expect(await numbers(2024)).toEqual(FROM_2020);
    expect(await numbers(PLAN_OUT_FOR_INPUT)).toEqual(FROM_2024);
  });

  it("each published report keeps the members of its year", async () => {
    const members = async (year: number) =>
      (await reportDocument(db, { cooperationId, year, language: "nn" }))!.figures.matrix.municipalities
        .map((m) => m.number)
        .sort();
    expect(await members(2019)).toEqual(BEFORE_2020);
    expect(await members(2025)).toEqual(FROM_2024);
  });

  it("every year's round from 2019 is closed, and submitted by that year's members and no one else", async () => {
    const rounds = await db
      .selectFrom("reporting_round")
      .innerJoin("round_submission", "round_submission.round_id", "reporting_round.id")
      .innerJoin("municipality", "municipality.id", "round_submission.municipality_id")
      .select(["reporting_round.name", "reporting_round.closed_at", "municipality.number"])
      .where("reporting_round.cooperation_id", "=", cooperationId)
      .where("reporting_round.status_date", ">=", "2019-12-31")
      .where("reporting_round.closed_at", "is not", null)
      .execute();
    for (const { year } of LATER_ROUNDS) {
      const expected = year < 2020 ? BEFORE_2020 : year < 2024 ? FROM_2020 : FROM_2024;
      const submitted = rounds.filter((r) => r.name === `Statusrapportering ${year}`).map((r) => r.number);
      expect(submitted.sort(), String(year)).toEqual(expected);
      // and the round's page asks them alone, not the successors formed after its status date
      const roundId = (
        await db
          .selectFrom("reporting_round")
          .select("id")
          .where("cooperation_id", "=", cooperationId)
          .where("name", "=", `Statusrapportering ${year}`)
          .executeTakeFirstOrThrow()
      ).id;
      const detail = await roundDetail(db, { cooperationId, roundId });
      expect(detail.municipalities.map((m) => m.number).sort(), String(year)).toEqual(expected);
      expect(new Set(detail.municipalities.map((m) => m.state)), String(year)).toEqual(new Set(["submitted"]));
    }
  });
});
